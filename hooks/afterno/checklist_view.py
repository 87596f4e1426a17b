"""What the checklist page shows, built from the content model: no MkDocs, no templates, no JSON.

The page's script reads only the markup (``data-`` attributes on the items and phases), so everything it needs
is written here once, as plain data the template prints, and nothing it does not read is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .localize import N_
from .model import ChecklistItem, Content

#: An item's date without JavaScript, in the languages' ui.yml like the rest of the interface text.
DAY_OF_REJECTION = N_("Day of the rejection")
BY_DAY = N_("By day %(day)s")
WHEN_IT_HAPPENS = N_("When it happens")


@dataclass(frozen=True)
class ChecklistRow:
    """One item of the checklist as the page prints it."""

    id: str
    label: str
    due: int
    #: The date as the page shows it without JavaScript ("Day of the rejection", "By day 3").
    due_text: str
    gentle: bool
    #: It waits for something outside the reader's hands (a role posted): no date.
    waits: bool
    #: Space-separated situation ids the item is for, or "all".
    applies: str
    #: The content's one short phrase on who may skip it ('' when it is for everyone).
    skip_note: str
    replaces: str
    step_url: str
    step_title: str
    #: It suggests talking to a careers adviser: a centre's edition links it to the booking page.
    adviser: bool = False


@dataclass(frozen=True)
class ChecklistSection:
    """One phase of the checklist with its items."""

    id: str
    title: str
    description: str
    from_day: int
    to_day: int
    rows: tuple[ChecklistRow, ...]


def due_text(due: int, translate: Callable[[str], str] = str, waits: bool = False) -> str:
    """An item's date before the reader has said when they heard: counted in days from the rejection, in the
    language of ``translate``; an item that waits for an outside event has none."""
    if waits:
        return translate(WHEN_IT_HAPPENS)
    return translate(DAY_OF_REJECTION) if due == 0 else translate(BY_DAY) % {"day": due}


def checklist_sections(
    content: Content,
    step_url: Callable[[str], str],
    applies_note: Callable[[ChecklistItem], str],
    translate: Callable[[str], str] = str,
) -> list[ChecklistSection]:
    """The checklist's phases and rows.

    Args:
        content: The loaded content.
        step_url: The link from the checklist page to a step's explanation.
        applies_note: Who an item is for, in words (``Renderer.applies_note``: the one place that writes it).
        translate: Interface text in the page's language (its dates before JavaScript runs).
    """
    phases = content.phase_by_id
    steps = content.step_by_id
    sections = []
    for entry in content.checklist:
        phase = phases[entry.phase.id]
        rows = tuple(
            ChecklistRow(
                id=item.id,
                label=item.label,
                due=item.due,
                due_text=due_text(item.due, translate, item.waits),
                gentle=item.gentle,
                waits=item.waits,
                applies="all" if item.applies_to is None else " ".join(ref.id for ref in item.applies_to),
                skip_note=applies_note(item),
                replaces=" ".join(item.replaces),
                step_url=step_url(item.step.id),
                step_title=steps[item.step.id].title,
                adviser=item.adviser,
            )
            for item in entry.items
        )
        sections.append(ChecklistSection(phase.id, phase.title, phase.description, phase.from_day, phase.to_day, rows))
    return sections


def situations_not_served(content: Content) -> dict[str, list[str]]:
    """Each checklist item's id -> the situations it does not apply to ([] for an item for everyone).

    The home page's "Continue your checklist" line (docs/assets/site.js) counts done and total as the checklist
    does for the reader's situation, from this alone: it lists what is left out, the shorter of the two.
    """
    situations = [situation.id for situation in content.situations]
    return {
        item.id: [situation for situation in situations if not item.applies(situation)]
        for entry in content.checklist
        for item in entry.items
    }
