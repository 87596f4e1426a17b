"""Each translation names a careers service, and the poster, with one term throughout.

A German adviser met "Ihre Berufsberatung" (the link builder's heading: it suggests the Arbeitsagentur),
"Dein Career Service" (the handout) and "Karriereberatung" (the checklist) for one thing, and "Poster" beside
"Plakat" in one section. German uses "Career Service" (a university's own name for it) and "Poster";
Spanish "servicio de orientación" / "orientación laboral" and "póster".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import CONTENT

#: Terms that must not appear in a language's text, each with the term it uses instead.
OTHER_TERMS = {
    "de": {
        r"Berufsberat\w*": "Career Service",
        r"Karriereberat\w*": "Career Service",
        r"Karriere-?Service\w*": "Career Service",
        r"Career Cent(?:er|re)\w*": "Career Service",
        r"Plakat\w*": "Poster",
    },
    "es": {
        r"servicios? de carreras?": "servicio de orientación",
        r"centros? de carreras?": "servicio de orientación",
        r"cartel\w*": "póster",
        r"afiche\w*": "póster",
        r"(?<!/)\bposter\b(?!\.md)": "póster",
    },
}
#: Fields that are not text a reader sees as the interface or the advice: the English source, hashes, search words.
SKIPPED = {"en", "made_from", "keywords", "id"}


def texts(value: Any, key: str = "") -> Iterator[str]:
    """Every text of a translation file, leaving out the fields in SKIPPED."""
    if key in SKIPPED:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from texts(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from texts(item, key)


def files(code: str) -> list[Path]:
    """A language's translation files."""
    return sorted((CONTENT / "translations" / code).rglob("*.yml"))


CASES = [(code, path) for code in OTHER_TERMS for path in files(code)]


@pytest.mark.parametrize(("code", "path"), CASES, ids=[str(path.relative_to(CONTENT)) for _, path in CASES])
def test_one_term_for_the_careers_service_and_the_poster(code: str, path: Path) -> None:
    """No text of the file uses another language's-worth of names for the careers service or the poster."""
    found = []
    for text in texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
        for pattern, instead in OTHER_TERMS[code].items():
            found += [f"{match.group(0)!r}: write {instead!r}" for match in re.finditer(pattern, text, re.I)]
    assert not found, f"{path}: {found}"


@pytest.mark.parametrize(("code", "term"), [("de", "Career Service"), ("es", "servicio de orientación")])
def test_the_chosen_term_is_used(code: str, term: str) -> None:
    """The chosen term is really the one the interface uses (so the check above is not passing on empty files)."""
    ui = yaml.safe_load((CONTENT / "translations" / code / "ui.yml").read_text(encoding="utf-8"))
    said = [item["text"] for item in ui["strings"] if item["en"].startswith("Your careers service")]
    assert said and all(term.lower() in text.lower() for text in said), said
