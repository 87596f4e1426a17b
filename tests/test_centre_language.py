"""A careers centre's own words (centre.yml) keep their language on every page: on a page in another language they
are marked lang="..." (centre.yml's ``language``, English unless set), so a screen reader reads them in their
own voice; on a page in their language they carry no mark."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import test_no_english_left as no_english
import yaml
from markupsafe import Markup

from afterno.anchors import body_of
from afterno.centre import load_centre
from afterno.load import load_content
from afterno.localize import words_in
from afterno.render import Renderer
from helpers import CENTRE_FIXTURE, CENTRE_SITE_URL, ROOT, TRANSLATED, build_site, copy_project, ui_text

SAMPLE = yaml.safe_load(CENTRE_FIXTURE.read_text(encoding="utf-8"))
#: The sample centre's own words, each as a page shows it.
WORDS = [
    SAMPLE["name"],
    SAMPLE["opening_hours"],
    ", ".join(SAMPLE["address"]),
    *(resource[key] for resource in SAMPLE["resources"] for key in ("title", "description")),
]
#: The pages that show the centre's words besides its name in the footer (the home box, the checklist's box and
#: adviser link, the handouts and poster, the resources page, the About page's report and maintainers lines).
PAGES = [
    "",
    "checklist/",
    "handout/",
    "handout/after-final-round/",
    "careers-centres/poster/",
    "your-careers-service/",
    "about/",
]
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class LanguageReader(HTMLParser):
    """Each piece of a page's body text with the element that gives its language (the nearest with lang=)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        #: (text, the tag that sets its language, that lang value)
        self.pieces: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        tags = {tag for tag, _ in self.open}
        if not data.strip() or tags & {"head", "script", "style"}:
            return
        tag, lang = next(((t, lang) for t, lang in reversed(self.open) if lang), ("", ""))
        self.pieces.append((data, tag, lang or ""))


def marks_of(html: str) -> dict[str, set[tuple[str, str]]]:
    """For each of the centre's words found on the page: the (tag, lang) pairs that give them their language."""
    reader = LanguageReader()
    reader.feed(html)
    found: dict[str, set[tuple[str, str]]] = {}
    for text, tag, lang in reader.pieces:
        for words in WORDS:
            if words in " ".join(text.split()):
                found.setdefault(words, set()).add((tag, lang))
    return found


@pytest.mark.parametrize(
    ("language", "page", "expected"),
    [
        ("en", "en", "Mon &amp; Tue"),
        ("EN", "en", "Mon &amp; Tue"),
        ("en", "es", '<span lang="en">Mon &amp; Tue</span>'),
        ("en-GB", "en", '<span lang="en-GB">Mon &amp; Tue</span>'),
        ("es", "de", '<span lang="es">Mon &amp; Tue</span>'),
        ("ar", "en", '<span lang="ar" dir="rtl">Mon &amp; Tue</span>'),
        ("en", "he", '<span lang="en" dir="ltr">Mon &amp; Tue</span>'),
    ],
    ids=["same", "same in another case", "english on spanish", "a region", "spanish on german", "rtl", "ltr in rtl"],
)
def test_words_are_marked_where_their_language_differs(language: str, page: str, expected: str) -> None:
    """Text is escaped, and wrapped in a span with lang (and dir when the direction changes) only where the page's
    language is another."""
    assert words_in(language, page)("Mon & Tue") == Markup(expected)


def rendered(tmp_path: Path, centre_language: str | None, page_language: str) -> str:
    """Every generated page of the sample centre's edition (and the About page's markers) in ``page_language``."""
    text = CENTRE_FIXTURE.read_text(encoding="utf-8")
    if centre_language:
        text += f"language: {centre_language}\n"
    (tmp_path / "centre.yml").write_text(text, encoding="utf-8")
    renderer = Renderer(
        load_content(ROOT / "content"),
        CENTRE_SITE_URL,
        centre=load_centre(tmp_path),
        ui={} if page_language == "en" else ui_text(page_language),
        language=page_language,
    )
    about = renderer.fill_markers((ROOT / "docs" / "about.md").read_text(encoding="utf-8"), "about.md")
    # Without their front matter (a page's description is plain text in a meta tag, where no mark can go), and
    # without the contributors' field reference, whose example is the sample name.
    pages = [page for src, page in renderer.pages().items() if src != "contributing/index.md"]
    return "\n".join(body_of(page)[1] for page in [*pages, about])


