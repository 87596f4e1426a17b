"""The interactive checklist on /checklist/, driven in Debian's Chromium as a person would use it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page, expect

from afterno.load import load_content
from browser.conftest import READY, PageWatch
from helpers import CONTENT

pytestmark = pytest.mark.browser

KEY = "afterno:v1"
#: The checklist as content/ has it: the counts the page must show are worked out from it, never copied.
CHECKLIST = load_content(CONTENT).checklist
ITEMS = [item for phase in CHECKLIST for item in phase.items]
CONTENT_ITEMS = len(ITEMS)
PHASE_ITEMS = {phase.phase.id: len(phase.items) for phase in CHECKLIST}


def done(ticked: int, total: int = CONTENT_ITEMS) -> str:
    """The progress text for ``ticked`` of ``total`` items."""
    return f"{ticked} of {total} done"


CHANGE = ".atn-summary [aria-controls=atn-setup]"


def open_details(page: Page) -> None:
    """Open the day, situation, company and role fields, as a person would, with the top line's Change button."""
    if page.locator("[data-atn-setup]").is_hidden():
        page.click(CHANGE)


def open_checklist(page: Page, base: str, query: str = "") -> None:
    """Open /checklist/, wait until the script has started, and unfold the application's details."""
    page.set_default_timeout(5000)
    page.goto(f"{base}checklist/{query}")
    page.wait_for_selector(READY)
    open_details(page)


def stored(page: Page) -> dict[str, Any]:
    """The record the checklist keeps in localStorage, once the person has left the field they typed in."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert raw, "nothing stored"
    data: dict[str, Any] = json.loads(raw)
    return data


def active(data: dict[str, Any]) -> dict[str, Any]:
    """The active application in a stored record."""
    app: dict[str, Any] = next(a for a in data["applications"] if a["id"] == data["active"])
    return app


def write_note(page: Page, item_id: str, text: str) -> None:
    """Open an item's note and type ``text`` in it."""
    page.locator(f"#{item_id} summary").click()
    page.fill(f"#note-{item_id}", text)


def seed(page: Page, base: str, value: str, key: str = KEY) -> None:
    """Put ``value`` in storage under ``key`` (and nothing else of ours), then reload the checklist."""
    open_checklist(page, base)
    page.evaluate("([k, v]) => { localStorage.removeItem('afterno:v1'); localStorage.setItem(k, v); }", [key, value])
    page.reload()
    page.wait_for_selector(READY)
    open_details(page)


def test_without_javascript_the_list_is_complete(browser: Browser, served_site: str) -> None:
    """With JavaScript off, every item shows grouped by phase with its step link, and no dead controls show."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site + "checklist/")
        items = page.locator("li[data-item]")
        expect(items).to_have_count(CONTENT_ITEMS)
        for i in range(CONTENT_ITEMS):
            expect(items.nth(i)).to_be_visible()
            expect(items.nth(i).locator("a.atn-item__step")).to_have_attribute("href", re.compile(r"^\.\./guides/.+#"))
        expect(page.locator("h2.atn-phase-title")).to_have_count(len(CHECKLIST))
        first_week = page.locator("ul[data-atn-phase=first-week] li[data-item]").first
        expect(first_week).to_have_text(re.compile("stop waiting on this one"))
        for selector in ("[data-atn-app]", "#atn-company", "[data-atn-action]", "textarea"):
            assert page.locator(selector).first.is_hidden(), selector
        # The table of contents offers no link to the sections that need JavaScript.
        for section in ("#your-notes", "#keep-a-copy"):
            assert page.locator(f'.md-nav--secondary a[href="{section}"]').first.is_hidden(), section
        expect(page.get_by_text("no cookie")).to_be_visible()
    finally:
        context.close()


def test_first_visit_is_ready_and_ticks_survive_a_reload(page: Page, served_site: str) -> None:
    """A first visit needs no set-up; a tick is saved at once under the item's id and is there after a reload."""
    open_checklist(page, served_site)
    expect(page.locator("[data-atn-app] option")).to_have_count(1)
    page.check("#check-send-thank-you")
    assert active(stored(page))["ticks"] == {"send-thank-you": True}
    page.reload()
    page.wait_for_selector(READY)
    open_details(page)
    expect(page.locator("#check-send-thank-you")).to_be_checked()
    expect(page.locator("#check-take-a-breath")).not_to_be_checked()


