"""A careers centre's edition in a real browser: its new pages pass axe-core in both schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.conftest import PageWatch
from browser.test_pages import axe_problems, heading_problems, open_page
from helpers import CENTRE_FIXTURE, build_site, copy_project, free_port, start_server

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "checklist/",
    "your-careers-service/",
    "handout/",
    "handout/no-reply/",
    "careers-centres/poster/",
    "about/",
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
