"""Dates the build writes follow each language's order: 25 November 2026, 25 de noviembre de 2026, 25. November 2026."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterno.load import load_content
from afterno.render import long_date
from afterno.translation_load import load_translations

ROOT = Path(__file__).resolve().parent.parent
CASES = [("en", "25 November 2026"), ("es", "25 de noviembre de 2026"), ("de", "25. November 2026")]


@pytest.mark.parametrize(("code", "expected"), CASES, ids=[code for code, _ in CASES])
def test_long_date_in_each_language(code: str, expected: str) -> None:
    """The month's name and the parts' order come from the language's ui.yml."""
    translations = load_translations(ROOT, load_content(ROOT / "content"))
    ui = translations.by_language[code].ui() if code != "en" else {}
    assert long_date("2026-11-25", lambda text: ui.get(text, text)) == expected


PATTERNS = {
    "": r"\d{1,2} [A-Z][a-z]+ \d{4}",
    "es/": r"\d{1,2} de [a-z]+ de \d{4}",
    "de/": r"\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}",
}


@pytest.mark.parametrize("prefix", PATTERNS, ids=["en", "es", "de"])
def test_built_pages_write_dates_in_their_language(site: Path, prefix: str) -> None:
    """Each guide's "Last reviewed" date and the sources' dates are written in the page's language."""
    for page in ["guides/first-48-hours/index.html", "sources/index.html"]:
        html = (site / prefix / page).read_text(encoding="utf-8")
        dates = re.findall(r"<time datetime=\"[\d-]+\">([^<]+)</time>", html) + re.findall(
            r"</strong> (\d[^<]*\d{4})", html
        )
        assert dates, f"no date found on /{prefix}{page}"
        for date in dates:
            assert re.fullmatch(PATTERNS[prefix], date), f"/{prefix}{page}: {date!r}"
