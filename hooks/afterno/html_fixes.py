"""Small corrections to the theme's HTML that cannot be made in a template block.

Each would otherwise need a copy of one of Material's templates kept in step with the theme:

- its base.html gives its menu and search toggles (``<input type="checkbox">``) ``autocomplete="off"``,
  which HTML does not allow on checkboxes, so the Nu HTML Checker rejects every page. Without it a
  browser may restore a toggle's state on back/forward, which at worst leaves the menu open;
- its nav-item.html writes ``tabindex=""`` on the labels of navigation sections, and an empty
  tabindex is not valid HTML (a browser ignores it, so removing it changes nothing for readers);
- its toc.html labels the table of contents ``for="__toc"``, a toggle that nav-item.html writes only for
  pages in the navigation; on a page outside it (a situation's handout) the label points at nothing, which
  the Nu HTML Checker rejects, so the ``for`` goes there (it toggled nothing);
- Python-Markdown's toc (``permalink`` in mkdocs.yml) gives the page's title a link to itself too, which
  nobody needs (the page's address is that link) and which puts a "¶" into the title's text: it goes;
- Python-Markdown (md_in_html) writes a bare attribute as ``hidden="hidden"`` or ``data-atn-js="data-atn-js"``:
  the same meaning in fewer bytes as ``hidden`` (a translated /checklist/ carries some 100 of them);
- its search.html gives the search ``role="dialog"`` no name (axe: aria-dialog-name); the dialog
  is named with the theme's own word for search, taken from the search options inside it.

Plain string work: no MkDocs here.

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
_EMPTY_TABINDEX = ' tabindex=""'
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'
_SEARCH_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"<>]*)"')


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


def _inside_a_tag(html: str, index: int) -> bool:
    """Whether ``index`` falls inside a start tag (between ``<name`` and its ``>``), not in text."""
    tag = html.rfind("<", 0, index)
    return tag != -1 and html[tag + 1 : tag + 2].isalpha() and html.find(">", tag, index) == -1


def empty_tabindex_edits(html: str) -> list[Edit]:
    """Edits that remove every empty ``tabindex=""`` attribute (and the space before it) from the tags of ``html``."""
    edits: list[Edit] = []
    found = html.find(_EMPTY_TABINDEX)
    while found != -1:
        end = found + len(_EMPTY_TABINDEX)
        if _inside_a_tag(html, found):
            edits.append((found, end, ""))
        found = html.find(_EMPTY_TABINDEX, end)
    return edits


def search_dialog_name_edits(html: str) -> list[Edit]:
    """An edit that names the theme's search dialog with the label of the search options inside it."""
    start = html.find(_SEARCH_DIALOG)
    if start == -1:
        return []
    end = start + len(_SEARCH_DIALOG)
    name = _SEARCH_NAME.search(html, end)
    if not html.startswith(">", end) or name is None:
        return []
    return [(end, end, f' aria-label="{name.group(1)}"')]


_TOC_FOR = ' for="__toc"'


def orphan_toc_label_edits(html: str) -> list[Edit]:
    """Edits that remove ``for="__toc"`` from labels when the page has no ``__toc`` toggle."""
    if 'id="__toc"' in html:
        return []
    edits: list[Edit] = []
    found = html.find(_TOC_FOR)
    while found != -1:
        if _inside_a_tag(html, found):
            edits.append((found, found + len(_TOC_FOR), ""))
        found = html.find(_TOC_FOR, found + len(_TOC_FOR))
    return edits


#: The toc's permalink at the end of a page's title.
TITLE_PERMALINK = re.compile(r'<a class="headerlink" href="#[^"]*" title="[^"]*">¶</a></h1>')


def title_permalink_edits(html: str) -> list[Edit]:
    """Remove the permalink from each ``<h1>`` (the page's title), keeping the closing tag."""
    return [(match.start(), match.end(), "</h1>") for match in TITLE_PERMALINK.finditer(html)]


#: An attribute written with its own name as its value (in a page's text the quotes would be &quot;).
_SELF_VALUED = re.compile(r' (hidden|data-[a-z-]+)="\1"')


def self_valued_attribute_edits(html: str) -> list[Edit]:
    """Write ``hidden="hidden"`` and ``data-x="data-x"`` as the bare attribute."""
    return [(match.start(), match.end(), f" {match[1]}") for match in _SELF_VALUED.finditer(html)]


def theme_fix_edits(html: str) -> list[Edit]:
    """Every correction this module makes to a page of the theme's, as edits."""
    return (
        checkbox_autocomplete_edits(html)
        + empty_tabindex_edits(html)
        + search_dialog_name_edits(html)
        + orphan_toc_label_edits(html)
        + title_permalink_edits(html)
        + self_valued_attribute_edits(html)
    )


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
