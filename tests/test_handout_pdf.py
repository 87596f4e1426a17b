"""The printable handout fits on two pages of A4 and of US Letter when Chromium prints it; guides print clean."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from browser.conftest import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

#: A page object in a PDF (not the /Pages tree node). Chromium's PDFs keep these uncompressed.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)\b")
MAX_PAGES = 2
PAPERS = ("A4", "Letter")
CHROME = (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search")


def print_everything(site: Path) -> dict[str, Any]:
    """Print the handout on each paper size and look at a guide in print media, in one Chromium.

    Runs in its own thread: the browser tests' session-wide Playwright may already be running in this
    one, and Playwright's sync API allows one per thread.
    """
    results: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto((site / "handout" / "index.html").as_uri())
            for paper in PAPERS:
                results[paper] = len(PDF_PAGE.findall(page.pdf(format=paper)))
            page.goto((site / "guides" / "first-48-hours" / "index.html").as_uri())
            page.emulate_media(media="print")
            results["chrome shown"] = [s for s in CHROME if page.locator(s).first.is_visible()]
            results["steps shown"] = page.locator("article h2").first.is_visible()
        finally:
            browser.close()
    return results


@pytest.fixture(scope="module")
def printed(site: Path) -> dict[str, Any]:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(print_everything, site).result(timeout=120)


@pytest.mark.parametrize("paper", PAPERS)
def test_handout_prints_on_at_most_two_pages(printed: dict[str, Any], paper: str) -> None:
    """Printed to PDF on A4 or Letter, the handout takes one or two pages."""
    pages = printed[paper]
    assert 1 <= pages <= MAX_PAGES, f"the handout prints on {pages} {paper} pages; it must fit on {MAX_PAGES}"


def test_printed_guide_leaves_out_the_site_chrome(printed: dict[str, Any]) -> None:
    """In print, a guide shows its steps but not the header, navigation, search or footer."""
    assert printed["chrome shown"] == []
    assert printed["steps shown"]


def test_handout_carries_the_address_and_a_qr_code_to_the_checklist(site: Path, site_url: str) -> None:
    """The handout names the site's address and has a QR code (inline SVG, no service) for the checklist."""
    html = (site / "handout" / "index.html").read_text(encoding="utf-8")
    address = site_url
    assert f"{address}checklist/" in html
    assert re.search(rf'<svg role="img" aria-label="QR code for the checklist at {re.escape(address)}checklist/"', html)
