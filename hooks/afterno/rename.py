"""Rename a step, guide, situation or checklist item everywhere, keeping its old id working (``afterno rename``).

Ids are promises: careers centres print links with them, and readers' ticks and answers are saved
under them. A rename therefore

- renames the file (a checklist item lives in ``checklist.yml``) and its ``id``;
- rewrites every reference to the id, at the exact line and column the loader recorded for it;
- lists the old id under ``replaces`` of the renamed item, so the site keeps the old anchor (or a
  page that forwards from the old address) and the checklist moves saved progress to the new id;
- adds the new addresses to ``tests/public_urls.txt`` beside the old ones, which stay.

It runs only on content that passes the check, and checks the result: if the renamed content does
not load, every file is put back as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .load import load_content
from .model import (
    CHECKLIST_ITEM,
    CHECKLIST_PHASE,
    GUIDE,
    SITUATION,
    SLUG_PATTERN,
    STEP,
    TEMPLATE,
    ChecklistItem,
    ChecklistPhase,
    Content,
    Guide,
    KindSpec,
    Ref,
    Situation,
    Step,
    Template,
)
from .translation_model import TRANSLATIONS_DIR

#: The kinds ``afterno rename`` knows: the word on the command line, and what references it (a spec target).
KINDS = {"step": "step", "guide": "guide", "situation": "situation", "item": "checklist item"}
PUBLIC_URLS = Path("tests") / "public_urls.txt"
_SPECS: dict[type, KindSpec] = {
    Step: STEP,
    Guide: GUIDE,
    Situation: SITUATION,
    Template: TEMPLATE,
    ChecklistPhase: CHECKLIST_PHASE,
    ChecklistItem: CHECKLIST_ITEM,
}


class RenameError(Exception):
    """The rename cannot be done (unknown id, id taken, content broken); nothing was changed."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Renamed:
    """What a rename changed."""

    written: list[Path] = field(default_factory=list)
    moved: tuple[Path, Path] | None = None
    public_added: list[str] = field(default_factory=list)
    #: Translation files renamed with the item (content/translations/<language>/steps/OLD.yml -> NEW.yml).
    translations_moved: list[tuple[Path, Path]] = field(default_factory=list)


def _objects(content: Content) -> Iterator[Any]:
    """Every object of the content that can hold a reference."""
    yield from content.steps
    yield from content.guides
    yield from content.situations
    yield from content.templates
    for entry in content.checklist:
        yield entry
        yield from entry.items


def references(content: Content, target: str, item_id: str) -> list[Ref]:
    """Every reference to ``item_id`` in a field whose target is ``target`` (``step``, ``situation``)."""
    found: list[Ref] = []
    for obj in _objects(content):
        for spec in _SPECS[type(obj)].fields:
            if spec.target != target:
                continue
            value = getattr(obj, spec.name, None)
            refs = (value,) if isinstance(value, Ref) else value or ()
            found.extend(ref for ref in refs if isinstance(ref, Ref) and ref.id == item_id)
    return found


def _ids(content: Content, kind: str) -> dict[str, Any]:
    by_kind: dict[str, dict[str, Any]] = {
        "step": content.step_by_id,
        "guide": {guide.id: guide for guide in content.guides},
        "situation": content.situation_by_id,
        "item": {item.id: item for item in content.checklist_items},
    }
    return by_kind[kind]


def _aliases(content: Content, kind: str) -> set[str]:
    """The old ids the items of this kind already keep (their ``replaces``)."""
    return {old for item in _ids(content, kind).values() for old in getattr(item, "replaces", ())}


