"""The external link checker (`afterno links`), run against a loopback server: offline, like every test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from afterno import links
from afterno.cli import main


class Handler(BaseHTTPRequestHandler):
    """Answers by path: /ok 200, /gone 404, /busy 429, /flaky 500 then 200, /no-head 405 to HEAD."""

    calls: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""

    def answer(self) -> None:
        path = self.path
        count = Handler.calls[path] = Handler.calls.get(path, 0) + 1
        status = {"/ok": 200, "/gone": 404, "/busy": 429, "/down": 500, "/ignored": 404}.get(path, 404)
        if path == "/flaky":
            status = 500 if count == 1 else 200
        if path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = answer
    do_HEAD = answer


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a loopback HTTP server running ``Handler``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(tmp_path: Path, server: str) -> Path:
    """A tiny built site whose pages link to the loopback server, to itself, and elsewhere."""
    site = tmp_path / "site"
    (site / "guides").mkdir(parents=True)
    (site / "sitemap.xml").write_text(
        "<urlset><url><loc>https://careers.example.edu/after-the-no/</loc></url></urlset>", encoding="utf-8"
    )
    paths = ["ok", "gone", "busy", "flaky", "no-head", "moved", "ignored", "down"]
    anchors = "".join(f'<a href="{server}/{p}#part">{p}</a>' for p in paths)
    (site / "index.html").write_text(
        f'<link rel="canonical" href="https://careers.example.edu/after-the-no/">{anchors}'
        '<a href="guides/">inside</a><a href="mailto:someone@example.org">mail</a>'
        '<a href="https://careers.example.edu/after-the-no/about/">self</a>',
        encoding="utf-8",
    )
    (site / "guides" / "index.html").write_text(f'<a href="{server}/ok">again</a>', encoding="utf-8")
    return site


def test_collects_external_links_only(site: Path, server: str) -> None:
    """Every http(s) link to another site is collected once, without its fragment, with the pages using it."""
    found = links.external_links(site)
    assert sorted(found) == sorted(
        f"{server}/{p}" for p in ["ok", "gone", "busy", "flaky", "no-head", "moved", "ignored", "down"]
    )
    assert found[f"{server}/ok"] == ["guides/index.html", "index.html"]


def test_verdicts(site: Path, server: str) -> None:
    """200/redirect ok, 404 broken, 429 "try later" (not broken), 500 retried, HEAD refused falls back to GET."""
    Handler.calls.clear()
    ignore_file = site.parent / "links-ignore.txt"
    ignore_file.write_text(f"# a comment\n\n{server}/ign*   # trailing comment\n", encoding="utf-8")
    found, results = links.check_site(site, links.read_ignore_file(ignore_file), retries=2, pause=0.01)
    verdicts = {r.url.rsplit("/", 1)[1]: r.verdict for r in results}
    assert verdicts == {
        "ok": "ok",
        "moved": "ok",
        "no-head": "ok",
        "flaky": "ok",
        "gone": "broken",
        "down": "broken",
        "busy": "try later",
    }
    assert Handler.calls.get("/ignored") is None
    assert Handler.calls["/down"] == 3 * 2  # three tries, each HEAD then GET
    lines, code = links.report(found, results)
    assert code == 1
    assert lines[-1] == "7 external links checked: 4 ok, 2 broken, 1 to try later; 1 ignored."
    assert f"broken: {server}/gone (HTTP 404) on index.html" in lines


def test_only_try_later_is_not_a_failure(site: Path, server: str) -> None:
    """A site whose only trouble is HTTP 429 passes: rate limiting is not a broken link."""
    for page in site.rglob("*.html"):
        page.write_text(f'<a href="{server}/busy">x</a><a href="{server}/ok">y</a>', encoding="utf-8")
    _, code = links.report(*links.check_site(site, pause=0.01))
    assert code == 0


def test_network_error_is_broken_after_retries() -> None:
    """A host that cannot be reached counts as broken once the retries are used up."""
    result = links.check_link("http://127.0.0.1:9/", retries=1, pause=0.01, timeout=2)
    assert result.verdict == "broken" and "after 2 tries" in result.detail


def test_command(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`afterno links --site-dir DIR` prints broken links and the summary, and exits 1 when any is broken."""
    code = main(["links", "--site-dir", str(site), "--ignore-file", str(site / "none.txt"), "--retries", "0"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "/gone (HTTP 404)" in err and "external links checked" in out
