"""The ``_headers`` file that Netlify and Cloudflare Pages read: security headers and long caching.

Written after the build: the Content-Security-Policy is the one every page already carries in its
meta tag (``csp.py``), with the hashes of the inline scripts the build allowed in its pages (the
theme's), plus ``frame-ancestors``, which only a header can set. An HTML file the build copied
without making it (a static ``docs/*.html``) adds no hash, so its inline scripts never run.
Files whose name carries a content hash (the theme's ``bundle.a5f9d56c.min.js``) never change under
that name, so they may be cached for a year; every other file keeps the host's default, so a fix
reaches readers at once.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .csp import policy

#: A file name with a content hash in it: ``name.<8+ hex digits>.min.js`` (or ``.css``).
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")
IMMUTABLE = "public, max-age=31536000, immutable"
#: Headers for every path. Permissions-Policy turns off browser features the site never uses.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
)


def site_policy(script_hashes: Iterable[str]) -> str:
    """The Content-Security-Policy for the whole site: the allowed inline scripts' hashes, and no framing."""
    return f"{policy(sorted(set(script_hashes)))}; frame-ancestors 'none'"


def fingerprinted_files(site_dir: Path) -> list[str]:
    """The site paths (``/assets/...``) of files whose names carry a content hash."""
    return sorted(
        "/" + path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and FINGERPRINTED.search(path.name)
    )


def headers_file(site_dir: Path, script_hashes: Iterable[str]) -> str:
    """The text of ``_headers`` for a built site (paths are from the root of the deployed folder)."""
    lines = ["# Written by the build (hooks/afterno/headers.py); edit that, not this file.", "/*"]
    lines += [f"  Content-Security-Policy: {site_policy(script_hashes)}"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS]
    for path in fingerprinted_files(site_dir):
        lines += [path, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def write_headers(site_dir: Path, script_hashes: Iterable[str]) -> Path:
    """Write ``_headers`` at the root of the built site, allowing the inline scripts with ``script_hashes``."""
    target = site_dir / "_headers"
    target.write_text(headers_file(site_dir, script_hashes), encoding="utf-8")
    return target
