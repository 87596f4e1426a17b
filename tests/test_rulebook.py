"""One rule book: the checker and the published JSON Schemas accept exactly the same single files.

Files are real content files with fields changed to values generated from the model's field specs
(valid or broken in every way a field can be), or wholly generated; each is
checked by the loader (``load_file``) and, separately, by jsonschema's own validator against the
committed schema in content/schema/ (with the model's text rules as its format checks). The only
rules outside the schema are the file's own: its id is its file name, and its text stays within the
Markdown budget.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import strategies as st

from afterno.discover import ContentFile
from afterno.load import load_file, markup_count_of
from afterno.model import ALL_KINDS, CENTRE, FILE_KINDS, RESOURCE, FieldSpec, KindSpec, schema_file_name, schema_line
from afterno.textrules import FORMAT_CHECKER, MAX_MARKUP
from afterno.validate import MESSAGES
from afterno.yamlsafe import load_yaml
from helpers import CONTENT, run_cases

MISSING = object()


class Dumper(yaml.SafeDumper):
    """Writes a value shared by two fields out twice, as a contributor would (no anchors)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
#: Pieces of text that each rule looks at (and plain words, more often), put together in any order.
risky = ["\n", "\n\n", "TODO", "<b>", "[a](https://example.org)", "[a](javascript:x)", "![i](https://x.example/i.png)",
         "{hidden}", "{role}", "# ", "&#106;", "|", "---"]  # fmt: skip
pieces = st.sampled_from(["Reply", " within two days.", " ", "é", ": ", "1.", "Thank them"]) | st.sampled_from(risky)


def texts(spec: FieldSpec) -> st.SearchStrategy[str]:
    """Text for ``spec``: made of the pieces above, or just at and just over its length limit."""
    limit = spec.limit or 100
    return st.lists(pieces, min_size=1, max_size=5).map("".join) | st.sampled_from(["x" * limit, "x" * (limit + 1)])


def valid_looking(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """Values close to what the field expects, on both sides of each rule."""
    if spec.item is not None:
        return st.lists(mapping_for(spec.item), max_size=2)
    by_type: dict[str, st.SearchStrategy[Any]] = {
        "id": slugs | st.sampled_from(["Feel-it", "a--b", "x" * 61]),
        "ref": slugs | st.just("No_Such"),
        "line": texts(spec),
        "text": texts(spec),
        "lines": st.lists(texts(spec), max_size=3),
        "int": st.integers(-2, 5) | st.sampled_from([100_000, 100_001, 2.0, 2.5, float("inf")]),
        "url": st.sampled_from(["https://example.org/a", "http://example.org/", "https://a b", "ftp://x", ""]),
        "date": st.sampled_from(["2016-12-13", "2016-02-30", "2016-1-1", "20161213", "٢٠١٦-١٢-١٣"]),
        "refs": st.lists(slugs, max_size=3) | st.lists(st.just("same"), min_size=2, max_size=2),
        "ids": st.lists(slugs | st.sampled_from(["Old Id", "a--b"]), max_size=3) | st.just(["same", "same"]),
        "applies": st.sampled_from(["all", "All", "first-week"]) | st.lists(slugs, max_size=2),
        "choice": st.sampled_from([*spec.choices, "other"]),
        "name": st.sampled_from(["their_name", "Their", "a-b", "x1", "_x"]),
        "bool": st.sampled_from([True, False, "yes", 1]),
    }
    return by_type[spec.type]


def values_for(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """A value for the field: mostly close to valid, sometimes of the wrong type or empty."""
    wrong: st.SearchStrategy[Any] = (
        st.none() | st.booleans() | st.integers(-3, 3) | st.just([]) | st.just({"a": 1}) | st.just(["x", 1])
    )
    return st.one_of(valid_looking(spec), valid_looking(spec), valid_looking(spec), wrong)


def mapping_for(kind: KindSpec) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping of ``kind``: each field present or missing, sometimes with an unknown key."""
    fields = {spec.name: st.just(MISSING) | values_for(spec) for spec in kind.fields}
    extra = st.dictionaries(st.sampled_from(["titel", "notes"]), st.just("x"), max_size=1)
    return st.builds(
        lambda values, unknown: {k: v for k, v in values.items() if v is not MISSING} | unknown,
        st.fixed_dictionaries(fields),
        extra,
    )


@functools.cache
def real_files(kind: KindSpec) -> list[Any]:
    """The data of every real content file of ``kind``."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CONTENT.glob(kind.pattern))]


def mappings(kind: KindSpec, value: Any) -> list[tuple[KindSpec, dict[str, Any]]]:
    """Every mapping inside a file's data, with its kind (the file itself first)."""
    found = [(kind, value)]
    for spec in kind.fields:
        if spec.item is not None and isinstance(value.get(spec.name), list):
            for entry in value[spec.name]:
                found += mappings(spec.item, entry) if isinstance(entry, dict) else []
    return found


@st.composite
def mutated(draw: st.DrawFn, kind: KindSpec) -> dict[str, Any]:
    """A real file of ``kind`` with none to three of its fields (at any depth) changed, dropped or misspelt."""
    data: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(real_files(kind))))
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        inner, mapping = draw(st.sampled_from(mappings(kind, data)))
        spec = draw(st.sampled_from(inner.fields))
        change = draw(st.sampled_from(["set"] * 6 + ["drop", "misspell"]))
        if change == "set":
            mapping[spec.name] = draw(values_for(spec))
        elif change == "drop":
            mapping.pop(spec.name, None)
        else:
            mapping[spec.name + "s"] = mapping.pop(spec.name, "x")
    return data


