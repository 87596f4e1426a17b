"""The rules across files (and across the items of one file) that no schema of a single value can state.

Each rule is a small function from the loaded content to its problems, listed in ``RULES``; the
completeness rules in ``COMPLETENESS`` run only once every other rule passes, so that one broken
step does not also report its source points as unused.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .build import CLASSES, COLLECTIONS
from .errors import Problem
from .model import TEMPLATE_FIELD, Content, KindSpec, Ref
from .yamlsafe import Mark


@dataclass(frozen=True)
class Context:
    """The content, where each file's top-level keys are written, and every id declared anywhere."""

    content: Content
    key_marks: Mapping[tuple[str, str], Mark]
    #: Ids declared even by items too broken to build, by the kind of file that declares them: a
    #: reference to one of the right kind is not reported as missing, since the broken item has its own message.
    declared: Mapping[str, frozenset[str]]

    def at(self, path: str, key: str, message: str) -> Problem:
        """A problem at the key ``key`` of the file ``path``."""
        mark = self.key_marks.get((path, key), Mark(1, 1))
        return Problem(path, mark.line, mark.column, message)


def _at(item: Any, message: str) -> Problem:
    """A problem at an item (anything with a path, line and column)."""
    return Problem(item.path, item.line, item.column, message)


#: How messages name each kind of reference target, and the folder its ids come from.
TARGETS: dict[str, tuple[str, str]] = {
    "phase": ("phase", "content/phases.yml"),
    "situation": ("situation", "content/situations/"),
    "point": ("source point", "content/sources/"),
    "step": ("step", "content/steps/"),
}


#: The kind of file whose ids each reference target names.
DECLARED_BY: dict[str, str] = {"phase": "phases", "situation": "situation", "point": "source", "step": "step"}
#: How messages name the items of each kind of file, for a reference to an id of the wrong kind.
KIND_WORDS: dict[str, str] = {
    "step": "step",
    "guide": "guide",
    "situation": "situation",
    "template": "message template",
    "source": "source",
    "phases": "phase",
    "checklist": "checklist item",
    "centre": "careers centre",
    "resource": "local resource",
}


def _known(content: Content, target: str) -> Mapping[str, Any]:
    indexes: dict[str, Mapping[str, Any]] = {
        "phase": content.phase_by_id,
        "situation": content.situation_by_id,
        "point": content.points,
        "step": content.step_by_id,
    }
    return indexes[target]


def objects(content: Content) -> Iterator[tuple[KindSpec, Any]]:
    """Every object of the content with its kind, nested ones (points, checklist items…) included."""
    kinds = {cls: kind for kind, cls in CLASSES.items()}

    def walk(items: Iterable[Any]) -> Iterator[tuple[KindSpec, Any]]:
        for item in items:
            kind = kinds[type(item)]
            yield kind, item
            for spec in kind.fields:
                if spec.item is not None:
                    yield from walk(getattr(item, spec.name))

    for name in COLLECTIONS.values():
        yield from walk(getattr(content, name))


def _refs(value: Any) -> Iterable[Ref]:
    """The references a field holds: one, a list of them, or none."""
    return (value,) if isinstance(value, Ref) else value or ()


def references_resolve(context: Context) -> list[Problem]:
    """Every id a field refers to (its spec's ``target``) exists, or is declared by a broken item.

    An id missing from several places is one problem (the item was deleted or renamed by hand, not mistyped),
    at its first use, listing the others and the ways out.
    """
    missing: dict[tuple[str, str], list[tuple[Ref, str]]] = {}
    for kind, item in objects(context.content):
        for spec in kind.fields:
            if spec.target is None:
                continue
            known = _known(context.content, spec.target)
            declared = context.declared.get(DECLARED_BY[spec.target], frozenset())
            for ref in _refs(getattr(item, spec.name)):
                if ref.id not in known and ref.id not in declared:
                    missing.setdefault((spec.target, ref.id), []).append((ref, spec.name))
    problems: list[Problem] = []
    for (target, _), uses in missing.items():
        known = _known(context.content, target)
        if len(uses) == 1 or _kind_of(context, uses[0][0].id) is not None:
            problems.extend(_missing(context, ref, target, known, key) for ref, key in uses)
        else:
            problems.append(_gone(context, target, [ref for ref, _ in uses]))
    return problems


#: The kinds with a file per item (their TARGETS folder + <id>.yml), which `afterno rename` renames.
RENAMED_BY_COMMAND = frozenset({"step", "situation"})


