"""The search index in each language: accented words found without their accents, and no English on a translation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterno.search_index import english_left_out, folded_words, other_spellings


@pytest.mark.parametrize(
    ("word", "spellings"),
    [
        ("opinión", ["opinion"]),
        ("für", ["fur", "fuer"]),
        ("Rückmeldung", ["ruckmeldung", "rueckmeldung"]),
        ("Straße", ["strasse"]),
        ("LinkedIn", []),
    ],
)
def test_other_spellings_are_those_typed_without_accents(word: str, spellings: list[str]) -> None:
    """An accented word gets its unaccented spellings (umlauts also as ae/oe/ue); a plain word gets none."""
    assert other_spellings(word) == spellings


def test_folded_words_read_the_text_not_the_markup() -> None:
    """The folded words come from a field's text, never from its HTML tags or entities."""
    assert folded_words('<p class="é">Pide tu opinión &amp; más</p>') == "opinion mas"


def test_english_parts_are_left_out_of_the_index() -> None:
    """A heading or block marked lang="en" gets the search plugin's exclusion, once; a list item keeps its markup."""
    page = '<h2 id="a" lang="en">T</h2><div lang="en" data-search-exclude>x</div><p lang="es">y</p><li lang="en">z</li>'
    expected = page.replace('lang="en">T', 'lang="en" data-search-exclude>T')
    assert english_left_out(page) == expected


@pytest.mark.parametrize("lang", ["es", "de"])
def test_translated_index_holds_no_english_sections(site: Path, lang: str) -> None:
    """The Spanish and German indexes hold no sections of the English source articles."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    articles = {f"sources/#{path.stem}" for path in Path("content/sources").glob("*.yml")}
    assert articles, "no source articles found in content/sources"
    assert not articles.intersection(locations)
    assert "text_folded" in index["config"]["fields"]
