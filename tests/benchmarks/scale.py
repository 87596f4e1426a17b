"""Does the site scale, and can content hang the checker? Whole-process timings, and the code's size.

Prints, as Markdown tables:

1. The publishing command (``afterno build``: a strict MkDocs build into a fresh folder, swapped in) at
   1x, 10x and 100x the real content, and ``afterno check`` at 1x and 10x. For each size a temporary
   copy of the project gets every step, guide, situation, message template, source (with its points)
   and checklist item copied N times under new ids, with the references between them kept; a copy's
   items for everyone apply to that copy's own situations (see ``_own_situations``).
2. The hostile-input table: ``afterno check`` on the real content with one text field of 10^4, 10^5
   and 10^6 characters ("<", spaces, "1": what once made the markup patterns backtrack for half an
   hour). The 10^6 file is over the size limit, so it is refused before it is read.
3. Lines of Python under hooks/ (not counting blank lines and comments) and the longest function.

Times are medians of five runs after a warm-up; peak memory is the largest resident set of any run.
Run with ``make benchmark-scale``. Targets (issue 9): 1x build <= 1.5 s, check <= 0.3 s; 100x build
<= 30 s and <= 1 GB; a hostile field checks in at most 2 s.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from afterno.load import load_content  # noqa: E402
from afterno.model import CHECKLIST, GUIDE, SITUATION, SOURCE, STEP, TEMPLATE, schema_line  # noqa: E402
from helpers import build_env, copy_project  # noqa: E402

KINDS = {"steps": STEP, "guides": GUIDE, "situations": SITUATION, "templates": TEMPLATE, "sources": SOURCE}
HOSTILE_SIZES = (10**4, 10**5, 10**6)


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

        own = [rename(stem) for stem, _ in originals["situations"]]

        def renamed(value: Any, own: list[str] = own, rename: Callable[[str], str] = rename) -> Any:
            return _own_situations(_renamed(value, rename), own)

        for folder, items in originals.items():
            for stem, data in items:
                copied = renamed(data)
                if "order" in copied:
                    copied["order"] = data["order"] + 100 * copy
                path = content_dir / folder / f"{rename(stem)}.yml"
                path.write_text(_dump(schema_line(KINDS[folder]), copied), encoding="utf-8")
        for phase, original in zip(phases, checklist["phases"], strict=True):
            phase["items"] += [renamed(item) for item in original["items"]]
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
    kept = {item["id"] for phase in yaml.safe_load(text)["phases"] for item in phase["items"]}
    for language in sorted((content_dir / "translations").glob("*/")):
        _scale_translation(language, factor, ids, kept)


def _own_situations(data: Any, own: list[str]) -> Any:
    """A copied step or checklist item that applies to everyone (``applies_to: all``) applies to its own copy's
    situations: each copy is an area of advice of its own, as 100 times the real content would be.

    Copied as ``all``, every copy's items for everyone would go on every situation's handout: at 100x about
    1,600 items on each of 900 handouts, a page nobody could print (a handout is one page), and a build whose
    output grows with the square of the content (session 5: 521 s and 1.55 GB at 100x).
    """
    if isinstance(data, dict) and data.get("applies_to") == "all":
        return {**data, "applies_to": own}
    return data


def _renamer(ids: set[str], copy: int) -> Callable[[str], str]:
    """The renaming of copy number ``copy``: an id gets ``-x<copy>``, other text stays."""
    return lambda text: f"{text}-x{copy}" if text in ids else text


def _read(path: Path) -> tuple[str, Any]:
    """A YAML file's first line (its schema comment) and its data."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n", 1)[0], yaml.safe_load(text)


def _scale_translation(language: Path, factor: int, ids: set[str], kept: set[str]) -> None:
    """Copy a language's translations as ``scale_content`` copies the English items: a published language
    refuses an item it has no translation for, so each copy gets one (the same words, under the new id)."""
    renames = [_renamer(ids, copy) for copy in range(1, factor)]
    for folder in KINDS:
        for path in sorted((language / folder).glob("*.yml")):
            first_line, data = _read(path)
            for rename in renames:
                text = yaml.safe_dump(_renamed(data, rename), sort_keys=False, allow_unicode=True, width=10_000)
                (language / folder / f"{rename(path.stem)}.yml").write_text(f"{first_line}\n{text}", encoding="utf-8")
    checklist = language / "checklist.yml"
    if checklist.exists():
        first_line, data = _read(checklist)
        items = [*data["items"], *(_renamed(item, rename) for rename in renames for item in data["items"])]
        data["items"] = [item for item in items if item["id"] in kept]
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
        checklist.write_text(f"{first_line}\n{text}", encoding="utf-8")


