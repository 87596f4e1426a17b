"""Issue 10 on /checklist/, as a person would meet it: kind dates, a clear first screen, focus, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from browser.conftest import READY
from browser.test_checklist import CHANGE, KEY, active, open_checklist, stored

pytestmark = pytest.mark.browser


def test_three_days_back_nothing_is_overdue_and_the_calendar_has_no_past_day(page: Page, served_site: str) -> None:
    """With the day heard three days back, no item says overdue and the .ics holds no event before today."""
    open_checklist(page, served_site)
    page.fill("#atn-date", (dt.date.today() - dt.timedelta(days=3)).isoformat())
    text = page.locator("article").inner_text()
    assert "overdue" not in text.lower()
    expect(page.locator("#take-a-breath .atn-item__due")).to_contain_text("whenever you feel ready")
    with page.expect_download() as info:
        page.click("[data-atn-action=ics]")
    ics = Path(info.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    today = dt.date.today().strftime("%Y%m%d")
    days = re.findall(r"DTSTART;VALUE=DATE:(\d{8})", ics)
    assert days and min(days) >= today, days
    for event in ics.split("BEGIN:VEVENT")[1:]:
        day = re.search(r"DTSTART;VALUE=DATE:(\d{8})", event)
        if day and day.group(1) == today and dt.datetime.now().hour >= 9:
            assert "VALARM" not in event, "an alarm at a time already past"


def test_a_chosen_situation_leaves_no_only_if_text_anywhere(page: Page, served_site: str) -> None:
    """Once a situation is chosen, no 'Only if'/'Not if' text is on the page, on screen, for screen readers or print."""
    open_checklist(page, served_site, "?situation=no-reply")
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        text = page.locator("body").inner_text()
        assert "Only if" not in text and "Not if" not in text, media
        assert "skip this" not in text.lower(), media
    assert "Only if" not in page.locator("body").aria_snapshot()
    page.emulate_media(media="screen")
    expect(page.locator("[data-atn-why]")).to_contain_text("8 items are put aside")
    page.click("[data-atn-action=others]")
    expect(page.locator("#send-thank-you")).to_be_visible()
    expect(page.locator("#send-thank-you [data-atn-applies]")).to_have_text("Does not usually apply to what they said.")


def test_without_a_situation_each_item_has_at_most_one_short_phrase(page: Page, served_site: str) -> None:
    """With no situation chosen, an item not for everyone carries one phrase from the content, never a list."""
    open_checklist(page, served_site)
    phrases = page.locator("li[data-item] [data-atn-applies]")
    assert phrases.count() >= 1
    for text in phrases.all_inner_texts():
        assert ";" not in text and "Only if" not in text and len(text) <= 70, text


def test_phone_top_line_shows_day_and_situation_and_changes_in_place(context: BrowserContext, served_site: str) -> None:
    """On 390x844, the top line shows the day heard and what they said without opening anything; Change edits it."""
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "checklist/?situation=other-candidates")
    page.wait_for_selector(READY)
    line = page.locator(".atn-summary")
    expect(line).to_contain_text(re.compile(r"Heard \w{3} \d+ \w{3} · \"We are pursuing other candidates\""))
    box = line.bounding_box()
    assert box and box["y"] + box["height"] <= 844, box
    expect(page.locator("[data-atn-arrival]")).to_contain_text('set up for: "We are pursuing other candidates"')
    expect(page.locator("[data-atn-next-list] li")).to_have_count(3)
    page.click(CHANGE)
    # The box above asks the day heard, so Change starts at what they said (one date field on the page).
    expect(page.locator("#atn-situation")).to_be_focused()
    expect(page.locator("#atn-date")).to_be_hidden()
    page.select_option("#atn-situation", "no-reply")
    expect(line).to_contain_text("I heard nothing back")


def test_focus_after_instant_navigation_and_five_tabs_to_the_first_checkbox(page: Page, served_site: str) -> None:
    """After instant navigation focus is on the new page's heading; the first checkbox is at most five Tabs away."""
    page.goto(served_site + "about/")
    page.locator(".md-nav__link", has_text="Checklist").first.click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)
    expect(page.locator(".md-content h1")).to_be_focused()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    assert page.evaluate("document.activeElement.id") == "check-take-a-breath"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "navigation was not instant"


