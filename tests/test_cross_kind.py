"""References resolve per kind, and no content reaches a traceback: ids swapped across kinds, renames left halfway.

Each case edits a copy of the real content: a reference field gets the id of an item of another kind
(a guide's id where a step's belongs), or an id is renamed halfway (the file but not the id, the id
but not the file, the references but not the id, the id and file but only some references). The check
either reports located problems (never any other exception) or passes, and then every page renders.
"""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import strategies as st

from afterno.crossfile import objects
from afterno.errors import ContentError
from afterno.load import load_content
from afterno.model import Content, Ref
from afterno.rename import KINDS, RenameError, rename
from afterno.render import Renderer
from helpers import CONTENT, ROOT, run_cases

#: The kinds whose ids a wrong reference can borrow, and the kinds a rename can leave halfway.
RENAMED = ("steps", "guides", "situations")


@functools.cache
def real() -> Content:
    return load_content(CONTENT)


@functools.cache
def reference_positions() -> tuple[tuple[str, Ref], ...]:
    """Every reference of the real content with the kind it names (``step``, ``situation``, ``phase``, ``point``)."""
    found = []
    for kind, item in objects(real()):
        for spec in kind.fields:
            if spec.target is None:
                continue
            value = getattr(item, spec.name)
            found += [(spec.target, ref) for ref in ((value,) if isinstance(value, Ref) else value or ())]
    return tuple(found)


@functools.cache
def ids_by_kind() -> dict[str, tuple[str, ...]]:
    content = real()
    return {
        "step": tuple(s.id for s in content.steps),
        "guide": tuple(g.id for g in content.guides),
        "situation": tuple(s.id for s in content.situations),
        "phase": tuple(p.id for p in content.phases),
        "point": tuple(content.points),
        "template": tuple(t.id for t in content.templates),
        "item": tuple(i.id for i in content.checklist_items),
    }


@dataclass(frozen=True)
class Edit:
    """Text put in place of ``old`` at a line and column of a file (1-based), or a file renamed."""

    path: str
    line: int = 0
    column: int = 0
    old: str = ""
    new: str = ""
    rename_to: str = ""


def swap(target: str, ref: Ref, other: str) -> Edit:
    return Edit(ref.path, ref.line, ref.column, ref.id, other)


@st.composite
def swapped(draw: st.DrawFn) -> list[Edit]:
    """One to three references given the id of an item of another kind."""
    chosen = draw(st.lists(st.sampled_from(reference_positions()), min_size=1, max_size=3, unique=True))
    edits = []
    for target, ref in chosen:
        kind = draw(st.sampled_from([k for k in ids_by_kind() if k != target]))
        edits.append(swap(target, ref, draw(st.sampled_from(ids_by_kind()[kind]))))
    return edits


@st.composite
def half_renamed(draw: st.DrawFn) -> list[Edit]:
    """A step, guide or situation renamed in some of the places a rename touches (file, id, references)."""
    folder = draw(st.sampled_from(RENAMED))
    item = draw(st.sampled_from(getattr(real(), folder)))
    new = draw(st.sampled_from([f"{item.id}-renamed", *ids_by_kind()["guide"], *ids_by_kind()["step"]]))
    path = f"content/{folder}/{item.id}.yml"
    edits = []
    if draw(st.booleans()):
        edits.append(Edit(path, rename_to=f"{new}.yml"))
    if draw(st.booleans()):
        edits.append(Edit(path, 1, 1, f"id: {item.id}", f"id: {new}"))
    target = folder.removesuffix("s")
    refs = [ref for kind, ref in reference_positions() if kind == target and ref.id == item.id]
    if refs:
        chosen = draw(st.lists(st.sampled_from(refs), unique=True, max_size=len(refs)))
        edits += [swap(target, ref, new) for ref in chosen]
    return edits


