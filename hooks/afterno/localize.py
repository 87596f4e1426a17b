"""The content in another language: each English item with its translated fields put in.

Ids, sources, order, due days and situations stay the English ones; only text changes. A field
without a translation keeps its English text (the checker reports it as outdated). Nothing here
knows about MkDocs.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from .model import ChecklistPhase, Content, Placeholder, Template
from .translation_load import LanguageTranslations
from .translation_model import KIND_BY_NAME

_Item = TypeVar("_Item")


def _translate(item: _Item, kind: str, language: LanguageTranslations) -> _Item:
    changes: dict[str, Any] = {}
    names = [spec.name for spec in KIND_BY_NAME[kind].fields if spec.type != "items" and hasattr(item, spec.name)]
    for name in names:
        english = getattr(item, name)
        value = language.text(kind, getattr(item, "id"), name, english)  # noqa: B009
        changes[name] = tuple(value) if isinstance(english, tuple) else value
    return dataclasses.replace(item, **changes)  # type: ignore[type-var]


def _template(template: Template, language: LanguageTranslations) -> Template:
    translated = _translate(template, "template", language)
    item = language.items.get(("template", template.id))
    by_name = {p.get("name"): p for p in item.fields.get("placeholders", [])} if item else {}
    placeholders = tuple(
        Placeholder(p.name, by_name.get(p.name, {}).get("label", p.label), by_name.get(p.name, {}).get("example", p.example))
        for p in template.placeholders
    )
    return dataclasses.replace(translated, placeholders=placeholders)


def localize(content: Content, language: LanguageTranslations) -> Content:
    """A copy of ``content`` whose text is in ``language`` (English where a translation is missing)."""
    return dataclasses.replace(
        content,
        phases=[_translate(p, "phase", language) for p in content.phases],
        steps=[_translate(s, "step", language) for s in content.steps],
        guides=[_translate(g, "guide", language) for g in content.guides],
        situations=[_translate(s, "situation", language) for s in content.situations],
        templates=[_template(t, language) for t in content.templates],
        checklist=[
            ChecklistPhase(entry.phase, tuple(_translate(i, "checklist-item", language) for i in entry.items))
            for entry in content.checklist
        ],
    )

