"""Load content/ into the model, collecting every problem with its file, line and column.

The steps, each in a module of its own: ``discover`` finds the files and reads their bytes safely,
``yamlsafe`` parses each with the line and column of every value, ``validate`` checks it against
its kind's JSON Schema, ``build`` makes the model's objects, and ``crossfile`` applies the rules
across files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import COLLECTIONS, Builder, assemble
from .crossfile import Context, check_across
from .discover import ContentFile, claimed_by_misnamed, discover, read_bytes
from .docslinks import docs_link_problems
from .errors import ContentError, Problem, capped
from .model import CHECKLIST, PHASES, Content, KindSpec, schema_line
from .published import published_address_problems
from .slips import text_slips
from .textlinks import link_problems, site_pages
from .textrules import MAX_MARKUP, markup_count
from .validate import validate
from .yamlsafe import Mark, MarkedList, MarkedMap, load_yaml


@dataclass
class LoadedFile:
    """What one file gives the content: its objects, its problems, and where its keys are written."""

    file: ContentFile
    items: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    key_marks: dict[str, Mark] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)
    #: Each text that holds a link: the field's name, where the text starts, and the text.
    links: list[tuple[str, Mark, str]] = field(default_factory=list)


def load_file(file: ContentFile) -> LoadedFile:
    """Read, parse, validate and build one content file."""
    loaded = LoadedFile(file)
    if file.kind.one_per_file:
        # A file too broken to read still claims the id in its name.
        loaded.declared.add(file.path.stem)
    data, problem = read_bytes(file)
    if problem is not None:
        loaded.problems.append(problem)
        return loaded
    expected = schema_line(file.kind)
    if data and not data.removeprefix(b"\xef\xbb\xbf").startswith(expected.encode()):
        message = f"the first line must be '{expected}' so editors can check the file. Add it."
        loaded.problems.append(Problem(file.shown, 1, 1, message))
    value, found = load_yaml(file.shown, data)
    loaded.problems += found
    if value is None:
        return loaded
    text = data.decode("utf-8").removeprefix("\ufeff")
    loaded.problems += text_slips(file.shown, text, _is_text_in(file.kind, value))
    loaded.declared |= declared_ids(value)
    if isinstance(value, MarkedMap):
        loaded.key_marks = dict(value.key_marks)
    loaded.problems += _check_data(loaded, value)
    loaded.links = [(name, mark, text) for name, mark, text in text_values(file.kind, value) if "]" in text]
    loaded.problems = capped(sorted(loaded.problems))
    return loaded


def _check_data(loaded: LoadedFile, value: Any) -> list[Problem]:
    """Validate the parsed data and, as far as it is valid, build its objects."""
    file = loaded.file
    markup = markup_count_of(value)
    if markup > MAX_MARKUP:
        message = (
            f"the text in this file holds {markup} of the characters [ {{ # | and line breaks; at most "
            f"{MAX_MARKUP} are allowed in one file. Split it into several files."
        )
        return [Problem(file.shown, 1, 1, message)]
    problems, invalid = validate(file.kind, value, file.shown)
    loaded.items = Builder(file.shown, invalid).file(file.kind, value)
    item_id = value.get("id") if isinstance(value, MarkedMap) and ("id",) not in invalid else None
    if file.kind.one_per_file and isinstance(item_id, str) and item_id != file.path.stem:
        mark = value.value_marks["id"]
        message = (
            f"the id '{item_id}' does not match the file name '{file.path.name}'. "
            f"Rename the file to {item_id}.yml, or set id: {file.path.stem}."
        )
        problems.append(Problem(file.shown, mark.line, mark.column, message))
    return problems


def _is_text_in(kind: KindSpec, value: Any) -> Callable[[int, int], bool]:
    """Whether a value starting at a line and column of the file is one of its texts (found on first use)."""
    marks: set[Mark] = set()
    found = False

    def is_text(line: int, column: int) -> bool:
        nonlocal found
        if not found:
            marks.update(text_marks(kind, value))
            found = True
        return Mark(line, column) in marks

    return is_text


def text_marks(kind: KindSpec, value: Any) -> Iterator[Mark]:
    """Where each text value of a file's data starts: lines, paragraphs and each line of a list of lines."""
    return (mark for _name, mark, _text in text_values(kind, value))


