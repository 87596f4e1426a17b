"""How many of each kind content/ holds, in words, for text that states a count ("five short guides").

A hand-written page writes ``<!-- afterno:count guides -->`` where the number goes; the build puts
the count in its place, so the text follows the content when a guide or a source is added.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Content

#: Numbers written as words, as in running text; larger ones are written as digits.
WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: ``<!-- afterno:count NAME -->`` anywhere in a line of a hand-written page.
COUNT_MARKER = re.compile(r"<!-- afterno:count ([a-z-]{1,40}) -->")


def in_words(number: int) -> str:
    """A count as running text writes it: words up to ten ("five"), digits above ("24")."""
    return WORDS[number] if 0 <= number < len(WORDS) else str(number)


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


def fill_counts(markdown: str, counts: Mapping[str, int], src: str) -> str:
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
        return in_words(counts[name])

    return COUNT_MARKER.sub(fill, markdown)
