"""The message templates as a reader uses them: never a blank sent, details typed once, nothing broken by input.

Each test starts from an empty browser profile (the ``context`` fixture) and fails on any console error.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page

from afterno.load import load_content
from browser.test_pages import AXE_PATH, csp_violations, describe, open_page, run_axe
from helpers import CONTENT, english_leftovers, ui_text
from helpers import MESSAGE_MISTAKES as BAD
from helpers import MESSAGE_OWN_BOXES as OWN
from helpers import MESSAGE_READERS as READERS

pytestmark = pytest.mark.browser

KEY = "afterno:v1:templates"
CHECKLIST_KEY = "afterno:v1"
UNTOUCHED = "what the reader had on the clipboard before"
SHARED = {
    "contact_name": "The name of the person you dealt with",
    "role": "The role you applied for",
    "company": "The company",
    "your_name": "Your name",
}


def template(page: Page, template_id: str) -> Locator:
    """The block of one message template."""
    return page.locator(f'[data-atn-template="{template_id}"]')


def shared_box(page: Page, name: str) -> Locator:
    """One of the boxes every message shares."""
    return page.locator(f"#atn-shared-{name}")


def checklist_record(*apps: dict[str, str], active: str) -> str:
    """A checklist store as checklist-core.js writes it, with the given applications."""
    full = [
        {"rejectedOn": "2026-11-28", "situation": "", "ticks": {}, "notes": {}, "reflections": {}, "created": "x"} | app
        for app in apps
    ]
    return json.dumps({"version": 1, "active": active, "applications": full})


def open_with_storage(page: Page, base: str, values: dict[str, str]) -> None:
    """Open /templates/ with these localStorage entries already in place, as a returning reader would."""
    page.goto(base + "404.html")
    page.evaluate("values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }", values)
    open_page(page, base, "templates/")
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()


def status_text(page: Page, root: Locator) -> str:
    """The live region's words once they have been set (they are cleared first, then written)."""
    status = root.locator("[data-atn-status]")
    page.wait_for_function("el => el.textContent !== ''", arg=status.element_handle())
    return status.inner_text()


def mailto_params(root: Locator) -> list[tuple[str, str]]:
    """The query of the email link, decoded, in order; the address part must be empty."""
    href = root.locator("[data-atn-mailto]").get_attribute("href") or ""
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "", href[:80]
    return parse_qsl(parts.query, keep_blank_values=True)