def test_instant_navigation_away_and_back_keeps_working(page: Page, served_site: str) -> None:
    """After Material's instant navigation to another page and back, ticks show and new ticks still save."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    page.locator(".md-nav__link", has_text="About").first.click()
    page.wait_for_url("**/about/")
    assert page.evaluate("typeof AtnChecklistCore") == "object"
    page.locator(".md-nav__link", has_text="Checklist").first.click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)
    open_details(page)
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "navigation was not instant"
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    page.check("#check-cross-it-off")
    assert set(active(stored(page))["ticks"]) == {"take-a-breath", "cross-it-off"}
    expect(page.locator("[data-atn-progress-text]")).to_have_text(done(2))


def test_two_open_tabs_do_not_overwrite_each_other(context: BrowserContext, page: Page, served_site: str) -> None:
    """A tick in one tab shows in another open tab, and ticking there keeps both ticks."""
    open_checklist(page, served_site)
    other = context.new_page()
    open_checklist(other, served_site)
    page.check("#check-take-a-breath")
    expect(other.locator("#check-take-a-breath")).to_be_checked()
    other.check("#check-cross-it-off")
    expect(page.locator("#check-cross-it-off")).to_be_checked()
    assert set(active(stored(page))["ticks"]) == {"take-a-breath", "cross-it-off"}
    other.close()


def test_a_tick_reads_the_stored_record_again_only_when_another_tab_changed_it(page: Page, served_site: str) -> None:
    """Ticking parses the saved record only if storage no longer holds what this page wrote (tick to saved stays
    within 5 ms with 20 checklists stored); a change made elsewhere is still read and kept."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    page.evaluate(
        """() => {
            const parse = JSON.parse;
            window.atnParsed = 0;
            JSON.parse = (text, ...rest) => {
                if (typeof text === "string" && text.includes('"applications"')) window.atnParsed++;
                return parse(text, ...rest);
            };
        }"""
    )
    page.check("#check-cross-it-off")
    assert page.evaluate("window.atnParsed") == 0
    # As another tab would: the same record with one more tick.
    page.evaluate(
        """() => {
            const store = JSON.parse(localStorage.getItem("afterno:v1"));
            store.applications[0].ticks["talk-to-someone"] = true;
            localStorage.setItem("afterno:v1", JSON.stringify(store));
        }"""
    )
    page.evaluate("window.atnParsed = 0")
    page.uncheck("#check-cross-it-off")
    assert page.evaluate("window.atnParsed") >= 1
    assert set(active(stored(page))["ticks"]) == {"take-a-breath", "talk-to-someone"}


