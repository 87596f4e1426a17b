"""Links from content text to pages of this site: each leads to a page the build makes, and to an anchor on it.

The texts of content are shown on pages one folder deep (``guides/x.md``, ``steps/index.md``,
``handout/x.md``), so a link is read from there, as MkDocs reads it: the relative path of the page's
Markdown file, ``../guides/keep-going.md#stay-motivated``. An address from the site's root
(``/guides/keep-going/``) or a page's address (``../keep-going/``) is refused by the build, and would
break under a site published in a folder, so the message gives the file's path instead. Anchors are
checked on the pages whose anchors come from content (guides, situations, templates, the checklist);
a link to an anchor of the same page (``#x``) is checked on the pages the file's text is shown on.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .anchors import hand_written_anchors
from .edit import PAGE_SOURCES
from .errors import Problem
from .model import Content
from .published import FIXED_ANCHORS, guide_pages, hand_written_pages
from .yamlsafe import Mark

#: An inline link's address (``](address``) or a reference definition's (``[name]: address``).
LINK = re.compile(r"\]\(\s*+(?P<inline>[^)\n]++)|^[ ]{0,3}\[[^\]\n]++\]:[ \t]*+(?P<reference>\S++)", re.MULTILINE)
#: A link's address followed by its title in quotes or brackets (``](page.md "Title")``).
TITLED = re.compile(r"(.+?)\s++(?:\x22[^\x22]*+\x22|'[^']*+')\Z")
#: An address with a scheme (https:, mailto:) or another host: the text rules check those.
EXTERNAL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*+:|//|\\")
#: Where content text is shown: a page one folder below the site's root.
SHOWN_IN = "guides"

#: The site's pages by source path, each with the anchors a link may name (None: not known here).
Pages = Mapping[str, frozenset[str] | None]


def internal_links(text: str) -> Iterator[tuple[int, str]]:
    """Each link of ``text`` to this site, with the offset of its address in the text."""
    for match in LINK.finditer(text):
        group = "inline" if match.group("inline") else "reference"
        address = match.group(group).rstrip()
        titled = TITLED.match(address)
        address = titled.group(1) if titled else address
        if not EXTERNAL.match(address):
            yield match.start(group), address


#: The page each kind of content file is shown on, by the folder or file it is in.
_SHOWN_ON = {
    "content/situations/": "situations/index.md",
    "content/templates/": "templates/index.md",
    "content/checklist.yml": "checklist/index.md",
    "content/phases.yml": "checklist/index.md",
}


def own_pages(shown: str, content: Content) -> list[str]:
    """The pages the text of the file ``shown`` appears on (a step: each guide that lists it); [] when not known."""
    tail = shown.split("/translations/", 1)[1].split("/", 1)[1] if "/translations/" in shown else ""
    path = f"content/{tail}" if tail else shown
    if path.startswith("content/steps/"):
        step = path.removeprefix("content/steps/").removesuffix(".yml")
        return [f"guides/{g.id}.md" for g in content.guides if step in {ref.id for ref in g.steps}]
    if path.startswith("content/guides/"):
        return [f"guides/{path.removeprefix('content/guides/')}".removesuffix(".yml") + ".md"]
    return [page for prefix, page in _SHOWN_ON.items() if path.startswith(prefix)]


def same_page_problem(address: str, shown: str, pages: Pages, content: Content) -> str | None:
    """Why ``#anchor`` in the file ``shown`` leads nowhere on the page its text is shown on, or None."""
    anchor = address[1:]
    known = [pages.get(page) for page in own_pages(shown, content)]
    if not known or any(anchors is None for anchors in known):
        return None
    anchors = frozenset().union(*(a for a in known if a is not None))
    if anchor in anchors:
        return None
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
    hint = f"Did you mean '#{close[0]}'?" if close else f"The anchors there are: {listing(anchors)}."
    return f"links to '{address}', but the page this text is shown on has no anchor '{anchor}'. {hint}"


#: A page's anchors are listed in full up to this many (the sources page has one per point).
MAX_LISTED = 12


def listing(anchors: Iterable[str]) -> str:
    """The anchors, sorted, the first ``MAX_LISTED`` of them when there are more."""
    names = sorted(anchors)
    more = f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else ""
    return ", ".join(names[:MAX_LISTED]) + more


def site_pages(
    content: Content, project: Path, declared_guides: Iterable[str] = ()
) -> dict[str, frozenset[str] | None]:
    """Every page the build makes from ``content`` and ``project``'s docs/, with its anchors where content sets them.

    A guide declared by a file too broken to load (``declared_guides``) has a page whose anchors are not known.
    """
    pages: dict[str, frozenset[str] | None] = dict.fromkeys(PAGE_SOURCES)
    pages.update((f"guides/{guide_id}.md", None) for guide_id in declared_guides)
    pages.update((f"guides/{name}.md", frozenset(anchors)) for name, anchors in guide_pages(content).items())
    pages.update((f"handout/{situation.id}.md", None) for situation in content.situations)
    situations = {name for s in content.situations for name in (s.id, *s.replaces)}
    pages["situations/index.md"] = frozenset(situations | FIXED_ANCHORS["/situations/"])
    pages["templates/index.md"] = frozenset(template.id for template in content.templates)
    items = {name for item in content.checklist_items for name in (item.id, *item.replaces)}
    pages["checklist/index.md"] = frozenset(items | {p.id for p in content.phases} | FIXED_ANCHORS["/checklist/"])
    # The sources page: its title (in English), each source, each point, the table of backing.
    points = {point.id for source in content.sources for point in source.points}
    pages["sources/index.md"] = frozenset({"sources", "backing", *(s.id for s in content.sources), *points})
    for address in hand_written_pages(project / "docs"):
        stem = address.strip("/")
        pages[f"{stem}/index.md" if f"{stem}/index.md" in pages else f"{stem or 'index'}.md"] = None
    pages.update(hand_written_anchors(project / "docs"))
    return pages


