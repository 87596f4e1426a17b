"""`afterno rename` on a copy of the project: the check and build pass, old links land, saved progress moves.

The copy renames a step (one with reflection questions, not first on its guide's page), one of its
checklist items, its guide and a situation, each with the command a contributor runs. A reader who
saved a tick, an answer and a situation under the old ids, or who follows an address printed before
the rename, finds the same things under the new ones.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from browser.conftest import READY
from helpers import ROOT, VENV_BIN, build_env, build_site, copy_project, english_only, free_port, start_server

pytestmark = pytest.mark.browser

#: (kind, old id, new id), in the order they are renamed.
RENAMES = (
    ("step", "make-a-development-plan", "plan-your-development"),
    ("item", "write-development-plan", "note-where-you-are-going"),
    ("guide", "reflect-and-plan", "reflect-and-improve"),
    ("situation", "no-reply", "heard-nothing"),
)


def afterno(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "afterno"), *args], cwd=project, env=build_env(), capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The renamed copy (checked and built) and the address it is served at."""
    project = english_only(copy_project(tmp_path_factory.mktemp("rename-project")))
    (project / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "public_urls.txt", project / "tests" / "public_urls.txt")
    for kind, old, new in RENAMES:
        result = afterno(project, "rename", kind, old, new)
        assert result.returncode == 0, result.stderr
    check = afterno(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("rename-site")
    result = build_site(site_dir, project=project, SITE_URL=base)
    assert result.returncode == 0, result.stderr
    server = start_server(site_dir, port)
    yield project, base
    server.shutdown()
    server.server_close()


def test_the_rename_rewrites_files_and_keeps_every_old_address(renamed: tuple[Path, str]) -> None:
    """Each file has its new name, each old id is kept under replaces, and the old addresses stay listed."""
    project, _ = renamed
    content = project / "content"
    assert not (content / "steps" / "make-a-development-plan.yml").exists()
    step = (content / "steps" / "plan-your-development.yml").read_text(encoding="utf-8")
    assert "id: plan-your-development\n" in step and "replaces: [make-a-development-plan]\n" in step
    guide = (content / "guides" / "reflect-and-improve.yml").read_text(encoding="utf-8")
    assert "plan-your-development" in guide and "replaces: [reflect-and-plan]\n" in guide
    assert "replaces: [no-reply]\n" in (content / "situations" / "heard-nothing.yml").read_text(encoding="utf-8")
    urls = (project / "tests" / "public_urls.txt").read_text(encoding="utf-8").splitlines()
    for address in (
        "/guides/reflect-and-plan/#make-a-development-plan",
        "/guides/reflect-and-improve/#plan-your-development",
        "/situations/#no-reply",
        "/situations/#heard-nothing",
    ):
        assert address in urls, address


def watched(context: BrowserContext) -> tuple[Page, list[str]]:
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_default_timeout(10000)
    return page, problems


@pytest.mark.parametrize(
    "address",
    ["guides/reflect-and-improve/#make-a-development-plan", "guides/reflect-and-plan/#make-a-development-plan"],
)
def test_an_old_anchor_lands_on_the_renamed_step(
    context: BrowserContext, renamed: tuple[Path, str], address: str
) -> None:
    """The step's old anchor, on the guide's new page or at its old address, shows the renamed step."""
    page, problems = watched(context)
    page.goto(renamed[1] + address)
    page.wait_for_url(re.compile(r".*/guides/reflect-and-improve/#make-a-development-plan$"))
    heading = page.locator("h2#plan-your-development")
    expect(heading).to_be_in_viewport()
    expect(page.locator("h2#remember-your-strengths")).not_to_be_in_viewport()
    assert not problems, problems


def test_saved_progress_moves_to_the_new_ids(context: BrowserContext, renamed: tuple[Path, str]) -> None:
    """A tick, an answer and a situation saved under the old ids show under the new ones, and are stored there."""
    page, problems = watched(context)
    base = renamed[1]
    old = {
        "version": 1,
        "active": "a1",
        "applications": [
            {"id": "a1", "company": "Acme", "role": "", "rejectedOn": "2025-11-25", "situation": "no-reply",
             "ticks": {"write-development-plan": True}, "notes": {},
             "reflections": {"make-a-development-plan:1": "lead a small team"}, "created": "x"}
        ],
    }  # fmt: skip
    page.goto(base + "about/")
    page.evaluate("v => localStorage.setItem('afterno:v1', v)", json.dumps(old))
    page.goto(base + "checklist/")
    page.wait_for_selector(READY)
    expect(page.locator("#check-note-where-you-are-going")).to_be_checked()
    expect(page.locator("#reflect-plan-your-development-1")).to_have_value("lead a small team")
    expect(page.locator("#atn-situation")).to_have_value("heard-nothing")
    app = json.loads(page.evaluate("localStorage.getItem('afterno:v1')"))["applications"][0]
    assert app["ticks"] == {"note-where-you-are-going": True}
    assert app["reflections"] == {"plan-your-development:1": "lead a small team"}
    assert app["situation"] == "heard-nothing"
    assert not problems, problems


def test_an_old_situation_link_sets_up_the_renamed_situation(
    context: BrowserContext, renamed: tuple[Path, str]
) -> None:
    """A ?situation= link printed with the old id sets up the checklist for the renamed situation."""
    page, problems = watched(context)
    page.goto(renamed[1] + "checklist/?situation=no-reply")
    page.wait_for_selector(READY)
    expect(page.locator("#atn-situation")).to_have_value("heard-nothing")
    stored = json.loads(page.evaluate("localStorage.getItem('afterno:v1')") or "{}")
    assert [app["situation"] for app in stored.get("applications", [])] == ["heard-nothing"]
    assert not problems, problems
