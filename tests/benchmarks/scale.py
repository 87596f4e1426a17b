"""Does the build scale? Build time and peak memory at 1x, 10x and 100x the real content.

For each size, a temporary copy of the project gets synthetic content: every step, guide, situation,
message template, source (with its points) and checklist item copied N times under new ids, with the
references between them kept. Each copy is built with the hooks (``mkdocs build --strict``), and
next to it a plain MkDocs build with no hooks of the same Markdown pages, written out by hand (the
exact Markdown the hooks generate, saved as files, with the same navigation and theme). The
difference is what the hooks cost. ``afterno check`` is timed at 10x too.

Times are the median of five runs (the hooked and the plain build taken in turns); peak memory is
the build process's maximum resident set size.
Run with ``make benchmark-scale``. Targets (issue 5): hooks add at most 25% at every size, growth is
linear, 100x builds in under 30 s and 1 GB, the checker stays under 1 s at 10x.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from afterno.load import load_content  # noqa: E402
from afterno.model import CHECKLIST, GUIDE, SITUATION, SOURCE, STEP, TEMPLATE, schema_line  # noqa: E402
from afterno.render import Renderer  # noqa: E402
from helpers import build_env, copy_project  # noqa: E402

KINDS = {"steps": STEP, "guides": GUIDE, "situations": SITUATION, "templates": TEMPLATE, "sources": SOURCE}


@dataclass(frozen=True)
class Row:
    """One size's figures."""

    factor: int
    steps: int
    guides: int
    items: int
    pages: int
    hooked: float
    plain: float
    hooked_mb: float
    plain_mb: float
    check: float | None


def _ids(content_dir: Path) -> set[str]:
    """Every id that a copy must rename: items, source points and checklist items (phases stay shared)."""
    ids: set[str] = set()
    for folder in KINDS:
        for path in (content_dir / folder).glob("*.yml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            ids.add(data["id"])
            ids.update(point["id"] for point in data.get("points", []))
    checklist = yaml.safe_load((content_dir / "checklist.yml").read_text(encoding="utf-8"))
    ids.update(item["id"] for phase in checklist["phases"] for item in phase["items"])
    return ids


def _renamed(value: Any, rename: Callable[[str], str]) -> Any:
    if isinstance(value, dict):
        return {key: _renamed(item, rename) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, rename) for item in value]
    if isinstance(value, str):
        return rename(value)
    return value


def _dump(kind_line: str, data: Any) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=None)
    return f"{kind_line}\n{text}"


