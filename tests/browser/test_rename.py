"""`afterno rename` end to end: the check and the strict build pass, old links land, saved progress carries over."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from afterno.cli import main
from browser.conftest import READY
from helpers import ROOT, QuietHandler, build_site, copy_project, free_port, parse_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RENAMES = [
    ("step", "reflect-on-the-process", "look-back-on-the-process"),
    ("item", "take-a-breath", "take-the-evening-off"),
    ("situation", "no-reply", "heard-nothing"),
    ("guide", "keep-going", "keep-at-it"),
]


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """A copy of the project after the renames (each through `afterno rename`), built strictly and served."""
    project = copy_project(tmp_path_factory.mktemp("rename-project"))
    (project / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "public_urls.txt", project / "tests" / "public_urls.txt")
    for kind, old, new in RENAMES:
        assert main(["--content", str(project / "content"), "rename", kind, old, new]) == 0, (kind, old)
    assert main(["--content", str(project / "content"), "check"]) == 0
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("rename-site")
    result = build_site(site, project=project, SITE_URL=base)
    assert result.returncode == 0, result.stdout + result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, site, base
    server.shutdown()
    server.server_close()


def test_every_published_address_still_exists_after_the_renames(renamed: tuple[Path, Path, str]) -> None:
    """The old addresses stay in the list and still exist in the build; the new ones were added beside them."""
    project, site, _ = renamed
    addresses = [
        line.strip()
        for line in (project / "tests" / "public_urls.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    original = (ROOT / "tests" / "public_urls.txt").read_text(encoding="utf-8")
    assert all(line in addresses for line in original.splitlines() if line and not line.startswith("#"))
    for new in ("/guides/reflect-and-plan/#look-back-on-the-process", "/checklist/#take-the-evening-off",
                "/situations/#heard-nothing", "/guides/keep-at-it/", "/guides/keep-at-it/#stay-motivated"):  # fmt: skip
        assert new in addresses, new
    for address in addresses:
        page, _, anchor = address.partition("#")
        path = site / page.lstrip("/")
        path = path / "index.html" if page.endswith("/") else path
        assert path.is_file(), address
        if anchor:
            assert anchor in parse_page(path).ids, address


def in_view(page: Page, selector: str) -> bool:
    """Whether the element's top is on screen, below the sticky header."""
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] <= 300


def test_old_anchors_and_pages_land_on_the_renamed_items(
    context: BrowserContext, renamed: tuple[Path, Path, str]
) -> None:
    """An old step anchor scrolls to the renamed step; an old guide address forwards to the new page, anchor kept."""
    _, _, base = renamed
    page = context.new_page()
    page.goto(base + "guides/reflect-and-plan/#reflect-on-the-process")
    expect(page.locator("h2#look-back-on-the-process")).to_be_visible()
    assert in_view(page, "h2#look-back-on-the-process")
    page.goto(base + "checklist/#take-a-breath")
    page.wait_for_selector(READY)
    assert in_view(page, "#take-the-evening-off")
    page.goto(base + "guides/keep-going/#stay-motivated")
    page.wait_for_url(base + "guides/keep-at-it/#stay-motivated")
    assert in_view(page, "h2#stay-motivated")


def test_saved_tick_answer_and_situation_carry_over(context: BrowserContext, renamed: tuple[Path, Path, str]) -> None:
    """A tick, an answer and a situation saved under the old ids show under the new ones, and are stored so."""
    _, _, base = renamed
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    old = {
        "version": 1,
        "active": "a1",
        "applications": [
            {"id": "a1", "company": "Acme", "role": "", "rejectedOn": "2025-11-25", "situation": "no-reply",
             "ticks": {"take-a-breath": True}, "notes": {},
             "reflections": {"reflect-on-the-process:0": "The interview went well."}, "created": "x"}
        ],
    }  # fmt: skip
    page.goto(base + "about/")
    page.evaluate("v => localStorage.setItem('afterno:v1', v)", json.dumps(old))
    page.goto(base + "checklist/")
    page.wait_for_selector(READY)
    expect(page.locator("#check-take-the-evening-off")).to_be_checked()
    expect(page.locator("[data-atn-reflection='look-back-on-the-process:0']")).to_have_value("The interview went well.")
    expect(page.locator("#atn-situation")).to_have_value("heard-nothing")
    app = json.loads(page.evaluate("localStorage.getItem('afterno:v1')"))["applications"][0]
    assert app["ticks"] == {"take-the-evening-off": True}
    assert app["reflections"] == {"look-back-on-the-process:0": "The interview went well."}
    assert app["situation"] == "heard-nothing"
    assert not problems, problems


def test_old_situation_link_sets_the_renamed_situation(
    context: BrowserContext, renamed: tuple[Path, Path, str]
) -> None:
    """A printed ?situation= link with the old id sets up the checklist for the renamed situation."""
    _, _, base = renamed
    page = context.new_page()
    page.goto(base + "checklist/?situation=no-reply")
    page.wait_for_selector(READY)
    expect(page.locator("#atn-situation")).to_have_value("heard-nothing")
