"""Read a YAML file safely, keeping the line and column of every key and value.

PyYAML's ``safe_load`` forgets where values came from, silently keeps the last of two
duplicate keys, and expands aliases (the "billion laughs" bomb). Contributors need
every mistake pointed at a line, so this module walks PyYAML's node tree itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problem

MAX_BYTES = 512 * 1024
MAX_DEPTH = 32
# Parsing costs time per value: this bounds a hostile file to about a second. The largest real
# file (checklist.yml) holds a few hundred; 100 times the content still fits.
MAX_EVENTS = 60_000
MAX_PROBLEMS = 50
_STR_TAG = "tag:yaml.org,2002:str"
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


@dataclass(frozen=True)
class Mark:
    """A position in a content file, 1-based as editors show it."""

    line: int
    column: int


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers where each key and each value stands."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class Sequence(list[Any]):
    """A YAML sequence that remembers where it and each of its items stand."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads dates and times as plain strings."""


class _Replay(_Loader):
    """Composes the node tree from events already parsed (and checked), instead of parsing twice."""

    def __init__(self, events: list[yaml.Event]) -> None:
        super().__init__("")
        self.replayed = events
        self.index = 0

    def check_event(self, *choices: Any) -> bool:
        if self.index >= len(self.replayed):
            return False
        return not choices or isinstance(self.replayed[self.index], choices)

    def peek_event(self) -> yaml.Event:
        return self.replayed[self.index]

    def get_event(self) -> yaml.Event:
        event = self.replayed[self.index]
        self.index += 1
        return event


# Dates stay strings ("2016-12-13") so the model sees what the contributor wrote.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_CLoader: Any = None
if getattr(yaml, "CSafeLoader", None) is not None:

    class _CSafeLoader(yaml.CSafeLoader):
        """libyaml's loader with the same resolvers as ``_Loader`` (dates stay strings)."""

        # The composer calls these around every node; they only serve path resolvers, which the
        # safe loader has none of (asserted below), so skipping the calls changes nothing but the time.
        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    assert not _CSafeLoader.yaml_path_resolvers

    _CSafeLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader = _CSafeLoader


def _mark(node_mark: Any) -> Mark:
    if node_mark is None:
        return Mark(1, 1)
    return Mark(node_mark.line + 1, node_mark.column + 1)


def _describe(value: Any) -> str:
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


describe = _describe


