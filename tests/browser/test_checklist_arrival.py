"""Issue 10, a second user test (a reader and an adviser): arriving from a situation link with a checklist in progress,
the day heard asked on arrival, a future day, the top line with no situation, ticked items, unnamed checklists in
messages, and the printed checklist."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.conftest import READY
from browser.test_checklist import CHANGE, _restore, active, open_checklist, stored
from browser.test_checklist_a11y import AXE, violations

pytestmark = pytest.mark.browser

ARRIVAL = "[data-atn-arrival]"
USE = "[data-atn-action=use]"
NEW = "[data-atn-action=new]"
UNDO = "[data-atn-action=undo]"
FINAL = '"We are pursuing other candidates"'


def in_progress(page: Page, served_site: str) -> None:
    """A checklist for Acme set up for 'I heard nothing back', one item ticked and one noted, then the home page's
    'We are pursuing other candidates' button followed."""
    open_checklist(page, served_site, "?situation=no-reply")
    page.fill("#atn-company", "Acme")
    page.check("#check-take-a-breath")
    page.locator("#talk-to-someone summary").click()
    page.fill("#note-talk-to-someone", "Called Sam.")
    page.goto(served_site)
    page.locator(".atn-picker a[href$='?situation=other-candidates']").first.click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)


def day(page: Page, iso: str) -> str:
    return str(page.evaluate("d => AtnChecklistCore.formatDay(d)", iso))


def test_a_situation_link_asks_before_changing_a_checklist_in_progress(page: Page, served_site: str) -> None:
    """A situation link with a checklist in progress for something else changes nothing until the reader chooses;
    'Use it for Acme' keeps the ticks and notes, and Undo puts the old situation back and asks again."""
    in_progress(page, served_site)
    arrival = page.locator(ARRIVAL)
    expect(arrival).to_contain_text(f"This link is for: {FINAL}. You already have a checklist here.")
    expect(page.locator(USE)).to_have_text("Use it for Acme (your ticks and notes are kept)")
    expect(page.locator(NEW)).to_have_text("Start a new checklist for this one")
    expect(page.locator(".atn-summary")).to_contain_text("I heard nothing back")
    assert active(stored(page))["situation"] == "no-reply", "the link changed the checklist before asking"

    page.click(USE)
    expect(arrival).to_contain_text(f"Your checklist for Acme is set up for: {FINAL}.")
    expect(arrival).to_contain_text("Your ticks and notes are kept.")
    expect(page.locator(UNDO)).to_be_focused()
    expect(page.locator(USE)).to_be_hidden()
    app = active(stored(page))
    assert (app["situation"], app["ticks"], app["notes"]) == (
        "other-candidates",
        {"take-a-breath": True},
        {"talk-to-someone": "Called Sam."},
    )

    page.click(UNDO)
    expect(page.locator(USE)).to_be_focused()
    expect(page.locator(".atn-summary")).to_contain_text("I heard nothing back")
    data = stored(page)
    assert len(data["applications"]) == 1
    assert active(data)["situation"] == "no-reply" and active(data)["ticks"] == {"take-a-breath": True}


def test_a_situation_link_can_start_a_new_checklist_and_undo_it(page: Page, served_site: str) -> None:
    """'Start a new checklist for this one' adds a second checklist for the link's situation and leaves Acme's as it
    was; the page asks when you heard; Undo removes the new, untouched one and shows Acme's again."""
    in_progress(page, served_site)
    page.click(NEW)
    arrival = page.locator(ARRIVAL)
    expect(arrival).to_contain_text(f"A new checklist is set up for: {FINAL}.")
    expect(arrival).to_contain_text("Your other checklist is kept")
    expect(page.locator("#atn-heard")).to_be_focused()
    expect(page.locator("#check-take-a-breath")).not_to_be_checked()
    data = stored(page)
    assert len(data["applications"]) == 2
    acme = next(a for a in data["applications"] if a["company"] == "Acme")
    assert acme["situation"] == "no-reply" and acme["ticks"] == {"take-a-breath": True}
    assert acme["notes"] == {"talk-to-someone": "Called Sam."}
    new = active(data)
    assert (new["company"], new["situation"], new["ticks"]) == ("", "other-candidates", {})

    page.click(UNDO)
    expect(page.locator(USE)).to_be_visible()
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    data = stored(page)
    assert [a["company"] for a in data["applications"]] == ["Acme"]
    assert active(data)["situation"] == "no-reply"


