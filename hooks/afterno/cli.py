"""The contributors' command line: ``afterno check``, ``afterno new KIND ID``, ``afterno rename KIND OLD NEW``,
``afterno coverage``.

For maintainers: ``afterno build`` (a safe site build), ``afterno links`` (external links, online) and
``afterno schema`` (rewrite content/schema/ after changing the model).

Run it from the project folder (or pass ``--content``). Only ``build`` needs MkDocs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from . import scaffold
from .errors import ContentError, Problem
from .load import load_content
from .model import SLUG_PATTERN, Content
from .report import github_lines, text_lines
from .schema import render_schemas, write_schemas


def _content_root(value: str | None) -> Path:
    if value:
        return Path(value)
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder / "content"
    return here / "content"


def _print_problems(problems: list[Problem], root: Path, output_format: str = "text") -> None:
    """Print problems for a person (with the offending line) or for GitHub (annotations on the diff)."""
    if output_format == "github":
        # GitHub reads workflow commands from standard output.
        for line in github_lines(problems):
            print(line)
        return
    for line in text_lines(problems, root.parent):
        print(line, file=sys.stderr)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} in {root}/.", file=sys.stderr)


def _load(root: Path, output_format: str = "text") -> Content | None:
    try:
        return load_content(root)
    except ContentError as error:
        _print_problems(error.problems, root, output_format)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every content file; print each problem as file:line:column: message."""
    root = _content_root(args.content)
    started = time.perf_counter()
    content = _load(root, args.format)
    if content is None:
        return 1
    stale = [name for name, text in render_schemas().items() if _read(root / "schema" / name) != text]
    if stale:
        problems = [
            Problem(f"{root.name}/schema/{name}", 1, 1, "out of date with the model. Run 'afterno schema'.")
            for name in stale
        ]
        _print_problems(problems, root, args.format)
        return 1
    elapsed = (time.perf_counter() - started) * 1000
    print(
        f"content OK: {len(content.steps)} steps, {len(content.guides)} guides, {len(content.situations)} "
        f"situations, {len(content.templates)} templates, {len(content.checklist_items)} checklist items, "
        f"{len(content.points)} source points ({elapsed:.0f} ms)"
    )
    return 0


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def cmd_schema(args: argparse.Namespace) -> int:
    """Rewrite the JSON Schemas in content/schema/ from the model."""
    for path in write_schemas(_content_root(args.content)):
        print(f"wrote {path}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a skeleton content file (or checklist item) and say what to fill in next."""
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
    from .publish import build_atomically

    project = _content_root(args.content).parent
    site_dir = Path(args.site_dir) if args.site_dir else project / "site"
    return build_atomically(project, site_dir, generator=args.generator)


def cmd_links(args: argparse.Namespace) -> int:
    """Check every external link of the built site online (needs the internet; not part of the tests)."""
    from . import links

    project = _content_root(args.content).parent
    site_dir = Path(args.site_dir) if args.site_dir else project / "site"
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} holds no built site; run 'make build' first.", file=sys.stderr)
        return 2
    ignore_file = Path(args.ignore_file) if args.ignore_file else project / "links-ignore.txt"
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
    build.set_defaults(run=cmd_build)
    check_links = commands.add_parser("links", help="check the built site's external links online")
    check_links.add_argument("--site-dir", help="the built site (default: site/)")
    check_links.add_argument("--ignore-file", help="patterns of links not to check (default: links-ignore.txt)")
    check_links.add_argument("--retries", type=int, default=2, help="retries after a network error or 5xx")
    check_links.set_defaults(run=cmd_links)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
