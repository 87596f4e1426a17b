"""The search index in each language: accented words found without their accents, and no English on a translation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from afterno.search_index import english_left_out, folded_words, other_spellings, with_section_keywords


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


def test_headings_inside_an_english_block_are_left_out_too() -> None:
    """A heading inside a block marked lang="en" is left out (else an empty entry stays); one after the block stays."""
    page = (
        '<h1 id="t">Colaborar</h1><p>Esta página.</p><div lang="en"><p>Intro<br/></p><h2 id="a">Edit</h2>'
        '<div><h3 id="b" data-search-exclude>Step</h3></div></div><h2 id="c">Después</h2>'
    )
    expected = (
        '<h1 id="t">Colaborar</h1><p>Esta página.</p><div lang="en" data-search-exclude><p>Intro<br/></p>'
        '<h2 id="a" data-search-exclude>Edit</h2><div><h3 id="b" data-search-exclude>Step</h3></div></div>'
        '<h2 id="c">Después</h2>'
    )
    assert english_left_out(page) == expected


@pytest.mark.parametrize("lang", ["es", "de"])
def test_contributors_guide_is_one_entry_in_the_sites_language(site: Path, lang: str) -> None:
    """On a translated site the contributors' guide is one entry, its translated title and note: no English section."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [doc for doc in index["docs"] if doc["location"].startswith("contributing/")]
    assert [doc["location"] for doc in entries] == ["contributing/"]
    assert entries[0]["title"] == {"es": "Colaborar", "de": "Mitmachen"}[lang]
    assert "YAML" not in entries[0]["text"]


@pytest.mark.parametrize("lang", ["es", "de"])
def test_translated_index_has_no_empty_entries(site: Path, lang: str) -> None:
    """Every entry of a translated index has text of its own or a heading of its own (none is a bare stub)."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    stubs = [
        doc["location"]
        for doc in index["docs"]
        if "#" in doc["location"] and not doc["text"] and doc["title"] == pages.get(doc["location"].split("#")[0])
    ]
    assert not stubs


@pytest.mark.parametrize("lang", ["es", "de"])
def test_translated_index_holds_no_english_sections(site: Path, lang: str) -> None:
    """The Spanish and German indexes hold no sections of the English source articles."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    articles = {f"sources/#{path.stem}" for path in Path("content/sources").glob("*.yml")}
    assert articles, "no source articles found in content/sources"
    assert not articles.intersection(locations)
    assert "text_folded" in index["config"]["fields"]


def test_section_keywords_go_to_their_own_section_only() -> None:
    """A section's keywords join its own entry's tags (after the page's, each once); other entries keep theirs."""
    index = {
        "docs": [
            {"location": "templates/", "title": "T", "text": ""},
            {"location": "templates/#a", "title": "A", "text": "", "tags": ["page word", "thanks"]},
            {"location": "templates/#b", "title": "B", "text": ""},
        ]
    }
    docs = with_section_keywords(index, {"templates/#a": ["thanks", "thank you email"], "templates/#b": []})["docs"]
    assert [doc.get("tags") for doc in docs] == [None, ["page word", "thanks", "thank you email"], None]


def test_keywords_for_a_section_not_in_the_index_stop_the_build() -> None:
    """Keywords for an anchor the index does not hold (a renamed heading) are an error, not silently lost."""
    with pytest.raises(ValueError, match="no search entry for templates/#gone"):
        with_section_keywords({"docs": [{"location": "templates/"}]}, {"templates/#gone": ["x"]})


def _template_keywords(lang: str) -> dict[str, list[str]]:
    """Each message template's keywords in ``lang`` (en: content/templates; else its translations), by id."""
    folder = Path("content/templates") if lang == "en" else Path("content/translations") / lang / "templates"
    files = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml"))]
    return {data["id"]: data["keywords"] for data in files}


@pytest.mark.parametrize("lang", ["en", "es", "de"])
def test_each_template_section_is_found_by_its_own_keywords(site: Path, lang: str) -> None:
    """In every language, each message template's section of the templates page carries that template's keywords,
    and the page's own entry carries none of them (a search lands on the message, not the page's top)."""
    folder = site if lang == "en" else site / lang
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    keywords = _template_keywords(lang)
    assert keywords, f"no message templates found for {lang}"
    for template_id, words in keywords.items():
        assert docs[f"templates/#{template_id}"]["tags"] == words, template_id
    assert "tags" not in docs["templates/"]


def _item_keywords(lang: str, kind: str) -> dict[str, list[str]]:
    """Each situation's or step's keywords in ``lang`` (en: content/<kind>; else its translations), by id."""
    folder = Path("content") / kind if lang == "en" else Path("content/translations") / lang / kind
    files = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml"))]
    return {data["id"]: data.get("keywords", []) for data in files}


@pytest.mark.parametrize("lang", ["en", "es", "de"])
def test_situations_and_steps_are_found_in_their_own_section(site: Path, lang: str) -> None:
    """In every language, a situation's keywords mark its own section of /situations/ (a search for "ghosted" lands
    on #no-reply), a step's its section in its home guide, and no other entry of those pages carries them."""
    folder = site if lang == "en" else site / lang
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    home: dict[str, str] = {}
    for path in sorted(Path("content/guides").glob("*.yml")):
        guide = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in guide["steps"]:
            home.setdefault(step, f"guides/{guide['id']}/#{step}")
    expected = {f"situations/#{i}": words for i, words in _item_keywords(lang, "situations").items()}
    expected |= {home[i]: words for i, words in _item_keywords(lang, "steps").items()}
    assert len(expected) > 20 and all(expected.values()), f"{lang}: keywords missing"
    for location, words in expected.items():
        assert docs[location]["tags"] == words, location
    others = [
        location
        for location, doc in docs.items()
        if location.startswith(("situations/", "guides/")) and doc.get("tags") and location not in expected
    ]
    assert not others, f"{lang}: entries tagged beyond their own section: {others}"


@pytest.mark.parametrize("lang", ["en", "es", "de"])
def test_situation_handouts_are_left_out_and_the_handout_page_is_found(site: Path, lang: str) -> None:
    """A situation's handout repeats the checklist for print: none is in the index (they were 79 of its 175 entries,
    a reader's "thank you" met nine handouts), while the printable handout page itself stays findable."""
    root = site if lang == "en" else site / lang
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    situations = [path.stem for path in Path("content/situations").glob("*.yml")]
    assert situations, "no situations found in content/situations"
    assert not [where for where in locations if where.split("#")[0] in {f"handout/{s}/" for s in situations}]
    assert "handout/" in locations
    assert all((root / "handout" / s / "index.html").is_file() for s in situations)
