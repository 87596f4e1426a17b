"""The search index in each language: found with or without accents, and only in the site's own language.

Material's search (lunr) matches a word only as it is written: on the Spanish site "opinion" missed every page
that says "opinión", and German readers who type "fur" or "Rueckmeldung" missed "für" and "Rückmeldung". Each
entry of the index gets one more field per searched field (``text_folded`` beside ``text``, same boost) holding
the other spellings of its accented words: without the accents (opinion, fur, ruckmeldung) and, for umlauts,
as typed on a keyboard without them (fuer, rueckmeldung). The theme indexes every field the index's config
lists, and shows only the title and the text, so the added words find a page but never show in its snippet.

Material gives a page's ``tags`` (its ``keywords``) to every section of the page alike. A message template's
keywords belong to its own section of the templates page: they are added to that section's entry only, so a
search for "carta de agradecimiento" lands on the thank-you message, not on the page's top.

A translated site also leaves out of its index the parts written in English (marked ``lang="en"``: the source
articles' points, the contributors' guide), which only crowded a Spanish or German reader's results.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

#: A word as a reader types it: letters and digits (the theme's separator splits on spaces and hyphens).
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
#: How German is written without umlauts on a keyboard that lacks them.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
#: A start or end tag of the page's HTML (as Markdown writes it: no ``<`` or ``>`` inside attribute values).
_ANY_TAG = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9]*)(?P<attrs>(?:\s[^<>]*?)?)\s*(?P<closed>/?)>")
_ENGLISH = re.compile(r'\blang="en"')
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
#: The headings and blocks left out when marked as English (a heading's exclusion takes its whole section).
#: Not a list item or a span: the list of language versions names English in English, and stays findable.
_EXCLUDED_WHEN_ENGLISH = _HEADINGS | {"div", "ul", "ol", "p", "section"}
#: Elements that have no end tag.
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
)


def without_accents(word: str) -> str:
    """The word with its accents and umlauts dropped: opinión -> opinion, für -> fur, Straße -> strasse."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ß", "ss"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def other_spellings(word: str) -> list[str]:
    """The spellings of an accented word a reader may type instead, without the word itself (none if plain)."""
    if word.isascii():
        return []
    lowered = word.lower()
    spellings = dict.fromkeys((without_accents(lowered), without_accents(lowered.translate(_UMLAUTS))))
    return [spelling for spelling in spellings if spelling != lowered]


def folded_words(value: str | list[str]) -> str:
    """The other spellings of every accented word of a field's value (HTML text or a list of tags), in order."""
    text = " ".join(value) if isinstance(value, list) else html.unescape(_TAG.sub(" ", value))
    return " ".join(spelling for word in _WORD.findall(text) for spelling in other_spellings(word))


def with_folded_fields(index: dict[str, Any]) -> dict[str, Any]:
    """The theme's search index with a ``<field>_folded`` field beside each field, for the unaccented spellings."""
    fields: dict[str, Any] = index["config"]["fields"]
    searched = [name for name in fields if not name.endswith("_folded")]
    for name in searched:
        fields[f"{name}_folded"] = dict(fields[name])
    for doc in index["docs"]:
        for name in searched:
            if name in doc and (folded := folded_words(doc[name])):
                doc[f"{name}_folded"] = folded
    return index


def with_section_keywords(index: dict[str, Any], keywords: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The theme's search index with each section listed in ``keywords`` (by location) given its own tags.

    Raises:
        ValueError: A listed section is not in the index (its page or its heading's anchor changed).
    """
    docs = {doc["location"]: doc for doc in index["docs"]}
    missing = sorted(location for location in keywords if location not in docs)
    if missing:
        raise ValueError(f"no search entry for {', '.join(missing)}: its keywords would find nothing")
    for location, words in keywords.items():
        if words:
            doc = docs[location]
            doc["tags"] = list(dict.fromkeys([*doc.get("tags", []), *words]))
    return index


def english_left_out(page_html: str) -> str:
    """A translated page's HTML with every heading or block marked ``lang="en"`` left out of the search index.

    A heading inside a left-out block goes too: the theme starts an entry at every heading, and one inside an
    excluded block would stay in the index as an empty entry under the page's title (the contributors' guide,
    English on every site, left three such entries in the Spanish and German indexes).
    """
    parts: list[str] = []
    last = 0
    #: The open elements, each with whether it is left out of the index (itself or an element around it).
    open_tags: list[tuple[str, bool]] = []
    for match in _ANY_TAG.finditer(page_html):
        name = match["name"].lower()
        if match["end"]:
            _close(open_tags, name)
            continue
        attrs = match["attrs"]
        around = bool(open_tags) and open_tags[-1][1]
        marked = "data-search-exclude" in attrs
        english = name in _EXCLUDED_WHEN_ENGLISH and bool(_ENGLISH.search(attrs))
        if not marked and (english or (around and name in _HEADINGS)):
            parts += [page_html[last : match.start()], f"<{match['name']}{attrs} data-search-exclude>"]
            last = match.end()
            marked = True
        if name not in _VOID and not match["closed"]:
            open_tags.append((name, around or marked))
    return "".join([*parts, page_html[last:]])


def _close(open_tags: list[tuple[str, bool]], name: str) -> None:
    """Close the innermost open ``name`` element (and any left open inside it); a stray end tag closes nothing."""
    for depth in range(len(open_tags) - 1, -1, -1):
        if open_tags[depth][0] == name:
            del open_tags[depth:]
            return
