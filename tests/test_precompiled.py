"""The precompiled templates are current, used when they match, and ignored when they do not."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import DictLoader, Environment
from jinja2.bccache import BytecodeCache

from afterno.precompiled import STORE, PrecompiledTemplates, environment_settings, read_store, render_store
from afterno.render import template_environment


def test_store_matches_the_templates() -> None:
    """The committed store is exactly what compiling today's templates gives."""
    expected = render_store(template_environment(precompiled=False))
    assert STORE.read_text(encoding="utf-8") == expected, (
        "hooks/afterno/compiled_templates.json is out of date with hooks/afterno/templates/. "
        "Run '.venv/bin/afterno templates' and commit the file."
    )


def test_every_template_is_stored() -> None:
    """Each .j2 template has an entry, so no build compiles a template from source."""
    names = {path.name for path in STORE.parent.joinpath("templates").glob("*.j2")}
    assert set(read_store()["templates"]) == names


def _store(source: str, python_from: str) -> dict[str, object]:
    """A store whose entry for t.j2 records ``source`` but holds the Python of ``python_from``."""
    env = Environment()
    return {
        "jinja2": jinja2.__version__,
        "settings": environment_settings(env),
        "templates": {
            "t.j2": {
                "source_sha1": BytecodeCache().get_source_checksum(source),
                "python": env.compile(python_from, "t.j2", None, raw=True),
            }
        },
    }


def _render(source: str, store: dict[str, object]) -> str:
    env = Environment(loader=DictLoader({"t.j2": source}))
    env.bytecode_cache = PrecompiledTemplates(store, env)
    return env.get_template("t.j2").render()


def test_stored_python_is_used_when_the_source_matches() -> None:
    """With the source unchanged, the stored Python runs (here it says something else, to tell them apart)."""
    assert _render("from source", _store("from source", "from the store")) == "from the store"


def test_an_edited_template_is_compiled_from_its_source() -> None:
    """An edited template never shows its old text: its entry no longer matches and is ignored."""
    assert _render("edited", _store("original", "original")) == "edited"


def test_another_jinja_version_or_setting_ignores_the_store() -> None:
    """A store made by another Jinja2 version, or with other settings, is not used at all."""
    store = _store("same", "stale")
    assert _render("same", {**store, "settings": "other settings"}) == "same"
    assert _render("same", {**store, "jinja2": "0.0"}) == "same"


def test_missing_or_broken_store_means_compiling_everything(tmp_path: Path) -> None:
    """No store file, or a damaged one, reads as an empty store."""
    assert read_store(tmp_path / "missing.json") == {}
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert read_store(tmp_path / "broken.json") == {}
    assert _render("plain", {}) == "plain"