def test_undo_keeps_a_new_checklist_that_has_ticks(page: Page, served_site: str) -> None:
    """Undo after ticking in the new checklist shows Acme's again but deletes nothing: no data is lost either way."""
    in_progress(page, served_site)
    page.click(NEW)
    page.check("#check-cross-it-off")
    page.click(UNDO)
    data = stored(page)
    assert sorted(a["company"] for a in data["applications"]) == ["", "Acme"]
    assert active(data)["company"] == "Acme"
    kept = next(a for a in data["applications"] if a["company"] == "")
    assert kept["ticks"] == {"cross-it-off": True}


def test_a_new_checklist_from_a_link_asks_when_you_heard(page: Page, served_site: str) -> None:
    """Arriving from a situation link with nothing saved, the set-up notice asks 'When did you hear?' with the date
    field right there, prefilled with today; a day a week back sets the checklist's dates from it."""
    page.goto(served_site + "checklist/?situation=other-candidates")
    page.wait_for_selector(READY)
    arrival = page.locator(ARRIVAL)
    expect(arrival).to_contain_text(f"This checklist is set up for: {FINAL}.")
    heard = arrival.get_by_label("When did you hear?")
    today = dt.date.today()
    expect(heard).to_have_value(today.isoformat())
    expect(page.locator(UNDO)).to_be_hidden()
    expect(page.locator(USE)).to_be_hidden()
    week_ago = (today - dt.timedelta(days=7)).isoformat()
    heard.fill(week_ago)
    expect(page.locator(".atn-summary")).to_contain_text(f"Heard {day(page, week_ago)}")
    assert active(stored(page))["rejectedOn"] == week_ago
    expect(page.locator("#cross-it-off .atn-item__due")).not_to_contain_text("By")


@pytest.mark.parametrize("field", ["#atn-date", "#atn-heard"], ids=["change-panel", "arrival"])
def test_a_day_heard_in_the_future_is_refused_gently(page: Page, served_site: str, field: str) -> None:
    """A 'day you heard' after today is not taken: it stays in the box with a kind word on why and the saved day keeps
    counting; the date picker offers no day after today."""
    # The Change panel's field is the one to use when no situation link asks for the day above it.
    open_checklist(page, served_site, "?situation=no-reply" if field == "#atn-heard" else "")
    today = dt.date.today()
    two_days_ago = (today - dt.timedelta(days=2)).isoformat()
    page.fill(field, two_days_ago)
    expect(page.locator(field)).to_have_attribute("max", today.isoformat())
    expect(page.locator(".atn-summary")).to_contain_text(f"Heard {day(page, two_days_ago)}")
    later = (today + dt.timedelta(days=18)).isoformat()
    page.fill(field, later)
    error = page.locator(f"{field} ~ [data-atn-date-error]")
    expect(error).to_be_visible()
    expect(error).to_have_text("That day is still to come. Choose the day you heard: today or earlier.")
    assert active(stored(page))["rejectedOn"] == two_days_ago
    expect(page.locator(field)).to_have_value(later)
    expect(error).to_be_visible()
    expect(page.locator(".atn-summary")).to_contain_text(f"Heard {day(page, two_days_ago)}")
    page.fill(field, today.isoformat())
    expect(error).to_be_hidden()


def test_with_no_situation_the_top_line_says_not_set(page: Page, served_site: str) -> None:
    """With no situation chosen the top line reads "What they said: not set", never "not chosen"."""
    open_checklist(page, served_site)
    line = page.locator(".atn-summary")
    expect(line).to_contain_text("What they said: not set · Change")
    expect(line).not_to_contain_text("not chosen")


def test_a_ticked_item_says_done_to_eyes_and_screen_readers(page: Page, served_site: str) -> None:
    """Ticking an item turns its date line into "Done" (not "Planned for ..."), and its checkbox is described so."""
    open_checklist(page, served_site)
    box = page.locator("#check-take-a-breath")
    expect(box).to_have_accessible_description(re.compile(r"^Today, "))
    box.check()
    expect(page.locator("#take-a-breath .atn-item__due")).to_have_text("Done")
    expect(box).to_have_accessible_description("Done")
    box.uncheck()
    expect(page.locator("#take-a-breath .atn-item__due")).to_have_text(re.compile(r"^Today, "))


