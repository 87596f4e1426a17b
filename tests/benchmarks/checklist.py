"""Benchmark the checklist page and print one table.

Run with `make benchmark-checklist` (or `.venv/bin/python tests/benchmarks/checklist.py`). It builds the site,
serves it on loopback, opens /checklist/ in Debian's Chromium (headless) and measures:

- what the page transfers, gzipped (level 6, each file alone), split into the page, the theme and our own files;
- the time from a tick to the state being saved, inside the page, median and 95th percentile over 200 ticks;
- the time from navigation start until the checklist is interactive (the script has marked it ready).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from browser.conftest import CHROMIUM, CHROMIUM_ARGS, READY  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from helpers import ROOT, build_site, free_port, gzipped, start_server  # noqa: E402

TICKS = 200
LOADS = 20

TICK_TIMES = """
(count) => {
  const root = document.querySelector('[data-atn-checklist]');
  const boxes = [...root.querySelectorAll('li[data-item]:not([hidden]) input[type=checkbox]')];
  let saved = 0;
  root.addEventListener('afterno:saved', () => { saved = performance.now(); });
  const times = [];
  for (let i = 0; i < count; i++) {
    const box = boxes[i % boxes.length];
    const start = performance.now();
    box.click();
    if (!saved) throw new Error('the tick was not saved');
    times.push(saved - start);
    saved = 0;
  }
  const stored = JSON.parse(localStorage.getItem('afterno:v1'));
  const app = stored.applications.find(a => a.id === stored.active);
  const ticked = boxes.filter(b => b.checked).map(b => b.id.slice('check-'.length)).sort();
  if (JSON.stringify(Object.keys(app.ticks).sort()) !== JSON.stringify(ticked)) throw new Error('storage disagrees');
  return times;
}
"""


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def transfer(page: Page, base: str, site: Path) -> dict[str, int]:
    """Load /checklist/ and sum what it fetched, gzipped, by kind."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + "checklist/", wait_until="networkidle")
    page.wait_for_selector(READY)
    sizes = {"page HTML": 0, "theme (Material)": 0, "own JS": 0, "own CSS": 0, "own other (icons)": 0}
    for url in dict.fromkeys(urls):
        path = urlsplit(url).path
        if urlsplit(url).netloc != urlsplit(base).netloc:
            continue
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        size = gzipped(file)
        relative = file.relative_to(site).as_posix()
        if relative == "checklist/index.html":
            sizes["page HTML"] += size
        elif (ROOT / "docs" / relative).exists():
            kinds = {".js": "own JS", ".css": "own CSS"}
            sizes[kinds.get(file.suffix, "own other (icons)")] += size
        else:
            sizes["theme (Material)"] += size
    return sizes


def main() -> None:
    """Build, serve, measure and print the table."""
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        result = build_site(site, SITE_URL=base)
        if result.returncode != 0:
            sys.exit(f"build failed:\n{result.stderr}")
        server = start_server(site, port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context()
                page = context.new_page()
                sizes = transfer(page, base, site)
                ticks: list[float] = page.evaluate(TICK_TIMES, TICKS)
                context.close()
                ready: list[float] = []
                for _ in range(LOADS):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(base + "checklist/")
                    page.wait_for_selector(READY)
                    ready.append(page.evaluate("performance.getEntriesByName('atn-checklist-ready')[0].startTime"))
                    context.close()
                browser.close()
        finally:
            server.shutdown()
            server.server_close()

    own = sizes["own JS"] + sizes["own CSS"] + sizes["own other (icons)"]
    rows = [
        ("Transfer, gzipped: page HTML", f"{sizes['page HTML'] / 1024:.1f} KB"),
        ("Transfer, gzipped: theme (Material JS, CSS, search)", f"{sizes['theme (Material)'] / 1024:.1f} KB"),
        ("Transfer, gzipped: own JS (budget 12 KB)", f"{sizes['own JS'] / 1024:.1f} KB"),
        ("Transfer, gzipped: own CSS (budget 4 KB)", f"{sizes['own CSS'] / 1024:.1f} KB"),
        ("Transfer, gzipped: own, all", f"{own / 1024:.1f} KB"),
        ("Transfer, gzipped: total", f"{sum(sizes.values()) / 1024:.1f} KB"),
        (f"Tick to saved, median of {TICKS}", f"{statistics.median(ticks):.2f} ms"),
        (f"Tick to saved, 95th percentile of {TICKS}", f"{percentile(ticks, 0.95):.2f} ms"),
        (f"Interactive after navigation start, median of {LOADS} loads", f"{statistics.median(ready):.0f} ms"),
        (f"Interactive after navigation start, 95th percentile of {LOADS} loads", f"{percentile(ready, 0.95):.0f} ms"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"| {'Checklist page (/checklist/), headless Chromium':<{width}} | {'Value':>9} |")
    print(f"|{'-' * (width + 2)}|{'-' * 10}:|")
    for name, value in rows:
        print(f"| {name:<{width}} | {value:>9} |")


if __name__ == "__main__":
    main()
