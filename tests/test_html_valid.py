"""Every built page is valid HTML according to the W3C Nu HTML Checker (npm vnu-jar, run with the machine's Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Errors that come from the theme's own templates and that we cannot fix cheaply: (start of the checker's
#: message, text that must appear in the offending markup). Empty: the one stock Material error (autocomplete
#: on its menu and search checkboxes) is removed by hooks/afterno/html_fixes.py.
THEME_ERRORS: tuple[tuple[str, str], ...] = ()


def from_theme(message: dict[str, Any]) -> bool:
    """Whether an error is one of the theme's own, listed in THEME_ERRORS."""
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(text.startswith(start) and marker in extract for start, marker in THEME_ERRORS)


@pytest.fixture
def checked(site: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    """The built pages and the checker's errors for all of them, from one run of the checker."""
    if shutil.which("java") is None or not VNU.is_file():
        pytest.fail("the Nu HTML Checker needs java and node_modules/vnu-jar: run tools/ensure-node-tools (make test)")
    pages = sorted(site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The checker exits 1 when it finds errors and writes its JSON report to stderr.
    report = json.loads(result.stderr or '{"messages": []}')
    return pages, [m for m in report["messages"] if m.get("type") == "error"]


def test_every_page_has_no_html_errors(checked: tuple[list[Path], list[dict[str, Any]]], site: Path) -> None:
    """The Nu HTML Checker reports no errors on any built page, apart from the theme's listed ones (still needed)."""
    pages, errors = checked
    assert len(pages) >= 16, f"only {len(pages)} pages were built"
    problems = [
        f"{m['url'].removeprefix(site.as_uri())}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '')}]"
        for m in errors
        if not from_theme(m)
    ]
    # An allowed error the theme no longer makes must leave the list, so it only ever shrinks.
    stale = [
        f"{start!r} at {marker!r}"
        for start, marker in THEME_ERRORS
        if not any(m["message"].startswith(start) and marker in m.get("extract", "") for m in errors)
    ]
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(problems)
    assert not stale, f"remove from THEME_ERRORS, the theme no longer produces: {stale}"
