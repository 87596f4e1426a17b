"""A Content-Security-Policy for built pages: only the site's own origin, plus hashes of inline scripts.

The theme puts a few small inline scripts in every page (reading the saved colour scheme before
the first paint). Rather than allowing every inline script, the policy lists the SHA-256 of each
one. Only scripts written in the theme's templates (Material's, and ours in ``overrides/``) are
hashed: ``KnownScripts`` reads them from the templates, and any other inline script in a page
(one written into a Markdown page, say) is refused by the build, so it can never run.
Nothing here knows about MkDocs: give it a page's HTML, get the HTML back with a
``<meta http-equiv="Content-Security-Policy">`` as the first element after ``<meta charset>``.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .html_fixes import Edit, apply_edits

#: Inline ``<script>`` elements: no ``src`` attribute. Group 1 is the attributes, group 2 the code.
#: ``src`` must follow a space: ``<script data-src=...>`` is still inline code the browser runs.
INLINE_SCRIPT = re.compile(r"<script\b((?:(?!\ssrc\s*=)[^>])*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
#: Any ``<script>`` start tag, inline or not. The length bound keeps a stray ``<script`` from scanning the page.
SCRIPT_TAG = re.compile(r"<script\b[^<>]{0,500}>?", re.IGNORECASE)
TYPE_ATTR = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
EXISTING = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy[\"']?[^>]*>\s*", re.IGNORECASE)
#: Script types a browser runs; anything else (JSON data blocks) is data and needs no hash.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

#: The policy, except for the script hashes. `data:` images are the theme's inline SVG icons in CSS;
#: `frame-ancestors` and reporting are not possible in a meta tag and belong in a server header.
BASE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


#: A value a template writes into a script (``{{ base_url }}``).
TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
#: What such a value may be in a built page: URL characters only. No quote, backslash, space or angle
#: bracket, so the value cannot end the string it sits in and add code of its own.
VALUE_TEXT = r"[\w.~:/?#@!$&()*+,;=%-]*"


def _runs(attributes: str) -> bool:
    """Whether a ``<script>`` with these attributes is code the browser runs (not a JSON data block)."""
    kind = TYPE_ATTR.search(attributes)
    return kind is None or kind.group(1).lower() in SCRIPT_TYPES


def inline_scripts(html: str) -> Iterator[re.Match[str]]:
    """Every inline script the browser would run, in order (group 2 of each match is its code)."""
    return (match for match in INLINE_SCRIPT.finditer(html) if _runs(match.group(1)))


def script_hash(code: str) -> str:
    """The CSP source expression (``'sha256-...'``) that allows one inline script."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source expressions of every inline script the browser would run, in order, each once."""
    return list(dict.fromkeys(script_hash(match.group(2)) for match in inline_scripts(html)))


