"""Render the content model into Markdown pages, through Jinja2 templates that escape by default.

Nothing here knows about MkDocs: the result is a mapping from a page's source path
(``guides/first-48-hours.md``) to its Markdown text, plus the navigation as plain data,
so another static site generator could take the same pages.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .checklist_view import checklist_sections
from .counts import in_words
from .model import (
    FILE_KINDS,
    TEMPLATE_FIELD,
    TYPE_WORDS,
    ChecklistItem,
    Content,
    Guide,
    Ref,
    Situation,
    Step,
    schema_line,
)
from .share import mailto_href, qr_svg

TEMPLATES = Path(__file__).parent / "templates"
MARKER = re.compile(r"^<!-- afterno:([a-z-]+) -->$", re.MULTILINE)
#: Snippets a hand-written page may pull in with a marker line.
MARKERS = ("situation-picker", "careers-links")

#: Pages the hooks generate, by source path; guides add one page each under guides/.
GENERATED_INDEXES = {
    "guides": "guides/index.md",
    "steps": "steps/index.md",
    "checklist": "checklist/index.md",
    "situations": "situations/index.md",
    "templates": "templates/index.md",
    "sources": "sources/index.md",
    "contributing": "contributing/index.md",
    "handout": "handout/index.md",
}


@functools.cache
def template_environment() -> Environment:
    """The Jinja2 environment of the generated pages: one per process, so ``mkdocs serve`` compiles each
    template once, not on every rebuild (templates are part of the code: restart serve after editing them)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["yaml_string"] = _yaml_string
    env.filters["message_html"] = _message_html
    env.filters["url"] = normalise_url
    env.filters["markdown_text"] = _markdown_text
    env.filters["mailto"] = mailto_href
    env.filters["qr_svg"] = qr_svg
    env.filters["in_words"] = in_words
    return env


def guide_path(guide: Guide | str) -> str:
    """The source path of a guide's page."""
    guide_id = guide if isinstance(guide, str) else guide.id
    return f"guides/{guide_id}.md"


@functools.cache
def page_url(src: str) -> str:
    """The directory URL MkDocs gives a page (``use_directory_urls``), relative to the site root."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@functools.cache
def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from one page's source to another's (MkDocs checks these)."""
    fragment = f"#{anchor}" if anchor else ""
    if from_src == to_src:
        return fragment or posixpath.basename(to_src)
    rel = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return rel + fragment


@functools.cache
def html_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A URL for raw HTML from one built page to another (MkDocs does not rewrite these)."""
    fragment = f"#{anchor}" if anchor else ""
    start, target = page_url(from_src), page_url(to_src)
    if start == target:
        return fragment or "./"
    rel = posixpath.relpath(target or ".", start or ".")
    return ("./" if rel == "." else rel + "/") + fragment


@dataclass(frozen=True)
class NavEntry:
    """One navigation entry: a title and a page source path, or a title and children."""

    title: str
    src: str | None = None
    children: tuple[NavEntry, ...] = ()

    def to_mkdocs(self) -> dict[str, Any] | str:
        """The entry in the shape of MkDocs' ``nav`` setting."""
        if self.children:
            return {self.title: [child.to_mkdocs() for child in self.children]}
        return {self.title: self.src}


