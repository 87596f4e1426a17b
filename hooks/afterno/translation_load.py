"""Read and check content/translations/, and compare each translation with the English it came from.

Each file is validated against its JSON Schema (``translation_schema``, made from the model), each
failure turned into a ``file:line:column`` message. Rules across files are small named functions:
the id must name an English item, a message's placeholders must be exactly the English ones, a
page keeps the English page's anchors. ``translation_status`` then says, per language and item,
complete, missing, outdated (which fields) or orphaned. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jsonschema
import yaml

from .docs_pages import translatable_pages
from .docslinks import translated_page_problems
from .errors import ContentError, Problem
from .model import TEMPLATE_FIELD, Content
from .slips import text_slips
from .textlinks import link_problems, site_pages
from .textrules import link_scheme_finding
from .translation_model import (
    KIND_BY_NAME,
    KINDS,
    LANGUAGES_FILE,
    TRANSLATIONS_DIR,
    TranslationKind,
    fingerprint,
    languages_schema_line,
    schema_line,
)
from .translation_schema import languages_schema, translation_schema
from .validate import repeated_line_message, repeats
from .yamlsafe import Mark, MarkedList, MarkedMap, describe, load_yaml

#: ``_("...")`` in the JavaScript: the scripts' interface text, looked up in the page's language.
JS_STRING = re.compile(r"""\bt\(\s*"((?:[^"\\\n]|\\.)*)"\s*[,)]""")
#: N_ calls in the Python that renders pages (the navigation's titles, "Only if" notes).
PY_STRING = re.compile(r"""\bN_\(\s*"((?:[^"\\\n]|\\.)*)"\s*\)""")
#: Named values in interface text: %(count)s in the templates, {count} in the scripts.
UI_FIELD = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")
#: A Jinja tag's text: ``{{ ... }}`` or ``{% ... %}`` (strings in it may hold braces); comments and raw
#: blocks match too, with no body, so nothing in them counts. Every branch starts differently: no backtracking.
_JINJA_STRING = r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'"""
_JINJA_TAG = re.compile(
    r"\{#.*?#\}"
    r"|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}"
    rf"|\{{[{{%](?P<body>(?:{_JINJA_STRING}|[^\"'}}%]|[}}%](?!\}}))*)[}}%]\}}",
    re.DOTALL,
)
_JINJA_TOKEN = re.compile(rf"(?P<string>{_JINJA_STRING})|(?P<name>[A-Za-z_]\w*)|(?P<other>\S)", re.DOTALL)
_GETTEXT_NAMES = frozenset({"_", "gettext"})
ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_-]+)")
MARKER = re.compile(r"<!-- afterno:[a-z-]+ -->")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)

State = Literal["complete", "missing", "outdated", "orphaned"]


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    published: bool


@dataclass(frozen=True)
class EnglishItem:
    """The English text of one translatable item, by field."""

    kind: str
    id: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class TranslatedItem:
    """One item's translation, as written in its file."""

    kind: str
    id: str
    path: str
    line: int
    column: int
    fields: dict[str, Any]
    made_from: dict[str, str]


@dataclass
class LanguageTranslations:
    language: Language
    items: dict[tuple[str, str], TranslatedItem] = field(default_factory=dict)

    def text(self, kind: str, item_id: str, name: str, english: Any) -> Any:
        """The translated field, or ``english`` when this item or field has no translation."""
        item = self.items.get((kind, item_id))
        if item is None or name not in item.fields:
            return english
        return item.fields[name]

    def ui(self) -> dict[str, str]:
        """Interface text: English wording to translation."""
        return {item.id: item.fields["text"] for (kind, _), item in self.items.items() if kind == "ui"}


@dataclass(frozen=True)
class ItemStatus:
    kind: str
    id: str
    state: State
    fields: tuple[str, ...] = ()
    where: str = ""


# --- The English side ---------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A Markdown page's front matter (a mapping, empty if it has none) and the text after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    loaded = yaml.safe_load(match.group(1))
    return (loaded if isinstance(loaded, dict) else {}), text[match.end() :]


def read_page(path: Path) -> dict[str, str]:
    """A hand-written Markdown page's title, description and body (the text after its front matter)."""
    meta, text = split_front_matter(path.read_text(encoding="utf-8"))
    return {"title": str(meta.get("title", "")), "description": str(meta.get("description", "")), "body": text}


