"""The sources page says what is known of each article (author, publisher, date, a link) and leaves out what is not,
in every language: no "Author: unknown" lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterno.load import load_content

ROOT = Path(__file__).resolve().parent.parent
#: The page's words in each language: "unknown", "By", "Read the article:", "We have no link to this article."
WORDS = {
    "": ("unknown", "By ", "Read the article:", "We have no link to this article."),
    "es/": ("desconocido", "De ", "Lee el artículo:", "No tenemos un enlace a este artículo."),
    "de/": ("unbekannt", "Von ", "Artikel lesen:", "Einen Link zu diesem Artikel haben wir nicht."),
}


def sections(html: str) -> dict[str, str]:
    """Each source's part of the page, by its id (the heading's anchor)."""
    parts = re.split(r'<h2 id="([^"]+)"', html)
    return {parts[i]: parts[i + 1].split('<ul class="atn-points">')[0] for i in range(1, len(parts) - 1, 2)}


@pytest.mark.parametrize("prefix", WORDS, ids=["en", "es", "de"])
def test_each_source_shows_what_is_known_and_nothing_unknown(site: Path, prefix: str) -> None:
    """Author, publisher, date and link where known; no field shown as unknown; one plain line when there is no link."""
    unknown, by, read, no_link = WORDS[prefix]
    html = (site / prefix / "sources" / "index.html").read_text(encoding="utf-8")
    found = sections(html)
    for source in load_content(ROOT / "content").sources:
        part = found[source.id]
        assert unknown not in part.lower(), f"/{prefix}sources/#{source.id} shows a field as {unknown!r}"
        if source.author:
            assert f"{by}{source.author}" in part, source.id
        if source.publisher:
            assert f">{source.publisher}</span>" in part, source.id
        if source.date:
            assert f'<time datetime="{source.date}">' in part, source.id
        if source.url:
            assert read in part and f'href="{source.url}"' in part, source.id
        else:
            assert no_link in part and read not in part, source.id
    assert "industry in motion" not in html, "the publisher's name as written in lower case"
