"""The built site serves our scripts minified, and the minified code behaves as the source does."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest

from afterno.minify import minify_script, minify_style
from helpers import ROOT

SCRIPTS = sorted(p.name for p in (ROOT / "docs" / "assets").glob("*.js"))
STYLES = sorted(p.name for p in (ROOT / "docs" / "assets").glob("*.css"))

CASES = {
    "whole-line comment": ("  // why\n  run();\n", "run();\n"),
    "JSDoc block": ("/**\n * @param {string} a\n */\nfunction f(a) {}\n", "function f(a){}\n"),
    "inline type cast": ("const el = /** @type {HTMLElement} */ (x);\n", "const el=(x);\n"),
    "spaces beside punctuation go": ('if (a === b) { go(c, "x"); }\n', 'if(a===b){go(c,"x");}\n'),
    "spaces inside strings kept": (
        "say(\"a = b, c\", 'd : e', `f ( ${g} )`);\n",
        "say(\"a = b, c\",'d : e',`f ( ${g} )`);\n",
    ),
    "spaces beside + and - kept": ("x = a - -b + +c;\n", "x=a - -b + +c;\n"),
    "a line with a regular expression kept": ("s.replace(/ = /g, x);\n", "s.replace(/ = /g, x);\n"),
    "nested template literals kept": ("t = `${a ? `x : y` : z}`;\n", "t = `${a ? `x : y` : z}`;\n"),
    "code after a block's end": ("/* a */ run();\n", "run();\n"),
    "trailing comment kept (it may be inside a string)": ('go("http://x"); // y\n', 'go("http://x"); // y\n'),
    "line breaks kept where a statement may end": ("a = 1\n(b)\nc = {}\n[d]\n", "a=1\n(b)\nc={}\n[d]\n"),
    "line break after an opener, a comma or a semicolon goes": (
        "f(a,\n  b);\ng();\nif (x) {\n  y([\n    1]);\n}\n",
        "f(a,b);g();if(x){y([1]);}\n",
    ),
    "line break after a trailing comment kept": ("go(a); // why (\nb();\n", "go(a); // why (\nb();\n"),
    "line break after a regular expression kept": ("s = s.replace(/a/, x);\nb();\n", "s = s.replace(/a/, x);\nb();\n"),
    "line break after a string's comma kept": ('say("a,");\nb()\nc(",")\n', 'say("a,");b()\nc(",")\n'),
    "line break after a restricted keyword kept": ("return\nx;\n", "return\nx;\n"),
    "an arrow function's one parameter loses its parentheses": (
        "list.map((item) => item.id); on((a, b) => a);\n",
        "list.map(item=>item.id);on((a,b)=>a);\n",
    ),
    "a call's parentheses before => kept (not an arrow's)": ("async (x) => x;\n", "async(x)=>x;\n"),
    "an arrow's parameter inside a string kept": ('say("(x) => y", (z) => z);\n', 'say("(x) => y",z=>z);\n'),
    "multi-line template literal: file left as written": ("const t = `a\n  b`;\n// c\n", "const t = `a\n  b`;\n// c\n"),
}


@pytest.mark.parametrize(("source", "expected"), CASES.values(), ids=CASES.keys())
def test_minify_rules(source: str, expected: str) -> None:
    """The minifier drops only comments and indentation, and leaves a file whose strings span lines alone."""
    assert minify_script(source) == expected


@pytest.mark.parametrize("name", SCRIPTS, ids=SCRIPTS)
def test_built_scripts_are_minified_and_smaller(site: Path, name: str) -> None:
    """Each of our scripts in the built site is the minified source: no comments, fewer gzipped bytes."""
    source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    built = (site / "assets" / name).read_text(encoding="utf-8")
    assert built == minify_script(source)
    assert "/**" not in built and "@ts-check" not in built
    assert len(gzip.compress(built.encode())) < len(gzip.compress(source.encode()))


STYLE_CASES = {
    "comment lines": ("/* why */\na{color:red}\n", "a{color:red}\n"),
    "comment over lines": ("/* a\n   b */\np{margin:0}\n", "p{margin:0}\n"),
    "comment inside a rule": ("a{color:red/* x */;top:0}\n", "a{color:red;top:0}\n"),
    "comment marks inside a string kept": (
        'a::after{content:"/* not a comment */"}\n',
        'a::after{content:"/* not a comment */"}\n',
    ),
    "indentation and blank lines go": ("  a {\n\n    color: red;\n  }\n", "a {\ncolor: red;\n}\n"),
}


@pytest.mark.parametrize(("source", "expected"), STYLE_CASES.values(), ids=STYLE_CASES.keys())
def test_minify_style_rules(source: str, expected: str) -> None:
    """The stylesheet minifier drops comments, indentation and blank lines, never a rule or a string's text."""
    assert minify_style(source) == expected


@pytest.mark.parametrize("name", STYLES, ids=STYLES)
def test_built_stylesheets_are_minified_and_smaller(site: Path, name: str) -> None:
    """Each of our stylesheets in the built site is the minified source: no comments, fewer gzipped bytes."""
    source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    built = (site / "assets" / name).read_text(encoding="utf-8")
    assert built == minify_style(source)
    assert "/*" not in built
    assert len(gzip.compress(built.encode())) < len(gzip.compress(source.encode()))


def test_minified_core_passes_the_node_unit_tests(site: Path, tmp_path: Path) -> None:
    """The node unit tests of checklist-core.js and checklist-files.js pass against the minified files the site
    serves."""
    node = shutil.which("node")
    assert node, "node is needed (it runs tests/js in make test too)"
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    (tmp_path / "tests" / "js").mkdir(parents=True)
    for name in ("checklist-core", "checklist-files"):
        shutil.copy(site / "assets" / f"{name}.js", tmp_path / "docs" / "assets" / f"{name}.js")
        shutil.copy(ROOT / "tests" / "js" / f"{name}.test.js", tmp_path / "tests" / "js")
    result = subprocess.run(
        [node, "--test", "tests/js/"], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
