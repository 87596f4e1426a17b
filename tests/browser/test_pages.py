"""Every built page in a real browser: accessible in both colour schemes, private, keyboard and zoom friendly.

Also the careers centres' link builder and the 404 page (the message templates: test_templates.py).
One page load per page and check keeps the whole file quick; Chromium is shared by the session.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from playwright.sync_api import BrowserContext, Page, expect

from afterno.load import load_content
from afterno.render import Renderer, page_url
from helpers import CONTENT, ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: axe is served from the site's own origin, so the strict Content-Security-Policy stays on while it runs.
AXE_PATH = "__tests__/axe.min.js"
SCHEMES = ("default", "slate")
#: Records CSP violations before any page script runs (init scripts are not subject to the page's CSP).
CSP_LISTENER = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def site_pages() -> list[str]:
    """The URL path of every page the build writes, home first, then the theme's 404 page."""
    sources = set(Renderer(load_content(CONTENT), "").pages())
    sources |= {str(path.relative_to(ROOT / "docs")) for path in (ROOT / "docs").rglob("*.md")}
    english = [*sorted(page_url(src) for src in sources), "404.html"]
    # Each published language's site has every page at the same address under /<code>/.
    languages = yaml.safe_load((CONTENT / "translations" / "languages.yml").read_text(encoding="utf-8"))
    codes = sorted(lang["code"] for lang in languages["languages"] if lang["status"] == "published")
    return english + [f"{code}/{path}" for code in codes for path in english]


PAGES = site_pages()


def open_page(page: Page, base: str, path: str) -> None:
    """Open ``path`` with the CSP listener installed and axe ready to serve from the site's origin."""
    page.add_init_script(CSP_LISTENER)
    page.route(base + AXE_PATH, lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
    page.goto(base + path)


def csp_violations(page: Page) -> list[str]:
    """The CSP violations the page reported so far."""
    found: list[str] = page.evaluate("window.__cspViolations")
    return found


def run_axe(page: Page, base: str) -> list[dict[str, Any]]:
    """The axe-core violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=base + AXE_PATH)
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation: rule, help text and the first few elements."""
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']}: {violation['help']} at {targets}")
    return "\n".join(lines)


def axe_problems(page: Page, base: str) -> list[str]:
    """axe-core's violations in the light scheme and then the dark one, one entry per scheme that has any."""
    problems = []
    for scheme in SCHEMES:
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        # The theme animates colour changes; measure contrast only once they have finished.
        page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        found = run_axe(page, base)
        if found:
            problems.append(f"axe, {scheme} scheme:\n{describe(found)}")
    return problems


def heading_problems(page: Page) -> list[str]:
    """One h1 on the page, first in the article, and no heading that skips a level."""
    levels: list[int] = page.eval_on_selector_all(
        "article h1, article h2, article h3, article h4, article h5, article h6",
        "hs => hs.map(h => Number(h.tagName[1]))",
    )
    problems = []
    if page.locator("h1").count() != 1 or not levels or levels[0] != 1:
        problems.append(f"the page needs exactly one h1, before other headings; heading levels: {levels}")
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    if jumps:
        problems.append(f"headings skip a level: {jumps}")
    return problems


def skip_link_problems(page: Page) -> list[str]:
    """The first Tab reaches a skip link whose target exists, and following it moves there."""
    page.keyboard.press("Tab")
    skip, target = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.hash]")
    if not skip:
        return ["the first Tab does not reach a skip link"]
    if not target.startswith("#") or page.locator(f'[id="{unquote(target[1:])}"]').count() != 1:
        return [f"the skip link points at {target!r}, which is not on the page"]
    page.keyboard.press("Enter")
    # It moves the focus to its target in place (site.js), without a navigation that would reload the page.
    moved = page.wait_for_function(
        "id => { const el = document.getElementById(id); return !!el && el.contains(document.activeElement); }",
        arg=unquote(target[1:]),
        timeout=3000,
    )
    if not moved:
        return ["pressing Enter on the skip link does not move to its target"]
    return []


def reflow_problems(page: Page) -> list[str]:
    """No sideways scrolling at 320 CSS pixels, nor on a 1280 pixel screen at 200% zoom (640 CSS pixels)."""
    problems = []
    for width in (320, 640):
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            problems.append(f"the page scrolls sideways by {overflow}px at {width}px wide")
    return problems


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_page_is_accessible_private_and_reflows(
    page: Page, context: BrowserContext, served_site: str, path: str
) -> None:
    """Zero axe violations in both schemes, ordered headings, a skip link, reflow, a strict CSP and no cookies."""
    open_page(page, served_site, path)
    problems = axe_problems(page, served_site) + heading_problems(page) + skip_link_problems(page)
    problems += reflow_problems(page)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    if "default-src 'self'" not in policy or "unsafe-inline" in policy:
        problems.append(f"the Content-Security-Policy is missing or not strict: {policy!r}")
    problems += [f"CSP violation: {v}" for v in csp_violations(page)]
    problems += [f"cookie set: {c['name']}" for c in context.cookies()]
    assert not problems, "\n".join(problems)


