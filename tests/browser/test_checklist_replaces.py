"""An item renamed in the content with `replaces: [old-id]` keeps the progress stored under its old id."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, expect

from browser.conftest import READY
from helpers import build_site, copy_project, english_only, free_port, start_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the project where take-a-breath is renamed take-the-evening-off, built and served on loopback."""
    project = english_only(copy_project(tmp_path_factory.mktemp("renamed-project")))
    checklist = project / "content" / "checklist.yml"
    text = checklist.read_text(encoding="utf-8")
    assert text.count("- id: take-a-breath\n") == 1
    checklist.write_text(
        text.replace("- id: take-a-breath\n", "- id: take-the-evening-off\n        replaces: [take-a-breath]\n"),
        encoding="utf-8",
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("renamed-site")
    result = build_site(site_dir, project=project, SITE_URL=base)
    assert result.returncode == 0, result.stderr
    server = start_server(site_dir, port)
    yield base
    server.shutdown()
    server.server_close()


def test_renamed_item_keeps_its_tick_and_note(context: BrowserContext, renamed_site: str) -> None:
    """A tick and note stored under the old id show on the renamed item and are stored under the new id."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_default_timeout(5000)
    old = {
        "version": 1,
        "active": "a1",
        "applications": [
            {"id": "a1", "company": "Acme", "role": "", "rejectedOn": "2025-11-25", "situation": "",
             "ticks": {"take-a-breath": True, "cross-it-off": True}, "notes": {"take-a-breath": "a walk"},
             "reflections": {}, "created": "x"}
        ],
    }  # fmt: skip
    page.goto(renamed_site + "about/")
    page.evaluate("v => localStorage.setItem('afterno:v1', v)", json.dumps(old))
    page.goto(renamed_site + "checklist/")
    page.wait_for_selector(READY)
    assert page.locator("#check-take-a-breath").count() == 0
    expect(page.locator("#check-take-the-evening-off")).to_be_checked()
    expect(page.locator("#note-take-the-evening-off")).to_have_value("a walk")
    expect(page.locator("#check-cross-it-off")).to_be_checked()
    app = json.loads(page.evaluate("localStorage.getItem('afterno:v1')"))["applications"][0]
    assert app["ticks"] == {"cross-it-off": True, "take-the-evening-off": True}
    assert app["notes"] == {"take-the-evening-off": "a walk"}
    assert not problems, problems
