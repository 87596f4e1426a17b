"""How problems are shown to people: in a terminal, on GitHub, and in the preview's problem page.

A problem names its file, line and column; shown here with the line it points at and a caret under
the column, so the contributor sees the slip without opening the file. Plain text only: the caller
decides where it goes (stderr, a log, an HTML template that escapes it).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .yamlsafe import windows_1252_character

#: Lines longer than this are cut around the column, so the caret stays on screen.
EXCERPT_WIDTH = 100


@dataclass(frozen=True)
class Excerpt:
    """The line a problem points at, and the caret line under it."""

    number: int
    text: str
    caret: str

    def lines(self) -> list[str]:
        """The two lines as printed: ``  12 | text`` and the caret under the column."""
        gutter = str(self.number).rjust(5)
        return [f"{gutter} | {self.text}", f"{' ' * len(gutter)} | {self.caret}"]


def excerpt(problem: Problem, project: Path, cache: dict[str, list[str] | None] | None = None) -> Excerpt | None:
    """The offending line of ``problem`` and a caret under its column, or None when the line cannot be shown.

    Args:
        problem: Its path is relative to ``project`` (``content/steps/x.yml``).
        project: The folder holding content/.
        cache: Lines of files already read, by path, shared between calls.
    """
    lines = _file_lines(project, problem.path, {} if cache is None else cache)
    if lines is None or not 1 <= problem.line <= len(lines):
        return None
    text = lines[problem.line - 1].replace("\t", " ")
    if not text.strip():
        return None
    column = max(problem.column - 1, 0)
    start = 0
    if len(text) > EXCERPT_WIDTH:
        start = max(0, min(column - EXCERPT_WIDTH // 2, len(text) - EXCERPT_WIDTH))
        text = text[start : start + EXCERPT_WIDTH]
    return Excerpt(problem.line, text, " " * min(column - start, len(text)) + "^")


def _as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Show a byte that is not UTF-8 as its Windows-1252 character (what the writer typed), not as U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(windows_1252_character(byte) or "\ufffd" for byte in bad), error.end


_AS_WINDOWS_1252 = "afterno-windows-1252"
codecs.register_error(_AS_WINDOWS_1252, _as_windows_1252)


def _file_lines(project: Path, path: str, cache: dict[str, list[str] | None]) -> list[str] | None:
    if path not in cache:
        try:
            data = (project / path).read_bytes()
        except OSError:
            cache[path] = None
        else:
            cache[path] = data.decode("utf-8", errors=_AS_WINDOWS_1252).lstrip("\ufeff").splitlines()
    return cache[path]


def text_lines(problems: Iterable[Problem], project: Path) -> list[str]:
    """Each problem as ``file:line:column: message``, followed by its line and a caret under the column."""
    cache: dict[str, list[str] | None] = {}
    lines: list[str] = []
    for problem in problems:
        lines.append(str(problem))
        shown = excerpt(problem, project, cache)
        if shown is not None:
            lines.extend(shown.lines())
    return lines


def github_lines(problems: Iterable[Problem]) -> list[str]:
    """Each problem as a GitHub Actions error annotation, shown beside the line in a pull request's diff.

    The format is ``::error file=PATH,line=N,col=N::MESSAGE``; GitHub reads ``%``, line breaks, and
    (in the properties) ``:`` and ``,`` as syntax, so those are percent-encoded.
    """
    return [
        f"::error file={_property(problem.path)},line={problem.line},col={problem.column}::{_data(problem.message)}"
        for problem in problems
    ]


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
