"""Every built page is valid HTML according to the W3C Nu HTML Checker (npm vnu-jar, run with the machine's Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from helpers import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: A page with the error the theme's navigation used to have: checked in the same run, it proves the
#: checker ran and that its report was read (a report read from the wrong stream would find nothing).
CONTROL = '<!doctype html><html lang="en"><title>x</title><label tabindex="">x</label></html>'


def checked_file(message: dict[str, Any]) -> Path:
    """The file a checker message is about (the checker writes ``file:/path`` URLs)."""
    return Path(unquote(urlsplit(message["url"]).path))


@pytest.fixture
def checked(site: Path, tmp_path: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    """The built pages and the checker's errors for all of them, from one run of the checker."""
    if shutil.which("java") is None or not VNU.is_file():
        pytest.fail("the Nu HTML Checker needs java and node_modules/vnu-jar: run tools/ensure-node-tools (make test)")
    pages = sorted(site.rglob("*.html"))
    control = tmp_path / "control.html"
    control.write_text(CONTROL, encoding="utf-8")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(control), *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The checker exits 1 when it finds errors and writes its JSON report to stderr.
    report = json.loads(result.stderr or '{"messages": []}')
    errors = [m for m in report["messages"] if m.get("type") == "error"]
    assert any(checked_file(m) == control and "tabindex" in m["message"] for m in errors), "the checker found nothing"
    return pages, [m for m in errors if checked_file(m) != control]


def test_every_page_has_no_html_errors(checked: tuple[list[Path], list[dict[str, Any]]], site: Path) -> None:
    """The Nu HTML Checker reports no errors on any built page, the theme's markup included (html_fixes.py)."""
    pages, errors = checked
    assert len(pages) >= 16, f"only {len(pages)} pages were built"
    problems = [
        f"{checked_file(m).relative_to(site)}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '')}]"
        for m in errors
    ]
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(problems)
