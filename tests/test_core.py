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
