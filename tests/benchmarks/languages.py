"""How much do translations cost the build? ``afterno build`` of the English alone, and of English, German and
Spanish (the project's own translations, published; for the English alone, a temporary copy of the project
with both set back to draft).

Prints a Markdown table: the median of ``--runs`` whole-process builds (after a warm-up) for one language and
for three, their ratio, and each language site's size. Target (issue 13): three languages take at most 3.5 times
one. The language builds run side by side (one process each), so the ratio depends on free cores: quote the
machine's load with the figure. Run with ``make benchmark-languages``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import copy_project  # noqa: E402

TARGET = 3.5


def build_seconds(project: Path, site: Path) -> float:
    env = dict(os.environ, SITE_URL="https://careers.example.edu/after-the-no/", NO_MKDOCS_2_WARNING="1")
    env["SOURCE_DATE_EPOCH"] = "1764028800"
    start = time.perf_counter()
    subprocess.run(
        [str(BIN / "afterno"), "--content", str(project / "content"), "build", "--site-dir", str(site)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def median_build(project: Path, site: Path, runs: int) -> float:
    build_seconds(project, site)
    return statistics.median(build_seconds(project, site) for _ in range(runs))


def set_status(project: Path, status: str) -> None:
    """Give every language in the copy's languages.yml ``status`` (draft: no language site is built)."""
    path = project / "content" / "translations" / "languages.yml"
    text = re.sub(r"status: \w+", f"status: {status}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="afterno-bench-languages-") as scratch:
        one = copy_project(Path(scratch) / "one")
        three = copy_project(Path(scratch) / "three")
        set_status(one, "draft")
        set_status(three, "published")
        single = median_build(one, Path(scratch) / "site-one", args.runs)
        triple = median_build(three, Path(scratch) / "site-three", args.runs)
        site = Path(scratch) / "site-three"
        english = folder_bytes(site) - sum(folder_bytes(site / code) for code in ("de", "es"))
        ratio = triple / single
        print(f"| build (median of {args.runs}) | seconds |")
        print("|---|---|")
        print(f"| English only | {single:.2f} |")
        print(f"| English, German, Spanish | {triple:.2f} |")
        print(f"| ratio (target <= {TARGET}) | {ratio:.2f} |")
        print()
        print(f"Site size: English {english / 1e6:.2f} MB, /de/ {folder_bytes(site / 'de') / 1e6:.2f} MB, ", end="")
        print(f"/es/ {folder_bytes(site / 'es') / 1e6:.2f} MB. Load average: {os.getloadavg()[0]:.1f}.")
        return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