def test_several_applications_add_switch_rename_delete(page: Page, served_site: str) -> None:
    """Each application keeps its own ticks; it can be added, renamed, switched and deleted after a confirmation."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme")
    page.check("#check-take-a-breath")
    page.click("[data-atn-action=add]")
    expect(page.locator("#atn-company")).to_be_focused()
    page.keyboard.type("Globex")
    page.fill("#atn-role", "Designer")
    expect(page.locator("#check-take-a-breath")).not_to_be_checked()
    page.check("#check-cross-it-off")
    options = page.locator("[data-atn-app] option")
    expect(options).to_have_count(2)
    expect(options.nth(1)).to_have_text(re.compile(r"^Globex, Designer \(heard \w{3} \d+ \w{3}\)$"))
    page.select_option("[data-atn-app]", index=0)
    expect(page.locator("#atn-company")).to_have_value("Acme")
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    expect(page.locator("#check-cross-it-off")).not_to_be_checked()
    page.fill("#atn-company", "Acme Ltd")
    expect(options.nth(0)).to_have_text(re.compile(r"^Acme Ltd "))
    # Cancel changes nothing; confirming deletes.
    page.click("[data-atn-action=delete]")
    dialog = page.locator("[data-atn-dialog]")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Acme Ltd")
    page.keyboard.press("Escape")
    expect(options).to_have_count(2)
    page.click("[data-atn-action=delete]")
    dialog.get_by_role("button", name="Delete it").click()
    expect(options).to_have_count(1)
    expect(page.locator("#atn-company")).to_have_value("Globex")
    expect(page.locator("[data-atn-message]")).to_have_text("Deleted the checklist for Acme Ltd.")
    assert [a["company"] for a in stored(page)["applications"]] == ["Globex"]


def test_due_dates_follow_the_rejection_date_and_past_ones_read_as_plans(page: Page, served_site: str) -> None:
    """Each item shows its day from the rejection date; a past day reads as a plan, without an alarm colour."""
    open_checklist(page, served_site)
    today = dt.date.today()
    expect(page.locator("#atn-date")).to_have_value(today.isoformat())
    page.fill("#atn-date", "2025-11-25")
    expect(page.locator("#decide-next-roles .atn-item__due")).to_have_text("Planned for Tue 2 Dec: still worth doing")
    expect(page.locator("#reconnect-with-hiring-manager .atn-item__due")).to_have_text(
        "Planned for Fri 9 Jan: still worth doing"
    )
    expect(page.locator("#take-a-breath .atn-item__due")).to_have_text(
        "Suggested for Tue 25 Nov: whenever you feel ready"
    )
    page.check("#check-decide-next-roles")
    expect(page.locator("#decide-next-roles .atn-item__due")).to_have_text("Done")
    expect(page.locator("[data-atn-phase-status=first-week]")).to_have_text(re.compile(r"^Wed 26 Nov to Tue 2 Dec\. "))
    assert active(stored(page))["rejectedOn"] == "2025-11-25"
    colours = page.eval_on_selector_all(
        "li[data-item]", "items => items.map(li => getComputedStyle(li).borderLeftWidth + getComputedStyle(li).color)"
    )
    assert len(set(colours)) == 1, "some items are styled apart"
    page.fill("#atn-date", today.isoformat())
    expect(page.locator("#decide-next-roles .atn-item__due")).to_have_text("Done")
    expect(page.locator("#write-down-your-goal .atn-item__due")).to_have_text(
        "By " + page.evaluate("d => AtnChecklistCore.formatDay(d)", (today + dt.timedelta(7)).isoformat())
    )


def test_situation_hides_items_that_do_not_apply_and_says_why(page: Page, served_site: str) -> None:
    """Choosing how the rejection arrived hides the items that do not apply and explains why."""
    open_checklist(page, served_site)
    page.select_option("#atn-situation", "no-reply")
    expect(page.locator("#send-thank-you")).to_be_hidden()
    expect(page.locator("#take-a-breath")).to_be_visible()
    why = page.locator("[data-atn-why]")
    expect(why).to_be_visible()
    applying = sum(item.applies("no-reply") for item in ITEMS)
    put_aside = f"{CONTENT_ITEMS - applying} items are put aside: they do not usually apply to what happened"
    expect(why).to_contain_text(put_aside)
    expect(page.locator("[data-atn-progress-text]")).to_have_text(done(0, applying))
    page.select_option("#atn-situation", "")
    expect(page.locator("#send-thank-you")).to_be_visible()
    expect(why).to_be_hidden()


def test_a_situation_the_content_lacks_hides_nothing(page: Page, served_site: str) -> None:
    """An odd link (?situation=constructor) or a stored situation that no longer exists hides no item."""
    open_checklist(page, served_site, "?situation=constructor")
    expect(page.locator("[data-atn-why]")).to_be_hidden()
    expect(page.locator("[data-atn-progress-text]")).to_have_text(done(0))
    record = {
        "version": 1,
        "active": "a1",
        "applications": [
            {"id": "a1", "company": "", "role": "", "rejectedOn": "2025-11-25", "situation": "gone-situation",
             "ticks": {}, "notes": {}, "reflections": {}, "created": "x"}
        ],
    }  # fmt: skip
    seed(page, served_site, json.dumps(record))
    expect(page.locator("#send-thank-you")).to_be_visible()
    expect(page.locator("[data-atn-why]")).to_be_hidden()


def test_adding_an_application_focuses_its_company_field(page: Page, served_site: str) -> None:
    """The company field of a new application takes the focus."""
    page.set_default_timeout(5000)
    page.goto(f"{served_site}checklist/")
    page.wait_for_selector(READY)
    expect(page.locator("[data-atn-setup]")).to_be_hidden()
    page.click(CHANGE)
    page.click("[data-atn-action=add]")
    expect(page.locator("#atn-company")).to_be_focused()


def test_situations_page_links_to_a_tailored_checklist(page: Page, served_site: str) -> None:
    """The link on /situations/ opens /checklist/?situation=<id>; asked, the reader applies it to the saved one."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme")
    page.goto(served_site + "situations/")
    page.locator("#no-reply ~ p a[href$='?situation=no-reply']").first.click()
    page.wait_for_selector(READY)
    page.get_by_role("button", name="Use it for Acme (your ticks and notes are kept)").click()
    open_details(page)
    expect(page.locator("#atn-situation")).to_have_value("no-reply")
    expect(page.locator("#send-thank-you")).to_be_hidden()
    # Acme had progress: the situation is applied to it (no second, empty checklist), and the page says so.
    expect(page.locator("[data-atn-app] option")).to_have_count(1)
    expect(page.locator("#atn-company")).to_have_value("Acme")
    expect(page.locator("[data-atn-arrival]")).to_contain_text(
        "Your checklist for Acme is set up for: I heard nothing back. 8 items that do not usually apply are put aside."
        " Your ticks and notes are kept."
    )
    assert "situation" not in page.url
    page.reload()
    page.wait_for_selector(READY)
    open_details(page)
    expect(page.locator("#atn-situation")).to_have_value("no-reply")