def test_skip_link_works_after_instant_navigation(page: Page, served_site: str) -> None:
    """After instant navigation, the skip link moves the focus into the content."""
    page.goto(served_site + "sources/")
    page.locator(".md-nav__link", has_text="About").first.click()
    page.wait_for_url("**/about/")
    page.focus(".md-skip")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
@pytest.mark.parametrize("busy", [False, True], ids=["quick", "busy"])
def test_anchored_heading_is_not_covered(
    context: BrowserContext, served_site: str, size: tuple[int, int], busy: bool
) -> None:
    """Following 'Why and how' lands with the step's heading clear of the header and the back-to-top button.

    Busy: the page arrives late and the reader's scroll meanwhile lets the theme save the old page's offset into
    the new history entry (what a loaded machine or a slow phone does), which once left the heading 678 px off.
    """
    page = context.new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(served_site + "checklist/")
    page.wait_for_selector(READY)
    link = page.locator("#list-strengths a.atn-item__step")
    held: list[Route] = []
    if busy:
        link.scroll_into_view_if_needed()
        page.route("**/guides/**", lambda route: held.append(route))
    link.click()
    if busy:
        page.wait_for_function("() => location.hash === '#remember-your-strengths'")
        page.wait_for_timeout(200)
        page.evaluate("window.scrollBy(0, 40)")
        # The theme saves the offset 100 ms after the last scroll.
        page.wait_for_timeout(400)
        assert held, "the step's page was not requested"
        held[0].continue_()
    page.wait_for_url("**#remember-your-strengths")
    heading = page.locator("#remember-your-strengths")
    expect(heading).to_be_focused()
    # Instant navigation scrolls after the page is swapped in, later on a loaded machine: wait until the heading
    # has stayed in one place for half a second, then measure.
    page.wait_for_function(
        """() => {
            const y = Math.round(document.getElementById("remember-your-strengths").getBoundingClientRect().top);
            const now = performance.now();
            if (window.__atnLastY !== y) { window.__atnLastY = y; window.__atnSince = now; }
            return now - window.__atnSince > 500;
        }""",
        polling=100,
    )
    top = heading.bounding_box()
    assert top and 0 <= top["y"] < size[1] / 2, top
    header = page.locator(".md-header").bounding_box()
    assert header and header["y"] + header["height"] <= top["y"], "the header covers the heading"
    # No floating button (the theme's back-to-top pill covered text when the reader scrolled up).
    page.mouse.wheel(0, -60)
    page.wait_for_timeout(300)
    assert page.locator(".md-top").count() == 0, "a back-to-top button floats over the content"
    expect(heading).to_be_focused()


@pytest.mark.parametrize("anchor", ["stay-motivated", "reconnect-later"])
def test_table_of_contents_marks_the_anchored_step(page: Page, served_site: str, anchor: str) -> None:
    """A link to a step (a careers centre's, say) lands with that step marked in the contents, not the one before."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{served_site}guides/keep-going/#{anchor}")
    own = page.locator(f'.md-sidebar--secondary a.md-nav__link[href$="#{anchor}"]')
    expect(own).to_have_count(1)
    expect(own).to_have_class(re.compile(r"\bmd-nav__link--active\b"))


def test_storage_full_keeps_progress_shown_and_in_the_backup(page: Page, served_site: str) -> None:
    """Storage filled to quota after progress was saved: the progress shows, the page says so, the backup has it all."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    page.evaluate("""() => {
        let chunk = 'x'.repeat(1 << 20), i = 0;
        while (chunk.length > 8) {
          try { localStorage.setItem('filler' + i++, chunk); } catch (e) { chunk = chunk.slice(chunk.length / 2); }
        }
    }""")
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    expect(page.locator("[data-atn-notice]")).to_contain_text("storage is full")
    page.check("#check-cross-it-off")
    with page.expect_download() as info:
        page.click("[data-atn-action=export]")
    backup = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert set(backup["applications"][0]["ticks"]) == {"take-a-breath", "cross-it-off"}


def test_a_30000_character_note_survives_a_reload(page: Page, served_site: str) -> None:
    """A note of 30,000 characters is kept whole after a reload: nothing is cut."""
    open_checklist(page, served_site)
    note = ("A long note. " * 2400)[:30000]
    page.locator("#send-thank-you summary").click()
    page.fill("#note-send-thank-you", note)
    page.keyboard.press("Tab")
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("#note-send-thank-you") == note
    assert len(active(stored(page))["notes"]["send-thank-you"]) == 30000


def test_reset_in_one_tab_after_ticking_in_another_clears_both(
    context: BrowserContext, page: Page, served_site: str
) -> None:
    """A reset confirmed in one tab after ticking in another clears every tick, and says so truly."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    other = context.new_page()
    open_checklist(other, served_site)
    page.click("[data-atn-action=reset]")
    other.check("#check-cross-it-off")
    page.locator("[data-atn-dialog]").get_by_role("button", name="Clear ticks and notes").click()
    expect(page.locator("[data-atn-message]")).to_contain_text("is clear again")
    assert active(stored(page))["ticks"] == {}
    expect(other.locator("#check-cross-it-off")).not_to_be_checked()
    other.close()


