"""Issue 10, findings of a user test of the built site: what a reader meets after changing things on /checklist/,
arriving from the home page with progress saved, the "Next" block, and the keyboard."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import READY
from browser.test_checklist import CHANGE, active, open_checklist, stored

pytestmark = pytest.mark.browser

ARRIVAL = "[data-atn-arrival]"
FIRST_BOX = "check-take-a-breath"


def luminance(rgb: str) -> float:
    """The relative luminance of a CSS ``rgb(...)``/``rgba(...)`` colour (WCAG 2)."""
    channels = [int(float(v)) / 255 for v in re.findall(r"[\d.]+", rgb)[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def tabs_to_first_checkbox(page: Page, limit: int = 5) -> int:
    """Press Tab until a checklist checkbox has the focus; the number of presses (``limit + 1`` if never).

    Arriving from a situation link for a new checklist, the page first asks "When did you hear?": the presses
    spent in that date field (one per part of the date, and its picker button) are not counted, but it must
    come first. Why not: it is the page's own question on arrival (its answer sets every date below), so the
    presses in it are the reader answering, not controls in the way; counted, Chromium's date field adds four."""
    presses = 0
    for _ in range(limit + 8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "atn-heard":
            assert presses == 0, "the day-heard question is not the first stop"
            continue
        presses += 1
        if page.evaluate("document.activeElement.type") == "checkbox":
            assert page.evaluate("document.activeElement.id") == FIRST_BOX
            return presses
        if presses > limit:
            break
    return limit + 1


def test_changing_the_situation_replaces_the_arrival_notice_at_once(page: Page, served_site: str) -> None:
    """'This checklist is set up for: <old>' does not stay on the page once the reader picks another situation."""
    open_checklist(page, served_site, "?situation=other-candidates")
    expect(page.locator(ARRIVAL)).to_contain_text('set up for: "We are pursuing other candidates"')
    page.select_option("#atn-situation", "no-reply")
    expect(page.locator(ARRIVAL)).to_be_hidden()
    expect(page.locator(".atn-summary")).to_contain_text("I heard nothing back")


def test_a_situation_from_home_applies_to_the_saved_checklist_and_keeps_its_ticks(page: Page, served_site: str) -> None:
    """With a checklist in progress, a home-page situation button, once the reader says to use it for that checklist,
    sets it up, ticks kept, and says so."""
    open_checklist(page, served_site)
    page.fill("#atn-company", "Acme")
    page.check(f"#{FIRST_BOX}")
    page.goto(served_site)
    page.locator(".atn-picker a[href$='?situation=other-candidates']").first.click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)
    page.click("[data-atn-action=use]")
    expect(page.locator(f"#{FIRST_BOX}")).to_be_checked()
    expect(page.locator(".atn-summary")).to_contain_text("Acme · Heard")
    expect(page.locator(".atn-summary")).to_contain_text('"We are pursuing other candidates"')
    expect(page.locator(ARRIVAL)).to_contain_text(
        'Your checklist for Acme is set up for: "We are pursuing other candidates"'
    )
    expect(page.locator(ARRIVAL)).to_contain_text("Your ticks and notes are kept.")
    data = stored(page)
    assert len(data["applications"]) == 1
    assert active(data)["ticks"] == {"take-a-breath": True}
    assert active(data)["situation"] == "other-candidates"


def test_next_offers_the_gentle_thank_you_reply_when_its_day_has_passed(page: Page, served_site: str) -> None:
    """A gentle item is never overdue, but still eligible for Next: the thank-you reply, unticked, is listed."""
    open_checklist(page, served_site)
    page.fill("#atn-date", (dt.date.today() - dt.timedelta(days=3)).isoformat())
    for item in ("take-a-breath", "talk-to-someone", "name-what-was-out-of-your-hands"):
        page.check(f"#check-{item}")
    upcoming = page.locator("[data-atn-next-list] li")
    expect(upcoming.first).to_contain_text("Once you feel calm, send a short reply")
    expect(upcoming.first).to_contain_text("When you feel ready")
    assert "overdue" not in page.locator("[data-atn-next]").inner_text().lower()


def same_page(page: Page) -> None:
    """Mark the checklist's element, so ``still_same_page`` can tell whether the page was loaded or swapped since."""
    page.evaluate("document.querySelector('[data-atn-checklist]').atnMark = true")


def still_same_page(page: Page) -> bool:
    return bool(page.evaluate("!!document.querySelector('[data-atn-checklist]').atnMark"))


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_first_checkbox_within_five_tabs_after_a_full_load(
    page: Page, served_site: str, viewport: tuple[int, int]
) -> None:
    """A full load of /checklist/?situation=no-reply: the skip link moves focus in place (the page is not fetched
    again), the heading is in view below the header, then at most five Tabs reach the first checkbox."""
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(served_site + "checklist/?situation=no-reply")
    page.wait_for_selector(READY)
    same_page(page)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/checklist/" in request.url else None)
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".md-content h1")).to_be_focused()
    assert still_same_page(page), "the skip link loaded the page again"
    assert fetched == []
    assert page.url == served_site + "checklist/"
    heading_top = page.evaluate("document.querySelector('.md-content h1').getBoundingClientRect().top")
    header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert heading_top >= header_bottom
    assert tabs_to_first_checkbox(page) <= 5


