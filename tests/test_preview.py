"""The live preview's additions: the live-reload script allowed by hash in served pages only, and the problem page."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterno.errors import ContentError, Problem
from afterno.load import load_content
from afterno.preview import allow_livereload, problem_page, split_message
from helpers import CONTENT, ROOT, copy_project, live_preview

GUIDE = "guides/first-48-hours/"


def sha(code: str) -> str:
    """The CSP source expression of an inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def script_src(html: str) -> list[str]:
    """The sources of the page's script-src directive."""
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy, "the page has no policy"
    directive = next(d for d in policy.group(1).split("; ") if d.startswith("script-src "))
    return directive.split()[1:]


def test_allow_livereload_adds_the_last_scripts_hash_only() -> None:
    """The hash of the script the server appended joins script-src; nothing else in the policy changes."""
    page = (
        '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'self'; script-src 'self' 'sha256-a='; style-src 'self'\">"
        "<script>theme()</script></head><body><p>x</p><script>livereload(1, 2);</script></body></html>"
    )
    result = allow_livereload(page.encode()).decode()
    assert script_src(result) == ["'self'", "'sha256-a='", sha("livereload(1, 2);")]
    assert result.replace(" " + sha("livereload(1, 2);"), "") == page


def test_allow_livereload_leaves_pages_without_policy_alone() -> None:
    """A page with no policy (or no inline script) is served as it is."""
    for page in (b"<html><body><script>x()</script></body></html>", b"<html><body></body></html>"):
        assert allow_livereload(page) == page


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "unknown key 'titel' in a step file. Did you mean 'title'?",
            ("unknown key 'titel' in a step file.", "Did you mean 'title'?"),
        ),
        ("a step cannot be related to itself; remove it.", ("a step cannot be related to itself; remove it.", "")),
    ],
    ids=["with a fix", "fix inside the sentence"],
)
def test_split_message(message: str, parts: tuple[str, str]) -> None:
    """A message splits at its first sentence break into what is wrong and how to fix it."""
    assert split_message(message) == parts


def test_problem_page_lists_place_message_fix_and_line(tmp_path: Path) -> None:
    """The problem page shows each problem's place, message, fix and offending line, escaped, under a strict policy."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.yml").write_text("id: x\ntitle: <b>Ask\n", encoding="utf-8")
    problem = Problem("content/x.yml", 2, 8, "'title' contains raw HTML ('<b>Ask'). Write plain text.")
    html = problem_page([problem], tmp_path)
    assert "content/x.yml:2:8" in html and "Write plain text." in html
    assert "    2 | title: &lt;b&gt;Ask\n      |        ^" in html
    assert "<b>Ask" not in html
    policy = re.search(r'content="([^"]*)"', html)
    assert policy and "'unsafe-inline'" not in policy.group(1) and "default-src 'none'" in policy.group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    assert style and sha(style.group(1)) in policy.group(1)


@pytest.mark.slow
def test_served_pages_allow_only_the_live_reload_script(tmp_path: Path) -> None:
    """Under `mkdocs serve` each page allows one extra inline script, by hash; a build's pages do not."""
    project = copy_project(tmp_path / "project")
    with live_preview(project) as base, urllib.request.urlopen(base + GUIDE) as response:
        served = response.read().decode("utf-8")
    assert "livereload(" in served
    served_sources = script_src(served)
    assert "'unsafe-inline'" not in served_sources
    injected = served[served.rindex("<script>") + len("<script>") : served.rindex("</script>")]
    assert sha(injected) in served_sources
    page_scripts = re.findall(r"<script>(.*?)</script>", served[: served.rindex("<script>")], re.DOTALL)
    assert sorted(served_sources) == sorted({"'self'", sha(injected), *(sha(code) for code in page_scripts)})


@pytest.mark.slow
def test_built_pages_keep_the_strict_policy(site: Path) -> None:
    """Published pages carry no live-reload script and allow only their own inline scripts, by hash."""
    built = (site / GUIDE / "index.html").read_text(encoding="utf-8")
    assert "livereload" not in built
    sources = script_src(built)
    page_scripts = re.findall(r"<script>(.*?)</script>", built, re.DOTALL)
    assert sorted(sources) == sorted({"'self'", *(sha(code) for code in page_scripts)})


