"""Issues 10 and 13: a checklist link that presets the day heard (&heard=YYYY-MM-DD, from the careers centres' link
builder), a mistyped situation said kindly, and "All 24 items apply" in words that read naturally."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import READY
from browser.test_checklist import KEY, active

pytestmark = pytest.mark.browser

NOW = dt.datetime(2026, 12, 3, 12, 0)
ARRIVAL = "[data-atn-arrival]"
#: The words of the arrival box (the box also holds its buttons and the day field).
WORDS = "[data-atn-arrival-text]"
LANGS = ["", "es/", "de/"]
LANG_IDS = ["en", "es", "de"]
#: A situation of the content where every item applies.
EVERY_ITEM = "after-final-round"
UNKNOWN = {
    "": "This link asks for a situation this checklist does not know. Pick yours below.",
    "es/": "Este enlace pide un caso que esta lista no conoce. Elige el tuyo aquí abajo.",
    "de/": "Diese Situation aus dem Link kennt die Checkliste nicht. Wähl deine unten aus.",
}
ALL_APPLY = {
    "": "All {count} items apply to what they told you.",
    "es/": "Los {count} puntos se aplican a lo que te dijeron.",
    "de/": "Alle {count} Punkte passen zu dem, was sie dir gesagt haben.",
}
BAD_DAY = "The day in this link is still to come or is not a date, so it was left out."


def record(page: Page) -> dict[str, object]:
    """The active checklist as stored, read without moving the focus."""
    return active(json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}"))


def arrive(page: Page, base: str, query: str, lang: str = "") -> None:
    page.clock.set_fixed_time(NOW)
    page.goto(f"{base}{lang}checklist/{query}")
    page.locator(READY).wait_for()


def test_a_link_with_a_day_sets_up_a_new_checklist_counted_from_it(page: Page, served_site: str) -> None:
    """?situation=...&heard=2026-12-01 sets up a first checklist for that situation counted from 1 December, says
    so, shows the day in the box, and leaves the address clean."""
    arrive(page, served_site, f"?situation={EVERY_ITEM}&heard=2026-12-01")
    expect(page.locator(ARRIVAL)).to_contain_text("It counts from Tue 1 Dec.")
    expect(page.locator("#atn-heard")).to_have_value("2026-12-01")
    expect(page.locator("[data-atn-summary]")).to_contain_text("Heard Tue 1 Dec")
    app = record(page)
    assert (app["situation"], app["rejectedOn"]) == (EVERY_ITEM, "2026-12-01")
    assert "heard=" not in page.url


def test_a_link_with_only_a_day_counts_from_it(page: Page, served_site: str) -> None:
    """?heard= alone sets the day of a first checklist and says so."""
    arrive(page, served_site, "?heard=2026-11-30")
    expect(page.locator(ARRIVAL)).to_contain_text("This checklist counts from Mon 30 Nov, the day in the link.")
    assert record(page)["rejectedOn"] == "2026-11-30"


@pytest.mark.parametrize("day", ["2026-12-10", "2026-13-01", "2026-02-30", "yesterday", ""])
def test_a_day_to_come_or_not_a_date_is_left_out_with_a_word(page: Page, served_site: str, day: str) -> None:
    """A link's day still to come, or not a date, is not used: the checklist counts from today, says why and shows
    the day box; the situation of the link is still set up."""
    arrive(page, served_site, f"?situation=no-reply&heard={day}")
    expect(page.locator(ARRIVAL)).to_contain_text(BAD_DAY)
    expect(page.locator(ARRIVAL)).to_contain_text("This checklist is set up for: I heard nothing back.")
    app = record(page)
    assert (app["situation"], app["rejectedOn"]) == ("no-reply", "2026-12-03")


def test_a_day_link_asks_before_changing_a_checklist_in_progress(page: Page, served_site: str) -> None:
    """With a checklist in progress, a link's day changes nothing until the reader says so; its ticks stay; Undo puts
    the old day back."""
    arrive(page, served_site, "")
    page.click(".atn-summary [data-atn-action=change]")
    page.fill("#atn-company", "Acme")
    page.check("#check-take-a-breath")
    page.goto(f"{served_site}checklist/?heard=2026-11-30")
    page.locator(READY).wait_for()
    expect(page.locator(ARRIVAL)).to_contain_text("This link counts from Mon 30 Nov. You already have a checklist")
    assert record(page)["rejectedOn"] == "2026-12-03"
    use = page.locator("[data-atn-action=use]")
    expect(use).to_have_text("Use it for Acme (your ticks and notes are kept)")
    use.click()
    expect(page.locator(WORDS)).to_have_text(
        "This checklist counts from Mon 30 Nov, the day in the link. Your ticks and notes are kept."
    )
    app = record(page)
    assert (app["rejectedOn"], app["ticks"], app["company"]) == ("2026-11-30", {"take-a-breath": True}, "Acme")
    page.click("[data-atn-action=undo]")
    expect(page.locator(ARRIVAL)).to_contain_text("This link counts from Mon 30 Nov.")
    assert record(page)["rejectedOn"] == "2026-12-03"


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
def test_a_mistyped_situation_is_said_kindly_and_the_picker_shown(page: Page, served_site: str, lang: str) -> None:
    """?situation=second-interview is not a situation: the page says so in its language and shows the picker;
    choosing one there takes the word away."""
    arrive(page, served_site, "?situation=second-interview", lang)
    expect(page.locator(WORDS)).to_have_text(UNKNOWN[lang])
    picker = page.locator("#atn-situation")
    expect(picker).to_be_visible()
    picker.select_option("no-reply")
    expect(page.locator(ARRIVAL)).to_be_hidden()
    assert record(page)["situation"] == "no-reply"


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
def test_a_situation_where_every_item_applies_says_so_naturally(page: Page, served_site: str, lang: str) -> None:
    """A situation that every item fits reads "All 24 items apply to what they told you." (the count from the page)."""
    arrive(page, served_site, f"?situation={EVERY_ITEM}", lang)
    count = page.locator("li[data-item]").count()
    assert page.locator("li[data-item]:not([hidden])").count() == count, f"{EVERY_ITEM} no longer fits every item"
    expect(page.locator(ARRIVAL)).to_contain_text(ALL_APPLY[lang].format(count=count))
    expect(page.locator(ARRIVAL)).not_to_contain_text("Every item applies")


def test_the_link_builder_adds_the_day_heard(page: Page, served_site: str) -> None:
    """The careers centres' link builder takes an optional day, labelled, from the keyboard: the link gets
    &heard=, and the handout's link and the QR code shown stay the situation's own."""
    page.goto(f"{served_site}careers-centres/#link-builder")
    page.get_by_label("How were they told?").select_option(f"{served_site}checklist/?situation={EVERY_ITEM}")
    handout = page.locator("[data-atn-handout-link]").get_attribute("href")
    day = page.get_by_label("When did they hear?")
    day.focus()
    page.keyboard.type("12012026")
    url = page.locator("[data-atn-link-url]")
    expect(url).to_have_value(f"{served_site}checklist/?situation={EVERY_ITEM}&heard=2026-12-01")
    expect(page.locator(f"[data-atn-qr='{served_site}checklist/?situation={EVERY_ITEM}']")).to_be_visible()
    assert page.locator("[data-atn-handout-link]").get_attribute("href") == handout
    page.get_by_label("How were they told?").select_option(index=0)
    expect(url).to_have_value(f"{served_site}checklist/?heard=2026-12-01")
    day.fill("")
    expect(url).to_have_value(f"{served_site}checklist/")
