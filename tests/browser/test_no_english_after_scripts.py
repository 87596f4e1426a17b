"""Once the scripts have run, the checklist and the message templates on /es/ and /de/ show no English text:
what the scripts write (dates, progress, notices) comes from the page's language too."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page
from test_no_english_left import english_left_in

from browser.conftest import READY

pytestmark = pytest.mark.browser

#: Pages whose scripts write text, with the address that makes them write the most of it.
PAGES = [
    ("checklist/", "checklist/?situation=not-selected", READY),
    ("templates/", "templates/", "[data-atn-shared]:not([hidden])"),
]
CASES = [(code, *case) for code in ("es", "de") for case in PAGES]


@pytest.mark.parametrize(("code", "page_path", "address", "ready"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_scripts_write_in_the_page_language(
    page: Page, served_site: str, site: Path, code: str, page_path: str, address: str, ready: str
) -> None:
    """The page as the reader sees it after its scripts ran has no English outside lang="en"."""
    page.goto(f"{served_site}{code}/{address}")
    page.wait_for_selector(ready, state="attached")
    english = (site / page_path / "index.html").read_text(encoding="utf-8")
    left = english_left_in(page.content(), english)
    assert not left, f"/{code}/{address}: English text after the scripts ran:\n" + "\n".join(left)
