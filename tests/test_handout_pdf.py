"""The printable handout fits on two pages of A4 and of US Letter when Chromium prints it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser.conftest import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Browser, sync_playwright

pytestmark = pytest.mark.browser

#: A page object in a PDF (not the /Pages tree node). Chromium's PDFs keep these uncompressed.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)\b")
MAX_PAGES = 2


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, for printing."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def print_pdf(browser: Browser, url: str, paper: str) -> bytes:
    """Print ``url`` to PDF on ``paper`` with the browser's default margins and the page's print styles."""
    page = browser.new_page()
    try:
        page.goto(url)
        pdf: bytes = page.pdf(format=paper, print_background=False)
        return pdf
    finally:
        page.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_prints_on_at_most_two_pages(chromium: Browser, site: Path, paper: str) -> None:
    """Printed to PDF on A4 or Letter, the handout takes one or two pages and keeps the site's address."""
    handout = site / "handout" / "index.html"
    pdf = print_pdf(chromium, handout.as_uri(), paper)
    pages = len(PDF_PAGE.findall(pdf))
    assert 1 <= pages <= MAX_PAGES, f"the handout prints on {pages} {paper} pages; it must fit on {MAX_PAGES}"


def test_printed_guide_leaves_out_the_site_chrome(chromium: Browser, site: Path) -> None:
    """In print, a guide shows its steps but not the header, navigation, search or footer."""
    page = chromium.new_page()
    try:
        page.goto((site / "guides" / "first-48-hours" / "index.html").as_uri())
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
            assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
        assert page.locator("article h2").first.is_visible()
    finally:
        page.close()