def test_careers_link_builder_gives_url_and_qr_by_keyboard(
    page: Page, context: BrowserContext, served_site: str
) -> None:
    """Choosing a situation with the keyboard shows its checklist URL and its QR code, and the link copies."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    open_page(page, served_site, "careers-centres/")
    select = page.get_by_label("How were they told?")
    select.focus()
    page.keyboard.press("ArrowDown")
    chosen = select.input_value()
    assert chosen.startswith(served_site + "checklist/?situation=")
    assert page.get_by_label("Link to paste").input_value() == chosen
    visible = page.locator("[data-atn-qr]:visible")
    assert visible.count() == 1 and visible.get_attribute("data-atn-qr") == chosen
    svg = visible.locator("svg.atn-qr")
    assert svg.get_attribute("role") == "img" and (svg.get_attribute("aria-label") or "").startswith("QR code")
    page.get_by_role("button", name="Copy the link").click()
    page.wait_for_function("() => document.querySelector('.atn-linkbuilder [data-atn-status]').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == chosen
    # Every option has a QR code built with the page: no service is asked for one.
    options = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    codes = page.locator("[data-atn-qr]").evaluate_all("cs => cs.map(c => c.getAttribute('data-atn-qr'))")
    assert options == codes


@pytest.mark.parametrize("path", ["handout/", "careers-centres/"])
def test_addresses_on_a_phone_wrap_only_after_a_slash(page: Page, served_site: str, path: str) -> None:
    """At 390 px, no part of an address between slashes is split over two lines (no lone "/" on a line)."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, served_site, path)
    split = page.locator(".atn-url").evaluate_all(
        "parts => parts.filter((p) => p.offsetParent"
        " && p.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(p).fontSize)).map((p) => p.textContent)"
    )
    assert page.locator(".atn-url").count() > 1 and split == [], split


def test_each_lasting_link_has_a_copy_button(page: Page, context: BrowserContext, served_site: str) -> None:
    """Each row of 'Links you can rely on' has a Copy button (named with its address) that copies that address."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    open_page(page, served_site, "careers-centres/")
    buttons = page.locator("#links ~ table [data-atn-copy]:visible, table [data-atn-copy]:visible")
    assert buttons.count() >= 10
    page.get_by_role("button", name=f"Copy {served_site}steps/", exact=True).click()
    expect(page.locator("[data-atn-copy-status]")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{served_site}steps/"


def test_service_typed_in_the_link_builder_fills_the_handout_box(page: Page, served_site: str) -> None:
    """An adviser types the service's name and hours; the handout link (for the chosen situation) carries them
    after #, kept off the server, and the handout shows them in its box as text, markup and all."""
    open_page(page, served_site, "careers-centres/")
    page.get_by_label("How were they told?").select_option(index=2)
    page.get_by_label("Name:").fill('Careers <img src=x onerror="alert(1)"> Hub')
    page.get_by_label("Opening hours:").fill("Mon-Fri 9-5")
    link = page.locator("[data-atn-handout-link]")
    href = link.get_attribute("href") or ""
    assert "?" not in href and "#service=Careers+%3Cimg" in href and "&hours=Mon-Fri+9-5" in href
    assert href.startswith("../handout/") and not href.startswith("../handout/#")
    link.click()
    box = page.locator("[data-atn-service]")
    expect(box.locator("[data-atn-service-field=service]")).to_have_text('Careers <img src=x onerror="alert(1)"> Hub')
    expect(box.locator("[data-atn-service-field=hours]")).to_have_text("Mon-Fri 9-5")
    assert box.locator("img").count() == 0
    assert box.locator("[data-atn-service-field=contact]").inner_text() == ""


def test_situation_picker_on_home_opens_tailored_checklist(page: Page, served_site: str) -> None:
    """The home page's 'How did they tell you?' links open the checklist for that situation."""
    open_page(page, served_site, "")
    links = page.locator(".atn-picker a")
    assert links.count() == len(load_content(CONTENT).situations)
    href = links.first.get_attribute("href") or ""
    assert re.search(r"checklist/\?situation=[a-z-]+$", href), href


def test_instant_navigation_to_templates_starts_the_script(page: Page, served_site: str) -> None:
    """Instant navigation starts the template fields, and moving deeper or to the dark scheme breaks no CSP rule."""
    open_page(page, served_site, "")
    page.locator("article a[href$='/templates/']").first.click()
    page.wait_for_url(served_site + "templates/")
    page.locator("[data-atn-form]").first.wait_for(state="visible")
    # One level deeper, where the theme's inline scripts differ, and a switch to the dark scheme.
    page.locator("article a[href*='/guides/']").first.click()
    page.wait_for_url(re.compile(r".*/guides/[a-z0-9-]+/.*"))
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert csp_violations(page) == []
    # After a reload our inline script sets the device's scheme, which the CSP must allow.
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert csp_violations(page) == []


def test_404_page_links_to_checklist_and_guides(page: Page, served_site: str) -> None:
    """The 404 page says what happened and links to the checklist and the guides, which exist."""
    open_page(page, served_site, "404.html")
    assert "could not find" in page.locator("h1").inner_text()
    for name in ("checklist", "guides"):
        link = page.locator(f"article a[href$='/{name}/']")
        assert link.count() == 1
        response = page.request.get(served_site + name + "/")
        assert response.ok


def test_every_built_page_is_checked(site: Path) -> None:
    """The pages checked above are exactly the HTML pages the build writes, so a new page cannot skip the checks."""
    built = sorted(str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html"))
    assert sorted(PAGES) == built


def test_each_situation_explains_and_links_its_checklist(site: Path) -> None:
    """Every situation on /situations/ has its anchor, what it means, what to do and its tailored checklist link."""
    html = (site / "situations" / "index.html").read_text(encoding="utf-8")
    for situation in load_content(CONTENT).situations:
        start = html.index(f'id="{situation.id}"')
        section = html[start : html.find("<h3", start + 1)]
        assert "What it usually means." in section and "What to do." in section, situation.path
        assert f"checklist/?situation={situation.id}" in section, situation.path