def test_half_filled_template_refuses_copy_and_email_naming_the_empty_boxes(
    page: Page, context: BrowserContext, served_site: str
) -> None:
    """With only a name typed, Copy and the email link do nothing but name the empty boxes and focus the first."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    open_page(page, served_site, "templates/")
    page.evaluate("text => navigator.clipboard.writeText(text)", UNTOUCHED)
    shared_box(page, "your_name").fill("Sam Taylor")
    root = template(page, "thank-you-reply")
    root.get_by_role("button", name="Copy the message").click()
    said = status_text(page, root)
    assert said.startswith("Nothing was copied."), said
    for name in ("contact_name", "role", "company"):
        assert SHARED[name] in said, said
        assert shared_box(page, name).get_attribute("aria-invalid") == "true"
    assert SHARED["your_name"] not in said
    assert page.evaluate("document.activeElement.id") == "atn-shared-contact_name"
    assert page.evaluate("navigator.clipboard.readText()") == UNTOUCHED
    # The error is also next to the box, in its description, where focus landed.
    described = page.evaluate(
        "el => el.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent)",
        shared_box(page, "contact_name").element_handle(),
    )
    assert any("Fill this in" in text for text in described), described

    before = page.url
    root.locator("[data-atn-mailto]").click()
    assert "Your email app was not opened." in status_text(page, root)
    assert page.url == before, "the refused email link must not navigate"
    assert f"[{SHARED['company']}]" in root.locator("[data-atn-body]").inner_text()

    # Filling the first empty box clears its error mark; the others stay marked.
    shared_box(page, "contact_name").fill("Alex Morgan")
    assert shared_box(page, "contact_name").get_attribute("aria-invalid") is None
    assert shared_box(page, "company").get_attribute("aria-invalid") == "true"


def test_filled_template_copies_and_links_with_only_a_subject_and_a_body(
    page: Page, context: BrowserContext, served_site: str
) -> None:
    """Once every box has a value, Copy puts the finished message on the clipboard and the link carries it."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    open_page(page, served_site, "templates/")
    for name, value in {
        "contact_name": "Alex",
        "role": "Data & Insight Analyst",
        "company": "Acme",
        "your_name": "Jo",
    }.items():
        shared_box(page, name).fill(value)
    root = template(page, "feedback-request")
    body = root.locator("[data-atn-body]").inner_text()
    assert "{" not in body and "the Data & Insight Analyst role" in body and body.rstrip().endswith("Jo")
    copy = root.locator("[data-atn-copy]")
    copy.focus()
    page.keyboard.press("Enter")
    assert status_text(page, root).startswith("Message copied, without the subject line.")
    subject = root.locator("[data-atn-subject]").inner_text()
    assert subject.endswith("my application for the Data & Insight Analyst role"), subject
    # The body alone: a reader who hits Reply and pastes gets no "Subject: ..." line in the message.
    assert page.evaluate("navigator.clipboard.readText()") == body
    # The subject has its own Copy, for a new email.
    root.get_by_role("button", name="Copy the subject").click()
    said = "el => el.textContent.startsWith('Subject line copied.')"
    page.wait_for_function(said, arg=root.locator("[data-atn-status]").element_handle())
    assert page.evaluate("navigator.clipboard.readText()") == subject
    params = mailto_params(root)
    assert [key for key, _ in params] == ["subject", "body"]
    assert dict(params)["subject"] == root.locator("[data-atn-subject]").inner_text()
    assert dict(params)["body"] == body.replace("\n", "\r\n")
    href = root.locator("[data-atn-mailto]").get_attribute("href") or ""
    assert "%0D%0A" in href and " " not in href
    assert csp_violations(page) == []


def test_shared_details_carry_across_templates_and_survive_a_reload(page: Page, served_site: str) -> None:
    """A name typed once fills every message, every box is remembered after a reload, and Clear forgets it all."""
    open_page(page, served_site, "templates/")
    shared_box(page, "your_name").fill("Sam Taylor")
    shared_box(page, "role").fill("Junior Analyst")
    page.locator("#reconnect-message-recent_progress").fill("taking a course in statistics")
    for item in load_content(CONTENT).templates:
        body = template(page, item.id).locator("[data-atn-body]").inner_text()
        assert body.rstrip().endswith("Sam Taylor"), item.id
        assert "{your_name}" not in body and "{role}" not in body + template(page, item.id).inner_text()
    page.reload()
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()
    assert shared_box(page, "your_name").input_value() == "Sam Taylor"
    assert page.locator("#reconnect-message-recent_progress").input_value() == "taking a course in statistics"
    assert "taking a course in statistics" in template(page, "reconnect-message").inner_text()
    assert "Clear these details" in page.locator("[data-atn-shared]").inner_text()
    assert "kept in this browser only, with your checklist" in page.locator("[data-atn-shared-note]").inner_text()
    page.get_by_role("button", name="Clear these details").click()
    assert "Cleared." in status_text(page, page.locator("[data-atn-shared]"))
    assert page.evaluate("key => localStorage.getItem(key)", KEY) is None
    assert shared_box(page, "your_name").input_value() == ""
    assert f"[{SHARED['your_name']}]" in template(page, "thank-you-reply").inner_text()


