"""The translated site in a real browser: one saved checklist for every language, the scripts' text and dates in
the page's language, the language menu keeping the page and anchor, and axe-core clean on translated pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from test_languages import CHANGED_STEP, change_english_summary
from translation_fixture import write_translation

from afterno.load import load_content
from browser.conftest import READY, PageWatch
from browser.test_pages import axe_problems, heading_problems, open_page
from helpers import build_site, copy_project, free_port, start_server

pytestmark = pytest.mark.browser

KEY = "afterno:v1"


@pytest.fixture(scope="module")
def served_languages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy with German and Spanish fixture translations (one step's English changed since), built and served."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    project = copy_project(tmp_path_factory.mktemp("languages-browser"))
    write_translation(project, {"de": "Deutsch", "es": "Español"})
    change_english_summary(project, CHANGED_STEP)
    site: Path = tmp_path_factory.mktemp("languages-browser-site")
    result = build_site(site, project=project, SITE_URL=base)
    assert result.returncode == 0, result.stderr[-4000:]
    server = start_server(site, port)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture
def watch(served_languages: str) -> PageWatch:
    return PageWatch(served_languages)


def first_item(page: Page) -> str:
    return str(page.locator("[data-item]").first.get_attribute("data-item"))


def test_a_tick_in_german_shows_in_english_and_spanish(page: Page, served_languages: str) -> None:
    page.set_default_timeout(5000)
    page.goto(f"{served_languages}de/checklist/")
    page.wait_for_selector(READY)
    item = first_item(page)
    page.locator(f"#check-{item}").check()
    for path in ("checklist/", "es/checklist/"):
        page.goto(served_languages + path)
        page.wait_for_selector(READY)
        assert page.locator(f"#check-{item}").is_checked(), f"/{path}: the tick made on /de/checklist/ is missing"
    data = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert len(data["applications"]) == 1, "one saved checklist for every language"


def test_the_scripts_write_the_page_language(page: Page, served_languages: str) -> None:
    """Progress and dates come from the translation JSON and Intl.DateTimeFormat, not from English in the script."""
    page.set_default_timeout(5000)
    page.goto(f"{served_languages}de/checklist/")
    page.wait_for_selector(READY)
    progress = page.locator("[data-atn-progress-text]").inner_text()
    assert " von " in progress and "erledigt" in progress, progress
    summary = page.locator("[data-atn-summary]").inner_text()
    rejected = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")
    day = rejected["applications"][0]["rejectedOn"] if rejected else None
    if day is None:
        day = page.locator("#atn-date").input_value()
    expected = page.evaluate(
        "d => new Intl.DateTimeFormat('de', {weekday: 'short', day: 'numeric', month: 'short'})"
        ".format(new Date(d + 'T12:00:00'))",
        day,
    )
    assert f"Absage am {expected}" in summary, summary
    page.goto(f"{served_languages}checklist/")
    page.wait_for_selector(READY)
    assert " of " in page.locator("[data-atn-progress-text]").inner_text(), "the English page stays English"


def test_language_menu_keeps_the_page_and_anchor(page: Page, served_languages: str, tmp_path: Path) -> None:
    content = load_content(Path(__file__).resolve().parents[2] / "content")
    guide = content.home_guide(CHANGED_STEP).id
    page.goto(f"{served_languages}de/guides/{guide}/#{CHANGED_STEP}")
    page.evaluate("document.querySelector('a.md-select__link[hreflang=es]').click()")
    page.wait_for_url(f"{served_languages}es/guides/{guide}/#{CHANGED_STEP}")
    assert page.evaluate("document.documentElement.lang") == "es"


@pytest.mark.parametrize("path", ["de/", "de/checklist/", "es/templates/", "de/guides/first-48-hours/"])
def test_translated_pages_are_accessible(page: Page, served_languages: str, path: str) -> None:
    open_page(page, served_languages, path)
    problems = axe_problems(page, served_languages) + heading_problems(page)
    assert not problems, "\n".join(problems)
