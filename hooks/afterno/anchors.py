"""The anchors of a hand-written page, read from its Markdown as the build makes them, without building.

A heading's anchor is its ``{ #id }``, else its text as the ``toc`` extension turns it into an id
(``## What this site is not`` -> ``what-this-site-is-not``); an HTML element's is its ``id="..."``.
A marker line (``<!-- afterno:careers-links -->``) brings the anchors its snippet template writes.
Plain Python, no MkDocs.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify

from .docs_pages import FRONT_MATTER

TEMPLATES = Path(__file__).parent / "templates"
#: An ATX heading: its text, and its attribute list if it has one.
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t#]*(?:\{(?P<attrs>[^}\n]*)\})?[ \t]*$", re.MULTILINE)
#: An id written out: in a heading's attribute list (``{ #id }``) or on an HTML element (``id="id"``).
WRITTEN_ID = re.compile(r"(?:\{[^}\n]*?#|\bid=\x22)(?P<id>[A-Za-z0-9][A-Za-z0-9_-]*)")
MARKER = re.compile(r"^<!-- afterno:([a-z-]+) -->$", re.MULTILINE)
#: A link's text kept, its address dropped; emphasis and code marks dropped (as the heading reads).
_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def body_of(text: str) -> tuple[int, str]:
    """Where a page's text starts after its front matter, and that text."""
    match = FRONT_MATTER.match(text)
    start = match.end() if match else 0
    return start, text[start:]


def heading_anchor(text: str, attrs: str | None) -> str:
    """The anchor the build gives a heading: its ``{ #id }``, else its text made into an id."""
    written = WRITTEN_ID.search("{" + attrs) if attrs else None
    if written:
        return written.group("id")
    plain = _LINK_TEXT.sub(r"\1", text).replace("*", "").replace("`", "").replace("_", " ")
    return str(slugify(plain.strip(), "-"))


def _template_anchors(name: str) -> frozenset[str]:
    """The ids a marker's snippet writes as they are (not those it makes from content)."""
    path = TEMPLATES / f"{name}.md.j2"
    if not path.is_file():
        return frozenset()
    return frozenset(match.group("id") for match in WRITTEN_ID.finditer(path.read_text(encoding="utf-8")))


def markdown_anchors(body: str) -> frozenset[str]:
    """Every anchor of a page's Markdown (without its front matter): its headings, ids and markers' anchors."""
    anchors = {heading_anchor(m.group("text"), m.group("attrs")) for m in HEADING.finditer(body)}
    anchors |= {match.group("id") for match in WRITTEN_ID.finditer(body)}
    for marker in MARKER.finditer(body):
        anchors |= _template_anchors(marker.group(1))
    return frozenset(anchor for anchor in anchors if anchor)


def hand_written_anchors(docs: Path) -> dict[str, frozenset[str]]:
    """The anchors of each hand-written page under ``docs``, by its path there (``about.md``)."""
    if not docs.is_dir():
        return {}
    return {
        path.relative_to(docs).as_posix(): markdown_anchors(body_of(path.read_text(encoding="utf-8-sig"))[1])
        for path in sorted(docs.rglob("*.md"))
        if not any(part.startswith((".", "_")) for part in path.relative_to(docs).parts)
    }
