"""The strict build succeeds, keeps every published URL, and links nothing that does not exist."""

from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from helpers import ROOT, PageParser, build_site, copy_project, parse_page

PUBLIC_URLS = ROOT / "tests" / "public_urls.txt"
#: External hosts allowed in links (never loaded by a page, only followed by a reader).
EXTERNAL_LINK = re.compile(r"^(https?://[^\s/?#]+\.[^\s/?#]+[^\s]*|mailto:[^\s]*)$")


def published() -> list[str]:
    lines = PUBLIC_URLS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def file_for(site: Path, path: str) -> Path:
    """The built file a site path is served from."""
    relative = unquote(path).lstrip("/")
    target = site / relative
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[Path, PageParser]:
    return {path: parse_page(path) for path in sorted(site.rglob("*.html"))}


def test_strict_build_makes_every_page(site: Path) -> None:
    """`mkdocs build --strict` succeeds and writes every generated and hand-written page."""
    for path in ("index.html", "guides/index.html", "checklist/index.html", "about/index.html", "sitemap.xml"):
        assert (site / path).is_file(), path


@pytest.mark.parametrize("url", published())
def test_published_url_exists(url: str, site: Path, pages: dict[Path, PageParser]) -> None:
    """A URL or step anchor careers centres may have linked to is still there."""
    parts = urlsplit(url)
    target = file_for(site, parts.path)
    assert target.is_file(), f"{url}: no page"
    if parts.fragment:
        assert parts.fragment in pages[target].ids, f"{url}: no element with id {parts.fragment!r}"


def broken_links(site: Path, pages: dict[Path, PageParser], site_url: str) -> list[str]:
    """Internal links (raw HTML included) that point to no file, or to an id the target page lacks."""
    broken: list[str] = []
    for page, parser in pages.items():
        page_url = site_url + page.relative_to(site).as_posix()
        for tag, link in parser.links:
            parts = urlsplit(urljoin(page_url, link))
            if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(site_url).netloc:
                continue
            target = file_for(site, parts.path)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: <{tag}> {link} (no file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: <{tag}> {link} (no id {parts.fragment!r})")
    return broken


def test_every_internal_link_resolves(site: Path, pages: dict[Path, PageParser], site_url: str) -> None:
    """Every internal href and src (raw HTML included) points to a built file, and every #fragment to an id."""
    assert broken_links(site, pages, site_url) == []


def test_crawl_catches_broken_links(tmp_path: Path) -> None:
    """The crawl itself reports a missing page and a missing anchor in raw HTML."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a><a href="a/#gone">x</a><a href="b/">x</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><img src="../logo.svg" alt="">')
    pages = {path: parse_page(path) for path in tmp_path.rglob("*.html")}
    assert sorted(broken_links(tmp_path, pages, "http://127.0.0.1:8000/")) == [
        "a/index.html: <img> ../logo.svg (no file)",
        "index.html: <a> a/#gone (no id 'gone')",
        "index.html: <a> b/ (no file)",
    ]


def external_links(pages: dict[Path, PageParser], site_url: str) -> set[str]:
    """Every link of the pages that leaves the site (https, http or mailto)."""
    found: set[str] = set()
    own = urlsplit(site_url).netloc
    for parser in pages.values():
        for _, link in parser.links:
            parts = urlsplit(link)
            if parts.scheme == "mailto" or (parts.scheme in ("http", "https") and parts.netloc != own):
                found.add(link)
    return found


def test_external_links_are_well_formed(pages: dict[Path, PageParser], site_url: str) -> None:
    """External links are listed and each is a syntactically valid https or mailto address."""
    links = external_links(pages, site_url)
    assert links, "expected the sources' addresses and the licence link"
    assert [link for link in links if not EXTERNAL_LINK.match(link)] == []
    assert [link for link in links if link.startswith("http://")] == [], "use https:// links"


def test_pages_load_nothing_from_other_hosts(pages: dict[Path, PageParser]) -> None:
    """No script, stylesheet, image, font or frame comes from another host (privacy, offline builds)."""
    loaded_from_elsewhere = []
    for page, parser in pages.items():
        for tag, attrs in parser.tags:
            sources = [attrs.get("src")] + ([attrs.get("href")] if tag == "link" else [])
            for value in sources:
                if value and urlsplit(value).netloc and tag not in ("a",):
                    rel = attrs.get("rel") or ""
                    if tag == "link" and rel in ("canonical", "alternate"):
                        continue
                    loaded_from_elsewhere.append(f"{page.name}: <{tag}> {value}")
    assert loaded_from_elsewhere == []


@pytest.mark.skipif(not os.environ.get("AFTERNO_CHECK_EXTERNAL"), reason="set AFTERNO_CHECK_EXTERNAL=1 to go online")
def test_external_links_answer(pages: dict[Path, PageParser], site_url: str) -> None:
    """Online only on request: each external https link answers (429 counts as 'try later', not broken)."""
    failures = []
    for link in sorted(link for link in external_links(pages, site_url) if link.startswith("https://")):
        request = urllib.request.Request(link, method="HEAD", headers={"User-Agent": "after-the-no link check"})
        try:
            with urllib.request.urlopen(request, timeout=20):
                pass
        except urllib.error.HTTPError as error:
            if error.code not in (429, 403, 405):
                failures.append(f"{link}: HTTP {error.code}")
        except OSError as error:
            failures.append(f"{link}: {error}")
    assert failures == []


def test_broken_content_stops_the_build_cleanly(tmp_path: Path) -> None:
    """A content mistake fails the build with its file:line:column message and no traceback."""
    project = copy_project(tmp_path)
    step = project / "content" / "steps" / "feel-it.yml"
    step.write_text(step.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "content/steps/feel-it.yml:3:1: unknown key 'titel' in a step file. Did you mean 'title'?" in output
    assert not (tmp_path / "site" / "index.html").exists()