def test_company_and_role_come_from_the_active_checklist_which_is_never_changed(page: Page, served_site: str) -> None:
    """The boxes start with the active checklist's company and role; typing here leaves the checklist's record alone."""
    record = checklist_record(
        {"id": "a1", "company": "Old Firm", "role": "Clerk"},
        {"id": "a2", "company": "Northfield Foods", "role": "Data Analyst"},
        active="a2",
    )
    open_with_storage(page, served_site, {CHECKLIST_KEY: record})
    assert shared_box(page, "company").input_value() == "Northfield Foods"
    assert shared_box(page, "role").input_value() == "Data Analyst"
    assert "the work Northfield Foods does" in template(page, "thank-you-reply").inner_text()
    shared_box(page, "company").fill("Northfield Foods Ltd")
    shared_box(page, "your_name").fill("Sam")
    assert page.evaluate("key => localStorage.getItem(key)", CHECKLIST_KEY) == record
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert stored == {
        "version": 1,
        "app": "a2",
        "values": {"role": "Data Analyst", "company": "Northfield Foods Ltd", "your_name": "Sam"},
    }


def test_details_typed_for_a_deleted_checklist_are_forgotten(page: Page, served_site: str) -> None:
    """Values remembered for a checklist that is gone are not shown for another one, and are removed from storage."""
    old = json.dumps({"version": 1, "app": "gone", "values": {"contact_name": "Priya", "your_name": "Sam"}})
    record = checklist_record({"id": "a9", "company": "Beta Ltd", "role": ""}, active="a9")
    open_with_storage(page, served_site, {CHECKLIST_KEY: record, KEY: old})
    assert shared_box(page, "contact_name").input_value() == ""
    assert shared_box(page, "company").input_value() == "Beta Ltd"
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert stored == {"version": 1, "app": "a9", "values": {"company": "Beta Ltd"}}


