"""A Content-Security-Policy for built pages: only the site's own origin, plus hashes of inline scripts.

The theme puts a few small inline scripts in every page (reading the saved colour scheme before
the first paint). Rather than allowing every inline script, the policy lists the SHA-256 of each
one, so an injected script would be refused. Nothing here knows about MkDocs: give it a page's
HTML, get the HTML back with a ``<meta http-equiv="Content-Security-Policy">`` as the first
element after ``<meta charset>``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from .html_fixes import Edit, apply_edits

#: Inline ``<script>`` elements: no ``src`` attribute. Group 1 is the attributes, group 2 the code.
INLINE_SCRIPT = re.compile(r"<script\b((?:(?!\bsrc\s*=)[^>])*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
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


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source expressions (``'sha256-...'``) of every inline script the browser would run, in order."""
    hashes: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = TYPE_ATTR.search(match.group(1))
        if kind and kind.group(1).lower() not in SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


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
