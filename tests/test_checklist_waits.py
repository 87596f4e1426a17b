"""Checklist items that wait for something outside the reader's hands carry no date (``waits: true``)."""

from __future__ import annotations

from afterno.checklist_view import checklist_sections
from afterno.load import load_content
from helpers import CONTENT

#: The items whose moment is set by someone else: a role being posted, feedback arriving.
WAITING = {"send-new-opening-note", "act-on-feedback"}


def test_items_that_wait_for_an_outside_event_are_marked_and_show_no_day() -> None:
    """Exactly the items that depend on an outside event are marked, and the no-JS page shows them no day."""
    content = load_content(CONTENT)
    marked = {item.id for phase in content.checklist for item in phase.items if item.waits}
    assert marked == WAITING
    rows = [row for section in checklist_sections(content, lambda _id: "", lambda _item: "") for row in section.rows]
    for row in rows:
        assert (row.due_text == "When it happens") == (row.id in WAITING), row
