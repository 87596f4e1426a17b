"""How many of each kind content/ holds, in words, for text that states a count ("five short guides").

A hand-written page writes ``<!-- afterno:count guides -->`` where the number goes; the build puts
the count in its place, so the text follows the content when a guide or a source is added.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .localize import N_

if TYPE_CHECKING:
    from .model import Content

#: Numbers written as words, as in running text; larger ones are written as digits.
#: Each is translated in the languages' ui.yml, like the rest of the interface text.
WORDS = (
    N_("no"),
    N_("one"),
    N_("two"),
    N_("three"),
    N_("four"),
    N_("five"),
    N_("six"),
    N_("seven"),
    N_("eight"),
    N_("nine"),
    N_("ten"),
)
#: ``<!-- afterno:count NAME -->`` anywhere in a line of a hand-written page.
COUNT_MARKER = re.compile(r"<!-- afterno:count ([a-z-]{1,40}) -->")


def in_words(number: int, translate: Callable[[str], str] = str) -> str:
    """A count as running text writes it: words up to ten ("five", or its translation through ``translate``),
    digits above ("24")."""
    return translate(WORDS[number]) if 0 <= number < len(WORDS) else str(number)


def content_counts(content: Content) -> dict[str, int]:
    """How many guides, sources, steps, situations, message templates and checklist items there are, by name."""
    return {
        "guides": len(content.guides),
        "sources": len(content.sources),
        "steps": len(content.steps),
        "situations": len(content.situations),
        "templates": len(content.templates),
        "checklist-items": sum(len(phase.items) for phase in content.checklist),
    }


def fill_counts(markdown: str, counts: Mapping[str, int], src: str, translate: Callable[[str], str] = str) -> str:
    """Replace each ``<!-- afterno:count NAME -->`` in a page with that count in words.

    Raises:
        ValueError: a marker names no count; the message starts with ``src:line:column``.
    """

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in counts:
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - markdown.rfind("\n", 0, match.start())
            raise ValueError(
                f"{src}:{line}:{column}: unknown count '{name}' in {match.group(0)}; write one of: {', '.join(counts)}"
            )
        return in_words(counts[name], translate)

    return COUNT_MARKER.sub(fill, markdown)
