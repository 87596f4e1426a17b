"""No English sentence is left on a Spanish or German page, outside what is marked lang="en".

Every built page under /es/ and /de/ is read as a person sees it (text, and the labels a screen reader reads),
leaving out code, scripts and anything inside an element marked ``lang="en"`` (the articles' titles and points,
the contributing page). A piece of text fails when it is also on the English page and has English words in
it, or when it holds a word that is English and never Spanish or German ("the", "your", "with" ...).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

LANGUAGES = ("es", "de")
#: Elements whose text is not prose a reader takes in as the page's language.
SKIP = frozenset({"script", "style", "svg", "code", "pre", "template", "kbd"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
LABELS = ("aria-label", "title", "alt", "placeholder")
#: Names that are the same in every language: the site, the licence, sites and people named in the advice, web
#: addresses (a printed one is broken after each slash, so its query ``?situation=no-reply`` is a piece of its own).
NAMES = re.compile(
    r"After the No|CC BY 4\.0|Creative Commons|LinkedIn|MIT|TED|YAML|QR|PNG|SVG|PDF|https?://\S+|\S+@\S+"
    r"|\?[a-z]+=[a-z0-9-]+"
)
#: Common English words that are not Spanish or German words.
ENGLISH_ONLY = re.compile(
    r"\b(the|your|you|with|this|that|what|when|how|and|of|to|is|are|page|report|example|shared|by|"
    r"one|two|three|four|five|six|seven|eight|nine|day|days|switch|mode|dark|light|skip|content)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


class VisibleText(HTMLParser):
    """The pieces of text of a page outside ``lang="en"`` elements, and the text of those elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []
        self.pieces: list[str] = []
        self.english: set[str] = set()
        #: Pieces inside an element marked with another language than English (``lang="de"``).
        self.foreign: set[str] = set()
        self.words: list[str] = []

    def _quiet(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = (values.get("lang") or "") if tag != "html" else ""
        english = lang.startswith("en")
        foreign = (self._foreign() or bool(lang)) and not english
        quiet = self._quiet() or english or tag in SKIP
        target = self.english if english or self._quiet() else None
        for name in LABELS:
            label = values.get(name)
            if label:
                (target.add(label) if target is not None else self.pieces.append(label))
                if foreign:
                    self.foreign.add(label)
        if tag in VOID:
            return
        self._flush()
        self.stack.append((tag, quiet, foreign))
        if english:
            self.words = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self._flush()
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.words.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.words).split())
        self.words = []
        if text:
            (self.english.add(text) if self._quiet() else self.pieces.append(text))
            if self._foreign():
                self.foreign.add(text)


def read(html: str) -> VisibleText:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser


def english_left_in(html: str, english_html: str | None) -> list[str]:
    """The pieces of a page's ``html`` that are English: on the English page too, or holding an English-only word."""
    found = read(html)
    english_page = read(english_html) if english_html else None
    # Text the English page marks as another language (the Spanish and German names in its list of language
    # versions) is not English, though it is on the English page too.
    on_english = set(english_page.pieces) - english_page.foreign if english_page else set()
    left = []
    for piece in dict.fromkeys(found.pieces):
        if piece in found.english:
            # The same words as a lang="en" element of the page (a heading's entry in the table of contents).
            continue
        words = NAMES.sub(" ", piece)
        if (piece in on_english and len(WORD.findall(words)) >= 2) or ENGLISH_ONLY.search(words):
            left.append(piece)
    return left


def english_left(page: Path, english_page: Path | None) -> list[str]:
    """``english_left_in`` for two built files."""
    english = english_page.read_text(encoding="utf-8") if english_page else None
    return english_left_in(page.read_text(encoding="utf-8"), english)


def test_finds_english_left() -> None:
    """The reader flags an English sentence, and skips the same sentence inside lang="en" and in code."""
    page = "<html lang='es'><body><p>Report a problem with this page</p><p lang='en'>Used in the guide</p>"
    page += "<code>the_name</code><p>Informar de un problema</p><button aria-label='Close the menu'></button></body>"
    parser = VisibleText()
    parser.feed(page)
    flagged = [p for p in parser.pieces if ENGLISH_ONLY.search(NAMES.sub(" ", p))]
    assert flagged == ["Report a problem with this page", "Close the menu"]


def test_text_the_english_page_marks_as_another_language_is_not_english() -> None:
    """A Spanish name on the English page (its list of language versions) is not English on the Spanish page,
    while an English sentence on both pages still is; a printed address's query is a name."""
    english = "<html lang='en'><body><ul><li lang='es'><a>Hoja para imprimir</a></li></ul><p>Printable handout</p>"
    english += "<p>?situation=no-reply</p>"
    spanish = "<html lang='es'><body><p>Hoja para imprimir</p><p>Printable handout</p><p>?situation=no-reply</p>"
    assert english_left_in(spanish, english) == ["Printable handout"]


#: The careers centres' pages (the link builder, QR codes, handouts), translated in a separate piece of work.
CENTRE_PAGES = ("careers-centres/", "handout/")


def problems_of(site: Path, code: str, centre: bool) -> list[str]:
    """Each English piece left on the language's pages: the careers centres' pages, or all the others."""
    problems = []
    for page in sorted((site / code).rglob("*.html")):
        rel = page.relative_to(site / code)
        if rel.as_posix().startswith(CENTRE_PAGES) != centre:
            continue
        english = site / rel
        for piece in english_left(page, english if english.exists() else None):
            problems.append(f"/{code}/{rel}: {piece[:120]}")
    return problems


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_left(site: Path, code: str) -> None:
    """Every page under /es/ and /de/ is in its language, apart from the parts marked lang="en"."""
    problems = problems_of(site, code, centre=False)
    assert not problems, "English text left (translate it through ui.yml, or mark it lang=en):\n" + "\n".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_left_on_centre_pages(site: Path, code: str) -> None:
    """The careers centres' pages and handouts under /es/ and /de/ are in their language too."""
    problems = problems_of(site, code, centre=True)
    assert not problems, "English text left:\n" + "\n".join(problems)