def href(src: str, base: str) -> str:
    """How a text in the folder ``base`` links to the page ``src``; content's texts, shown in several folders,
    write the path from the site's root down (``../guides/x.md``)."""
    return f"../{src}" if base == SHOWN_IN else posixpath.relpath(src, base or ".")


def _candidates(address: str, base: str) -> tuple[list[str], bool]:
    """The source paths ``address`` (without its anchor) may name from a page in the folder ``base``, and whether
    it is written as one already."""
    absolute = address.startswith("/")
    if address.endswith(".md") and not absolute:
        return [posixpath.normpath(posixpath.join(base, address))], True
    # A page's address is read from the address of a page shown there, one folder deeper than its file (and, as
    # a contributor may have meant, from the file's folder).
    paths = (
        [address.lstrip("/")] if absolute else [posixpath.join(base, "page", address), posixpath.join(base, address)]
    )
    candidates = []
    for path in paths:
        stem = posixpath.normpath(path).removesuffix(".md").strip("/")
        stem = "" if stem in (".", "index") else stem
        candidates += [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
    return candidates, False


def link_problem(address: str, pages: Pages, content: Content, base: str = SHOWN_IN) -> str | None:
    """Why the link ``address`` in a text shown in the folder ``base`` (content's: one folder deep) does not lead
    where the build can take it, or None."""
    if any(char.isspace() for char in address):
        fixed = re.sub(r"\s+", "-", address)
        then = link_problem(fixed, pages, content, base)
        spaced = f"links to '{address}', which has a space in it; addresses have hyphens in its place."
        return f"{spaced} Write {fixed}" if then is None else f"{spaced} With hyphens it {then}"
    path, _, anchor = address.partition("#")
    fragment = f"#{anchor}" if anchor else ""
    candidates, as_file = _candidates(path, base)
    src = next((one for one in candidates if one in pages), None)
    if src is None:
        return _no_page(address, candidates[0], pages, base)
    anchors = pages[src]
    if anchor and anchors is not None and anchor not in anchors:
        return _no_anchor(address, src, anchor, anchors, content, base)
    if not as_file:
        where = "an address from the site's root" if path.startswith("/") else "a page's address"
        return (
            f"links to '{address}', {where}, which the build cannot follow. "
            f"Link to the page's file instead: {href(src, base)}{fragment}"
        )
    return None


def _no_page(address: str, src: str, pages: Pages, base: str) -> str:
    folder = posixpath.dirname(src)
    siblings = sorted(page for page in pages if posixpath.dirname(page) == folder) if folder else []
    names = {posixpath.basename(page): page for page in siblings if not page.endswith("/index.md")}
    close = difflib.get_close_matches(posixpath.basename(src), list(names), n=1)
    index = f"{folder}/index.md"
    if not close and index in pages and difflib.get_close_matches(posixpath.basename(src), ["index.md"], n=1):
        close = [index]  # sources/indx.md
    if not close and not siblings:
        close = [page for page in difflib.get_close_matches(src, sorted(pages), n=1)]
    if close:
        hint = f"Did you mean {href(names.get(close[0], close[0]), base)}?"
    elif siblings:
        hint = f"The pages there are: {', '.join(href(page, base) for page in siblings)}."
    else:
        hint = f"Link to a page's file, such as {href('guides/first-48-hours.md', base)}."
    return f"links to '{address}', but the site has no page {src}. {hint}"


def _no_anchor(address: str, src: str, anchor: str, anchors: frozenset[str], content: Content, base: str) -> str:
    if src.startswith("guides/"):
        guide = src.removeprefix("guides/").removesuffix(".md")
        home = next((g.id for g in content.guides if anchor in {ref.id for ref in g.steps}), None)
        if home is not None:
            return (
                f"links to '{address}', but the step '{anchor}' is in the guide '{home}', not '{guide}'. "
                f"Write {href(f'guides/{home}.md', base)}#{anchor}"
            )
        what, listed = f"the guide '{guide}' has no step '{anchor}'", "Its steps are"
    else:
        what, listed = f"the page {href(src, base)} has no anchor '{anchor}'", "Its anchors are"
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
    hint = f"Did you mean '{close[0]}'?" if close else f"{listed}: {listing(anchors)}."
    return f"links to '{address}', but {what}. {hint}"


def link_problems(links: Iterable[tuple[str, str, Mark, str]], pages: Pages, content: Content) -> list[Problem]:
    """A problem for each link (file, field, where its text starts, the text) that does not lead to its place."""
    problems = []
    for shown, name, mark, text in links:
        for offset, address in internal_links(text):
            if address.startswith("#"):
                why = same_page_problem(address, shown, pages, content)
            else:
                why = link_problem(address, pages, content)
            if why is not None:
                at = mark.at(offset)
                problems.append(Problem(shown, at.line, at.column, f"'{name}' {why}"))
    return problems
