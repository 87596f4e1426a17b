"""Problems found in content files, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass

#: Thousands of mistakes in one file are one mistake repeated: messages list this many per file.
MAX_FILE_PROBLEMS = 50


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a content file, located for the contributor who has to fix it."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def capped(problems: list[Problem]) -> list[Problem]:
    """The first ``MAX_FILE_PROBLEMS`` problems of one file, then one line saying there are more."""
    if len(problems) <= MAX_FILE_PROBLEMS:
        return problems
    extra = problems[MAX_FILE_PROBLEMS]
    more = f"more than {MAX_FILE_PROBLEMS} problems in this file; fix the ones listed and check again."
    return [*problems[:MAX_FILE_PROBLEMS], Problem(extra.path, extra.line, extra.column, more)]


class ContentError(Exception):
    """Raised when content/ holds one or more problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        summary = f"{count} problem{'s' if count != 1 else ''} in content/"
        super().__init__("\n".join([*lines, summary]))
