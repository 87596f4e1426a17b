"""The contributors' command line: ``afterno check``, ``afterno new step ID``, ``afterno coverage``.

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

from . import links
from .centre import CENTRE_FILE, read_centre
from .errors import ContentError, Problem
from .load import load_content
from .model import SLUG_PATTERN, STEP, Content, schema_line
from .publish import build_atomically, site_url_problem
from .schema import render_schemas, write_schemas


def _content_root(value: str | None) -> Path:
    if value:
        return Path(value)
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder / "content"
    return here / "content"


def _load(root: Path, with_centre: bool = False) -> Content | None:
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
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    count = len(problems)
    where = f"{root}/ and {CENTRE_FILE}" if with_centre and (root.parent / CENTRE_FILE).is_file() else f"{root}/"
    print(f"{count} problem{'s' if count != 1 else ''} in {where}.", file=sys.stderr)
    return None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every content file and centre.yml; print each problem as file:line:column: message."""
    root = _content_root(args.content)
    started = time.perf_counter()
    content = _load(root, with_centre=True)
    if content is None:
        return 1
    stale = [name for name, text in render_schemas().items() if _read(root / "schema" / name) != text]
    if stale:
        for name in stale:
            print(f"{root.name}/schema/{name}:1:1: out of date with the model. Run 'afterno schema'.", file=sys.stderr)
        return 1
    elapsed = (time.perf_counter() - started) * 1000
    print(
        f"content OK: {len(content.steps)} steps, {len(content.guides)} guides, {len(content.situations)} "
        f"situations, {len(content.templates)} templates, {len(content.checklist_items)} checklist items, "
        f"{len(content.points)} source points"
        + (f", {CENTRE_FILE}" if (root.parent / CENTRE_FILE).is_file() else "")
        + f" ({elapsed:.0f} ms)"
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
    """Write a skeleton step file that passes the schema once its blanks are filled."""
    root = _content_root(args.content)
    step_id = args.id
    if not re.search(SLUG_PATTERN, step_id):
        print(
            f"'{step_id}' is not a valid id: use lowercase words joined by hyphens, like ask-for-feedback.",
            file=sys.stderr,
        )
        return 2
    path = root / "steps" / f"{step_id}.yml"
    if path.exists():
        print(f"{path} already exists; edit it instead.", file=sys.stderr)
        return 1
    title = step_id.replace("-", " ").capitalize()
    skeleton = f"""{schema_line(STEP)}
id: {step_id}
title: {title}
summary: Say in one sentence what the reader does and why (at most 160 characters).
phase: first-week
why: >-
  Explain in two to four short sentences why this step helps.
how:
  - Write one concrete action per line.
applies_to: all
sources: []
"""
    path.write_text(skeleton, encoding="utf-8")
    print(f"wrote {path}")
    print(
        "Next: fill in the text, list the source points it rests on under 'sources', add the step to a guide "
        "in content/guides/, then run 'afterno check'."
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
    commands.add_parser("check", help="validate content/ without building the site").set_defaults(run=cmd_check)
    commands.add_parser("schema", help="rewrite content/schema/ from the model").set_defaults(run=cmd_schema)
    commands.add_parser("coverage", help="source points and the steps that use them").set_defaults(run=cmd_coverage)
    new = commands.add_parser("new", help="write a skeleton content file")
    new_kinds = new.add_subparsers(dest="kind", required=True)
    step = new_kinds.add_parser("step", help="a new step")
    step.add_argument("id", help="the new step's id, e.g. ask-for-feedback")
    step.set_defaults(run=cmd_new)
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
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
