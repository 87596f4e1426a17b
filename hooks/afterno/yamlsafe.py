"""Read a YAML file safely, keeping the line and column of every key and value.

PyYAML's ``safe_load`` forgets where values came from, silently keeps the last of two
duplicate keys, and expands aliases (the "billion laughs" bomb). Contributors need
every mistake pointed at a line, so this module reads libyaml's events once: each is
checked (no anchors, aliases, tags, deep nesting or flood of values), then built into the
value, with its mark. Only a text libyaml refuses is read again, by PyYAML, for its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

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


class Mark(NamedTuple):
    """A position in a content file, 1-based as editors show it."""

    line: int
    column: int

    def at(self, offset: int) -> Mark:
        """Where the character ``offset`` of the text value starting here is written (one line: as it reads)."""
        return Mark(self.line, self.column + max(offset, 0))


class TextMark(Mark):
    """Where a text written over several lines (a ``>-`` block, say) or quoted starts, and where each of its
    lines stands, so that a problem found inside the text can be pointed at its own line and column. It equals
    the plain Mark of its start."""

    spans: Spans

    def __new__(cls, line: int, column: int, spans: Spans) -> TextMark:
        mark = super().__new__(cls, line, column)
        mark.spans = spans
        return mark

    def __reduce__(self) -> tuple[type[TextMark], tuple[int, int, Spans]]:
        # A tuple pickles as its items; the spans go too (the language builds get the content pickled).
        return TextMark, (self.line, self.column, self.spans)

    def at(self, offset: int) -> Mark:
        """In a value over several lines, an offset that falls where YAML joined two lines is shown at the start
        of the next line."""
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
    try:
        # libyaml parses the whole text first: a syntax error is found before anything is checked or built.
        events = list(yaml.parse(text, Loader=_FastLoader))
    except yaml.YAMLError as exc:
        return None, _refusal(path, text, exc)
    builder = _Builder(path, text)
    try:
        # One pass over the events: each is checked (no anchors, aliases, tags or deep nesting), then built.
        problems = builder.read(events)
    finally:
        builder.loader.dispose()
    if problems:
        return None, problems
    if builder.second_document is not None:
        return None, [_yaml_error(path, text, builder.second_document)]
    if not builder.documents:
        return None, [Problem(path, 1, 1, "the file is empty. Write the item's keys, or delete the file.")]
    return builder.root, capped(builder.problems)


def _refusal(path: str, text: str, exc: yaml.YAMLError) -> list[Problem]:
    """Why libyaml refused the text: PyYAML's parser, whose error messages the contributors' messages build on,
    reads it again (with the same checks on what it reads before the error)."""
    problems = _check_events(path, text, yaml.parse(text, Loader=_Loader))
    if problems:
        return problems
    if isinstance(exc, yaml.reader.ReaderError):
        return [_control_character(path, text, exc)]
    if isinstance(exc, yaml.MarkedYAMLError):
        return [_yaml_error(path, text, exc)]
    raise exc


#: The Windows-1252 characters most often pasted from a word processor, by their byte.
_WINDOWS_1252_NAMES = {
    0x85: "an ellipsis",
    0x91: "a curly opening quote",
    0x92: "a curly apostrophe",
    0x93: "a curly opening double quote",
    0x94: "a curly closing double quote",
    0x96: "a dash",
    0x97: "a long dash",
}


def windows_1252_character(byte: int) -> str | None:
    """The character ``byte`` stands for in Windows-1252 (a common non-UTF-8 encoding), if it is a printable one."""
    character = bytes([byte]).decode("cp1252", errors="replace")
    # 0xff (ÿ) is far likelier a stray byte of a binary file than a letter someone typed.
    return character if 0x80 <= byte < 0xFF and character.isprintable() and character not in "\ufffd\xa0\xad" else None


def not_utf8_message(byte: int) -> str:
    """Why a byte is refused, naming the character it probably was in Windows-1252."""
    character = windows_1252_character(byte)
    if character is None:
        return (
            f"byte 0x{byte:02x} is not valid UTF-8. Save the file as UTF-8 "
            "(most editors: 'Save with encoding' > UTF-8)."
        )
    name = _WINDOWS_1252_NAMES.get(byte, "the character")
    return (
        f"byte 0x{byte:02x} is not valid UTF-8: it is probably {character} ({name}), saved in the Windows-1252 "
        "encoding. Save the file as UTF-8 (most editors: 'Reopen with encoding' > Windows 1252, then 'Save with "
        "encoding' > UTF-8)."
    )


def _decode(path: str, data: bytes) -> tuple[str, Problem | None]:
    """The file's text, or the first reason it is not YAML a contributor can fix by hand."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # In characters, as editors count: what comes before the first bad byte is valid UTF-8.
        column = len(data[line_start : exc.start].decode("utf-8")) + 1
        return "", Problem(path, line, column, not_utf8_message(data[exc.start]))
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