def _gone(context: Context, target: str, uses: list[Ref]) -> Problem:
    """One problem for an id used in several places that no item has: where it is used, and what to do."""
    words, folder = TARGETS[target]
    uses = sorted(uses, key=lambda ref: (ref.path, ref.line, ref.column))
    old = uses[0].id
    places = [
        f"{ref.line}" if index and uses[index - 1].path == ref.path else f"{ref.path}:{ref.line}"
        for index, ref in enumerate(uses)
    ]
    listed = ", ".join(places)
    if target in RENAMED_BY_COMMAND:
        file = f"{folder}{old}.yml"
        unused = _unreferenced(context, target)
        new = unused[0] if len(unused) == 1 else "NEW-ID"
        renamed = f" (is '{new}' its new name?)" if len(unused) == 1 else ""
        ways = (
            f"If you deleted or renamed {file}{renamed}, put it back as it was, then run "
            f"'afterno rename {target} {old} {new}', which changes every place for you; "
            f"to remove the {words}, take it out of these {len(uses)} places."
        )
    else:
        ways = f"Use an id from {folder} in each of them, or add the {words} '{old}' back."
    return _at(uses[0], f"the {words} '{old}' does not exist, but {len(uses)} places use it: {listed}. {ways}")


def _unreferenced(context: Context, target: str) -> list[str]:
    """The ids of the ``target`` kind that nothing refers to: a hand-renamed item is one of them."""
    used = {
        ref.id
        for kind, item in objects(context.content)
        for spec in kind.fields
        if spec.target == target
        for ref in _refs(getattr(item, spec.name))
    }
    return sorted(set(_known(context.content, target)) - used)


def _missing(context: Context, ref: Ref, target: str, known: Mapping[str, Any], key: str) -> Problem:
    """A reference to no item of its kind: to one of another kind (a guide where a step belongs), or to nothing."""
    words, folder = TARGETS[target]
    close = difflib.get_close_matches(ref.id, list(known), n=1)
    hint = f"Did you mean '{close[0]}'?" if close else f"Use an id from {folder}."
    other = _kind_of(context, ref.id)
    if other is None:
        return _at(ref, f"'{key}' refers to the {words} '{ref.id}', which does not exist. {hint}")
    guide = next((g for g in context.content.guides if g.id == ref.id), None)
    if target == "step" and guide is not None and guide.steps:
        hint = f"Name one of that guide's steps instead, such as '{guide.steps[0].id}'."
    return _at(ref, f"'{key}' refers to the {other} '{ref.id}', but a {words} is expected here. {hint}")


def _kind_of(context: Context, item_id: str) -> str | None:
    """How messages name the kind of item that has the id ``item_id`` (any kind), or None if none has it."""
    content = context.content
    named: tuple[tuple[str, Iterable[Any]], ...] = (
        ("guide", content.guides),
        ("step", content.steps),
        ("situation", content.situations),
        ("message template", content.templates),
        ("checklist item", content.checklist_items),
        ("phase", content.phases),
        ("source point", content.points.values()),
    )
    found = next((words for words, items in named if any(item.id == item_id for item in items)), None)
    declared = (kind for kind, ids in sorted(context.declared.items()) if item_id in ids)
    return found or next((KIND_WORDS.get(kind, kind) for kind in declared), None)


def ids_are_unique(context: Context) -> list[Problem]:
    """No two items of one kind share an id; the later one (in file order) is reported."""
    problems = []
    first: dict[tuple[str, str], Any] = {}
    located = [(kind, item) for kind, item in objects(context.content) if hasattr(item, "id")]
    for kind, item in sorted(located, key=lambda pair: (pair[1].path, pair[1].line, pair[1].column)):
        words = "checklist item" if kind.name == "checklist-item" else kind.name.replace("-", " ")
        earlier = first.setdefault((words, item.id), item)
        if earlier is not item:
            problems.append(
                _at(
                    item,
                    f"the {words} id '{item.id}' is already used in {earlier.path}:{earlier.line}. "
                    f"Give this {words} a different id.",
                )
            )
    return problems


def steps_are_not_related_to_themselves(context: Context) -> list[Problem]:
    """A step's related steps do not include the step itself."""
    return [
        _at(ref, "a step cannot be related to itself; remove it.")
        for step in context.content.steps
        for ref in step.related
        if ref.id == step.id
    ]


def orders_are_unique(context: Context) -> list[Problem]:
    """No two guides, situations or message templates share an order."""
    problems = []
    content = context.content
    for kind, items in (("guide", content.guides), ("situation", content.situations), ("template", content.templates)):
        used: dict[int, str] = {}
        for item in items:
            if item.order in used:
                message = (
                    f"order {item.order} is also used by the {kind} '{used[item.order]}'. Give each a different order."
                )
                problems.append(context.at(item.path, "order", message))
            used[item.order] = item.id
    return problems


def phrase_situations_have_a_phrase(context: Context) -> list[Problem]:
    """A situation of kind phrase says which words they used."""
    message = "a situation of kind phrase needs the key 'phrase': the words they used."
    return [
        context.at(s.path, "kind", message) for s in context.content.situations if s.kind == "phrase" and not s.phrase
    ]