class _Files:
    """The text of each file to change, edited in memory and written together."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.lines: dict[Path, list[str]] = {}
        self.original: dict[Path, str] = {}

    def of(self, path: Path) -> list[str]:
        if path not in self.lines:
            text = path.read_text(encoding="utf-8")
            self.original[path] = text
            self.lines[path] = text.splitlines(keepends=True)
        return self.lines[path]

    def replace_at(self, shown_path: str, line: int, column: int, old: str, new: str) -> None:
        """Replace the id ``old`` written at ``line``:``column`` (plain or quoted) with ``new``."""
        lines = self.of(self.project / shown_path)
        text = lines[line - 1]
        start = column - 1
        if text[start : start + 1] in ("'", '"'):
            start += 1
        if text[start : start + len(old)] != old:
            raise RenameError(f"{shown_path}:{line}:{column}: expected '{old}' here; run 'afterno check' first.")
        lines[line - 1] = text[:start] + new + text[start + len(old) :]


def _key_line(lines: list[str], start: int, end: int, indent: int, key: str) -> int | None:
    """The index of the line ``key:`` at ``indent`` spaces (or a ``- `` entry starting with it) in lines[start:end]."""
    pattern = re.compile(rf"^(?:[ ]{{{indent}}}|[ ]{{{max(indent - 2, 0)}}}- ){re.escape(key)}:")
    return next((i for i in range(start, end) if pattern.match(lines[i])), None)


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the last line of the mapping whose keys start at ``indent``, from line ``start``."""
    end = start + 1
    while end < len(lines):
        text = lines[end]
        if text.strip() and not text.lstrip().startswith("#") and len(text) - len(text.lstrip(" ")) < indent:
            break
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _set_id(lines: list[str], start: int, end: int, indent: int, old: str, new: str, where: str) -> None:
    index = _key_line(lines, start, end, indent, "id")
    if index is None:
        raise RenameError(f"{where}: no 'id: {old}' line found; run 'afterno check' first.")
    lines[index] = re.sub(rf"(id:[ ]*[\"']?){re.escape(old)}\b", lambda m: m.group(1) + new, lines[index], count=1)


def _add_replaces(lines: list[str], start: int, end: int, indent: int, old: str) -> None:
    """List ``old`` under the mapping's ``replaces`` (made if missing) in lines[start:end]."""
    pad = " " * indent
    index = _key_line(lines, start, end, indent, "replaces")
    if index is None:
        if end > 0 and not lines[end - 1].endswith("\n"):
            lines[end - 1] += "\n"
        lines.insert(end, f"{pad}replaces: [{old}]\n")
        return
    text = lines[index]
    flow = re.match(r"^(.*replaces:[ ]*\[)(.*?)(\][ ]*)$", text.rstrip("\n"))
    if flow:
        items = flow.group(2).strip()
        lines[index] = f"{flow.group(1)}{items + ', ' if items else ''}{old}{flow.group(3)}\n"
        return
    last = index
    for i in range(index + 1, end):
        if re.match(rf"^{pad}[ ]*- ", lines[i]):
            last = i
    item_pad = re.match(r"^([ ]*)- ", lines[last]).group(1) if last != index else pad + "  "  # type: ignore[union-attr]
    lines.insert(last + 1, f"{item_pad}- {old}\n")


def _public_urls(path: Path, kind: str, old: str, new: str, files: _Files) -> list[str]:
    """Add the new address beside each published old one (which stays: it must keep working)."""
    if not path.is_file():
        return []
    lines = files.of(path)
    patterns = {
        "step": (re.compile(rf"^(/guides/[^#\s]+/#){re.escape(old)}$"), r"\g<1>" + new),
        "guide": (re.compile(rf"^/guides/{re.escape(old)}/(.*)$"), f"/guides/{new}/" + r"\g<1>"),
        "situation": (re.compile(rf"^/situations/#{re.escape(old)}$"), f"/situations/#{new}"),
        "item": (re.compile(rf"^/checklist/#{re.escape(old)}$"), f"/checklist/#{new}"),
    }
    pattern, replacement = patterns[kind]
    present = {line.strip() for line in lines}
    added: list[str] = []
    result: list[str] = []
    for line in lines:
        result.append(line)
        match = pattern.match(line.strip())
        if match:
            address = match.expand(replacement)
            if address not in present:
                result.append(address + "\n")
                present.add(address)
                added.append(address)
    lines[:] = result
    return added


#: Where each kind's translations live inside a language folder: a file per item, or checklist.yml's list.
_TRANSLATION_FILES = {"step": "steps/{}.yml", "guide": "guides/{}.yml", "situation": "situations/{}.yml"}


def _translations(project: Path, kind: str, old: str, new: str, files: _Files) -> list[tuple[Path, Path]]:
    """Give each language's translation of the item the new id (its file too), keeping its ``made_from``.

    A translation holds no references (ids, order and links come from the English), only its own id; its
    fingerprints are of the English text, which a rename leaves alone, so it stays complete.
    """
    folder = project / "content" / TRANSLATIONS_DIR
    languages = sorted(path for path in folder.iterdir() if path.is_dir()) if folder.is_dir() else []
    moves = []
    id_line = re.compile(rf"^((?:- )?[ ]*id:[ ]*[\"']?){re.escape(old)}([\"']?[ ]*(?:#.*)?)$")
    for language in languages:
        if kind == "item":
            path = language / "checklist.yml"
        else:
            path = language / _TRANSLATION_FILES[kind].format(old)
            target = language / _TRANSLATION_FILES[kind].format(new)
            if path.is_file() and target.exists():
                raise RenameError(f"{target} already exists; remove it or choose another id.")
        if not path.is_file():
            continue
        lines = files.of(path)
        for index, line in enumerate(lines):
            match = id_line.match(line.rstrip("\n").lstrip(" ") if kind == "item" else line.rstrip("\n"))
            if match:
                lines[index] = line.replace(f"id: {old}", f"id: {new}", 1).replace(f"id: '{old}'", f"id: '{new}'", 1)
                if kind != "item":
                    break
        if kind != "item":
            moves.append((path, target))
    return moves


