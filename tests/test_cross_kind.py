"""No content reaches a Python traceback: ids swapped across kinds, and renames done halfway by hand.

Each generated case edits a copy of content/ at the exact places the loader recorded, then loads it.
It must either be refused with located problems (ContentError) or load and render every page.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import strategies as st

from afterno.errors import ContentError
from afterno.load import load_content
from afterno.model import Content, Ref
from afterno.rename import references
from afterno.render import Renderer
from helpers import CONTENT, ROOT, run_cases

REAL = load_content(CONTENT)


def ids_by_kind(content: Content) -> dict[str, list[str]]:
    """Every id of the content, by the kind that declares it."""
    return {
        "step": [s.id for s in content.steps],
        "guide": [g.id for g in content.guides],
        "situation": [s.id for s in content.situations],
        "template": [t.id for t in content.templates],
        "checklist item": [i.id for i in content.checklist_items],
        "phase": [p.id for p in content.phases],
        "point": list(content.points),
        "source": [s.id for s in content.sources],
    }


IDS = ids_by_kind(REAL)
#: Every reference of the real content, with the kind it must name.
REFS: list[tuple[str, Ref]] = [
    (target, ref)
    for target in ("step", "situation", "phase", "point")
    for ids in (IDS[target],)
    for item_id in ids
    for ref in references(REAL, target, item_id)
]


def replace_at(root: Path, ref: Ref, new: str) -> None:
    """Write ``new`` in place of the id at the reference's line and column."""
    path = root.parent / ref.path
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text = lines[ref.line - 1]
    start = ref.column - 1 + (text[ref.column - 1] in "'\"")
    assert text[start : start + len(ref.id)] == ref.id
    lines[ref.line - 1] = text[:start] + new + text[start + len(ref.id) :]
    path.write_text("".join(lines), encoding="utf-8")


def loads_or_refuses(root: Path) -> None:
    """The content is refused with located problems, or it loads and every page renders."""
    try:
        content = load_content(root)
    except ContentError as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 for p in error.problems)
        return
    renderer = Renderer(content)
    renderer.pages()
    for page in (ROOT / "docs").glob("*.md"):
        renderer.fill_markers(page.read_text(encoding="utf-8"), page.name)


@dataclass(frozen=True)
class Swap:
    """Put an id of another kind where a reference stands."""

    target: str
    ref: Ref
    other_kind: str
    other_id: str


swaps = st.sampled_from(REFS).flatmap(
    lambda pair: st.sampled_from([k for k in IDS if k != pair[0]]).flatmap(
        lambda kind: st.sampled_from(IDS[kind]).map(lambda other: Swap(pair[0], pair[1], kind, other))
    )
)


@pytest.mark.slow
def test_ids_swapped_across_kinds_never_reach_a_traceback(record_property: object) -> None:
    """A reference holding another kind's id is refused with a located message, or (same id in both kinds) renders."""

    def check(swap: Swap) -> None:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "content"
            shutil.copytree(CONTENT, root)
            replace_at(root, swap.ref, swap.other_id)
            if swap.other_id not in IDS[swap.target]:
                with pytest.raises(ContentError) as caught:
                    load_content(root)
                located = [p for p in caught.value.problems if (p.path, p.line) == (swap.ref.path, swap.ref.line)]
                assert located, [str(p) for p in caught.value.problems]
            loads_or_refuses(root)

    run_cases(record_property, "cross-kind ids", 60, swaps, check)  # type: ignore[arg-type]


@dataclass(frozen=True)
class HalfRename:
    """Rename an item by hand, doing only some of the work."""

    kind: str
    old: str
    new: str
    move_file: bool
    change_id: bool
    rewrite: tuple[bool, ...]


def half_renames() -> st.SearchStrategy[HalfRename]:
    """A step, guide or situation renamed to a fresh id, or to another kind's id, with some steps skipped."""

    def build(kind: str) -> st.SearchStrategy[HalfRename]:
        others = [i for k, ids in IDS.items() if k != kind for i in ids if i not in IDS[kind]]
        return st.tuples(st.sampled_from(IDS[kind]), st.sampled_from(["brand-new-id", *others])).flatmap(
            lambda pair: st.builds(
                HalfRename,
                st.just(kind),
                st.just(pair[0]),
                st.just(pair[1]),
                st.booleans(),
                st.booleans(),
                st.lists(st.booleans(), min_size=len(references(REAL, kind, pair[0])), max_size=64).map(tuple),
            )
        )

    return st.sampled_from(["step", "guide", "situation"]).flatmap(build)


@pytest.mark.slow
def test_renames_done_halfway_never_reach_a_traceback(record_property: object) -> None:
    """A rename left half done (file, id line, some references) is refused with located messages, never a crash."""
    folders = {"step": "steps", "guide": "guides", "situation": "situations"}

    def check(case: HalfRename) -> None:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "content"
            shutil.copytree(CONTENT, root)
            for ref, rewrite in zip(references(REAL, case.kind, case.old), case.rewrite, strict=False):
                if rewrite:
                    replace_at(root, ref, case.new)
            path = root / folders[case.kind] / f"{case.old}.yml"
            if case.change_id:
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace(f"\nid: {case.old}\n", f"\nid: {case.new}\n", 1), encoding="utf-8")
            if case.move_file:
                path.rename(path.with_name(f"{case.new}.yml"))
            loads_or_refuses(root)

    run_cases(record_property, "half renames", 60, half_renames(), check)  # type: ignore[arg-type]
