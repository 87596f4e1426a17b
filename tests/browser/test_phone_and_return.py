"""A reader on a phone, and the same reader coming back: targets big enough to tap, nothing floating over the text,
the colour scheme of their device unless they chose one, a header the keyboard can use, and a home page that
knows they have started a checklist.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from afterno.load import load_content
from browser.conftest import READY
from helpers import CONTENT

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
#: WCAG 2.2's target size minimum (2.5.8), in CSS pixels.
TARGET = 24
#: Every link, button and form control in the page's main area and where it is, with WCAG's spacing exception
#: measured: an undersized target passes when a 24 px circle on its centre touches no other target, nor the circle
#: of another undersized one. Only targets a reader can see (not in the closed navigation drawer).
TARGETS = """(size) => {
    const all = [...document.querySelectorAll(
        "main a[href], main button, main input, main select, main textarea, main summary"
    )].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !el.closest(".md-sidebar")
            && el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true});
    }).map((el) => ({el, r: el.getBoundingClientRect(), lines: [...el.getClientRects()]}));
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const gap = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const small = (t) => t.r.width < size || t.r.height < size;
    // A link that wraps is its line boxes, not the rectangle around them (which would take in its neighbours).
    const near = (t, u) => u.lines.some((line) => gap(centre(t.r), line) < size / 2);
    return all.filter(small).filter((t) => all.some((u) => u !== t && !u.el.contains(t.el) && !t.el.contains(u.el)
        && (near(t, u)
            || (small(u) && Math.hypot(...centre(t.r).map((v, i) => v - centre(u.r)[i])) < size))))
        .map((t) => `${t.el.tagName.toLowerCase()} "${(t.el.textContent || t.el.id).trim().slice(0, 40)}" `
            + `${Math.round(t.r.width)}x${Math.round(t.r.height)}`);
}"""


def phone(browser: Browser, **options: Any) -> BrowserContext:
    """A fresh profile on a 390x844 phone screen."""
    return browser.new_context(viewport=PHONE, **options)


@pytest.mark.parametrize("path", ["", "checklist/", "templates/", "guides/first-48-hours/"])
def test_every_target_on_a_phone_is_at_least_24_px_or_spaced_apart(
    browser: Browser, served_site: str, path: str
) -> None:
    """On a 390x844 phone every link, button and box in the page is 24x24 CSS px, or stands clear of the others."""
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(served_site + path)
        if path == "checklist/":
            page.wait_for_selector(READY)
        assert page.evaluate(TARGETS, TARGET) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["guides/first-48-hours/", "templates/"])
def test_buttons_next_to_each_other_are_at_least_8_px_apart(browser: Browser, served_site: str, path: str) -> None:
    """On a phone, buttons in one row or stacked ("Open the checklist" over "All guides") never touch."""
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(served_site + path)
        if path == "templates/":
            page.locator("[data-atn-copy]").first.wait_for()
        gaps = page.evaluate("""() => [...document.querySelectorAll(".md-content .md-button + .md-button")]
            .filter((b) => b.checkVisibility() && b.previousElementSibling.checkVisibility()).map((b) => {
                const a = b.previousElementSibling.getBoundingClientRect(), r = b.getBoundingClientRect();
                return [b.textContent.trim(), Math.max(r.top - a.bottom, r.left - a.right)];
            })""")
        assert gaps and all(gap >= 8 for _, gap in gaps), gaps
    finally:
        context.close()


def test_checklist_controls_are_thumb_sized_and_the_page_no_taller(browser: Browser, served_site: str) -> None:
    """Each item's checkbox, "Why and how" and "Add a note" are 28 px or more, and the page grows by 4% at most."""
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(served_site + "checklist/")
        page.wait_for_selector(READY)
        item = page.locator("#take-a-breath")
        box = item.locator("input[type=checkbox]").bounding_box()
        why = item.locator("a.atn-item__step").bounding_box()
        note = item.locator("summary").bounding_box()
        assert box and why and note
        assert box["width"] >= 28 and box["height"] >= 28, box
        assert why["height"] >= 28 and note["height"] >= 28, (why, note)
        # 8,150 px tall with 22 px checkboxes and 19 and 22 px links: bigger targets, hardly a longer page.
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 8150 * 1.04, height
    finally:
        context.close()


def test_nothing_floats_over_the_text_after_scrolling_up(browser: Browser, served_site: str) -> None:
    """Scrolled down and a little back up on a phone, nothing but the header sits over the page's text."""
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(served_site + "templates/")
        page.mouse.move(200, 400)
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(600)
        covering = page.evaluate("""() => {
            const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
            const found = new Set();
            for (let y = header + 2; y < innerHeight; y += 20) for (let x = 10; x < innerWidth; x += 20) {
                for (let el = document.elementFromPoint(x, y); el && el !== document.body; el = el.parentElement) {
                    const position = getComputedStyle(el).position;
                    if (position === "fixed" || position === "sticky") found.add(el.className || el.tagName);
                }
            }
            return [...found];
        }""")
        assert covering == [], f"over the text: {covering}"
    finally:
        context.close()


