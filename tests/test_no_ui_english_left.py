"""No English interface string is left on a Spanish or German page, in the main site or in a centre's edition.

The dictionary is the interface's own English: every string the templates and scripts translate (the ``en``
keys of content/translations/<code>/ui.yml). A string of two words or more (its pieces between placeholders
such as ``{day}`` or ``%(centre)s``) that a translated page shows verbatim, as text or in an aria-label,
title, alt or placeholder, is a string the page did not pass through translation. Text inside an element
marked ``lang="en"`` (the articles' points, a centre's own words in English) is left out, as in
tests/test_no_english_left.py, whose reader this test shares.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from test_no_english_left import LANGUAGES, read

from helpers import ROOT

#: A placeholder in a ui string: ``{day}`` (scripts) or ``%(centre)s`` (templates).
PLACEHOLDER = re.compile(r"\{\w+\}|%\(\w+\)s")
WORDS = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def fragments(english: str) -> list[str]:
    """The pieces of a ui string between its placeholders, trimmed, that hold two words or more."""
    pieces = (" ".join(part.split()).strip(" .,:;()") for part in PLACEHOLDER.split(english))
    return [piece for piece in pieces if len(WORDS.findall(piece)) >= 2]


@cache
def ui_english(code: str) -> re.Pattern[str]:
    """A pattern matching any English ui string of the language's ui.yml, leaving out strings its translations
    keep in English too (a name such as "After the No")."""
    path = ROOT / "content" / "translations" / code / "ui.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["strings"]
    translated = "\n".join(str(entry["text"]) for entry in entries)
    found = {piece for entry in entries for piece in fragments(str(entry["en"])) if piece not in translated}
    # Longest first, so a string is named whole rather than by a shorter string inside it.
    alternatives = "|".join(bounded(piece) for piece in sorted(found, key=len, reverse=True))
    return re.compile(alternatives)


def bounded(piece: str) -> str:
    """A pattern for ``piece`` as whole words: "Add a note" not inside "Add a notebook"; a piece that starts
    with punctuation ("'s edition of After the No", after a centre's name) may follow a word."""
    start = r"(?<!\w)" if piece[0].isalnum() else ""
    end = r"(?!\w)" if piece[-1].isalnum() else ""
    return f"{start}{re.escape(piece)}{end}"


def ui_english_in(html: str, code: str) -> list[str]:
    """The English ui strings a page of language ``code`` shows outside its ``lang="en"`` parts."""
    page = read(html)
    pattern = ui_english(code)
    found: dict[str, None] = {}
    for piece in page.pieces:
        if piece not in page.english:
            found.update(dict.fromkeys(pattern.findall(piece)))
    return list(found)


def problems_of(site: Path, code: str) -> list[str]:
    """Each English ui string on each built page under /<code>/, named by page."""
    problems = []
    for page in sorted((site / code).rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        problems += [f"/{rel}: {text!r}" for text in ui_english_in(page.read_text(encoding="utf-8"), code)]
    return problems


def test_fragments_are_the_pieces_between_placeholders() -> None:
    """A placeholder splits a ui string; one-word pieces are too short to name English by themselves."""
    assert fragments("Book a talk with an adviser at %(centre)s") == ["Book a talk with an adviser at"]
    assert fragments("{done} of {total} done") == []
    assert fragments("Heard {day}") == []
    assert fragments("%(centre)s's edition of After the No.") == ["'s edition of After the No"]


def test_finds_an_english_ui_string_in_text_and_labels() -> None:
    """A ui string left in English is found in a page's text and in its labels, but not inside lang="en"."""
    page = "<html lang='es'><body><p>Lista: Add a note</p><button aria-label='Add another application'></button>"
    page += "<p lang='en'>Print this handout</p><p>Añadir una nota</p><img alt='All guides'>"
    page += "<p>Add a notebook</p></body></html>"
    assert ui_english_in(page, "es") == ["Add a note", "Add another application", "All guides"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_ui_string_on_translated_pages(site: Path, code: str) -> None:
    """Every page of the main site under /es/ and /de/ shows its interface translated."""
    problems = problems_of(site, code)
    assert not problems, "English ui strings left (translate them in ui.yml or the template):\n" + "\n".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_ui_string_on_the_centre_edition(centre_site: Path, code: str) -> None:
    """Every page of a careers centre's edition under /es/ and /de/ (its box, handouts, posters, 404 page)
    shows its interface translated."""
    problems = problems_of(centre_site, code)
    assert not problems, "English ui strings left (translate them in ui.yml or the template):\n" + "\n".join(problems)