def test_an_in_page_link_keeps_the_situation_changed_after_a_situation_link(page: Page, served_site: str) -> None:
    """Arrived by ?situation=no-reply, changed to another situation: a contents link does not bring no-reply back."""
    open_checklist(page, served_site, "?situation=no-reply")
    page.select_option("#atn-situation", "other-candidates")
    expect(page.locator(".atn-summary")).to_contain_text("We are pursuing other candidates")
    page.locator(".md-sidebar--secondary a[href$='#first-week']").first.click()
    page.wait_for_url("**/checklist/#first-week")
    page.wait_for_selector(READY)
    expect(page.locator(".atn-summary")).to_contain_text("We are pursuing other candidates")
    assert "situation=" not in page.url
    assert active(stored(page))["situation"] == "other-candidates"


def test_first_checkbox_within_five_tabs_after_instant_navigation_from_home(page: Page, served_site: str) -> None:
    """From the home page's situation button (instant navigation) the heading has the focus, five Tabs at most."""
    page.goto(served_site)
    page.locator(".atn-picker a[href$='?situation=no-reply']").first.click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "navigation was not instant"
    expect(page.locator(".md-content h1")).to_be_focused()
    assert tabs_to_first_checkbox(page) <= 5


def test_skip_link_works_after_instant_navigation_from_home(page: Page, served_site: str) -> None:
    """After instant navigation from home, the skip link moves focus into the content, then Tab reaches the list."""
    page.goto(served_site)
    page.locator(".atn-picker a").first.click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)
    same_page(page)
    page.focus(".md-skip")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !!document.activeElement.closest('.md-content')")
    assert still_same_page(page), "the skip link loaded the page again"
    assert "situation=" not in page.url
    assert tabs_to_first_checkbox(page) <= 5


def test_escape_closes_the_change_panel_and_returns_to_change(page: Page, served_site: str) -> None:
    """Escape in the open Change panel closes it and puts the focus back on the Change button."""
    page.goto(served_site + "checklist/")
    page.wait_for_selector(READY)
    page.click(CHANGE)
    expect(page.locator("#atn-date")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.locator("[data-atn-setup]")).to_be_hidden()
    expect(page.locator(CHANGE)).to_be_focused()
    expect(page.locator(CHANGE)).to_have_attribute("aria-expanded", "false")


def outline(page: Page, selector: str) -> tuple[float, str, str]:
    """The width and colour of the focus outline shown for ``selector``, and the background it is drawn on."""
    width, colour, back = page.evaluate(
        """(sel) => {
            const el = document.querySelector(sel);
            const s = getComputedStyle(el);
            let bg = el, b = 'rgba(0, 0, 0, 0)';
            while (bg && (b = getComputedStyle(bg).backgroundColor) === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
            return [s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth), s.outlineColor, b];
        }""",
        selector,
    )
    return width, colour, back


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tab_out_of_empty_search_results_moves_on(page: Page, served_site: str, scheme: str) -> None:
    """Tab out of the search (which closes it) moves on, never onto the closed, invisible results box."""
    page.goto(served_site)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.keyboard.press("/")
    page.keyboard.type("zzqxj")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    page.keyboard.press("Tab")
    expect(page.locator(".md-search__scrollwrap")).not_to_be_focused()
    assert page.evaluate("document.activeElement.checkVisibility({visibilityProperty: true})")


@pytest.mark.parametrize(
    ("prefix", "yours"),
    [("", "Your checklist"), ("es/", "Tu lista"), ("de/", "Deine Checkliste")],
    ids=["en", "es", "de"],
)
def test_checklists_without_a_company_are_named_by_what_they_said_and_the_day(
    page: Page, served_site: str, prefix: str, yours: str
) -> None:
    """In the "Checklist for" list, one with no company reads as what they said and the day heard, in each language;
    one with no situation either as "Your checklist" and the day; never "Untitled application"."""
    open_checklist(page, served_site + prefix, "?situation=other-candidates")
    said = page.locator("#atn-situation option[value=other-candidates]").text_content() or ""
    page.click("[data-atn-action=add]")
    options = page.locator("#atn-app option")
    expect(options).to_have_count(2)
    first, second = (text.strip() for text in options.all_text_contents())
    assert first.startswith(said.strip() + " (") and first != said.strip(), first
    assert second.startswith(yours + " ("), second
    for text in (first, second):
        assert re.search(r"\d", text), f"no day heard in {text!r}"
        assert "Untitled" not in text and "sin nombre" not in text and "ohne Namen" not in text, text