def _problem_at(path: str, event: yaml.Event, message: str) -> Problem:
    where = _mark(event.start_mark)
    return Problem(path, where.line, where.column, message)


def _checked(path: str, events: Iterable[yaml.Event], problems: list[Problem]) -> Iterator[yaml.Event]:
    """Each event, after adding to ``problems`` what is not allowed about it; stops at a flood of values,
    deep nesting, or enough problems to list."""
    depth = 0
    for count, event in enumerate(events, 1):
        # The mark is made only for a problem: tens of thousands of events come through here.
        if count > MAX_EVENTS:
            message = (
                f"the file holds too many values (more than {MAX_EVENTS // 2}) to check. "
                "Split it into several smaller files."
            )
            problems.append(_problem_at(path, event, message))
            return
        problems += [_problem_at(path, event, message) for message in _event_problems(event)]
        depth += 1 if isinstance(event, yaml.CollectionStartEvent) else 0
        depth -= 1 if isinstance(event, yaml.CollectionEndEvent) else 0
        if depth > MAX_DEPTH:
            message = f"the data is nested more than {MAX_DEPTH} levels deep. Content files need only a few levels."
            problems.append(_problem_at(path, event, message))
            return
        if len(problems) >= MAX_EVENT_PROBLEMS:
            return
        yield event


def _check_events(path: str, text: str, events: Iterable[yaml.Event]) -> list[Problem]:
    """Every anchor, alias, custom tag, deep nesting or flood of values in ``events``, and the syntax error
    they end with."""
    problems: list[Problem] = []
    try:
        for _event in _checked(path, events, problems):
            pass
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


class _Open:
    """A mapping or sequence being built: for a mapping, the key whose value comes next."""

    __slots__ = ("container", "key", "key_mark", "wants_value")

    def __init__(self, container: MarkedMap | MarkedList) -> None:
        self.container = container
        self.key: str | None = None
        self.key_mark = container.mark
        self.wants_value = False


