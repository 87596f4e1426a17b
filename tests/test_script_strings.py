"""The scripts' interface text on a translated page: short keys, and only the text of the scripts on that page.

A translated /checklist/ has to stay within the page budget (tests/browser/test_page_weight.py). Its JSON keys each
wording by text_key (the same hash as checklist-core.js key()), not by the English sentence; the scripts fetched
on demand (checklist-files.js, the templates' tools) carry their own text in their translated copy.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from afterno.html_fixes import apply_edits, self_valued_attribute_edits
from afterno.translation_load import script_strings_by_file, text_key
from helpers import ROOT, language_roots, ui_text

SAMPLES = ["by {day}", "Ändern", "Day you heard", "…", "😀 ok", ""]
ON_PAGE = ("site.js", "checklist-core.js", "checklist.js")
PAGE_JSON = re.compile(r'<script type="application/json" id="atn-strings">(.*?)</script>', re.DOTALL)


def test_text_key_is_the_key_the_scripts_compute() -> None:
    """Python's text_key and checklist-core.js textKey agree, letters outside ASCII and surrogate pairs too."""
    script = (
        "const C=require('./docs/assets/checklist-core.js');"
        "console.log(JSON.stringify(JSON.parse(process.argv[1]).map(C.textKey)))"
    )
    done = subprocess.run(
        ["node", "-e", script, json.dumps(SAMPLES)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [text_key(text) for text in SAMPLES]


def test_translated_checklist_carries_its_scripts_text_by_key(site: Path) -> None:
    """Each translated /checklist/ has every translated wording of checklist.js under its key, none of the
    on-demand scripts' text; checklist-files.js of that language adds its own."""
    scripts = script_strings_by_file(ROOT / "docs" / "assets")
    for root in language_roots(site)[1:]:
        ui = ui_text(root.strip("/"))
        found = PAGE_JSON.search((site / root / "checklist" / "index.html").read_text(encoding="utf-8"))
        assert found, root
        table = json.loads(found[1])
        wanted = {text_key(text): ui[text] for text in scripts["checklist.js"] if ui.get(text, text) != text}
        assert wanted and wanted.items() <= table.items(), root
        on_demand = {text_key(text) for text in scripts["checklist-files.js"]} - {
            text_key(t) for t in scripts["checklist.js"]
        }
        assert not on_demand & table.keys(), root
        files = (site / root / "assets" / "checklist-files.js").read_text(encoding="utf-8")
        assert "addStrings(" in files and all(key in files for key in on_demand), root


def test_self_valued_attributes_are_written_bare() -> None:
    """hidden="hidden" and data-x="data-x" lose their value; other attributes and text keep theirs."""
    html = '<p hidden="hidden" data-atn-js="data-atn-js" data-x="y" title="title">hidden="hidden"</p>'
    assert apply_edits(html, self_valued_attribute_edits(html)) == (
        '<p hidden data-atn-js data-x="y" title="title">hidden="hidden"</p>'
    )
