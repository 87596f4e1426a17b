"""Read a YAML file safely, keeping the line and column of every key and value.

PyYAML's ``safe_load`` forgets where values came from, silently keeps the last of two
duplicate keys, and expands aliases (the "billion laughs" bomb). Contributors need
every mistake pointed at a line, so this module checks PyYAML's events, then walks its
node tree itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem, capped
from .slips import yaml_error_slip

MAX_DEPTH = 32
# Parsing costs time per value: this bounds a hostile file to about a second. The largest real
# file (checklist.yml) holds a few hundred; 100 times the content still fits.
MAX_EVENTS = 60_000
#: Event problems worth listing before the rest of a broken file stops mattering.
MAX_EVENT_PROBLEMS = 20
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# A tab at the start of a line, after spaces only: linear (one pass, no backtracking).
_TAB_INDENT = re.compile(r"^ *+\t", re.MULTILINE)
#: A non-breaking space (U+00A0) at the start of a line, after spaces only, which YAML does not read as indentation.
_NBSP_INDENT = re.compile("^ *+\u00a0", re.MULTILINE)


#: Where each line of a text value stands: (offset in the value, line, column, length of the line's text).
Spans = tuple[tuple[int, int, int, int], ...]


@dataclass(frozen=True)
class Mark:
    """A position in a content file, 1-based as editors show it.

    A text written over several lines (a ``>-`` block, say) also keeps where each of its lines
    stands, so that a problem found inside the text can be pointed at its own line and column.
    """

    line: int
    column: int
    spans: Spans = field(default=(), compare=False, repr=False)

    def at(self, offset: int) -> Mark:
        """Where the character ``offset`` of the text value starting here is written.

        A plain value on one line is written as it reads; in a value over several lines, an offset
        that falls where YAML joined two lines is shown at the start of the next line.
        """
        if not self.spans:
            return Mark(self.line, self.column + max(offset, 0))
        for start, line, column, length in self.spans:
            if offset < start:
                return Mark(line, column)
            if offset < start + length:
                return Mark(line, column + offset - start)
        _, line, column, length = self.spans[-1]
        return Mark(line, column + length)


class MarkedMap(dict[str, Any]):
    """A YAML mapping that remembers where it, each key and each value stand."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}
        #: Whether its first key came a second time (an entry that lost its dash joined it).
        self.restarted = False


class MarkedList(list[Any]):
    """A YAML sequence that remembers where it and each of its items stand."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads dates and times as plain strings."""


# Dates stay strings ("2016-12-13") so the model sees what the contributor wrote.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


#: libyaml's loader (twenty times faster) with the same resolvers, or PyYAML's own where libyaml is missing.
_FastLoader: Any = type("_FastLoader", (getattr(yaml, "CSafeLoader", _Loader),), {})
_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _mark(node_mark: Any) -> Mark:
    if node_mark is None:
        return Mark(1, 1)
    return Mark(node_mark.line + 1, node_mark.column + 1)


def describe(value: Any) -> str:
    """Say what a value is, the way a contributor would recognise it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the string "{shown}"'
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def load_yaml(path: str, data: bytes) -> tuple[Any, list[Problem]]:
    """Parse one content file.

    Args:
        path: The file's path as it should appear in messages (relative to the project).
        data: The file's raw bytes (already within the size limit).

    Returns:
        The document as ``MarkedMap``/``MarkedList``/scalars, or ``None`` when it could not be
        read, and every problem found on the way.
    """
    text, problem = _decode(path, data)
    if problem is not None:
        return None, [problem]
    problems = _check_events(path, text)
    if problems:
        return None, problems
    try:
        # The events passed every check (no anchors, aliases, tags or deep nesting): the tree can be built.
        node = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_error(path, text, exc)]
    if node is None:
        return None, [Problem(path, 1, 1, "the file is empty. Write the item's keys, or delete the file.")]
    builder = _Builder(path, text)
    try:
        value = builder.value(node)
    finally:
        builder.loader.dispose()
    return value, capped(builder.problems)


def _decode(path: str, data: bytes) -> tuple[str, Problem | None]:
    """The file's text, or the first reason it is not YAML a contributor can fix by hand."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = (
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8. Save the file as UTF-8 "
            "(most editors: 'Save with encoding' > UTF-8)."
        )
        return "", Problem(path, line, column, message)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return "", Problem(path, line, 1, "the file contains a NUL character; remove it.")
    space = _NBSP_INDENT.search(text)
    if space:
        line = text[: space.start()].count("\n") + 1
        message = (
            "a non-breaking space (often pasted from a web page or a word processor) is used for indentation; "
            "YAML allows only ordinary spaces. Delete the indentation of this line and type it again with spaces."
        )
        return "", Problem(path, line, space.end() - space.start(), message)
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text[: tab.start()].count("\n") + 1
        message = "a tab is used for indentation; YAML allows only spaces. Replace the tab with spaces."
        return "", Problem(path, line, tab.end() - tab.start(), message)
    return text, None


