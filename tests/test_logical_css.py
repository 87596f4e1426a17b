"""Ready for right-to-left: our stylesheets say start and end (logical properties), never left and right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT

STYLESHEETS = sorted((ROOT / "docs" / "assets").glob("*.css"))
#: A physical left/right property or value: margin-left, padding-right, border-left(-width), left:, right:,
#: text-align/float/clear: left|right, border-top-left-radius. Logical names (inset-inline-start) do not match.
PHYSICAL = re.compile(
    r"(?<![-\w])(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?"
    r"|border-(?:top|bottom)-(?:left|right)-radius|left|right)\s*:"
    r"|(?<![-\w])(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
)
LOGICAL = {
    "margin-left": "margin-inline-start",
    "padding-right": "padding-inline-end",
    "left": "inset-inline-start",
    "text-align: right": "text-align: end",
}


def physical_properties(css: str) -> list[tuple[int, str]]:
    """(line, text) of each physical left/right property in ``css`` (comments left out)."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), css, flags=re.DOTALL)
    return [(css.count("\n", 0, m.start()) + 1, m.group(0)) for m in PHYSICAL.finditer(css)]


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_our_css_uses_logical_properties(path: Path) -> None:
    found = physical_properties(path.read_text(encoding="utf-8"))
    shown = path.relative_to(ROOT).as_posix()
    assert not found, "\n".join(
        f"{shown}:{line}: '{text}' is a physical direction. Write the logical one "
        f"({', '.join(f'{k} -> {v}' for k, v in LOGICAL.items())})."
        for line, text in found
    )


@pytest.mark.parametrize(
    "css",
    [
        ".a{margin-left:0}",
        ".a{padding-right: 1em}",
        ".a{border-left:.2rem solid red}",
        ".a{border-right-width:1px}",
        ".a{position:absolute;left:0}",
        ".a{right :0}",
        ".a{text-align:left}",
        ".a{float: right}",
        ".a{clear:left}",
        ".a{border-top-left-radius:2px}",
    ],
)
def test_the_check_finds_physical_properties(css: str) -> None:
    assert physical_properties(css)


@pytest.mark.parametrize(
    "css",
    [
        ".a{margin-inline-start:0;inset-inline-start:0;text-align:end;float:inline-start}",
        ".a{border-start-start-radius:2px;padding-inline:1em}",
        "/* margin-left: 0 */ .a{top:0}",
        ".md-nav--left{color:red}",
    ],
)
def test_the_check_passes_logical_properties(css: str) -> None:
    assert not physical_properties(css)
