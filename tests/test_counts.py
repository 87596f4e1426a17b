"""Counts in the site's text ("five short guides") come from content/, never from a number written by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterno.counts import content_counts, fill_counts, in_words
from afterno.load import load_content
from helpers import CONTENT, ROOT

#: Text where a count of the content would be written: hand-written pages, the theme overrides, the templates.
HAND_WRITTEN = sorted(
    [
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "overrides").rglob("*.html"),
        *(ROOT / "hooks" / "afterno" / "templates").glob("*.j2"),
    ]
)
#: A number, in words or digits, before a kind of content: a count that would go stale when content/ changes.
#: "one" is left out: "one item", "one situation" describe a single thing, not how many there are.
COUNT_BY_HAND = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:short\s+)?"
    r"(guides|articles|reads|sources|steps|situations|templates|items)\b",
    re.IGNORECASE,
)


def test_numbers_read_as_in_running_text() -> None:
    """Counts up to ten are words, larger ones digits."""
    assert [in_words(n) for n in (0, 1, 5, 10, 11, 24)] == ["no", "one", "five", "ten", "11", "24"]


def test_count_markers_are_filled_and_unknown_ones_are_located() -> None:
    """Each marker becomes its count in words; a marker naming no count is refused at its line and column."""
    counts = {"guides": 5, "sources": 12}
    text = "We read <!-- afterno:count sources --> articles.\nSee the <!-- afterno:count guides --> guides."
    assert fill_counts(text, counts, "about.md") == "We read 12 articles.\nSee the five guides."
    with pytest.raises(ValueError) as error:
        fill_counts("Intro.\nAll <!-- afterno:count gides --> guides.", counts, "about.md")
    assert str(error.value) == (
        "about.md:2:5: unknown count 'gides' in <!-- afterno:count gides -->; write one of: guides, sources"
    )


def test_no_count_is_written_by_hand() -> None:
    """No page, override or template states a count of the content as a number: each uses the content's count."""
    found = []
    for path in HAND_WRITTEN:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [
                f"{path.relative_to(ROOT)}:{number}: {match.group(0)!r}: write <!-- afterno:count NAME --> (pages), "
                "afterno_counts.NAME (overrides) or a count of the content (templates)"
                for match in COUNT_BY_HAND.finditer(line)
            ]
    assert found == []


def test_built_pages_state_the_contents_counts(site: Path) -> None:
    """The home, about, 404, guides and sources pages give the numbers of guides and sources content/ holds."""
    counts = {name: in_words(n) for name, n in content_counts(load_content(CONTENT)).items()}
    guides, sources = counts["guides"], counts["sources"]

    def text(page: str) -> str:
        return (site / page).read_text(encoding="utf-8")

    assert f"We read {sources} articles" in text("about/index.html")
    assert "Each step names the articles it draws on" in text("about/index.html")
    assert f"{guides} short reads" in text("index.html") and f"{guides} short reads" in text("404.html")
    assert f'content="{guides.capitalize()} short guides for the days' in text("guides/index.html")
    assert f'content="The {sources} articles the advice' in text("sources/index.html")
    assert "afterno:count" not in text("about/index.html") + text("index.html")