def test_progress_is_shown_per_phase_and_announced_politely(page: Page, served_site: str) -> None:
    """Ticks update the overall and per-phase counts and a polite live region announces the new total."""
    open_checklist(page, served_site)
    live = page.locator("[data-atn-live]")
    expect(live).to_have_attribute("aria-live", "polite")
    page.check("#check-take-a-breath")
    page.check("#check-talk-to-someone")
    expect(page.locator("[data-atn-progress-text]")).to_have_text(done(2))
    first_day, first_week = done(2, PHASE_ITEMS["first-day"]), done(0, PHASE_ITEMS["first-week"])
    expect(page.locator("[data-atn-phase-status=first-day]")).to_have_text(re.compile(rf"{first_day}\.$"))
    expect(page.locator("[data-atn-phase-status=first-week]")).to_have_text(re.compile(rf"{first_week}\.$"))
    expect(live).to_have_text(done(2))
    assert page.eval_on_selector("[data-atn-progress]", "p => [p.value, p.max]") == [2, CONTENT_ITEMS]


def test_notes_and_reflections_are_kept_with_the_application(page: Page, served_site: str) -> None:
    """A note on an item and answers to the reflection questions are saved locally and come back after a reload."""
    open_checklist(page, served_site)
    write_note(page, "send-thank-you", "Sent on Monday.\nNo reply yet.")
    page.get_by_label("What went well?").fill("The portfolio review.")
    app = active(stored(page))
    assert app["notes"] == {"send-thank-you": "Sent on Monday.\nNo reply yet."}
    assert app["reflections"] == {"reflect-on-the-process:0": "The portfolio review."}
    page.reload()
    page.wait_for_selector(READY)
    open_details(page)
    expect(page.locator("#note-send-thank-you")).to_be_visible()
    expect(page.locator("#note-send-thank-you")).to_have_value("Sent on Monday.\nNo reply yet.")
    expect(page.get_by_label("What went well?")).to_have_value("The portfolio review.")
    expect(page.locator("h3", has_text="Reflect on the process")).to_be_visible()