def apply(project: Path, edits: list[Edit]) -> None:
    """Make the edits in the copy: text first (at the positions of the real files, the last on a line first), then
    file renames."""
    for edit in sorted(edits, key=lambda e: (e.path, e.line, e.column), reverse=True):
        if edit.rename_to:
            continue
        path = project / edit.path
        if edit.old.startswith("id: "):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(rf"(?m)^{re.escape(edit.old)}$", edit.new, text, count=1), encoding="utf-8")
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        text = lines[edit.line - 1]
        start = edit.column - 1 + (text[edit.column - 1 : edit.column] in ("'", '"'))
        assert text[start : start + len(edit.old)] == edit.old, (edit, text)
        lines[edit.line - 1] = text[:start] + edit.new + text[start + len(edit.old) :]
        path.write_text("".join(lines), encoding="utf-8")
    for edit in edits:
        if edit.rename_to:
            source = project / edit.path
            target = source.with_name(edit.rename_to)
            if not target.exists():
                source.rename(target)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of content/, docs/ and the published addresses, put back as they were after each case."""
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "public_urls.txt", tmp_path / "tests" / "public_urls.txt")
    yield tmp_path


def check_case(project: Path, edits: list[Edit]) -> None:
    shutil.rmtree(project / "content")
    shutil.copytree(CONTENT, project / "content")
    apply(project, edits)
    try:
        content = load_content(project / "content")
    except ContentError as error:
        assert error.problems, edits
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert (project / problem.path).is_file() or problem.path.startswith("content/"), problem
        return
    renderer = Renderer(content, site_url="https://example.org/")
    assert renderer.pages() and renderer.files() is not None


def test_ids_swapped_across_kinds_are_located_problems(
    project: Path, record_property: Callable[[str, object], None]
) -> None:
    """A reference to an item of another kind fails the check at its own line; nothing else ever escapes."""
    run_cases(record_property, "cross-kind swaps", 40, swapped(), functools.partial(check_case, project))


def test_half_renames_never_reach_a_traceback(project: Path, record_property: Callable[[str, object], None]) -> None:
    """A rename left halfway fails the check with located problems, or passes and then builds."""
    run_cases(record_property, "half renames", 40, half_renamed(), functools.partial(check_case, project))


@st.composite
def renamed_with_the_command(draw: st.DrawFn) -> tuple[str, str, str]:
    """A step, guide, situation or item renamed with ``afterno rename``, to a fresh id or one taken by any kind."""
    kind = draw(st.sampled_from(sorted(KINDS)))
    old = draw(st.sampled_from(ids_by_kind()[kind]))
    taken = [item_id for ids in ids_by_kind().values() for item_id in ids]
    new = draw(st.sampled_from([f"{old}-renamed", f"{old}-x", *taken]))
    return kind, old, new


def check_rename(project: Path, case: tuple[str, str, str]) -> None:
    """The command either refuses (nothing changed) or leaves content that passes the check and renders."""
    shutil.rmtree(project / "content")
    shutil.copytree(CONTENT, project / "content")
    urls = project / "tests" / "public_urls.txt"
    shutil.copy2(ROOT / "tests" / "public_urls.txt", urls)
    try:
        rename(project, *case)
    except RenameError:
        assert urls.read_bytes() == (ROOT / "tests" / "public_urls.txt").read_bytes()
        return
    content = load_content(project / "content")
    pages = Renderer(content, site_url="https://example.org/").pages()
    for markdown in pages.values():
        if markdown.startswith("---\n"):
            assert "\n---\n" in markdown, markdown[:300]  # Front matter the site can read.


def test_renames_with_the_command_always_build(project: Path, record_property: Callable[[str, object], None]) -> None:
    """Any rename the command accepts passes the check and renders every page, old-address pages included."""
    run_cases(record_property, "renames", 20, renamed_with_the_command(), functools.partial(check_rename, project))


def test_a_guide_where_a_step_belongs_says_so(project: Path) -> None:
    """The issue's case: a checklist item whose step is a guide's id gets the per-kind message and its fix."""
    item = real().checklist_items[0]
    guide = real().guides[0]
    apply(project, [swap("step", item.step, guide.id)])
    with pytest.raises(ContentError) as raised:
        load_content(project / "content")
    expected = (
        f"{item.step.path}:{item.step.line}:{item.step.column}: 'step' refers to the guide '{guide.id}', but a "
        f"step is expected here. Name one of that guide's steps instead, such as '{guide.steps[0].id}'."
    )
    assert expected in [str(problem) for problem in raised.value.problems]
