"""Every check is linear in its input, and no file within the size limit takes more than 2 s to check.

Each pattern and text rule is timed on one value of 10^4, 10^5 and 10^6 characters, built to make a
backtracking pattern slow (the issue's "<", half a million spaces, "1" took half an hour). Linear
growth means a hundred times the input costs about a hundred times the time; quadratic growth would be
ten thousand times.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from afterno import model, textrules, yamlsafe
from afterno.discover import MAX_BYTES
from afterno.errors import ContentError
from afterno.load import load_content
from afterno.model import STEP
from afterno.validate import validate
from afterno.yamlsafe import load_yaml
from helpers import CONTENT

SIZES = (10**4, 10**5, 10**6)


def pattern(regex: str | re.Pattern[str]) -> Callable[[str], object]:
    compiled = re.compile(regex)
    return compiled.search


def step_file(why: str) -> bytes:
    """A valid step with ``why`` as its 'why' value (quoted, so any characters fit)."""
    text = (CONTENT / "steps" / "feel-it.yml").read_text(encoding="utf-8")
    quoted = '"' + why.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return re.sub(r"why: >-\n(  .*\n)+", lambda _: f"why: {quoted}\n", text, count=1).encode("utf-8")


def validate_why(why: str) -> object:
    value, problems = load_yaml("f.yml", step_file(why))
    assert not problems
    return validate(STEP, value, "f.yml")


#: What is timed, and a value of n characters built to make it slow if it could be.
CHECKS: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "id pattern": (pattern(model.SLUG_PATTERN), lambda n: "a-" * (n // 2) + "!"),
    "name pattern": (pattern(model.NAME_PATTERN), lambda n: "a" * n + "!"),
    "date pattern": (pattern(model.DATE_PATTERN), lambda n: "1" * n),
    "url pattern": (pattern(model.URL_PATTERN), lambda n: "https://" + "a" * n + " "),
    "raw HTML": (textrules.RAW_HTML.search, lambda n: "<" + " " * n + "1"),
    "raw HTML, many starts": (textrules.RAW_HTML.search, lambda n: "< " * (n // 2)),
    "placeholder words": (textrules.PLACEHOLDER_TEXT.search, lambda n: "todoo " * (n // 6)),
    "braces in a message": (textrules.BRACES.search, lambda n: "{" + "a" * n),
    "entity in a link": (textrules.ENTITY.search, lambda n: "&#" + "1" * n),
    "scheme of a link": (textrules.SCHEME.match, lambda n: "a" * n),
    "template placeholders": (model.TEMPLATE_FIELD.findall, lambda n: "{" * n),
    "tab indentation": (yamlsafe._TAB_INDENT.search, lambda n: " " * n + "x"),
    "one-line text rules": (textrules.line_problem, lambda n: "<" + " " * n + "1"),
    "message rules": (textrules.message_problem, lambda n: "a {b " * (n // 5)),
    "text rules, plain words": (textrules.text_problem, lambda n: "Thank them. " * (n // 12)),
    "schema validation of a field": (validate_why, lambda n: "<" + " " * n + "1"),
}


def best_time(check: Callable[[str], object], value: str) -> float:
    """The least processor time of five runs (other work on a busy machine only adds)."""
    times = []
    for _ in range(5):
        started = time.process_time()
        check(value)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize("name", list(CHECKS))
def test_check_grows_linearly(name: str) -> None:
    """Each tenfold step of the input costs at most sixty times the time (linear: ten; quadratic: a hundred).

    Each step is compared with the one before it, not with 10^4 characters, whose fraction of a millisecond is
    mostly the clock; the slack covers a loaded machine evicting a megabyte string from the cache (CI saw
    0.1, 1.3 and 50 ms, then 0.2, 1.3 and 65 ms, for the id pattern, a linear match; quadratic would be 130 ms).
    """
    check, make = CHECKS[name]
    times = [best_time(check, make(size)) for size in SIZES]
    shown = [f"{t:.4f}" for t in times]
    assert times[1] <= 40 * times[0] + 0.002, shown
    assert times[2] <= 60 * times[1] + 0.02, shown
    assert times[2] < 1.0, shown


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def check_time(root: Path, data: bytes) -> tuple[float, list[str]]:
    """Processor seconds to load ``root`` with ``data`` as its feel-it step, and the messages."""
    assert len(data) <= MAX_BYTES
    (root / "steps" / "feel-it.yml").write_bytes(data)
    started = time.process_time()
    try:
        load_content(root)
        messages: list[str] = []
    except ContentError as error:
        messages = [str(problem) for problem in error.problems]
    return time.process_time() - started, messages


def test_the_issues_hostile_field_is_refused_at_once(root: Path) -> None:
    """'<', spaces up to the size limit, '1' in a text field: refused for its length, in well under 2 s."""
    data = step_file("<" + " " * (MAX_BYTES - 2000) + "1")
    elapsed, messages = check_time(root, data)
    assert elapsed < 2.0
    assert any("characters long; it must be at most 1200. Shorten it." in message for message in messages)


def test_markup_up_to_the_budget_checks_in_time(root: Path) -> None:
    """A file whose text holds as many brackets as the budget allows (the costliest to parse) takes under 2 s."""
    lines = ["  - " + "[a" * 20 + " x" * 100 for _ in range(textrules.MAX_MARKUP // 20)]
    text = (CONTENT / "steps" / "feel-it.yml").read_text(encoding="utf-8")
    data = text.replace("how:\n", "how:\n" + "\n".join(lines) + "\n", 1).encode("utf-8")
    elapsed, messages = check_time(root, data)
    assert elapsed < 2.0, messages[:3]


def test_markup_over_the_budget_is_refused(root: Path) -> None:
    """More Markdown triggers than the budget in one file is one message at the top of the file."""
    data = step_file("[" * (textrules.MAX_MARKUP + 1))
    elapsed, messages = check_time(root, data)
    assert elapsed < 2.0
    assert messages == [
        f"content/steps/feel-it.yml:1:1: the text in this file holds {textrules.MAX_MARKUP + 1} of the characters "
        f"[ {{ # | and line breaks; at most {textrules.MAX_MARKUP} are allowed in one file. "
        "Split it into several files."
    ]