def schema_accepts(kind: KindSpec, value: Any) -> bool:
    """jsonschema's own validator, the committed schema, and the model's text rules as format checks."""
    schema = json.loads((CONTENT / "schema" / schema_file_name(kind)).read_text(encoding="utf-8"))
    return bool(jsonschema.Draft202012Validator(schema, format_checker=FORMAT_CHECKER).is_valid(value))


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_checker_and_schema_accept_the_same_files(
    kind: KindSpec, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    """For any single file of this kind, the checker finds no problem exactly when the schema accepts it."""
    stems = st.sampled_from(["", "", "", "other-name"])
    outcomes: list[bool] = []

    def check(case: tuple[dict[str, Any], str]) -> None:
        data, stem = case
        file_id = data.get("id")
        stem = stem or (file_id if isinstance(file_id, str) and file_id.isascii() and "/" not in file_id else "item")
        text = (
            schema_line(kind) + "\n" + yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10**6)
        )
        path = tmp_path / (kind.pattern.replace("*", stem) if kind.one_per_file else kind.pattern)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        value, yaml_problems = load_yaml("f.yml", text.encode("utf-8"))
        assert yaml_problems == [] and value is not None, yaml_problems
        own_rules = markup_count_of(value) <= MAX_MARKUP and (
            not kind.one_per_file or not isinstance(value.get("id"), str) or value["id"] == stem
        )
        problems = load_file(ContentFile(kind, path, "content/f.yml")).problems
        accepted = schema_accepts(kind, value) and own_rules
        assert (problems == []) == accepted, [str(p) for p in problems]
        outcomes.append(accepted)

    # A real file, unchanged, is accepted by both: the generated cases then add the rest.
    check((copy.deepcopy(real_files(kind)[0]), ""))
    files = st.one_of(mutated(kind), mutated(kind), mapping_for(kind))
    run_cases(record_property, f"{kind.name} files", 100, st.tuples(files, stems), check)
    # Both answers must occur, or the comparison proves little.
    assert 0 < sum(outcomes) < len(outcomes), f"{sum(outcomes)} of {len(outcomes)} accepted"


def _keywords(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        return set(schema) | {word for value in schema.values() for word in _keywords(value)}
    if isinstance(schema, list):
        return {word for value in schema for word in _keywords(value)}
    return set()


def test_every_keyword_the_schemas_use_has_a_message() -> None:
    """Each validation keyword in the published schemas has its own contributor message in the table."""
    annotations = {"$schema", "$id", "$comment", "title", "description", "properties", "items"}
    used = set().union(
        *(
            _keywords(json.loads(p.read_text(encoding="utf-8")))
            for p in (CONTENT / "schema").glob("*")
            # Translation files have their own messages (afterno/translation_load.py, tests/test_translations.py).
            if not p.name.startswith("translation-")
        )
    )
    # Property names are keys of "properties", not keywords.
    names = {spec.name for kind in (*ALL_KINDS, CENTRE, RESOURCE) for spec in kind.fields}
    keywords = used - annotations - names
    assert keywords - set(MESSAGES) == set()
