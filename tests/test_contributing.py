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


#: A path leaving the repository: upwards (except a schema line's ../schema/), or to the maintainers' folders.
OUTSIDE = re.compile(r"\.\./(?!(?:\.\./)*schema/)|\bshared/|/work/")


def test_contributor_docs_name_nothing_outside_the_repository(site: Path) -> None:
    """README, CONTRIBUTING and /contributing/ point at nothing a contributor cannot have, and say how the writing
    stays original: own words, sources recorded."""
    html_text = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    page = plain(html_text[html_text.index("<article") : html_text.index("</article>")])
    docs = {name: (ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "CONTRIBUTING.md")}
    for name, text in {**docs, "/contributing/": page}.items():
        found = OUTSIDE.search(text)
        assert found is None, f"{name} points outside the repository: {text[found.start() - 40 : found.end() + 40]}"
    for name, text in {"CONTRIBUTING.md": docs["CONTRIBUTING.md"], "/contributing/": page}.items():
        assert "own words" in text and "sources" in text, name


def test_content_keeps_lf_line_endings() -> None:
    """.gitattributes stores content (and all text) with LF endings, so a file saved with CRLF changes no line."""
    import subprocess

    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    files = ["content/steps/feel-it.yml", "content/checklist.yml", "docs/index.md", "hooks/site.py"]
    result = subprocess.run(
        ["git", "check-attr", "eol", "--", *files], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines() == [f"{name}: eol: lf" for name in files]


def test_an_english_only_contributor_is_told_about_translations_before_the_check_fails() -> None:
    """CONTRIBUTING's edit-check-preview section quotes the missing-translation message and says what to do, and
    the pull-request template has the box that message points to."""
    from afterno.translation_load import ItemStatus, Language, missing_message

    german = Language("de", "Deutsch", published=True)
    message = missing_message(german, ItemStatus("step", "call-a-friend", "missing"))
    section = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## Edit, check, preview", 1)[1]
    section = " ".join(section.split("\n## ", 1)[0].split())
    assert "`" + message.split(" yet. If", 1)[0] + " yet`" in section
    assert "ask for a translation in your pull request (the template has a box for it)" in message
    assert "ask for a translation in your pull request (the template has a box for it)" in section
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert re.search(r"^- \[ \] \*\*Needs a translation\.\*\*", template, re.MULTILINE)