@pytest.mark.parametrize(
    ("centre_language", "page_language", "mark"),
    [(None, "en", ""), (None, "es", "en"), ("es", "es", ""), ("es", "en", "es"), ("es", "de", "es")],
    ids=["english on english", "english on spanish", "spanish on spanish", "spanish on english", "spanish on german"],
)
def test_the_generated_pages_mark_the_centre_words(
    tmp_path: Path, centre_language: str | None, page_language: str, mark: str
) -> None:
    """In every generated page, each of the centre's words is inside a lang mark exactly when the page's language
    is not the one centre.yml is written in."""
    pages = rendered(tmp_path, centre_language, page_language)
    for words in WORDS:
        assert pages.count(words) > 0, words
        if mark:
            assert pages.count(f'<span lang="{mark}">{words}</span>') == pages.count(words), words
        else:
            assert f'<span lang="{centre_language or "en"}">{words}' not in pages, words


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_a_centre_edition_marks_its_english_words_on_translated_pages(centre_site: Path, path: str) -> None:
    """On /es/ and /de/ pages of a centre's edition (footer and print credit included) every one of the centre's
    words sits in an element marked lang="en"; on the English page the only language they have is the page's."""
    english = marks_of((centre_site / path / "index.html").read_text(encoding="utf-8"))
    assert SAMPLE["name"] in english
    assert {mark for marks in english.values() for mark in marks} == {("html", "en")}, english
    for code in TRANSLATED:
        translated = marks_of((centre_site / code / path / "index.html").read_text(encoding="utf-8"))
        assert translated.keys() == english.keys(), code
        assert {mark for marks in translated.values() for mark in marks} == {("span", "en")}, (code, translated)


@pytest.mark.slow
def test_a_centre_writing_in_spanish_is_marked_on_the_english_pages(tmp_path: Path) -> None:
    """With language: es, the centre's words are marked lang="es" on the English pages and carry no mark on the
    Spanish ones."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(CENTRE_FIXTURE, project / "centre.yml")
    with (project / "centre.yml").open("a", encoding="utf-8") as file:
        file.write("language: es\n")
    # Spanish alone besides English: German's pages are the same case as English's, and a build less.
    languages = project / "content" / "translations" / "languages.yml"
    text = languages.read_text(encoding="utf-8")
    german = text.index("code: de")
    languages.write_text(text[:german] + text[german:].replace("published", "draft", 1), encoding="utf-8")
    built = build_site(tmp_path / "site", project=project, SITE_URL=CENTRE_SITE_URL)
    assert built.returncode == 0, built.stdout + built.stderr
    for path in PAGES:
        english = marks_of((tmp_path / "site" / path / "index.html").read_text(encoding="utf-8"))
        spanish = marks_of((tmp_path / "site" / "es" / path / "index.html").read_text(encoding="utf-8"))
        assert SAMPLE["name"] in english and spanish.keys() == english.keys(), path
        assert {mark for marks in english.values() for mark in marks} == {("span", "es")}, (path, english)
        assert {mark for marks in spanish.values() for mark in marks} == {("html", "es")}, (path, spanish)


def test_the_readme_example_names_its_language(tmp_path: Path) -> None:
    """The README's centre.yml example is a valid file and shows the language key, set to English."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Host your own edition", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    lines = [line.removeprefix("   ") for line in example.splitlines()]
    (tmp_path / "centre.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    centre = load_centre(tmp_path)
    assert centre is not None and centre.language == "en"


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_english_left_on_a_centre_edition(centre_site: Path, code: str) -> None:
    """Every page of a centre's edition under /es/ and /de/ is in its language apart from what is marked lang="en":
    the centre's English words are marked, so the check needs no list of them."""
    found = no_english.problems_of(centre_site, code, centre=False) + no_english.problems_of(centre_site, code, True)
    # The printed address breaks into pieces after each slash; the site's folder (after-the-no/) is no sentence.
    problems = [line for line in found if line.split(": ", 1)[1] not in CENTRE_SITE_URL]
    assert not problems, "English text left (mark the centre's words with their language):\n" + "\n".join(problems)
