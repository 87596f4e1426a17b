"""The contributors' command line: ``afterno check``, ``afterno new KIND ID``, ``afterno rename KIND OLD NEW``,
``afterno coverage``.

For maintainers: ``afterno build`` (a safe site build), ``afterno links`` (external links, online) and
``afterno schema`` (rewrite content/schema/ after changing the model).

Run it from the project folder (or pass ``--content``). Only ``build`` needs MkDocs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from .centre import CENTRE_FILE, read_centre
from .errors import ContentError, Problem
from .load import load_content
from .model import SLUG_PATTERN, Content
from .report import github_lines, text_lines
from .schema import render_schemas, write_schemas
from .translation_load import Translations, load_translations, restamp, stamp
from .translation_model import KIND_BY_NAME, TRANSLATIONS_DIR
from .translation_schema import render_translation_schemas, write_translation_schemas


def _content_root(value: str | None) -> Path:
    if value:
        return Path(value)
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder / "content"
    return here / "content"


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
    root = _content_root(args.content)
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
    root = _content_root(args.content)
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
    root = _content_root(args.content)
    for path in [*write_schemas(root), *write_translation_schemas(root)]:
        print(f"wrote {path}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a skeleton content file (or checklist item) and say what to fill in next."""
    from . import scaffold  # for this command only, like publish in cmd_build

    root = _content_root(args.content)
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

    root = _content_root(args.content)
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
    content = _load(_content_root(args.content))
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


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into a fresh folder and swap it in only if the build succeeds."""
    # Imported here, as in cmd_links: 'afterno check' should not pay for what only these commands use.
    from .publish import build_atomically, site_url_problem

    project = _content_root(args.content).parent
    site_dir = Path(args.site_dir) if args.site_dir else project / "site"
    # A published site must not point its canonical links, sitemap and QR codes at this computer.
    problem = None if args.local_preview else site_url_problem(os.environ.get("SITE_URL"))
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return build_atomically(project, site_dir, generator=args.generator)


def cmd_links(args: argparse.Namespace) -> int:
    """Check every external link of the built site online (needs the internet; not part of the tests)."""

    project = _content_root(args.content).parent
    site_dir = Path(args.site_dir) if args.site_dir else project / "site"
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} holds no built site; run 'make build' first.", file=sys.stderr)
        return 2
    ignore_file = Path(args.ignore_file) if args.ignore_file else project / "links-ignore.txt"
    from . import links  # urllib and threads: for this command only

    found, results = links.check_site(site_dir, links.read_ignore_file(ignore_file), retries=args.retries)
    lines, code = links.report(found, results)
    for line in lines:
        print(line, file=sys.stderr if line.startswith("broken") else sys.stdout)
    return code


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``afterno`` command."""
    parser = argparse.ArgumentParser(prog="afterno", description=__doc__)
    parser.add_argument("--content", help="the content folder (default: ./content)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate content/ without building the site")
    check.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="text: each problem with its line (default); github: annotations for a pull request's diff",
    )
    check.set_defaults(run=cmd_check)
    commands.add_parser("schema", help="rewrite content/schema/ from the model").set_defaults(run=cmd_schema)
    translate = commands.add_parser("translations", help="one language's to-do list, or --stamp translated files")
    translate.add_argument("language", help="the language code, e.g. de")
    translate.add_argument("--stamp", nargs="+", metavar="FILE", help="record that FILE now matches the English")
    translate.set_defaults(run=cmd_translations)
    commands.add_parser("coverage", help="source points and the steps that use them").set_defaults(run=cmd_coverage)
    new = commands.add_parser("new", help="write a skeleton content file")
    new_kinds = new.add_subparsers(dest="kind", required=True)
    for kind, example, what in (
        ("step", "call-a-friend", "a step file in content/steps/"),
        ("guide", "after-an-internship", "a guide file in content/guides/"),
        ("situation", "after-a-phone-screen", "a situation file in content/situations/"),
        ("template", "ask-to-stay-in-touch", "a message template file in content/templates/"),
        ("item", "send-a-card", "a checklist item, added to content/checklist.yml"),
    ):
        new_kind = new_kinds.add_parser(kind, help=what)
        new_kind.add_argument("id", help=f"the new id, e.g. {example}")
        if kind == "item":
            new_kind.add_argument("--step", help="the id of the step it comes from")
            new_kind.add_argument("--phase", help="its phase (default: the step's phase)")
        new_kind.set_defaults(run=cmd_new)
    rename = commands.add_parser(
        "rename", help="rename a step, guide, situation or checklist item; the old id keeps working"
    )
    rename.add_argument("kind", choices=["step", "guide", "situation", "item"])
    rename.add_argument("old", help="the current id")
    rename.add_argument("new", help="the new id")
    rename.set_defaults(run=cmd_rename)
    build = commands.add_parser("build", help="build the site; the old site stays until a build succeeds")
    build.add_argument("--site-dir", help="where the site goes (default: site/ beside content/)")
    build.add_argument("--generator", default="mkdocs", choices=["mkdocs", "properdocs"])
    build.add_argument(
        "--local-preview",
        action="store_true",
        help="allow a missing or loopback SITE_URL: a build to open on this computer, never to publish",
    )
    build.set_defaults(run=cmd_build)
    check_links = commands.add_parser("links", help="check the built site's external links online")
    check_links.add_argument("--site-dir", help="the built site (default: site/)")
    check_links.add_argument("--ignore-file", help="patterns of links not to check (default: links-ignore.txt)")
    check_links.add_argument("--retries", type=int, default=2, help="retries after a network error or 5xx")
    check_links.set_defaults(run=cmd_links)
    return _run(parser.parse_args(argv))


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command; output to a reader that stopped (``afterno check | head``) ends it quietly."""
    try:
        result: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # Later writes, and the flush at exit, go nowhere rather than into a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
