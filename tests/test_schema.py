"""The JSON Schemas editors use are generated from the model and committed up to date."""

from __future__ import annotations

import json

import jsonschema
import pytest

from afterno.model import FILE_KINDS, KindSpec, schema_file_name
from afterno.schema import kind_schema, render_schemas
from helpers import CONTENT


@pytest.mark.parametrize("name", sorted(render_schemas()))
def test_committed_schema_is_current(name: str) -> None:
    """content/schema/<kind>.schema.json matches what the model generates (run `afterno schema` if not)."""
    committed = CONTENT / "schema" / name
    assert committed.is_file(), f"{committed} is missing: run .venv/bin/afterno schema"
    assert committed.read_text(encoding="utf-8") == render_schemas()[name], "stale: run .venv/bin/afterno schema"


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_schema_is_valid_and_strict(kind: KindSpec) -> None:
    """Each schema is valid Draft 2020-12 and rejects unknown keys, so editors underline typos."""
    schema = kind_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert str(schema["$id"]).endswith(schema_file_name(kind))


def test_schema_rejects_a_typo_in_a_step() -> None:
    """A step with a misspelt key fails the step schema, as an editor would show it."""
    schema = json.loads(render_schemas()["step.schema.json"])
    step = {
        "id": "x",
        "titel": "X",
        "summary": "s",
        "phase": "first-day",
        "why": "w",
        "how": ["h"],
        "applies_to": "all",
        "sources": ["p"],
    }
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(step))
    assert any("titel" in error.message for error in errors)
    assert any("'title' is a required property" in error.message for error in errors)