def test_messages_about_an_unnamed_checklist_say_your_checklist(page: Page, served_site: str) -> None:
    """Starting again and deleting speak of "your checklist" or "this checklist", never "Untitled application"."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    dialog = page.locator("[data-atn-dialog]")
    page.click("[data-atn-action=reset]")
    expect(dialog).to_contain_text("This clears every tick and note in your checklist. The date stays.")
    dialog.get_by_role("button", name="Clear ticks and notes").click()
    expect(page.locator("[data-atn-message]")).to_have_text("Your checklist is clear again.")
    page.click("[data-atn-action=delete]")
    expect(dialog).to_contain_text("This checklist, with its ticks and notes, will be removed")
    dialog.get_by_role("button", name="Delete it").click()
    expect(page.locator("[data-atn-message]")).to_have_text("Deleted the checklist.")
    for said in (".atn-summary", "[data-atn-message]", "[data-atn-print-head]"):
        assert "Untitled application" not in (page.locator(said).text_content() or ""), said
    page.fill("#atn-company", "Acme")
    page.click("[data-atn-action=reset]")
    expect(dialog).to_contain_text("This clears every tick and note in the checklist for Acme.")
    dialog.get_by_role("button", name="Cancel").click()


RESTORE_WORDS = [(1, "holds 1 checklist. Add it to"), (2, "holds 2 checklists. Add them to")]


@pytest.mark.parametrize(("count", "words"), RESTORE_WORDS)
def test_restoring_a_backup_asks_in_the_right_number(page: Page, served_site: str, count: int, words: str) -> None:
    """The restore question agrees with the number of checklists in the file: "1 checklist. Add it", "2 … Add them"."""
    open_checklist(page, served_site)
    app = {"company": "", "role": "", "rejectedOn": "2026-01-05", "situation": "", "ticks": {}, "notes": {}}
    apps = [{**app, "id": f"b{n}", "company": f"Firm {n}"} for n in range(count)]
    backup = {"app": "after-the-no", "version": 1, "active": "b0", "applications": apps}
    _restore(page, json.dumps(backup).encode())
    dialog = page.locator("[data-atn-dialog]")
    expect(dialog).to_contain_text(f"The file {words} the checklists in this browser, or replace yours with")
    dialog.get_by_role("button", name="Cancel").click()


def print_pdf(page: Page, paper: str, folder: Path) -> tuple[int, list[str]]:
    """The checklist printed on ``paper`` by Chromium: its number of pages (pdfinfo) and each page's text."""
    path = folder / f"checklist-{paper}.pdf"
    path.write_bytes(page.pdf(format=paper))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, [t for t in text.split("\f") if t.strip()]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("filled", [False, True], ids=["new", "filled-in"])
def test_printed_checklist_names_the_situation_and_leaves_room_to_write(
    page: Page, served_site: str, tmp_path: Path, paper: str, filled: bool
) -> None:
    """On paper: the head line names the day and what they said (no "Untitled application"), the reflection questions
    leave room to write, nothing speaks of "this browser", and no page holds only the footer."""
    open_checklist(page, served_site, "?situation=other-candidates")
    if filled:
        page.fill("#atn-company", "Brightwell")
        page.check("#check-take-a-breath")
        page.get_by_label("What went well?").fill("The portfolio review.")
        page.evaluate("document.activeElement.blur()")
    pages, texts = print_pdf(page, paper, tmp_path)
    assert pages == len(texts), f"{pages - len(texts)} blank page(s)"
    whole = "\n".join(texts)
    head = ("Brightwell · " if filled else "") + "Heard "
    assert re.search(rf"{head}\w{{3}} \d+ \w+ · {FINAL} · {int(filled)} of \d+ done", whole), whole[:800]
    assert "Untitled application" not in whole
    assert "in this browser" not in whole and "leaves your device" not in whole
    assert "Questions from the steps, to answer in your own words." in whole
    for number, text in enumerate(texts, 1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) > 1, f"page {number} of {pages} holds only: {lines}"
    page.emulate_media(media="print")
    spaces = page.locator(".atn-reflect [data-atn-print]")
    heights = spaces.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    answered = 1 if filled else 0
    assert sum(h >= 40 for h in heights) == len(heights) - answered, heights
    expect(page.locator(CHANGE)).to_be_hidden()
    if filled:
        expect(page.locator(".atn-reflect [data-atn-print]").filter(has_text="The portfolio review.")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_arrival_box_has_no_axe_violations(browser: Browser, served_site: str, scheme: str) -> None:
    """The arrival box asking which checklist to use, then asking when you heard with a future day refused, has no
    axe-core violations, in light and dark."""
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport={"width": 390, "height": 844})  # type: ignore[arg-type]
    page = context.new_page()
    in_progress(page, served_site)
    page.add_script_tag(path=str(AXE))
    assert violations(page, ARRIVAL) == [], "asking which checklist"
    page.click(NEW)
    page.fill("#atn-heard", (dt.date.today() + dt.timedelta(days=5)).isoformat())
    expect(page.locator("#atn-heard-error")).to_be_visible()
    assert violations(page, ARRIVAL) == [], "asking when you heard"
    context.close()