def hand_written_pages(docs: Path) -> dict[str, dict[str, str]]:
    """Every hand-written Markdown page under docs/, by its id: its path without .md (``about``,
    ``local/printing`` for docs/local/printing.md)."""
    return {page_id: read_page(path) for page_id, path in translatable_pages(docs).items()}


def ui_strings(templates: Path, scripts: Path, theme: Path | None = None) -> list[str]:
    """The interface text the page templates and the theme's templates in ``theme`` (``_("...")``) and the
    scripts (``t("...")``) use, in order."""
    found: dict[str, None] = {}
    for folder in [templates] + ([theme] if theme is not None and theme.is_dir() else []):
        for path in sorted(path for path in folder.rglob("*") if path.suffix in (".j2", ".html") and path.is_file()):
            found.update(dict.fromkeys(template_strings(path.read_text(encoding="utf-8"))))
    for path in sorted(templates.parent.glob("*.py")):
        for match in PY_STRING.finditer(path.read_text(encoding="utf-8")):
            found[json.loads(f'"{match.group(1)}"')] = None
    found.update(dict.fromkeys(script_strings(scripts)))
    return list(found)


def template_strings(source: str) -> list[str]:
    """The wordings a Jinja template passes to ``_()`` or ``gettext()``, in order.

    The first arguments Jinja's own extraction finds (a test compares them), without parsing the templates
    (a third of ``afterno check``): only inside ``{{ }}`` and ``{% %}`` tags, comments and raw blocks skipped,
    adjacent literals joined. A call with named values (``_("at %(centre)s", centre=...)``) counts too.
    """
    found: list[str] = []
    for tag in _JINJA_TAG.finditer(source):
        body = tag.group("body")
        if body is None:
            continue
        tokens = [(match.lastgroup, match.group()) for match in _JINJA_TOKEN.finditer(body)]
        for index, (kind, text) in enumerate(tokens):
            if kind != "name" or text not in _GETTEXT_NAMES or (index and tokens[index - 1][1] == "."):
                continue
            words, after = _string_arguments(tokens, index + 1)
            if words is not None and after in {",", ")"}:
                found.append(words)
    return list(dict.fromkeys(found))


def _string_arguments(tokens: list[tuple[str | None, str]], start: int) -> tuple[str | None, str]:
    """The string a call's first argument spells (adjacent literals joined), and the token after it."""
    if start >= len(tokens) or tokens[start][1] != "(":
        return None, ""
    index, parts = start + 1, []
    while index < len(tokens) and tokens[index][0] == "string":
        # As Jinja's lexer reads a literal: Python's escapes, newlines normalised.
        literal = tokens[index][1][1:-1].replace("\r\n", "\n").replace("\r", "\n")
        parts.append(literal.encode("ascii", "backslashreplace").decode("unicode-escape"))
        index += 1
    after = tokens[index][1] if index < len(tokens) else ""
    return ("".join(parts) if parts else None), after


def script_strings(scripts: Path) -> list[str]:
    """The interface text the scripts in ``scripts`` use (``t("...")``), in order: each translated page carries
    their translations as JSON."""
    found: dict[str, None] = {}
    for strings in script_strings_by_file(scripts).values():
        found.update(dict.fromkeys(strings))
    return list(found)


def text_key(text: str) -> str:
    """A wording's key in a translated page's JSON for the scripts: FNV-1a over its UTF-16 code units, in base 36,
    as checklist-core.js key() computes it."""
    units = text.encode("utf-16-le")
    hash_ = 0x811C9DC5
    for i in range(0, len(units), 2):
        hash_ = ((hash_ ^ int.from_bytes(units[i : i + 2], "little")) * 0x01000193) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        hash_, digit = divmod(hash_, 36)
        out = digits[digit] + out
        if not hash_:
            return out


def script_strings_by_file(scripts: Path) -> dict[str, list[str]]:
    """Each script's name in ``scripts`` (``checklist.js``) and the interface text it uses, in order."""
    found: dict[str, list[str]] = {}
    for path in sorted(scripts.glob("*.js")) if scripts.is_dir() else []:
        texts = (json.loads(f'"{match.group(1)}"') for match in JS_STRING.finditer(path.read_text(encoding="utf-8")))
        found[path.name] = list(dict.fromkeys(texts))
    return found


