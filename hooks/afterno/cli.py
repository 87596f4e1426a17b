"""The contributors' command line: ``afterno check``, ``afterno new KIND ID``, ``afterno rename KIND OLD NEW``,
``afterno coverage``.

For maintainers: ``afterno build`` (a safe site build), ``afterno links`` (external links, online) and
``afterno schema`` (rewrite content/schema/ after changing the model).

Run it from the project folder (or pass ``--content``). Only ``build`` needs MkDocs. This module only parses
the command line; the commands that read content/ are in commands.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def content_root(value: str | None) -> Path:
    """The content folder: ``value`` if given, else ``content/`` of the project folder this is run in or under."""
    if value:
        return Path(value)
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder / "content"
    return here / "content"


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into a fresh folder and swap it in only if the build succeeds."""
    # Imported here, as in cmd_links: 'afterno check' should not pay for what only these commands use.
    from .publish import build_atomically, site_url_problem

    project = content_root(args.content).parent
    site_dir = Path(args.site_dir) if args.site_dir else project / "site"
    # A published site must not point its canonical links, sitemap and QR codes at this computer.
    problem = None if args.local_preview else site_url_problem(os.environ.get("SITE_URL"))
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return build_atomically(project, site_dir, generator=args.generator)


def cmd_links(args: argparse.Namespace) -> int:
    """Check every external link of the built site online (needs the internet; not part of the tests)."""

    project = content_root(args.content).parent
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
    check.set_defaults(run="cmd_check")
    commands.add_parser("schema", help="rewrite content/schema/ from the model").set_defaults(run="cmd_schema")
    translate = commands.add_parser("translations", help="one language's to-do list, or --stamp translated files")
    translate.add_argument("language", help="the language code, e.g. de")
    translate.add_argument("--stamp", nargs="+", metavar="FILE", help="record that FILE now matches the English")
    translate.set_defaults(run="cmd_translations")
    commands.add_parser("coverage", help="source points and the steps that use them").set_defaults(run="cmd_coverage")
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
        new_kind.set_defaults(run="cmd_new")
    rename = commands.add_parser(
        "rename", help="rename a step, guide, situation or checklist item; the old id keeps working"
    )
    rename.add_argument("kind", choices=["step", "guide", "situation", "item"])
    rename.add_argument("old", help="the current id")
    rename.add_argument("new", help="the new id")
    rename.set_defaults(run="cmd_rename")
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
    run = args.run
    if isinstance(run, str):
        # The commands that read content/ live in commands.py, imported only when one of them runs.
        from . import commands

        run = getattr(commands, run)
    try:
        result: int = run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # Later writes, and the flush at exit, go nowhere rather than into a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
