"""What a translation file holds: the translatable fields of each kind of content, and a fingerprint.

A translation never repeats ids' targets, sources, order, due days or situations: those come from
the English. It holds only the text fields of its English item (derived from the field specs in
``model``, so a text field added there becomes translatable without a change here) and
``made_from``: for each field, a short hash of the English text it was translated from. When the
English changes, the hash no longer matches and the translation is reported as outdated, field by
field. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from . import model
from .model import FieldSpec, KindSpec

#: Field types that hold words a reader sees, and so are translated.
TEXT_TYPES = ("line", "text", "lines")
TRANSLATIONS_DIR = "translations"
LANGUAGES_FILE = "languages.yml"


def fingerprint(value: Any) -> str:
    """Eight hex digits that change whenever the English ``value`` changes (its words, not its YAML layout)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def text_fields(kind: KindSpec) -> tuple[FieldSpec, ...]:
    """The translatable fields of an English kind."""
    return tuple(spec for spec in kind.fields if spec.type in TEXT_TYPES)


@dataclass(frozen=True)
class TranslationKind:
    """One kind of translation file, and the English kind it translates."""

    name: str
    title: str
    english: str
    fields: tuple[FieldSpec, ...]
    #: Where the files live inside a language folder: ``steps/*.yml`` (one per item) or ``phases.yml``.
    pattern: str
    #: For a file holding a list of items (phases, checklist items): the key of that list.
    list_key: str | None = None
    #: True when the files may sit in subfolders of the pattern's folder, as the items they translate do
    #: (docs/local/printing.md -> pages/local/printing.yml, id local/printing).
    nested: bool = False

    @property
    def one_per_file(self) -> bool:
        return self.list_key is None


PLACEHOLDER_FIELD = FieldSpec(
    "placeholders",
    "items",
    "The form labels and examples of the message's blanks, by the English placeholder name.",
    required=False,
    item=KindSpec(
        "placeholder-translation",
        "Placeholder",
        "One blank of the message: its name exactly as in English, and its label and example translated.",
        (model.PLACEHOLDER.fields[0], *text_fields(model.PLACEHOLDER)),
    ),
)

PAGE_FIELDS = (
    FieldSpec("title", "line", "The page's title (its front matter title).", max_length=model.TITLE_MAX),
    FieldSpec("description", "line", "The page's description for search results.", max_length=200),
    FieldSpec(
        "body",
        "text",
        "The page's Markdown, translated. Keep every heading's { #id } and every <!-- afterno:... --> line.",
        max_length=20_000,
    ),
)

#: A hand-written page's id: its path under docs/ without .md, each folder and the file name an id
#: (drop-ins, local/printing).
PAGE_ID_PATTERN = rf"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*{model.END}"
PAGE_ID_MAX_LENGTH = 120

UI_STRING = KindSpec(
    "ui-string",
    "Interface text",
    "One piece of the pages' and scripts' own wording.",
    (
        FieldSpec("en", "text", "The English wording exactly as the templates and scripts use it."),
        FieldSpec("text", "text", "The translation. Keep every %(name)s and {name} exactly as in the English."),
    ),
)

KINDS: tuple[TranslationKind, ...] = (
    TranslationKind("step", "Step translation", "step", text_fields(model.STEP), "steps/*.yml"),
    TranslationKind("guide", "Guide translation", "guide", text_fields(model.GUIDE), "guides/*.yml"),
    TranslationKind(
        "situation", "Situation translation", "situation", text_fields(model.SITUATION), "situations/*.yml"
    ),
    TranslationKind(
        "template",
        "Message template translation",
        "template",
        (*text_fields(model.TEMPLATE), PLACEHOLDER_FIELD),
        "templates/*.yml",
    ),
    TranslationKind("phase", "Phase translations", "phase", text_fields(model.PHASE), "phases.yml", "phases"),
    TranslationKind(
        "checklist-item",
        "Checklist translations",
        "checklist-item",
        text_fields(model.CHECKLIST_ITEM),
        "checklist.yml",
        "items",
    ),
    # Only a source's short name is translated: its title and points stay English, to check against the article.
    TranslationKind(
        "source",
        "Source name translation",
        "source",
        tuple(spec for spec in model.SOURCE.fields if spec.name == "short_name"),
        "sources/*.yml",
    ),
    TranslationKind("page", "Page translation", "page", PAGE_FIELDS, "pages/*.yml", nested=True),
    TranslationKind("ui", "Interface text translations", "ui", UI_STRING.fields, "ui.yml", "strings"),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}

LANGUAGE = KindSpec(
    "language",
    "Language",
    "One language the site may be published in.",
    (
        FieldSpec("code", "id", "The language code, as in the address (/de/): de, es.", example="de"),
        FieldSpec("name", "line", "The language's name in itself, for the language menu: Deutsch.", max_length=40),
        FieldSpec(
            "status",
            "choice",
            "published to build it (the check then fails on any missing or orphaned translation), "
            "draft to keep it in progress (reported, not built).",
            choices=("published", "draft"),
        ),
    ),
)
LANGUAGES = KindSpec(
    "languages",
    "Languages",
    "The languages the site is translated into, besides English.",
    (FieldSpec("languages", "items", "One entry per language.", item=LANGUAGE),),
    pattern=f"{TRANSLATIONS_DIR}/{LANGUAGES_FILE}",
)


def schema_name(kind: TranslationKind) -> str:
    """The JSON Schema file of a translation kind, e.g. ``translation-step.schema.json``."""
    return f"translation-{kind.name}.schema.json"


def schema_line(kind: TranslationKind, item_id: str = "") -> str:
    """The first line of a translation file of this kind (content/translations/<lang>/<pattern>); for the item
    ``item_id`` of a nested kind, one folder deeper per folder in the id (pages/local/printing.yml)."""
    prefix = "../" * (2 + kind.pattern.count("/") + (item_id.count("/") if kind.nested else 0))
    return f"# yaml-language-server: $schema={prefix}{model.SCHEMA_DIR}/{schema_name(kind)}"


def languages_schema_line() -> str:
    """The first line of content/translations/languages.yml."""
    return f"# yaml-language-server: $schema=../{model.SCHEMA_DIR}/translation-languages.schema.json"
