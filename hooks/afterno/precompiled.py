"""The page templates, compiled to Python ahead of time.

Jinja2 turns each template into Python source before it can render it: lexing, parsing and code
generation took about 45 ms of every build, a third of all the hooks' time on the real content
and the largest fixed cost at every size. ``afterno templates`` does that work once and stores
the generated Python in ``compiled_templates.json`` (committed, like content/schema/). A build
then only hands that Python to ``compile()``.

The store is used through Jinja2's bytecode-cache interface, entry by entry: an entry counts only
when its template's source is unchanged (SHA-1, as Jinja2 checks its own caches), and the whole
store only when it was made by the same Jinja2 version with the same settings. Anything else is
compiled from its source as usual, so an edited template is never stale, just slower until the
store is remade; ``tests/test_precompiled.py`` fails until then and names the command.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

STORE = Path(__file__).parent / "compiled_templates.json"


def environment_settings(environment: Environment) -> str:
    """The options of ``environment`` that shape the Python Jinja2 generates (the store records them)."""
    autoescape = environment.autoescape
    options = {
        "autoescape": autoescape("page.md.j2") if callable(autoescape) else autoescape,
        "trim_blocks": environment.trim_blocks,
        "lstrip_blocks": environment.lstrip_blocks,
        "keep_trailing_newline": environment.keep_trailing_newline,
        "newline_sequence": environment.newline_sequence,
        "delimiters": [
            environment.block_start_string,
            environment.variable_start_string,
            environment.comment_start_string,
        ],
    }
    return json.dumps(options, sort_keys=True)


class PrecompiledTemplates(BytecodeCache):
    """Supplies Jinja2 with the stored Python of every template whose source still matches."""

    def __init__(self, store: Mapping[str, Any], environment: Environment) -> None:
        usable = store.get("jinja2") == jinja2.__version__ and store.get("settings") == environment_settings(
            environment
        )
        self.templates: Mapping[str, Any] = store.get("templates", {}) if usable else {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, name, self.get_source_checksum(source))
        entry = self.templates.get(name)
        if entry is not None and entry["source_sha1"] == bucket.checksum:
            bucket.code = compile(entry["python"], filename or name, "exec")
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Nothing to read: ``get_bucket`` fills the bucket from the store."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Nothing is ever written at build time; ``afterno templates`` remakes the store."""


def read_store(path: Path = STORE) -> dict[str, Any]:
    """The stored templates, or an empty store when the file is missing or unreadable."""
    try:
        store = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return store if isinstance(store, dict) else {}


def render_store(environment: Environment) -> str:
    """The store's text for every ``.j2`` template of ``environment`` (compiled without any cache)."""
    assert environment.loader is not None
    templates = {}
    for name in environment.loader.list_templates():
        if not name.endswith(".j2"):
            continue
        source, filename, _ = environment.loader.get_source(environment, name)
        templates[name] = {
            "source_sha1": BytecodeCache().get_source_checksum(source),
            "python": environment.compile(source, name, filename, raw=True),
        }
    store = {"jinja2": jinja2.__version__, "settings": environment_settings(environment), "templates": templates}
    return json.dumps(store, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
