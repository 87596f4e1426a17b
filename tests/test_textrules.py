"""Link and markup safety is decided on the Markdown the site renders, however the link is spelt."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from hypothesis import strategies as st

from afterno.model import SKELETON_WORDS
from afterno.scaffold import SKELETON_TEXT
from afterno.textrules import (
    MARKDOWN_EXTENSIONS,
    MARKUP_TRIGGERS,
    message_problem,
    parse,
    text_problem,
)
from helpers import ROOT, run_cases

#: Text, and the start of the message it gets (None: accepted).
CASES: list[tuple[str, str, str | None]] = [
    ("https link", "Read [the guide](https://example.org/guide).", None),
    ("mailto link", "Write to [us](mailto:team@example.org).", None),
    ("link inside the site", "See [the checklist](../checklist/) and [a step](#feel-it).", None),
    ("image of this site", "![A chart](../assets/chart.png)", None),
    ("placeholders in prose stay text", "Thank them for the {role} role.", None),
    ("javascript link", "[a](javascript:alert(1))", "contains a javascript: link"),
    ("mixed case and spaces", "[a]( JaVaScRiPt:alert(1))", "contains a javascript: link"),
    ("newline inside the scheme", "[a](java\nscript:alert(1))", "contains a javascript: link"),
    ("carriage return inside the scheme", "[a](java\rscript:alert(1))", "contains a javascript: link"),
    # Markdown turns the tab into spaces, which browsers keep: a link to a page named "java    script:...".
    ("tab inside the scheme", "[a](java\tscript:alert(1))", None),
    ("reference definition to javascript", "[a][r]\n\n[r]: javascript:alert(1)", "contains a javascript: link"),
    ("reference definition alone", "Text.\n\n[r]: data:text/html,x", "contains a data: link"),
    ("reference definition to a file", "[a][r]\n\n[r]: file:///etc/passwd", "links to 'file:///etc/passwd'"),
    ("data link", "[a](data:text/html;base64,PHNjcmlwdD4=)", "contains a data: link"),
    ("vbscript link", "[a](vbscript:msgbox(1))", "contains a vbscript: link"),
    ("plain http link", "[a](http://example.org/)", "contains the address 'http://example.org/', which is not https"),
    (
        "http address written out",
        "See http://example.org/a?b=1 now.",
        "contains the address 'http://example.org/a?b=1',",
    ),
    ("http link split by a line break", "[a](ht\ntp://example.org/)", "contains the address 'http://example.org/',"),
    ("https address written out", "See https://example.org/ now.", None),
    ("protocol-relative link", "[a](//evil.example/)", "links to '//evil.example/', another site"),
    ("backslash host", "[a](/\\evil.example/)", "links to '/\\evil.example/', another site"),
    ("entity hiding a scheme", "[a](&#106;avascript:alert(1))", "links to '&#106;avascript:alert(1)'"),
    ("autolink", "<javascript:alert(1)>", "contains raw HTML"),
    ("image from another site", "![x](https://tracker.example/pixel.png)", "shows an image from another site"),
    ("protocol-relative image", "![x](//tracker.example/pixel.png)", "shows an image from another site"),
    ("boolean attribute list", "Some *text*{hidden}", "contains '{hidden}'; Markdown would turn text in braces"),
    ("event attribute list", "[a](https://example.org){: onclick=alert(1) }", "contains '{: onclick=alert(1) }'"),
    ("attribute list on a paragraph", "Text\n{: .class }", "contains '{: .class }'"),
    ("heading", "# Feel it", "would become a heading"),
    ("underlined heading", "Feel it\n---", "would become a heading"),
    ("note block", "!!! note\n    Hello", "would add the HTML attribute 'class'"),
    ("raw HTML", "Hi <b>there</b>", "contains raw HTML ('<b>there</b>')"),
    ("placeholder word", "Lorem ipsum", "contains the placeholder word 'Lorem'"),
    ("blank", "   ", "is empty"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_text_rule(text: str, expected: str | None) -> None:
    """Each text gets the expected message (or none), decided on its Markdown."""
    problem = text_problem(text)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith(expected), problem


def test_messages_allow_placeholders_and_nothing_else_in_braces() -> None:
    """A message template's text keeps its {placeholders}; other text in braces is refused."""
    assert message_problem("Dear {contact_name},\n\nThank you.\n{your_name}") is None
    assert message_problem("Dear {Name}") == (
        "contains '{Name}'; only {placeholder_name} may stand in braces in a message. "
        "Remove the braces, or name the placeholder in lowercase_with_underscores."
    )


def test_site_and_checker_use_the_same_markdown_extensions() -> None:
    """The checker parses with exactly the Markdown extensions mkdocs.yml gives the site."""

    class Loader(yaml.SafeLoader):
        """Reads mkdocs.yml's !ENV tags as plain values."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert tuple(names) == MARKDOWN_EXTENSIONS


#: Every character Markdown reads as syntax, and words, but none of the triggers.
QUIET = [c for c in "*_`\\()]}>&<!-+.:=~0123456789 \tabcXYZ" if not any(c in t for t in MARKUP_TRIGGERS)]


def test_text_without_triggers_makes_no_link_image_or_attribute(record_property: Callable[[str, object], None]) -> None:
    """Text with none of MARKUP_TRIGGERS parses to elements without attributes and with no link references."""

    def check(text: str) -> None:
        root, references = parse(text)
        assert references == {}, text
        for element in root.iter():
            assert element.tag not in ("a", "img") and not element.items(), (text, element.tag, element.items())

    texts = st.text(alphabet=st.sampled_from(QUIET), max_size=60) | st.lists(
        st.sampled_from(["**", "__", "`", "(", ")", "]", "!", "<a>", "&#106;", "http://x", "1.", "- ", "> ", "x"]),
        max_size=12,
    ).map("".join)
    run_cases(record_property, "text without triggers", 300, texts, check)


SKELETON_INSTRUCTIONS = [(kind, key, text) for kind, texts in SKELETON_TEXT.items() for key, text in texts.items()]


@pytest.mark.parametrize(
    ("kind", "key", "instruction"), SKELETON_INSTRUCTIONS, ids=[f"{k}.{key}" for k, key, _ in SKELETON_INSTRUCTIONS]
)
def test_skeleton_text_is_refused_whole_or_half_edited(kind: str, key: str, instruction: str) -> None:
    """Each instruction `afterno new` writes is refused as it stands, and still when only its end is rewritten."""
    refused = "is still the skeleton's text. Write your own words in its place."
    assert text_problem(instruction) == refused
    assert message_problem(instruction) == refused
    half_edited = instruction[: len(SKELETON_WORDS) + 1] + "a call to a friend tonight."
    assert text_problem(half_edited) == refused
    assert text_problem(instruction.replace(SKELETON_WORDS.capitalize(), "Fill in this text")) is None
