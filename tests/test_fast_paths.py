"""The loader's shortcuts skip only work that could not have found anything.

Two checks run on every file and every text value, so each has a cheap test in front of it that
lets ordinary input through: ``_compose_plain`` (a file with no anchor, alias, tag, deep nesting or
flood of values is composed by libyaml in one pass, without the event-by-event checks) and
``_may_need_text_checks`` (text with none of a few characters and words skips the markup checks).
A shortcut that let through something the full check would have caught would be a hole, so these
properties compare the two on generated input built from the characters and words that matter.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml
from hypothesis import strategies as st

from afterno import yamlsafe
from afterno.load import ATTR_LIST, BAD_SCHEME, LINK, PLACEHOLDER_TEXT, RAW_HTML, _may_need_text_checks
from helpers import run_cases

#: YAML's indicators and separators, with a few letters and digits around them.
yaml_texts = st.text(alphabet=st.sampled_from(list("-?:,[]{}&*!|>#'\"% \n\tab1")), max_size=80)
#: YAML that nests: block and flow collections written out by PyYAML, some with anchors and tags.
nested = st.recursive(
    st.text(alphabet="ab &*!:-", max_size=6) | st.integers() | st.none(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from("abc"), children, max_size=3),
    max_leaves=40,
)


def _vouched_for_correctly(text: str) -> None:
    node = yamlsafe._compose_plain(text)
    if node is yamlsafe._UNCHECKED:
        return
    # The event path would have run these checks and then composed with libyaml just the same.
    assert yamlsafe._check_events("f.yml", text, []) == [], text


def test_one_pass_compose_is_used_only_where_the_checks_find_nothing(
    record_property: Callable[[str, object], None],
) -> None:
    """Whenever the one-pass path composes a text, the event checks would have passed it."""
    texts = yaml_texts | nested.map(lambda doc: yaml.safe_dump(doc, default_flow_style=None))
    run_cases(record_property, "one-pass compose", 400, texts, _vouched_for_correctly)


def test_one_pass_compose_refuses_what_the_checks_catch() -> None:
    """Named cases: each needs the event checks, and the shortcut hands it over."""
    deep = "a:\n" + "".join(" " * (2 * level) + f"  k{level}:\n" for level in range(20)) + " " * 42 + "x\n"
    cases = ["a: &x 1\nb: *x\n", "a: !!str 1\n", "a: !custom x\n", "[" * 40 + "]" * 40, deep, "- " * 20 + "x\n"]
    cases += ["-\t" * 20 + "x\n", "--- " + "- " * 20 + "x\n", "? " * 20 + "x\n", "a: 1\n" * 3_000, "?\n" * 7_500]
    for text in cases:
        assert yamlsafe._compose_plain(text) is yamlsafe._UNCHECKED, text[:40]
    assert yamlsafe._compose_plain("title: Q&A for you!\nsteps:\n  - a\n  - b\n") is not yamlsafe._UNCHECKED


#: Pieces of what the markup and placeholder checks look for, to be put together in any order.
pieces = st.sampled_from(
    ["javascript", "VBScript", "script", "todo", "TBD", "fixme", "Lorem", "ipsum", "XXX", "data", "on", "](", "[",
     "]", "(", ")", "{", "}", "{name}", "<", ">", ":", " ", "/", "&#106;", "a", "X"]
)  # fmt: skip
text_values = st.lists(pieces, max_size=10).map("".join)


def test_text_shortcut_skips_only_text_no_check_would_flag(record_property: Callable[[str, object], None]) -> None:
    """Text the shortcut lets through matches none of the markup and placeholder patterns."""

    def check(text: str) -> None:
        if not _may_need_text_checks(text):
            for pattern in (RAW_HTML, BAD_SCHEME, LINK, ATTR_LIST, PLACEHOLDER_TEXT):
                assert pattern.search(text) is None, (pattern.pattern, text)

    run_cases(record_property, "text shortcut", 400, text_values | st.text(max_size=60), check)


def test_text_shortcut_hands_over_each_named_case() -> None:
    """One text per pattern the checks look for: each goes to the full checks."""
    cases = ["](data:text/html,x)", "see javascript: here", "VBScript:x", "a <b> c", "[a](b)", "{: .x}", "Todo", "XXX"]
    for text in cases:
        assert _may_need_text_checks(text), text
    assert not _may_need_text_checks("Thank them: a short, kind reply (two lines) keeps the door open!")
