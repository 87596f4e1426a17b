"""Small corrections to the theme's HTML that cannot be made in a template block.

Material's base.html gives its menu and search toggles (``<input type="checkbox">``)
``autocomplete="off"``, which HTML does not allow on checkboxes, so the Nu HTML Checker
rejects every page. Without it a browser may restore a toggle's state on back/forward,
which at worst leaves the menu open. Plain string work: no MkDocs here.

Corrections are found as edits (start, end, replacement) so that several of them, and the
Content-Security-Policy tag, are applied to a page in one copy: on a large site the pages are
most of what the build handles, and each full copy of them costs time.
"""

from __future__ import annotations

import re

#: A change to a page: replace ``html[start:end]`` with the text.
Edit = tuple[int, int, str]

#: The attribute is found first, with a plain text search: a page holds a handful, and matching
#: every ``<input`` tag with a regular expression costs a slower pass over the whole page (most of a
#: large page is navigation and text). The theme writes its markup in lowercase; a checkbox written
#: otherwise would keep its attribute, and the Nu HTML Checker test would name it.
_ATTRIBUTE = 'autocomplete="'
_INPUT = re.compile(r"<input\b", re.IGNORECASE)
_CHECKBOX = re.compile(r'\btype="checkbox"', re.IGNORECASE)


def checkbox_autocomplete_edits(html: str) -> list[Edit]:
    """Edits that remove ``autocomplete`` (and the spaces before it) from every checkbox in ``html``."""
    edits: list[Edit] = []
    found = html.find(_ATTRIBUTE)
    while found != -1:
        value_end = html.find('"', found + len(_ATTRIBUTE))
        if value_end == -1:
            break
        attribute_end = value_end + 1
        tag = html.rfind("<", 0, found)
        end = html.find(">", attribute_end)
        start = found
        while start > tag and html[start - 1].isspace():
            start -= 1
        inside_checkbox = (
            tag != -1
            and end != -1
            and html.find(">", tag, found) == -1
            and _INPUT.match(html, tag) is not None
            and _CHECKBOX.search(html, tag, end) is not None
        )
        if inside_checkbox and start < found:
            edits.append((start, attribute_end, ""))
        found = html.find(_ATTRIBUTE, attribute_end)
    return edits


def apply_edits(html: str, edits: list[Edit]) -> str:
    """Return ``html`` with every edit made, in one copy.

    Raises:
        ValueError: two edits overlap (their order would decide the result).
    """
    if not edits:
        return html
    parts: list[str] = []
    kept = 0
    for start, end, text in sorted(edits):
        if start < kept:
            raise ValueError(f"two changes to the page overlap at character {start}")
        parts += [html[kept:start], text]
        kept = end
    parts.append(html[kept:])
    return "".join(parts)


def remove_checkbox_autocomplete(html: str) -> str:
    """Return ``html`` with ``autocomplete`` removed from every checkbox, where HTML does not allow it."""
    return apply_edits(html, checkbox_autocomplete_edits(html))
