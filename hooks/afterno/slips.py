"""Common slips in hand-written YAML, found in the text, each with a message that fits it.

YAML forgives a lot, and what it forgives can change the text without a word: ``Use the #1 rule``
loses everything after `` #`` (a comment), a line indented one space too far joins the bullet
above. Where YAML does refuse, its own words ("could not find expected ':'") point at the next
line and suggest nothing. Each function here looks for one slip and says, at the right line and
column, what to write instead. They read only the text, so they work before (and whatever) the
model checks.

Where they are used: ``yamlsafe`` asks ``yaml_error_slip`` for the message of a YAML syntax error
before giving YAML's own; ``load`` runs ``text_slips`` on each file that parses (two regular
expressions decide first whether it could hold a slip at all, so a clean file costs two searches);
``validate`` words a list line read as ``key: value`` and a ``TODO:`` read as a key with the messages
at the end of this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .errors import Problem

#: Words that mark unfinished text. Written as ``TODO: ...``, YAML reads them as a key.
NOTE_WORDS = ("TODO", "TBD", "FIXME")

#: ``key:value`` with no space after the colon, on a line of its own (``title:Ask``), but not an address.
_NO_SPACE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<rest>[^\s:/][^\n]*)$")
_KEY_LINE = re.compile(r"^(?P<indent>[ ]*)(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_-]*:(?:[ ]|$)")
_BULLET_LINE = re.compile(r"^[ ]*-(?:[ ]|$)")
#: A note word written as a key (``TODO: add an example``), anywhere in a line.
_NOTE_KEY = re.compile(rf"(?i)(?<![\w-])({'|'.join(NOTE_WORDS)}):(?:[ ]|$)")
#: Something other than a space, then a space and ``#``: a comment after a value (text before it is kept).
_COMMENT_AFTER_TEXT = re.compile(r"\S[ \t]+#")
#: Spaces, then the ``#`` of a comment, from where a plain scalar ends.
_CUT = re.compile(r"[ \t]+#")
#: A bullet followed by a bullet indented further: the second may be joined to the first.
_DEEPER_BULLET = re.compile(r"^(?P<indent>[ ]*)-[ ][^\n]*\n(?P=indent)[ ]+-[ ]", re.MULTILINE)
_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: What stands before a value on its line: the indent, a list item's dash, a key and its ': '.
_LEAD = r"^(?P<lead>[ ]*(?:-[ ]+)?(?:[A-Za-z_][A-Za-z0-9_-]*:[ ]+)?)"
#: A value that starts with a character YAML reads as a sign of its own (an alias, a tag, a reserved one).
_SPECIAL_START = re.compile(_LEAD + r"(?P<char>[*!%@`])")
#: A value that starts with a quote mark.
_QUOTED_START = re.compile(_LEAD + r"(?P<quote>[\x22'])")


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
            column = len(match.group("lead")) + len(key) + 1
            return Problem(
                path,
                number,
                column,
                f"there is no space after the colon in '{_shown(key + ':' + rest)}', so YAML does not read "
                f"'{key}' as a key. Put a space after the colon: {_shown(key + ': ' + rest)}",
            )
    return None


def _key_column(line: str) -> int:
    """Where the key of a key line starts: after the indent, and after the dash of a list item."""
    text = line.lstrip(" ")
    return _indent(line) + len(text) - len(text.lstrip("-").lstrip(" "))


def indentation_slip(path: str, lines: list[str], near: int) -> Problem | None:
    """A ``key:`` or ``- item`` line on line ``near`` indented unlike the key or item line above it."""
    if not 2 <= near <= len(lines):
        return None
    line = lines[near - 1]
    bullet = _BULLET_LINE.match(line) is not None
    if not (bullet or _KEY_LINE.match(line)):
        return _text_line_slip(path, lines, near)
    # A list item lines up with the item above; a key with the key above (the one after an item's dash).
    wanted = _BULLET_LINE if bullet else _KEY_LINE
    above = next((i for i in range(near - 2, -1, -1) if wanted.match(lines[i])), None)
    if above is None:
        return None
    mine = _indent(line) if bullet else _key_column(line)
    theirs = _indent(lines[above]) if bullet else _key_column(lines[above])
    previous = next(
        (i for i in range(near - 2, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), above
    )
    # Deeper than a key that opens a block right above it: the first key of that block, not a slip.
    if mine == theirs or (above == previous and lines[above].rstrip().endswith(":") and mine > theirs):
        return None
    if above == previous:
        unlike, like = f"the line above ({_spaces(theirs)})", "the one above"
    else:
        unlike, like = f"'{_shown(lines[above], 30)}' on line {above + 1} ({_spaces(theirs)})", "that one"
    return Problem(
        path,
        near,
        _indent(line) + 1,
        f"this line is indented by {_spaces(mine)}, unlike {unlike}, so YAML cannot tell where it belongs. "
        f"Indent this line like {like}.",
    )


def _text_line_slip(path: str, lines: list[str], near: int) -> Problem | None:
    """A line of text (of a ``>-`` block, say) on line ``near`` indented unlike the text line above it."""
    line = lines[near - 1]
    above = next((lines[i] for i in range(near - 2, -1, -1) if lines[i].strip()), None)
    if above is None or not line.strip() or above.lstrip().startswith("#") or _KEY_LINE.match(above):
        return None
    mine, theirs = _indent(line), _indent(above)
    if mine == theirs:
        return None
    return Problem(
        path,
        near,
        mine + 1,
        f"this line is indented by {_spaces(mine)}, unlike the line above ({_spaces(theirs)}), so YAML cannot "
        "tell where it belongs. Indent this line like the one above.",
    )


def missing_dash(path: str, lines: list[str], near: int) -> Problem | None:
    """A line on line ``near`` that lines up with the list items above it but has no ``- `` in front."""
    if not 2 <= near <= len(lines):
        return None
    line = lines[near - 1]
    if not line.strip() or _BULLET_LINE.match(line) or _KEY_LINE.match(line) or line.lstrip().startswith("#"):
        return None
    above = next((lines[i] for i in range(near - 2, -1, -1) if lines[i].strip()), "")
    if not _BULLET_LINE.match(above) or _indent(above) != _indent(line):
        return None
    if line.lstrip().startswith("-"):
        fixed = f"- {line.lstrip()[1:].lstrip()}"
        return Problem(
            path,
            near,
            _indent(line) + 1,
            f"this line has no space after its '-', so YAML reads it as text, not as an item of the list. "
            f"Put a space after the dash: {_shown(fixed, 60)}",
        )
    return Problem(
        path,
        near,
        _indent(line) + 1,
        "this line has no '- ' in front, unlike the items above it, so YAML cannot read it as one of them. "
        "Start it with '- ', like the line above.",
    )


#: A key that opens a text written over the lines below it (``why: >-``), or starts one on its own line.
_TEXT_KEY = re.compile(r"^(?P<indent>[ ]*)(?:-[ ]+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*):[ ]+(?:[>|][+-]?[ ]*$|[^\s#])")


def unindented_text_line(path: str, lines: list[str], near: int) -> Problem | None:
    """A line of a text over several lines (``why: >-``) that lost its indent, on line ``near``: YAML reads it as
    the start of a new key and stops at the next key with "could not find expected ':'"."""
    if not 2 <= near <= len(lines):
        return None
    line = lines[near - 1]
    if not line.strip() or _BULLET_LINE.match(line) or _KEY_LINE.match(line) or line.lstrip().startswith("#"):
        return None
    above = [i for i in range(near - 2, -1, -1) if lines[i].strip()]
    opener = next((i for i in above if _indent(lines[i]) <= _indent(line)), None)
    match = _TEXT_KEY.match(lines[opener]) if opener is not None else None
    if match is None or opener is None:
        return None
    inside = [i for i in above if i > opener]
    indent = _indent(lines[inside[0]]) if inside else _indent(lines[opener]) + 2
    return Problem(
        path,
        near,
        _indent(line) + 1,
        f"this line belongs to the text of '{match.group('key')}' above, but it is not indented like that text, so "
        f"YAML reads it as a new key. Indent it by {_spaces(indent)}, like the lines above it.",
    )


def note_read_as_key(path: str, lines: list[str], near: int) -> Problem | None:
    """``why: TODO: write it`` on line ``near``: a note YAML cannot read, as its colon makes a second key."""
    if not 1 <= near <= len(lines):
        return None
    match = _NOTE_KEY.search(lines[near - 1])
    if match is None:
        return None
    note = lines[near - 1][match.start() :]
    return Problem(path, near, match.start() + 1, note_message(match.group(1), note, "which YAML cannot read"))


def colon_in_text(path: str, lines: list[str], near: int, column: int) -> Problem | None:
    """``summary: Tip: call them``: a second ': ' after the key's, at ``column`` of line ``near``."""
    if not 1 <= near <= len(lines):
        return None
    line = lines[near - 1]
    match = _KEY_LINE.match(line)
    if match is None or column <= match.end():
        return None
    start = match.end()
    word = line[: match.end()].strip().lstrip("-").strip().rstrip(":")
    if line.lstrip(" ").startswith("- ") and not word.islower():
        # Keys are lowercase words: '- Tip: call them: now' is a line of text, quoted whole after its dash.
        start = _indent(line) + 2
    lead, text = line[:start].strip(), line[start:].strip()
    return Problem(
        path,
        near,
        start + 1,
        f"this text contains ': ', so YAML reads it as a second key. Put the whole text in double quotes: "
        f"{lead} {_quoted(text)}",
    )


