"""axe-core (the pinned npm package's own script) finds no violations on /checklist/ in light and dark scheme."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page

from browser.conftest import READY
from helpers import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(params=list(SCHEMES), ids=list(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, browser: Browser, served_site: str) -> Iterator[tuple[Page, str]]:
    """The checklist in the light or dark scheme, in a profile that lets the test add axe's script despite the CSP."""
    assert AXE.exists(), "axe-core is missing: run tools/ensure-node-tools (npm ci)"
    scheme: Literal["light", "dark"] = request.param
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_default_timeout(5000)
    page.goto(served_site + "checklist/")
    page.wait_for_selector(READY)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    # Show every state the page can be in: set-up open, ticked, past days, a note, items put aside and shown.
    page.click(".atn-summary [aria-controls=atn-setup]")
    page.fill("#atn-company", "Acme")
    page.fill("#atn-date", "2025-01-06")
    page.check("#check-take-a-breath")
    page.locator("#take-a-breath summary").click()
    page.fill("#note-take-a-breath", "A note")
    page.select_option("#atn-situation", "no-reply")
    page.select_option("#atn-situation", "")
    page.select_option("#atn-situation", "not-hiring")
    page.click("[data-atn-action=others]")
    page.add_script_tag(path=str(AXE))
    yield page, scheme
    assert not problems, problems
    context.close()


def violations(page: Page, context: str) -> list[dict[str, Any]]:
    """axe-core's violations for the element ``context`` selects (or the whole document)."""
    result: dict[str, Any] = page.evaluate(
        """async (selector) => {
            const result = await axe.run(selector ? document.querySelector(selector) : document);
            return {
                passes: result.passes.length,
                violations: result.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})),
            };
        }""",
        context,
    )
    assert result["passes"] > 5, "axe checked almost nothing"
    found: list[dict[str, Any]] = result["violations"]
    return found


def test_checklist_content_has_no_axe_violations(scheme_page: tuple[Page, str]) -> None:
    """The checklist article, with ticks, an overdue date, notes and a situation chosen, has no axe violations."""
    page, _ = scheme_page
    assert violations(page, "article") == []
    page.click("[data-atn-action=reset]")
    assert violations(page, "[data-atn-dialog]") == [], "the confirmation dialog"


# Stock Material problems another task fixes theme-wide in overrides/ and site.css.
THEME_RULES = {("color-contrast", ".md-copyright"), ("aria-dialog-name", ".md-search")}


def test_whole_checklist_page_has_no_axe_violations(scheme_page: tuple[Page, str]) -> None:
    """The whole /checklist/ page, theme included, has no axe violations."""
    page, _ = scheme_page
    found = violations(page, "")
    theme_only = found and all(
        any(v["id"] == rule and all(where in node for node in v["nodes"]) for rule, where in THEME_RULES) for v in found
    )
    if theme_only:
        pytest.xfail(f"only the known stock Material problems remain: {found}")
    assert found == []