def _values(obj: Any, kind: TranslationKind) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in kind.fields:
        value = getattr(obj, spec.name, None)
        if spec.name == "placeholders":
            value = [{"name": p.name, "label": p.label, "example": p.example} for p in value or ()]
        elif isinstance(value, tuple):
            value = list(value)
        if value:
            values[spec.name] = value
    return values


def english_items(
    content: Content, pages: dict[str, dict[str, str]], ui: Iterable[str]
) -> dict[tuple[str, str], EnglishItem]:
    """Every translatable English item, by (kind, id)."""
    items: dict[tuple[str, str], EnglishItem] = {}
    groups: list[tuple[str, Iterable[Any]]] = [
        ("step", content.steps),
        ("guide", content.guides),
        ("situation", content.situations),
        ("template", content.templates),
        ("phase", content.phases),
        ("checklist-item", content.checklist_items),
        ("source", content.sources),
    ]
    for kind_name, objects in groups:
        kind = KIND_BY_NAME[kind_name]
        for obj in objects:
            items[(kind_name, obj.id)] = EnglishItem(kind_name, obj.id, _values(obj, kind))
    for page_id, page in pages.items():
        items[("page", page_id)] = EnglishItem("page", page_id, {k: v for k, v in page.items() if v})
    for text in ui:
        items[("ui", text)] = EnglishItem("ui", text, {"text": text})
    return items


# --- Reading translation files -------------------------------------------------------------------


def _mark_at(value: Any, path: Iterable[Any]) -> Mark:
    """The mark of the value at ``path`` inside a loaded document (the nearest one we know)."""
    mark = getattr(value, "mark", Mark(1, 1))
    for step in path:
        if isinstance(value, MarkedMap) and step in value:
            mark = value.value_marks.get(step, mark)
            value = value[step]
        elif isinstance(value, MarkedList) and isinstance(step, int) and step < len(value):
            mark = value.item_marks[step]
            value = value[step]
        else:
            break
    return mark


def _schema_message(error: jsonschema.ValidationError, doc: Any) -> tuple[Mark, str]:
    """A contributor's message for one schema failure, and where it points."""
    rule: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    instance: Any = error.instance
    where = list(error.absolute_path)
    name = next((str(step) for step in reversed(where) if isinstance(step, str)), "the file")
    mark = _mark_at(doc, where)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a key"
        return (
            mark,
            f"the key '{missing}' is missing. Add it.",
        )
    if error.validator == "additionalProperties":
        node = doc
        for step in where:
            node = node[step]
        known = list(rule.get("properties", {}))
        extra = [key for key in node if key not in known]
        key = extra[0] if extra else "?"
        key_mark = node.key_marks.get(key, mark) if isinstance(node, MarkedMap) else mark
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Translatable keys here: {', '.join(known)}."
        return key_mark, f"unknown key '{key}'. {hint} Ids, sources, order and dates come from the English."
    if error.validator == "pattern" and "made_from" in where:
        return (
            mark,
            "made_from holds fingerprints; run 'afterno translations LANG --stamp FILE' instead of editing them.",
        )
    if error.validator == "pattern" and rule.get("pattern") == r"^[^\n]*$":
        return mark, f"'{name}' must be one line. Join the lines, or shorten it."
    if error.validator == "type":
        wanted = rule.get("type")
        words = {"string": "text", "array": "a list", "object": "a mapping"}.get(str(wanted), str(wanted))
        return mark, f"'{name}' must be {words}; found {describe(instance)}."
    if error.validator == "maxLength":
        return mark, f"'{name}' is {len(instance)} characters; at most {error.validator_value} fit. Shorten it."
    if error.validator == "minLength":
        return mark, f"'{name}' is empty. Write the translation, or delete the key to show the English."
    return mark, f"'{name}': {error.message}."


@cache
def _validator(kind: TranslationKind | None) -> jsonschema.Draft202012Validator:
    """The validator of one kind's translation files (None: languages.yml), made once per process."""
    return jsonschema.Draft202012Validator(languages_schema() if kind is None else translation_schema(kind))