def _written(lead: str, value: str) -> str:
    """A line as the contributor should write it: its key or dash (if any), then the value."""
    return f"{lead.strip()} {value}" if lead.strip() else value


def special_first_character(path: str, lines: list[str], near: int) -> Problem | None:
    """``- *Cry* if you need to``: text starting with '*' (or '!', '%', '@', '`'), which YAML reads as syntax."""
    if not 1 <= near <= len(lines):
        return None
    line = lines[near - 1]
    match = _SPECIAL_START.match(line)
    if match is None:
        return None
    lead = match.group("lead")
    return Problem(
        path,
        near,
        len(lead) + 1,
        f"this text starts with '{match.group('char')}', which YAML reads as a sign of its own, not as text. Put "
        f"the whole text in double quotes: {_written(lead, _quoted(line[len(lead) :].strip()))}",
    )


def text_after_quotes(path: str, lines: list[str], near: int) -> Problem | None:
    """``title: "Let go" of it``: text that starts with a quoted part, which YAML reads as the whole value."""
    if not 1 <= near <= len(lines):
        return None
    line = lines[near - 1]
    match = _QUOTED_START.match(line)
    if match is None:
        return None
    quote, rest = match.group("quote"), line[match.end() :]
    close = rest.find(quote)
    after = rest[close + 1 :].strip() if close >= 0 else ""
    if not after or after.startswith("#"):
        return None
    lead, text = match.group("lead"), line[len(match.group("lead")) :].strip()
    other, fixed = ("single", "'" + text.replace("'", "''") + "'") if quote == '"' else ("double", _quoted(text))
    return Problem(
        path,
        near,
        len(lead) + 1,
        f"this text starts with a quote mark, so YAML reads only {quote}{rest[:close]}{quote} as the value and "
        f"cannot read what follows. Put the whole text in {other} quotes: {_written(lead, fixed)}",
    )


