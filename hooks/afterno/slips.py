"""Common slips in hand-written YAML, found in the text, each with a message that fits it.

YAML forgives a lot, and what it forgives can change the text without a word: ``Use the #1 rule``
loses everything after `` #`` (a comment), a line indented one space too far joins the bullet
above. Where YAML does refuse, its own words ("could not find expected ':'") point at the next
line and suggest nothing. Each function here looks for one slip and says, at the right line and
column, what to write instead. They read only the text, so they work before (and whatever) the
model checks.
"""

from __future__ import annotations

import re

import yaml

from .errors import Problem

#: Words that mark unfinished text. Written as ``TODO: ...``, YAML reads them as a key.
NOTE_WORDS = ("TODO", "TBD", "FIXME")

#: ``key:value`` with no space after the colon, on a line of its own (``title:Ask``), but not an address.
_NO_SPACE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<rest>[^\s:/][^\n]*)$")
_KEY_LINE = re.compile(r"^(?P<indent>[ ]*)(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_-]*:(?:[ ]|$)")
#: Something other than a space, then a space and ``#``: a comment after a value (text before it is kept).
_COMMENT_AFTER_TEXT = re.compile(r"\S[ \t]+#")
#: A bullet followed by a bullet indented further: the second may be joined to the first.
_DEEPER_BULLET = re.compile(r"^(?P<indent>[ ]*)-[ ][^\n]*\n(?P=indent)[ ]+-[ ]", re.MULTILINE)
_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _shown(text: str, width: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


def missing_space_after_colon(path: str, lines: list[str], near: int) -> Problem | None:
    """``title:Ask`` on line ``near`` or just above it (YAML reports the line after): no space after ':'."""
    for number in (near, near - 1):
        if not 1 <= number <= len(lines):
            continue
        match = _NO_SPACE.match(lines[number - 1])
        if match and match.group("key").lower() not in ("http", "https", "mailto"):
            key, rest = match.group("key"), match.group("rest")
            column = len(match.group("lead")) + len(key) + 2
            return Problem(
                path,
                number,
                column,
                f"there is no space after the colon in '{_shown(key + ':' + rest)}', so YAML does not read "
                f"'{key}' as a key. Write '{_shown(key + ': ' + rest)}'.",
            )
    return None


def indentation_slip(path: str, lines: list[str], near: int) -> Problem | None:
    """A ``key:`` line on line ``near`` indented unlike the line above it, which is not the start of a block."""
    if not 2 <= near <= len(lines):
        return None
    line = lines[near - 1]
    if not _KEY_LINE.match(line):
        return None
    above = next(
        (lines[i] for i in range(near - 2, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
        None,
    )
    if above is None or above.rstrip().endswith((":", "|", ">", "|-", ">-")):
        return None
    mine, theirs = _indent(line), _indent(above)
    # A key under a list item ("- id: x" then "  label: y") is indented by the dash and its space.
    theirs_keys = theirs + len(above.lstrip(" ")) - len(above.lstrip(" ").lstrip("-").lstrip(" "))
    if mine in (theirs, theirs_keys):
        return None
    return Problem(
        path,
        near,
        1,
        f"this line is indented by {_spaces(mine)}, unlike the line above ({_spaces(theirs_keys)}), so YAML "
        "cannot tell where it belongs. Indent this line like the one above.",
    )


def yaml_error_slip(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem | None:
    """A message that fits the slip behind a YAML syntax error, when one of the known slips explains it."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    near = mark.line + 1
    context = exc.context_mark.line + 1 if exc.context_mark is not None else near
    return (
        missing_space_after_colon(path, lines, context)
        or missing_space_after_colon(path, lines, near)
        or indentation_slip(path, lines, near)
    )


def _plain_scalars(text: str) -> list[yaml.ScalarToken]:
    """The plain (unquoted, not block) scalars of valid YAML text, in order (libyaml gives their style as "")."""
    return [t for t in yaml.scan(text, Loader=_CLoader) if isinstance(t, yaml.ScalarToken) and not t.style]


def text_slips(path: str, text: str) -> list[Problem]:
    """Slips in valid YAML that silently change the text: a comment cutting a line short, bullets joined.

    Cheap text tests decide first whether the text could hold either slip at all; only then is it scanned.
    """
    comments = _COMMENT_AFTER_TEXT.search(text) is not None
    bullets = _DEEPER_BULLET.search(text) is not None
    if not (comments or bullets):
        return []
    try:
        scalars = _plain_scalars(text)
    except yaml.YAMLError:
        return []  # The parser reports the text itself.
    lines = text.splitlines()
    problems = []
    for token in scalars:
        start, end = token.start_mark, token.end_mark
        if comments and end.line < len(lines):
            rest = lines[end.line][end.column :]
            cut = re.match(r"[ \t]+#", rest)
            if cut:
                problems.append(_comment_problem(path, lines[end.line], start, end.column + cut.end()))
        if bullets:
            for number in range(start.line + 1, end.line + 1):
                line = lines[number]
                if line.lstrip(" ").startswith("- "):
                    problems.append(_joined_problem(path, number, line, lines[start.line], token.value))
    return problems


def _comment_problem(path: str, line: str, start: yaml.Mark, hash_column: int) -> Problem:
    whole = line[start.column :].rstrip()
    quoted = '"' + whole.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return Problem(
        path,
        start.line + 1,
        hash_column,
        f"YAML reads the text from ' #' on as a comment and leaves it out ('{_shown(line[hash_column - 1 :])}' is "
        f"lost). Put the whole text in double quotes: {line[: start.column].lstrip()}{quoted}",
    )


def _joined_problem(path: str, number: int, line: str, first: str, value: str) -> Problem:
    return Problem(
        path,
        number + 1,
        _indent(line) + 1,
        f"this line is indented by {_spaces(_indent(line))}, so YAML joins it to the line above "
        f"('{_shown(value)}'). Indent this line like the one above ({_spaces(_indent(first))}).",
    )


def note_in_place_of_text(key: str, value: object, where: str) -> str | None:
    """The message for ``TODO: ...`` (or TBD, FIXME) that YAML read as a key, or None for another key."""
    if key.upper() not in NOTE_WORDS:
        return None
    note = f"{key}: {value}" if isinstance(value, str) and value else key
    return (
        f"'{_shown(note)}' is a note, not finished text ({where}). "
        "Write the real text where it belongs, then delete this line."
    )


def line_read_as_mapping(key: str, value: object, field: str) -> str:
    """The message for a list item that YAML read as a key and a value (``- Tip: call them``)."""
    text = f"{key}: {value}" if value is not None else f"{key}:"
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (
        f"this line of '{field}' contains ': ', so YAML reads it as a key and a value. "
        f"Put the whole line in double quotes: - {quoted}"
    )
