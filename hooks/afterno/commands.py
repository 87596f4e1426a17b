"""The commands that read content/: ``check``, ``translations``, ``schema``, ``new``, ``rename`` and ``coverage``.

Kept apart from cli.py, which parses the command line: ``afterno build`` starts MkDocs at once, without importing the
content model and its validators (about 0.3 s) in a process that never uses them.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from .centre import CENTRE_FILE, read_centre
from .cli import content_root
from .errors import ContentError, Problem
from .load import load_content
from .model import SLUG_PATTERN, Content
from .report import github_lines, text_lines
from .schema import render_schemas, write_schemas
from .translation_load import Translations, load_translations, restamp, stamp
from .translation_model import KIND_BY_NAME, TRANSLATIONS_DIR
from .translation_schema import render_translation_schemas, write_translation_schemas


def _print_problems(problems: list[Problem], root: Path, output_format: str = "text", where: str = "") -> None:
    """Print problems for a person (with the offending line) or for GitHub (annotations on the diff)."""
    if output_format == "github":
        # GitHub reads workflow commands from standard output.
        for line in github_lines(problems):
            print(line)
        return
    for line in text_lines(problems, root.parent):
        print(line, file=sys.stderr)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} in {where or f'{root}/'}.", file=sys.stderr)


def _load(root: Path, output_format: str = "text", with_centre: bool = False) -> Content | None:
    """The content of ``root``, or None after printing every problem (with ``centre.yml``'s, if asked)."""
    problems: list[Problem] = []
    content = None
    try:
        content = load_content(root)
    except ContentError as error:
        problems += error.problems
    if with_centre:
        problems += read_centre(root.parent)[1]
    if not problems:
        return content
    places = [f"{root}/"]
    if any(problem.path.startswith("docs/") for problem in problems):
        places.append("docs/")
    if with_centre and (root.parent / CENTRE_FILE).is_file():
        places.append(CENTRE_FILE)
    where = ", ".join(places[:-1]) + f" and {places[-1]}" if len(places) > 1 else places[0]
    _print_problems(sorted(problems), root, output_format, where)
    return None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every content file and centre.yml; print each problem as file:line:column: message."""
    root = content_root(args.content)
    started = time.perf_counter()
    content = _load(root, args.format, with_centre=True)
    if content is None:
        return 1
    schemas = {**render_schemas(), **render_translation_schemas()}
    stale = [name for name, text in schemas.items() if _read(root / "schema" / name) != text]
    if stale:
        problems = [
            Problem(f"{root.name}/schema/{name}", 1, 1, "out of date with the model. Run 'afterno schema'.")
            for name in stale
        ]
        _print_problems(problems, root, args.format)
        return 1
    translations = _load_translations(root, content, args.format)
    if translations is None:
        return 1
    elapsed = (time.perf_counter() - started) * 1000
    blocking = translations.blocking()
    counts = (
        f"{len(content.steps)} steps, {len(content.guides)} guides, {len(content.situations)} "
        f"situations, {len(content.templates)} templates, {len(content.checklist_items)} checklist items, "
        f"{len(content.points)} source points"
        + (f", {CENTRE_FILE}" if (root.parent / CENTRE_FILE).is_file() else "")
        + f" ({elapsed:.0f} ms)"
    )
    # "content OK" only when the whole check passes: next to a failure it reads as "done".
    if blocking:
        print(f"The English content is fine: {counts}. What remains is in the published languages, below.")
    else:
        print(f"content OK: {counts}")
    for line in translation_report(translations):
        print(line)
    sys.stdout.flush()
    for line in blocking:
        print(line, file=sys.stderr)
    if blocking:
        print(blocking_summary(blocking), file=sys.stderr)
        return 1
    return 0


def blocking_summary(blocking: list[str]) -> str:
    """The last line of a check that fails only on published languages: why, and what an English-only writer does."""
    count = len(blocking)
    return (
        f"{count} problem{'s' if count != 1 else ''} in published languages: a published language must never show "
        "English, so the check fails until each is fixed. Your English is checked and fine; if you do not write "
        "the language, open your pull request and tick its translation box, and a translator adds the rest."
    )


def _load_translations(root: Path, content: Content, output_format: str = "text") -> Translations | None:
    """The translations, or None after printing their problems like the English ones (line and caret, or GitHub's)."""
    try:
        return load_translations(root.parent, content)
    except ContentError as error:
        _print_problems(sorted(error.problems), root, output_format, f"{root}/{TRANSLATIONS_DIR}/")
        return None


def translation_report(translations: Translations) -> list[str]:
    """One line per language: how many items are complete, missing, outdated and orphaned."""
    lines = []
    for language in translations.languages:
        counts = {"complete": 0, "missing": 0, "outdated": 0, "orphaned": 0}
        for status in translations.status(language.code):
            counts[status.state] += 1
        state = "published" if language.published else "draft"
        lines.append(
            f"{language.code} ({language.name}, {state}): {counts['complete']} complete, {counts['missing']} missing, "
            f"{counts['outdated']} outdated, {counts['orphaned']} orphaned"
        )
    return lines


def cmd_translations(args: argparse.Namespace) -> int:
    """Print one language's to-do list (missing, outdated with their fields, orphaned), or stamp files."""
    root = content_root(args.content)
    content = _load(root)
    if content is None:
        return 1
    translations = _load_translations(root, content)
    if translations is None:
        return 1
    if args.language not in translations.by_language:
        known = ", ".join(translations.by_language) or "none"
        print(
            f"no language '{args.language}' in {root}/{TRANSLATIONS_DIR}/languages.yml (known: {known}).",
            file=sys.stderr,
        )
        return 2
    if args.stamp:
        return _stamp(translations, args.language, [Path(p) for p in args.stamp])
    todo = [s for s in translations.status(args.language) if s.state != "complete"]
    for status in todo:
        if status.state == "missing":
            where = _where_to_translate(root, args.language, status.kind, status.id)
            print(f"missing   {status.kind} {status.id}  ({where})")
        elif status.state == "outdated":
            print(f"outdated  {status.kind} {status.id}: {', '.join(status.fields)}  ({status.where})")
        else:
            print(f"orphaned  {status.kind} {status.id}  ({status.where})")
    print(
        f"{len(todo)} to do in {args.language}."
        if todo
        else f"{args.language}: every item is translated and up to date."
    )
    return 0


def _where_to_translate(root: Path, code: str, kind_name: str, item_id: str = "") -> str:
    """Where a missing translation goes, from the project folder: a new file, or an entry added to an existing one."""
    kind = KIND_BY_NAME[kind_name]
    relative = f"{TRANSLATIONS_DIR}/{code}/{kind.pattern.replace('*', item_id)}"
    shown = f"{root.name}/{relative}"
    if kind.list_key is None:
        return f"write {shown}"
    if (root / relative).is_file():
        return f"add an entry under '{kind.list_key}:' in {shown}, which exists"
    return f"write {shown}, with the entry under '{kind.list_key}:'"


def _stamp(translations: Translations, code: str, paths: list[Path]) -> int:
    """Record, in each file, that its translations are made from the current English."""
    items = translations.by_language[code].items
    for path in paths:
        shown_tail = path.resolve().as_posix()
        stamps = {
            item.id: stamp(item.fields, translations.english[key])
            for key, item in items.items()
            if key in translations.english and item.kind != "ui" and shown_tail.endswith(item.path.split("/", 1)[1])
        }
        path.write_text(restamp(path.read_text(encoding="utf-8"), stamps), encoding="utf-8")
        matched = "1 item now matches" if len(stamps) == 1 else f"{len(stamps)} items now match"
        print(f"stamped {path}: {matched} the English")
    return 0


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def cmd_schema(args: argparse.Namespace) -> int:
    """Rewrite the JSON Schemas in content/schema/ from the model."""
    root = content_root(args.content)
    for path in [*write_schemas(root), *write_translation_schemas(root)]:
        print(f"wrote {path}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a skeleton content file (or checklist item) and say what to fill in next."""
    from . import scaffold  # for this command only, like publish in cmd_build

    root = content_root(args.content)
    new_id = args.id
    if not re.search(SLUG_PATTERN, new_id) or len(new_id) > 60:
        print(
            f"'{new_id}' is not a valid id: use lowercase words joined by hyphens, like ask-for-feedback "
            "(at most 60 characters).",
            file=sys.stderr,
        )
        return 2
    try:
        if args.kind == "item":
            written = scaffold.new_item(root, new_id, step_id=args.step, phase_id=args.phase)
        else:
            writers = {
                "step": scaffold.new_step,
                "guide": scaffold.new_guide,
                "situation": scaffold.new_situation,
                "template": scaffold.new_template,
            }
            written = writers[args.kind](root, new_id)
    except scaffold.ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{'added ' + new_id + ' to' if args.kind == 'item' else 'wrote'} {written.path}")
    print(written.next_steps)
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    """Rename a step, guide, situation or checklist item everywhere, keeping the old id working."""
    from .rename import KINDS, RenameError, rename

    root = content_root(args.content)
    try:
        renamed = rename(root.parent, args.kind, args.old, args.new)
    except RenameError as error:
        print(error, file=sys.stderr)
        if error.problems:
            _print_problems(error.problems, root)
        return 1
    project = root.parent
    if renamed.moved:
        print(f"renamed {renamed.moved[0].relative_to(project)} -> {renamed.moved[1].relative_to(project)}")
    for source, target in renamed.translations_moved:
        print(f"renamed {source.relative_to(project)} -> {target.relative_to(project)}")
    for path in renamed.written:
        print(f"updated {path.relative_to(project)}")
    for address in renamed.public_added:
        print(f"published address added: {address}")
    print(
        f"The {KINDS[args.kind]} '{args.old}' is now '{args.new}'. The old id is kept under 'replaces', so "
        "old links still land in the same place and saved ticks and answers carry over. Run 'afterno check'."
    )
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Print which steps use each source point, and the steps that rest on a single source."""
    content = _load(content_root(args.content))
    if content is None:
        return 1
    width = max(len(point_id) for point_id in content.points)
    print(f"{'source point'.ljust(width)}  steps")
    for source in content.sources:
        for point in source.points:
            steps = ", ".join(step.id for step in content.steps_using(point.id)) or "(none)"
            print(f"{point.id.ljust(width)}  {steps}")
    single = [step for step in content.steps if len(content.sources_of(step)) == 1]
    print()
    print(f"steps resting on a single source: {len(single)} of {len(content.steps)}")
    for step in single:
        print(f"  {step.id} ({content.sources_of(step)[0].id})")
    return 0
