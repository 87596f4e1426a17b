"""Build the model's objects from one file's validated data: one builder for every kind, driven by the specs.

Each field's value is converted by its type (text stripped, ids into located ``Ref``s, the word
all into None) and set on the attribute of the same name, so a new field needs no code here.
Values the schema found wrong are left out; an object is made only when every attribute without
a default is there, so one mistake costs one message, not one per reference to a broken item.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any

from .model import (
    CENTRE,
    CHECKLIST,
    CHECKLIST_ITEM,
    CHECKLIST_PHASE,
    GUIDE,
    PHASE,
    PHASES,
    PLACEHOLDER,
    POINT,
    RESOURCE,
    SITUATION,
    SOURCE,
    STEP,
    TEMPLATE,
    Centre,
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
    Resource,
    Situation,
    Source,
    Step,
    Template,
)
from .yamlsafe import Mark, MarkedList, MarkedMap

#: The class each kind of mapping becomes.
CLASSES: dict[KindSpec, type] = {
    PHASE: Phase,
    SOURCE: Source,
    POINT: Point,
    STEP: Step,
    GUIDE: Guide,
    SITUATION: Situation,
    TEMPLATE: Template,
    PLACEHOLDER: Placeholder,
    CHECKLIST_PHASE: ChecklistPhase,
    CHECKLIST_ITEM: ChecklistItem,
    CENTRE: Centre,
    RESOURCE: Resource,
}
#: Where each kind of file goes in ``Content``: a file of one item, or (no class) the entries of its list.
COLLECTIONS: dict[KindSpec, str] = {
    PHASES: "phases",
    SOURCE: "sources",
    STEP: "steps",
    GUIDE: "guides",
    SITUATION: "situations",
    TEMPLATE: "templates",
    CHECKLIST: "checklist",
}
#: What a nested item takes from the converted fields of the mapping that holds it.
INHERITED: dict[KindSpec, Callable[[dict[str, Any]], dict[str, Any]]] = {
    POINT: lambda source: {"source_id": source.get("id", "")},
    CHECKLIST_ITEM: lambda entry: {"phase": entry["phase"].id if "phase" in entry else ""},
}
#: Collections listed in their ``order`` (then by id), not in file order.
ORDERED = ("guides", "situations", "templates")

ValuePath = tuple[str | int, ...]


@cache
def _needed(cls: type) -> frozenset[str]:
    """The attributes of ``cls`` without a default: an object is made only when all of them are known."""
    missing = dataclasses.MISSING
    return frozenset(f.name for f in dataclasses.fields(cls) if f.default is missing and f.default_factory is missing)


class Builder:
    """Builds the objects of one file, leaving out the values at ``invalid`` paths."""

    def __init__(self, shown: str, invalid: set[ValuePath]) -> None:
        self.shown = shown
        self.invalid = invalid

    def file(self, kind: KindSpec, value: Any) -> list[Any]:
        """What the file adds to its collection in ``Content``."""
        if kind in CLASSES:
            built = self.item(kind, value, (), {})
            return [] if built is None else [built]
        if () in self.invalid or not isinstance(value, MarkedMap):
            return []
        (spec,) = kind.fields
        return list(self.fields(kind, value, ()).get(spec.name, ()))

    def item(self, kind: KindSpec, value: Any, path: ValuePath, parent: dict[str, Any]) -> Any:
        """The object a mapping describes, or None when it is too broken to make."""
        if path in self.invalid or not isinstance(value, MarkedMap):
            return None
        cls = CLASSES[kind]
        inherit = INHERITED.get(kind)
        values = self.fields(kind, value, path) | (inherit(parent) if inherit else {})
        values |= {"path": self.shown, "line": value.mark.line, "column": value.mark.column}
        if not _needed(cls) <= values.keys():
            return None
        return cls(**values)

    def fields(self, kind: KindSpec, mapping: MarkedMap, path: ValuePath) -> dict[str, Any]:
        """The converted value of every valid field; nested entries last, as they inherit from the rest."""
        values: dict[str, Any] = {}
        for spec in sorted(kind.fields, key=lambda spec: spec.item is not None):
            where = (*path, spec.name)
            if spec.name in mapping and where not in self.invalid and not self.partly_invalid(spec, where):
                values[spec.name] = self.convert(
                    spec, mapping[spec.name], mapping.value_marks[spec.name], where, values
                )
        return values

    def partly_invalid(self, spec: FieldSpec, where: ValuePath) -> bool:
        """Whether ``where`` is a list of situations with a malformed id in it: then the whole list is unknown.

        Read without the malformed id, the item would seem to apply to fewer situations than written, and
        every rule that compares two such lists would report the one mistake again.
        """
        return spec.type == "applies" and any(path[: len(where)] == where for path in self.invalid)

    def convert(self, spec: FieldSpec, value: Any, mark: Mark, path: ValuePath, parent: dict[str, Any]) -> Any:
        """One valid value, as the model holds it."""
        if value is None:
            # Only a nullable field gets this far with nothing in it.
            return None
        if spec.item is not None:
            entries = [self.item(spec.item, entry, (*path, index), parent) for index, entry in enumerate(value)]
            return tuple(entry for entry in entries if entry is not None)
        if spec.type == "applies" and value == "all":
            return None
        if spec.type in ("lines", "refs", "ids", "applies"):
            marks = value.item_marks if isinstance(value, MarkedList) else [mark] * len(value)
            pairs = enumerate(zip(value, marks, strict=True))
            valid = [(item, at) for index, (item, at) in pairs if (*path, index) not in self.invalid]
            if spec.type in ("lines", "ids"):
                return tuple(item.strip() for item, _ in valid)
            return tuple(Ref(item, self.shown, at.line, at.column) for item, at in valid)
        if spec.type == "ref":
            return Ref(value, self.shown, mark.line, mark.column)
        if spec.type in ("line", "text"):
            return value.strip()
        if spec.type == "int":
            # JSON Schema counts 2.0 as an integer, so the model does too.
            return int(value)
        return value


def assemble(collections: dict[str, list[Any]]) -> Content:
    """The content from every file's objects, each collection in file order or in its ``order``."""
    for name in ORDERED:
        collections.get(name, []).sort(key=lambda item: (item.order, item.id))
    return Content(**{name: tuple(items) for name, items in collections.items()})
