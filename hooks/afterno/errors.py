"""Problems found in content files, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a content file, located for the contributor who has to fix it."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ContentError(Exception):
    """Raised when content/ holds one or more problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        summary = f"{count} problem{'s' if count != 1 else ''} in content/"
        super().__init__("\n".join([*lines, summary]))
