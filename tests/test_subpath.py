"""Served from a sub-path (https://careers.example.edu/after-the-no/), every internal link stays inside it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from helpers import build_site, parse_page

SITE_URL = "https://careers.example.edu/after-the-no/"
PREFIX = urlsplit(SITE_URL).path
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with SITE_URL set to a sub-path of a university's host."""
    site = tmp_path_factory.mktemp("subpath") / "site"
    result = build_site(site, SITE_URL=SITE_URL)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return site


def served_file(site: Path, url: str) -> Path | None:
    """The built file the host would serve for ``url``, or None when the URL leaves the sub-path."""
    parts = urlsplit(url)
    if parts.netloc != urlsplit(SITE_URL).netloc or not parts.path.startswith(PREFIX):
        return None
    target = site / unquote(parts.path[len(PREFIX) :])
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def internal_links(site: Path) -> list[tuple[str, str, str]]:
    """(page, link as written, absolute URL) for every same-host link of every page and stylesheet."""
    found: list[tuple[str, str, str]] = []
    host = urlsplit(SITE_URL).netloc
    for page in sorted(site.rglob("*.html")):
        # 404.html is served for any missing path, so its links must not depend on where it sits.
        base = urljoin(SITE_URL, page.relative_to(site).as_posix())
        for _, link in parse_page(page).links:
            url = urljoin(base, link)
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc == host:
                found.append((page.relative_to(site).as_posix(), link, url))
    for sheet in sorted(site.rglob("*.css")):
        base = urljoin(SITE_URL, sheet.relative_to(site).as_posix())
        for link in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if not link.startswith(("data:", "#")):
                found.append((sheet.relative_to(site).as_posix(), link, urljoin(base, link)))
    return found


@pytest.mark.slow
def test_every_internal_link_resolves_inside_the_subpath(subpath_site: Path) -> None:
    """Every href/src (and CSS url()) of every page stays under /after-the-no/ and reaches a built file and id."""
    links = internal_links(subpath_site)
    assert len(links) > 500, "the crawl found too few links to prove anything"
    problems = []
    ids: dict[Path, set[str]] = {}
    for page, link, url in links:
        target = served_file(subpath_site, url)
        fragment = urlsplit(url).fragment
        if target is None:
            problems.append(f"{page}: {link} leaves {PREFIX}")
        elif not target.is_file():
            problems.append(f"{page}: {link} -> {url} (no file)")
        elif fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = parse_page(target).ids
            if fragment not in ids[target]:
                problems.append(f"{page}: {link} (no id {fragment!r})")
    assert problems == []


def test_the_not_found_page_works_at_any_depth(subpath_site: Path) -> None:
    """404.html links with absolute paths under /after-the-no/, so it works wherever the host serves it."""
    for _, link in parse_page(subpath_site / "404.html").links:
        if not urlsplit(link).scheme and not link.startswith(("#", "mailto:")):
            assert link.startswith(PREFIX), link


def test_absolute_urls_name_the_subpath(subpath_site: Path) -> None:
    """The sitemap, canonical links and share URLs all start with the sub-path's full address."""
    sitemap = (subpath_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)
    canonical = [
        attrs.get("href")
        for tag, attrs in parse_page(subpath_site / "guides" / "index.html").tags
        if tag == "link" and attrs.get("rel") == "canonical"
    ]
    assert canonical == [SITE_URL + "guides/"]


def test_the_crawl_flags_a_link_that_leaves_the_subpath() -> None:
    """A root-absolute link (/assets/...) would leave the sub-path; the crawl's resolver says so."""
    base = SITE_URL + "guides/"
    assert served_file(Path("/site"), urljoin(base, "/assets/site.css")) is None
    assert served_file(Path("/site"), urljoin(base, "../assets/site.css")) == Path("/site/assets/site.css")
    assert served_file(Path("/site"), urljoin(base, "../../outside/")) is None
