"""The content core stays independent of MkDocs, so the site can move to another generator."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

CORE = sorted((ROOT / "hooks" / "afterno").glob("*.py"))


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_does_not_import_mkdocs(path: Path) -> None:
    """No module of hooks/afterno imports mkdocs or material; only hooks/site.py may."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
    assert [name for name in imported if name.split(".")[0] in ("mkdocs", "material", "properdocs")] == []


def test_pages_render_without_mkdocs() -> None:
    """The core loads content/ and renders every page with MkDocs absent from the import path."""
    script = (
        "import sys; sys.modules['mkdocs'] = None; sys.modules['material'] = None\n"
        "from pathlib import Path\n"
        "from afterno.load import load_content\n"
        "from afterno.render import Renderer\n"
        "pages = Renderer(load_content(Path('content'))).pages()\n"
        "print(len(pages))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 10


def test_content_is_immutable_and_its_lookups_follow_it() -> None:
    """Content cannot be changed in place, and a changed copy answers lookups from its own items."""
    import dataclasses

    from afterno.load import load_content

    content = load_content(ROOT / "content")
    assert content.step_by_id["feel-it"].id == "feel-it"
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.steps = ()  # type: ignore[misc]
    fewer = dataclasses.replace(content, steps=tuple(s for s in content.steps if s.id != "feel-it"))
    assert "feel-it" not in fewer.step_by_id and "feel-it" in content.step_by_id
    assert len(fewer.step_by_id) == len(content.steps) - 1


HOOKS = sorted((ROOT / "hooks").rglob("*.py"))


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_hooks_module_shape(path: Path) -> None:
    """No function over 60 lines, no private name imported from another module, no standard-library name reused."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno
        if node.end_lineno - node.lineno + 1 > 60
    ]
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_") and alias.name != "__future__" and node.module != "__future__"
    ]
    defined = {node.name for node in tree.body if isinstance(node, ast.ClassDef | ast.FunctionDef)}
    defined |= {
        t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)
    }
    shadowing = sorted(defined & set(sys.stdlib_module_names) | defined & STANDARD_NAMES)
    assert (long, private, shadowing) == ([], [], [])


#: Names other modules import from the standard library, which a module of ours must not define again.
STANDARD_NAMES = {"Mapping", "Sequence", "Path", "Iterable", "Iterator", "Callable", "Any", "date", "Element"}
