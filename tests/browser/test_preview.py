"""The live preview (`make serve`, i.e. `mkdocs serve`) as a contributor uses it, in a real browser.

The open page reloads itself after a saved edit; a broken file turns every page into the list of
problems; the fix brings the site back. Each test runs its own server on a temporary copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from helpers import copy_project, live_preview

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STEP = Path("content/steps/feel-it.yml")
GUIDE = "guides/first-48-hours/"
#: How long a saved edit may take to show (ms): a rebuild takes 1-8 s at a load of 16 on two cores, and the merged
#: run is busier. The speed itself is measured by `make benchmark-preview`, not here.
RELOAD_WAIT = 30_000


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A temporary copy of the project and the address of `mkdocs serve` running on it."""
    project = copy_project(tmp_path / "project")
    with live_preview(project) as base:
        yield project, base


@pytest.fixture
def preview_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page, and every console error or warning it logs (a blocked script would show there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            console.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: console.append(str(error)))
    yield page, console
    context.close()


def step_heading(title: str) -> re.Pattern[str]:
    """A step's heading as the page shows it: its title, then the permalink sign (¶) that links to it."""
    return re.compile(rf"^\s*{re.escape(title)}\s*¶?\s*$")


def edit(project: Path, old: str, new: str) -> None:
    """Save the step file with ``old`` replaced by ``new``, as an editor would."""
    path = project / STEP
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_saved_edit_reloads_open_page(preview: tuple[Path, str], preview_page: tuple[Page, list[str]]) -> None:
    """Saving a content file refreshes the open page by itself, and the live-reload script is not blocked."""
    project, base = preview
    page, console = preview_page
    page.goto(base + GUIDE)
    heading = page.locator("h2#feel-it")
    expect(heading).to_have_text(step_heading("Let yourself feel it"))
    page.evaluate("window.atnUntouched = true")
    edit(project, "title: Let yourself feel it", "title: Let yourself feel it first")
    expect(heading).to_have_text(step_heading("Let yourself feel it first"), timeout=RELOAD_WAIT)
    assert page.evaluate("window.atnUntouched === undefined"), "the page was reloaded, not patched"
    assert not [line for line in console if "Content Security Policy" in line], console


def test_broken_file_shows_in_every_page_then_fix_restores(
    preview: tuple[Path, str], preview_page: tuple[Page, list[str]]
) -> None:
    """A broken file replaces the open page (and any other) with the located problem; the fix brings the site back."""
    project, base = preview
    page, console = preview_page
    page.goto(base + GUIDE)
    expect(page.locator("h2#feel-it")).to_be_visible()
    edit(project, "phase: first-day", "phasee: first-day")
    problems = page.locator("[data-afterno-problems]")
    expect(problems).to_be_visible(timeout=RELOAD_WAIT)
    text = problems.inner_text()
    assert re.search(r"content/steps/feel-it\.yml:\d+:\d+: ", text), text
    assert "Did you mean 'phase'?" in text and "phasee: first-day" in text, text
    page.goto(base + "about/")
    expect(page.locator("[data-afterno-problems]")).to_be_visible()
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert "ERROR" in log and "content/steps/feel-it.yml:" in log, "the terminal lists the problem too"
    edit(project, "phasee: first-day", "phase: first-day")
    expect(page.locator("h1#about-after-the-no")).to_be_visible(timeout=RELOAD_WAIT)
    assert not [line for line in console if "Content Security Policy" in line], console
