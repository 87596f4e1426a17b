"""What a student on a phone found on /checklist/, in every language: counts that agree in number, one print
dialog a press, a reset that can be undone, and one date field for the day heard."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser.conftest import READY

pytestmark = pytest.mark.browser

LANGS = ["", "es/", "de/"]
LANG_IDS = ["en", "es", "de"]
#: "0 of 1 done." in each language: one item, one form (Spanish "hecho", never "hechos").
ONE_DONE = {"": "0 of 1 done.", "es/": "0 de 1 hecho.", "de/": "0 von 1 erledigt."}
PRINT = {"": "Print", "es/": "Imprimir", "de/": "Drucken"}
#: Counts window.print() calls; installed before any script runs, so nothing the test does calls it itself.
PRINT_STUB = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A 390x844 touch phone with an empty profile."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context
    context.close()


def open_checklist(page: Page, base: str, lang: str, query: str = "") -> None:
    page.goto(f"{base}{lang}checklist/{query}")
    page.locator(READY).wait_for()


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
def test_a_count_of_one_is_singular(page: Page, served_site: str, lang: str) -> None:
    """A part of the list with one item says "0 de 1 hecho.", and every count of more says the plural."""
    open_checklist(page, served_site, lang)
    statuses = page.locator("[data-atn-phase-status]").all_inner_texts()
    ones = [text for text in statuses if re.search(r"\b\d+ (of|de|von) 1 ", text)]
    assert ones, statuses
    for text in ones:
        assert text.endswith(ONE_DONE[lang]), text
    if lang == "es/":
        assert not [text for text in statuses if " de 1 hechos" in text], statuses


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
@pytest.mark.parametrize("how", ["click", "tap", "enter"])
def test_one_press_of_print_prints_once(phone: BrowserContext, served_site: str, lang: str, how: str) -> None:
    """A click, a tap or Enter on Print calls window.print() exactly once."""
    page = phone.new_page()
    page.add_init_script(PRINT_STUB)
    open_checklist(page, served_site, lang)
    button = page.get_by_role("button", name=PRINT[lang], exact=True)
    if how == "click":
        button.click()
    elif how == "tap":
        button.tap()
    else:
        button.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__prints") == 1


#: The reset button, the dialog's confirm button and the Undo that follows, as the reader reads them.
RESET = {
    "": ("Clear ticks and notes", "Undo: put the ticks and notes back"),
    "es/": ("Borrar marcas y notas", "Deshacer: recuperar las marcas y notas"),
    "de/": ("Häkchen und Notizen löschen", "Rückgängig: Häkchen und Notizen zurückholen"),
}


def stored_record(page: Page) -> str:
    return str(page.evaluate("() => localStorage.getItem('afterno:v1')"))


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
def test_a_confirmed_reset_can_be_undone_exactly(phone: BrowserContext, served_site: str, lang: str) -> None:
    """After a confirmed reset, Undo puts back every tick, note and answer, byte for byte in the stored record."""
    page = phone.new_page()
    open_checklist(page, served_site, lang)
    page.locator("#check-take-a-breath").check()
    page.locator("#take-a-breath summary").click()
    page.locator("#note-take-a-breath").fill("a walk by the river")
    reflection = page.locator("[data-atn-reflection]").first
    reflection.fill("they wanted more experience")
    reflection.blur()
    before = stored_record(page)
    assert "a walk by the river" in before and "they wanted more experience" in before
    confirm, undo = RESET[lang]
    undo_button = page.locator("[data-atn-action=undo-reset]")
    assert undo_button.is_hidden()
    page.locator("[data-atn-action=reset]").click()
    page.locator("[data-atn-dialog]").get_by_role("button", name=confirm, exact=True).click()
    # The dialog answers when it has closed (a task later than the click): wait for that, as a person would.
    expect(page.locator("#check-take-a-breath")).not_to_be_checked()
    assert "a walk by the river" not in stored_record(page)
    assert undo_button.inner_text() == undo
    assert page.evaluate("document.activeElement.dataset.atnAction") == "undo-reset"
    undo_button.click()
    assert stored_record(page) == before
    assert page.locator("#check-take-a-breath").is_checked()
    assert page.locator("#note-take-a-breath").input_value() == "a walk by the river"
    assert reflection.input_value() == "they wanted more experience"
    assert undo_button.is_hidden()
    page.reload()
    page.locator(READY).wait_for()
    assert page.locator("#check-take-a-breath").is_checked()


def test_undo_of_a_reset_is_withdrawn_once_something_else_changes(phone: BrowserContext, served_site: str) -> None:
    """A tick after the reset withdraws its Undo, so newer ticks are never overwritten by older ones."""
    page = phone.new_page()
    open_checklist(page, served_site, "")
    page.locator("#check-take-a-breath").check()
    page.locator("[data-atn-action=reset]").click()
    page.locator("[data-atn-dialog]").get_by_role("button", name=RESET[""][0], exact=True).click()
    undo_button = page.locator("[data-atn-action=undo-reset]")
    expect(undo_button).to_be_visible()
    page.locator("[data-item]").nth(1).locator("input[type=checkbox]").check()
    assert undo_button.is_hidden()


#: "Day you heard: in the box above" in each language: the Change panel pointing at the one date field shown.
ABOVE = {"": "in the box above", "es/": "en el cuadro de arriba", "de/": "im Kasten oben"}


def visible_date_fields(page: Page) -> list[str]:
    """The ids of the date fields a reader can see."""
    ids: list[str] = page.evaluate(
        "() => Array.from(document.querySelectorAll('input[type=date]'))"
        ".filter(el => el.checkVisibility()).map(el => el.id)"
    )
    return ids


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
def test_the_day_heard_is_asked_in_one_place(phone: BrowserContext, served_site: str, lang: str) -> None:
    """Arriving from a situation link, the box above asks the day heard; Change points to it rather than repeating it,
    and offers its own date field again once that box is gone."""
    page = phone.new_page()
    open_checklist(page, served_site, lang, "?situation=no-reply")
    assert visible_date_fields(page) == ["atn-heard"]
    page.locator(".atn-summary [aria-controls=atn-setup]").click()
    assert visible_date_fields(page) == ["atn-heard"]
    assert page.evaluate("document.activeElement.id") == "atn-situation"
    page.locator("[data-atn-setup]").get_by_role("button", name=ABOVE[lang], exact=True).click()
    assert page.evaluate("document.activeElement.id") == "atn-heard"
    # Choosing another situation replaces the box above; the day is then changed in Change.
    page.select_option("#atn-situation", index=2)
    assert visible_date_fields(page) == ["atn-date"]


#: "When it happens" in each language: the words an item that waits for an outside event shows instead of a date.
WHEN_IT_HAPPENS = {"": "When it happens", "es/": "Cuando ocurra", "de/": "Wenn es so weit ist"}


@pytest.mark.parametrize("lang", LANGS, ids=LANG_IDS)
def test_items_that_wait_for_an_outside_event_have_no_date(page: Page, served_site: str, lang: str) -> None:
    """ "When a similar role opens there…" and "If feedback came…" say "when it happens", never "by Fri 1 Jan",
    and are not offered as Next."""
    open_checklist(page, served_site, lang, "?situation=other-candidates")
    for item in ("send-new-opening-note", "act-on-feedback"):
        assert page.locator(f"#{item} [data-atn-due]").inner_text() == WHEN_IT_HAPPENS[lang]
        assert page.locator(f"[data-atn-next-list] a[href='#{item}']").count() == 0
    dated = page.locator("#set-job-alert [data-atn-due]").inner_text()
    assert dated != WHEN_IT_HAPPENS[lang] and re.search(r"\d", dated), dated
