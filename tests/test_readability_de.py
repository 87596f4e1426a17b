"""The German translation reads plainly: Wiener Sachtextformel (textstat, variant 1) as a school grade.

The text is taken through the translation loader, field by field, as the site shows it: Markdown
syntax, marker comments, anchors and {placeholders} are left out, and a line without closing
punctuation (a list item, a heading) counts as a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import textstat

from afterno.load import load_content
from afterno.translation_load import LanguageTranslations, load_translations
from helpers import ROOT

#: The whole German text: plain language, the school grade of an easy newspaper page or lower.
WHOLE_MAX = 6.0
#: Any one step, guide, situation, message or page (several sentences each), as a reader meets it.
ITEM_MAX = 8.0
#: Checklist lines and phase descriptions are one sentence each: a word count, not a grade.
LINE_WORDS_MAX = 20
#: Search keywords are not sentences.
SKIPPED_FIELDS = ("keywords",)
PROSE_KINDS = ("step", "guide", "situation", "template", "page")


@pytest.fixture(scope="module")
def german() -> LanguageTranslations:
    textstat.set_lang("de")
    return load_translations(ROOT, load_content(ROOT / "content")).by_language["de"]


def strings(value: Any) -> Iterator[str]:
    """The words of one field: a text, a list of lines, or a message's placeholders (label and example)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for entry in value:
            if isinstance(entry, dict):
                yield from (entry[key] for key in ("label", "example") if key in entry)
            else:
                yield entry


def plain(text: str) -> str:
    """``text`` as read: no Markdown syntax, comments, anchors or placeholders; one sentence per line."""
    text = re.sub(r"<!--.*?-->", " ", text)
    text = re.sub(r"\{ ?#[\w-]+ ?\}", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[a-z_]+\}", "Name", text)
    text = re.sub(r"[#*>\[\]]", " ", text)
    lines = (line.strip(" -0123456789.") for line in text.splitlines())
    return " ".join(line if line.endswith((".", "?", "!", ":")) else f"{line}." for line in lines if line)


def item_text(fields: dict[str, Any]) -> str:
    return " ".join(plain(s) for name, value in fields.items() if name not in SKIPPED_FIELDS for s in strings(value))


def grade(text: str) -> float:
    return float(textstat.wiener_sachtextformel(text, 1))


def test_the_formula_reads_german() -> None:
    """The measure itself tells plain from stiff German, so a low grade means something."""
    textstat.set_lang("de")
    stiff = (
        "Die Inanspruchnahme individualisierter Beratungsdienstleistungen ermöglicht eine "
        "zielgerichtete Weiterentwicklung bewerbungsrelevanter Qualifikationsmerkmale."
    )
    assert grade(stiff) > ITEM_MAX
    assert grade("Eine Absage tut weh. Das ist normal. Gib dir Zeit.") < WHOLE_MAX


def test_the_whole_german_text_is_plain(german: LanguageTranslations) -> None:
    whole = " ".join(item_text(item.fields) for item in german.items.values())
    assert textstat.lexicon_count(whole) > 3000, "the German translation should be complete"
    assert grade(whole) <= WHOLE_MAX


def test_each_german_item_is_plain(german: LanguageTranslations) -> None:
    """No single step, guide, situation, message or page is hard going, even if the average is fine."""
    grades = {
        f"{item.path}: {kind} {item_id}": grade(item_text(item.fields))
        for (kind, item_id), item in german.items.items()
        if kind in PROSE_KINDS
    }
    assert len(grades) >= 17 + 5 + 9 + 5 + 3
    hard = {where: value for where, value in grades.items() if value > ITEM_MAX}
    assert not hard, f"Wiener Sachtextformel over {ITEM_MAX}; use shorter sentences and words: {hard}"


def test_each_german_line_is_short(german: LanguageTranslations) -> None:
    """A checklist line or phase description is read at a glance: its sentences stay short."""
    long_lines = []
    for (kind, item_id), item in german.items.items():
        if kind not in ("checklist-item", "phase"):
            continue
        for text in (plain(s) for value in item.fields.values() for s in strings(value)):
            sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s]
            if max(len(s.split()) for s in sentences) > LINE_WORDS_MAX:
                long_lines.append(f"{kind} {item_id}: {text}")
    assert not long_lines, long_lines
