"""The published addresses (``tests/public_urls.txt``) checked against the content, without building the site.

Careers centres print links to guides, steps, situations, templates and checklist items. Each
address in the list must keep leading somewhere: a removed or renamed id fails ``afterno check``
at once, with how to keep the old address (``afterno rename`` keeps old ids working). Addresses of
hand-written pages are checked for their page only; their anchors, and the files the build adds
(``/sitemap.xml``), are checked by the build's own test, which crawls the built site.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .edit import PAGE_SOURCES
from .errors import Problem
from .model import Content

PUBLIC_URLS = Path("tests") / "public_urls.txt"
#: Anchors of generated pages that are not ids from content/ (headings the page templates write).
FIXED_ANCHORS: dict[str, set[str]] = {
    "/situations/": {"words", "silence", "stage"},
    "/checklist/": {"your-notes", "keep-a-copy"},
}


def _aliases(item: object) -> tuple[str, ...]:
    """The old ids an item keeps (``replaces``), for kinds that have them."""
    return tuple(getattr(item, "replaces", ()))


def guide_pages(content: Content) -> dict[str, set[str]]:
    """Each guide page's name (its id or an old id) and the step anchors on it (ids and old ids)."""
    pages: dict[str, set[str]] = {}
    steps = content.step_by_id
    for guide in content.guides:
        anchors = {name for ref in guide.steps if ref.id in steps for name in (ref.id, *_aliases(steps[ref.id]))}
        for name in (guide.id, *_aliases(guide)):
            pages.setdefault(name, set()).update(anchors)
    return pages


def hand_written_pages(docs: Path) -> set[str]:
    """The addresses of the hand-written pages in docs/ (``about.md`` -> ``/about/``)."""
    pages = set()
    for path in docs.rglob("*.md"):
        stem = path.relative_to(docs).with_suffix("").as_posix()
        pages.add("/" if stem == "index" else "/" + stem.removesuffix("/index") + "/")
    return pages


def _rename_hint(kind: str, item_id: str) -> str:
    return (
        f"Careers centres have printed it. If you renamed the {kind}, give it back the id '{item_id}', then run "
        f"'afterno rename {kind} {item_id} NEW-ID', which keeps this address working."
    )


def address_problem(address: str, content: Content, hand_written: set[str]) -> str | None:
    """Why a published address no longer leads anywhere, or None when it still does."""
    page, _, anchor = address.partition("#")
    if not page.endswith("/"):
        return None  # A file the build writes (robots.txt, sitemap.xml): the build's test checks it.
    guides = guide_pages(content)
    if page.startswith("/guides/") and page != "/guides/":
        name = page.removeprefix("/guides/").rstrip("/")
        if name not in guides:
            return f"there is no guide '{name}'. {_rename_hint('guide', name)}"
        if anchor and anchor not in guides[name]:
            step = content.step_by_id.get(anchor)
            if step is not None:
                return f"the step '{anchor}' is no longer in this guide. Add it back to the steps of the guide {name}."
            return f"the guide '{name}' has no step '{anchor}'. {_rename_hint('step', anchor)}"
        return None
    generated = {"/" + src.removesuffix("index.md") for src in PAGE_SOURCES}
    if page not in generated and page not in hand_written:
        return f"there is no page at this address. Put back the page docs/{page.strip('/') or 'index'}.md."
    if not anchor or page not in ("/situations/", "/templates/", "/checklist/"):
        return None
    if anchor in FIXED_ANCHORS.get(page, set()):
        return None
    if page == "/situations/":
        names = {n for s in content.situations for n in (s.id, *_aliases(s))}
        return None if anchor in names else f"there is no situation '{anchor}'. {_rename_hint('situation', anchor)}"
    if page == "/templates/":
        if anchor in {t.id for t in content.templates}:
            return None
        return f"there is no message template '{anchor}'. Careers centres have printed it: give a template the id back."
    names = {p.id for p in content.phases} | {n for i in content.checklist_items for n in (i.id, *i.replaces)}
    return None if anchor in names else f"there is no checklist item '{anchor}'. {_rename_hint('item', anchor)}"


def published_addresses(path: Path) -> Iterable[tuple[int, str]]:
    """The addresses of the list, with their line numbers (comments and blank lines skipped)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        address = line.strip()
        if address and not address.startswith("#"):
            yield number, address


def published_address_problems(content: Content, project: Path) -> list[Problem]:
    """A problem for each address in the project's ``tests/public_urls.txt`` that no longer leads anywhere.

    A project without the list (a copy of content/ alone) has nothing to check.
    """
    path = project / PUBLIC_URLS
    if not path.is_file():
        return []
    hand_written = hand_written_pages(project / "docs")
    problems = []
    gone: set[str] = set()
    for number, address in published_addresses(path):
        page = address.partition("#")[0]
        if page in gone:
            continue  # The page itself is reported: one mistake, one message.
        why = address_problem(address, content, hand_written)
        if why is not None:
            if page == address:
                gone.add(page)
            problems.append(
                Problem(PUBLIC_URLS.as_posix(), number, 1, f"the published address {address} no longer exists: {why}")
            )
    return problems