def _backup(page: Page) -> dict[str, Any]:
    with page.expect_download() as info:
        page.click("[data-atn-action=export]")
    download = info.value
    assert re.fullmatch(r"after-the-no-backup-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    data: dict[str, Any] = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    return data


def _restore(page: Page, data: bytes, name: str = "backup.json") -> None:
    payload: FilePayload = {"name": name, "mimeType": "application/json", "buffer": data}
    # A file over the 12 MB limit takes a while to hand over to the page.
    page.set_input_files("[data-atn-import]", files=[payload], timeout=60_000)


def test_backup_exports_and_imports_with_merge_or_replace(page: Page, served_site: str) -> None:
    """A backup saved in one browser restores in another, merged with or replacing what is there."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme")
    page.check("#check-take-a-breath")
    write_note(page, "take-a-breath", "Went for a walk.")
    backup = _backup(page)
    assert backup["app"] == "after-the-no" and backup["version"] == 1
    assert backup["applications"][0]["notes"] == {"take-a-breath": "Went for a walk."}

    # Another device: its own checklist, then the backup merged in.
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(READY)
    open_details(page)
    page.fill("#atn-company", "Globex")
    page.check("#check-cross-it-off")
    _restore(page, json.dumps(backup).encode())
    dialog = page.locator("[data-atn-dialog]")
    expect(dialog).to_contain_text("The file holds 1 checklist.")
    dialog.get_by_role("button", name="Add to mine").click()
    expect(page.locator("[data-atn-app] option")).to_have_count(2)
    assert [a["company"] for a in stored(page)["applications"]] == ["Globex", "Acme"]
    expect(page.locator("#check-cross-it-off")).to_be_checked()

    # Cancel changes nothing; replace leaves only the backup.
    _restore(page, json.dumps(backup).encode())
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator("[data-atn-message]")).to_have_text("Nothing was changed.")
    _restore(page, json.dumps(backup).encode())
    dialog.get_by_role("button", name="Replace mine").click()
    expect(page.locator("[data-atn-app] option")).to_have_count(1)
    expect(page.locator("#atn-company")).to_have_value("Acme")
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    expect(page.locator("#note-take-a-breath")).to_have_value("Went for a walk.")


def test_bad_backup_files_change_nothing(page: Page, served_site: str) -> None:
    """Files that are too big, not JSON, the wrong version or the wrong shape give a message and change nothing."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    good = _backup(page)
    cases = [
        (b"x" * 12_000_001, "too big"),
        (b"<html>not json</html>", "could not be read as JSON"),
        (json.dumps({"hello": "world"}).encode(), "not an After the No checklist backup"),
        (json.dumps({**good, "version": 7}).encode(), "different version of this page (7)"),
        (json.dumps({**good, "applications": [{"id": "x"}]}).encode(), "damaged"),
    ]
    message = page.locator("[data-atn-message]")
    for data, words in cases:
        _restore(page, data)
        expect(message).to_contain_text(words)
        expect(message).to_contain_text("Nothing was changed.")
        expect(page.locator("[data-atn-dialog]")).to_be_hidden()
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
        page.evaluate("document.querySelector('[data-atn-message]').textContent = ''")


def test_backup_code_loads_on_first_use_and_a_failed_fetch_can_be_retried(
    page: Page, served_site: str, watch: PageWatch
) -> None:
    """checklist-files.js is fetched only when a backup is asked for; if the fetch fails the page says so, and the
    next click saves the backup."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.route("**/assets/checklist-files.js", lambda route: route.abort())
    open_checklist(page, served_site)
    assert not [url for url in fetched if "checklist-files.js" in url], "fetched before anyone asked"
    page.click("[data-atn-action=export]")
    expect(page.locator("[data-atn-message]")).to_contain_text("could not be loaded")
    page.unroute("**/assets/checklist-files.js")
    backup = _backup(page)
    assert backup["app"] == "after-the-no"
    expect(page.locator("[data-atn-message]")).to_contain_text("Your backup is saved")
    # The browser reports the fetch this test refused; nothing else may be in the console.
    assert watch.console == ["error: Failed to load resource: net::ERR_FAILED"], watch.console
    watch.console.clear()


def test_imported_markup_is_shown_as_text(page: Page, served_site: str) -> None:
    """Markup in an imported company name or note is shown as text and never runs or becomes elements."""
    open_checklist(page, served_site)
    evil = '<img src=x onerror="window.pwned=1"><b>Bold</b>'
    backup = _backup(page)
    backup["applications"][0].update(company=evil, role="</option><script>window.pwned=2</script>")
    backup["applications"][0]["notes"] = {"take-a-breath": evil}
    _restore(page, json.dumps(backup).encode())
    page.locator("[data-atn-dialog]").get_by_role("button", name="Replace mine").click()
    expect(page.locator("#atn-company")).to_have_value(evil)
    option = page.locator("[data-atn-app] option").first
    expect(option).to_have_text(re.compile(re.escape(evil + ", </option><script>")))
    assert page.locator("article img, article b, [data-atn-app] script").count() == 0
    assert page.evaluate("window.pwned") is None
    page.emulate_media(media="print")
    expect(page.locator("[data-atn-print-head]")).to_contain_text(evil)
    expect(page.locator("#take-a-breath [data-atn-print]")).to_have_text(evil)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_reminders_are_valid_calendar_entries(page: Page, served_site: str) -> None:
    """The .ics file has CRLF lines folded at 75 octets and one dated all-day event per open item, with UID."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme, Ltd; UK")
    page.fill("#atn-date", "2025-11-25")
    page.select_option("#atn-situation", "not-selected")
    page.check("#check-take-a-breath")
    with page.expect_download() as info:
        page.click("[data-atn-action=ics]")
    download = info.value
    assert download.suggested_filename == "after-the-no-reminders.ics"
    raw = Path(download.path()).read_bytes()
    text = raw.decode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "a line is longer than 75 octets"
    lines = _unfold(text)[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and not line.startswith(("BEGIN:", "END:")):
            name, value = line.split(":", 1)
            events[-1].setdefault(name, value)
    # Every item applies when not selected; one is ticked; the gentle ones whose day has passed are left out.
    gentle = [item.id for item in ITEMS if item.gentle and item.id != "take-a-breath"]
    # An item that waits for an outside event (a role posted) has no day, so it is not sent to the calendar.
    waiting = [item.id for item in ITEMS if item.waits and item.applies("not-selected")]
    open_items = sum(item.applies("not-selected") for item in ITEMS) - 1 - len(gentle) - len(waiting)
    assert len(events) == open_items
    assert len({e["UID"] for e in events}) == open_items
    assert all(re.fullmatch(r"\d{8}T\d{6}Z", e["DTSTAMP"]) for e in events)
    today = dt.date.today().strftime("%Y%m%d")
    assert all(e["DTSTART;VALUE=DATE"] >= today for e in events), "an event in the past"
    by_uid = {e["UID"].split("-", 1)[1]: e for e in events}
    reconnect = by_uid["reconnect-with-hiring-manager@after-the-no"]
    assert reconnect["DTSTART;VALUE=DATE"] == today, "a past item moves to today"
    assert reconnect["SUMMARY"].endswith("(Acme\\, Ltd\\; UK)")
    assert "/guides/keep-going/#reconnect-later" in reconnect["DESCRIPTION"]
    for item_id in gentle:
        assert f"{item_id}@after-the-no" not in by_uid
    expect(page.locator("[data-atn-message]")).to_contain_text(f"{open_items} dated items")
    expect(page.locator("[data-atn-message]")).to_contain_text(f"{len(gentle)} about how you feel are left out")


def test_print_shows_the_application_with_ticks_dates_and_notes(page: Page, served_site: str) -> None:
    """In print, the chosen application's items show with ticks, due dates and notes, without any controls."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme")
    page.check("#check-take-a-breath")
    write_note(page, "take-a-breath", "Walked by the river.")
    page.select_option("#atn-situation", "no-reply")
    page.emulate_media(media="print")
    expect(page.locator("[data-atn-print-head]")).to_be_visible()
    expect(page.locator("[data-atn-print-head]")).to_have_text(
        re.compile(r"^Acme · Heard \w{3} \d+ \w+ · I heard nothing back · 1 of \d+ done$")
    )
    for selector in (".atn-tools", ".atn-backup", "#note-take-a-breath", ".md-header", ".md-sidebar--primary"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("#check-take-a-breath")).to_be_visible()
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    expect(page.locator("#take-a-breath [data-atn-print]")).to_have_text("Walked by the river.")
    expect(page.locator("#take-a-breath .atn-item__due")).to_be_visible()
    expect(page.locator("#send-thank-you")).to_be_hidden()
    assert page.eval_on_selector("#take-a-breath", "li => getComputedStyle(li).breakInside") == "avoid"
    page.emulate_media(media="screen")
    expect(page.locator("[data-atn-print-head]")).to_be_hidden()


def test_reset_asks_first_then_clears_ticks_and_notes(page: Page, served_site: str) -> None:
    """Starting again asks for confirmation; cancelling keeps everything, confirming clears ticks and notes."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme")
    page.check("#check-take-a-breath")
    write_note(page, "take-a-breath", "note")
    page.click("[data-atn-action=reset]")
    dialog = page.locator("[data-atn-dialog]")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    page.click("[data-atn-action=reset]")
    dialog.get_by_role("button", name="Clear ticks and notes").click()
    expect(page.locator("#check-take-a-breath")).not_to_be_checked()
    expect(page.locator("#atn-company")).to_have_value("Acme")
    app = active(stored(page))
    assert app["ticks"] == {} and app["notes"] == {} and app["company"] == "Acme"