HOSTILE = [
    pytest.param("<img src=x onerror=\"document.title='owned'\">", id="markup"),
    pytest.param("Acme\r\nBcc: boss@example.com\r\n", id="crlf"),
    pytest.param("Zo\ud800e", id="lone-surrogate"),
    pytest.param("&cc=boss@example.com&to=x@example.com#", id="mailto-params"),
    pytest.param("x" * (5 * 1024 * 1024), id="5MB"),
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_input_never_breaks_the_preview_or_the_link(page: Page, served_site: str, value: str) -> None:
    """Markup, line breaks, a lone surrogate, mailto tricks or 5 MB in a box: shown as text, link still two fields."""
    open_page(page, served_site, "templates/")
    for name in SHARED:
        shared_box(page, name).fill("ok")
    # Set the value as a paste or an extension would, past maxlength, then let the page react.
    page.evaluate(
        "([el, v]) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
        [shared_box(page, "company").element_handle(), value],
    )
    root = template(page, "thank-you-reply")
    assert root.locator("[data-atn-body] img").count() == 0
    assert page.title() != "owned"
    body = root.locator("[data-atn-body]").inner_text()
    assert "{company}" not in body and "\r" not in body
    params = mailto_params(root)
    assert [key for key, _ in params] == ["subject", "body"]
    sent = dict(params)["body"]
    assert "Bcc:" not in sent.split("\r\n")[0] and "\ud800" not in sent
    assert len(root.locator("[data-atn-mailto]").get_attribute("href") or "") < 5000
    root.get_by_role("button", name="Copy the message").click()
    assert status_text(page, root)


def test_hostile_stored_records_load_a_working_page(page: Page, served_site: str) -> None:
    """Damaged, huge or hostile stored records give an ordinary, working page (no errors, markup as text)."""
    damaged: dict[str, str] = {
        KEY: json.dumps({"version": 1, "app": "", "values": {"company": "<b>Bold</b>\r\nx", "__proto__": "p"}}),
        CHECKLIST_KEY: '{"version":1,"applications":[1,"x",null]}',
    }
    open_with_storage(page, served_site, damaged)
    assert shared_box(page, "company").input_value() == "<b>Bold</b> x"
    assert template(page, "thank-you-reply").locator("[data-atn-body] b").count() == 0
    for raw in ("{", "x" * 200_000, "[]", "null"):
        open_with_storage(page, served_site, {KEY: raw, CHECKLIST_KEY: raw})
        assert shared_box(page, "company").input_value() == ""


def test_templates_work_when_storage_is_blocked(browser: Browser, served_site: str) -> None:
    """With storage throwing, the boxes still fill every message and the page says nothing will be kept."""
    context = browser.new_context()
    try:
        context.add_init_script(
            "Object.defineProperty(window, 'localStorage',"
            " {get() { throw new DOMException('blocked', 'SecurityError'); }});"
        )
        page = context.new_page()
        # Only our scripts' errors count here: the theme's own storage reads are guarded elsewhere.
        errors: list[str] = []
        page.on(
            "pageerror",
            lambda error: errors.append(str(error.stack)) if "/assets/templates" in str(error.stack) else None,
        )
        page.goto(served_site + "templates/")
        page.locator("[data-atn-shared][data-atn-ready]").wait_for()
        shared_box(page, "your_name").fill("Sam")
        assert template(page, "connection-note").locator("[data-atn-body]").inner_text().rstrip().endswith("Sam")
        assert "gone when you leave" in page.locator("[data-atn-shared-note]").inner_text()
        assert errors == []
    finally:
        context.close()


def test_templates_without_javascript_show_placeholders(browser: Browser, served_site: str) -> None:
    """With JavaScript off every message shows its {placeholders}, the fields are explained and email still works."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site + "templates/")
        root = template(page, "feedback-request")
        assert "{role}" in root.locator("[data-atn-body]").inner_text()
        assert root.locator("[data-atn-nojs]").is_visible()
        assert not page.locator("[data-atn-shared]").is_visible()
        assert not root.locator("[data-atn-copy]").is_visible()
        href = root.locator("[data-atn-mailto]").get_attribute("href") or ""
        assert "%7Brole%7D" in unquote(href).replace("{", "%7B").replace("}", "%7D") and "%0D%0A" in href
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_templates_page_has_no_axe_violations_with_errors_shown(page: Page, served_site: str, scheme: str) -> None:
    """axe-core finds nothing on /templates/ in light and dark, with refused boxes marked and a message filled."""
    open_page(page, served_site, "templates/")
    shared_box(page, "your_name").fill("Sam")
    template(page, "new-opening-note").get_by_role("button", name="Copy the message").click()
    page.locator("[aria-invalid=true]").first.wait_for()
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
    found: list[dict[str, Any]] = run_axe(page, served_site)
    assert not found, describe(found)


def connection_note_limit() -> int:
    """The LinkedIn connection note's character limit as the content sets it (its YAML's max_characters)."""
    note = next(item for item in load_content(CONTENT).templates if item.id == "connection-note")
    assert note.max_characters and not note.subject
    return note.max_characters


def test_connection_note_has_no_subject_no_email_button_and_counts_its_characters(
    page: Page, context: BrowserContext, served_site: str
) -> None:
    """The LinkedIn note shows no subject and no email button; a live count against the limit; Copy says the count."""
    limit = connection_note_limit()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    open_page(page, served_site, "templates/")
    root = template(page, "connection-note")
    assert root.locator("[data-atn-subject]").count() == 0 and "Subject:" not in root.inner_text()
    assert root.locator("[data-atn-mailto]").count() == 0
    assert root.get_by_text("Open in your email app").count() == 0
    count = root.locator("[data-atn-count]")
    for name, value in {"contact_name": "Alex Morgan", "role": "Junior Marketing Executive", "your_name": "Jo"}.items():
        shared_box(page, name).fill(value)
    shared_box(page, "company").fill("Brightwell")
    body = root.locator("[data-atn-body]").inner_text()
    assert count.inner_text() == f"{len(body)} of {limit} characters"
    assert len(body) <= limit, f"the note filled with ordinary details is {len(body)} characters"
    root.get_by_role("button", name="Copy the note").click()
    assert status_text(page, root) == f"Note copied. {len(body)} of {limit} characters"
    assert page.evaluate("navigator.clipboard.readText()") == body
    # A long company name takes it over the limit: the count says by how much, as the reader types.
    shared_box(page, "company").fill("B" * 120)
    over = len(root.locator("[data-atn-body]").inner_text()) - limit
    assert over > 0 and count.inner_text().startswith(f"{limit + over} of {limit} characters: {over} too many.")


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_copy_and_email_buttons_are_apart_and_readable_after_a_tap(
    browser: Browser, served_site: str, scheme: str
) -> None:
    """On a phone, Copy and the email button are at least 8 px apart, and after a tap (focused, hovered) both pass
    axe-core's colour contrast check (4.5:1), in light and dark."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
        page = context.new_page()
        open_page(page, served_site, "templates/")
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        for name in SHARED:
            shared_box(page, name).fill("Sam")
        root = template(page, "feedback-request")
        copy, mail = root.locator("[data-atn-copy]"), root.locator("[data-atn-mailto]")
        a, b = copy.bounding_box(), mail.bounding_box()
        assert a and b
        gap = max(b["y"] - (a["y"] + a["height"]), b["x"] - (a["x"] + a["width"]))
        assert gap >= 8, f"Copy and the email button are {gap:.1f} px apart"
        copy.click()
        assert status_text(page, root)
        page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=served_site + AXE_PATH)
        for target in (copy, mail):
            if target is mail:
                mail.hover()
                page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
            found = page.evaluate(
                "el => axe.run(el, {runOnly: ['color-contrast']}).then(r => r.violations.map(v => v.id))",
                target.element_handle(),
            )
            assert found == [], f"{target}: {found}"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["", "es/", "de/"], ids=["en", "es", "de"])