def _templates(folders: Iterable[Path]) -> Iterator[Path]:
    """The ``*.html`` files under ``folders``, skipping hidden folders (Material's ``.icons``: thousands of SVGs)."""
    for folder in folders:
        for parent, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            yield from (Path(parent) / name for name in sorted(names) if name.endswith(".html"))


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts the theme's templates write, so the only ones a built page may run.

    A script with no ``{{ value }}`` in its template is known by its exact text; one with values is
    known by a pattern where each value may be URL characters only (see ``VALUE_TEXT``).
    """

    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def from_templates(cls, folders: Iterable[Path]) -> KnownScripts:
        """The inline scripts of every ``*.html`` template in ``folders`` (a theme's template folders).

        A script whose template has ``{% ... %}`` or ``{# ... #}`` inside it is left out: its text
        cannot be known here, so a page that uses it fails the build and names the page.
        """
        exact: set[str] = set()
        patterns: dict[str, re.Pattern[str]] = {}
        for template in _templates(folders):
            for match in inline_scripts(template.read_text(encoding="utf-8")):
                code = match.group(2)
                if "{%" in code or "{#" in code:
                    continue
                parts = TEMPLATE_VALUE.split(code)
                if len(parts) == 1:
                    exact.add(code)
                else:
                    pattern = VALUE_TEXT.join(re.escape(part) for part in parts)
                    patterns.setdefault(pattern, re.compile(pattern))
        return cls(frozenset(exact), tuple(patterns.values()))

    def allows(self, code: str) -> bool:
        """Whether ``code`` (an inline script's text, as in the built page) is one of the theme's."""
        return code in self.exact or any(pattern.fullmatch(code) for pattern in self.patterns)


def split_scripts(html: str, known: KnownScripts) -> tuple[list[str], list[str]]:
    """The hashes of the inline scripts in ``html`` that ``known`` allows (each once, in order), and the code
    of those it does not."""
    hashes: dict[str, None] = {}
    unknown: list[str] = []
    for match in inline_scripts(html):
        code = match.group(2)
        if known.allows(code):
            hashes[script_hash(code)] = None
        else:
            unknown.append(code)
    return list(hashes), unknown


def unknown_script_problem(page: str, code: str) -> str:
    """What to tell a contributor about an inline script in ``page`` that is not the theme's."""
    first_line = code.strip().splitlines()[0] if code.strip() else ""
    shown = first_line if len(first_line) <= 60 else first_line[:57] + "..."
    return (
        f"{page}: inline <script> {shown!r} is not one of the theme's, and the site's Content-Security-Policy "
        "lets only the theme's inline scripts run. Remove it from wherever it comes from (overrides/, mkdocs.yml)."
    )


def text_script_problems(page: str, html: str, source: str) -> list[str]:
    """A problem for each ``<script>`` tag in the HTML made from a page's Markdown (``html``), at its place in
    ``source``, the page's Markdown file: a page's text may not carry code, inline or from a file."""
    problems = []
    lowered = source.lower()
    searched = 0
    for tag in SCRIPT_TAG.finditer(html):
        found = lowered.find(tag.group(0).lower(), searched)
        where = page
        if found != -1:
            searched = found + 1
            line = source.count("\n", 0, found) + 1
            column = found - source.rfind("\n", 0, found)
            where = f"{page}:{line}:{column}"
        problems.append(
            f"{where}: a page's text may not hold a <script> (found {tag.group(0)!r}): the site's "
            "Content-Security-Policy lets only the theme's scripts run. Delete it; if the page needs code, "
            "put it in a .js file under docs/assets/ and list that file under extra_javascript in mkdocs.yml."
        )
    return problems


def policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy text, with ``script_hashes`` allowed as inline scripts."""
    extra = " ".join(script_hashes)
    parts = []
    for name, value in BASE_POLICY:
        parts.append(f"{name} {value} {extra}".rstrip() if name == "script-src" else f"{name} {value}")
    return "; ".join(parts)


def csp_meta_edits(html: str, script_hashes: list[str] | None = None) -> list[Edit]:
    """Edits that put a CSP meta tag allowing the page's own inline scripts right after ``<meta charset>``,
    and remove any such tag already in the page's head.

    ``script_hashes`` are the page's ``inline_script_hashes``, when the caller has them already.

    Raises:
        ValueError: the page has no ``<meta charset>``, so there is no safe place for the tag
            (it must come before any script).
    """
    hashes = inline_script_hashes(html) if script_hashes is None else script_hashes
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    match = CHARSET.search(html)
    if match is None:
        raise ValueError("the page has no <meta charset>; the Content-Security-Policy must follow it")
    # A policy in a meta tag counts only in the head, so only the head is searched for an old one.
    head_end = html.find("</head>")
    old = EXISTING.finditer(html, 0, head_end if head_end != -1 else len(html))
    return [(match.end(), match.end(), "\n    " + tag), *((m.start(), m.end(), "") for m in old)]


def add_csp_meta(html: str) -> str:
    """Return ``html`` with a CSP meta tag allowing its own inline scripts.

    Raises:
        ValueError: as ``csp_meta_edits``.
    """
    return apply_edits(html, csp_meta_edits(html))