def _validate(shown: str, doc: Any, kind: TranslationKind | None, problems: list[Problem]) -> bool:
    validator = _validator(kind)
    errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors[:50]:
        if error.validator == "uniqueItems" and isinstance(error.instance, MarkedList):
            # Each copy after the first, each at its own line: the same rule and words as in the English.
            name = next((str(step) for step in reversed(error.absolute_path) if isinstance(step, str)), "the list")
            for mark, first, key in repeats(error.instance, error.instance.item_marks):
                problems.append(Problem(shown, mark.line, mark.column, repeated_line_message(name, key, mark, first)))
            continue
        mark, message = _schema_message(error, doc)
        problems.append(Problem(shown, mark.line, mark.column, message))
    return not errors


def _read(path: Path, shown: str, first_line: str, problems: list[Problem], links: list[Link] | None = None) -> Any:
    raw = path.read_bytes()
    if raw and not raw.lstrip(b"\xef\xbb\xbf").startswith(first_line.encode()):
        problems.append(Problem(shown, 1, 1, f"the first line must be '{first_line}' so editors can check the file."))
    value, found = load_yaml(shown, raw)
    problems.extend(found)
    if found:
        return None
    if value is not None:
        # Text cut short by ' #' or bullets joined: the same slips as in the English files.
        marks = set(_text_marks(value))
        text = raw.decode("utf-8").removeprefix("\ufeff")
        problems.extend(text_slips(shown, text, lambda line, column: Mark(line, column) in marks))
        texts = list(_text_values(value))
        problems.extend(_scheme_problems(shown, texts))
        if links is not None:
            links.extend((shown, name, mark, text) for name, mark, text in texts if "]" in text)
    return value


#: A text of a file that may hold links: the file, its key, where it starts, the text.
Link = tuple[str, str, Mark, str]


def _scheme_problems(shown: str, texts: Iterable[tuple[str, Mark, str]]) -> list[Problem]:
    """The English link rules, for translated text: https: and mailto: links only, however they are written."""
    problems = []
    for name, mark, text in texts:
        finding = link_scheme_finding(text)
        if finding is not None:
            at = mark.at(finding[1])
            problems.append(Problem(shown, at.line, at.column, f"'{name}' {finding[0]}"))
    return problems


def _text_values(value: Any, name: str = "") -> Iterable[tuple[str, Mark, str]]:
    """Each text of a translation file, with its key and where it starts (as ``_text_marks``)."""
    if isinstance(value, MarkedMap):
        for key, item in value.items():
            if key in _NOT_TEXT_KEYS:
                continue
            if isinstance(item, str):
                yield key, value.value_marks[key], item
            else:
                yield from _text_values(item, key)
    elif isinstance(value, MarkedList):
        for item, mark in zip(value, value.item_marks, strict=True):
            if isinstance(item, str):
                yield name, mark, item
            else:
                yield from _text_values(item, name)


#: Keys whose values are not words a reader sees: a comment after them cuts nothing that shows.
_NOT_TEXT_KEYS = frozenset({"id", "code", "status", "made_from"})


def _text_marks(value: Any) -> Iterable[Mark]:
    """Where each text of a translation file starts (every string but ids, codes, statuses and hashes)."""
    if isinstance(value, MarkedMap):
        for key, item in value.items():
            if key in _NOT_TEXT_KEYS:
                continue
            if isinstance(item, str):
                yield value.value_marks[key]
            else:
                yield from _text_marks(item)
    elif isinstance(value, MarkedList):
        for item, mark in zip(value, value.item_marks, strict=True):
            if isinstance(item, str):
                yield mark
            else:
                yield from _text_marks(item)


def read_languages(root: Path, problems: list[Problem]) -> list[Language]:
    """content/translations/languages.yml (no file: no languages)."""
    path = root / TRANSLATIONS_DIR / LANGUAGES_FILE
    if not path.is_file():
        return []
    shown = f"{root.name}/{TRANSLATIONS_DIR}/{LANGUAGES_FILE}"
    doc = _read(path, shown, languages_schema_line(), problems)
    if doc is None or not _validate(shown, doc, None, problems):
        return []
    languages: list[Language] = []
    for entry, mark in zip(doc["languages"], doc["languages"].item_marks, strict=True):
        if entry["code"] in {lang.code for lang in languages} or entry["code"] == "en":
            problems.append(Problem(shown, mark.line, mark.column, f"the language '{entry['code']}' is listed twice."))
            continue
        if not (root / TRANSLATIONS_DIR / entry["code"]).is_dir():
            problems.append(
                Problem(shown, mark.line, mark.column, f"no folder {TRANSLATIONS_DIR}/{entry['code']}/; create it.")
            )
        languages.append(Language(entry["code"], entry["name"], entry["status"] == "published"))
    return languages


