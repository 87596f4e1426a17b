"""Benchmark the built site as a reader's phone would load it: bytes, requests and Lighthouse scores.

Builds the site, serves it gzip-compressed from 127.0.0.1, and runs the pinned Lighthouse (npm, in
tests/benchmarks/node_modules) with its default mobile settings against the home page, a guide, the
checklist and the templates, and against the theme alone (the guide's page emptied, no script of ours: what
Material's bundle costs by itself, the floor under every page's TBT). Prints one table; the full Lighthouse
reports go to benchmarks-out/. Nothing is fetched from the internet: Chromium is Debian's, and every host but
127.0.0.1 is made unresolvable.

Run with ``make benchmark-site`` (it installs Lighthouse from the lock file first).
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


from helpers import ROOT, build_site, free_port  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "benchmarks-out"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
#: The pages in the table: label and path from the site root.
PAGES = {
    "Home": "",
    "A guide": "guides/first-48-hours/",
    "Checklist": "checklist/",
    "Templates": "templates/",
    # The translated sites keep the same targets (issue 13): their home and checklist pages.
    "Home (es)": "es/",
    "Checklist (es)": "es/checklist/",
    "Home (de)": "de/",
    "Checklist (de)": "de/checklist/",
}
#: The floor under every page, measured beside them and held to no target: the guide's page as built, with its
#: article emptied and none of our scripts, so all that runs is the theme's bundle (Material's own).
THEME_ALONE = ("Theme alone (empty page)", "guides/theme-alone/")
#: Total blocking time allowed on every page (issue 10), in milliseconds.
TBT_BUDGET_MS = 50
#: The checklist page's whole transfer, theme included, gzipped (issue 10), in bytes.
CHECKLIST_BUDGET = 100 * 1024
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: What the theme (Material) ships or fetches for its features (search index, instant navigation's sitemap);
#: everything else is the site's own: the HTML, our CSS and JavaScript, the icon.
THEME_PREFIXES = ("assets/stylesheets/", "assets/javascripts/", "search/", "sitemap.xml")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    # Any host other than the local server fails to resolve: the run cannot reach the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def make_handler(site: Path) -> type[BaseHTTPRequestHandler]:
    """A request handler serving ``site`` with gzip (when asked for) and a one-hour cache lifetime."""
    cache: dict[Path, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path).lstrip("/")
            file = (site / path).resolve()
            if file.is_dir():
                file = file / "index.html"
            status = 200
            if site.resolve() not in file.parents or not file.is_file():
                status, file = 404, site / "404.html"
            body = file.read_bytes()
            headers = {
                "Content-Type": mimetypes.guess_type(file.name)[0] or "application/octet-stream",
                "Cache-Control": "public, max-age=3600",
                "Vary": "Accept-Encoding",
            }
            if file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                if file not in cache:
                    cache[file] = gzip.compress(body, compresslevel=9, mtime=0)
                body = cache[file]
                headers["Content-Encoding"] = "gzip"
            if headers["Content-Type"].startswith(("text/", "application/javascript", "application/json")):
                headers["Content-Type"] += "; charset=utf-8"
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def build(site_dir: Path, base: str) -> None:
    """A strict build of the site with SITE_URL set to the local server's address; stops if it fails."""
    result = build_site(site_dir, SITE_URL=base)
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stderr[-3000:]}")


def write_theme_alone(site: Path) -> None:
    """The theme-alone page: the guide's page with an empty article and only the theme's scripts."""
    html = (site / PAGES["A guide"] / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"(<article[^>]*>).*?(</article>)", r"\1<h1>Empty</h1>\2", html, count=1, flags=re.DOTALL)
    html = re.sub(r'<script src="(?:\.\./)*assets/(?!javascripts/)[^"]*"[^>]*></script>', "", html)
    page = site / THEME_ALONE[1] / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(html, encoding="utf-8")


