"""One language's version of the site: the content with its text fields translated, the hand-written pages
translated, and which pages rest on an outdated translation.

The English content stays the one source of ids, order, sources, due days and situations: a translated
``Content`` is the English one with only its text fields replaced (``dataclasses.replace``), so every
address and anchor is the English one. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from .docs_pages import translatable_pages
from .model import Content, Template
from .translation_load import ItemStatus, LanguageTranslations, split_front_matter
from .translation_model import KIND_BY_NAME

#: Languages whose words run right to left (the page then gets dir="rtl"; our CSS uses logical properties).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def N_(text: str) -> str:
    """Mark ``text`` as interface text to translate (``translation_load.ui_strings`` finds it) and return it."""
    return text


#: The note on a page whose translation was made from older English (looked up in the language's ui.yml).
OUTDATED_NOTE = N_("This translation was made from an older version of the English page. The advice may have changed.")
OUTDATED_LINK = N_("Read the current English page")
#: The names of the theme's light and dark switch (mkdocs.yml's palette toggles), by their English wording.
PALETTE_NAMES = (N_("Switch to dark mode"), N_("Switch to light mode"))
#: The accessible name of each heading's ¶ link (mkdocs.yml's toc ``permalink_title``), by its English wording.
PERMALINK_TITLE = N_("Link to this section")


def direction(language: str) -> str:
    """The direction a language's words run in (``rtl`` or ``ltr``), from its tag's first part (``ar-EG``)."""
    return "rtl" if language.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"


def words_in(language: str, page_language: str) -> Callable[[Any], Markup]:
    """How text written in ``language`` (a BCP 47 tag) goes on a page in ``page_language``: escaped, and where the
    two differ (in any case: EN is en) inside ``<span lang="...">``, with ``dir`` when they run in different
    directions, so a screen reader reads it in its own voice. Markup passed in is kept as it is."""
    if language.lower() == page_language.lower():
        return escape
    attrs = f' lang="{escape(language)}"'
    if direction(language) != direction(page_language):
        attrs += f' dir="{direction(language)}"'

    def marked(text: Any) -> Markup:
        return Markup(f"<span{attrs}>{escape(text)}</span>")

    return marked


def mark_in_contents(items: Iterable[Any], words: str, mark: Callable[[Any], Markup]) -> None:
    """Mark ``words`` (as ``mark`` does) wherever the titles of a page's table of contents show them: the toc
    extension drops a heading's tags, the lang mark with them, from its entry. ``items`` are MkDocs' entries
    (a ``title`` in HTML, escaped as the toc extension escapes text, and ``children``)."""
    shown = words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    marked = str(mark(words))
    if marked == str(escape(words)):
        return
    for item in items:
        item.title = item.title.replace(shown, marked)
        mark_in_contents(item.children, words, mark)


def theme_text(ui: dict[str, str]) -> Callable[..., Markup]:
    """``_("...")`` in the theme's templates (overrides/): the text in the page's language, escaped, its
    ``%(name)s`` filled with values escaped in their turn (a value marked ``| safe`` is kept as it is)."""

    def text(english: str, **values: Any) -> Markup:
        translated = escape(ui.get(english, english))
        return translated % values if values else translated

    return text


def translate_palette(palette: Any, ui: dict[str, str]) -> None:
    """Name the theme's light and dark switch in the site's language (``palette`` is mkdocs.yml's list)."""
    for scheme in palette if isinstance(palette, list) else []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if toggle and toggle.get("name") in ui:
            toggle["name"] = ui[toggle["name"]]


def translate_permalink_title(mdx_configs: dict[str, Any], ui: dict[str, str]) -> None:
    """Name each heading's ¶ link in the site's language (``mdx_configs`` is the config's ``mdx_configs``)."""
    toc = mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink_title") in ui:
        toc["permalink_title"] = ui[toc["permalink_title"]]


def _replace(obj: Any, kind: str, translations: LanguageTranslations) -> Any:
    """``obj`` with each translated text field of its kind replaced (lists as tuples, like the English)."""
    changes: dict[str, Any] = {}
    for spec in KIND_BY_NAME[kind].fields:
        if spec.name == "placeholders":
            continue
        english = getattr(obj, spec.name, None)
        value = translations.text(kind, obj.id, spec.name, english)
        if value is not english and value is not None:
            changes[spec.name] = tuple(value) if isinstance(english, tuple) else value
    return dataclasses.replace(obj, **changes) if changes else obj


def _template(template: Template, translations: LanguageTranslations) -> Template:
    translated: Template = _replace(template, "template", translations)
    blanks = {p["name"]: p for p in translations.text("template", template.id, "placeholders", [])}
    placeholders = tuple(
        dataclasses.replace(
            p,
            label=blanks.get(p.name, {}).get("label", p.label),
            example=blanks.get(p.name, {}).get("example", p.example),
        )
        for p in template.placeholders
    )
    return dataclasses.replace(translated, placeholders=placeholders)


def translated_content(content: Content, translations: LanguageTranslations) -> Content:
    """The English ``content`` with every translated text field in ``translations``' language.

    A field without a translation keeps its English text (only a draft language may have such gaps:
    the check fails a published language with a missing item).
    """
    checklist = tuple(
        dataclasses.replace(phase, items=tuple(_replace(item, "checklist-item", translations) for item in phase.items))
        for phase in content.checklist
    )
    return dataclasses.replace(
        content,
        phases=tuple(_replace(phase, "phase", translations) for phase in content.phases),
        sources=tuple(_replace(source, "source", translations) for source in content.sources),
        steps=tuple(_replace(step, "step", translations) for step in content.steps),
        guides=tuple(_replace(guide, "guide", translations) for guide in content.guides),
        situations=tuple(_replace(s, "situation", translations) for s in content.situations),
        templates=tuple(_template(t, translations) for t in content.templates),
        checklist=checklist,
    )


def write_translated_docs(docs: Path, target: Path, translations: LanguageTranslations) -> list[str]:
    """Copy ``docs`` into ``target`` with each hand-written page's title, description and body translated.

    Other front matter keys and every non-page file (the assets) are copied as they are; robots.txt is
    the site root's alone. Returns the ids of the pages written in English (no translation).
    """
    shutil.copytree(docs, target, ignore=shutil.ignore_patterns("robots.txt", "__pycache__"), dirs_exist_ok=True)
    untranslated = []
    for page_id, path in translatable_pages(docs).items():
        item = translations.items.get(("page", page_id))
        if item is None:
            untranslated.append(page_id)
            continue
        meta, text = split_front_matter(path.read_text(encoding="utf-8"))
        for name in ("title", "description"):
            if name in item.fields:
                meta[name] = item.fields[name]
        body = str(item.fields.get("body", text))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) if meta else ""
        (target / f"{page_id}.md").write_text(f"---\n{front}---\n{body}" if front else body, encoding="utf-8")
    return untranslated


