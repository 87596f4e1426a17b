"""The Spanish translation reads plainly: Fernández Huerta reading ease, with textstat's Spanish rules.

The English test asks for Flesch reading ease 60 ("plain English") per step. Fernández Huerta is the
Spanish adaptation of Flesch and scores the same text higher, so we ask for 70 ("bastante fácil",
fairly easy) of the whole translation and of each step, and 60 of every other item.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest
import textstat

from afterno.load import load_content
from afterno.translation_load import LanguageTranslations, TranslatedItem, load_translations
from helpers import CONTENT, ROOT

LANGUAGE = "es"
MIN_WHOLE = 70
MIN_STEP = 70
MIN_ITEM = 60
#: Words for the site's search, not sentences: they are not read as prose.
NOT_PROSE = ("keywords",)


@functools.cache
def spanish() -> LanguageTranslations:
    translations = load_translations(ROOT, load_content(CONTENT))
    return translations.by_language[LANGUAGE]


def reading_ease(text: str) -> float:
    textstat.set_lang(LANGUAGE)
    try:
        return float(textstat.fernandez_huerta(text))
    finally:
        textstat.set_lang("en_US")


def sentences(value: Any) -> list[str]:
    """Every piece of text in a field, each ending as a sentence (a list item or label is one)."""
    if isinstance(value, str):
        text = value.strip()
        return [text if text.endswith((".", "?", "!", ":")) else f"{text}."] if text else []
    if isinstance(value, dict):
        return [part for key, item in value.items() if key != "name" for part in sentences(item)]
    if isinstance(value, list):
        return [part for item in value for part in sentences(item)]
    return []


def prose(item: TranslatedItem) -> str:
    return " ".join(part for name, value in item.fields.items() if name not in NOT_PROSE for part in sentences(value))


def content_items() -> list[TranslatedItem]:
    return [item for (kind, _), item in sorted(spanish().items.items()) if kind != "ui"]


def test_the_whole_translation_reads_fairly_easily() -> None:
    """All the Spanish text together scores at least 70 (fairly easy)."""
    score = reading_ease(" ".join(prose(item) for item in content_items()))
    assert score >= MIN_WHOLE, f"Fernández Huerta {score:.1f}; use shorter sentences and words"


@pytest.mark.parametrize("item", content_items(), ids=lambda item: f"{item.kind}-{item.id}")
def test_each_item_reads_plainly(item: TranslatedItem) -> None:
    """Each step scores at least 70 on why, how and avoid (as the English test reads them); every item at least 60."""
    if item.kind == "step":
        text = " ".join(sentences([item.fields.get(name, []) for name in ("why", "how", "avoid")]))
        bound = MIN_STEP
    else:
        text, bound = prose(item), MIN_ITEM
    score = reading_ease(text)
    assert score >= bound, f"{item.path}:{item.line}: Fernández Huerta {score:.1f}; use shorter sentences"


def test_every_content_kind_is_translated() -> None:
    """The readability checks cover each kind of content, not an empty list."""
    kinds = {item.kind for item in content_items()}
    assert kinds >= {"step", "guide", "situation", "template", "phase", "checklist-item", "page"}


def test_reading_ease_tells_hard_spanish_apart() -> None:
    """The measure separates plain Spanish from dense Spanish."""
    plain = "Responde en dos días. Dales las gracias. Haz una pregunta clara."
    dense = (
        "No obstante las consideraciones organizativas, las comunicaciones posteriores de los candidatos "
        "demuestran profesionalidad, responsabilidad y una considerable sofisticación interpersonal."
    )
    assert reading_ease(plain) >= MIN_WHOLE > reading_ease(dense)
