"""Issue 10, readers: the day heard typed digit by digit is saved only once finished, its message always matches the
box, and a refused day to come stays in the box with nothing saved; on a desktop and on a touch phone."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser.conftest import READY
from browser.test_checklist import KEY, active

pytestmark = pytest.mark.browser

#: The page's clock: 3 December, so 10 December is still to come and 1 December (its first digit) is not.
NOW = dt.datetime(2026, 12, 3, 12, 0)
SAVED = "2026-12-02"
ERROR = "#atn-date-error"


@pytest.fixture(params=["desktop", "phone"])
def device(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A desktop browser, or a 390x844 touch phone; both write dates month/day/year (en-US)."""
    phone = request.param == "phone"
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, locale="en-US")  # type: ignore[arg-type]
    yield context
    context.close()


def saved_day(page: Page) -> str:
    """The day heard as stored, read without moving the focus (the box is not left)."""
    return str(active(json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")))["rejectedOn"])


def open_change_panel(page: Page, base: str) -> None:
    """The checklist on 3 December with the day heard saved as 2 December, its Change panel open."""
    page.clock.set_fixed_time(NOW)
    page.goto(f"{base}checklist/")
    page.locator(READY).wait_for()
    page.click(".atn-summary [data-atn-action=change]")
    page.fill("#atn-date", SAVED)
    page.locator("#atn-company").focus()
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Wed 2 Dec")
    assert saved_day(page) == SAVED


def type_day(page: Page, digits: str) -> None:
    """Type ``digits`` one key at a time into the day part of the date box (month/day/year: one arrow right)."""
    page.locator("#atn-date").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.type(digits, delay=120)


def leave_the_box(page: Page) -> None:
    """Tab out of the date box: past its year part, then to the next field."""
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("#atn-date")).not_to_be_focused()


def test_a_typed_day_is_saved_only_once_the_box_is_left(device: BrowserContext, served_site: str) -> None:
    """Typing "10" in the day part: "1" already makes 1 December, which is never saved; 10 December is still to
    come, so it stays in the box with the message and the saved day keeps counting; typing "01" and leaving the box
    saves 1 December and the message goes."""
    page = device.new_page()
    open_change_panel(page, served_site)
    box = page.locator("#atn-date")
    type_day(page, "10")
    expect(box).to_have_value("2026-12-10")
    expect(page.locator(ERROR)).to_be_visible()
    page.wait_for_timeout(1200)
    assert saved_day(page) == SAVED, "a half-typed day was saved"
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Wed 2 Dec")
    leave_the_box(page)
    expect(box).to_have_value("2026-12-10")
    expect(page.locator(ERROR)).to_be_visible()
    expect(box).to_have_attribute("aria-invalid", "true")
    assert saved_day(page) == SAVED, "a day still to come was saved"
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Wed 2 Dec")

    type_day(page, "01")
    expect(box).to_have_value("2026-12-01")
    expect(page.locator(ERROR)).to_be_hidden()
    assert saved_day(page) == SAVED, "saved before the box was left"
    leave_the_box(page)
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Tue 1 Dec")
    assert saved_day(page) == "2026-12-01"
    expect(page.locator(ERROR)).to_be_hidden()


def test_enter_saves_a_typed_day(device: BrowserContext, served_site: str) -> None:
    """Enter in the date box saves the day typed there, without leaving it."""
    page = device.new_page()
    open_change_panel(page, served_site)
    type_day(page, "01")
    page.keyboard.press("Enter")
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Tue 1 Dec")
    assert saved_day(page) == "2026-12-01"


def test_a_picked_day_to_come_stays_in_the_box_with_its_message(device: BrowserContext, served_site: str) -> None:
    """A day to come set by a picker (a phone's wheels: no keys) stays in the box with the message and is not
    saved; a past day picked next hides the message at once and is saved once it settles."""
    page = device.new_page()
    open_change_panel(page, served_site)
    box = page.locator("#atn-date")
    box.fill("2026-12-10")
    expect(page.locator(ERROR)).to_be_visible()
    page.wait_for_timeout(1200)
    expect(box).to_have_value("2026-12-10")
    expect(page.locator(ERROR)).to_be_visible()
    assert saved_day(page) == SAVED
    box.fill("2026-12-01")
    expect(page.locator(ERROR)).to_be_hidden()
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Tue 1 Dec")
    assert saved_day(page) == "2026-12-01"
    expect(box).to_be_focused()


def test_a_day_typed_then_the_page_left_is_saved(device: BrowserContext, served_site: str) -> None:
    """A finished day still in the box when the reader reloads is saved (the page saves it as it goes)."""
    page = device.new_page()
    open_change_panel(page, served_site)
    type_day(page, "01")
    page.reload()
    page.locator(READY).wait_for()
    assert saved_day(page) == "2026-12-01"


def test_leaving_the_box_by_ticking_an_item_ticks_it_and_saves(device: BrowserContext, served_site: str) -> None:
    """A press on a checkbox that leaves the date box ticks it (the list the new day redraws does not move under
    the press first) and saves the day typed."""
    page = device.new_page()
    open_change_panel(page, served_site)
    type_day(page, "01")
    box = page.locator("#check-take-a-breath")
    if page.viewport_size and page.viewport_size["width"] < 500:
        box.tap()
    else:
        box.click()
    expect(box).to_be_checked()
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Tue 1 Dec")
    assert saved_day(page) == "2026-12-01"
    assert active(json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")))["ticks"] == {"take-a-breath": True}