def load_yaml(path: str, data: bytes) -> tuple[Any, list[Problem]]:
    """Parse one content file.

    Args:
        path: The file's path as it should appear in messages (relative to the project).
        data: The file's raw bytes.

    Returns:
        The document as ``Mapping``/``Sequence``/scalars, or ``None`` when it could not be
        read, and every problem found on the way.
    """
    if len(data) > MAX_BYTES:
        return None, [
            Problem(
                path,
                1,
                1,
                f"the file is {len(data):,} bytes; content files must be at most {MAX_BYTES:,} bytes "
                f"({MAX_BYTES // 1024} KiB). "
                "Split it into several files, one item each.",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                path,
                line,
                column,
                f"byte 0x{data[exc.start]:02x} is not valid UTF-8. Save the file as UTF-8 "
                "(most editors: 'Save with encoding' > UTF-8).",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [Problem(path, line, 1, "the file contains a NUL character; remove it.")]
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text[: tab.start()].count("\n") + 1
        column = tab.end() - tab.start()
        return None, [
            Problem(
                path,
                line,
                column,
                "a tab is used for indentation; YAML allows only spaces. Replace the tab with spaces.",
            )
        ]
    node = _compose_plain(text)
    if node is _UNCHECKED:
        events: list[yaml.Event] = []
        problems = _check_events(path, text, events)
        if problems:
            return None, problems
        try:
            # The events passed every check (no anchors, aliases, tags or deep nesting), so libyaml may
            # build the tree: much faster than replaying the events through PyYAML's composer.
            node = yaml.compose(text, Loader=_CLoader) if _CLoader is not None else _Replay(events).get_single_node()
        except yaml.MarkedYAMLError as exc:
            return None, [_yaml_error(path, exc)]
        except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks almost every error
            return None, [Problem(path, 1, 1, f"this is not valid YAML: {exc}")]
    if node is None:
        return None, [Problem(path, 1, 1, "the file is empty. Write the item's keys, or delete the file.")]
    problems = []
    loader = _Loader("")
    try:
        value = _construct(path, node, problems, loader)
    finally:
        loader.dispose()
    if len(problems) > MAX_PROBLEMS:
        # Thousands of repeated keys are one mistake repeated: list the first ones only.
        extra = problems[MAX_PROBLEMS]
        problems = [
            *problems[:MAX_PROBLEMS],
            Problem(
                path,
                extra.line,
                extra.column,
                f"more than {MAX_PROBLEMS} problems in this file; fix the ones listed and check again.",
            ),
        ]
    return value, problems


#: Where an anchor (&), alias (*) or tag (!) could begin: not right after a letter or digit, since
#: in YAML they start a node, and a node starts after a space, a line break or a flow indicator.
_MAYBE_NODE_PROPERTY = re.compile(r"(?<![0-9A-Za-z])[&*!]")
#: The start of a line up to its first value: a document marker, indentation and the indicators of
#: compact block collections ("- ", "? ", ": "). No block collection can start further right than
#: this. (libyaml refuses a tab after an indicator and a collection after "---"; they count anyway,
#: so the bound does not rest on that.)
_BLOCK_PREFIX = re.compile(r"^(?:---[ \t]+)?[ ]*(?:[-?:][ \t]+)*", re.MULTILINE)
#: Returned by ``_compose_plain`` when the text needs the event-by-event checks.
_UNCHECKED = yaml.Node("", "", None, None)


def _compose_plain(text: str) -> yaml.Node | None:
    """libyaml's node tree for text that provably passes the event checks, in one pass.

    Most content files hold no character that could start an anchor, alias or tag, are nested a
    few levels deep and hold far fewer values than the limit: for them the event-by-event checks
    in ``_check_events`` cannot find anything, so libyaml composes the tree straight away. The
    bounds are conservative: any text they cannot vouch for, or that libyaml rejects, returns
    ``_UNCHECKED`` and goes through the checks (whose messages are the contributor's).
    """
    if _CLoader is None or len(text) * 4 >= MAX_EVENTS or _MAYBE_NODE_PROPERTY.search(text):
        # The densest YAML ('?' entries, empty values) yields about one event per character; a text of
        # under a quarter of the limit in characters stays far below it (real files: under 6,000).
        return _UNCHECKED
    # A block collection nested inside another starts further right, or (a sequence under a key)
    # at the same column one level down; each flow collection needs its own bracket.
    block_columns = max(len(prefix) for prefix in _BLOCK_PREFIX.findall(text)) + 1
    if 2 * block_columns + text.count("[") + text.count("{") > MAX_DEPTH:
        return _UNCHECKED
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_CLoader)
    except yaml.YAMLError:
        return _UNCHECKED
    return node


def _yaml_error(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    where = _mark(mark)
    problem = (exc.problem or "the text cannot be read").rstrip(".")
    hint = "Check the indentation and quote any text that contains ': ' or starts with a special character"
    if "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        hint = "Put text that contains ': ' in double quotes"
    return Problem(path, where.line, where.column, f"this is not valid YAML ({problem}). {hint}.")


def _events(text: str) -> Iterator[yaml.Event]:
    """The text's parsing events: from libyaml (twenty times faster) when it is installed and the text
    is valid YAML; otherwise from PyYAML, whose error messages the contributors' messages build on."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return iter(list(yaml.parse(text, Loader=fast)))
        except yaml.YAMLError:
            pass
    return yaml.parse(text, Loader=_Loader)


def _check_events(path: str, text: str, events: list[yaml.Event]) -> list[Problem]:
    """Reject anchors, aliases, custom tags and deep nesting before building anything."""
    problems: list[Problem] = []
    depth = 0
    try:
        for count, event in enumerate(_events(text)):
            events.append(event)
            if count < MAX_EVENTS and type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
                # Most events: a plain scalar with nothing to check.
                continue
            where = _mark(event.start_mark)
            if count >= MAX_EVENTS:
                problems.append(
                    Problem(
                        path,
                        where.line,
                        where.column,
                        f"the file holds too many values (more than {MAX_EVENTS // 2}) to check. "
                        "Split it into several smaller files.",
                    )
                )
                return problems
            if isinstance(event, yaml.AliasEvent):
                problems.append(
                    Problem(
                        path,
                        where.line,
                        where.column,
                        f"the alias '*{event.anchor}' is not allowed in content files. Write the value out in full.",
                    )
                )
                continue
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                problems.append(
                    Problem(
                        path,
                        where.line,
                        where.column,
                        f"the anchor '&{anchor}' is not allowed in content files. Remove it and write "
                        "values out in full.",
                    )
                )
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in ("!", "?") and isinstance(event, yaml.NodeEvent):
                problems.append(
                    Problem(
                        path,
                        where.line,
                        where.column,
                        f"the tag '{tag}' is not allowed in content files. Remove it.",
                    )
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(
                        Problem(
                            path,
                            where.line,
                            where.column,
                            f"the data is nested more than {MAX_DEPTH} levels deep. "
                            "Content files need only a few levels.",
                        )
                    )
                    return problems
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(problems) >= 20:
                break
    except yaml.MarkedYAMLError as exc:
        problems.append(_yaml_error(path, exc))
    except yaml.reader.ReaderError as exc:
        # A control character: PyYAML gives its position in the text, not a line and column.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problems.append(
            Problem(
                path,
                line,
                column,
                f"the control character U+{exc.character:04X} is not allowed in YAML. Delete it "
                "(it is often pasted in invisibly from another program).",
            )
        )
    except yaml.YAMLError as exc:  # pragma: no cover
        problems.append(Problem(path, 1, 1, f"this is not valid YAML: {exc}"))
    return problems


_MERGE_TAG = "tag:yaml.org,2002:merge"
_ScalarNode = yaml.ScalarNode
_MappingNode = yaml.MappingNode
_SequenceNode = yaml.SequenceNode


def _construct(path: str, node: yaml.Node, problems: list[Problem], loader: _Loader) -> Any:
    """Build Python values from the node tree, with a Mark for every key, value and item.

    The hot path of loading (every value of every file passes here), so it tests node types with
    ``type(...) is`` and builds marks inline rather than through ``_mark``.
    """
    kind = type(node)
    if kind is _ScalarNode:
        tag = node.tag
        if tag == _STR_TAG:
            # Plain text, by far the most common value: no constructor needed.
            return node.value
        if tag == _MERGE_TAG:
            # Kept as the text '<<' so the mapping reports the merge key in words.
            return "<<"
        try:
            return loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            where = _mark(node.start_mark)
            reason = getattr(exc, "problem", None) or str(exc)
            problems.append(Problem(path, where.line, where.column, f"this value cannot be read ({reason}). Quote it."))
            return None
    if kind is _SequenceNode:
        start = node.start_mark
        sequence = Sequence(Mark(start.line + 1, start.column + 1))
        append, append_mark = sequence.append, sequence.item_marks.append
        for item in node.value:
            append(_construct(path, item, problems, loader))
            start = item.start_mark
            append_mark(Mark(start.line + 1, start.column + 1))
        return sequence
    start = node.start_mark
    mapping = Mapping(Mark(start.line + 1, start.column + 1))
    key_marks, value_marks = mapping.key_marks, mapping.value_marks
    for key_node, value_node in node.value:
        if type(key_node) is _ScalarNode and key_node.tag == _STR_TAG:
            key = key_node.value
        else:
            key = _construct(path, key_node, problems, loader)
        start = key_node.start_mark
        key_mark = Mark(start.line + 1, start.column + 1)
        if not isinstance(key, str):
            problems.append(
                Problem(
                    path,
                    key_mark.line,
                    key_mark.column,
                    f"a key must be a word, found {_describe(key)}. Write keys as plain lowercase words.",
                )
            )
            continue
        if key == "<<":
            problems.append(
                Problem(
                    path,
                    key_mark.line,
                    key_mark.column,
                    "the merge key '<<' is not allowed in content files. Write the keys out in full.",
                )
            )
            continue
        if key in mapping:
            first = key_marks[key]
            problems.append(
                Problem(
                    path,
                    key_mark.line,
                    key_mark.column,
                    f"the key '{key}' appears twice in the same mapping (first on line {first.line}). "
                    "Keep one and delete the other.",
                )
            )
            continue
        mapping[key] = _construct(path, value_node, problems, loader)
        key_marks[key] = key_mark
        start = value_node.start_mark
        value_marks[key] = Mark(start.line + 1, start.column + 1)
    return mapping