def scheme(page: Page) -> str:
    """The colour scheme the page shows."""
    return page.get_attribute("body", "data-md-color-scheme") or ""


def test_the_scheme_follows_the_device_at_load_and_when_it_switches(browser: Browser, served_site: str) -> None:
    """Light device: light; dark device: dark, on first and returning visits; and a device that switches while the
    page is open switches the page. The theme's toggle is gone (its component cost most of the load's blocking
    time, issue 10), so no scheme stored by it may pin a reader to a scheme they cannot switch back from."""
    context = browser.new_context(color_scheme="light")
    context.add_init_script(
        "try { localStorage.setItem('/.__palette.chosen', JSON.stringify({index: 0, "
        "color: {media: '', scheme: 'default', primary: 'teal', accent: 'deep-orange'}})) } catch {}"
    )
    try:
        page = context.new_page()
        page.goto(served_site + "checklist/")
        page.wait_for_selector(READY)
        assert scheme(page) == "default"
        assert page.locator("[data-md-component=palette], input[name=__palette]").count() == 0, "the toggle is back"
        page.emulate_media(color_scheme="dark")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        page.goto(served_site + "templates/")
        assert scheme(page) == "slate", "a scheme stored by the old toggle was kept"
        page.emulate_media(color_scheme="light")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    finally:
        context.close()


@pytest.mark.parametrize("device", ["light", "dark"])
def test_the_browser_bar_takes_the_header_colour(browser: Browser, served_site: str, device: str) -> None:
    """A phone's browser bar (theme-color) has the header's colour in either scheme (the old toggle set it)."""
    context = browser.new_context(color_scheme=device)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(served_site)
        bar = page.evaluate(
            "() => { const probe = document.createElement('i'); probe.style.color ="
            " document.querySelector('meta[name=theme-color]').content; document.body.append(probe);"
            " return getComputedStyle(probe).color }"
        )
        assert bar == page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    finally:
        context.close()


def test_every_tab_stop_in_the_header_shows_something(page: Page, served_site: str) -> None:
    """From the top of the page to the first link in the text, each Tab lands on something the reader can see."""
    page.goto(served_site)
    unseen = []
    for _ in range(10):
        page.keyboard.press("Tab")
        # The skip link fades in when focused.
        page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        where = page.evaluate("""() => {
            const el = document.activeElement;
            // The toggle's radio input is drawn by the label after it.
            const shown = el.classList.contains("md-option") ? el.nextElementSibling : el;
            const r = shown.getBoundingClientRect();
            let opacity = 1;
            for (let n = shown; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
            const seen = r.width > 0 && r.height > 0 && opacity > 0 && getComputedStyle(shown).visibility !== "hidden";
            return {seen, what: `${el.tagName} ${el.className}`.trim(), text: el.closest(".md-content") !== null};
        }""")
        if not where["seen"]:
            unseen.append(where["what"])
        if where["text"]:
            break
    assert unseen == [], f"Tab stops with nothing visible: {unseen}"


def test_search_says_initialising_in_british_spelling(page: Page, served_site: str) -> None:
    """The search box's waiting text is British English, as the rest of the site."""
    page.goto(served_site)
    assert (page.locator(".md-search-result__meta").text_content() or "").strip() == "Initialising search"
    assert "Initializ" not in page.content()


def store(company: str, situation: str, ticks: list[str]) -> str:
    """A checklist record as checklist-core.js writes it, one application."""
    app = {
        "id": "a1",
        "company": company,
        "role": "Junior Marketing Executive",
        "rejectedOn": "2026-11-28",
        "situation": situation,
        "ticks": dict.fromkeys(ticks, True),
        "notes": {},
        "reflections": {},
        "created": "2026-11-28T10:00:00.000Z",
    }
    return json.dumps({"version": 1, "active": "a1", "applications": [app]})