def unclosed_quote(path: str, lines: list[str], exc: yaml.MarkedYAMLError) -> Problem | None:
    """A quote mark that opens a text and is never closed: YAML reads on to the end of the file."""
    mark = exc.context_mark
    if exc.context != "while scanning a quoted scalar" or mark is None or not 0 <= mark.line < len(lines):
        return None
    line = lines[mark.line]
    quote = line[mark.column] if mark.column < len(line) else '"'
    return Problem(
        path,
        mark.line + 1,
        mark.column + 1,
        f"the quote mark {quote} that opens this text is never closed, so YAML reads on to the end of the file. "
        f"End the text with {quote} too: {line.strip()}{quote}",
    )


def unclosed_list(path: str, lines: list[str], exc: yaml.MarkedYAMLError) -> Problem | None:
    """``sources: [a, b`` with no ``]``: YAML reads the next lines into the list, and fails there."""
    mark, problem = exc.context_mark, exc.problem_mark
    brackets = {
        "while parsing a flow sequence": ("list", "[", "]"),
        "while parsing a flow mapping": ("mapping", "{", "}"),
    }
    if exc.context not in brackets or mark is None or problem is None:
        return None
    what, opening, closing = brackets[str(exc.context)]
    if problem.line == mark.line or not 0 <= mark.line < len(lines) or closing in lines[mark.line]:
        return None
    return Problem(
        path,
        mark.line + 1,
        mark.column + 1,
        f"the {what} that opens with '{opening}' here is not closed on this line, so YAML reads the lines below "
        f"into it. End the {what} with '{closing}': {lines[mark.line].strip()}{closing}",
    )