def _yaml_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error in a contributor's words: the slip behind it when it is a known one."""
    slip = yaml_error_slip(path, text, exc)
    if slip is not None:
        return slip
    where = _mark(exc.problem_mark or exc.context_mark)
    problem = (exc.problem or "the text cannot be read").rstrip(".")
    hint = "Check the indentation and quote any text that contains ': ' or starts with a special character"
    if "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        hint = "Put text that contains ': ' in double quotes"
    return Problem(path, where.line, where.column, f"this is not valid YAML ({problem}). {hint}.")


def _events(text: str) -> Iterator[yaml.Event]:
    """The text's parsing events: from libyaml when the text is valid YAML; otherwise from PyYAML,
    whose error messages the contributors' messages build on."""
    try:
        return iter(list(yaml.parse(text, Loader=_FastLoader)))
    except yaml.YAMLError:
        return yaml.parse(text, Loader=_Loader)


def _problem_at(path: str, event: yaml.Event, message: str) -> Problem:
    where = _mark(event.start_mark)
    return Problem(path, where.line, where.column, message)


def _check_events(path: str, text: str) -> list[Problem]:
    """Every anchor, alias, custom tag, deep nesting or flood of values in the text's events."""
    problems: list[Problem] = []
    depth = 0
    try:
        for count, event in enumerate(_events(text), 1):
            # The mark is made only for a problem: tens of thousands of events come through here.
            if count > MAX_EVENTS:
                message = (
                    f"the file holds too many values (more than {MAX_EVENTS // 2}) to check. "
                    "Split it into several smaller files."
                )
                return [*problems, _problem_at(path, event, message)]
            problems += [_problem_at(path, event, message) for message in _event_problems(event)]
            depth += 1 if isinstance(event, yaml.CollectionStartEvent) else 0
            depth -= 1 if isinstance(event, yaml.CollectionEndEvent) else 0
            if depth > MAX_DEPTH:
                message = f"the data is nested more than {MAX_DEPTH} levels deep. Content files need only a few levels."
                return [*problems, _problem_at(path, event, message)]
            if len(problems) >= MAX_EVENT_PROBLEMS:
                break
    except yaml.MarkedYAMLError as exc:
        problems.append(_yaml_error(path, text, exc))
    except yaml.reader.ReaderError as exc:
        problems.append(_control_character(path, text, exc))
    return problems


def _event_problems(event: yaml.Event) -> list[str]:
    """What is not allowed about one event: an alias, an anchor or a tag."""
    if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
        # Most events: a plain scalar with nothing to check.
        return []
    if isinstance(event, yaml.AliasEvent):
        return [f"the alias '*{event.anchor}' is not allowed in content files. Write the value out in full."]
    messages = []
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        messages.append(
            f"the anchor '&{anchor}' is not allowed in content files. Remove it and write values out in full."
        )
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in ("!", "?") and isinstance(event, yaml.NodeEvent):
        messages.append(f"the tag '{tag}' is not allowed in content files. Remove it.")
    return messages


