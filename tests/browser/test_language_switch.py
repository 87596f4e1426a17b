"""The language menu keeps the reader's place: from /guides/x/#step-y the switch lands on /es/guides/x/#step-y,
also after the theme's instant navigation brought the reader to the guide (the menu's links were written for the
page first loaded)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

GUIDE = "guides/first-48-hours/"
STEP = "feel-it"


@pytest.mark.parametrize(("start", "target"), [("", "es"), ("", "de"), ("es/", "de"), ("de/", "en")])
def test_switch_keeps_page_and_anchor_after_instant_navigation(
    page: Page, served_site: str, start: str, target: str
) -> None:
    """Home, then the guide by a link (instant navigation), then the step's anchor; the menu keeps all three."""
    page.set_viewport_size({"width": 1280, "height": 900})
    # The theme answers a click with instant navigation only once it has read the site's sitemap.xml (fetched
    # after the page loads): a click before that is a full page load (seen once in a full run on a loaded machine).
    page.goto(f"{served_site}{start}", wait_until="networkidle")
    page.evaluate("window.atnSamePage = true")
    # A link's click event, which the theme's instant navigation answers (no full page load).
    page.evaluate(f"document.querySelector('a[href$=\"{GUIDE}\"]').click()")
    page.wait_for_url(f"{served_site}{start}{GUIDE}")
    assert page.evaluate("window.atnSamePage === true"), "the guide was a full page load, not instant navigation"
    page.evaluate(f"location.hash = '#{STEP}'")
    page.evaluate(f"document.querySelector('a.md-select__link[hreflang={target}]').click()")
    root = "" if target == "en" else f"{target}/"
    page.wait_for_url(f"{served_site}{root}{GUIDE}#{STEP}")
    assert page.evaluate("document.documentElement.lang") == target
