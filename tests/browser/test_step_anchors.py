"""Issue 10: a step's id is a public anchor. A link to it on the wrong guide lands on the step in its own guide."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

WRONG = "guides/first-48-hours/#ask-for-feedback"


@pytest.mark.parametrize("prefix", ["", "es/", "de/"], ids=["en", "es", "de"])
def test_a_step_anchor_on_the_wrong_guide_goes_to_the_step(page: Page, served_site: str, prefix: str) -> None:
    """/guides/first-48-hours/#ask-for-feedback opens the feedback guide at that step, its heading in view."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + prefix + WRONG)
    page.wait_for_url(f"{served_site}{prefix}guides/ask-for-feedback/#ask-for-feedback")
    heading = page.locator("h2#ask-for-feedback")
    expect(heading).to_be_in_viewport()
    page.go_back()
    assert "first-48-hours" not in page.url, "Back led to the wrong guide again"


def test_an_anchor_no_step_has_leaves_the_guide_as_it_is(page: Page, served_site: str) -> None:
    """An anchor that is no step's id, nor on the page, keeps the reader on the guide they asked for."""
    page.goto(served_site + "guides/first-48-hours/#not-a-step")
    page.wait_for_timeout(300)
    assert page.url == served_site + "guides/first-48-hours/#not-a-step"
    expect(page.locator(".md-content h1")).to_be_visible()