def second_document(path: str, lines: list[str], exc: yaml.MarkedYAMLError) -> Problem | None:
    """A line ``---`` in the middle of a file: YAML starts a second document there."""
    mark = exc.problem_mark
    if exc.problem != "but found another document" or mark is None:
        return None
    return Problem(
        path,
        mark.line + 1,
        mark.column + 1,
        "the line '---' starts a second document, but a content file holds one. Delete this line.",
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
        unclosed_quote(path, lines, exc)
        or second_document(path, lines, exc)
        or unclosed_list(path, lines, exc)
        or special_first_character(path, lines, near)
        or text_after_quotes(path, lines, near)
        or missing_space_after_colon(path, lines, context)
        or missing_space_after_colon(path, lines, near)
        or missing_dash(path, lines, context)
        or unindented_text_line(path, lines, context)
        or note_read_as_key(path, lines, near)
        or indentation_slip(path, lines, near)
        or colon_in_text(path, lines, near, mark.column + 1)
    )


def _plain_scalars(text: str) -> list[yaml.ScalarToken]:
    """The plain (unquoted, not block) scalars of valid YAML text, in order (libyaml gives their style as "")."""
    return [t for t in yaml.scan(text, Loader=_CLoader) if isinstance(t, yaml.ScalarToken) and not t.style]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_slips(path: str, text: str, is_text: Callable[[int, int], bool]) -> list[Problem]:
    """Slips in valid YAML that silently change the text: a comment cutting a line short, bullets joined.

    Cheap text tests decide first whether the text could hold either slip at all; only then is it scanned.

    Args:
        path: The file, as messages name it.
        text: The file's text, valid YAML.
        is_text: Whether the value starting at this line and column (1-based) is one of the content's texts;
            a comment after any other value (an id, a number) leaves the value whole, so it is no slip.
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
            cut = _CUT.match(lines[end.line], end.column)
            if cut and is_text(start.line + 1, start.column + 1):
                problems.append(_comment_problem(path, lines, start, end, cut.end()))
        # Only an item's text joins the item above: the text starts after a list item's dash.
        if bullets and lines[start.line][: start.column].strip() == "-":
            for number in range(start.line + 1, end.line + 1):
                line = lines[number]
                if line.lstrip(" ").startswith("- "):
                    problems.append(_joined_problem(path, number, line, lines[start.line], token.value))
    return problems


def _comment_problem(path: str, lines: list[str], start: yaml.Mark, end: yaml.Mark, hash_column: int) -> Problem:
    line = lines[end.line]
    cut = _shown(line[hash_column - 1 :])
    lost = f"YAML reads the text from ' #' on as a comment and leaves it out ('{cut}' is lost)."
    if start.line == end.line:
        before, whole = line[: start.column].lstrip(), line[start.column :].rstrip()
        fix = f"Put the whole line in double quotes: {before}{_quoted(whole)}"
    else:
        fix = f"Put the whole text in double quotes, from its start on line {start.line + 1} to its end."
    return Problem(path, end.line + 1, hash_column, f"{lost} {fix}")


def _joined_problem(path: str, number: int, line: str, first: str, value: str) -> Problem:
    return Problem(
        path,
        number + 1,
        _indent(line) + 1,
        f"this line is indented by {_spaces(_indent(line))}, so YAML joins it to the line above "
        f"('{_shown(value)}'). Indent this line like the one above ({_spaces(_indent(first))}).",
    )


def note_message(word: str, note: str, how_read: str) -> str:
    """The message for a note (``TODO: ...``) YAML reads as a key: ``how_read`` says what YAML makes of it."""
    return (
        f"this line still has a {word.upper()} ('{_shown(note)}'), {how_read}. "
        "Write the real text where it belongs, then delete the note."
    )


def note_in_place_of_text(key: str, value: object, how_read: str) -> str | None:
    """The message for ``TODO: ...`` (or TBD, FIXME) that YAML read as a key, or None for another key."""
    if key.upper() not in NOTE_WORDS:
        return None
    return note_message(key, f"{key}: {value}" if isinstance(value, str) and value else f"{key}:", how_read)


def line_read_as_mapping(key: str, value: object, field: str) -> str:
    """The message for a list item that YAML read as a key and a value (``- Tip: call them``)."""
    text = f"{key}: {value}" if value is not None else f"{key}:"
    return (
        f"this line of '{field}' contains ': ', so YAML reads it as a key and a value. "
        f"Put the whole line in double quotes: - {_quoted(text)}"
    )
