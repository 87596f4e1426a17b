"""A careers centre's edition in a real browser: its new pages pass axe-core in both schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from browser.conftest import PageWatch
from browser.test_pages import axe_problems, heading_problems, open_page
from helpers import CENTRE_FIXTURE, TRANSLATED, build_site, copy_project, free_port, start_server, ui_text

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "checklist/",
    "your-careers-service/",
    "handout/",
    "handout/no-reply/",
    "careers-centres/poster/",
    "about/",
    "es/careers-centres/",
    "de/careers-centres/",
    "es/handout/no-reply/",
    "de/careers-centres/poster/",
    "de/your-careers-service/",
]


@pytest.fixture(scope="module")
def served_centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The centre's edition (sample centre.yml), built for and served on a loopback address."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    project = copy_project(tmp_path_factory.mktemp("centre-browser"))
    (project / "centre.yml").write_text(CENTRE_FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    site: Path = tmp_path_factory.mktemp("centre-browser-site")
    result = build_site(site, project=project, SITE_URL=base)
    assert result.returncode == 0, result.stderr
    server = start_server(site, port)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture
def watch(served_centre: str) -> PageWatch:
    """The shared page fixture's watch, for this module's server: anything else counts as another host."""
    return PageWatch(served_centre)


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_centre_pages_are_accessible(page: Page, served_centre: str, path: str) -> None:
    """axe-core finds nothing on the centre's pages, light or dark, and their headings are in order."""
    open_page(page, served_centre, path)
    assert page.get_by_text("Careers Service, University of Example").count() >= 1
    problems = axe_problems(page, served_centre) + heading_problems(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_link_builder_works_in_each_language(
    page: Page, context: BrowserContext, served_centre: str, code: str
) -> None:
    """On /es/ and /de/careers-centres/ an adviser picks a situation by keyboard, under labels in that language,
    and gets, copies and sees the QR code of a link to that language's checklist, which opens in that language."""
    words = ui_text(code)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_centre.rstrip("/"))
    open_page(page, served_centre, f"{code}/careers-centres/")
    select = page.get_by_label(words["How were they told?"])
    select.focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    chosen = select.input_value()
    situation = chosen.rpartition("=")[2]
    assert chosen == f"{served_centre}{code}/checklist/?situation={situation}"
    assert page.get_by_label(words["Link to paste"]).input_value() == chosen
    visible = page.locator("[data-atn-qr]:visible")
    assert visible.count() == 1 and visible.get_attribute("data-atn-qr") == chosen
    label = visible.locator("svg.atn-qr").get_attribute("aria-label") or ""
    title = select.locator("option:checked").inner_text()
    assert label == words["QR code for the checklist when: %(situation)s"] % {"situation": title}
    page.get_by_role("button", name=words["Copy the link"]).click()
    expect(page.locator(".atn-linkbuilder [data-atn-status]")).to_have_text(words["Link copied."])
    assert page.evaluate("navigator.clipboard.readText()") == chosen
    page.goto(chosen)
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("h1").inner_text() == words["Your checklist after a rejection"]


def test_the_language_list_leads_to_each_version(page: Page, served_centre: str) -> None:
    """From /es/careers-centres/, 'Deutsch' opens the German careers-centre page, and its 'Hoja para imprimir'
    the Spanish handout: each in its own language."""
    open_page(page, served_centre, "es/careers-centres/")
    page.locator(".atn-language-versions a", has_text="Deutsch").click()
    page.wait_for_url(f"{served_centre}de/careers-centres/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator(".atn-language-versions a", has_text=ui_text("es")["Printable handout"]).click()
    page.wait_for_url(f"{served_centre}es/handout/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == ui_text("es")["After a job rejection: your plan"]
