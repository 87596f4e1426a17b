"""A careers centre's edition: read and validate the optional ``centre.yml`` at the project root.

The file goes through the very steps a content file does (``load.load_file``): the same safe
reading, the schema line, YAML with line numbers, validation against its JSON Schema made from
``model.CENTRE``, and the same builder. No file means the public edition (``None``); contact details
are only ever what the centre wrote.
"""

from __future__ import annotations

from pathlib import Path

from .discover import ContentFile
from .errors import ContentError, Problem
from .load import load_file
from .model import CENTRE, Centre

CENTRE_FILE = CENTRE.pattern


def read_centre(project: Path) -> tuple[Centre | None, list[Problem]]:
    """The centre of ``project/centre.yml`` (None when there is no such file), and the file's problems."""
    path = project / CENTRE_FILE
    if not path.exists() and not path.is_symlink():
        return None, []
    loaded = load_file(ContentFile(CENTRE, path, CENTRE_FILE))
    if loaded.problems:
        return None, loaded.problems
    if not loaded.items:
        return None, [Problem(CENTRE_FILE, 1, 1, "the file is empty; write at least name: followed by your name.")]
    centre: Centre = loaded.items[0]
    return centre, []


def load_centre(project: Path) -> Centre | None:
    """The centre of ``project/centre.yml``, or None for the public edition.

    Raises:
        ContentError: With every problem in the file, each naming its line and column.
    """
    centre, problems = read_centre(project)
    if problems:
        raise ContentError(problems)
    return centre