def scale_content(content_dir: Path, factor: int) -> None:
    """Add ``factor - 1`` renamed copies of every item to ``content_dir`` (references follow the copy)."""
    ids = _ids(content_dir)
    originals = {
        folder: [
            (p.stem, yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in sorted((content_dir / folder).glob("*.yml"))
        ]
        for folder in KINDS
    }
    checklist = yaml.safe_load((content_dir / "checklist.yml").read_text(encoding="utf-8"))
    phases = [{"phase": phase["phase"], "items": list(phase["items"])} for phase in checklist["phases"]]
    for copy in range(1, factor):

        def rename(text: str, copy: int = copy) -> str:
            return f"{text}-x{copy}" if text in ids else text

        for folder, items in originals.items():
            for stem, data in items:
                renamed = _renamed(data, rename)
                if "order" in renamed:
                    renamed["order"] = data["order"] + 100 * copy
                path = content_dir / folder / f"{rename(stem)}.yml"
                path.write_text(_dump(schema_line(KINDS[folder]), renamed), encoding="utf-8")
        for phase, original in zip(phases, checklist["phases"], strict=True):
            phase["items"] += [_renamed(item, rename) for item in original["items"]]
    # One line per item; copies stop before the file reaches the loader's 512 KiB limit for one file
    # (at 100x the checklist holds slightly fewer than 100 times the items: the table shows how many).
    per_phase = [len(original["items"]) for original in checklist["phases"]]
    for copies in range(factor, 0, -1):
        lines = [schema_line(CHECKLIST), "phases:"]
        for phase, count in zip(phases, per_phase, strict=True):
            lines += [f"  - phase: {phase['phase']}", "    items:"]
            for item in phase["items"][: count * copies]:
                flow = yaml.safe_dump(item, default_flow_style=True, width=10_000, sort_keys=False).strip()
                lines.append(f"      - {flow}")
        text = "\n".join(lines) + "\n"
        if len(text.encode("utf-8")) < 500 * 1024:
            break
    (content_dir / "checklist.yml").write_text(text, encoding="utf-8")


def plain_project(hooked: Path, target: Path) -> int:
    """Write ``target``: the hooks' Markdown saved as hand-written pages, same theme and nav, no hooks.

    Returns:
        The number of Markdown pages.
    """
    copy_project(target)
    shutil.rmtree(target / "hooks")
    for name in (target / "content").iterdir():
        # content/ stays (empty) only because mkdocs.yml watches it.
        shutil.rmtree(name) if name.is_dir() else name.unlink()
    content = load_content(hooked / "content")
    renderer = Renderer(content, "http://127.0.0.1:8000/")
    docs = target / "docs"
    for src, markdown in renderer.pages().items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(markdown, encoding="utf-8")
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(renderer.fill_markers(text, page.relative_to(docs).as_posix()), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("afterno_site_hooks", hooked / "hooks" / "site.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    extra = [entry for entry in hooks.HAND_WRITTEN_NAV if (docs / entry.src).is_file()]
    nav = [entry.to_mkdocs() for entry in renderer.nav(extra)]
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "", config)
    # MkDocs always leaves out folders named templates/ (its default exclusions come before exclude_docs);
    # the hooks include theirs explicitly, and a negated pattern does the same for the plain build.
    config += "\nexclude_docs: |\n  !/templates/\n\n"
    config += yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(list(docs.rglob("*.md")))


def same_pages(hooked: Path, plain: Path) -> None:
    """Stop unless both builds wrote the same HTML pages: a comparison with a page missing means nothing."""
    built = [{path.relative_to(site).as_posix() for path in site.rglob("*.html")} for site in (hooked, plain)]
    if built[0] != built[1]:
        only = sorted(built[0] ^ built[1])
        raise SystemExit(f"the hooked and the plain build wrote different pages: {only[:10]}")


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run ``command`` and return its wall time in seconds and its peak resident memory in MB."""
    env = build_env()
    # The log goes to a file: a pipe nobody reads until the end would fill up and stall the build.
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{log.read().decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def median_run(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    """Median wall time and the largest peak memory over ``runs`` runs (after one warm-up run)."""
    measure(command, cwd)
    results = [measure(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def median_pair(command: list[str], first: Path, second: Path, runs: int) -> list[tuple[float, float]]:
    """``median_run`` for two projects, their runs taken in turns (after a warm-up of each).

    On a shared machine the load drifts over minutes; alternating the two builds spreads the drift
    over both instead of favouring whichever ran during a quiet spell.
    """
    measure(command, first)
    measure(command, second)
    results: list[list[tuple[float, float]]] = [[], []]
    for _ in range(runs):
        results[0].append(measure(command, first))
        results[1].append(measure(command, second))
    return [(statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for rs in results]


def main() -> int:
    """Build each size with and without hooks, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100", help="content multipliers (default: 1,10,100)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per build, after one warm-up (default: 5)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="afterno-scale-") as temp:
        for factor in sizes:
            hooked = copy_project(Path(temp) / f"hooked-{factor}x")
            scale_content(hooked / "content", factor)
            content = load_content(hooked / "content")
            plain = Path(temp) / f"plain-{factor}x"
            pages = plain_project(hooked, plain)
            build = [str(BIN / "mkdocs"), "build", "--strict", "-d", "site"]
            (hooked_time, hooked_memory), (plain_time, plain_memory) = median_pair(build, hooked, plain, args.runs)
            same_pages(hooked / "site", plain / "site")
            check_time = None
            if factor in (1, 10):
                checker = [str(BIN / "afterno"), "--content", str(hooked / "content"), "check"]
                check_time = median_run(checker, hooked, max(args.runs, 3))[0]
            rows.append(
                Row(
                    factor,
                    len(content.steps),
                    len(content.guides),
                    len(content.checklist_items),
                    pages,
                    hooked_time,
                    plain_time,
                    hooked_memory,
                    plain_memory,
                    check_time,
                )
            )
            print(f"{factor}x done", file=sys.stderr)
    print(
        f"Median of {args.runs} runs after a warm-up, builds with and without hooks taken in turns; "
        "peak = the build process's maximum resident memory."
    )
    print()
    print(
        "| size | steps | guides | checklist items | pages | build with hooks | plain MkDocs | hooks add "
        "| hooks' time vs 1x | peak memory hooks / plain | afterno check |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        check = f"{row.check:.2f} s" if row.check is not None else "-"
        growth = row.hooked / rows[0].hooked * rows[0].factor
        print(
            f"| {row.factor}x | {row.steps} | {row.guides} | {row.items} | {row.pages} "
            f"| {row.hooked:.2f} s | {row.plain:.2f} s | {(row.hooked - row.plain) / row.plain:+.0%} "
            f"| {growth:.1f}x | {row.hooked_mb:.0f} / {row.plain_mb:.0f} MB | {check} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
