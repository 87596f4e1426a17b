"""The /contributing/ page's field reference is made from the model at build time, so it cannot drift."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from afterno import model
from afterno.load import load_content
from afterno.render import GENERATED_INDEXES, Renderer
from helpers import CONTENT, ROOT, parse_page

PAGE = GENERATED_INDEXES["contributing"]


def every_field(kind: model.KindSpec) -> list[model.FieldSpec]:
    """The fields of a kind and of the mappings nested in it."""
    fields = []
    for spec in kind.fields:
        fields.append(spec)
        if spec.item:
            fields += every_field(spec.item)
    return fields


def plain(html_text: str) -> str:
    """Visible text of an HTML fragment, with whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", html_text)))


@pytest.mark.parametrize("kind", model.FILE_KINDS, ids=[k.name for k in model.FILE_KINDS])
def test_every_field_is_documented(site: Path, kind: model.KindSpec) -> None:
    """Each kind has its section on the built page, listing every field (nested ones too) with its description."""
    page = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    start = page.index(f'id="{kind.name}"')
    end = min(
        [page.index(f'id="{k.name}"') for k in model.FILE_KINDS if page.index(f'id="{k.name}"') > start] + [len(page)]
    )
    section = plain(page[start:end])
    assert model.schema_line(kind) in section
    for spec in every_field(kind):
        assert f"{spec.name} ({'required' if spec.required else 'optional'}" in section, spec.name
        assert spec.description in section, spec.name


def test_reference_follows_the_model() -> None:
    """A field added to the model appears in the page without anyone editing the page."""
    renderer = Renderer(load_content(CONTENT))
    before = renderer.pages()[PAGE]
    extra = model.FieldSpec("mood", "line", "A field that exists only in this test.", required=False)
    step = dataclasses.replace(model.STEP, fields=(*model.STEP.fields, extra))
    kinds = tuple(step if k is model.STEP else k for k in model.FILE_KINDS)
    after = renderer._render(
        "contributing.md.j2", PAGE, kinds=kinds, schema_line=model.schema_line, type_words=model.TYPE_WORDS
    )
    assert "mood" not in before
    assert (
        "- **`mood`** (optional): one line of text, at most 240 characters. A field that exists only in this test."
        in after
    )


def test_page_is_in_the_navigation(site: Path) -> None:
    """Every page links to /contributing/ from the navigation, and the page explains edit, check and preview."""
    links = [link for _, link in parse_page(site / "index.html").links]
    assert "contributing/" in links
    ids = parse_page(site / "contributing" / "index.html").ids
    assert {"edit-check-preview", "how-to-write", "field-reference"} <= ids


def test_contributing_md_points_to_the_page_and_the_commands() -> None:
    """CONTRIBUTING.md names the commands a contributor runs and where the field reference lives."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in ("make check", "make serve", "afterno new step", "afterno coverage", "/contributing/"):
        assert needle in text, needle