def _renamable(root: Path, kind: str, old: str, new: str) -> tuple[Content, dict[str, Any]]:
    """The content and the ids of ``kind``, once ``old`` exists and ``new`` is a free, valid id."""
    if not re.search(SLUG_PATTERN, new) or len(new) > 60:
        raise RenameError(
            f"'{new}' is not a valid id: use lowercase words joined by hyphens, like ask-for-feedback "
            "(at most 60 characters)."
        )
    try:
        content = load_content(root)
    except ContentError as error:
        raise RenameError(
            "content/ has problems; fix them first (run 'afterno check'), then rename.", error.problems
        ) from None
    what = KINDS[kind]
    known = _ids(content, kind)
    if old not in known:
        raise RenameError(f"there is no {what} '{old}'. The {what} ids are: {', '.join(sorted(known))}.")
    if new == old:
        raise RenameError(f"the {what} is already called '{new}'.")
    if new in known or new in _aliases(content, kind):
        raise RenameError(f"the {what} id '{new}' is already used (or kept as an old id); choose another.")
    return content, known


def rename(project: Path, kind: str, old: str, new: str) -> Renamed:
    """Rename the ``kind`` (step, guide, situation or item) ``old`` to ``new`` in the project's content/.

    Raises:
        RenameError: Nothing was changed; the message says why (with the content's problems, if any).
    """
    root = project / "content"
    content, known = _renamable(root, kind, old, new)
    files = _Files(project)
    renamed = Renamed()
    # Only steps and situations are referenced (no field names a guide or an item): the rest find nothing.
    for ref in references(content, kind, old):
        files.replace_at(ref.path, ref.line, ref.column, old, new)
    if kind == "item":
        item = known[old]
        lines = files.of(project / item.path)
        start, indent = item.line - 1, item.column - 1
        end = _block_end(lines, start, indent)
        _set_id(lines, start, end, indent, old, new, f"{item.path}:{item.line}")
        _add_replaces(lines, start, _block_end(lines, start, indent), indent, old)
        move = None
    else:
        source = project / known[old].path
        lines = files.of(source)
        _set_id(lines, 0, len(lines), 0, old, new, known[old].path)
        _add_replaces(lines, 0, len(lines), 0, old)
        move = (source, source.with_name(f"{new}.yml"))
        if move[1].exists():
            raise RenameError(f"{move[1]} already exists; remove it or choose another id.")
    renamed.public_added = _public_urls(project / PUBLIC_URLS, kind, old, new, files)
    translation_moves = _translations(project, kind, old, new, files)
    _write(files, renamed, move)
    for moved in translation_moves:
        moved[0].rename(moved[1])
        renamed.translations_moved.append(moved)
        renamed.written = [moved[1] if path == moved[0] else path for path in renamed.written]
    try:
        load_content(root)
    except ContentError as error:
        _restore(files, renamed)
        raise RenameError(
            "the renamed content does not pass the check, so nothing was changed:", error.problems
        ) from None
    return renamed


def _write(files: _Files, renamed: Renamed, move: tuple[Path, Path] | None) -> None:
    """Write every changed file, then give the renamed item's file its new name."""
    for path, lines in files.lines.items():
        path.write_text("".join(lines), encoding="utf-8", newline="\n")
        renamed.written.append(path)
    if move is not None:
        move[0].rename(move[1])
        renamed.moved = move
        renamed.written = [move[1] if path == move[0] else path for path in renamed.written]


def _restore(files: _Files, renamed: Renamed) -> None:
    if renamed.moved is not None:
        renamed.moved[1].rename(renamed.moved[0])
    for moved in renamed.translations_moved:
        moved[1].rename(moved[0])
    for path, text in files.original.items():
        path.write_text(text, encoding="utf-8", newline="\n")
