"""Render the content model into Markdown pages, through Jinja2 templates that escape by default.

Nothing here knows about MkDocs: the result is a mapping from a page's source path
(``guides/first-48-hours.md``) to its Markdown text, plus the navigation as plain data,
so another static site generator could take the same pages.
"""

from __future__ import annotations

import datetime
import functools
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from markupsafe import Markup, escape

from .checklist_view import checklist_sections, situations_not_served
from .counts import in_words
from .edit import QR_FOLDER, EditLinks
from .language_sites import LanguageVersion
from .localize import N_, words_in
from .model import (
    SCHEMA_KINDS,
    TEMPLATE_FIELD,
    TYPE_WORDS,
    Centre,
    ChecklistItem,
    ChecklistPhase,
    Content,
    Guide,
    Situation,
    schema_line,
)
from .publish import on_this_computer
from .share import mailto_href, qr_png, qr_svg, qr_svg_file

TEMPLATES = Path(__file__).parent / "templates"
MARKER = re.compile(r"^<!-- afterno:([a-z-]+) -->$", re.MULTILINE)
#: Snippets a hand-written page may pull in with a marker line.
MARKERS = ("situation-picker", "careers-links", "centre-languages", "centre-box", "maintainers", "report", "continue")

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
    "poster": "careers-centres/poster.md",
}
#: The page of a careers centre's own details and resources, made only when centre.yml is present.
CENTRE_PAGE = "your-careers-service/index.md"


@functools.cache
def compiled_templates() -> BytecodeCache | None:
    """Where Jinja2 keeps the templates it compiled (ours and the theme's), for the next build to reuse.

    Compiling Material's and our templates anew was a third of each build's CPU time (0.8 of 2.3 s for the
    English site, and again in each language's build). Jinja2's own cache, in a folder of the system's
    temporary directory that only this user can read, keys each template by its source's checksum, so an
    edited template is compiled again. Without a usable folder the build compiles as before.
    """
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


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
        bytecode_cache=compiled_templates(),
    )
    env.filters["yaml_string"] = _yaml_string
    env.filters["message_html"] = _message_html
    env.filters["url"] = normalise_url
    env.filters["markdown_text"] = _markdown_text
    env.filters["mailto"] = mailto_href
    env.filters["qr_svg"] = qr_svg
    env.filters["in_words"] = _in_words_filter
    env.filters["long_date"] = _long_date_filter
    env.filters["own_phrase"] = own_phrase
    env.filters["url_breaks"] = url_breaks
    return env


#: The months' names, translated through the languages' ui.yml like the rest of the interface text.
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


#: The order of a long date's parts; each language's ui.yml gives its own ("%(day)s. %(month)s %(year)s").
LONG_DATE = N_("%(day)s %(month)s %(year)s")


def long_date(iso: str, translate: Callable[[str], str] = str) -> str:
    """A YYYY-MM-DD date as people read it anywhere: ``2026-11-25`` -> ``25 November 2026``; through
    ``translate`` (the page's language) the month's name and the parts' order: ``25. November 2026``,
    ``25 de noviembre de 2026``."""
    day = datetime.date.fromisoformat(iso)
    month = translate(MONTHS[day.month - 1])
    return translate(LONG_DATE) % {"day": day.day, "month": month, "year": day.year}


@pass_context
def _long_date_filter(context: Any, iso: str) -> str:
    """``| long_date`` in the templates: the month named in the page's language (its ``gettext``)."""
    return long_date(iso, context.get("gettext", str))


@pass_context
def _in_words_filter(context: Any, number: int) -> str:
    """``| in_words`` in the templates: a count in words of the page's language (its ``gettext``)."""
    return in_words(number, context.get("gettext", str))


def url_breaks(url: str) -> Markup:
    """An address that a narrow screen may wrap only after a slash: each part after the host unbreakable
    (``atn-url`` spans), a ``<wbr>`` after each slash; everything escaped."""
    scheme, sep, rest = url.partition("://")
    head, *parts = (rest if sep else url).split("/")
    pieces = [f"{scheme}{sep}{head}/" if sep else f"{head}/", *(f"{part}/" for part in parts)]
    # The split added one slash too many after the last part.
    pieces[-1] = pieces[-1][:-1]
    spans = (Markup('<span class="atn-url">{}</span>').format(piece) for piece in pieces if piece)
    return Markup("<wbr>").join(spans)