def _entries(kind: TranslationKind, doc: Any, path: Path) -> list[tuple[MarkedMap, Mark]]:
    if kind.list_key is None:
        return [(doc, doc.mark)]
    entries = doc[kind.list_key]
    return [(entry, mark) for entry, mark in zip(entries, entries.item_marks, strict=True)]


def _item_id(kind: TranslationKind, entry: MarkedMap) -> str:
    return str(entry["en"] if kind.name == "ui" else entry["id"])


def _misnamed(kind: TranslationKind, item_id: str, file_id: str) -> str:
    """An id that is not its file's name: set it, or (a page in a folder) move the file to where the id says."""
    message = f"the id '{item_id}' does not match the file name; set id: {file_id}"
    if kind.nested and "/" in item_id + file_id:
        folder = kind.pattern.split("/")[0]
        return f"{message}, or move the file to {folder}/{item_id}.yml if it translates docs/{item_id}.md."
    return f"{message}."


def _kind_files(folder: Path, kind: TranslationKind) -> list[tuple[Path, str]]:
    """The files of one kind in a language folder, each with the id its name gives (a nested kind's path from
    its folder without .yml: pages/local/printing.yml -> local/printing)."""
    if not kind.nested:
        return [(path, path.stem) for path in sorted(folder.glob(kind.pattern))]
    top = folder / kind.pattern.split("/")[0]
    name = kind.pattern.rsplit("/", 1)[-1]
    return [(path, path.relative_to(top).with_suffix("").as_posix()) for path in sorted(top.rglob(name))]


def read_language(
    root: Path,
    language: Language,
    problems: list[Problem],
    links: list[Link] | None = None,
    page_links: list[Link] | None = None,
) -> LanguageTranslations:
    """Every translation file of one language, schema-checked; its texts shown on content's pages in ``links``,
    those of its hand-written pages in ``page_links``."""
    folder = root / TRANSLATIONS_DIR / language.code
    result = LanguageTranslations(language)
    claimed: set[Path] = set()
    for kind in KINDS:
        for path, file_id in _kind_files(folder, kind):
            claimed.add(path)
            shown = f"{root.name}/{path.relative_to(root).as_posix()}"
            # Page and interface texts are shown elsewhere than content's: their links are read from there.
            shown_as_content = {"page": page_links, "ui": None}.get(kind.name, links)
            doc = _read(path, shown, schema_line(kind, file_id), problems, shown_as_content)
            if doc is None or not _validate(shown, doc, kind, problems):
                continue
            for entry, mark in _entries(kind, doc, path):
                item_id = _item_id(kind, entry)
                if kind.one_per_file and item_id != file_id:
                    id_mark = entry.value_marks["id"]
                    problems.append(Problem(shown, id_mark.line, id_mark.column, _misnamed(kind, item_id, file_id)))
                key = (kind.name, item_id)
                if key in result.items:
                    other = result.items[key]
                    problems.append(
                        Problem(
                            shown,
                            mark.line,
                            mark.column,
                            f"'{item_id}' is already translated at {other.path}:{other.line}.",
                        )
                    )
                    continue
                fields = {k: v for k, v in entry.items() if k not in ("id", "made_from", "en")}
                made_from = dict(entry.get("made_from", {}))
                result.items[key] = TranslatedItem(kind.name, item_id, shown, mark.line, mark.column, fields, made_from)
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and path not in claimed and not path.name.startswith("."):
            shown = f"{root.name}/{path.relative_to(root).as_posix()}"
            patterns = ", ".join(kind.pattern for kind in KINDS)
            problems.append(Problem(shown, 1, 1, f"not a translation file. A language folder holds: {patterns}."))
    return result


# --- Rules across files ---------------------------------------------------------------------------


def _fields_in(text: str, pattern: re.Pattern[str]) -> set[str]:
    return set(pattern.findall(text))


