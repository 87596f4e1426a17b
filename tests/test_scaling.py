"""Rendering grows with the content, not with its square: counted, not timed, so load on the machine cannot
make it flake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmarks.scale import scale_content

from afterno.load import load_content
from afterno.model import ChecklistItem, Content
from afterno.render import Renderer, handout_plans
from helpers import CONTENT


def _scaled(tmp_path: Path, factor: int) -> Content:
    """The real content with every item copied ``factor - 1`` times under new ids (as ``make benchmark-scale``)."""
    folder = tmp_path / f"content-{factor}x"
    shutil.copytree(CONTENT, folder)
    scale_content(folder, factor)
    return load_content(folder)


def test_each_handout_lists_exactly_the_items_for_its_situation() -> None:
    """``handout_plans`` files each item under the situations it names: the same phases and items, in the same
    order, as asking every item whether it applies (phases left with no item are left out)."""
    content = load_content(CONTENT)
    plans = handout_plans(content)
    for situation in [None, *content.situations]:
        expected = [
            (entry, [item for item in entry.items if situation is None or item.applies(situation.id)])
            for entry in content.checklist
        ]
        assert plans[situation.id if situation else None] == [(entry, items) for entry, items in expected if items]


def test_rendering_the_pages_asks_each_item_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 4x the content the pages ask items whether they apply at most 4x as often as at 1x: a handout per
    situation that scanned every item asked situations x items times (16x)."""
    calls = {"count": 0}
    applies = ChecklistItem.applies

    def counted(item: ChecklistItem, situation_id: str) -> bool:
        calls["count"] += 1
        return applies(item, situation_id)

    monkeypatch.setattr(ChecklistItem, "applies", counted)
    counts, items = [], 0
    for factor in (1, 4):
        content = _scaled(tmp_path, factor)
        calls["count"] = 0
        Renderer(content).pages()
        counts.append(calls["count"])
        items = items or len(content.checklist_items)
    assert counts[1] <= 4 * counts[0] + items, counts


def test_a_handout_stays_one_page_long_as_the_content_grows(tmp_path: Path) -> None:
    """In the benchmark's model of more content (each copy an area of advice of its own), a situation's handout
    lists at most twice the items it lists at 1x: the real items for everyone plus its own copy's. Copying the items
    for everyone as "all" gave each handout every copy's (4x: four times as many; 100x: about 1,600 items)."""
    longest = []
    for factor in (1, 4):
        plans = handout_plans(_scaled(tmp_path, factor))
        longest.append(max(sum(len(items) for _, items in plan) for key, plan in plans.items() if key is not None))
    assert longest[1] <= 2 * longest[0], longest
