"""Hand-written pages under docs/: each one joins the navigation without any code change.

A page's place comes from its front matter: ``nav_order`` (a whole number; lower comes first, pages
without one come last) and ``title`` (else its first ``# heading``, else its file name). They follow
the built-in pages in the navigation. Plain Python, no MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

#: The key of a page's front matter that orders it among the hand-written pages.
ORDER_KEY = "nav_order"
#: The folder of the site's own CSS, JavaScript and images: nothing in it is a page to translate.
ASSETS = "assets"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)
HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class DocsPage:
    """One hand-written Markdown page: its path inside docs/, navigation title and order."""

    src: str
    title: str
    order: int | None


def _page(docs: Path, path: Path) -> DocsPage:
    src = path.relative_to(docs).as_posix()
    text = path.read_text(encoding="utf-8-sig")
    meta: object = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1) or "") or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise ValueError(
                f"docs/{src}:{line}:1: the front matter is not valid YAML. Check the lines between ---."
            ) from None
    if not isinstance(meta, dict):
        raise ValueError(f"docs/{src}:2:1: the front matter must be 'key: value' lines between two --- lines.")
    order = meta.get(ORDER_KEY)
    if order is not None and (isinstance(order, bool) or not isinstance(order, int)):
        line = 1 + next(
            (
                n
                for n, text_line in enumerate((match.group(0) if match else "").splitlines())
                if text_line.startswith(ORDER_KEY)
            ),
            1,
        )
        raise ValueError(f"docs/{src}:{line}:1: '{ORDER_KEY}' must be a whole number, such as {ORDER_KEY}: 30.")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        heading = HEADING.search(text[match.end() if match else 0 :])
        title = heading.group(1) if heading else path.stem.replace("-", " ").capitalize()
    return DocsPage(src, title.strip(), order)


def docs_pages(docs: Path, skip: set[str]) -> list[DocsPage]:
    """Every Markdown page under ``docs`` except those in ``skip``, in navigation order.

    Raises:
        ValueError: ``docs/file:line:column: message`` when a page's front matter cannot be read.
    """
    pages = [
        _page(docs, path)
        for path in sorted(docs.rglob("*.md"))
        if path.relative_to(docs).as_posix() not in skip
        and not any(part.startswith((".", "_")) for part in path.relative_to(docs).parts)
    ]
    return sorted(pages, key=lambda page: (page.order is None, page.order or 0, page.title.lower(), page.src))


def translatable_pages(docs: Path) -> dict[str, Path]:
    """Every hand-written page under ``docs`` that is translated, by its page id: its path there without .md
    (``about``, ``local/printing``). Files in assets/ and in folders or files starting with . or _ are not pages.
    """
    if not docs.is_dir():
        return {}
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        parts = path.relative_to(docs).parts
        if parts[0] == ASSETS or any(part.startswith((".", "_")) for part in parts):
            continue
        pages[path.relative_to(docs).with_suffix("").as_posix()] = path
    return pages
