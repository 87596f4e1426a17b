"""A careers centre's edition: read and validate the optional ``centre.yml`` at the project root.

The file is checked exactly like content: the same safe YAML reading with line numbers, the same
field rules (``model.CENTRE``), the same messages and its own JSON Schema. No file means the public
edition (``None``); contact details are only ever what the centre wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .load import _Reader
from .model import CENTRE, Centre, Resource, schema_line
from .yamlsafe import Mark, load_yaml

CENTRE_FILE = CENTRE.pattern


def read_centre(project: Path) -> tuple[Centre | None, list[Problem]]:
    """The centre of ``project/centre.yml`` (None when there is no such file), and the file's problems."""
    path = project / CENTRE_FILE
    if not path.is_file():
        return None, []
    shown = CENTRE_FILE
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"the file cannot be read: {exc.strerror}.")]
    problems: list[Problem] = []
    expected = schema_line(CENTRE)
    if not raw.lstrip(b"\xef\xbb\xbf").startswith(expected.encode()):
        problems.append(
            Problem(shown, 1, 1, f"the first line must be '{expected}' so editors can check the file. Add it.")
        )
    value, found = load_yaml(shown, raw)
    problems.extend(found)
    if value is None and found:
        return None, problems
    reader = _Reader(shown)
    data = reader.mapping(value, getattr(value, "mark", Mark(1, 1)), CENTRE, "a careers centre file")
    problems.extend(reader.problems)
    if data is None or problems:
        return None, problems
    return _centre(data), []


def load_centre(project: Path) -> Centre | None:
    """The centre of ``project/centre.yml``, or None for the public edition.

    Raises:
        ContentError: With every problem in the file, each naming its line and column.
    """
    centre, problems = read_centre(project)
    if problems:
        raise ContentError(problems)
    return centre


def _centre(data: dict[str, Any]) -> Centre:
    resources = tuple(Resource(**item) for item, _ in data.get("resources") or ())
    fields = {key: value for key, value in data.items() if value is not None and key != "resources"}
    if "address" in fields:
        fields["address"] = tuple(fields["address"])
    return Centre(resources=resources, **fields)
