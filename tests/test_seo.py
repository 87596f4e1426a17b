"""Every page can be found and shared well: description, Open Graph, canonical URL, sitemap, robots.txt, 404."""

from __future__ import annotations

import re
from pathlib import Path

from afterno.load import load_content
from helpers import CONTENT, PageParser, parse_page


def meta(parser: PageParser, key: str, value: str) -> str | None:
    """The content of the first <meta key="value"> in a page, or None."""
    for tag, attrs in parser.tags:
        if tag == "meta" and attrs.get(key) == value:
            return attrs.get("content")
    return None


def canonical(parser: PageParser) -> str | None:
    for tag, attrs in parser.tags:
        if tag == "link" and attrs.get("rel") == "canonical":
            return attrs.get("href")
    return None


def built_pages(site: Path, site_url: str) -> dict[str, Path]:
    """Every built page except the 404 page, by its full address."""
    pages = {}
    for path in site.rglob("index.html"):
        pages[site_url + str(path.relative_to(site)).removesuffix("index.html")] = path
    return pages


def test_every_page_has_its_own_description_og_tags_and_canonical(site: Path, site_url: str) -> None:
    """Each page has a meta description of its own, Open Graph title and description, and a canonical URL."""
    descriptions: dict[str, str] = {}
    for url, path in built_pages(site, site_url).items():
        parser = parse_page(path)
        description = meta(parser, "name", "description")
        assert description and 50 <= len(description) <= 200, f"{url}: description {description!r}"
        assert meta(parser, "property", "og:description") == description, url
        assert meta(parser, "property", "og:title"), f"{url}: no og:title"
        assert canonical(parser) == url, f"{url}: canonical is {canonical(parser)}"
        assert meta(parser, "property", "og:url") == url
        assert description not in descriptions, f"{url} repeats the description of {descriptions.get(description)}"
        descriptions[description] = url


def test_guide_descriptions_come_from_content_summaries(site: Path) -> None:
    """A guide's meta description is its summary in content/, so editors control what search results show."""
    for guide in load_content(CONTENT).guides:
        parser = parse_page(site / "guides" / guide.id / "index.html")
        assert meta(parser, "name", "description") == guide.summary, guide.path


def test_sitemap_lists_every_page(site: Path, site_url: str) -> None:
    """sitemap.xml lists every built page (and not the 404 page)."""
    pages = set(built_pages(site, site_url))
    listed: set[str] = set()
    # Each language's site has its own sitemap (robots.txt names them all): together they list every page.
    for sitemap in site.rglob("sitemap.xml"):
        listed |= set(re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")))
    assert listed == pages
    assert not any("404" in url for url in listed)


def test_robots_txt_allows_all_and_names_the_sitemap(site: Path, site_url: str) -> None:
    """robots.txt lets every crawler in and gives the sitemap's full address."""
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert f"Sitemap: {site_url}sitemap.xml" in lines


def test_404_page_is_useful_and_not_indexed(site: Path) -> None:
    """The 404 page links to the checklist and the guides and asks search engines not to index it."""
    parser = parse_page(site / "404.html")
    hrefs = {href for tag, href in parser.links if tag == "a"}
    assert {"/checklist/", "/guides/"} <= hrefs
    assert meta(parser, "name", "robots") == "noindex"
