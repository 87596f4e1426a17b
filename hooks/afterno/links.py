"""Check every external link of a built site, online: run on demand or weekly, never by the normal tests.

A link is *broken* when the server says the page is gone (404, 410, other 4xx after a retry with
GET). HTTP 429 (too many requests) and 503 with ``Retry-After`` mean *try later*: reported, never
counted as broken. Network errors and 5xx are retried with a pause before they count.
Links matching a pattern in the ignore file are not checked.
"""

from __future__ import annotations

import fnmatch
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

USER_AGENT = "AfterTheNo-link-check/1.0 (+https://github.com/after-the-no)"
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = LINK_ATTRIBUTES.get(tag)
        value = dict(attrs).get(name) if name else None
        if value:
            self.urls.append(value.strip())


def site_origin(site_dir: Path) -> str | None:
    """The site's own origin (``https://host``), read from its sitemap, so links to itself are not external."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    text = sitemap.read_text(encoding="utf-8")
    start = text.find("<loc>")
    if start < 0:
        return None
    parts = urlsplit(text[start + 5 : text.find("</loc>", start)].strip())
    return f"{parts.scheme}://{parts.netloc}"


def external_links(site_dir: Path) -> dict[str, list[str]]:
    """Every http(s) link to another site, without its #fragment, mapped to the pages that use it."""
    origin = site_origin(site_dir)
    found: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        shown = page.relative_to(site_dir).as_posix()
        for url in parser.urls:
            url = urldefrag(url)[0]
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            if origin and (url == origin or url.startswith(origin + "/")):
                continue
            pages = found.setdefault(url, [])
            if shown not in pages:
                pages.append(shown)
    return dict(sorted(found.items()))


def read_ignore_file(path: Path | None) -> list[str]:
    """The patterns in an ignore file: one per line, ``*`` wildcards allowed, ``#`` starts a comment."""
    if path is None or not path.is_file():
        return []
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        pattern = line.split("#", 1)[0].strip()
        if pattern:
            patterns.append(pattern)
    return patterns


def ignored(url: str, patterns: Iterable[str]) -> bool:
    """Whether ``url`` matches one of the ignore patterns (a glob, or a prefix ending in ``*``)."""
    return any(fnmatch.fnmatchcase(url, pattern) for pattern in patterns)


@dataclass(frozen=True)
class Result:
    """The outcome of checking one link."""

    url: str
    verdict: str  # "ok", "broken" or "try later"
    detail: str


Opener = Callable[[urllib.request.Request, float], int]


def _open(request: urllib.request.Request, timeout: float) -> int:
    """Send the request and return the final HTTP status (redirects followed); raises on network errors."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def check_link(url: str, retries: int = 2, pause: float = 2.0, timeout: float = 15.0, opener: Opener = _open) -> Result:
    """Check one URL: HEAD first, GET when HEAD is refused; retry network errors and 5xx ``retries`` times."""
    last = ""
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(pause * attempt)
        try:
            status = opener(_request(url, "HEAD"), timeout)
            if status >= 400 and status != 429:
                # Some servers refuse HEAD (405, 403, even 404): ask for the page itself before judging.
                status = opener(_request(url, "GET"), timeout)
        except (urllib.error.URLError, OSError, ValueError) as error:
            last = f"network error: {getattr(error, 'reason', error)}"
            continue
        if status < 400:
            return Result(url, "ok", str(status))
        if status == 429:
            return Result(url, "try later", "429 Too Many Requests")
        if status >= 500:
            last = f"HTTP {status}"
            continue
        return Result(url, "broken", f"HTTP {status}")
    if last == "HTTP 503":
        return Result(url, "try later", "503 Service Unavailable")
    return Result(url, "broken", f"{last} after {retries + 1} tries")


def _request(url: str, method: str) -> urllib.request.Request:
    return urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})


def check_site(
    site_dir: Path,
    ignore: Iterable[str] = (),
    retries: int = 2,
    pause: float = 2.0,
    workers: int = 8,
    opener: Opener = _open,
) -> tuple[dict[str, list[str]], list[Result]]:
    """Check every external link of a built site; return the links (with their pages) and the results."""
    patterns = list(ignore)
    links = external_links(site_dir)
    to_check = [url for url in links if not ignored(url, patterns)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda url: check_link(url, retries, pause, opener=opener), to_check))
    return links, results


def report(links: dict[str, list[str]], results: list[Result]) -> tuple[list[str], int]:
    """The lines to print, and the exit code: 1 when any link is broken (``try later`` is not broken)."""
    lines = []
    broken = [r for r in results if r.verdict == "broken"]
    later = [r for r in results if r.verdict == "try later"]
    for result in broken:
        lines.append(f"broken: {result.url} ({result.detail}) on {', '.join(links[result.url])}")
    for result in later:
        lines.append(f"try later: {result.url} ({result.detail}) on {', '.join(links[result.url])}")
    skipped = len(links) - len(results)
    lines.append(
        f"{len(results)} external links checked: {len(results) - len(broken) - len(later)} ok, "
        f"{len(broken)} broken, {len(later)} to try later; {skipped} ignored."
    )
    return lines, 1 if broken else 0