def handout_path(situation_id: str | None = None) -> str:
    """The source path of the handout: the whole plan, or the plan for one situation."""
    return f"handout/{situation_id}.md" if situation_id else GENERATED_INDEXES["handout"]


def qr_targets(site_url: str, content: Content, gettext: Callable[[str], str] = str) -> list[tuple[str, str, str]]:
    """Each QR code careers centres can download: (file stem, address, what it opens, in the site's language
    through ``gettext``)."""
    base = site_url or "/"
    targets = [("checklist", f"{base}checklist/", gettext(N_("The full checklist")))]
    targets += [
        (f"checklist-{s.id}", f"{base}checklist/?situation={s.id}", s.title.replace('"', ""))
        for s in content.situations
    ]
    return targets


def handout_plans(content: Content) -> dict[str | None, list[tuple[ChecklistPhase, list[ChecklistItem]]]]:
    """What each handout lists, by situation id (``None``: the handout for any rejection): the checklist's
    phases, each with the items for that situation, phases left with none left out.

    One pass over the items, each filed under the situations it names: a handout per situation that
    scanned every item would cost situations x items.
    """
    everyone = [None, *(situation.id for situation in content.situations)]
    plans: dict[str | None, list[tuple[ChecklistPhase, list[ChecklistItem]]]] = {key: [] for key in everyone}
    for entry in content.checklist:
        items: dict[str | None, list[ChecklistItem]] = {}
        for item in entry.items:
            keys = everyone if item.applies_to is None else [None, *dict.fromkeys(ref.id for ref in item.applies_to)]
            for key in keys:
                items.setdefault(key, []).append(item)
        for key, listed in items.items():
            plans[key].append((entry, listed))
    return plans


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