def situation_steps_apply_to_it(context: Context) -> list[Problem]:
    """Each key step of a situation applies to that situation."""
    problems = []
    steps = context.content.step_by_id
    for situation in context.content.situations:
        for ref in situation.steps:
            step = steps.get(ref.id)
            if step is not None and _resolved(context, step.applies_to) and not step.applies(situation.id):
                message = (
                    f"the step '{ref.id}' does not apply to '{situation.id}' (see its applies_to in {step.path}). "
                    f"Add {situation.id} to that step's applies_to, or remove it here."
                )
                problems.append(_at(ref, message))
    return problems


def _resolved(context: Context, applies_to: tuple[Ref, ...] | None) -> bool:
    """Whether every situation in ``applies_to`` exists: a list with a misspelt one is not compared with others,
    since the misspelt id has its own message and the list does not yet say what was meant."""
    known = context.content.situation_by_id
    return applies_to is None or all(ref.id in known for ref in applies_to)


def placeholders_match_the_message(context: Context) -> list[Problem]:
    """A message template declares exactly the {placeholders} its subject and body use, each once."""
    problems = []
    for template in context.content.templates:
        names = [placeholder.name for placeholder in template.placeholders]
        used = dict.fromkeys(TEMPLATE_FIELD.findall(template.subject) + TEMPLATE_FIELD.findall(template.body))
        messages = [
            f"the message uses {{{name}}} but 'placeholders' does not declare it. "
            f"Add '- name: {name}' with a label and an example, or fix the spelling."
            for name in used
            if name not in names
        ]
        messages += [
            f"the placeholder '{name}' is declared but the subject and body never use {{{name}}}. Use it or remove it."
            for name in sorted(set(names) - set(used))
        ]
        if len(set(names)) != len(names):
            messages.append("a placeholder name is declared twice; keep one.")
        problems += [context.at(template.path, "placeholders", message) for message in messages]
    return problems


def shared_placeholders_agree(context: Context) -> list[Problem]:
    """A placeholder used by several templates is one box on the page: its label, example and checklist agree."""
    problems = []
    first: dict[str, tuple[str, tuple[str, str, str | None]]] = {}
    for template in context.content.templates:
        for placeholder in template.placeholders:
            shown = (placeholder.label, placeholder.example, placeholder.checklist)
            path, seen = first.setdefault(placeholder.name, (template.path, shown))
            if path == template.path or seen == shown:
                continue
            message = (
                f"the placeholder '{placeholder.name}' is also used in {path}, and the page shows one box for both: "
                f"give it the same label, example and checklist there and here (label: {seen[0]!r}, "
                f"example: {seen[1]!r}, checklist: {seen[2] or 'none'})."
            )
            problems.append(context.at(template.path, "placeholders", message))
    return problems


def phases_end_after_they_start(context: Context) -> list[Problem]:
    """A phase's last day is not before its first."""
    return [
        _at(
            phase,
            f"phase '{phase.id}' ends before it starts: "
            f"to_day ({phase.to_day}) is less than from_day ({phase.from_day}).",
        )
        for phase in context.content.phases
        if phase.to_day < phase.from_day
    ]


def checklist_follows_the_phases(context: Context) -> list[Problem]:
    """The checklist lists each phase once, in the order of phases.yml."""
    order = [phase.id for phase in context.content.phases]
    listed = [entry.phase.id for entry in context.content.checklist]
    known = [phase_id for phase_id in listed if phase_id in order]
    if known == [phase_id for phase_id in order if phase_id in listed] and len(set(listed)) == len(listed):
        return []
    first = context.content.checklist[0].phase if context.content.checklist else Ref("", "content/checklist.yml", 1, 1)
    message = f"the checklist's phases must each appear once, in the order of content/phases.yml: {', '.join(order)}."
    return [_at(first, message)]


def items_are_due_within_their_phase(context: Context) -> list[Problem]:
    """Each checklist item is due on a day inside its phase."""
    problems = []
    phases = context.content.phase_by_id
    for item in context.content.checklist_items:
        phase = phases.get(item.phase)
        if phase is not None and not phase.from_day <= item.due <= phase.to_day:
            message = (
                f"item '{item.id}' is due on day {item.due}, outside its phase '{phase.id}' "
                f"(days {phase.from_day} to {phase.to_day}). Change 'due' or move the item."
            )
            problems.append(_at(item, message))
    return problems


