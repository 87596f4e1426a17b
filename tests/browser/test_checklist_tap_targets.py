"""Issue 10, readers on phones: the checklist's controls are at least 44 by 44 px on touch screens (they were
25 to 28 px tall), spaced apart, and the page is no taller for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser.conftest import READY

pytestmark = pytest.mark.browser

#: The controls a reader taps on /checklist/, as the readers measured them.
TARGETS = {
    "Change": ".atn-summary [data-atn-action=change]",
    "Add a note": "#take-a-breath .atn-note > summary",
    "Why and how": "#take-a-breath a.atn-item__step",
    "checkbox": "#check-take-a-breath",
}
SMALLEST = 44


def phone_page(browser: Browser, base: str, touch: bool) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=touch, has_touch=touch)
    page = context.new_page()
    page.goto(f"{base}checklist/")
    page.locator(READY).wait_for()
    return context, page


@pytest.fixture
def touch_page(browser: Browser, served_site: str) -> Iterator[Page]:
    context, page = phone_page(browser, served_site, touch=True)
    yield page
    context.close()


@pytest.mark.parametrize("name", list(TARGETS))
def test_each_control_is_at_least_44_px_on_a_touch_screen(touch_page: Page, name: str) -> None:
    """Change, Add a note, Why and how and the checkboxes are each at least 44 by 44 px at 390x844 with touch."""
    assert touch_page.evaluate("matchMedia('(pointer: coarse)').matches")
    box = touch_page.locator(TARGETS[name]).bounding_box()
    assert box, name
    assert box["width"] >= SMALLEST and box["height"] >= SMALLEST, f"{name} is {box['width']}x{box['height']} px"


def test_an_items_links_do_not_overlap(touch_page: Page) -> None:
    """ "Why and how" and "Add a note" of one item do not overlap, so a tap meets only one."""
    boxes = [touch_page.locator(TARGETS[name]).bounding_box() for name in ("Why and how", "Add a note")]
    a, b = boxes
    assert a and b
    apart = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
    apart = apart or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
    assert apart, boxes


def test_the_page_is_no_taller_on_a_touch_screen(browser: Browser, served_site: str, touch_page: Page) -> None:
    """The bigger targets cost the checklist page at most 2% of its height next to the same width with a mouse."""
    context, mouse = phone_page(browser, served_site, touch=False)
    fine = mouse.evaluate("document.documentElement.scrollHeight")
    context.close()
    coarse = touch_page.evaluate("document.documentElement.scrollHeight")
    assert coarse <= fine * 1.02, f"{coarse} px with touch, {fine} px with a mouse"
