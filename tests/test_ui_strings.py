"""The interface text the templates use is found by a regular expression, not by parsing them with Jinja:
it finds exactly the wordings Jinja's own extraction finds, on the real templates and on tricky ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment
from jinja2.ext import extract_from_ast

from afterno.translation_load import template_strings, ui_strings
from helpers import ROOT

TEMPLATES = ROOT / "hooks" / "afterno" / "templates"
_JINJA = Environment(extensions=["jinja2.ext.i18n"])


def jinja_strings(source: str) -> list[str]:
    """The wordings Jinja's parser finds: the first argument of each ``_()`` or ``gettext()`` call, if a string."""
    found = []
    for _line, _name, message in extract_from_ast(_JINJA.parse(source), gettext_functions=("_", "gettext")):
        first = message if not isinstance(message, tuple) else (message[0] if message else None)
        if isinstance(first, str):
            found.append(first)
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.j2")), ids=lambda path: path.name)
def test_real_templates_give_the_same_wordings_as_jinja(path: Path) -> None:
    """Each template of the site: the same wordings, in the same order, as Jinja's extraction."""
    source = path.read_text(encoding="utf-8")
    assert template_strings(source) == jinja_strings(source)


TRICKY = [
    ('{{ _("Plain") }}', ["Plain"]),
    ("{{ _('Single quotes') }}", ["Single quotes"]),
    ('{{ gettext("In front matter") }}', ["In front matter"]),
    ('{{ _("At %(centre)s", centre=centre.name) }}', ["At %(centre)s"]),
    ('{% with title=gettext("T"), text=_("D") %}{% endwith %}', ["T", "D"]),
    ('{% set label = _("In a set") %}', ["In a set"]),
    ('{{- _("Trimmed") -}}', ["Trimmed"]),
    ('{{ _ ( "Spaced" ) }}', ["Spaced"]),
    ('{{ _(\n    "Over lines"\n) }}', ["Over lines"]),
    ('{{ _("Joined " "literals") }}', ["Joined literals"]),
    ('{{ _("Filtered") | upper }}', ["Filtered"]),
    ('{{ _("Braces }} and %} inside") }}', ["Braces }} and %} inside"]),
    ('{{ _("Escaped \\"quotes\\" and \\u00e9") }}', ['Escaped "quotes" and \u00e9']),
    ('{{ _("Curly “quotes” kept") }}', ["Curly “quotes” kept"]),
    ('{{ _("Twice") }}{{ _("Twice") }}', ["Twice"]),
    ('{{ x if y else _("In a condition") }}', ["In a condition"]),
    ('{{ f(_("Nested")) }}', ["Nested"]),
    ('{# {{ _("In a comment") }} #}', []),
    ('{% raw %}{{ _("In a raw block") }}{% endraw %}', []),
    ('_("In the text, not a tag")', []),
    ('{{ "_(\\"In a string\\")" }}', []),
    ('{{ page._("A method") }}', []),
    ('{{ my_("Another name") }}', []),
    ("{{ _(variable) }}", []),
    ('{{ _("Concatenated " ~ name) }}', []),
    ('{{ ngettext("One", "Many", n) }}', []),
]


@pytest.mark.parametrize(("source", "expected"), TRICKY, ids=[source for source, _ in TRICKY])
def test_tricky_templates_give_the_same_wordings_as_jinja(source: str, expected: list[str]) -> None:
    """Comments, raw blocks, strings holding braces, escapes, joined literals: the wordings Jinja finds."""
    assert jinja_strings(source) == expected
    assert template_strings(source) == expected


def test_wordings_with_named_values_need_a_translation() -> None:
    """A wording with %(name)s values is interface text too (Jinja's extraction skipped those calls)."""
    found = ui_strings(TEMPLATES, ROOT / "docs" / "assets")
    assert "Book a talk with an adviser at %(centre)s" in found
    assert "Last reviewed %(date)s." in found