def measure(command: list[str], cwd: Path, expect_failure: bool = False) -> tuple[float, float, float]:
    """Run ``command``; return its wall time and processor time in seconds, and its peak resident memory in MB."""
    # The log goes to a file: a pipe nobody reads until the end would fill up and stall the build.
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        env = build_env(SITE_URL=os.environ.get("SITE_URL", "https://careers.example.edu/after-the-no/"))
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        failed = os.waitstatus_to_exitcode(status) != 0
        if failed != expect_failure:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} in {cwd}: unexpected outcome\n{log.read().decode()[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_run(command: list[str], cwd: Path, runs: int, expect_failure: bool = False) -> tuple[str, float]:
    """Median wall and processor time ("1.23 s (cpu 1.01 s)") and the largest peak memory over ``runs`` runs.

    Processor time (the process and its children) hardly moves when other work shares the machine.
    """
    measure(command, cwd, expect_failure)
    results = [measure(command, cwd, expect_failure) for _ in range(runs)]
    wall, cpu = statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)
    return f"{wall:.2f} s (cpu {cpu:.2f} s)", max(r[2] for r in results)


def scale_rows(temp: Path, sizes: list[int], runs: int) -> list[str]:
    """One table row per size: items, pages, build time and memory, check time."""
    rows = []
    for factor in sizes:
        project = copy_project(temp / f"project-{factor}x")
        scale_content(project / "content", factor)
        content = load_content(project / "content")
        build = [str(BIN / "afterno"), "--content", str(project / "content"), "build", "--site-dir", "site"]
        build_time, memory = median_run(build, project, runs)
        pages = len(list((project / "site").rglob("index.html")))
        check = "-"
        if factor in (1, 10):
            checker = [str(BIN / "afterno"), "--content", str(project / "content"), "check"]
            check = median_run(checker, project, runs)[0]
        rows.append(
            f"| {factor}x | {len(content.steps)} | {len(content.guides)} | {len(content.checklist_items)} | {pages} "
            f"| {build_time} | {memory:.0f} MB | {check} |"
        )
        print(f"{factor}x done", file=sys.stderr)
    return rows


def hostile_rows(temp: Path, runs: int) -> list[str]:
    """One row per field size: the file's size and how long ``afterno check`` takes to refuse it."""
    project = copy_project(temp / "hostile")
    step = project / "content" / "steps" / "feel-it.yml"
    original = step.read_text(encoding="utf-8")
    rows = []
    for size in HOSTILE_SIZES:
        field = 'why: "<' + " " * (size - 2) + '1"\n'
        step.write_text(re.sub(r"why: >-\n(  .*\n)+", field.replace("\\", "\\\\"), original, count=1))
        checker = [str(BIN / "afterno"), "--content", str(project / "content"), "check"]
        elapsed, _ = median_run(checker, project, runs, expect_failure=True)
        rows.append(f"| 10^{len(str(size)) - 1} | {step.stat().st_size:,} | {elapsed} |")
    return rows


def code_size(hooks: Path) -> tuple[int, str]:
    """Lines of Python under ``hooks`` (no blank or comment lines), and the longest function with its length."""
    total, longest, name = 0, 0, ""
    for path in sorted(hooks.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        total += sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith("#"))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                length = node.end_lineno - node.lineno + 1
                if length > longest:
                    longest, name = length, f"{path.relative_to(hooks).as_posix()}:{node.name}"
    return total, f"{name} ({longest} lines)"


def main() -> int:
    """Measure every size, the hostile fields and the code, and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100", help="content multipliers (default: 1,10,100)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement, after a warm-up (default: 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="afterno-scale-") as temp:
        rows = scale_rows(Path(temp), [int(size) for size in args.sizes.split(",")], args.runs)
        hostile = hostile_rows(Path(temp), args.runs)
    lines, longest = code_size(ROOT / "hooks")
    print(
        f"Median of {args.runs} runs after a warm-up: wall time (processor time of the process and its children); "
        "peak = the largest resident memory of any run.\n"
    )
    print("| size | steps | guides | checklist items | pages | afterno build | peak memory | afterno check |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print("\nOne text field of n characters ('<', spaces, '1') in content/steps/feel-it.yml:\n")
    print("| field | file bytes | afterno check (refuses it) |")
    print("|---|---|---|")
    print("\n".join(hostile))
    print(f"\nPython under hooks/: {lines} lines (no blank or comment lines); longest function: {longest}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
