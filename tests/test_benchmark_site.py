"""The site benchmark's theme-alone page is the guide's page with nothing of ours left to run."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from helpers import ROOT, parse_page


def benchmark_module() -> ModuleType:
    """tests/benchmarks/site.py, loaded by path (its name would shadow Python's own ``site`` module)."""
    spec = importlib.util.spec_from_file_location("benchmark_site", ROOT / "tests" / "benchmarks" / "site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scripts(page: Path) -> list[str]:
    """The addresses of the scripts a built page loads."""
    return [src for name, values in parse_page(page).tags if name == "script" and (src := values.get("src"))]


def test_theme_alone_page_runs_only_the_theme_bundle_on_an_empty_article(site: Path, tmp_path: Path) -> None:
    """The guide's page loads our scripts; its theme-alone copy loads only the theme's, with an empty article."""
    bench = benchmark_module()
    guide = Path(bench.PAGES["A guide"]) / "index.html"
    (tmp_path / guide).parent.mkdir(parents=True)
    shutil.copy(site / guide, tmp_path / guide)
    assert any("assets/javascripts/" not in src for src in scripts(tmp_path / guide))
    bench.write_theme_alone(tmp_path)
    page = tmp_path / bench.THEME_ALONE[1] / "index.html"
    sources = scripts(page)
    assert sources and all("assets/javascripts/bundle." in src for src in sources), sources
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert article.endswith("<h1>Empty</h1>") and "assets/stylesheets/main." in html
