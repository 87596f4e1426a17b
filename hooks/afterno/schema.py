"""JSON Schemas for editors, made from the field specs in ``model``.

Editors with the YAML language server (VS Code, JetBrains, Neovim…) read the
``# yaml-language-server: $schema=…`` line at the top of each content file and then
autocomplete keys and underline mistakes. The schemas are committed under
content/schema/; a test fails when they no longer match the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import (
    ALL_PATTERN,
    DATE_PATTERN,
    EMAIL_PATTERN,
    LANGUAGE_TAG_PATTERN,
    MAX_ID_LENGTH,
    MAX_NUMBER,
    NAME_PATTERN,
    SCHEMA_DIR,
    SCHEMA_KINDS,
    SLUG_PATTERN,
    TEXT_RULES,
    URL_PATTERN,
    FieldSpec,
    KindSpec,
    schema_file_name,
    text_format,
)

_SLUG = {"type": "string", "maxLength": MAX_ID_LENGTH, "pattern": SLUG_PATTERN}


def _text(spec: FieldSpec) -> dict[str, Any]:
    """A text value: non-blank, bounded, and kept to the rules its format names."""
    return {"type": "string", "minLength": 1, "maxLength": spec.limit, "format": text_format(spec)}


def _list(items: dict[str, Any], spec: FieldSpec, unique: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": items, "minItems": 1 if spec.required else 0}
    if unique:
        schema["uniqueItems"] = True
    return schema


def _value_schema(spec: FieldSpec) -> dict[str, Any]:
    """The schema of one field's value, by its type (without description or null)."""
    kinds: dict[str, Any] = {
        "id": lambda: dict(_SLUG),
        "ref": lambda: dict(_SLUG),
        "line": lambda: _text(spec),
        "text": lambda: _text(spec),
        "lines": lambda: _list(_text(spec), spec, unique=True),
        "refs": lambda: _list(dict(_SLUG), spec, unique=True),
        "ids": lambda: _list(dict(_SLUG), spec, unique=True),
        # The word all, or a list: "pattern" applies only to strings, "items" only to lists.
        "applies": lambda: {
            **_list(dict(_SLUG), spec, unique=True),
            "type": ["string", "array"],
            "pattern": ALL_PATTERN,
        },
        "int": lambda: (
            {"type": "integer", "maximum": MAX_NUMBER} | ({"minimum": spec.minimum} if spec.minimum is not None else {})
        ),
        "bool": lambda: {"type": "boolean"},
        "url": lambda: {"type": "string", "maxLength": spec.limit, "pattern": URL_PATTERN},
        "date": lambda: {"type": "string", "pattern": DATE_PATTERN, "format": "date"},
        "email": lambda: {"type": "string", "maxLength": spec.limit, "pattern": EMAIL_PATTERN},
        "language": lambda: {"type": "string", "maxLength": spec.limit, "pattern": LANGUAGE_TAG_PATTERN},
        "choice": lambda: {"enum": list(spec.choices)},
        "name": lambda: {"type": "string", "maxLength": MAX_ID_LENGTH, "pattern": NAME_PATTERN},
        "items": lambda: {"type": "array", "minItems": 1, "items": _kind_schema(spec.item) if spec.item else {}},
    }
    schema: dict[str, Any] = kinds[spec.type]()
    return schema


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    schema = _value_schema(spec)
    if spec.nullable:
        # "type" only: the other keywords say nothing about null.
        schema["type"] = [schema["type"], "null"] if isinstance(schema.get("type"), str) else schema["type"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    schema["description"] = spec.description
    return schema


def _kind_schema(kind: KindSpec) -> dict[str, Any]:
    return {
        "title": kind.title,
        "description": kind.description,
        "type": "object",
        "additionalProperties": False,
        "required": [spec.name for spec in kind.fields if spec.required],
        "properties": {spec.name: _field_schema(spec) for spec in kind.fields},
    }


def kind_schema(kind: KindSpec) -> dict[str, Any]:
    """The complete JSON Schema document for one kind of content file."""
    formats = "; ".join(f"{name}: {rule}" for name, rule in TEXT_RULES.items())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://after-the-no.invalid/schema/{schema_file_name(kind)}",
        "$comment": f"Made from hooks/afterno/model.py by 'afterno schema'. Formats checked by 'make check': {formats}",
        **_kind_schema(kind),
    }


def render_schemas() -> dict[str, str]:
    """Every schema file's name and text, exactly as committed."""
    return {
        schema_file_name(kind): json.dumps(kind_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in SCHEMA_KINDS
    }


def write_schemas(content_root: Path) -> list[Path]:
    """Write the schemas under ``content_root/schema``; returns the files written."""
    folder = content_root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