@pytest.mark.slow
def test_broken_content_serves_the_problem_page_at_every_address(tmp_path: Path) -> None:
    """While a file is broken, pages answer with the located problem (assets still load); the terminal lists it."""
    project = copy_project(tmp_path / "project")
    step = project / "content" / "steps" / "feel-it.yml"
    step.write_text(step.read_text(encoding="utf-8").replace("phase:", "phasee:"), encoding="utf-8")
    with live_preview(project) as base:
        for address in ("", GUIDE, "about/", "no-such-page/"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(base + address)
            body = caught.value.read().decode("utf-8")
            assert caught.value.code == 500 and "data-afterno-problems" in body, address
            assert "content/steps/feel-it.yml:" in body and "Did you mean" in body
        with urllib.request.urlopen(base + "assets/site.css") as response:
            assert response.status == 200
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert "unknown key 'phasee' in a step file. Did you mean 'phase'?" in log


def test_problem_page_shows_each_slip_with_its_fix_and_caret(tmp_path: Path) -> None:
    """The slips the checker finds in the text (a cut comment, no space after a colon) show on the problem page
    with their fix apart from what is wrong, and a caret under the column."""
    shutil.copytree(CONTENT, tmp_path / "content")
    step = tmp_path / "content" / "steps" / "feel-it.yml"
    text = step.read_text(encoding="utf-8").replace("  - Cry or let off", "  - Use the #1 rule. Cry or let off", 1)
    step.write_text(text, encoding="utf-8")
    other = tmp_path / "content" / "steps" / "reply-with-thanks.yml"
    other.write_text(other.read_text(encoding="utf-8").replace("title: ", "title:", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "content")
    html = problem_page(caught.value.problems, tmp_path)
    assert "content/steps/feel-it.yml:14:13" in html and "content/steps/reply-with-thanks.yml:3:6" in html
    assert "Put the whole line in double quotes: - &#34;Use the #1 rule. Cry or let off" in html
    assert "   14 |   - Use the #1 rule. Cry or let off steam in private if you need to.\n      |             ^" in html
    assert "Put a space after the colon: title: Reply with thanks" in html
    assert "    3 | title:Reply with thanks\n      |      ^" in html


def test_a_build_reuses_the_templates_an_earlier_build_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated pages' environment and the theme's (on_env) keep compiled templates on disk: a new
    environment, as the next build or `mkdocs serve`'s next rebuild makes, compiles an unchanged template
    no more; an edited one is compiled again and shows."""
    from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

    import afterno.render

    afterno.render.compiled_templates.cache_clear()
    monkeypatch.setattr(FileSystemBytecodeCache, "__init__", _cache_in(tmp_path / "cache"))
    cache = afterno.render.compiled_templates()
    assert isinstance(cache, FileSystemBytecodeCache)
    afterno.render.template_environment.cache_clear()
    assert afterno.render.template_environment().bytecode_cache is cache
    (tmp_path / "page.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    compiled: list[str] = []
    compile_source = Environment.compile

    def counting(self: Environment, source: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(source)
        return compile_source(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)

    hooks = _site_hooks()
    monkeypatch.setattr(hooks, "_problems", [Problem("x.yml", 1, 1, "x")])

    def rebuild() -> str:
        env = hooks.on_env(Environment(loader=FileSystemLoader(tmp_path)), config=None, files=None)
        return str(env.get_template("page.html").render(word="hi"))

    assert [rebuild(), rebuild(), rebuild()] == ["<p>hi</p>"] * 3
    assert len(compiled) == 1 and list((tmp_path / "cache").iterdir())
    (tmp_path / "page.html").write_text("<em>{{ word }}</em>", encoding="utf-8")
    assert rebuild() == "<em>hi</em>" and len(compiled) == 2
    afterno.render.compiled_templates.cache_clear()
    afterno.render.template_environment.cache_clear()


def _site_hooks() -> Any:
    """hooks/site.py as MkDocs loads it (under another name: ``site`` is also a module of Python's own)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("afterno_site_hooks", ROOT / "hooks" / "site.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cache_in(folder: Path) -> Callable[..., None]:
    """FileSystemBytecodeCache's constructor with its folder in ``folder`` (not the shared temporary one)."""
    from jinja2 import FileSystemBytecodeCache

    original = FileSystemBytecodeCache.__init__
    folder.mkdir()

    def init(self: FileSystemBytecodeCache, directory: str | None = None, *args: Any) -> None:
        original(self, str(folder), *args)

    return init
