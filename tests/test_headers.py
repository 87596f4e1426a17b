"""The built `_headers` file (Netlify, Cloudflare Pages): the pages' CSP, and a year's caching for hashed files only."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from afterno.csp import KnownScripts, inline_script_hashes, split_scripts
from afterno.headers import FINGERPRINTED, IMMUTABLE, site_policy
from helpers import ROOT


def rules(site: Path) -> dict[str, dict[str, str]]:
    """The rules of ``_headers``: path pattern to its headers, checking the file's layout on the way."""
    parsed: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("/"):
            assert line not in parsed, f"{line} has two rules; hosts would merge their values"
            current = parsed[line] = {}
            continue
        assert current is not None and line.startswith("  "), line
        name, _, value = line.strip().partition(": ")
        current[name] = value
    return parsed


@pytest.fixture(scope="module")
def policy(site: Path) -> str:
    """The Content-Security-Policy header for every path."""
    return rules(site)["/*"]["Content-Security-Policy"]


def test_policy_allows_only_the_sites_own_origin(policy: str) -> None:
    """Everything comes from 'self'; no inline script runs unless its hash is listed; the site cannot be framed."""
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy
    sources = set(directives["script-src"].split())
    assert sources - {"'self'"} == {s for s in sources if s.startswith("'sha256-")}


def test_policy_allows_exactly_the_inline_scripts_of_the_pages(site: Path, policy: str) -> None:
    """Each inline script of each page (404.html included) is allowed by hash, and no other script is."""
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages
    used = {digest for page in pages for digest in inline_script_hashes(page.read_text(encoding="utf-8"))}
    allowed = {source for source in policy.split(";")[1].split() if source.startswith("'sha256-")}
    assert "script-src" in policy.split(";")[1]
    assert allowed == used


def test_every_inline_script_is_written_by_the_theme(site: Path) -> None:
    """The pages run only inline scripts from the theme's templates (Material's and overrides/), ours included."""
    known = KnownScripts.from_templates([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    ours = 'document.documentElement.classList.add("atn-js")'
    assert known.allows(ours)
    for page in sorted(site.rglob("*.html")):
        assert split_scripts(page.read_text(encoding="utf-8"), known)[1] == [], page.relative_to(site)


def test_header_policy_matches_the_meta_policy(site: Path, policy: str) -> None:
    """The header and each page's meta tag agree, apart from the header-only frame-ancestors and the hash lists."""
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', (site / "index.html").read_text())
    assert meta is not None

    def without_hashes(text: str) -> str:
        return re.sub(r" 'sha256-[^']+'", "", text)

    assert without_hashes(policy) == without_hashes(meta.group(1)) + "; frame-ancestors 'none'"


def test_long_caching_only_for_fingerprinted_assets(site: Path) -> None:
    """Every file with a content hash in its name is cached for a year; no other file is."""
    cached = {path for path, headers in rules(site).items() if headers.get("Cache-Control") == IMMUTABLE}
    hashed = {
        "/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and FINGERPRINTED.search(p.name)
    }
    assert hashed and cached == hashed
    # The theme's fingerprinted bundles, under each language's site too (/de/assets/...).
    assert all(re.match(r"/([a-z]{2}/)?assets/", path) for path in cached)
    assert "/assets/site.css" not in cached


def test_security_headers_for_every_path(site: Path) -> None:
    """Every response says nosniff, no referrer, no framing."""
    headers = rules(site)["/*"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"


def test_policy_lists_the_hashes_it_is_given_once_each() -> None:
    """The header allows the hashes the build collected from its pages, sorted and each once, and nothing else."""
    found = site_policy(["'sha256-b'", "'sha256-a'", "'sha256-b'"])
    assert "script-src 'self' 'sha256-a' 'sha256-b';" in found