def language_href(here: str, version: LanguageVersion, name: str) -> str:
    """A URL for raw HTML from the page at path ``here`` to page ``name`` in ``version``'s language."""
    there = version.path + page_url(GENERATED_INDEXES.get(name, name))
    rel = posixpath.relpath(there, here)
    return "./" if rel == "." else rel + "/"


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

    def __init__(
        self,
        content: Content,
        site_url: str = "",
        centre: Centre | None = None,
        repository: str | None = None,
        edit_links: EditLinks | None = None,
        ui: dict[str, str] | None = None,
        languages: list[LanguageVersion] | None = None,
        language: str = "en",
    ) -> None:
        self.content = content
        #: The site's language versions (English first), for the list on /careers-centres/; empty without any.
        self.languages = languages or []
        #: Interface text in the site's language (English wording to translation); empty for English.
        self.ui = ui or {}
        self.site_url = site_url
        self.centre = centre
        #: ``centre_words(text)`` in the templates: the centre's own text, marked with its language (centre.yml's
        #: ``language``, English unless set) on a page in another; ``language`` is the pages' language.
        self.centre_words = words_in((centre.language if centre else None) or "en", language)
        self.env = template_environment()
        self.repository = repository
        self.reviewed_on = max((guide.reviewed for guide in content.guides), default="")
        # With a repository set, each step's section links to its own file there ('' without one).
        self.env.globals["edit_url"] = edit_links.url if edit_links else lambda path: ""

    def gettext(self, text: str, **values: Any) -> Markup:
        """``_("...")`` in the templates: the interface text in the site's language, its ``%(name)s`` filled
        (escaped, like every value the templates write)."""
        # Interface text is part of the templates (ours, or a reviewed translation): kept as written, except
        # that it can open no tag and close no attribute. Values filled in are escaped in full.
        translated = self.ui.get(text, text).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        return Markup(translated) % values if values else Markup(translated)

    def plain_text(self, text: str, **values: Any) -> str:
        """``gettext("...")`` in the templates: the same, as plain text (for front matter, which is not HTML)."""
        translated = self.ui.get(text, text)
        return translated % values if values else translated

    def _language_values(self) -> dict[str, Any]:
        """``_`` and ``gettext`` for the templates, and ``translated``: a language's site, not the English one
        (notes on what stays in English show only there)."""
        return {"_": self.gettext, "gettext": self.plain_text, "translated": bool(self.ui), "languages": self.languages}

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

        site_path = urlsplit(self.site_url).path or "/"
        return self.env.get_template(template).render(
            guide_link=guide_link,
            **self._print_targets(src),
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
            local_copy=bool(self.site_url) and on_this_computer(self.site_url),
            asset=lambda name: posixpath.relpath(f"assets/{name}", page_url(src) or "."),
            centre=self.centre,
            repository=self.repository,
            reviewed_on=self.reviewed_on,
            **self._centre_values(src, site_path),
            checklist_sections=lambda: checklist_sections(
                content, lambda step_id: step_link(step_id, html=True), self.applies_note, self.plain_text
            ),
            **values,
        )

    def _print_targets(self, src: str) -> dict[str, Callable[..., str]]:
        """``target`` and ``step_target`` for the page ``src``: the address print shows after a link to another
        page, in full (``https://…/guides/x/#step``) so it can be typed from paper; '' for a link within the page
        (print shows nothing after it)."""
        site_root = self.site_url or "/"

        def target(name: str, anchor: str = "") -> str:
            path = GENERATED_INDEXES.get(name, name)
            if page_url(path) == page_url(src):
                return ""
            return f"{site_root}{page_url(path)}" + (f"#{anchor}" if anchor else "")

        def step_target(step_id: str) -> str:
            return target(guide_path(self.content.home_guide(step_id)), step_id)

        return {"target": target, "step_target": step_target}

    def _centre_values(self, src: str, site_path: str) -> dict[str, Any]:
        """What the careers-centre templates use: handouts, QR codes and their files, the language versions."""
        return {
            "html_handout_link": lambda situation_id=None: html_link(src, handout_path(situation_id)),
            "qr_file": lambda stem, kind: posixpath.relpath(f"{QR_FOLDER}/{stem}.{kind}", page_url(src) or "."),
            "qr_targets": self._qr_targets,
            "centre_page": CENTRE_PAGE if self.centre else None,
            "centre_words": self.centre_words,
            **self._language_values(),
            "language_link": lambda version, name: language_href(site_path + page_url(src), version, name),
        }

    @functools.cached_property
    def _qr_targets(self) -> list[tuple[str, str, str]]:
        """``qr_targets`` in the site's language: made once, not on every page (it lists every situation)."""
        return qr_targets(self.site_url, self.content, self.plain_text)

    @functools.cached_property
    def _handout_plans(self) -> dict[str | None, list[tuple[ChecklistPhase, list[ChecklistItem]]]]:
        """Each handout's phases and items (``handout_plans``): made once, not per situation's handout."""
        return handout_plans(self.content)

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
        extra: dict[str, dict[str, Any]] = {
            "contributing": {"kinds": SCHEMA_KINDS, "schema_line": schema_line, "type_words": TYPE_WORDS},
            "checklist": {"aliases": self.aliases()},
            "handout": {"situation": None, "plan": self._handout_plans[None]},
        }
        pages = {
            src: self._render(f"{name}.md.j2", src, **extra.get(name, {})) for name, src in GENERATED_INDEXES.items()
        }
        for guide in content.guides:
            src = guide_path(guide)
            pages[src] = self._render("guide.md.j2", src, guide=guide)
        for situation in content.situations:
            src = handout_path(situation.id)
            pages[src] = self._render("handout.md.j2", src, situation=situation, plan=self._handout_plans[situation.id])
        if self.centre is not None:
            pages[CENTRE_PAGE] = self._render("centre.md.j2", CENTRE_PAGE)
        for src, guide in self.redirects().items():
            new = guide_path(guide)
            pages[src] = self._render(
                "redirect.md.j2", src, guide=guide, redirect_to=html_link(src, new), redirect_md=md_link(src, new)
            )
        return pages

    def section_keywords(self) -> dict[str, list[str]]:
        """Search keywords of one section of a page, by the section's place in the search index (page#anchor).

        A page's ``tags`` reach every section of it alike, so no page has any: a message template's keywords
        belong to its own section of the templates page, a situation's to its section of the situations page
        and a step's to its section in its home guide (where links to the step lead). A search for "ghosted"
        lands on /situations/#no-reply, one for a thank-you email on that message.
        """
        content = self.content
        templates, situations = page_url(GENERATED_INDEXES["templates"]), page_url(GENERATED_INDEXES["situations"])
        keywords = {f"{templates}#{template.id}": list(template.keywords) for template in content.templates}
        keywords |= {f"{situations}#{situation.id}": list(situation.keywords) for situation in content.situations}
        for guide in content.guides:
            for ref in guide.steps:
                if content.home_guide(ref.id) is guide:
                    keywords[f"{page_url(guide_path(guide))}#{ref.id}"] = list(content.step_by_id[ref.id].keywords)
        return keywords

    def files(self) -> dict[str, bytes]:
        """The generated files that are not pages: each QR code as SVG and PNG, for posters and slides."""
        files: dict[str, bytes] = {}
        for stem, url, _ in qr_targets(self.site_url, self.content):
            files[f"{QR_FOLDER}/{stem}.svg"] = qr_svg_file(url)
            files[f"{QR_FOLDER}/{stem}.png"] = qr_png(url)
        return files

    def aliases(self) -> dict[str, dict[str, str]]:
        """Old ids of renamed steps and situations (their ``replaces``) -> current ids, for the checklist's script.

        Answers to a step's questions are saved under the step's id, a checklist's situation under the
        situation's: the script moves them to the current id.
        """
        return {
            "steps": {old: step.id for step in self.content.steps for old in getattr(step, "replaces", ())},
            "situations": {old: s.id for s in self.content.situations for old in getattr(s, "replaces", ())},
        }

    def redirects(self) -> dict[str, Guide]:
        """The pages at renamed guides' old addresses (their ``replaces``), by source path: not in the navigation."""
        return {guide_path(old): guide for guide in self.content.guides for old in getattr(guide, "replaces", ())}

    def fill_markers(self, markdown: str, src: str) -> str:
        """Replace each ``<!-- afterno:NAME -->`` line with the snippet template ``NAME.md.j2``."""

        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in MARKERS:
                raise ValueError(f"{src}: unknown marker afterno:{name}; known markers: {', '.join(MARKERS)}")
            # The home page's "Continue your checklist" line counts as the checklist does (checklist_view.py).
            extra = {"situations_not_served": situations_not_served(self.content)} if name == "continue" else {}
            return self._render(f"{name}.md.j2", src, **extra)

        return MARKER.sub(fill, markdown)

    def nav(self, extra: list[NavEntry] | None = None) -> list[NavEntry]:
        """The site navigation: the readers' pages, the hand-written pages in ``extra``, then contributing."""
        _ = self.ui.get
        guides = tuple(
            [NavEntry(_(N_("All guides"), "All guides"), GENERATED_INDEXES["guides"])]
            + [NavEntry(guide.title, guide_path(guide)) for guide in self.content.guides]
        )
        titles = [
            (N_("Home"), "index.md"),
            (N_("Checklist"), GENERATED_INDEXES["checklist"]),
            (N_("Guides"), None),
            (N_("What did they say?"), GENERATED_INDEXES["situations"]),
            (N_("Message templates"), GENERATED_INDEXES["templates"]),
            (N_("All steps"), GENERATED_INDEXES["steps"]),
            (N_("Sources"), GENERATED_INDEXES["sources"]),
            (N_("Printable handout"), GENERATED_INDEXES["handout"]),
        ]
        if self.centre is not None:
            titles.append((N_("Your careers service"), CENTRE_PAGE))
        entries = [
            NavEntry(_(title, title), src) if src else NavEntry(_(title, title), children=guides)
            for title, src in titles
        ]
        # Readers' pages first, then the configured ones (careers centres, about); contributors' page last.
        contributing = NavEntry(_(N_("Contributing"), "Contributing"), GENERATED_INDEXES["contributing"])
        return [*entries, *(extra or []), contributing]

    def not_in_nav(self) -> set[str]:
        """Generated pages linked from other pages, not from the navigation: each situation's handout, the poster."""
        return {handout_path(s.id) for s in self.content.situations} | {GENERATED_INDEXES["poster"]}


#: Quotation marks a situation's title may wrap the employer's words in, in any of our languages.
_QUOTES = "\"'\u201c\u201d\u201e\u00ab\u00bb\u201a\u2018\u2019 "


def own_phrase(situation: Situation) -> str:
    """The employer's words, when the situation's title does not already quote them ('' when it does)."""
    phrase = (situation.phrase or "").strip()
    return "" if situation.title.strip(_QUOTES).casefold() == phrase.casefold() else phrase


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
