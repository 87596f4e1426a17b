"""Fixtures for browser tests: the run's one build, served on loopback (tests/conftest.py), and Debian's Chromium.

Playwright drives /usr/bin/chromium directly; no browser is ever downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, Request, sync_playwright

CHROMIUM = "/usr/bin/chromium"
#: The checklist once its script has started (checklist.js sets data-atn-ready).
READY = "[data-atn-checklist][data-atn-ready=ready]"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def served_site(site: Path, site_url: str) -> str:
    """The address of the run's one build (built with SITE_URL set to it: instant navigation needs that)."""
    return site_url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class PageWatch:
    """What a page did that a test may need to fail on: console problems and requests to other hosts."""

    def __init__(self, base: str) -> None:
        self.origin = urlsplit(base).netloc
        self.console: list[str] = []
        self.foreign: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def on_page_error(self, error: Exception) -> None:
        self.console.append(f"pageerror: {error}")

    def on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.origin:
            self.foreign.append(request.url)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (empty storage) per test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def watch(served_site: str) -> PageWatch:
    return PageWatch(served_site)


@pytest.fixture
def page(context: BrowserContext, watch: PageWatch) -> Iterator[Page]:
    """A page that fails the test on console errors or warnings and on any request to another host."""
    page = context.new_page()
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_page_error)
    page.on("request", watch.on_request)
    # Block, and record, anything that is not the local site.
    page.route(
        "**/*",
        lambda route: route.abort() if urlsplit(route.request.url).netloc != watch.origin else route.continue_(),
    )
    yield page
    assert not watch.foreign, f"requests to other hosts: {watch.foreign}"
    assert not watch.console, f"console problems: {watch.console}"
