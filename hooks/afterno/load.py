"""Load content/ into the model, collecting every problem with its file, line and column."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import model
from .errors import ContentError, Problem
from .gcpause import without_gc_passes
from .model import (
    CHECKLIST,
    FILE_KINDS,
    GUIDE,
    PHASES,
    SITUATION,
    SOURCE,
    STEP,
    TEMPLATE,
    ChecklistItem,
    ChecklistPhase,
    Content,
    FieldSpec,
    Guide,
    KindSpec,
    Phase,
    Placeholder,
    Point,
    Ref,
    Situation,
    Source,
    Step,
    Template,
)
from .yamlsafe import Mapping, Mark, Sequence, describe, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL = re.compile(r"^https?://[^\s<>\"'`]+$")
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
BAD_SCHEME = re.compile(r"(?i)\b(javascript|vbscript)\s*:|\]\(\s*<?\s*(data)\s*:")
LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]*)")
HTML_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
PLACEHOLDER_TEXT = re.compile(r"(?i)\b(todo|tbd|fixme|lorem|ipsum)\b|\bXXX\b")
TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")
MAX_FILE_PROBLEMS = 50
#: Text without any of these characters and words cannot match RAW_HTML ('<'), BAD_SCHEME ('script' or
#: ']'), LINK ('['), ATTR_LIST ('{') or PLACEHOLDER_TEXT (its words), so it skips those checks.
#: (Plain substring tests on the lowercased text: four times faster than one case-insensitive pattern.)
TEXT_CHECK_CHARACTERS = re.compile(r"[<\[\]{]")
TEXT_CHECK_WORDS = ("script", "todo", "tbd", "fixme", "lorem", "ipsum", "xxx")


def _may_need_text_checks(text: str) -> bool:
    if TEXT_CHECK_CHARACTERS.search(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in TEXT_CHECK_WORDS)


# Markdown's attr_list reads "{: onclick=... }" after a link or word as HTML attributes; only
# a bare {placeholder_name} is safe.
ATTR_LIST = re.compile(r"\{(?![a-z][a-z0-9_]*\})[^{}\n]*\}")

_TYPE_WORDS = {
    "id": "an id (lowercase words joined by hyphens)",
    "line": "one line of text",
    "text": "text",
    "lines": "a list of text lines",
    "int": "a whole number",
    "url": "an https:// address",
    "date": "a date written YYYY-MM-DD",
    "ref": "an id",
    "refs": "a list of ids",
    "applies": "the word all or a list of situation ids",
    "choice": "one of the allowed words",
    "name": "a name in lowercase_with_underscores",
    "items": "a list of entries",
}


@dataclass
class _Reader:
    """Reads one file's mappings, appending problems as it goes."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, mark: Mark, message: str) -> None:
        # Thousands of mistakes in one file are one mistake repeated: list the first ones only.
        if len(self.problems) > MAX_FILE_PROBLEMS:
            return
        if len(self.problems) == MAX_FILE_PROBLEMS:
            message = f"more than {MAX_FILE_PROBLEMS} problems in this file; fix the ones listed and check again."
        self.problems.append(Problem(self.path, mark.line, mark.column, message))

    def mapping(self, value: Any, mark: Mark, kind: KindSpec, context: str = "") -> dict[str, Any] | None:
        """Check one mapping against ``kind`` and convert its values; None if unusable."""
        where = context or f"a {kind.title.lower()}"
        if not isinstance(value, Mapping):
            keys = ", ".join(spec.name for spec in kind.fields)
            self.add(mark, f"{where} must be a mapping with the keys {keys}; found {describe(value)}.")
            return None
        result: dict[str, Any] = {}
        known = [spec.name for spec in kind.fields]
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"Did you mean '{close[0]}'?" if close else f"The keys of {where} are: {', '.join(known)}."
                self.add(value.key_marks[key], f"unknown key '{key}' in {where}. {hint}")
        for spec in kind.fields:
            if spec.name not in value:
                if spec.required:
                    self.add(
                        value.mark,
                        f"{where} is missing the key '{spec.name}' ({_TYPE_WORDS[spec.type]}). "
                        f"Add it: {spec.name}: {_example(spec)}",
                    )
                continue
            converted = self.value(value[spec.name], value.value_marks[spec.name], spec)
            if converted is not _INVALID:
                result[spec.name] = converted
        return result

    def value(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        """Convert one value; returns _INVALID after recording a problem."""
        if value is None:
            if spec.nullable:
                return None
            self.add(mark, f"'{spec.name}' is empty; it must be {_TYPE_WORDS[spec.type]}. {_fix(spec)}")
            return _INVALID
        result: Any = _HANDLERS[spec.type](self, value, mark, spec)
        return result

    def _wrong(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        self.add(mark, f"'{spec.name}' must be {_TYPE_WORDS[spec.type]}, found {describe(value)}. {_fix(spec)}")
        return _INVALID

    def _text_ok(self, text: str, mark: Mark, spec: FieldSpec) -> bool:
        if not _may_need_text_checks(text):
            # Most text: nothing any of the checks below could match.
            return spec.max_length is None or len(text) <= spec.max_length or self._too_long(text, mark, spec)
        ok = True
        if RAW_HTML.search(text):
            found = RAW_HTML.search(text)
            shown = text[found.start() : found.start() + 12] if found else "<"
            self.add(
                mark,
                f"'{spec.name}' contains raw HTML ('{shown}'); HTML is not allowed in content. "
                "Write plain text (use **bold** for emphasis, or write 'less than' instead of '<').",
            )
            ok = False
        scheme = BAD_SCHEME.search(text)
        if scheme:
            word = scheme.group(1) or scheme.group(2)
            self.add(
                mark,
                f"'{spec.name}' contains a {word.lower()}: link, which is not allowed. "
                "Link only to https:// addresses or to pages of this site.",
            )
            ok = False
        for link in LINK.finditer(text) if scheme is None else ():
            target = link.group(1)
            has_scheme = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target)
            if has_scheme and not re.match(r"^(https?|mailto):", target, re.IGNORECASE):
                self.add(
                    mark,
                    f"'{spec.name}' links to '{target[:40]}'; only https:// and mailto: links are allowed.",
                )
                ok = False
            elif HTML_ENTITY.search(target):
                # An entity can hide a scheme (&#106;avascript:); addresses never need one.
                self.add(
                    mark,
                    f"'{spec.name}' links to '{target[:40]}', which contains an HTML entity. "
                    "Write the address out in plain characters.",
                )
                ok = False
        attrs = ATTR_LIST.search(text)
        if attrs:
            self.add(
                mark,
                f"'{spec.name}' contains '{attrs.group(0)[:40]}'; Markdown would turn text in braces into HTML "
                "attributes. Remove the braces (only {placeholder_name} is allowed, in message templates).",
            )
            ok = False
        filler = PLACEHOLDER_TEXT.search(text)
        if filler:
            self.add(
                mark,
                f"'{spec.name}' contains the placeholder word '{filler.group(0)}'. "
                "Write the real text, or leave the item out until it is ready.",
            )
            ok = False
        if spec.max_length is not None and len(text) > spec.max_length:
            ok = self._too_long(text, mark, spec)
        return ok

    def _too_long(self, text: str, mark: Mark, spec: FieldSpec) -> bool:
        self.add(
            mark, f"'{spec.name}' is {len(text)} characters long; it must be at most {spec.max_length}. Shorten it."
        )
        return False

    def _as_line(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if not isinstance(value, str):
            return self._wrong(value, mark, spec)
        text = value.strip()
        if not text:
            self.add(mark, f"'{spec.name}' is empty; write the text. {_fix(spec)}")
            return _INVALID
        if "\n" in text:
            self.add(mark, f"'{spec.name}' must be one line; found a line break. Join the lines into one.")
            return _INVALID
        return text if self._text_ok(text, mark, spec) else _INVALID

    def _as_text(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if not isinstance(value, str):
            return self._wrong(value, mark, spec)
        text = value.strip()
        if not text:
            self.add(mark, f"'{spec.name}' is empty; write the text. {_fix(spec)}")
            return _INVALID
        return text if self._text_ok(text, mark, spec) else _INVALID

    def _sequence(self, value: Any, mark: Mark, spec: FieldSpec, fix: str, empty: str) -> Sequence | None:
        """The value as a list, or None after reporting a string, another type or an empty required list."""
        if isinstance(value, str):
            self.add(mark, f"'{spec.name}' must be {_TYPE_WORDS[spec.type]}, found {describe(value)}. {fix}")
            return None
        if not isinstance(value, Sequence):
            self._wrong(value, mark, spec)
            return None
        if not value and spec.required:
            self.add(mark, f"'{spec.name}' is an empty list; {empty}.")
            return None
        return value

    def _as_lines(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        value = self._sequence(
            value, mark, spec, "Write each line as its own item starting with '- '.", "add at least one line"
        )
        if value is None:
            return _INVALID
        lines: list[str] = []
        for item, item_mark in zip(value, value.item_marks, strict=True):
            line = self._as_line(item, item_mark, spec)
            if line is not _INVALID:
                lines.append(line)
        return tuple(lines)

    def _as_int(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            return self._wrong(value, mark, spec)
        if spec.minimum is not None and value < spec.minimum:
            self.add(mark, f"'{spec.name}' must be at least {spec.minimum}, found {value}.")
            return _INVALID
        if value > 100_000:
            self.add(mark, f"'{spec.name}' is {value}; that is far too large. Use a number below 100000.")
            return _INVALID
        return value

    def _as_id(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if not isinstance(value, str) or not SLUG.match(value):
            self.add(
                mark,
                f"'{spec.name}' must be an id made of lowercase letters, digits and single hyphens "
                f"(like {spec.example or 'ask-for-feedback'}), found {describe(value)}.",
            )
            return _INVALID
        if len(value) > 60:
            self.add(mark, f"'{spec.name}' is longer than 60 characters; use a shorter id.")
            return _INVALID
        return value

    def _as_name(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if not isinstance(value, str) or not NAME.match(value):
            self.add(
                mark,
                f"'{spec.name}' must be lowercase_with_underscores (like {spec.example}), found {describe(value)}.",
            )
            return _INVALID
        return value

    def _as_url(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if not isinstance(value, str) or not URL.match(value.strip()):
            self.add(
                mark,
                f"'{spec.name}' must be a full https:// address or null, found {describe(value)}.",
            )
            return _INVALID
        return value.strip()

    def _as_date(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        text = str(value)
        if not isinstance(value, str) or not DATE.match(text):
            self.add(mark, f"'{spec.name}' must be a date written YYYY-MM-DD or null, found {describe(value)}.")
            return _INVALID
        try:
            date.fromisoformat(text)
        except ValueError:
            self.add(mark, f"'{spec.name}' is not a real date: {text}. Check the month and day.")
            return _INVALID
        return text

    def _as_choice(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if value not in spec.choices:
            choices = ", ".join(spec.choices)
            self.add(mark, f"'{spec.name}' must be one of {choices}; found {describe(value)}.")
            return _INVALID
        return value

    def _ref(self, value: Any, mark: Mark, spec: FieldSpec) -> Ref | None:
        if not isinstance(value, str) or not SLUG.match(value):
            self.add(
                mark,
                f"'{spec.name}' must name a {spec.target} by its id (lowercase-with-hyphens), found {describe(value)}.",
            )
            return None
        return Ref(value, self.path, mark.line, mark.column)

    def _as_ref(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        ref = self._ref(value, mark, spec)
        return _INVALID if ref is None else ref

    def _as_refs(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if isinstance(value, str):
            self.add(
                mark,
                f"'{spec.name}' must be a list of {spec.target} ids, found the string \"{value}\". "
                f"Write it as [{value}].",
            )
            return _INVALID
        value = self._sequence(value, mark, spec, "", f"name at least one {spec.target} id")
        if value is None:
            return _INVALID
        refs: list[Ref] = []
        seen: set[str] = set()
        for item, item_mark in zip(value, value.item_marks, strict=True):
            ref = self._ref(item, item_mark, spec)
            if ref is None:
                continue
            if ref.id in seen:
                self.add(item_mark, f"'{spec.name}' lists '{ref.id}' twice. Remove one of them.")
                continue
            seen.add(ref.id)
            refs.append(ref)
        return tuple(refs)

    def _as_applies(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        if value == "all":
            return None
        if isinstance(value, str):
            self.add(
                mark,
                f"'{spec.name}' must be the word all or a list of situation ids, found the string "
                f'"{value}". Write it as [{value}] or all.',
            )
            return _INVALID
        return self._as_refs(value, mark, spec)

    def _as_items(self, value: Any, mark: Mark, spec: FieldSpec) -> Any:
        assert spec.item is not None
        if not isinstance(value, Sequence):
            return self._wrong(value, mark, spec)
        if not value:
            self.add(mark, f"'{spec.name}' is an empty list; add at least one entry.")
            return _INVALID
        items: list[tuple[dict[str, Any], Mark]] = []
        for item, item_mark in zip(value, value.item_marks, strict=True):
            converted = self.mapping(item, item_mark, spec.item, f"each entry of '{spec.name}'")
            if converted is not None:
                items.append((converted, item_mark))
        return items


_INVALID: Any = object()


#: The converter of each field type (``_Reader._as_<type>``), looked up once rather than per value.
_HANDLERS: dict[str, Any] = {name: getattr(_Reader, f"_as_{name}") for name in _TYPE_WORDS}


def _example(spec: FieldSpec) -> str:
    examples = {
        "refs": "[an-id, another-id]",
        "applies": "all",
        "lines": '["First line.", "Second line."]',
        "items": "then one entry per line, each starting with '  - '",
        "int": "1",
        "url": "https://example.org/article",
        "date": "2016-12-13",
        "choice": spec.choices[0] if spec.choices else "",
    }
    return spec.example or examples.get(spec.type, "...")


def _fix(spec: FieldSpec) -> str:
    if spec.nullable:
        return f"Write {spec.name}: null if it is unknown."
    if spec.type in ("line", "text") and not spec.example:
        return f"Write the words after '{spec.name}: ', in double quotes if they are a number or contain ': '."
    return f"Example: {spec.name}: {_example(spec)}"


@dataclass
class _FileData:
    kind: KindSpec
    path: str
    stem: str
    data: dict[str, Any]
    mark: Mark


def _display(path: Path, root: Path) -> str:
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _discover(root: Path, problems: list[Problem]) -> list[tuple[KindSpec, Path]]:
    """Find the content files, and flag files that no kind claims."""
    claimed: list[tuple[KindSpec, Path]] = []
    seen: set[Path] = set()
    for kind in FILE_KINDS:
        for path in sorted(root.glob(kind.pattern)):
            if path.is_file():
                claimed.append((kind, path))
                seen.add(path)
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path in seen or path.parts[len(root.parts)] in ("schema", "translations"):
            continue
        if path.name.startswith(".") or path.name.lower() in {"readme.md"}:
            continue
        shown = _display(path, root)
        if path.suffix == ".yaml":
            message = "content files end in .yml; rename this file to end in .yml."
        else:
            patterns = ", ".join(f"{root.name}/{kind.pattern}" for kind in FILE_KINDS)
            message = f"this file is not a known kind of content. Content files are: {patterns}."
        problems.append(Problem(shown, 1, 1, message))
    return claimed


@without_gc_passes
def load_content(root: Path) -> Content:
    """Load and validate every file under ``root`` (the content/ folder).

    Args:
        root: The content folder.

    Returns:
        The validated content.

    Raises:
        ContentError: With every problem found, each naming file, line and column.
    """
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError([Problem(str(root), 1, 1, "the content folder does not exist.")])
    files: list[_FileData] = []
    marks: dict[tuple[str, str], Mark] = {}
    discovered = _discover(root, problems)
    for kind, path in discovered:
        shown = _display(path, root)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(shown, 1, 1, f"the file cannot be read: {exc.strerror}."))
            continue
        expected = model.schema_line(kind)
        if raw and not raw.lstrip(b"\xef\xbb\xbf").startswith(expected.encode()):
            problems.append(
                Problem(shown, 1, 1, f"the first line must be '{expected}' so editors can check the file. Add it.")
            )
        value, found = load_yaml(shown, raw)
        problems.extend(found)
        if value is None and found:
            continue
        reader = _Reader(shown)
        data = reader.mapping(value, getattr(value, "mark", Mark(1, 1)), kind, f"a {kind.title.lower()} file")
        problems.extend(reader.problems)
        if data is None:
            continue
        if kind.one_per_file and "id" in data and data["id"] != path.stem:
            mark = value.value_marks["id"]
            problems.append(
                Problem(
                    shown,
                    mark.line,
                    mark.column,
                    f"the id '{data['id']}' does not match the file name '{path.name}'. "
                    f"Rename the file to {data['id']}.yml, or set id: {path.stem}.",
                )
            )
        files.append(_FileData(kind, shown, path.stem, data, value.mark))
        for key, key_mark in value.key_marks.items():
            marks[(shown, key)] = key_mark
        if kind is SOURCE and isinstance(value.get("points"), Sequence):
            for point, point_mark in zip(value["points"], value["points"].item_marks, strict=True):
                if isinstance(point, Mapping) and isinstance(point.get("id"), str):
                    marks[(shown, f"point:{point['id']}")] = point_mark
    for kind in (PHASES, CHECKLIST):
        if not any(f.kind is kind for f in files) and not any(p.path.endswith(kind.pattern) for p in problems):
            problems.append(
                Problem(f"{root.name}/{kind.pattern}", 1, 1, f"the file is missing; create {kind.pattern}.")
            )
    content = _build(files, problems)
    # A file too broken to read still claims the id in its name.
    declared = _declared_ids(files) | {path.stem for kind, path in discovered if kind.one_per_file}
    _cross_check(content, problems, marks, declared)
    if problems:
        raise ContentError(problems)
    return content


def _declared_ids(files: list[_FileData]) -> set[str]:
    """Every id a file declares, even in items too broken to build.

    A reference to such an id is not reported as missing: the broken item has its own
    message, and one mistake should cost one line, not one per reference to it.
    """
    declared: set[str] = set()
    for f in files:
        if isinstance(f.data.get("id"), str):
            declared.add(f.data["id"])
        for key in ("points", "phases"):
            for item, _ in f.data.get(key, ()):
                if isinstance(item.get("id"), str):
                    declared.add(item["id"])
    return declared


def _build(files: list[_FileData], problems: list[Problem]) -> Content:
    """Turn checked file data into model objects, flagging duplicate ids."""
    content = Content()
    first_seen: dict[tuple[str, str], Ref] = {}

    def unique(kind: str, item_id: str, path: str, mark: Mark) -> bool:
        key = (kind, item_id)
        if key in first_seen:
            other = first_seen[key]
            problems.append(
                Problem(
                    path,
                    mark.line,
                    mark.column,
                    f"the {kind} id '{item_id}' is already used in {other.path}:{other.line}. "
                    f"Give this {kind} a different id.",
                )
            )
            return False
        first_seen[key] = Ref(item_id, path, mark.line, mark.column)
        return True

    def complete(data: dict[str, Any], spec: KindSpec) -> bool:
        return all(f.name in data for f in spec.fields if f.required)

    for f in files:
        d = f.data
        if not complete(d, f.kind):
            continue
        if f.kind is PHASES:
            for item, mark in d["phases"]:
                if complete(item, model.PHASE) and unique("phase", item["id"], f.path, mark):
                    if item["to_day"] < item["from_day"]:
                        problems.append(
                            Problem(
                                f.path,
                                mark.line,
                                mark.column,
                                f"phase '{item['id']}' ends before it starts: "
                                f"to_day ({item['to_day']}) is less than from_day ({item['from_day']}).",
                            )
                        )
                    content.phases.append(Phase(**item))
        elif f.kind is SOURCE:
            points: list[Point] = []
            for item, mark in d["points"]:
                if complete(item, model.POINT) and unique("point", item["id"], f.path, mark):
                    points.append(Point(item["id"], item["text"], d["id"]))
            if unique("source", d["id"], f.path, f.mark):
                content.sources.append(
                    Source(
                        id=d["id"],
                        path=f.path,
                        points=tuple(points),
                        file=d["file"],
                        title=d.get("title"),
                        label=d.get("label"),
                        author=d.get("author"),
                        publisher=d.get("publisher"),
                        date=d.get("date"),
                        url=d.get("url"),
                    )
                )
        elif f.kind is STEP:
            if unique("step", d["id"], f.path, f.mark):
                content.steps.append(
                    Step(
                        path=f.path,
                        avoid=d.get("avoid", ()),
                        questions=d.get("questions", ()),
                        related=d.get("related", ()),
                        **{
                            k: d[k]
                            for k in (
                                "id",
                                "title",
                                "summary",
                                "phase",
                                "why",
                                "how",
                                "applies_to",
                                "sources",
                            )
                        },
                    )
                )
        elif f.kind is GUIDE:
            if unique("guide", d["id"], f.path, f.mark):
                content.guides.append(Guide(path=f.path, **d))
        elif f.kind is SITUATION:
            if unique("situation", d["id"], f.path, f.mark):
                content.situations.append(
                    Situation(path=f.path, phrase=d.get("phrase"), **{k: v for k, v in d.items() if k != "phrase"})
                )
        elif f.kind is TEMPLATE:
            # A placeholder with a bad label still declares its name, so {name} is not reported twice.
            placeholders = tuple(
                Placeholder(item["name"], item.get("label", ""), item.get("example", ""))
                for item, _ in d["placeholders"]
                if "name" in item
            )
            if unique("template", d["id"], f.path, f.mark):
                fields: dict[str, Any] = {k: v for k, v in d.items() if k != "placeholders"}
                content.templates.append(Template(path=f.path, placeholders=placeholders, **fields))
        elif f.kind is CHECKLIST:
            for entry, _ in d["phases"]:
                if not complete(entry, model.CHECKLIST_PHASE):
                    continue
                items: list[ChecklistItem] = []
                for item, mark in entry["items"]:
                    if complete(item, model.CHECKLIST_ITEM) and unique("checklist item", item["id"], f.path, mark):
                        items.append(
                            ChecklistItem(
                                path=f.path,
                                line=mark.line,
                                column=mark.column,
                                replaces=item.get("replaces", ()),
                                phase=entry["phase"].id,
                                **{k: item[k] for k in ("id", "label", "step", "due", "applies_to")},
                            )
                        )
                content.checklist.append(ChecklistPhase(entry["phase"], tuple(items)))
    content.guides.sort(key=lambda g: (g.order, g.id))
    content.situations.sort(key=lambda s: (s.order, s.id))
    content.templates.sort(key=lambda t: (t.order, t.id))
    return content


def _missing(ref: Ref, kind: str, known: dict[str, Any] | set[str], folder: str, key: str) -> Problem:
    close = difflib.get_close_matches(ref.id, list(known), n=1)
    hint = f"Did you mean '{close[0]}'?" if close else f"Use an id from {folder}."
    return Problem(
        ref.path,
        ref.line,
        ref.column,
        f"'{key}' refers to the {kind} '{ref.id}', which does not exist. {hint}",
    )


def _cross_check(
    content: Content, problems: list[Problem], marks: dict[tuple[str, str], Mark], declared: set[str]
) -> None:
    """Check references between files, and that the content is complete."""

    def at(path: str, key: str, message: str) -> None:
        mark = marks.get((path, key), Mark(1, 1))
        problems.append(Problem(path, mark.line, mark.column, message))

    steps = content.step_by_id
    phases = content.phase_by_id
    situations = content.situation_by_id
    points = content.points

    def refs(items: tuple[Ref, ...] | None, kind: str, known: dict[str, Any], folder: str, key: str) -> None:
        for ref in items or ():
            if ref.id not in known and ref.id not in declared:
                problems.append(_missing(ref, kind, known, folder, key))

    for step in content.steps:
        refs((step.phase,), "phase", phases, "content/phases.yml", "phase")
        refs(step.applies_to, "situation", situations, "content/situations/", "applies_to")
        refs(step.sources, "source point", points, "content/sources/", "sources")
        refs(step.related, "step", steps, "content/steps/", "related")
        for ref in step.related:
            if ref.id == step.id:
                problems.append(
                    Problem(ref.path, ref.line, ref.column, "a step cannot be related to itself; remove it.")
                )
    for guide in content.guides:
        refs(guide.steps, "step", steps, "content/steps/", "steps")
    orders: dict[tuple[str, int], str] = {}
    for kind, items in (
        ("guide", content.guides),
        ("situation", content.situations),
        ("template", content.templates),
    ):
        for ranked in items:
            key = (kind, ranked.order)
            if key in orders:
                at(
                    ranked.path,
                    "order",
                    f"order {ranked.order} is also used by the {kind} '{orders[key]}'. Give each a different order.",
                )
            orders[key] = ranked.id
    for situation in content.situations:
        refs(situation.steps, "step", steps, "content/steps/", "steps")
        refs(situation.sources, "source point", points, "content/sources/", "sources")
        if situation.kind == "phrase" and not situation.phrase:
            at(
                situation.path,
                "kind",
                "a situation of kind phrase needs the key 'phrase': the words they used.",
            )
        for ref in situation.steps:
            situation_step = steps.get(ref.id)
            if situation_step is not None and not situation_step.applies(situation.id):
                problems.append(
                    Problem(
                        ref.path,
                        ref.line,
                        ref.column,
                        f"the step '{ref.id}' does not apply to '{situation.id}' (see its applies_to in "
                        f"{situation_step.path}). Add {situation.id} to that step's applies_to, or remove it here.",
                    )
                )
    for template in content.templates:
        refs((template.step,), "step", steps, "content/steps/", "step")
        refs(template.sources, "source point", points, "content/sources/", "sources")
        names = {p.name for p in template.placeholders}
        used = TEMPLATE_FIELD.findall(template.subject) + TEMPLATE_FIELD.findall(template.body)
        for name in dict.fromkeys(used):
            if name not in names:
                at(
                    template.path,
                    "placeholders",
                    f"the message uses {{{name}}} but 'placeholders' does not declare it. "
                    f"Add '- name: {name}' with a label and an example, or fix the spelling.",
                )
        for name in sorted(names - set(used)):
            at(
                template.path,
                "placeholders",
                f"the placeholder '{name}' is declared but the subject and body never "
                f"use {{{name}}}. Use it or remove it.",
            )
        if len(names) != len(template.placeholders):
            at(template.path, "placeholders", "a placeholder name is declared twice; keep one.")
    # The checklist: phases in order, items inside their phase's days, steps that exist.
    phase_order = [p.id for p in content.phases]
    listed = [entry.phase.id for entry in content.checklist]
    for entry in content.checklist:
        refs((entry.phase,), "phase", phases, "content/phases.yml", "phase")
    if [p for p in listed if p in phases] != [p for p in phase_order if p in listed] or len(set(listed)) != len(listed):
        first = content.checklist[0].phase if content.checklist else Ref("", "content/checklist.yml", 1, 1)
        problems.append(
            Problem(
                first.path,
                first.line,
                first.column,
                f"the checklist's phases must each appear once, in the order of content/phases.yml: "
                f"{', '.join(phase_order)}.",
            )
        )
    all_item_ids = {item.id for item in content.checklist_items}
    for item in content.checklist_items:
        refs((item.step,), "step", steps, "content/steps/", "step")
        refs(item.applies_to, "situation", situations, "content/situations/", "applies_to")
        phase = phases.get(item.phase)
        if phase is not None and not phase.from_day <= item.due <= phase.to_day:
            problems.append(
                Problem(
                    item.path,
                    item.line,
                    item.column,
                    f"item '{item.id}' is due on day {item.due}, outside its phase '{phase.id}' "
                    f"(days {phase.from_day} to {phase.to_day}). Change 'due' or move the item.",
                )
            )
        item_step = steps.get(item.step.id)
        if item_step is not None and item_step.applies_to is not None:
            allowed = {ref.id for ref in item_step.applies_to}
            extra = sorted({ref.id for ref in item.applies_to or ()} - allowed) if item.applies_to else ["all"]
            if extra:
                problems.append(
                    Problem(
                        item.path,
                        item.line,
                        item.column,
                        f"item '{item.id}' applies to {', '.join(extra)}, but its step '{item_step.id}' only "
                        f"applies to {', '.join(sorted(allowed))}. Narrow the item's applies_to.",
                    )
                )
        for old in item.replaces:
            if old in all_item_ids:
                problems.append(
                    Problem(
                        item.path,
                        item.line,
                        item.column,
                        f"item '{item.id}' replaces '{old}', but '{old}' is still a current item id. "
                        "An id can only be replaced once it is gone.",
                    )
                )
    # Completeness: every point used, every step grounded and reachable from a guide. Checked once
    # everything else is right, so that a broken step does not also report its points as unused.
    if problems:
        return
    used_points = {ref.id for step in content.steps for ref in step.sources}
    for source in content.sources:
        for point in source.points:
            if point.id not in used_points:
                at(
                    source.path,
                    f"point:{point.id}",
                    f"the point '{point.id}' is not used by any step. "
                    "Add it to the sources of the step that covers it.",
                )
    in_guides = {ref.id for guide in content.guides for ref in guide.steps}
    for step in content.steps:
        if step.id not in in_guides:
            at(
                step.path,
                "id",
                f"the step '{step.id}' is in no guide, so it has no page. "
                "Add its id to the steps of a guide in content/guides/.",
            )
