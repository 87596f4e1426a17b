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

from .load import DATE, EMAIL, NAME, SLUG
from .model import SCHEMA_DIR, SCHEMA_KINDS, FieldSpec, KindSpec, schema_file_name


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    slug = {"type": "string", "pattern": SLUG.pattern}
    schema: dict[str, Any]
    if spec.type == "id":
        schema = dict(slug)
    elif spec.type in ("line", "text"):
        schema = {"type": "string", "minLength": 1}
        if spec.max_length:
            schema["maxLength"] = spec.max_length
        if spec.type == "line":
            schema["pattern"] = r"^[^\n]*$"
    elif spec.type == "lines":
        line: dict[str, Any] = {"type": "string", "minLength": 1}
        if spec.max_length:
            line["maxLength"] = spec.max_length
        schema = {"type": "array", "items": line, "minItems": 1 if spec.required else 0}
    elif spec.type == "int":
        schema = {"type": "integer"}
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
    elif spec.type == "url":
        schema = {"type": "string", "pattern": r"^https?://\S+$"}
    elif spec.type == "date":
        schema = {"type": "string", "pattern": DATE.pattern}
    elif spec.type == "ref":
        schema = dict(slug)
    elif spec.type == "refs":
        schema = {"type": "array", "items": slug, "uniqueItems": True, "minItems": 1 if spec.required else 0}
    elif spec.type == "applies":
        schema = {"oneOf": [{"const": "all"}, {"type": "array", "items": slug, "minItems": 1, "uniqueItems": True}]}
    elif spec.type == "choice":
        schema = {"enum": list(spec.choices)}
    elif spec.type == "email":
        schema = {"type": "string", "pattern": EMAIL.pattern}
    elif spec.type == "flag":
        schema = {"type": "boolean"}
    elif spec.type == "name":
        schema = {"type": "string", "pattern": NAME.pattern}
    else:
        assert spec.item is not None
        schema = {"type": "array", "minItems": 1, "items": _kind_schema(spec.item)}
    if spec.nullable:
        schema = {"oneOf": [schema, {"type": "null"}]}
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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://after-the-no.invalid/schema/{schema_file_name(kind)}",
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