def test_home_page_offers_the_saved_checklist_with_its_progress(page: Page, served_site: str) -> None:
    """Coming back, the home page says whose checklist is saved and how far it is, counted as the checklist counts."""
    items = [item for entry in load_content(CONTENT).checklist for item in entry.items]
    applies = [item.id for item in items if item.applies("not-hiring")]
    left_out = next(item.id for item in items if not item.applies("not-hiring"))
    page.goto(served_site)
    assert page.locator("h1").inner_text() == "After the No"
    offer = page.locator("[data-atn-continue]")
    expect(offer).to_be_hidden()
    saved = store("Brightwell", "not-hiring", [applies[0], left_out])
    page.evaluate("raw => localStorage.setItem('afterno:v1', raw)", saved)
    page.reload()
    expect(offer).to_be_visible()
    words = f"Continue your checklist for Brightwell (1 of {len(applies)} done)"
    expect(offer.get_by_role("link")).to_have_text(words)
    # Near the top: on a phone, in the first screen.
    page.set_viewport_size(PHONE)
    top = offer.bounding_box()
    assert top and top["y"] + top["height"] <= PHONE["height"], top
    offer.get_by_role("link").click()
    page.wait_for_url("**/checklist/")
    page.wait_for_selector(READY)
    expect(page.locator("[data-atn-progress-text]")).to_have_text(f"1 of {len(applies)} done")


BAD_STORAGE = {
    "blocked": "Object.defineProperty(window, 'localStorage', "
    "{get() { throw new DOMException('no', 'SecurityError'); }});",
    "corrupt": "localStorage.setItem('afterno:v1', '{bad');",
    "not-ours": 'localStorage.setItem(\'afterno:v1\', \'{"version":1,"applications":[1,"x",null]}\');',
    "untouched": "localStorage.setItem('afterno:v1', "
    '\'{"version":1,"active":"a","applications":[{"id":"a","ticks":{}}]}\');',
}


@pytest.mark.parametrize("script", BAD_STORAGE.values(), ids=BAD_STORAGE.keys())
def test_home_page_offers_nothing_and_never_fails_without_a_started_checklist(
    context: BrowserContext, page: Page, served_site: str, script: str
) -> None:
    """Storage blocked, damaged, or holding a checklist nobody started: no offer, and no page error."""
    context.add_init_script(script)
    page.goto(served_site)
    page.wait_for_timeout(300)
    expect(page.locator("[data-atn-continue]")).to_be_hidden()
    # The page fixture fails the test on any console error or page error.


#: Where the focus is, and whether a reader can see it there: inside the window, drawn, not hidden.
FOCUS_SEEN = """() => {
    const el = document.activeElement;
    const shown = el.classList.contains("md-option") ? el.nextElementSibling : el;
    const r = shown.getBoundingClientRect();
    const inside = r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0;
    const seen = inside && shown.checkVisibility({opacityProperty: true, visibilityProperty: true});
    return {seen, what: `${el.tagName} ${el.className} ${el.textContent.trim().slice(0, 30)}`.trim(),
            text: el.closest(".md-content") !== null, label: el.getAttribute("aria-label") || ""};
}"""


@pytest.mark.parametrize("path", ["", "es/", "checklist/"])
def test_on_a_phone_every_tab_stop_before_the_text_is_on_screen(browser: Browser, served_site: str, path: str) -> None:
    """On a 390 px phone, Tab from the top reaches the page's text without landing in the closed menu drawer or
    the closed search box (they are off screen: a user test counted ~20 unseen stops), and passes the menu and
    search buttons, which have names."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(served_site + path)
        page.wait_for_load_state("load")
        unseen, names = [], []
        for _ in range(15):
            page.keyboard.press("Tab")
            page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
            where = page.evaluate(FOCUS_SEEN)
            if not where["seen"]:
                unseen.append(where["what"])
            names.append(where["label"])
            if where["text"]:
                break
        assert where["text"], "the text was not reached in 15 Tabs"
        assert unseen == []
        nav = page.locator(".md-nav--primary").first.get_attribute("aria-label")
        search = page.locator(".md-search__input").get_attribute("aria-label")
        assert nav in names and search in names, names
    finally:
        context.close()


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_on_a_phone_the_keyboard_opens_the_menu_and_search(browser: Browser, served_site: str, key: str) -> None:
    """The menu button opens the drawer from the keyboard and takes the focus to its first link, which is on
    screen; the search button opens the search box with the focus in it."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(served_site)
        page.wait_for_load_state("load")
        page.focus("label.md-header__button[for=__drawer]")
        page.keyboard.press(key)
        expect(page.locator("#__drawer")).to_be_checked()
        expect(page.locator(".md-sidebar--primary :focus")).to_have_count(1)
        page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        assert page.evaluate(FOCUS_SEEN)["seen"], page.evaluate(FOCUS_SEEN)
        page.goto(served_site + "guides/")
        page.wait_for_load_state("load")
        page.focus("label.md-header__button[for=__search]")
        page.keyboard.press(key)
        expect(page.locator("#__search")).to_be_checked()
        expect(page.locator(".md-search__input")).to_be_focused()
        # A tap still opens the search with the focus in the box (the phone's keyboard comes up).
        page.goto(served_site + "checklist/")
        page.wait_for_load_state("load")
        page.tap("label.md-header__button[for=__search]")
        expect(page.locator(".md-search__input")).to_be_focused()
    finally:
        context.close()
