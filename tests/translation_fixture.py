"""A complete, stamped translation written into a copy of the project, so the language tests do not wait for
the real Spanish and German: every item's English text, except the few ``words`` given in the language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from afterno.load import load_content
from afterno.translation_load import english_items, hand_written_pages, ui_strings
from afterno.translation_model import KIND_BY_NAME, LANGUAGES_FILE, fingerprint, languages_schema_line, schema_line

#: A few real words per language: a step's title and the theme-independent notes the tests look for.
WORDS: dict[str, dict[tuple[str, str], dict[str, Any]]] = {
    "de": {
        ("step", "feel-it"): {"title": "Gefühle zulassen und durchatmen"},
        ("ui", "Checklist"): {"text": "Checkliste"},
        (
            "ui",
            "This translation was made from an older version of the English page. The advice may have changed.",
        ): {"text": "Diese Übersetzung beruht auf einer älteren Fassung der englischen Seite."},
        ("ui", "Read the current English page"): {"text": "Zur aktuellen englischen Seite"},
        ("ui", "{done} of {total} done"): {"text": "{done} von {total} erledigt"},
        ("ui", "Heard {day}"): {"text": "Absage am {day}"},
        ("ui", "Why and how"): {"text": "Warum und wie"},
    },
    "es": {
        ("step", "feel-it"): {"title": "Date permiso para sentirlo"},
        ("ui", "Checklist"): {"text": "Lista de tareas"},
    },
}


def _entry(kind: str, item_id: str, fields: dict[str, Any], words: dict[str, Any]) -> dict[str, Any]:
    translated = {**fields, **words}
    key = "en" if kind == "ui" else "id"
    entry: dict[str, Any] = {key: item_id, **translated}
    if kind == "ui":
        return {"en": item_id, "text": translated["text"]}
    entry["made_from"] = {name: fingerprint(value) for name, value in fields.items()}
    return entry


def _dump(path: Path, first_line: str, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"{first_line}\n{text}", encoding="utf-8")


def write_translation(project: Path, languages: dict[str, str]) -> None:
    """Write a complete translation of ``project`` for each (code, name) in ``languages``, all published."""
    root = project / "content"
    content = load_content(root)
    english = english_items(
        content,
        hand_written_pages(project / "docs"),
        ui_strings(project / "hooks" / "afterno" / "templates", project / "docs" / "assets", project / "overrides"),
    )
    lines = [languages_schema_line(), "languages:"]
    for code, name in languages.items():
        lines += [f"  - code: {code}", f"    name: {name}", "    status: published"]
        folder = root / "translations" / code
        lists: dict[str, list[dict[str, Any]]] = {}
        for (kind_name, item_id), item in english.items():
            kind = KIND_BY_NAME[kind_name]
            fields = item.fields
            entry = _entry(kind_name, item_id, fields, WORDS.get(code, {}).get((kind_name, item_id), {}))
            if kind.list_key is None:
                _dump(folder / kind.pattern.replace("*", item_id), schema_line(kind, item_id), entry)
            else:
                lists.setdefault(kind_name, []).append(entry)
        for kind_name, entries in lists.items():
            kind = KIND_BY_NAME[kind_name]
            assert kind.list_key is not None
            _dump(folder / kind.pattern, schema_line(kind), {kind.list_key: entries})
    (root / "translations" / LANGUAGES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
