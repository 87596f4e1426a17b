"""The checklist page stays small: the project's own JavaScript and CSS it loads are within their gzip budgets.

The page's whole transfer as a browser loads it (theme included, at most 100 KB gzipped) is held by
tests/browser/test_page_weight.py and printed by `make benchmark-site`.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import ROOT, gzipped, language_roots, parse_page

#: Budgets in bytes after gzip at level 6 (the usual server setting), each file compressed alone, as built (our
#: scripts minified): issue 3's per kind, and issue 10's for the two together. The scripts are back within 13 KB
#: (they had reached 13 824 bytes with Undo after a reset, one date field, dateless waiting items and singular
#: counts) since the backup and calendar code loads on demand (ON_DEMAND_BUDGET below): about 11 650 bytes.
OWN_JS_BUDGET = 13 * 1024
OWN_CSS_BUDGET = 4 * 1024
OWN_BUDGET = 16 * 1024
#: checklist-files.js (backups and the calendar) is LOADED ON DEMAND by checklist.js, the first time a reader asks
#: for one of them: the page lists no <script> for it, so the budgets above leave it out; it has its own.
ON_DEMAND_BUDGET = 4 * 1024


_GUIDE = re.compile(r'href="(?:\.\./)*guides/([a-z0-9-]+)/"')
#: The size budgets hold on each language's checklist and templates pages, its home and a guide.
PAGES = ("checklist/", "templates/", "", "guides/{guide}/")


def budget_pages(site: Path) -> list[str]:
    """Every page the budgets hold on, in every language of the built site (``index.html`` paths under site/)."""
    guide = _GUIDE.search((site / "index.html").read_text(encoding="utf-8"))
    assert guide, "the home page links no guide"
    return [f"{root}{page.format(guide=guide[1])}index.html" for root in language_roots(site) for page in PAGES]


def own_source(site: Path, built: Path, roots: list[str]) -> Path | None:
    """The file of our docs/ a built asset was copied from (a language's copy under /es/assets/ too), if any."""
    path = built.relative_to(site.resolve()).as_posix()
    for root in sorted(roots, key=len, reverse=True):
        if path.startswith(root):
            source = ROOT / "docs" / path[len(root) :]
            return source if source.is_file() else None
    return None


def own_assets(site: Path, page: str, tag: str, attr: str) -> list[Path]:
    """The files a built page loads through ``tag``/``attr`` that come from our docs/ (not from the theme)."""
    html = site / page
    roots = language_roots(site)
    found: list[Path] = []
    for name, values in parse_page(html).tags:
        url = values.get(attr)
        if name != tag or not url or "://" in url:
            continue
        if tag == "link" and values.get("rel") != "stylesheet":
            continue
        built = (html.parent / url.split("?")[0]).resolve()
        if own_source(site, built, roots):
            found.append(built)
    return found


def test_checklist_own_javascript_is_within_budget(site: Path) -> None:
    """The project's own scripts on /checklist/ add up to at most 13 KB gzipped."""
    scripts = own_assets(site, "checklist/index.html", "script", "src")
    assert {p.name for p in scripts} >= {"checklist-core.js", "checklist.js"}
    total = sum(gzipped(p) for p in scripts)
    assert total <= OWN_JS_BUDGET, f"own JS is {total} bytes gzipped: {[p.name for p in scripts]}"


def test_checklist_own_css_is_within_budget(site: Path) -> None:
    """The project's own stylesheet on /checklist/ (site.css, the checklist's rules in it) is at most 4 KB gzipped."""
    sheets = own_assets(site, "checklist/index.html", "link", "href")
    assert {p.name for p in sheets} >= {"site.css"}
    total = sum(gzipped(p) for p in sheets)
    assert total <= OWN_CSS_BUDGET, f"own CSS is {total} bytes gzipped: {[p.name for p in sheets]}"


def test_checklist_own_javascript_and_css_together_are_within_budget(site: Path) -> None:
    """The project's own scripts and stylesheets on /checklist/ add up to at most 16 KB gzipped."""
    files = own_assets(site, "checklist/index.html", "script", "src")
    files += own_assets(site, "checklist/index.html", "link", "href")
    total = sum(gzipped(p) for p in files)
    assert total <= OWN_BUDGET, f"own JS + CSS is {total} bytes gzipped: {[p.name for p in files]}"


def test_checklist_files_load_on_demand_within_their_own_budget(site: Path) -> None:
    """The backup and calendar code is not among the checklist's scripts and is at most 4 KB gzipped on its own."""
    scripts = own_assets(site, "checklist/index.html", "script", "src")
    assert "checklist-files.js" not in {p.name for p in scripts}
    size = gzipped(site / "assets" / "checklist-files.js")
    assert size <= ON_DEMAND_BUDGET, f"checklist-files.js is {size} bytes gzipped"


def test_budget_pages_come_in_every_language_with_their_own_copies(site: Path) -> None:
    """The budgets below hold on each built language's pages, and a translated page's own files are found (its
    copies under /es/assets/ come from docs/assets/), so a translated page cannot pass by finding none."""
    pages = budget_pages(site)
    assert {page.split("/")[0] for page in pages} >= {"checklist", "de", "es"}
    assert all((site / page).is_file() for page in pages), pages
    for root in language_roots(site):
        names = {p.name for p in own_assets(site, f"{root}checklist/index.html", "script", "src")}
        assert names >= {"site.js", "checklist-core.js", "checklist.js"}, (root, names)


def test_every_language_page_keeps_the_budgets(site: Path) -> None:
    """On every budget page in every language: our JS <= 13 KB, our CSS <= 4 KB and both <= 16 KB gzipped."""
    over = []
    for page in budget_pages(site):
        scripts = sum(gzipped(p) for p in own_assets(site, page, "script", "src"))
        sheets = sum(gzipped(p) for p in own_assets(site, page, "link", "href"))
        if scripts > OWN_JS_BUDGET or sheets > OWN_CSS_BUDGET or scripts + sheets > OWN_BUDGET:
            over.append(f"{page}: JS {scripts} B, CSS {sheets} B gzipped")
    assert not over, over