def check_placeholders(item: TranslatedItem, english: EnglishItem) -> list[Problem]:
    """A message's translation uses exactly the English {placeholders}, and names the same blanks."""
    problems = []
    wanted = {
        f"{{{name}}}"
        for name in TEMPLATE_FIELD.findall(english.fields.get("subject", "") + english.fields.get("body", ""))
    }
    used = {
        f"{{{name}}}" for key in ("subject", "body") for name in TEMPLATE_FIELD.findall(str(item.fields.get(key, "")))
    }
    if ("subject" in item.fields or "body" in item.fields) and used != wanted:
        missing = ", ".join(sorted(wanted - used)) or "none"
        extra = ", ".join(sorted(used - wanted)) or "none"
        problems.append(
            Problem(
                item.path,
                item.line,
                item.column,
                f"the subject and body must use exactly the English placeholders {', '.join(sorted(wanted))} "
                f"(untranslated, in braces); missing: {missing}; not in the English: {extra}.",
            )
        )
    names = [p.get("name") for p in item.fields.get("placeholders", [])]
    english_names = [p["name"] for p in english.fields.get("placeholders", [])]
    if names and sorted(names) != sorted(english_names):
        problems.append(
            Problem(
                item.path,
                item.line,
                item.column,
                f"placeholders must name the English blanks {', '.join(english_names)}, each once; "
                f"found {', '.join(map(str, names))}.",
            )
        )
    return problems


def check_ui_fields(item: TranslatedItem, english: EnglishItem) -> list[Problem]:
    """Interface text keeps every %(name)s and {name} of the English."""
    wanted = _fields_in(english.id, UI_FIELD)
    found = _fields_in(str(item.fields.get("text", "")), UI_FIELD)
    if wanted == found:
        return []
    return [
        Problem(
            item.path,
            item.line,
            item.column,
            f"the translation must keep exactly {', '.join(sorted(wanted)) or 'no named values'}; "
            f"found {', '.join(sorted(found)) or 'none'}.",
        )
    ]


def check_page_anchors(item: TranslatedItem, english: EnglishItem) -> list[Problem]:
    """A page's translation keeps the English anchors ({ #id }) and marker lines, so links and tools land."""
    body = str(item.fields.get("body", ""))
    if not body:
        return []
    problems = []
    want, have = set(ANCHOR.findall(english.fields.get("body", ""))), set(ANCHOR.findall(body))
    if want - have:
        problems.append(
            Problem(
                item.path,
                item.line,
                item.column,
                f"the body lacks the English anchors {', '.join('{ #' + a + ' }' for a in sorted(want - have))}; "
                "add each after its heading.",
            )
        )
    if set(MARKER.findall(english.fields.get("body", ""))) != set(MARKER.findall(body)):
        problems.append(
            Problem(
                item.path,
                item.line,
                item.column,
                "the body must keep the English page's <!-- afterno:... --> lines, each on a line of its own.",
            )
        )
    return problems


CROSS_CHECKS = {"template": check_placeholders, "ui": check_ui_fields, "page": check_page_anchors}


# --- Status ---------------------------------------------------------------------------------------


def item_status(english: EnglishItem, item: TranslatedItem) -> ItemStatus:
    """Complete, or outdated with the fields whose English changed (or appeared) since translation."""
    if english.kind == "ui":
        return ItemStatus(english.kind, english.id, "complete", where=item.path)
    stale = [
        name
        for name, value in english.fields.items()
        if name not in item.fields or item.made_from.get(name) != fingerprint(value)
    ]
    stale += [name for name in item.fields if name not in english.fields]
    return ItemStatus(english.kind, english.id, "outdated" if stale else "complete", tuple(stale), item.path)


def translation_status(english: dict[tuple[str, str], EnglishItem], language: LanguageTranslations) -> list[ItemStatus]:
    """Every English item's state in one language, then the orphaned translations."""
    result = []
    for key, item in english.items():
        found = language.items.get(key)
        result.append(ItemStatus(item.kind, item.id, "missing") if found is None else item_status(item, found))
    for key, found in language.items.items():
        if key not in english:
            result.append(ItemStatus(found.kind, found.id, "orphaned", where=f"{found.path}:{found.line}"))
    return result


def stamp(entry_fields: dict[str, Any], english: EnglishItem) -> dict[str, str]:
    """The ``made_from`` of a translation made now from ``english`` (for the fields it translates)."""
    return {name: fingerprint(value) for name, value in english.fields.items() if name in entry_fields}


