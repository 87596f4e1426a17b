"""Benchmark the checklist page and print one table.

Run with `make benchmark-checklist` (or `.venv/bin/python tests/benchmarks/checklist.py`). It builds the site,
serves it on loopback, opens /checklist/ in Debian's Chromium (headless) and measures:

- what the page transfers, gzipped (level 6, each file alone), split into the page, the theme and our own files;
- the time from a tick to the state being saved, inside the page, median and 95th percentile over 200 ticks,
  with one application stored and with 20 (each with ticks and notes);
- the time a keystroke in a note takes to be handled and saved, with 200 applications stored (budget 16 ms, a frame);
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
KEYSTROKES = 200
#: Budgets from issue 10: the page's whole transfer, our own JS + CSS, gzipped.
TOTAL_BUDGET_KB = 100
OWN_BUDGET_KB = 16

#: A store of ``count`` applications, each ticked and noted like a few weeks of real use.
SEED = """
(count) => {
  const apps = [];
  const ids = [...document.querySelectorAll('li[data-item]')].map(li => li.getAttribute('data-item'));
  for (let i = 0; i < count; i++) {
    const ticks = {}, notes = {};
    ids.slice(0, 10).forEach(id => { ticks[id] = true; notes[id] = 'Spoke to them on the phone; '.repeat(20); });
    apps.push({id: 'bench' + i, company: 'Company ' + i, role: 'Role ' + i, rejectedOn: '2026-11-02',
               situation: '', ticks, notes, reflections: {}, created: '2026-11-02T09:00:00.000Z'});
  }
  localStorage.setItem('afterno:v1', JSON.stringify({version: 1, active: 'bench0', applications: apps}));
}
"""

#: Time to handle one keystroke in a note (the input event's handlers, which save), over ``count`` keys.
KEY_TIMES = """
(count) => {
  const area = document.querySelector('li[data-item]:not([hidden]) textarea');
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    area.value += 'k';
    area.dispatchEvent(new InputEvent('input', {bubbles: true, data: 'k', inputType: 'insertText'}));
    times.push(performance.now() - start);
  }
  return times;
}
"""

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
                page.evaluate(SEED, 20)
                page.reload()
                page.wait_for_selector(READY)
                ticks20: list[float] = page.evaluate(TICK_TIMES, TICKS)
                page.evaluate(SEED, 200)
                page.reload()
                page.wait_for_selector(READY)
                keys: list[float] = page.evaluate(KEY_TIMES, KEYSTROKES)
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
    total = sum(sizes.values())
    rows = [
        ("Transfer, gzipped: page HTML", f"{sizes['page HTML'] / 1024:.1f} KB"),
        ("Transfer, gzipped: theme (Material JS, CSS, search)", f"{sizes['theme (Material)'] / 1024:.1f} KB"),
        ("Transfer, gzipped: own JS", f"{sizes['own JS'] / 1024:.1f} KB"),
        ("Transfer, gzipped: own CSS", f"{sizes['own CSS'] / 1024:.1f} KB"),
        (
            f"Transfer, gzipped: own JS + CSS (budget {OWN_BUDGET_KB} KB)",
            f"{(own - sizes['own other (icons)']) / 1024:.1f} KB",
        ),
        ("Transfer, gzipped: own, all", f"{own / 1024:.1f} KB"),
        (f"Transfer, gzipped: total (budget {TOTAL_BUDGET_KB} KB)", f"{total / 1024:.1f} KB"),
        (f"Tick to saved, median of {TICKS}", f"{statistics.median(ticks):.2f} ms"),
        (f"Tick to saved, 95th percentile of {TICKS}", f"{percentile(ticks, 0.95):.2f} ms"),
        (f"Tick to saved, 20 applications, median of {TICKS}", f"{statistics.median(ticks20):.2f} ms"),
        (f"Tick to saved, 20 applications, p95 of {TICKS} (budget 5 ms)", f"{percentile(ticks20, 0.95):.2f} ms"),
        (f"Note keystroke, 200 applications, median of {KEYSTROKES}", f"{statistics.median(keys):.2f} ms"),
        (f"Note keystroke, 200 applications, p95 of {KEYSTROKES} (budget 16 ms)", f"{percentile(keys, 0.95):.2f} ms"),
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