def test_empty_boxes_show_as_labelled_blanks_never_as_code_names(page: Page, served_site: str, lang: str) -> None:
    """In every language the preview shows an empty box as "[its label]", styled as a blank, never as {name}."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, served_site, lang + "templates/")
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()
    previews = page.locator("[data-atn-subject], [data-atn-body]")
    texts = previews.all_inner_texts()
    assert texts and not [text for text in texts if "{" in text or "}" in text], texts
    root = template(page, "thank-you-reply")
    label = shared_box(page, "contact_name").evaluate("el => el.labels[0].textContent.trim()")
    blank = root.locator('[data-atn-body] [data-slot="contact_name"]').first
    assert blank.inner_text() == f"[{label}]"
    assert "atn-slot--blank" in (blank.get_attribute("class") or "")
    assert blank.evaluate("el => getComputedStyle(el).borderBottomStyle") == "dashed"
    # Typed, the value replaces the blank; emptied again, the blank comes back.
    shared_box(page, "contact_name").fill("Alex Morgan")
    assert blank.inner_text() == "Alex Morgan"
    assert "atn-slot--blank" not in (blank.get_attribute("class") or "")
    shared_box(page, "contact_name").fill("")
    assert blank.inner_text() == f"[{label}]"
    # Copy stays refused while a blank is left, and names the box.
    root.locator("[data-atn-copy]").click()
    assert label in status_text(page, root)


CLEAR = {
    "": ("Clear these details", "Undo"),
    "es/": ("Borrar estos datos", "Deshacer"),
    "de/": ("Diese Angaben löschen", "Rückgängig"),
}
#: What Clear says when the checklist still holds the company and the role: that they stay, and where they are kept.
CLEAR_KEEPS = {"": "come from your checklist", "es/": "vienen de tu lista", "de/": "kommen aus deiner Checkliste"}


@pytest.mark.parametrize("lang", ["", "es/", "de/"], ids=["en", "es", "de"])
def test_clear_says_what_stays_and_undo_puts_everything_back(page: Page, served_site: str, lang: str) -> None:
    """Clear says the checklist's company and role stay (they do, and after a reload too); Undo restores every box."""
    record = checklist_record({"id": "a1", "company": "Acme Marketing", "role": "Intern"}, active="a1")
    page.goto(served_site + "404.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CHECKLIST_KEY, record])
    open_page(page, served_site, lang + "templates/")
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()
    shared_box(page, "your_name").fill("Sam Taylor")
    shared_box(page, "company").fill("Acme Marketing Ltd")
    page.locator("#reconnect-message-recent_progress").fill("a course")
    stored = page.evaluate("key => localStorage.getItem(key)", KEY)
    clear, undo = CLEAR[lang]
    page.get_by_role("button", name=clear, exact=True).click()
    shared = page.locator("[data-atn-shared]")
    said = status_text(page, shared)
    assert CLEAR_KEEPS[lang] in said, said
    assert shared_box(page, "your_name").input_value() == ""
    assert page.locator("#reconnect-message-recent_progress").input_value() == ""
    # What the words say stays is what a reload shows: the checklist's company and role, nothing typed here.
    assert shared_box(page, "company").input_value() == "Acme Marketing"
    assert shared_box(page, "role").input_value() == "Intern"
    assert page.evaluate("key => localStorage.getItem(key)", KEY) is None
    assert page.evaluate("key => localStorage.getItem(key)", CHECKLIST_KEY) == record
    page.get_by_role("button", name=undo, exact=True).click()
    assert shared_box(page, "your_name").input_value() == "Sam Taylor"
    assert shared_box(page, "company").input_value() == "Acme Marketing Ltd"
    assert page.locator("#reconnect-message-recent_progress").input_value() == "a course"
    assert "Sam Taylor" in template(page, "thank-you-reply").inner_text()
    assert page.evaluate("key => localStorage.getItem(key)", KEY) == stored
    assert page.get_by_role("button", name=undo, exact=True).is_hidden()
    page.reload()
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()
    assert shared_box(page, "your_name").input_value() == "Sam Taylor"


@pytest.mark.parametrize("code", ["en", "de", "es"])
def test_every_message_filled_in_the_page_reads_correctly(page: Page, served_site: str, code: str) -> None:
    """Typed into the page as a reader would ("Frau Schmidt", "Beispiel GmbH"), every message's subject and body,
    as shown, have no slash forms, gendered greetings or company phrases that need the firm's article."""
    open_page(page, served_site, ("" if code == "en" else f"{code}/") + "templates/")
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()
    values = {**OWN[code], **READERS[code][0]}
    for box in page.locator("input[data-atn-field]").all():
        box.fill(values[box.get_attribute("data-atn-field") or ""])
    found = []
    for shown in page.locator("[data-atn-subject], [data-atn-body]").all():
        text = shown.inner_text()
        assert "[" not in text and "{" not in text, text
        for pattern in BAD["all"] + BAD[code]:
            rule = pattern.replace("{company}", re.escape(values["company"]))
            found += [match.group(0) for match in re.finditer(rule, text, re.M)]
    assert not found, found


@pytest.mark.parametrize("code", ["de", "es"])
def test_a_refused_copy_says_so_in_the_pages_language(page: Page, served_site: str, code: str) -> None:
    """On /de/ and /es/templates/, Copy with empty boxes says what did not happen and which boxes to fill in the
    page's language, quoting the labels as that language does (it was English: "Nothing was copied. Fill in ...")."""
    words = ui_text(code)
    open_page(page, served_site, f"{code}/templates/")
    page.locator("[data-atn-shared][data-atn-ready]").wait_for()
    root = template(page, "thank-you-reply")
    root.locator("[data-atn-copy]").click()
    said = status_text(page, root)
    assert said.startswith(words["Nothing was copied."]), said
    name = page.locator("label[for=atn-shared-your_name]").inner_text().strip()
    assert words["“{label}”"].replace("{label}", name) in said, said
    assert english_leftovers(said, code) == [], said
