"""The checklist's Change button reads as one phrase in each language (its visible word, then what it changes).

A screen reader reads the button as its visible word followed by the hidden words. German "Ändern den Tag der
Absage ..." is not a sentence (an infinitive with its object after it); the hidden words stand in brackets.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from helpers import language_roots

CHANGE = re.compile(r'<button[^>]*data-atn-action="change"[^>]*>(.*?)</button>', re.DOTALL)
#: The button's name in each language, as a reader hears it.
NAMES = {
    "": "Change the day you heard, what they said, the company or the role",
    "de/": "Ändern (Tag der Absage, was sie gesagt haben, Firma oder Stelle)",
    "es/": "Cambiar el día en que te enteraste, lo que te dijeron, la empresa o el puesto",
}


def change_button_name(page: Path) -> str:
    """The text of the checklist's Change button (visible and hidden parts), spaces collapsed."""
    found = CHANGE.search(page.read_text(encoding="utf-8"))
    assert found, f"{page}: no Change button"
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found[1])).split())


def test_change_button_reads_as_one_phrase_in_each_language(site: Path) -> None:
    """Every built language has its name here, and the German one is no infinitive followed by an article."""
    names = {root: change_button_name(site / root / "checklist" / "index.html") for root in language_roots(site)}
    assert names == NAMES
    assert not re.match(r"Ändern (den|die|das|der) ", names["de/"])