def text_values(kind: KindSpec, value: Any) -> Iterator[tuple[str, Mark, str]]:
    """Each text value of a file's data (lines, paragraphs, each line of a list): its field, where it starts, it."""
    if not isinstance(value, MarkedMap):
        return
    for spec in kind.fields:
        item = value.get(spec.name)
        if spec.type in ("line", "text") and isinstance(item, str):
            yield spec.name, value.value_marks[spec.name], item
        elif spec.type == "lines" and isinstance(item, MarkedList):
            yield from (
                (spec.name, mark, line)
                for mark, line in zip(item.item_marks, item, strict=True)
                if isinstance(line, str)
            )
        elif spec.item is not None and isinstance(item, MarkedList):
            for entry in item:
                yield from text_values(spec.item, entry)


def declared_ids(value: Any) -> set[str]:
    """Every id a file's data declares, at any depth, valid or not."""
    found: set[str] = set()
    if isinstance(value, MarkedMap):
        if isinstance(value.get("id"), str):
            found.add(value["id"])
        for item in value.values():
            found |= declared_ids(item)
    elif isinstance(value, MarkedList):
        for item in value:
            found |= declared_ids(item)
    return found


def declared_by_kind(loaded: list[LoadedFile], claimed: dict[str, set[str]] | None = None) -> dict[str, frozenset[str]]:
    """The ids each kind of file declares (a guide's id is not a step's), valid or not, with those ``claimed``."""
    found: dict[str, set[str]] = {kind: set(ids) for kind, ids in (claimed or {}).items()}
    for one in loaded:
        found.setdefault(one.file.kind.name, set()).update(one.declared)
    return {kind: frozenset(ids) for kind, ids in found.items()}


def markup_count_of(value: Any) -> int:
    """How many Markdown triggers all the text values of a file's data hold."""
    texts, waiting = [], [value]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, MarkedMap):
            waiting.extend(item.values())
        elif isinstance(item, MarkedList):
            waiting.extend(item)
    # Counted once over all the texts: NUL is no trigger, so no trigger spans two texts.
    return markup_count("\0".join(texts))


def load_content(root: Path) -> Content:
    """Load and validate every file under ``root`` (the content/ folder).

    Args:
        root: The content folder.

    Returns:
        The validated content.

    Raises:
        ContentError: With every problem found, each naming file, line and column.
    """
    if not root.is_dir():
        raise ContentError([Problem(str(root), 1, 1, "the content folder does not exist.")])
    files, problems = discover(root)
    loaded = [load_file(file) for file in files]
    problems += [problem for one in loaded for problem in one.problems]
    for kind in (PHASES, CHECKLIST):
        if not any(one.file.kind is kind for one in loaded):
            problems.append(
                Problem(f"{root.name}/{kind.pattern}", 1, 1, f"the file is missing; create {kind.pattern}.")
            )
    collections: dict[str, list[Any]] = {name: [] for name in COLLECTIONS.values()}
    for one in loaded:
        collections[COLLECTIONS[one.file.kind]] += one.items
    content = assemble(collections)
    context = Context(
        content,
        {(one.file.shown, key): mark for one in loaded for key, mark in one.key_marks.items()},
        declared_by_kind(loaded, claimed_by_misnamed(problems)),
    )
    problems += check_across(context, complete=not problems)
    links = [(one.file.shown, *link) for one in loaded for link in one.links]
    pages = site_pages(content, root.parent, context.declared.get("guide", frozenset()))
    problems += link_problems(links, pages, content)
    if not problems:
        # Checked once the content itself is right, so that one broken file does not also cost its addresses.
        problems += published_address_problems(content, root.parent)
    problems += docs_link_problems(root.parent / "docs", pages, content)
    if problems:
        raise ContentError(problems)
    return content