BROKEN_STORAGE = {
    "blocked": "Object.defineProperty(window, 'localStorage', "
    "{get() { throw new DOMException('no', 'SecurityError'); }});",
    "corrupt": "localStorage.setItem('/.__palette', '{bad'); localStorage.setItem('/.__palette.chosen', '{bad');"
    "localStorage.setItem('/.__tabs', 'nope');"
    f"localStorage.setItem('{KEY}', '{{bad');",
}


@pytest.mark.parametrize("script", BROKEN_STORAGE.values(), ids=BROKEN_STORAGE.keys())
def test_broken_storage_gives_no_page_errors(
    context: BrowserContext, page: Page, served_site: str, script: str
) -> None:
    """Storage that throws or holds corrupt data (the theme's keys too) gives no page error anywhere."""
    context.add_init_script(script)
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    page.emulate_media(color_scheme="dark")
    page.locator(".md-nav__link", has_text="About").first.click()
    page.wait_for_url("**/about/")
    # The page fixture fails the test on any console error or page error.


def test_unusable_records_are_copied_aside(page: Page, served_site: str) -> None:
    """A store whose checklists are unusable is copied aside before a fresh one replaces it."""
    raw = '{"version":1,"applications":[1,"x",null]}'
    open_checklist(page, served_site)
    page.evaluate("raw => localStorage.setItem('afterno:v1', raw)", raw)
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator("[data-atn-notice]")).to_contain_text("could not be read")
    assert page.evaluate("localStorage.getItem('afterno:v1:damaged')") == raw


def test_add_a_note_lines_up_with_its_item(page: Page, served_site: str) -> None:
    """'Add a note', the date and 'Why and how' start where the item's label starts."""
    open_checklist(page, served_site)
    label = page.locator("label[for=check-send-thank-you]").bounding_box()
    for part in ("summary", ".atn-item__due", "a.atn-item__step"):
        box = page.locator(f"#send-thank-you {part}").bounding_box()
        assert label and box and abs(box["x"] - label["x"]) <= 1, part


#: Counts each time a script sets a textarea's value to the text it already holds.
COUNT_SAME_TEXT_SETS = """
    const value = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value");
    window.atnSameTextSets = 0;
    Object.defineProperty(HTMLTextAreaElement.prototype, "value", {
        configurable: true,
        get: value.get,
        set(text) {
            if (value.get.call(this) === String(text)) window.atnSameTextSets += 1;
            value.set.call(this, text);
        },
    });
"""


def test_the_checklist_starts_without_setting_a_textarea_to_its_own_text(
    context: BrowserContext, page: Page, served_site: str
) -> None:
    """Setting a textarea's value, even to the text it holds, lays the page out again: at load the checklist did so
    for each of its twenty reflection boxes, 12 ms of main thread, more on a phone (issue 10: blocking time)."""
    context.add_init_script(COUNT_SAME_TEXT_SETS)
    open_checklist(page, served_site)
    assert page.evaluate("window.atnSameTextSets") == 0