def _control_character(path: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A control character: PyYAML gives its position in the text, not a line and column."""
    line = text.count("\n", 0, exc.position) + 1
    column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    message = (
        f"the control character U+{exc.character:04X} is not allowed in YAML. Delete it "
        "(it is often pasted in invisibly from another program)."
    )
    return Problem(path, line, column, message)


class _Builder:
    """Builds Python values from the node tree, with a Mark for every key, value and item."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.lines: list[str] | None = None
        self.problems: list[Problem] = []
        self.loader = _Loader("")

    def add(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, mark.line, mark.column, message))

    def value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node)
        assert isinstance(node, yaml.MappingNode)
        return self.mapping(node)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR_TAG:
            # Plain text, by far the most common value: no constructor needed.
            return node.value
        if node.tag == _MERGE_TAG:
            # Kept as the text '<<' so the mapping reports the merge key in words.
            return "<<"
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            self.add(_mark(node.start_mark), f"this value cannot be read ({reason}). Quote it.")
            return None

    def sequence(self, node: yaml.SequenceNode) -> MarkedList:
        sequence = MarkedList(_mark(node.start_mark))
        for item in node.value:
            sequence.append(self.value(item))
            sequence.item_marks.append(self.mark_of(item))
        return sequence

    def mapping(self, node: yaml.MappingNode) -> MarkedMap:
        mapping = MarkedMap(_mark(node.start_mark))
        for key_node, value_node in node.value:
            key = self.key(key_node, mapping)
            if key is not None:
                mapping[key] = self.value(value_node)
                mapping.key_marks[key] = _mark(key_node.start_mark)
                mapping.value_marks[key] = self.mark_of(value_node)
        return mapping

    def mark_of(self, node: yaml.Node) -> Mark:
        """Where ``node`` starts; for text that is quoted or over several lines, where each of its lines is too."""
        mark = _mark(node.start_mark)
        if not isinstance(node, yaml.ScalarNode) or node.tag != _STR_TAG:
            return mark
        if not node.style and node.start_mark.line == node.end_mark.line:
            # Plain text on one line, most values: it is written as it reads.
            return mark
        return Mark(mark.line, mark.column, self.spans(node))

    def spans(self, node: yaml.ScalarNode) -> Spans:
        """Where each line of a text value stands, found by looking for the line's words in the value."""
        if self.lines is None:
            self.lines = self.text.splitlines()
        start, end, value = node.start_mark, node.end_mark, node.value
        quote = 1 if node.style in ('"', "'") else 0
        # A block (>- or |-) starts on the line after its indicator.
        first = start.line + (1 if node.style in (">", "|") else 0)
        spans: list[tuple[int, int, int, int]] = []
        cursor = 0
        for number in range(first, min(end.line, len(self.lines) - 1) + 1):
            line = self.lines[number]
            begin = start.column + quote if number == start.line else 0
            stop = end.column - quote if number == end.line else len(line)
            piece = line[begin:stop].strip()
            found = value.find(piece, cursor) if piece else -1
            if found >= 0:
                spans.append((found, number + 1, line.index(piece, begin) + 1, len(piece)))
                cursor = found + len(piece)
        return tuple(spans)

    def duplicate(self, key: str, mark: Mark, mapping: MarkedMap) -> None:
        """Report a key written twice in ``mapping``; after its first key, only once for the whole mapping."""
        first = mapping.key_marks[key].line
        starts = next(iter(mapping.key_marks))
        if mapping.restarted:
            # Its first key came again: the keys after it are one entry missing its dash, already reported.
            return
        if key == starts and mapping.key_marks[key].column > 1:
            mapping.restarted = True
            message = (
                f"the key '{key}' appears again (first on line {first}), so YAML reads the keys from here on as "
                f"part of the entry above. If this line starts a new entry, put '- ' in front of it, lined up "
                "with the '- ' of the entry above."
            )
        else:
            message = (
                f"the key '{key}' appears twice in the same mapping (first on line {first}). "
                "Keep one and delete the other."
            )
        self.add(mark, message)

    def key(self, node: yaml.Node, mapping: MarkedMap) -> str | None:
        """The key written at ``node``, or None after reporting why it cannot be one."""
        key = node.value if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG else self.value(node)
        mark = _mark(node.start_mark)
        if not isinstance(key, str):
            self.add(mark, f"a key must be a word, found {describe(key)}. Write keys as plain lowercase words.")
        elif key == "<<":
            self.add(mark, "the merge key '<<' is not allowed in content files. Write the keys out in full.")
        elif key in mapping:
            self.duplicate(key, mark, mapping)
        else:
            return key
        return None