@dataclass
class Translations:
    """Every language's translations, checked, with the English they are compared with."""

    languages: list[Language]
    english: dict[tuple[str, str], EnglishItem]
    by_language: dict[str, LanguageTranslations]

    def status(self, code: str) -> list[ItemStatus]:
        return translation_status(self.english, self.by_language[code])

    def blocking(self) -> list[str]:
        """Why a published language cannot be built: its missing and orphaned items."""
        lines = []
        for language in self.languages:
            if not language.published:
                continue
            for status in self.status(language.code):
                if status.state == "missing":
                    lines.append(missing_message(language, status))
                elif status.state == "orphaned":
                    lines.append(orphan_message(status))
        return lines


#: The kinds ``afterno rename`` renames, by the name translation files give them.
RENAME_KINDS = {"step": "step", "guide": "guide", "situation": "situation", "checklist-item": "item"}


def missing_message(language: Language, status: ItemStatus) -> str:
    """A missing item of a published language, with what a contributor who does not write the language does."""
    return (
        f"{language.code}: the {status.kind} '{status.id}' has no {language.name} translation yet. If you do not "
        f"write {language.name}, ask for a translation in your pull request (the template has a box for it); "
        f"'afterno translations {language.code}' lists what is needed."
    )


def orphan_message(status: ItemStatus) -> str:
    """A translation whose English item is gone: most often renamed, so the translation moves with it."""
    kind = RENAME_KINDS.get(status.kind)
    if kind is None:
        how = "rename this file (and the id in it) to the new id"
    else:
        how = (
            f"give the English its old id back and run 'afterno rename {kind} {status.id} NEW-ID', which moves "
            "this translation with it"
        )
    return (
        f"{status.where}: the {status.kind} '{status.id}' is no longer in the English. If it was renamed, {how}; "
        "delete this translation only if the English item is gone for good."
    )


def load_translations(project: Path, content: Content) -> Translations:
    """Check content/translations/ against ``content`` and the project's pages, templates and scripts.

    Raises:
        ContentError: With every problem found in translation files (not the missing ones: see ``blocking``).
    """
    root = project / "content"
    problems: list[Problem] = []
    pages = hand_written_pages(project / "docs")
    ui = ui_strings(Path(__file__).parent / "templates", project / "docs" / "assets", project / "overrides")
    english = english_items(content, pages, ui)
    languages = read_languages(root, problems)
    links: list[Link] = []
    page_links: dict[str, list[Link]] = {language.code: [] for language in languages}
    by_language = {
        language.code: read_language(root, language, problems, links, page_links[language.code])
        for language in languages
    }
    if links or any(page_links.values()):
        site = site_pages(content, project)
        problems += link_problems(links, site, content)
        for code, found in page_links.items():
            translated = [item for item in by_language[code].items.values() if item.kind == "page"]
            bodies = {item.id: str(item.fields.get("body", "")) for item in translated}
            files = {item.path: item.id for item in translated}
            problems += translated_page_problems(found, (bodies, files), (site, project / "docs"), content)
    for translations in by_language.values():
        for key, item in translations.items.items():
            check = CROSS_CHECKS.get(item.kind)
            if check and key in english:
                problems.extend(check(item, english[key]))
    if problems:
        raise ContentError(problems)
    return Translations(languages, english, by_language)


def _plain_string(value: str) -> str:
    """``value`` as YAML that reads back as that string: a fingerprint of only digits (``16638837``) is quoted."""
    return value if isinstance(yaml.safe_load(value), str) else f"'{value}'"


def restamp(text: str, stamps: dict[str, dict[str, str]]) -> str:
    """Rewrite a translation file's ``made_from`` lines: one flow mapping after each ``id:`` line.

    ``stamps`` maps each item id in the file to its new fingerprints. Other lines stay as written.
    """
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip(" ")
        if stripped.startswith("made_from:"):
            indent = len(line) - len(stripped)
            index += 1
            # A block-style mapping continues on deeper-indented lines.
            while (
                index < len(lines)
                and lines[index].strip()
                and len(lines[index]) - len(lines[index].lstrip(" ")) > indent
            ):
                index += 1
            continue
        out.append(line)
        match = re.match(r"^( *)(- )?id: *(.+?) *$", line)
        if match and match.group(3).strip("'\"") in stamps:
            indent = len(match.group(1)) + (2 if match.group(2) else 0)
            values = ", ".join(f"{k}: {_plain_string(v)}" for k, v in stamps[match.group(3).strip("'\"")].items())
            out.append(f"{' ' * indent}made_from: {{{values}}}")
        index += 1
    return "\n".join(out) + "\n"