def page_items(content: Content, src: str) -> list[tuple[str, str]]:
    """The translated items a page shows, as (kind, id): whose staleness makes the page's translation outdated."""
    steps = [("step", step.id) for step in content.steps]
    if src.startswith("guides/") and src != "guides/index.md":
        guide = next((g for g in content.guides if f"guides/{g.id}.md" == src), None)
        if guide is None:
            return []
        ids = {ref.id for ref in guide.steps}
        backing = {source.id for ref in guide.steps for source in content.sources_of(content.step_by_id[ref.id])}
        return [("guide", guide.id), *[("step", i) for i in ids], *[("source", i) for i in sorted(backing)]] + [
            ("template", t.id) for t in content.templates if t.step.id in ids
        ]
    by_page: dict[str, Iterable[tuple[str, str]]] = {
        "guides/index.md": [("guide", g.id) for g in content.guides],
        "steps/index.md": steps,
        "checklist/index.md": [("phase", p.id) for p in content.phases]
        + [("checklist-item", i.id) for i in content.checklist_items],
        "situations/index.md": [("situation", s.id) for s in content.situations],
        "templates/index.md": [("template", t.id) for t in content.templates],
    }
    if src in by_page:
        return list(by_page[src])
    # Any other page is hand-written (about.md, local/printing.md): its translation is the item "page".
    if src.endswith(".md"):
        return [("page", src[: -len(".md")])]
    return []


def outdated_pages(content: Content, statuses: Iterable[ItemStatus], sources: Iterable[str]) -> set[str]:
    """The page sources among ``sources`` that show at least one outdated translated item."""
    stale = {(status.kind, status.id) for status in statuses if status.state == "outdated"}
    return {src for src in sources if stale.intersection(page_items(content, src))}
