"""The templates page names each box by its label as written, in every language: German nouns keep their capital.

"Nutzt deine Angaben: name der person, mit der du zu tun hattest, die stelle ..." was the German page when the
labels were lower-cased into a sentence; a translation's case is the translator's, so the page never changes it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from helpers import CONTENT

LANGUAGES = {"en": "", "de": "de/", "es": "es/"}


def labels(code: str) -> list[str]:
    """Every placeholder label of every template, in one language."""
    folder = CONTENT / "templates" if code == "en" else CONTENT / "translations" / code / "templates"
    found = []
    for path in sorted(folder.glob("*.yml")):
        found += [p["label"] for p in yaml.safe_load(path.read_text(encoding="utf-8"))["placeholders"]]
    return found


def notes(page: str) -> list[str]:
    """The text of the page's 'Uses your details' lines and 'Replace each part in braces' notes."""
    blocks = re.findall(r'<(div|p) class="atn-template__(?:uses|fields-note)"[^>]*>(.*?)</\1>', page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", " ", block)) for _, block in blocks]


@pytest.mark.parametrize("code", LANGUAGES)
def test_labels_keep_their_case(code: str, site: Path) -> None:
    """Each label shows as written in the notes under a message, and never lower-cased."""
    page = (site / LANGUAGES[code] / "templates" / "index.html").read_text(encoding="utf-8")
    text = " ".join(notes(page))
    assert text, "no notes found on the templates page"
    missing = sorted({label for label in labels(code) if label not in text})
    lowered = sorted({label for label in labels(code) if label != label.lower() and label.lower() in text})
    assert not missing, f"labels not shown as written: {missing}"
    assert not lowered, f"labels lower-cased: {lowered}"
