"""The live preview (``make serve``): pages reload after each saved edit, and content problems show in the page.

Two things only a preview needs, kept out of published builds:

- The preview server adds a small inline live-reload script to every page it serves. The
  Content-Security-Policy allows inline scripts only by their hash, so the preview adds that one
  script's hash to the policy of the page it serves, as it serves it. Built pages never carry it.
- While content/ has problems, the build cannot make the site's pages. Rather than leave the open
  page waiting, every page of the preview is a list of the problems (where, what, how to fix it,
  and the offending line), which reloads itself into the site once the files are fixed.

The server is MkDocs' live-reload server (or a compatible one: ProperDocs keeps the same code), used
through the three members below. Nothing here imports MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .errors import Problem
from .report import excerpt

TEMPLATE = "preview-problems.html.j2"
#: The policy of the problem page; its style and (added when served) the live-reload script by hash.
PROBLEM_PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"
_POLICY_TAG = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*?\bscript-src\b[^;"]*)')
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
#: Where a message ends and its fix begins: the first sentence break.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: Paths that are pages (``/guides/x/``, ``/about/index.html``, ``/guides/x``), not assets.
_PAGE_PATH = re.compile(r"(?:/|\.html|/[^/.]*)\Z")


def allow_livereload(html: bytes) -> bytes:
    """Add the hash of the page's last inline script (the one the preview server appended) to its policy.

    Pages without a policy, or without an inline script, come back unchanged.
    """
    start = html.rfind(b"<script>")
    end = html.find(b"</script>", start)
    if start == -1 or end == -1:
        return html
    code = html[start + len(b"<script>") : end].decode("utf-8")
    source = _sha256_source(code).encode("ascii")
    return _POLICY_TAG.sub(lambda m: m.group(1) + b" " + source, html, count=1)


def split_message(message: str) -> tuple[str, str]:
    """A problem's message as (what is wrong, how to fix it); the fix is empty when the message has none."""
    parts = _SENTENCE_BREAK.split(message, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (message, "")


def problem_page(problems: Sequence[Problem], project: Path) -> str:
    """The HTML page the preview shows instead of every page while content/ has these problems."""
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    cache: dict[str, list[str] | None] = {}
    entries = []
    for problem in problems:
        what, fix = split_message(problem.message)
        shown = excerpt(problem, project, cache)
        entries.append(
            {
                "where": f"{problem.path}:{problem.line}:{problem.column}",
                "what": what,
                "fix": fix,
                "excerpt": "\n".join(shown.lines()) if shown else "",
            }
        )
    template = env.get_template(TEMPLATE)
    # The policy is our own text (no quotes to escape); its style hash comes from a first rendering.
    draft = template.render(problems=entries, policy=Markup(PROBLEM_PAGE_POLICY))
    styles = " ".join(_sha256_source(match.group(1)) for match in _STYLE.finditer(draft))
    return template.render(problems=entries, policy=Markup(f"{PROBLEM_PAGE_POLICY}; style-src {styles}"))


def _sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def install(server: Any, current_problems: Callable[[], Sequence[Problem]], project: Path) -> None:
    """Make ``server`` allow its live-reload script, and serve the problem page while there are problems.

    Args:
        server: MkDocs' ``LiveReloadServer``, as ``on_serve`` receives it. Used through its
            ``_inject_js_into_html``, ``_serve_request`` and build-epoch condition (MkDocs 1.6.1, pinned).
        current_problems: The problems of the latest build (empty when it succeeded).
        project: The folder holding content/, to show the offending lines.
    """
    inject = server._inject_js_into_html
    serve = server._serve_request

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        return allow_livereload(inject(content, epoch))

    def serve_request(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        if not path.startswith("/livereload/") and _PAGE_PATH.search(path):
            # Like the server itself: wait for a build in progress, so the answer is about the latest files.
            with server._epoch_cond:
                server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
                epoch = server._visible_epoch
            problems = current_problems()
            if problems:
                body = inject_allowed(problem_page(problems, project).encode("utf-8"), epoch)
                start_response(
                    "500 Internal Server Error",
                    [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                )
                return [body]
        return serve(environ, start_response)

    server._inject_js_into_html = inject_allowed
    server._serve_request = serve_request
