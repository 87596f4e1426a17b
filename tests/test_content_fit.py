"""Each situation's checklist only says what can apply to it, and the advice does not nag by repetition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from afterno.load import load_content
from afterno.model import Content
from helpers import CONTENT

#: Situations in which the reader met no one: no interviewer, no people met.
NO_MEETING = ("after-application", "no-reply")
MEETING_WORDS = re.compile(r"\binterview(?:ed|er|ers)\b|\bpeople you met\b|\bthe interview\b", re.IGNORECASE)
#: Situations with no decision at all: nothing was ever said.
NO_DECISION = ("no-reply",)
DECISION_WORDS = re.compile(r"\bthe decision\b|\bthey decided\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(CONTENT)


def checklist_text(content: Content, situation: str) -> list[str]:
    """What the checklist page shows for one situation: every phase's description and the items that apply."""
    texts = [phase.description for phase in content.phases]
    for phase in content.checklist:
        texts += [item.label for item in phase.items if item.applies(situation)]
    return texts


@pytest.mark.parametrize("situation", NO_MEETING)
def test_checklist_without_a_meeting_never_mentions_an_interviewer(content: Content, situation: str) -> None:
    found = [text for text in checklist_text(content, situation) if MEETING_WORDS.search(text)]
    assert not found, f"{situation}: no one was met, yet the checklist says {found}"


@pytest.mark.parametrize("situation", NO_DECISION)
def test_checklist_after_silence_never_mentions_a_decision(content: Content, situation: str) -> None:
    found = [text for text in checklist_text(content, situation) if DECISION_WORDS.search(text)]
    assert not found, f"{situation}: no decision was made, yet the checklist says {found}"


def english_text() -> str:
    """All English advice text we wrote (sources hold the articles' own points, translations other languages)."""
    files = sorted(CONTENT.rglob("*.yml"))
    kept = [path for path in files if not {"sources", "translations"} & set(path.relative_to(CONTENT).parts)]
    return "\n".join(re.sub(r"\s+", " ", Path(path).read_text(encoding="utf-8")) for path in kept)


@pytest.mark.parametrize(
    ("pattern", "most"),
    [
        (r"\bcross(?:es|ed)? (?:this|the|it)\b[\w ]{0,12}\boff\b", 0),
        (r"\bgetting defensive\b", 1),
        (r"\bgood enough for the right employer\b", 1),
        (r"\blast chance\b", 0),
    ],
)
def test_no_pressing_phrase_is_repeated(pattern: str, most: int) -> None:
    count = len(re.findall(pattern, english_text(), re.IGNORECASE))
    assert count <= most, f"{pattern!r} appears {count} times in content/ (at most {most})"


def test_cross_it_off_item_keeps_the_door_open(content: Content) -> None:
    """Stopping the wait comes before asking for feedback and reconnecting, so it must not shut the company out."""
    item = next(item for phase in content.checklist for item in phase.items if item.id == "cross-it-off")
    assert re.search(r"\bstop waiting\b", item.label, re.IGNORECASE)
    assert re.search(r"\blater\b", item.label, re.IGNORECASE)
    # It applies to "not hiring" and "only accepting applications" too, where there was never a job to wait on.
    assert item.applies("not-hiring") and "job" not in item.label


def test_a_second_interview_has_one_clear_situation(content: Content) -> None:
    situations = {situation.id: situation for situation in content.situations}
    middle = situations["after-first-interview"]
    assert "second" in middle.summary and "last round" in middle.summary
    assert "second interview" in middle.keywords
    assert "second interview" not in situations["after-final-round"].keywords
    assert "first" not in middle.title


#: Per language: the phrase in the interview situation's title that says it is not the last round, and the
#: phrase in the final round's summary that says no interviews were left (a second, non-final interview picks
#: the first one).
WHICH_ONE = {
    "en": ("not the last round", "with no more interviews to come"),
    "es": ("no la última ronda", "sin más entrevistas por delante"),
    "de": ("nicht in der letzten Runde", "ohne weitere Gespräche danach"),
}


@pytest.mark.parametrize("language", WHICH_ONE)
def test_a_second_interview_can_tell_which_situation_fits(content: Content, language: str) -> None:
    """The interview situation's title says "not the last round" and the final round's summary says no interviews
    were left, in every language: someone turned down after a second, non-final interview can pick."""
    titles = {s.id: s.title for s in content.situations}
    summaries = {s.id: s.summary for s in content.situations}
    if language != "en":
        for situation in ("after-first-interview", "after-final-round"):
            path = CONTENT / "translations" / language / "situations" / f"{situation}.yml"
            translated = yaml.safe_load(path.read_text(encoding="utf-8"))
            titles[situation], summaries[situation] = translated["title"], translated["summary"]
    not_last, none_left = WHICH_ONE[language]
    assert not_last in titles["after-first-interview"], titles["after-first-interview"]
    assert none_left in summaries["after-final-round"], summaries["after-final-round"]
