"""The slip detectors never fail on what a contributor can type: every edit gets located problems, never a crash."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from afterno.errors import Problem
from afterno.slips import text_slips
from afterno.yamlsafe import load_yaml
from helpers import CONTENT, run_cases

STEP = (CONTENT / "steps" / "feel-it.yml").read_text(encoding="utf-8")
#: What slips are made of: spaces, comments, colons, dashes, line breaks, notes, quotes, block markers.
PIECES = [" ", "   ", "#", " #", ": ", ":", "- ", "\n", "\n   - ", "\n ", "TODO: ", '"', "'", "http://x", ">-\n"]


def located(problems: list[Problem], text: str) -> None:
    lines = text.count("\n") + 2
    for problem in problems:
        assert 1 <= problem.line <= lines and problem.column >= 1, problem


def test_slipped_edits_get_located_problems_and_never_crash(record_property: Callable[[str, object], None]) -> None:
    """A real step with slips typed in anywhere gives problems inside the file (or none), never an exception."""
    edits = st.lists(st.tuples(st.integers(0, len(STEP)), st.sampled_from(PIECES)), min_size=1, max_size=4)

    def check(case: list[tuple[int, str]]) -> None:
        text = STEP
        for position, piece in sorted(case, reverse=True):
            text = text[:position] + piece + text[position:]
        value, problems = load_yaml("content/steps/feel-it.yml", text.encode("utf-8"))
        located(problems, text)
        if value is not None:
            located(text_slips("content/steps/feel-it.yml", text, lambda line, column: True), text)

    run_cases(record_property, "slipped edits", 300, edits, check)
