"""Our scripts and stylesheets as the built site serves them: without comments or indentation.

The sources in docs/assets keep their JSDoc types (checked by ``tsc --noEmit``) and comments for contributors;
readers' phones download the code alone. The rules are deliberately few, so they cannot change what the code
does: whole-line comments and comment blocks go, inline ``/** ... */`` type casts go, each line loses its
indentation, spaces beside punctuation go outside strings (not beside ``+``, ``-`` or ``/``, and not on a
line with a ``/`` outside its strings), as do the parentheses around an arrow function's one parameter, and a
line break goes only after ``{``, ``(``, ``[``, ``,`` or ``;`` on a line with no ``/`` outside its strings: a
break there can never end a statement (automatic semicolon insertion reads the code as before); every other
line break stays. A file with a template literal that spans lines (whose indentation is part of a string) is
served as written.
tests/test_minify.py runs the unit tests against the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

#: A JSDoc comment inside a line, such as the type cast in ``/** @type {HTMLElement} */ (el)``.
INLINE_DOC = re.compile(r"/\*\*(?:(?!\*/).)*\*/\s?")


def spans_lines(source: str) -> bool:
    """Whether a template literal may span lines: a line holding an odd number of unescaped backticks."""
    return any(len(re.findall(r"(?<!\\)`", line)) % 2 for line in source.splitlines())


#: A string on one line: double or single quotes, or a template literal without a nested one.
JS_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\\n]|\\.)*`")
#: Spaces beside punctuation that needs none. Not + or - (``a - -b`` must keep its space), not / (regex literals).
PUNCTUATION_SPACE = re.compile(r" *([{}()\[\];,:=<>?|&!*]+) *")
#: An arrow function's one plain parameter in parentheses, ``(event)=>``: the same function without them.
ONE_PARAMETER = re.compile(r"(?<![\w$.])\((\w+)\)=>")


def tighten_line(line: str) -> str:
    """``line`` without the spaces beside punctuation, outside its strings; a line with a ``/`` outside its
    strings (a regular expression, a division, a trailing comment) or with nested template literals is kept."""
    if line.count("`") > 2:
        return line
    code = JS_STRING.split(line)
    if any("/" in part for part in code):
        return line
    strings = JS_STRING.findall(line)
    tight = [ONE_PARAMETER.sub(r"\1=>", PUNCTUATION_SPACE.sub(r"\1", part)) for part in code]
    out = [part + (strings[i] if i < len(strings) else "") for i, part in enumerate(tight)]
    return "".join(out)


#: Line endings after which a line break is never where automatic semicolon insertion ends a statement.
JOINABLE_END = ("{", "(", "[", ",", ";")


def joins_next(line: str) -> bool:
    """Whether the line break after ``line`` can go: it ends with an opener, a comma or a semicolon outside its
    strings, and has no ``/`` outside them (a trailing comment would swallow the next line) nor a backtick."""
    if not line.endswith(JOINABLE_END) or "`" in line:
        return False
    code = JS_STRING.split(line)
    return not any("/" in part for part in code) and code[-1].endswith(JOINABLE_END)


def join_lines(lines: list[str]) -> str:
    """The lines joined, without the line breaks that ``joins_next`` lets go."""
    out: list[str] = []
    for line in lines:
        if out and joins_next(out[-1]):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def minify_script(source: str) -> str:
    """The script without comments or indentation; every statement, and its order, unchanged."""
    if spans_lines(source):
        return source
    lines: list[str] = []
    in_block = False
    for raw in source.splitlines():
        line = raw.strip()
        if in_block or line.startswith("/*"):
            in_block = "*/" not in line
            line = "" if in_block else line.split("*/", 1)[1].strip()
        if not line or line.startswith("//"):
            continue
        lines.append(tighten_line(INLINE_DOC.sub("", line)))
    return join_lines(lines)


#: A quoted CSS string (kept as written) or a comment (dropped).
CSS_STRING_OR_COMMENT = re.compile(r"(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/", re.DOTALL)


def minify_style(source: str) -> str:
    """The stylesheet without comments or blank lines; every rule, and its order, unchanged."""
    text = CSS_STRING_OR_COMMENT.sub(lambda match: match.group(1) or "", source)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


MINIFIERS = {".js": minify_script, ".css": minify_style}


def minify_site_assets(site_dir: Path, names: Iterable[str]) -> list[Path]:
    """Replace each built script or stylesheet named in ``names`` (paths under the site root) by its minified text."""
    done = []
    for name in names:
        path = site_dir / name
        minify = MINIFIERS.get(path.suffix)
        if minify and path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(path)
    return done
