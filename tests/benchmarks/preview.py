"""How long a contributor waits: a saved edit until the open preview page shows it, and `afterno check`.

Runs `mkdocs serve` on a temporary copy of the project at the real content size, opens a guide
in headless Chromium (Debian's), and saves a change to one of its steps several times, timing each
from the moment the file is written until the reloaded page shows the new title. Then times the
`afterno check` command as a contributor runs it (a new process each time). Prints medians.

    .venv/bin/python tests/benchmarks/preview.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from browser.conftest import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import sync_playwright

from helpers import VENV_BIN, build_env, copy_project, live_preview

STEP = Path("content/steps/feel-it.yml")
TITLE = "title: Let yourself feel it"
REFRESH_BUDGET = 2.0
CHECK_BUDGET = 0.3


def time_refresh(project: Path, base: str, runs: int) -> list[float]:
    """Seconds from saving the step file to the open page showing the edited title, once per run."""
    step = project / STEP
    original = step.read_text(encoding="utf-8")
    timings: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "guides/first-48-hours/")
        page.wait_for_selector("h2#feel-it")
        for run in range(runs):
            title = f"Let yourself feel it ({run + 1})"
            # Let the page's live-reload poll settle after the last reload, as when a person edits.
            time.sleep(1.0)
            started = time.perf_counter()
            step.write_text(original.replace(TITLE, f"title: {title}", 1), encoding="utf-8")
            page.wait_for_function(
                "title => document.querySelector('h2#feel-it')?.textContent.replace('¶', '').trim() === title",
                arg=title,
                timeout=30_000,
            )
            timings.append(time.perf_counter() - started)
        browser.close()
    step.write_text(original, encoding="utf-8")
    return timings


def time_check(project: Path, runs: int) -> list[float]:
    """Seconds for `afterno check` on the project's content, as a new process, once per run."""
    timings: list[float] = []
    # As a contributor's shell runs it (and `make check`): Python keeps the compiled modules, so the first run,
    # not counted, compiles them and the others reuse them.
    env = {name: value for name, value in build_env().items() if name != "PYTHONDONTWRITEBYTECODE"}
    for run in range(runs + 1):
        started = time.perf_counter()
        result = subprocess.run(
            [str(VENV_BIN / "afterno"), "check"], cwd=project, env=env, capture_output=True, text=True
        )
        if run:
            timings.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
    return timings


def main() -> int:
    """Run both measurements and print one line each: median, slowest, budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="afterno-preview-") as folder:
        project = copy_project(Path(folder) / "project")
        with live_preview(project) as base:
            refresh = time_refresh(project, base, args.runs)
        check = time_check(project, args.runs)
    ok = True
    for label, timings, budget in (
        ("saved edit -> preview refreshed", refresh, REFRESH_BUDGET),
        ("afterno check", check, CHECK_BUDGET),
    ):
        median = statistics.median(timings)
        ok &= median <= budget
        verdict = "ok" if median <= budget else "OVER BUDGET"
        print(
            f"{label}: median {median:.2f} s, slowest {max(timings):.2f} s over {len(timings)} runs "
            f"(budget {budget} s: {verdict})"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