THROWING_STORAGE = {
    "set-throws": """
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    """,
    "ours-unreadable": """
        const get = Storage.prototype.getItem, set = Storage.prototype.setItem;
        Storage.prototype.getItem = function (k) {
          if (String(k).startsWith('afterno')) throw new DOMException('denied', 'SecurityError');
          return get.call(this, k);
        };
        Storage.prototype.setItem = function (k, v) {
          if (String(k).startsWith('afterno')) throw new DOMException('denied', 'SecurityError');
          return set.call(this, k, v);
        };
    """,
}


@pytest.mark.parametrize("script", THROWING_STORAGE.values(), ids=THROWING_STORAGE.keys())
def test_storage_that_throws_leaves_the_checklist_working(
    context: BrowserContext, page: Page, served_site: str, script: str
) -> None:
    """When storage throws, the page says so and ticking still works for the visit, across instant navigation."""
    context.add_init_script(script)
    open_checklist(page, served_site)
    notice = page.locator("[data-atn-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("storage is full" if "Quota" in script else "not letting the page save")
    page.check("#check-take-a-breath")
    expect(page.locator("[data-atn-progress-text]")).to_have_text(done(1))
    page.locator(".md-nav__link", has_text="About").first.click()
    page.wait_for_url("**/about/")
    page.locator(".md-nav__link", has_text="Checklist").first.click()
    page.wait_for_selector(READY)
    open_details(page)
    expect(page.locator("#check-take-a-breath")).to_be_checked()


def test_storage_failing_mid_visit_shows_the_notice(page: Page, served_site: str) -> None:
    """If saving starts failing after the page opened (quota full), the tick stays and a notice appears."""
    open_checklist(page, served_site)
    expect(page.locator("[data-atn-notice]")).to_be_hidden()
    page.evaluate(
        "() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    page.check("#check-take-a-breath")
    expect(page.locator("[data-atn-notice]")).to_be_visible()
    expect(page.locator("#check-take-a-breath")).to_be_checked()


def test_corrupt_storage_is_recovered_and_kept(page: Page, served_site: str) -> None:
    """Unreadable stored data gives a fresh working checklist, a notice, and a copy of the old data kept aside."""
    seed(page, served_site, '{"version":1,"applications":[{"id":')
    expect(page.locator("[data-atn-notice]")).to_contain_text("could not be read")
    page.check("#check-take-a-breath")
    assert active(stored(page))["ticks"] == {"take-a-breath": True}
    assert page.evaluate("localStorage.getItem('afterno:v1:damaged')") == '{"version":1,"applications":[{"id":'


def test_old_format_store_is_migrated(page: Page, served_site: str) -> None:
    """Ticks saved by an earlier version (a flat map of ids) are carried over into the new record."""
    seed(page, served_site, '{"take-a-breath": true, "an-old-item": true}', key="afterno:checklist")
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    expect(page.locator("[data-atn-notice]")).to_contain_text("carried over")
    assert active(stored(page))["ticks"] == {"take-a-breath": True, "an-old-item": True}


def test_ids_no_longer_in_the_content_are_kept(page: Page, served_site: str) -> None:
    """Progress under an id the content no longer has stays stored after new ticks."""
    record = {
        "version": 1,
        "active": "a1",
        "applications": [
            {"id": "a1", "company": "", "role": "", "rejectedOn": "2025-11-25", "situation": "not-a-situation",
             "ticks": {"retired-item": True}, "notes": {"retired-item": "kept"}, "reflections": {}, "created": "x"}
        ],
    }  # fmt: skip
    seed(page, served_site, json.dumps(record))
    page.check("#check-take-a-breath")
    app = active(stored(page))
    assert app["ticks"] == {"retired-item": True, "take-a-breath": True}
    assert app["notes"] == {"retired-item": "kept"}


def test_keyboard_only_ticking_with_visible_focus(page: Page, served_site: str) -> None:
    """The first checkbox can be reached with Tab and ticked with Space, and the focus is visibly outlined."""
    open_checklist(page, served_site)
    page.focus(CHANGE)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "check-take-a-breath":
            break
    else:
        pytest.fail("Tab never reached the first checkbox")
    style = page.eval_on_selector("#check-take-a-breath", "e => getComputedStyle(e).outlineStyle")
    assert style not in ("none", ""), style
    page.keyboard.press("Space")
    expect(page.locator("#check-take-a-breath")).to_be_checked()
    assert active(stored(page))["ticks"] == {"take-a-breath": True}
    # The confirm dialog works from the keyboard too.
    page.focus("[data-atn-action=reset]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-atn-dialog]")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("[data-atn-dialog]")).to_be_hidden()
    expect(page.locator("#check-take-a-breath")).to_be_checked()


@pytest.mark.parametrize("width", [320, 640], ids=["320px", "200-percent-zoom"])
def test_usable_when_narrow_or_zoomed(page: Page, served_site: str, width: int) -> None:
    """At 320 px wide (and 1280 px at 200% zoom) nothing scrolls sideways and the controls are usable."""
    page.set_viewport_size({"width": width, "height": 700})
    open_checklist(page, served_site)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of sideways scroll"
    for selector in ("#atn-company", "#atn-situation", "[data-atn-action=add]", "#check-take-a-breath"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector
    page.check("#check-take-a-breath")
    expect(page.locator("[data-atn-progress-text]")).to_have_text(done(1))


def test_private_no_cookies_and_says_so(context: BrowserContext, page: Page, served_site: str) -> None:
    """Using the checklist sets no cookie and contacts no other host (the page fixture checks), and the page says so."""
    open_checklist(page, served_site)
    page.check("#check-take-a-breath")
    page.fill("#atn-company", "Acme")
    assert context.cookies() == []
    expect(page.get_by_text("sends nothing to anyone")).to_be_visible()
