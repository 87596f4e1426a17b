"""Validate one content file against its kind's JSON Schema, and say each failure in a contributor's words.

The schema (``schema.kind_schema``, made from the model) is the rule book: jsonschema finds what is
wrong, and ``MESSAGES`` turns each failed keyword into the message a contributor can act on, at the
line and column of the value. Two keywords differ from jsonschema's own only in what they skip:
a ``pattern`` or ``format`` never reads a text longer than its ``maxLength`` (that failure is the
message, and no pattern then costs more than the limit allows).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from .errors import MAX_FILE_PROBLEMS, Problem
from .model import MAX_ID_LENGTH, MAX_NUMBER, SKELETON_ID, SLUG_PATTERN, TYPE_EXAMPLES, TYPE_WORDS, FieldSpec, KindSpec
from .schema import kind_schema
from .slips import line_read_as_mapping, note_in_place_of_text
from .textrules import FORMAT_RULES, SKELETON_PROBLEM, http_problem, problem_offset
from .yamlsafe import Mark, MarkedList, MarkedMap, describe

#: A path inside a file's data, as jsonschema gives it: keys and list indexes.
ValuePath = tuple[str | int, ...]


def _bounded(keyword: Callable[..., Iterator[ValidationError]]) -> Callable[..., Iterator[ValidationError]]:
    """``keyword``, skipped for a text longer than the schema's maxLength (which already fails it)."""

    def check(validator: Any, value: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
        if isinstance(instance, str) and len(instance) > schema.get("maxLength", len(instance)):
            return
        yield from keyword(validator, value, instance, schema)

    return check


def _format(validator: Any, name: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """The model's rule behind a format (``textrules.FORMAT_RULES``); its message is the error's."""
    if isinstance(instance, str):
        message = FORMAT_RULES[name](instance)
        if message is not None:
            yield ValidationError(message)


ContentValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    {"pattern": _bounded(Draft202012Validator.VALIDATORS["pattern"]), "format": _bounded(_format)},
)


@cache
def _validator(kind: KindSpec) -> Any:
    return ContentValidator(kind_schema(kind))


@dataclass(frozen=True)
class Where:
    """A value inside a file: the field it belongs to, or the kind of mapping it should be."""

    value: Any
    mark: Mark
    spec: FieldSpec | None = None
    kind: KindSpec | None = None
    context: str = ""
    item: bool = False

    @property
    def name(self) -> str:
        return self.spec.name if self.spec else ""


def locate(kind: KindSpec, root: Any, path: ValuePath) -> Where:
    """Follow ``path`` from the file's root to the value it names, keeping its mark and its field."""
    where = Where(root, getattr(root, "mark", Mark(1, 1)), kind=kind, context=f"a {kind.title.lower()} file")
    for step in path:
        value, spec = where.value, where.spec
        if where.kind is not None and isinstance(step, str) and isinstance(value, MarkedMap):
            field = next(field for field in where.kind.fields if field.name == step)
            where = Where(value[step], value.value_marks[step], spec=field)
        elif isinstance(step, int) and isinstance(value, MarkedList) and spec is not None:
            mark = value.item_marks[step]
            if spec.item is not None:
                where = Where(value[step], mark, kind=spec.item, context=f"each entry of '{spec.name}'")
            else:
                where = Where(value[step], mark, spec=spec, item=True)
    return where


def validate(kind: KindSpec, value: Any, shown: str) -> tuple[list[Problem], set[ValuePath]]:
    """Every problem of one file's data, and the paths of the values found wrong (the build skips them)."""
    found: list[Found] = []
    invalid: set[ValuePath] = set()
    seen: set[tuple[ValuePath, str]] = set()
    for error in _validator(kind).iter_errors(value):
        path = tuple(error.absolute_path)
        group = error.validator if error.validator in ("required", "additionalProperties") else "value"
        if (path, group) in seen:
            # One message per value: the first keyword it fails says what to fix.
            continue
        seen.add((path, group))
        if group == "value":
            invalid.add(path)
        where = locate(kind, value, path)
        message = MESSAGES.get(str(error.validator), _unexpected)
        left = _left_from_skeleton(error, where)
        found += [Found(path, mark, text, left) for mark, text in message(where, error)]
    for path, mark, name in skeleton_ids(value):
        if path not in invalid:
            invalid.add(path)
            found.append(Found(path, mark, _skeleton_id_message(name), "id"))
    return [
        Problem(shown, one.mark.line, one.mark.column, one.message) for one in one_per_skeleton(kind, value, found)
    ], invalid


@dataclass(frozen=True)
class Found:
    """A problem of one value, before it is a ``Problem``; ``skeleton`` says what of a skeleton it still holds."""

    path: ValuePath
    mark: Mark
    message: str
    #: "text" (an instruction), "id" (the-step-id) or "empty" (an empty list), as ``afterno new`` wrote them.
    skeleton: str = ""


def _left_from_skeleton(error: ValidationError, where: Where) -> str:
    if error.validator == "format" and error.message == SKELETON_PROBLEM:
        return "text"
    return "empty" if error.validator == "minItems" and where.spec is not None else ""


def skeleton_ids(value: Any, path: ValuePath = ()) -> Iterator[tuple[ValuePath, Mark, str]]:
    """Each value still holding the id a skeleton puts where a step belongs (``model.SKELETON_ID``)."""
    if isinstance(value, MarkedMap):
        for key, item in value.items():
            if item == SKELETON_ID:
                yield (*path, key), value.value_marks[key], key
            else:
                yield from skeleton_ids(item, (*path, key))
    elif isinstance(value, MarkedList):
        for index, item in enumerate(value):
            yield from skeleton_ids(item, (*path, index))


def _skeleton_id_message(name: str) -> str:
    return (
        f"'{name}' is still the skeleton's '{SKELETON_ID}'. "
        "Write the id of the step this belongs to in its place (the file name in content/steps/, without .yml)."
    )


def _entry(path: ValuePath) -> ValuePath:
    """The path of the mapping (the file, or one entry of a list) that the value at ``path`` is a field of."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    return path[:-1]


def one_per_skeleton(kind: KindSpec, value: Any, found: list[Found]) -> list[Found]:
    """``found``, with the skeleton text, ids and empty lists of one untouched skeleton said in one message."""
    groups: dict[ValuePath, list[Found]] = {}
    for one in found:
        if one.skeleton:
            groups.setdefault(_entry(one.path), []).append(one)
    merged = {
        entry: left for entry, left in groups.items() if len(left) > 1 and any(o.skeleton == "text" for o in left)
    }
    kept = [one for one in found if not (one.skeleton and _entry(one.path) in merged)]
    for entry, left in merged.items():
        words = locate(kind, value, entry).kind or kind
        left.sort(key=lambda one: (one.mark.line, one.mark.column))
        kept.append(Found(entry, left[0].mark, _skeleton_message(words.title.lower(), left)))
    return kept


def _skeleton_message(what: str, left: list[Found]) -> str:
    def listed(ones: list[Found]) -> str:
        names = [f"{_field(one.path)} (line {one.mark.line})" for one in ones]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    texts = [one for one in left if one.skeleton == "text"]
    ids = [one for one in left if one.skeleton == "id"]
    empty = [one for one in left if one.skeleton == "empty"]
    then = [f"set {listed(ids)} to the id of its step"] if ids else []
    then += [f"fill in {listed(empty)}"] if empty else []
    message = (
        f"this {what} is still the skeleton that 'afterno new' wrote. "
        f"Write your own words in place of the skeleton text in {listed(texts)}"
    )
    return message + (f"; then {', and '.join(then)}." if then else ".")


def _field(path: ValuePath) -> str:
    return str(next(step for step in reversed(path) if isinstance(step, str)))


# --- The message for each keyword -----------------------------------------------------------------

Messages = list[tuple[Mark, str]]


def example(spec: FieldSpec) -> str:
    """A value a contributor could write for ``spec``."""
    if spec.type == "choice" and spec.choices:
        return spec.choices[0]
    return spec.example or TYPE_EXAMPLES.get(spec.type, "...")


def fix(spec: FieldSpec) -> str:
    """How to write a value of ``spec``, for messages about a missing or wrong one."""
    if spec.nullable:
        return f"Write {spec.name}: null if it is unknown."
    if spec.type in ("line", "text") and not spec.example:
        return f"Write the words after '{spec.name}: ', in double quotes if they are a number or contain ': '."
    return f"Example: {spec.name}: {example(spec)}"


def _one(where: Where, message: str) -> Messages:
    return [(where.mark, message)]


def _id_message(where: Where) -> str:
    message = _id_words(where)
    parts = where.value.split() if isinstance(where.value, str) else []
    if where.item and len(parts) > 1 and all(re.fullmatch(SLUG_PATTERN, part) for part in parts):
        # Two ids with a space between them: the comma of a list was left out.
        return message + f" If these are {len(parts)} ids, put a comma between them: {', '.join(parts)}."
    slug = SLUG_LIKE.sub("-", where.value.lower()).strip("-") if isinstance(where.value, str) else ""
    if slug and slug != where.value and len(slug) <= MAX_ID_LENGTH and where.spec and where.spec.type != "name":
        message += f" Write it as {slug}."
    return message


#: What an id may not hold: an id is lowercase letters and digits, with single hyphens between them.
SLUG_LIKE = re.compile(r"[^a-z0-9]+")


def _id_words(where: Where) -> str:
    spec = where.spec
    assert spec is not None
    if spec.type == "name":
        return f"'{spec.name}' must be lowercase_with_underscores (like {spec.example}), found {describe(where.value)}."
    if spec.type == "ids":
        return (
            f"each old id in '{spec.name}' must be made of lowercase letters, digits and single hyphens "
            f"(like ask-for-feedback), found {describe(where.value)}."
        )
    if spec.type == "id":
        return (
            f"'{spec.name}' must be an id made of lowercase letters, digits and single hyphens "
            f"(like {spec.example or 'ask-for-feedback'}), found {describe(where.value)}."
        )
    return f"'{spec.name}' must name a {spec.target} by its id (lowercase-with-hyphens), found {describe(where.value)}."


def _string_for_list(spec: FieldSpec, value: str) -> str:
    """The message for a string written where a list belongs."""
    if spec.type == "applies" and value.strip().lower() == "all":
        return f"'{spec.name}' must be the word all in small letters, found the string \"{value}\". Write it as all."
    if spec.type == "applies":
        return (
            f"'{spec.name}' must be the word all or a list of situation ids, found the string "
            f'"{value}". Write it as [{value}] or all.'
        )
    if spec.type in ("refs", "ids"):
        return (
            f"'{spec.name}' must be a list of {spec.target or 'old'} ids, found the string \"{value}\". "
            f"Write it as [{value}]."
        )
    if spec.type == "lines" and value.startswith("-") and not value.startswith("- "):
        return (
            f"'{spec.name}' must be {TYPE_WORDS[spec.type]}, but its line has no space after the '-', so YAML reads "
            f"it as text. Put a space after the dash: - {_shown_list(value[1:].strip())}"
        )
    if "," in value and "\n" not in value.strip():
        words = ", ".join(part.strip() for part in value.split(",") if part.strip())
        return (
            f"'{spec.name}' must be {TYPE_WORDS[spec.type]}, found {describe(value)}. "
            f"Put the list in square brackets: {spec.name}: [{_shown_list(words)}]"
        )
    return (
        f"'{spec.name}' must be {TYPE_WORDS[spec.type]}, found {describe(value)}. "
        "Write each line as its own item starting with '- '."
    )


def _shown_list(words: str) -> str:
    return words if len(words) <= 60 else words[:59].rsplit(",", 1)[0] + ", ..."


def _wrong_type(where: Where, error: ValidationError) -> Messages:
    spec, value = where.spec, where.value
    if spec is None:
        assert where.kind is not None
        keys = ", ".join(field.name for field in where.kind.fields)
        return _one(where, f"{where.context} must be a mapping with the keys {keys}; found {describe(value)}.")
    if value is None and not where.item:
        return _one(where, f"'{spec.name}' is empty; it must be {TYPE_WORDS[spec.type]}. {fix(spec)}")
    if isinstance(value, str) and not where.item and spec.type in ("lines", "refs", "ids", "applies"):
        return _one(where, _string_for_list(spec, value))
    if where.item and spec.type == "lines" and isinstance(value, MarkedMap) and len(value) == 1:
        return _one(where, _line_as_mapping(spec, value))
    if spec.type in ("id", "name") or (where.item and spec.type in ("refs", "applies")):
        return _one(where, _id_message(where))
    patterned = ("url", "date", "email", "language")
    return _one(where, _pattern_message(where) if spec.type in patterned else _wrong_words(spec, value))


def _line_as_mapping(spec: FieldSpec, value: MarkedMap) -> str:
    """A line of a list that YAML read as ``key: value``: a note left in, or a line holding ': '."""
    ((key, text),) = value.items()
    note = note_in_place_of_text(key, text, f"which YAML reads as a key, not as a line of '{spec.name}'")
    return note or line_read_as_mapping(key, text, spec.name)


def _wrong_words(spec: FieldSpec, value: Any) -> str:
    if isinstance(value, bool) and spec.type in ("line", "text"):
        return (
            f"'{spec.name}' must be {TYPE_WORDS[spec.type]}, but YAML reads yes, no, true, false, on and off "
            f'on their own as a yes-or-no value. Put the text in double quotes: {spec.name}: "..."'
        )
    return f"'{spec.name}' must be {TYPE_WORDS[spec.type]}, found {describe(value)}. {fix(spec)}"


def _pattern_message(where: Where) -> str:
    spec = where.spec
    assert spec is not None
    if spec.type == "url":
        value = where.value
        if isinstance(value, str) and value.lower().startswith("http://"):
            return f"'{spec.name}' {http_problem(value, whole=True)}"
        return f"'{spec.name}' must be a full https:// address or null, found {describe(value)}."
    if spec.type == "date":
        return f"'{spec.name}' must be a date written YYYY-MM-DD or null, found {describe(where.value)}."
    if spec.type == "email":
        example = spec.example or "careers@example.edu"
        return f"'{spec.name}' must be an email address like {example}, found {describe(where.value)}."
    if spec.type == "language":
        return (
            f"'{spec.name}' must be a language tag such as en, es or pt-BR (BCP 47), found {describe(where.value)}. "
            "Write the short code of the language you wrote the file in, or null for English."
        )
    if spec.type == "applies" and not where.item:
        return _string_for_list(spec, where.value)
    return _id_message(where)


def _pattern(where: Where, error: ValidationError) -> Messages:
    return _one(where, _pattern_message(where))


def _too_long(where: Where, error: ValidationError) -> Messages:
    spec = where.spec
    assert spec is not None
    if spec.type in ("id", "ref", "refs", "ids", "applies", "name"):
        return _one(where, f"'{spec.name}' is longer than {MAX_ID_LENGTH} characters; use a shorter id.")
    limit = error.validator_value
    return _one(where, f"'{spec.name}' is {len(where.value)} characters long; it must be at most {limit}. Shorten it.")


def _rule(where: Where, error: ValidationError) -> Messages:
    spec = where.spec
    assert spec is not None
    message = f"'{spec.name}' {error.message}"
    if error.message.startswith("is empty"):
        message += f" {fix(spec)}"
    # Pointed at the slip itself: in a text over several lines, that is its own line, not the key's.
    rule, value = error.validator_value, where.value
    offset = problem_offset(rule, value) if isinstance(rule, str) and isinstance(value, str) else 0
    return [(where.mark.at(offset), message)]


def _blank(where: Where, error: ValidationError) -> Messages:
    spec = where.spec
    assert spec is not None
    return _one(where, f"'{spec.name}' is empty; write the text. {fix(spec)}")


#: How to write a number too small for its field, by field: days count from the day they said no.
SMALLEST_HINTS = {
    "due": "Days count from the day they said no: 0 is that day, 1 the day after. Write due: 0 or a later day.",
    "from_day": "Days count from the day they said no: 0 is that day. Write from_day: 0 or a later day.",
    "to_day": "Days count from the day they said no: 0 is that day. Write to_day: 0 or a later day.",
    "order": "Orders start at 1, which comes first. Write order: 1 or a higher number.",
    "max_characters": "Write the most characters the message may have, such as max_characters: 200, "
    "or leave the key out when there is no limit.",
}


def _too_small(where: Where, error: ValidationError) -> Messages:
    least = error.validator_value
    hint = SMALLEST_HINTS.get(where.name, f"Write a whole number of at least {least}: {where.name}: {least}")
    return _one(where, f"'{where.name}' is {where.value}, but it must be at least {least}. {hint}")


def _too_large(where: Where, error: ValidationError) -> Messages:
    return _one(where, f"'{where.name}' is {where.value}; that is far too large. Use a number up to {MAX_NUMBER}.")


def _not_a_choice(where: Where, error: ValidationError) -> Messages:
    spec = where.spec
    assert spec is not None
    return _one(where, f"'{spec.name}' must be one of {', '.join(spec.choices)}; found {describe(where.value)}.")


def _empty_list(where: Where, error: ValidationError) -> Messages:
    spec = where.spec
    assert spec is not None
    empty = {"lines": "add at least one line", "items": "add at least one entry"}
    return _one(
        where, f"'{spec.name}' is an empty list; {empty.get(spec.type, f'name at least one {spec.target} id')}."
    )


def repeats(values: list[Any], marks: list[Mark]) -> Iterator[tuple[Mark, Mark, Any]]:
    """Each item of a list that repeats an earlier one: where it is, where the first copy is, and the item."""
    first: dict[str, Mark] = {}
    for item, mark in zip(values, marks, strict=True):
        key = item if isinstance(item, str) else repr(item)
        if key in first:
            yield mark, first[key], key
        else:
            first[key] = mark


def repeated_line_message(name: str, key: str, mark: Mark, first: Mark) -> str:
    """A line of a list of text lines written twice: the second copy names where the first is."""
    if first.line == mark.line:
        return f"'{name}' already has '{key}' earlier on this line (column {first.column}); remove one of them."
    return f"'{name}' already has this line, on line {first.line}; remove one of them."


def _listed_twice(where: Where, error: ValidationError) -> Messages:
    lines = where.spec is not None and where.spec.type == "lines"
    return [
        (
            mark,
            repeated_line_message(where.name, key, mark, first)
            if lines
            else f"'{where.name}' lists '{key}' twice. Remove one of them.",
        )
        for mark, first, key in repeats(where.value, where.value.item_marks)
    ]


def _missing_keys(where: Where, error: ValidationError) -> Messages:
    assert where.kind is not None
    found: Messages = []
    known = [spec.name for spec in where.kind.fields]
    # A misspelt key ('titel') is one mistake: its own message says which key it should be, so that key is not
    # also reported missing.
    # (Only the first keys, as messages list only those: a hostile file may hold thousands.)
    unknown = islice((key for key in where.value if key not in known), MAX_FILE_PROBLEMS)
    misspelt = {close for key in unknown for close in _closest(key, known)}
    for spec in where.kind.fields:
        if spec.required and spec.name not in where.value and spec.name not in misspelt:
            message = (
                f"{where.context} is missing the key '{spec.name}' ({TYPE_WORDS[spec.type]}). "
                f"Add it: {spec.name}: {example(spec)}"
            )
            found.append((where.mark, message))
    return found


def _unknown_keys(where: Where, error: ValidationError) -> Messages:
    assert where.kind is not None
    known = [spec.name for spec in where.kind.fields]
    found: Messages = []
    for key in where.value:
        if len(found) > MAX_FILE_PROBLEMS:
            # Keys stand in file order and a file lists only its first problems: the rest would be cut off
            # anyway, and a close-match search for each of thousands of keys took seconds.
            break
        if key not in known:
            note = note_in_place_of_text(key, where.value[key], f"which YAML reads as a key of {where.context}")
            if note is not None:
                found.append((where.value.key_marks[key], note))
                continue
            close = _closest(key, known)
            hint = f"Did you mean '{close[0]}'?" if close else f"The keys of {where.context} are: {', '.join(known)}."
            found.append((where.value.key_marks[key], f"unknown key '{key}' in {where.context}. {hint}"))
    return found


def _closest(key: str, known: list[str]) -> list[str]:
    """The known key that ``key`` is most likely a slip for (a typo, or capitals), if any."""
    if key.lower() in known:
        return [key.lower()]
    return difflib.get_close_matches(key, known, n=1)


def _unexpected(where: Where, error: ValidationError) -> Messages:
    """A keyword the table does not know yet (a test keeps every keyword the schemas use in the table)."""
    return _one(where, f"'{where.name}' does not match the schema: {error.message[:200]}")


#: The message for each JSON Schema keyword a value can fail.
MESSAGES: dict[str, Callable[[Where, ValidationError], Messages]] = {
    "type": _wrong_type,
    "required": _missing_keys,
    "additionalProperties": _unknown_keys,
    "minItems": _empty_list,
    "minLength": _blank,
    "maxLength": _too_long,
    "pattern": _pattern,
    "format": _rule,
    "minimum": _too_small,
    "maximum": _too_large,
    "enum": _not_a_choice,
    "uniqueItems": _listed_twice,
}
