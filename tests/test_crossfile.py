"""Each rule across files, on the real content and on the real content with one thing changed."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any

import pytest

from afterno import crossfile
from afterno.crossfile import COMPLETENESS, RULES, Context, Rule, check_across
from afterno.load import load_content
from afterno.model import Content, Ref
from afterno.yamlsafe import Mark
from helpers import CONTENT


@functools.cache
def real() -> Content:
    return load_content(CONTENT)


#: Where the checklist's second phase is named: the first one once the phases are out of order.
SECOND = real().checklist[1].phase


def context(content: Content) -> Context:
    """A context without key marks (problems at a key land on 1:1) and with nothing else declared."""
    return Context(content, {("content/guides/keep-going.yml", "order"): Mark(3, 1)}, {})


def ref(item_id: str, line: int = 7) -> Ref:
    return Ref(item_id, "content/x.yml", line, 3)


def replace_first(name: str, **changes: Any) -> Callable[[Content], Content]:
    """A change to the first item of one collection of the content."""

    def change(content: Content) -> Content:
        items = getattr(content, name)
        return dataclasses.replace(content, **{name: (dataclasses.replace(items[0], **changes), *items[1:])})

    return change


def first_item(**changes: Any) -> Callable[[Content], Content]:
    """A change to the first checklist item."""

    def change(content: Content) -> Content:
        entry = content.checklist[0]
        items = (dataclasses.replace(entry.items[0], **changes), *entry.items[1:])
        return dataclasses.replace(content, checklist=(dataclasses.replace(entry, items=items), *content.checklist[1:]))

    return change


def duplicate_step(content: Content) -> Content:
    return dataclasses.replace(
        content, steps=(*content.steps, dataclasses.replace(content.steps[0], path="content/z.yml"))
    )


#: (rule, change to the real content, the messages that rule then gives)
CASES: list[tuple[Rule, Callable[[Content], Content], list[str]]] = [
    (
        crossfile.ids_are_unique,
        duplicate_step,
        [
            "content/z.yml:2:1: the step id 'ask-for-feedback' is already used in "
            "content/steps/ask-for-feedback.yml:2. Give this step a different id."
        ],
    ),
    (
        crossfile.references_resolve,
        replace_first("steps", related=(ref("pick-yourself-upp"),)),
        [
            "content/x.yml:7:3: 'related' refers to the step 'pick-yourself-upp', which does not exist. "
            "Did you mean 'pick-yourself-up'?"
        ],
    ),
    (
        crossfile.references_resolve,
        first_item(applies_to=(ref("zzzz"),)),
        [
            "content/x.yml:7:3: 'applies_to' refers to the situation 'zzzz', which does not exist. "
            "Use an id from content/situations/."
        ],
    ),
    (
        crossfile.steps_are_not_related_to_themselves,
        replace_first("steps", related=(ref("ask-for-feedback"),)),
        ["content/x.yml:7:3: a step cannot be related to itself; remove it."],
    ),
    (
        crossfile.orders_are_unique,
        lambda c: dataclasses.replace(
            c,
            guides=(*c.guides, dataclasses.replace(c.guides[0], id="keep-going", path="content/guides/keep-going.yml")),
        ),
        [
            "content/guides/keep-going.yml:3:1: order 1 is also used by the guide 'first-48-hours'. "
            "Give each a different order."
        ],
    ),
    (
        crossfile.phrase_situations_have_a_phrase,
        lambda c: dataclasses.replace(
            c, situations=tuple(dataclasses.replace(s, phrase=None) for s in c.situations[:1])
        ),
        [
            "content/situations/not-hiring.yml:1:1: a situation of kind phrase needs the key 'phrase': "
            "the words they used."
        ],
    ),
    (
        crossfile.situation_steps_apply_to_it,
        replace_first("situations", steps=(ref("connect-with-people-you-met"),)),
        [
            "content/x.yml:7:3: the step 'connect-with-people-you-met' does not apply to 'not-hiring' (see its "
            "applies_to in content/steps/connect-with-people-you-met.yml). Add not-hiring to that step's "
            "applies_to, or remove it here."
        ],
    ),
    (
        crossfile.placeholders_match_the_message,
        replace_first("templates", subject="Thanks, {nobody}"),
        [
            "content/templates/thank-you-reply.yml:1:1: the message uses {nobody} but 'placeholders' does not "
            "declare it. Add '- name: nobody' with a label and an example, or fix the spelling.",
            "content/templates/thank-you-reply.yml:1:1: the placeholder 'role' is declared but the subject and "
            "body never use {role}. Use it or remove it.",
        ],
    ),
    (
        crossfile.shared_placeholders_agree,
        lambda c: dataclasses.replace(
            c,
            templates=(
                dataclasses.replace(
                    c.templates[0],
                    placeholders=tuple(
                        dataclasses.replace(p, label="Their name") if p.name == "contact_name" else p
                        for p in c.templates[0].placeholders
                    ),
                ),
                *c.templates[1:],
            ),
        ),
        [
            f"content/templates/{name}.yml:1:1: the placeholder 'contact_name' is also used in "
            "content/templates/thank-you-reply.yml, and the page shows one box for both: give it the same label, "
            "example and checklist there and here (label: 'Their name', example: 'Alex Morgan', checklist: none)."
            for name in ("connection-note", "feedback-request", "new-opening-note", "reconnect-message")
        ],
    ),
    (
        crossfile.phases_end_after_they_start,
        replace_first("phases", from_day=5),
        ["content/phases.yml:3:5: phase 'first-day' ends before it starts: to_day (2) is less than from_day (5)."],
    ),
    (
        crossfile.checklist_follows_the_phases,
        lambda c: dataclasses.replace(c, checklist=(*c.checklist[1:], c.checklist[0])),
        [
            f"content/checklist.yml:{SECOND.line}:{SECOND.column}: the checklist's phases "
            "must each appear once, in the order of "
            "content/phases.yml: first-day, first-week, following-weeks, one-to-two-months, ongoing."
        ],
    ),
    (
        crossfile.items_are_due_within_their_phase,
        first_item(due=9),
        [
            "content/checklist.yml:5:9: item 'take-a-breath' is due on day 9, outside its phase 'first-day' "
            "(days 0 to 2). Change 'due' or move the item."
        ],
    ),
    (
        crossfile.items_apply_no_wider_than_their_step,
        first_item(step=ref("connect-with-people-you-met")),
        [
            "content/checklist.yml:5:9: item 'take-a-breath' applies to all, but its step "
            "'connect-with-people-you-met' only applies to after-final-round, after-first-interview, "
            "keep-on-file, not-selected, other-candidates. "
            "Narrow the item's applies_to."
        ],
    ),
    (
        crossfile.replaced_ids_are_gone,
        first_item(replaces=("send-thank-you",)),
        [
            "content/checklist.yml:5:9: item 'take-a-breath' replaces 'send-thank-you', but 'send-thank-you' is "
            "still a current item id. An id can only be replaced once it is gone."
        ],
    ),
    (
        crossfile.guides_write_no_step_count,
        replace_first("guides", summary="Work through 5 short steps after the interview."),
        [
            "content/guides/first-48-hours.yml:1:1: 'summary' counts the guide's steps ('5 short steps'): a count "
            "written by hand goes stale when a step is added. Leave the number out: write 'short steps'."
        ],
    ),
    (
        crossfile.every_point_is_used,
        lambda c: dataclasses.replace(c, steps=tuple(dataclasses.replace(s, sources=s.sources[1:]) for s in c.steps)),
        [],  # filled in below from the real content
    ),
    (
        crossfile.every_step_is_in_a_guide,
        lambda c: dataclasses.replace(c, guides=c.guides[1:]),
        [],
    ),
]


def without_step(step_id: str, renamed_to: str | None = None) -> Content:
    """The real content with one step deleted, or with only its own id changed (a rename done by hand)."""
    content = real()
    steps = tuple(
        dataclasses.replace(step, id=renamed_to) if step.id == step_id and renamed_to else step
        for step in content.steps
        if step.id != step_id or renamed_to
    )
    return dataclasses.replace(content, steps=steps)


def uses_in_files(item_id: str) -> list[str]:
    """Where the text of content/ names ``item_id`` as a reference (not as its own id): path:line, in file order."""
    found = []
    for path in sorted(CONTENT.rglob("*.yml")):
        if "translations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(rf"(?<![\w-]){re.escape(item_id)}(?![\w-])", line) and not re.match(r"\s*-?\s*id:", line):
                found.append(f"{path.relative_to(CONTENT.parent).as_posix()}:{number}")
    return found


@pytest.mark.parametrize(("renamed_to", "suggested"), [(None, "NEW-ID"), ("plan-your-development",) * 2])
def test_a_step_used_in_many_places_is_gone_is_one_problem(renamed_to: str | None, suggested: str) -> None:
    """A deleted (or hand-renamed) step used in several places is one problem at its first use that lists every
    place and says how to rename it with one command; a step renamed by hand is named as the likely new id."""
    places = uses_in_files("make-a-development-plan")
    assert len(places) > 2, "the case needs a step used in several places"
    problems = crossfile.references_resolve(context(without_step("make-a-development-plan", renamed_to)))
    assert len(problems) == 1, problems
    message = str(problems[0])
    assert message.startswith(f"{places[0]}:")
    assert f"the step 'make-a-development-plan' does not exist, but {len(places)} places use it: " in message
    listed = message.split(" places use it: ")[1].split(". ")[0].split(", ")
    paths = [place.rsplit(":", 1)[0] for place in places]
    assert [item.rsplit(":", 1)[-1] for item in listed] == [place.rsplit(":", 1)[1] for place in places]
    assert [item for item in listed if ":" in item] == [
        place for index, place in enumerate(places) if not index or paths[index - 1] != paths[index]
    ]
    assert f"run 'afterno rename step make-a-development-plan {suggested}'" in message
    assert ("(is 'plan-your-development' its new name?)" in message) == bool(renamed_to)


@pytest.mark.parametrize("rule", RULES + COMPLETENESS, ids=lambda rule: rule.__name__)
def test_rule_passes_on_the_real_content(rule: Rule) -> None:
    """The real content keeps every rule."""
    assert rule(context(real())) == []


def test_every_rule_has_a_case() -> None:
    """Each rule in the table has at least one case below that breaks it."""
    assert {rule.__name__ for rule in RULES + COMPLETENESS} == {case[0].__name__ for case in CASES}


@pytest.mark.parametrize(
    ("rule", "change", "expected"), CASES, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_case(rule: Rule, change: Callable[[Content], Content], expected: list[str]) -> None:
    """The changed content breaks the rule with exactly these messages (or, for completeness, some)."""
    found = sorted(str(problem) for problem in rule(context(change(real()))))
    if expected:
        assert found == expected
    else:
        assert found and all("is not used by any step" in m or "is in no guide" in m for m in found), found


def test_completeness_waits_for_the_other_rules() -> None:
    """Unused points are not reported while another rule fails, nor while files have problems."""
    broken = first_item(due=9)(replace_first("steps", sources=())(real()))
    assert all("not used by any step" not in str(p) for p in check_across(context(broken)))
    unused = replace_first("steps", sources=())(real())
    assert check_across(context(unused), complete=False) == []
    assert check_across(context(unused)) != []
