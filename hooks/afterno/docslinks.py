"""Links in the hand-written pages (``docs/*.md``) and in their translations (a translated page's ``body``).

The rules and words are content text's (``textlinks``): each link leads to a page the build makes and to
an anchor on it, with "Did you mean" when one is close, and only https: and mailto: lead elsewhere. A link
in a hand-written page is read from that page's own folder (``sources/index.md`` in ``docs/about.md``), as
MkDocs reads it; ``#anchor`` is looked up on the page itself. A translated page keeps its English page's
folder, and its anchors are those of its own headings.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from .anchors import body_of, markdown_anchors
from .edit import QR_FOLDER
from .errors import Problem
from .model import Content
from .textlinks import Pages, internal_links, link_problem, listing
from .textrules import link_scheme_finding
from .yamlsafe import Mark

#: A blank line: the link rules read a page one block at a time, so that each block's first refusal is found.
BLANK = re.compile(r"\n[ \t]*\n")
#: A text of a translation file: the file, its key, where it starts, the text.
Link = tuple[str, str, Mark, str]


def _same_page(address: str, anchors: frozenset[str] | None) -> str | None:
    """Why ``#anchor`` leads nowhere on the page that holds it, or None (also when its anchors are not known)."""
    anchor = address[1:]
    if anchors is None or anchor in anchors:
        return None
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
    hint = f"Did you mean '#{close[0]}'?" if close else f"Its anchors are: {listing(anchors)}."
    return f"links to '{address}', but this page has no anchor '{anchor}'. {hint}"


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Each block of ``text`` between blank lines, with its offset."""
    start = 0
    for gap in BLANK.finditer(text):
        yield start, text[start : gap.start()]
        start = gap.end()
    yield start, text[start:]


def _no_file(address: str, base: str, docs: Path) -> str | None:
    """Why a link to a file that is not a page (``assets/x.pdf``) leads nowhere, or None: docs/ holds it, or the
    build writes it (the QR codes)."""
    path = posixpath.normpath(posixpath.join(base, address.partition("#")[0].partition("?")[0]))
    if path.startswith(f"{QR_FOLDER}/") or (docs / path).is_file():
        return None
    return f"links to '{address}', but there is no file {docs.name}/{path}. Check its name and folder."


def page_problems(
    text: str, src: str, site: tuple[Pages, Path], content: Content, schemes: bool = True
) -> Iterator[tuple[int, str]]:
    """Each link of the page ``src``'s ``text`` that leads nowhere (or, with ``schemes``, off https: and mailto:):
    its offset in the text and why. ``site`` holds the site's pages and the docs/ folder (for the other files)."""
    pages, docs = site
    base = posixpath.dirname(src)
    for offset, address in internal_links(text):
        if address.startswith("#"):
            why = _same_page(address, pages.get(src))
        elif posixpath.splitext(address.partition("#")[0])[1] not in ("", ".md") and not address.startswith("/"):
            why = _no_file(address, base, docs)
        else:
            why = link_problem(address, pages, content, base)
        if why is not None:
            yield offset, why
    if schemes:
        for start, block in _blocks(text):
            finding = link_scheme_finding(block)
            if finding is not None:
                yield start + finding[1], finding[0]


def _position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (1-based) of the character ``offset`` of ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def docs_link_problems(docs: Path, pages: Pages, content: Content) -> list[Problem]:
    """A problem for each link of the hand-written pages under ``docs`` that does not lead to its place."""
    problems: list[Problem] = []
    if not docs.is_dir():
        return problems
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        if any(part.startswith((".", "_")) for part in path.relative_to(docs).parts):
            continue
        text = path.read_text(encoding="utf-8-sig")
        start, body = body_of(text)
        for offset, why in page_problems(body, src, (pages, docs), content):
            line, column = _position(text, start + offset)
            problems.append(Problem(f"{docs.name}/{src}", line, column, f"this page {why}"))
    return problems


def translated_page_problems(
    links: list[Link], translated: tuple[dict[str, str], dict[str, str]], site: tuple[Pages, Path], content: Content
) -> list[Problem]:
    """A problem for each link in the translated pages' ``body`` texts (``links``) of one language that leads
    nowhere. ``translated`` holds that language's page bodies by page id, whose headings give its pages' anchors,
    and each translation file's page id (a page in a folder, ``local/printing``, reads its links from there)."""
    pages, docs = site
    bodies, files = translated
    own = {**pages, **{f"{page_id}.md": markdown_anchors(body) for page_id, body in bodies.items()}}
    problems = []
    for shown, name, mark, text in links:
        if name != "body":
            continue
        # A file whose item was not kept (a duplicate, a schema problem) is read from its file name.
        src = f"{files.get(shown, Path(shown).stem)}.md"
        # The scheme rules ran over every translated text already.
        for offset, why in page_problems(text, src, (own, docs), content, schemes=False):
            at = mark.at(offset)
            problems.append(Problem(shown, at.line, at.column, f"'{name}' {why}"))
    return problems