def items_apply_no_wider_than_their_step(context: Context) -> list[Problem]:
    """A checklist item applies only to situations its step applies to."""
    problems = []
    steps = context.content.step_by_id
    for item in context.content.checklist_items:
        step = steps.get(item.step.id)
        if step is None or step.applies_to is None or not _resolved(context, step.applies_to):
            continue
        allowed = {ref.id for ref in step.applies_to}
        known = context.content.situation_by_id
        # A situation that does not exist has its own message (references_resolve), so it is no extra here.
        written = {ref.id for ref in item.applies_to if ref.id in known} if item.applies_to is not None else None
        extra = sorted(written - allowed) if written is not None else ["all"]
        if extra:
            message = (
                f"item '{item.id}' applies to {', '.join(extra)}, but its step '{step.id}' only "
                f"applies to {', '.join(sorted(allowed))}. Narrow the item's applies_to."
            )
            problems.append(_at(item, message))
    return problems


def replaced_ids_are_gone(context: Context) -> list[Problem]:
    """An item replaces only ids no current item of its kind has, and no two items keep one old id.

    Saved progress moves over once, never twice, and an old link lands on one place.
    """
    content = context.content
    kinds: tuple[tuple[str, Iterable[Any]], ...] = (
        ("item", content.checklist_items),
        ("step", content.steps),
        ("guide", content.guides),
        ("situation", content.situations),
    )
    problems = []
    for words, group in kinds:
        items = list(group)
        current = {item.id for item in items}
        kept: dict[str, str] = {}
        for item in items:
            for old in item.replaces:
                if old in current:
                    message = (
                        f"{words} '{item.id}' replaces '{old}', but '{old}' is still a current {words} id. "
                        "An id can only be replaced once it is gone."
                    )
                elif kept.setdefault(old, item.id) != item.id:
                    message = (
                        f"{words} '{item.id}' replaces '{old}', but the {words} '{kept[old]}' already keeps it. "
                        "An old id leads to one place: remove it here."
                    )
                else:
                    continue
                problems.append(_at(item, message) if words == "item" else context.at(item.path, "replaces", message))
    return problems


def every_point_is_used(context: Context) -> list[Problem]:
    """Each source point is used by at least one step: the content covers every article completely."""
    used = {ref.id for step in context.content.steps for ref in step.sources}
    message = "the point '{}' is not used by any step. Add it to the sources of the step that covers it."
    return [_at(point, message.format(point.id)) for point in context.content.points.values() if point.id not in used]


def every_step_is_in_a_guide(context: Context) -> list[Problem]:
    """Each step is in a guide, so it has a page and an anchor."""
    in_guides = {ref.id for guide in context.content.guides for ref in guide.steps}
    return [
        context.at(
            step.path,
            "id",
            f"the step '{step.id}' is in no guide, so it has no page. "
            "Add its id to the steps of a guide in content/guides/.",
        )
        for step in context.content.steps
        if step.id not in in_guides
    ]


#: A number of steps written out: "four steps", "5 short steps" (not "one small step", which counts nothing).
STEP_COUNT = re.compile(
    r"(?i)\b(?:(?:these|the|those|all|its)\s++)?(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]++)"
    r"\s++(?:[a-z]++\s++)?steps\b"
)


def guides_write_no_step_count(context: Context) -> list[Problem]:
    """A guide's summary and intro never count its steps: a count written by hand goes stale when one is added."""
    problems = []
    for guide in context.content.guides:
        for key in ("summary", "intro"):
            found = STEP_COUNT.search(getattr(guide, key))
            if found is None:
                continue
            words = " ".join(found.group(0).split())
            fixed = " ".join(word for word in words.split() if word != found.group(1))
            message = (
                f"'{key}' counts the guide's steps ('{words}'): a count written by hand goes stale when a step is "
                f"added. Leave the number out: write '{fixed}'."
            )
            problems.append(context.at(guide.path, key, message))
    return problems


Rule = Callable[[Context], list[Problem]]

#: Every rule across files and items, in the order their messages are usually fixed.
RULES: tuple[Rule, ...] = (
    ids_are_unique,
    references_resolve,
    steps_are_not_related_to_themselves,
    orders_are_unique,
    phrase_situations_have_a_phrase,
    situation_steps_apply_to_it,
    placeholders_match_the_message,
    shared_placeholders_agree,
    phases_end_after_they_start,
    checklist_follows_the_phases,
    items_are_due_within_their_phase,
    items_apply_no_wider_than_their_step,
    replaced_ids_are_gone,
    guides_write_no_step_count,
)
#: Checked only when every rule above passes.
COMPLETENESS: tuple[Rule, ...] = (every_point_is_used, every_step_is_in_a_guide)


def check_across(context: Context, complete: bool = True) -> list[Problem]:
    """The problems of every rule, and of the completeness rules when there are no others.

    Args:
        context: The content and where it is written.
        complete: False when the files themselves have problems: completeness is judged only after.
    """
    problems = [problem for rule in RULES for problem in rule(context)]
    if problems or not complete:
        return problems
    return [problem for rule in COMPLETENESS for problem in rule(context)]