def lighthouse(url: str) -> dict[str, Any]:
    """Lighthouse's JSON report for ``url`` with its default (mobile) settings."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--no-enable-error-reporting",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = dict(os.environ, CHROME_PATH=CHROME)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def summarise(report: dict[str, Any], base: str) -> dict[str, Any]:
    """Requests, gzipped bytes (theme and own) and the four scores from one Lighthouse report."""
    # Inline data: URLs (the theme's icons in CSS) are not requests to any host.
    items = report["audits"]["network-requests"]["details"]["items"]
    requests = [item for item in items if not item["url"].startswith(("data:", "blob:"))]
    theme = own = 0
    for item in requests:
        url = item["url"]
        if not url.startswith(base):
            raise SystemExit(f"the page asked another host for {url}")
        size = int(item.get("transferSize") or 0)
        # A translated site has its own copy of the theme's files under its language folder (/es/assets/...).
        if re.sub(r"^[a-z]{2}/", "", url[len(base) :]).startswith(THEME_PREFIXES):
            theme += size
        else:
            own += size
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    tbt = round(report["audits"]["total-blocking-time"]["numericValue"])
    return {"requests": len(requests), "theme": theme, "own": own, **scores, "tbt": tbt}


def table(rows: dict[str, dict[str, Any]]) -> str:
    """The results as a Markdown table."""
    head = (
        "| Page | Requests | Theme (gzip) | Own (gzip) | Total | Performance | Accessibility | Best practices | SEO "
        "| TBT |"
    )
    lines = [head, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for label, row in rows.items():
        kb = {key: f"{row[key] / 1024:.1f} KB" for key in ("theme", "own")}
        total = f"{(row['theme'] + row['own']) / 1024:.1f} KB"
        scores = " | ".join(str(row[name]) for name in CATEGORIES)
        lines.append(
            f"| {label} | {row['requests']} | {kb['theme']} | {kb['own']} | {total} | {scores} | {row['tbt']} ms |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build, serve, measure, print the table; exit 1 if a score misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the table shows medians")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make benchmark-site` (npm ci in tests/benchmarks).")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="atn-bench-") as tmp:
        site = Path(tmp)
        build(site, base)
        write_theme_alone(site)
        server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            OUT.mkdir(exist_ok=True)
            rows = {}
            for label, path in [*PAGES.items(), THEME_ALONE]:
                runs = []
                for _ in range(max(1, args.runs)):
                    report = lighthouse(base + path)
                    runs.append(summarise(report, base))
                name = path.strip("/").replace("/", "-") or "home"
                (OUT / f"lighthouse-{name}.json").write_text(json.dumps(report), encoding="utf-8")
                # The machines are shared and noisy: every figure is the median over the runs.
                rows[label] = {key: statistics.median_low([run[key] for run in runs]) for key in runs[0]}
        finally:
            server.shutdown()
            server.server_close()
    floor = rows.pop(THEME_ALONE[0])
    print(table(rows))
    print(table({THEME_ALONE[0]: floor}).splitlines()[-1])
    print(
        f"\nLighthouse {report['lighthouseVersion']}, mobile settings (simulated throttling), median of "
        f"{max(1, args.runs)} runs per page; last reports in {OUT}/"
    )
    misses = [
        f"{label}: {name} {row[name]}"
        for label, row in rows.items()
        for name in CATEGORIES
        if row[name] < (95 if name == "performance" else 100)
    ]
    misses += [f"{label}: TBT {row['tbt']} ms" for label, row in rows.items() if row["tbt"] > TBT_BUDGET_MS]
    for label in (label for label in rows if label.startswith("Checklist")):
        checklist = rows[label]["theme"] + rows[label]["own"]
        if checklist > CHECKLIST_BUDGET:
            misses.append(f"{label}: {checklist / 1024:.1f} KB (at most {CHECKLIST_BUDGET // 1024} KB)")
    if misses:
        print(
            f"Below target (performance >= 95, the others 100, TBT <= {TBT_BUDGET_MS} ms, checklist <= 100 KB): "
            + "; ".join(misses)
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
