"""A script fetched on demand speaks the page's language: the page's JSON leaves its text out (the page budget),
its translated copy adds it (hooks/site.py with_own_strings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from afterno.translation_load import script_strings_by_file
from browser.conftest import READY
from helpers import ROOT, language_roots, ui_text

pytestmark = pytest.mark.browser


def test_checklist_files_text_is_translated_once_fetched(page: Page, served_site: str, site: Path) -> None:
    """On /de/ and /es/checklist/, t() gives every translated wording of checklist-files.js once it is loaded."""
    texts = script_strings_by_file(ROOT / "docs" / "assets")["checklist-files.js"]
    for root in language_roots(site)[1:]:
        ui = ui_text(root.strip("/"))
        wanted = {text: ui[text] for text in texts if ui.get(text, text) != text}
        assert wanted, root
        page.goto(f"{served_site}{root}checklist/")
        page.wait_for_selector(READY)
        page.add_script_tag(url=f"{served_site}{root}assets/checklist-files.js")
        got = page.evaluate("(texts) => texts.map((text) => AtnChecklistCore.t(text))", list(wanted))
        assert dict(zip(wanted, got, strict=True)) == wanted, root