class _Builder:
    """Builds Python values from checked events, with a Mark for every key, value and item."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.lines: list[str] | None = None
        self.problems: list[Problem] = []
        self.loader = _Loader("")
        self.open: list[_Open] = []
        self.root: Any = None
        self.root_mark: Any = None
        self.documents = 0
        self.second_document: yaml.MarkedYAMLError | None = None
        #: How deep inside a value that is not read (its key was refused) the events are.
        self.skipping = 0

    def add(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, mark.line, mark.column, message))

    def read(self, events: Iterable[yaml.Event]) -> list[Problem]:
        """Check every event and build the document from them; the problems of the checks (the events'
        own, with nothing built, when there are any)."""
        problems: list[Problem] = []
        for event in _checked(self.path, events, problems):
            if not problems and self.second_document is None:
                self.take(event)
        return problems

    def take(self, event: yaml.Event) -> None:
        if self.skipping:
            self.skipping += _nesting(event)
            if not self.skipping:
                self.open[-1].wants_value = False
            return
        kind = type(event)
        starts = kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent
        if starts and self._refused_key(kind is yaml.ScalarEvent):
            return
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event)
            self.place(value, event.start_mark, self.mark_of(event, value))
        elif kind is yaml.MappingStartEvent:
            self.open.append(_Open(MarkedMap(_mark(event.start_mark))))
            self.root_mark = self.root_mark or event.start_mark
        elif kind is yaml.SequenceStartEvent:
            self.open.append(_Open(MarkedList(_mark(event.start_mark))))
            self.root_mark = self.root_mark or event.start_mark
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            container = self.open.pop().container
            self.place(container, None, container.mark)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.second_document = yaml.composer.ComposerError(
                    "expected a single document in the stream",
                    self.root_mark,
                    "but found another document",
                    event.start_mark,  # type: ignore[arg-type]
                )

    def _refused_key(self, scalar: bool) -> bool:
        """Whether the value starting now belongs to a refused key: it is not read (nor are its problems)."""
        top = self.open[-1] if self.open else None
        if top is None or not top.wants_value or top.key is not None:
            return False
        if scalar:
            top.wants_value = False
        else:
            self.skipping = 1
        return True

    def place(self, value: Any, event_mark: Any, mark: Mark | None = None) -> None:
        """Put a finished value where it belongs: the document, a sequence, or a mapping (as key or value)."""
        mark = mark or _mark(event_mark)
        if not self.open:
            self.root = value
            self.root_mark = self.root_mark or event_mark
            return
        top = self.open[-1]
        container = top.container
        if isinstance(container, MarkedList):
            container.append(value)
            container.item_marks.append(mark)
        elif not top.wants_value:
            top.key, top.key_mark, top.wants_value = self.key(value, mark, container), mark, True
        else:
            assert top.key is not None
            container[top.key] = value
            container.key_marks[top.key] = top.key_mark
            container.value_marks[top.key] = mark
            top.wants_value = False

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == _STR_TAG:
            # Plain text, by far the most common value: no constructor needed.
            return event.value
        if tag == _MERGE_TAG:
            # Kept as the text '<<' so the mapping reports the merge key in words.
            return "<<"
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            self.add(_mark(event.start_mark), f"this value cannot be read ({reason}). Quote it.")
            return None

    def key(self, key: Any, mark: Mark, mapping: MarkedMap) -> str | None:
        """The key ``key`` written at ``mark``, or None after reporting why it cannot be one."""
        if not isinstance(key, str):
            self.add(mark, f"a key must be a word, found {describe(key)}. Write keys as plain lowercase words.")
        elif key == "<<":
            self.add(mark, "the merge key '<<' is not allowed in content files. Write the keys out in full.")
        elif key in mapping:
            self.duplicate(key, mark, mapping)
        else:
            return key
        return None

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

    def mark_of(self, event: yaml.ScalarEvent, value: Any) -> Mark:
        """Where a scalar starts; for text that is quoted or over several lines, where each of its lines is too."""
        mark = _mark(event.start_mark)
        if not isinstance(value, str) or event.start_mark is None or event.end_mark is None:
            return mark
        if not event.style and event.start_mark.line == event.end_mark.line:
            # Plain text on one line, most values: it is written as it reads.
            return mark
        return TextMark(mark.line, mark.column, self.spans(event))

    def spans(self, event: yaml.ScalarEvent) -> Spans:
        """Where each line of a text value stands, found by looking for the line's words in the value."""
        if self.lines is None:
            self.lines = self.text.splitlines()
        start, end, value = event.start_mark, event.end_mark, event.value
        assert start is not None and end is not None  # mark_of checked
        quote = 1 if event.style in ('"', "'") else 0
        # A block (>- or |-) starts on the line after its indicator.
        first = start.line + (1 if event.style in (">", "|") else 0)
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


def _nesting(event: yaml.Event) -> int:
    if isinstance(event, yaml.CollectionStartEvent):
        return 1
    return -1 if isinstance(event, yaml.CollectionEndEvent) else 0