class Renderer:
    """Renders every generated page of the site from one loaded ``Content``."""

    def __init__(self, content: Content, site_url: str = "") -> None:
        self.content = content
        self.site_url = site_url
        self.env = template_environment()

    def _render(self, template: str, src: str, **values: Any) -> str:
        content = self.content
        steps = content.step_by_id

        def step_link(step_id: str, html: bool = False) -> str:
            guide = content.home_guide(step_id)
            link = html_link if html else md_link
            return link(src, guide_path(guide), step_id)

        def page_link(name: str, anchor: str = "", html: bool = False) -> str:
            link = html_link if html else md_link
            return link(src, GENERATED_INDEXES.get(name, name), anchor)

        def guide_link(guide_id: str, anchor: str = "") -> str:
            return md_link(src, guide_path(guide_id), anchor)

        def keywords_of(items: Iterable[Step | Situation | Ref]) -> list[str]:
            """The search keywords of steps (or references to them) and situations, each once, in order."""
            found = (steps[item.id] if isinstance(item, Ref) else item for item in items)
            return list(dict.fromkeys(word for item in found for word in item.keywords))

        return self.env.get_template(template).render(
            guide_link=guide_link,
            keywords_of=keywords_of,
            content=content,
            src=src,
            steps=steps,
            phases=content.phase_by_id,
            situations=content.situation_by_id,
            points=content.points,
            step_link=step_link,
            page_link=page_link,
            source_count=len(content.sources),
            templates_for=content.templates_for,
            applies_note=self.applies_note,
            site_url=self.site_url,
            checklist_sections=lambda: checklist_sections(
                content, lambda step_id: step_link(step_id, html=True), self.applies_note
            ),
            **values,
        )

    def applies_note(self, item: ChecklistItem) -> str:
        """Who a checklist item is for, in words: the content's ``skip_note`` ('' for an item for everyone).

        An item without one falls back to the shorter list, 'Only if: …' or 'Not if: …'; the content tests
        require the phrase, so readers never see that list.
        """
        if item.applies_to is None:
            return ""
        if item.skip_note:
            return item.skip_note
        applies = {ref.id for ref in item.applies_to}
        others = [s.title for s in self.content.situations if s.id not in applies]
        if len(others) < len(applies):
            return "Not if: " + "; ".join(others)
        titles = self.content.situation_by_id
        return "Only if: " + "; ".join(titles[ref.id].title for ref in item.applies_to)

    def pages(self) -> dict[str, str]:
        """Every generated page: source path to Markdown text."""
        content = self.content
        # Each index page has its own template, named after it (checklist -> checklist.md.j2).
        extra = {"contributing": {"kinds": FILE_KINDS, "schema_line": schema_line, "type_words": TYPE_WORDS}}
        pages = {
            src: self._render(f"{name}.md.j2", src, **extra.get(name, {})) for name, src in GENERATED_INDEXES.items()
        }
        for guide in content.guides:
            src = guide_path(guide)
            pages[src] = self._render("guide.md.j2", src, guide=guide)
        return pages

    def fill_markers(self, markdown: str, src: str) -> str:
        """Replace each ``<!-- afterno:NAME -->`` line with the snippet template ``NAME.md.j2``."""

        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in MARKERS:
                raise ValueError(f"{src}: unknown marker afterno:{name}; known markers: {', '.join(MARKERS)}")
            return self._render(f"{name}.md.j2", src)

        return MARKER.sub(fill, markdown)

    def nav(self, extra: list[NavEntry] | None = None) -> list[NavEntry]:
        """The site navigation, with the hand-written pages in ``extra`` placed after the plan."""
        guides = tuple(
            [NavEntry("All guides", GENERATED_INDEXES["guides"])]
            + [NavEntry(guide.title, guide_path(guide)) for guide in self.content.guides]
        )
        entries = [
            NavEntry("Home", "index.md"),
            NavEntry("Checklist", GENERATED_INDEXES["checklist"]),
            NavEntry("Guides", children=guides),
            NavEntry("What did they say?", GENERATED_INDEXES["situations"]),
            NavEntry("Message templates", GENERATED_INDEXES["templates"]),
            NavEntry("All steps", GENERATED_INDEXES["steps"]),
            NavEntry("Sources", GENERATED_INDEXES["sources"]),
            NavEntry("Printable handout", GENERATED_INDEXES["handout"]),
        ]
        return [*entries, *(extra or []), NavEntry("Contributing", GENERATED_INDEXES["contributing"])]


def normalise_url(url: str) -> str:
    """Decode percent-encoded unreserved characters (RFC 3986 section 6.2.2.2): the same address, as people read it."""

    def decode(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char.isascii() and (char.isalnum() or char in "-._~") else match.group(0)

    return re.sub(r"%([0-9A-Fa-f]{2})", decode, url)


def _markdown_text(text: str) -> str:
    """Backslash-escape the characters Markdown would read as formatting, so the text shows as written."""
    return re.sub(r"([\\`*_{}\[\]])", r"\\\1", text)


def _yaml_string(value: str) -> Markup:
    """Quote a value for YAML front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e"))


def _message_html(text: str) -> Markup:
    """Escape a message and mark its {placeholders} so scripts and print styles can find them."""
    parts: list[str] = []
    last = 0
    for match in TEMPLATE_FIELD.finditer(text):
        parts.append(str(escape(text[last : match.start()])))
        name = escape(match.group(1))
        parts.append(f'<span class="atn-slot" data-slot="{name}">{{{name}}}</span>')
        last = match.end()
    parts.append(str(escape(text[last:])))
    return Markup("".join(parts))
