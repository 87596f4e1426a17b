"""JSON Schemas of the translation files, made from ``translation_model`` (and so from ``model``).

The same schemas are what the checker validates translation files against (``translation_load``),
so editors and ``afterno check`` cannot disagree. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from .model import SCHEMA_DIR, FieldSpec, KindSpec
from .schema import kind_schema
from .translation_model import KINDS, LANGUAGES, PAGE_ID_MAX_LENGTH, PAGE_ID_PATTERN, TranslationKind, schema_name

MADE_FROM = {
    "type": "object",
    "description": "For each field, the fingerprint of the English text it was translated from. "
    "Written by 'afterno translations LANG --stamp FILE'; do not edit by hand.",
    "additionalProperties": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
}


def _optional(fields: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
    return tuple(dataclasses.replace(spec, required=False) for spec in fields)


def _item_schema(kind: TranslationKind) -> dict[str, Any]:
    """The schema of one translated item: its id, ``made_from`` and its translatable fields."""
    if kind.name == "ui":
        spec = KindSpec(kind.name, kind.title, "One piece of interface text.", kind.fields)
        return _strip(kind_schema(spec))
    id_field = FieldSpec("id", "id", f"The id of the English {kind.english} this translates.")
    spec = KindSpec(kind.name, kind.title, f"A {kind.english}'s text in another language.", _optional(kind.fields))
    schema = _strip(kind_schema(spec))
    id_schema = _strip(kind_schema(KindSpec("id", "id", "", (id_field,))))["properties"]["id"]
    if kind.nested:
        id_schema.update(pattern=PAGE_ID_PATTERN, maxLength=PAGE_ID_MAX_LENGTH)
        id_schema["description"] += " A page in a folder of docs/ names the folder too: local/printing."
    schema["properties"] = {
        "id": id_schema,
        "made_from": MADE_FROM,
        **schema["properties"],
    }
    schema["required"] = ["id"]
    return schema


def _strip(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key not in ("$schema", "$id")}


def translation_schema(kind: TranslationKind) -> dict[str, Any]:
    """The complete JSON Schema document of one kind of translation file."""
    item = _item_schema(kind)
    body: dict[str, Any]
    if kind.list_key is None:
        body = item
    else:
        body = {
            "title": kind.title,
            "description": f"The translations of every {kind.english.replace('-', ' ')}, in any order.",
            "type": "object",
            "additionalProperties": False,
            "required": [kind.list_key],
            "properties": {kind.list_key: {"type": "array", "items": item}},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://after-the-no.invalid/schema/{schema_name(kind)}",
        **body,
    }


def languages_schema() -> dict[str, Any]:
    """The JSON Schema of content/translations/languages.yml."""
    schema = kind_schema(LANGUAGES)
    schema["$id"] = "https://after-the-no.invalid/schema/translation-languages.schema.json"
    return schema


def render_translation_schemas() -> dict[str, str]:
    """Every translation schema file's name and text, exactly as committed."""
    documents = {schema_name(kind): translation_schema(kind) for kind in KINDS}
    documents["translation-languages.schema.json"] = languages_schema()
    return {name: json.dumps(doc, indent=2, ensure_ascii=False) + "\n" for name, doc in documents.items()}


def write_translation_schemas(content_root: Path) -> list[Path]:
    """Write the translation schemas under ``content_root/schema``; returns the files written."""
    folder = content_root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_translation_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
