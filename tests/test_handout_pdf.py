"""What an adviser prints: every handout on one A4 and one Letter page, with and without a centre; every
printed page credits the site; print is always light; the poster fits one A4 page.

Chromium prints to PDF (Playwright's ``page.pdf``); poppler's pdftotext and pdftoppm read the PDFs back.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from browser.conftest import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Page, sync_playwright

from afterno.load import load_content
from afterno.localize import translated_content
from afterno.model import Content
from afterno.render import long_date
from afterno.translation_load import load_translations
from helpers import CENTRE_SITE_URL, ROOT, TRANSLATED, english_leftovers, ui_text

pytestmark = pytest.mark.browser

#: A page object in a PDF (not the /Pages tree node). Chromium's PDFs keep these uncompressed.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)\b")
PAPERS = ("A4", "Letter")
CHROME = (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search")
SITUATIONS = sorted(path.stem for path in (ROOT / "content" / "situations").glob("*.yml"))
HANDOUTS = ["handout/", *(f"handout/{situation}/" for situation in SITUATIONS)]
#: Every guide, printed at both sizes: no last page holds only the credit.
GUIDES = sorted(f"guides/{path.stem}/" for path in (ROOT / "content" / "guides").glob("*.yml"))
#: Each language's site inside the built site ('' for English), and every handout in every language.
LANGUAGES = ["", *(f"{code}/" for code in TRANSLATED)]
ALL_HANDOUTS = [lang + path for lang in LANGUAGES for path in HANDOUTS]
#: The handouts whose printed text the tests read, in each language.
READ = [lang + path for lang in LANGUAGES for path in ("handout/", "handout/no-reply/")]
POSTERS = [f"{lang}careers-centres/poster/" for lang in LANGUAGES]
#: The width inside the printed page's margins (site.css: @page{margin:1.5cm}) in CSS pixels: 180 mm, 185.9 mm.
INNER_WIDTH = {"A4": 680, "Letter": 702}
#: Text, QR codes, boxes and tables of the page that reach past the inner width (``-1``: rounding).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const out = (box) => box.width > 0 && (box.right > width + 1 || box.left < -1);
  const article = document.querySelector("article");
  const problems = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (node.textContent.trim() && out(range.getBoundingClientRect())) problems.push(node.textContent.trim());
  }
  for (const part of article.querySelectorAll("svg, section, table, .atn-handout__bottom, .atn-poster")) {
    const name = `the ${part.tagName.toLowerCase()} ${part.getAttribute("class")}`;
    if (out(part.getBoundingClientRect())) problems.push(name);
  }
  return problems.map((problem) => `${problem.slice(0, 80)} reaches past the page's margin`);
}"""
#: A careers service's name that takes two lines in the handout's box, as an adviser types it in the link builder.
LONG_SERVICE = "Career Service der Hochschule für Wirtschaft und Recht Berlin, Campus Schöneberg"
#: Where the parts of a printed handout sit (print media, the printed page's width), in CSS px: the service
#: box's "Name:" label against its filled-in first line, the reviewed date against the boxes above it, and the
#: top of each column of the plan.
PRINT_LAYOUT = """() => {
  const top = (el) => el.getBoundingClientRect().top;
  const row = document.querySelector("[data-atn-service-field=service]");
  const label = row.parentElement.querySelector("span:not([data-atn-service-field])");
  const lineHeight = parseFloat(getComputedStyle(row).lineHeight);
  const plan = document.querySelector(".atn-handout__plan").getBoundingClientRect();
  const middle = plan.left + plan.width / 2;
  const columns = [[], []];
  for (const el of document.querySelectorAll(".atn-handout__plan h2, .atn-handout__plan li")) {
    for (const box of el.getClientRects()) columns[box.left < middle ? 0 : 1].push(box.top);
  }
  return {
    nameLines: row.getBoundingClientRect().height / lineHeight,
    labelBelowName: top(label) - top(row),
    reviewedGap: top(document.querySelector(".atn-handout__reviewed"))
      - document.querySelector(".atn-handout__bottom").getBoundingClientRect().bottom,
    columnTops: columns.map((tops) => Math.min(...tops)),
  };
}"""
#: Pages whose printout must end with the site's name, its address and the credit (one of each kind).
CREDITED = [
    "guides/first-48-hours/",
    "guides/ask-for-feedback/",
    "checklist/",
    "templates/",
    "situations/",
    "sources/",
    "steps/",
]


def pdf_text(pdf: bytes, folder: Path, name: str) -> str:
    """The text of a PDF, laid out as printed (pdftotext -layout)."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def cut_off(page: Page, pdf: bytes, folder: Path, name: str, paper: str) -> list[str]:
    """What does not fit the printed page, which Chromium clips at the margins without a word.

    Laid out for print at the page's inner width, no text and no QR code, box or table may reach past either
    side; and every word the page shows must be in the PDF's text (pdftotext), whole.
    """
    page.emulate_media(media="print")
    page.set_viewport_size({"width": INNER_WIDTH[paper], "height": 1000})
    problems: list[str] = page.evaluate(OVERFLOWING)
    words = page.inner_text("article").split()
    page.set_viewport_size({"width": 1280, "height": 900})
    # Back to no emulation: page.pdf prints with the print styles only when no medium is emulated.
    page.emulate_media(media="null")
    printed = raw_text(pdf, folder, name)
    shown = Counter(words) - Counter(printed.split())
    joined = printed.replace(" ", "")
    problems += [f"{word!r} is not printed whole" for word in shown if word not in joined]
    return problems


def raw_text(pdf: bytes, folder: Path, name: str) -> str:
    """The text of a PDF in reading order (pdftotext -raw), on one line: for finding whole sentences."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def corner_pixels(pdf: bytes, folder: Path, name: str) -> set[bytes]:
    """The colours of the four corner pixels of the PDF's first page (pdftoppm, 20 dpi, PPM)."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    ppm = subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", str(path)], capture_output=True, check=True)
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm.stdout)
    assert header is not None
    width, height = int(header.group(1)), int(header.group(2))
    pixels = ppm.stdout[header.end() :]

    def at(x: int, y: int) -> bytes:
        return pixels[(y * width + x) * 3 : (y * width + x) * 3 + 3]

    return {at(0, 0), at(width - 1, 0), at(0, height - 1), at(width - 1, height - 1)}


def translated(code: str) -> Content:
    """The content in language ``code``, as its site shows it."""
    content = load_content(ROOT / "content")
    return translated_content(content, load_translations(ROOT, content).by_language[code])


def newest_review() -> str:
    """The newest guide's reviewed date: the one the handouts print."""
    return max(guide.reviewed for guide in load_content(ROOT / "content").guides)


def print_everything(sites: dict[str, Path], folder: Path, base: str) -> dict[Any, Any]:
    """Print what the tests look at, in one Chromium; runs in its own thread (Playwright's sync API wants that)."""
    results: dict[Any, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for edition, site in sites.items():
                for path in ALL_HANDOUTS:
                    page.goto((site / path / "index.html").as_uri())
                    for paper in PAPERS:
                        pdf = page.pdf(format=paper)
                        results[("pages", edition, path, paper)] = len(PDF_PAGE.findall(pdf))
                        results[("cut", edition, path, paper)] = cut_off(page, pdf, folder, f"c{len(results)}", paper)
                        if path in READ and paper == "A4":
                            results[("text", edition, path)] = pdf_text(pdf, folder, f"{edition}-{len(results)}")
                            results[("raw", edition, path)] = raw_text(pdf, folder, f"raw-{len(results)}")
            for path in GUIDES:
                page.goto((sites["public"] / path / "index.html").as_uri())
                for paper in PAPERS:
                    pdf = page.pdf(format=paper)
                    results[("text", "public", path, paper)] = pdf_text(pdf, folder, f"guide-{len(results)}")
            for path in (*CREDITED, *POSTERS):
                page.goto((sites["public"] / path / "index.html").as_uri())
                pdf = page.pdf(format="A4")
                results[("pages", "public", path, "A4")] = len(PDF_PAGE.findall(pdf))
                results[("text", "public", path)] = pdf_text(pdf, folder, f"credited-{len(results)}")
                results[("raw", "public", path)] = raw_text(pdf, folder, f"raw-{len(results)}")
                results[("cut", "public", path, "A4")] = cut_off(page, pdf, folder, f"c{len(results)}", "A4")
            page.goto((sites["public"] / "guides" / "first-48-hours" / "index.html").as_uri())
            page.emulate_media(media="print")
            results["chrome shown"] = [s for s in CHROME if page.locator(s).first.is_visible()]
            results["steps shown"] = page.locator("article h2").first.is_visible()
            page.goto((sites["public"] / "handout" / "index.html").as_uri())
            # Where the "Scan the code…" caption ends, against the QR code: (bottom gap, caption's right - QR's left).
            results["scan caption"] = page.evaluate(
                "() => { const q = document.querySelector('.atn-handout__qr svg').getBoundingClientRect();"
                " const c = document.querySelector('.atn-handout__scan').getBoundingClientRect();"
                " return [Math.abs(q.bottom - c.bottom), c.right - q.left]; }"
            )
            # Writing lines in CSS px (96 to the inch: 8 mm is 30.2 px); the space under each box's last line.
            results["write lines"] = page.evaluate(
                "() => [...document.querySelectorAll('.atn-handout .atn-write')]"
                ".map((w) => w.getBoundingClientRect().height)"
            )
            results["under last line"] = page.evaluate(
                "() => [...document.querySelectorAll('.atn-handout__bottom section')].map((s) =>"
                " s.getBoundingClientRect().bottom"
                " - [...s.querySelectorAll('.atn-write')].pop().getBoundingClientRect().bottom)"
            )
            # A phase split across the two columns has a box in each (the second without its heading).
            results["phase boxes"] = page.evaluate(
                "() => [...document.querySelectorAll('.atn-handout__phase')].map((s) => s.getClientRects().length)"
            )
            dark = browser.new_page(color_scheme="dark")
            for path in ("guides/first-48-hours/", "handout/"):
                dark.goto((sites["public"] / path / "index.html").as_uri())
                results[("dark scheme", path)] = dark.evaluate("document.body.getAttribute('data-md-color-scheme')")
                # As a reader prints with "Background graphics" ticked: the theme's dark background would show.
                pdf = dark.pdf(format="A4", print_background=True)
                results[("dark corners", path)] = corner_pixels(pdf, folder, "dark")
            # Served (its script loads on demand, which a file: page does not allow), as the link builder opens it.
            page.emulate_media(media="null")
            page.goto(base + "handout/#service=Careers+%3Cb%3EHub%3C%2Fb%3E&hours=Mon-Fri+9-5")
            page.wait_for_function(
                "() => document.querySelector('[data-atn-service-field=service]').textContent !== ''"
            )
            results[("text", "public", "handout/#service")] = pdf_text(page.pdf(format="A4"), folder, "service")
            results[("pages", "public", "handout/#service", "A4")] = len(PDF_PAGE.findall(page.pdf(format="A4")))
            # Laid out as printed on A4: print media, the page's inner width; a German service name on two lines.
            page.emulate_media(media="print")
            page.set_viewport_size({"width": INNER_WIDTH["A4"], "height": 1000})
            page.goto(base + "de/handout/after-final-round/#" + urlencode({"service": LONG_SERVICE}))
            page.wait_for_function(
                "() => document.querySelector('[data-atn-service-field=service]').textContent !== ''"
            )
            results["print layout"] = page.evaluate(PRINT_LAYOUT)
        finally:
            browser.close()
    return results


@pytest.fixture(scope="module")
def printed(site: Path, site_url: str, centre_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Any, Any]:
    """Everything the tests below look at, printed once; ``base`` is the public build's address."""
    folder = tmp_path_factory.mktemp("pdfs")
    with ThreadPoolExecutor(max_workers=1) as pool:
        results = pool.submit(print_everything, {"public": site, "centre": centre_site}, folder, site_url).result(
            timeout=600
        )
    results["base"] = site_url
    return results


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("edition", ["public", "centre"])
@pytest.mark.parametrize("path", ALL_HANDOUTS)
def test_each_handout_prints_on_one_page(printed: dict[Any, Any], path: str, edition: str, paper: str) -> None:
    """Every handout, for any situation or one, in every language, prints on exactly one A4 and one Letter page,
    centre or not."""
    pages = printed[("pages", edition, path, paper)]
    assert pages == 1, f"/{path} ({edition} edition) prints on {pages} {paper} pages"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("edition", ["public", "centre"])
@pytest.mark.parametrize("path", ALL_HANDOUTS)
def test_no_printed_handout_is_cut_off(printed: dict[Any, Any], path: str, edition: str, paper: str) -> None:
    """Nothing of a printed handout, in any language, is cut off at the margins: no word (a long address),
    no QR code, no box."""
    assert printed[("cut", edition, path, paper)] == []


@pytest.mark.parametrize("path", POSTERS)
def test_no_printed_poster_is_cut_off(printed: dict[Any, Any], path: str) -> None:
    """The poster, in every language, stays inside the printed page's margins."""
    assert printed[("cut", "public", path, "A4")] == []


@pytest.mark.parametrize("path", READ[2:])
def test_the_printed_handout_is_in_its_language(printed: dict[Any, Any], path: str) -> None:
    """A Spanish or German handout prints in that language: the plan's phases and items, the boxes, the due days
    and the reviewed date (in the language's word order), its own checklist's address, and no English."""
    code, _, english_path = path.partition("/")
    text, raw, words = printed[("text", "public", path)], printed[("raw", "public", path)], ui_text(code)
    situation = english_path.removeprefix("handout/").strip("/") or None
    checklist = f"{printed['base']}{code}/checklist/" + (f"?situation={situation}" if situation else "")
    assert re.search(rf"(^|\s){re.escape(checklist)}(\s|$)", text, re.MULTILINE), text
    content = translated(code)
    items = [item for phase in content.checklist for item in phase.items if not situation or item.applies(situation)]
    for label in [content.phases[0].title, *(" ".join(item.label.split()) for item in items)]:
        assert label in raw
    for english in ("Your next step", "By (date):", "Your careers service", "Email or phone:", *SAID_IN_WORDS[:1]):
        assert words[english] in raw
    assert words["(by day %(day)s)"] % {"day": 3} in raw
    reviewed = long_date(newest_review(), lambda english: words.get(english, english))
    assert words["Last reviewed %(date)s."] % {"date": reviewed} in raw
    assert f"After the No · {printed['base']}{path} · CC BY 4.0, After the No" in text
    assert english_leftovers(raw, code) == []
    assert not re.search(r"\bday \d", raw)


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_printed_centre_handout_has_its_details_in_each_language(printed: dict[Any, Any], code: str) -> None:
    """A centre's edition prints its details in Spanish and German under that language's labels, and credits it."""
    raw, words = printed[("raw", "centre", f"{code}/handout/")], ui_text(code)
    for text in ("Careers Service, University of Example", "https://careers.example.edu/book-an-adviser"):
        assert text in raw
    for label in ("Book an adviser at", "Email:", "Phone:", "Open:"):
        assert words[label] in raw
    assert f"{CENTRE_SITE_URL}{code}/handout/" in raw
    assert english_leftovers(raw, code) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_poster_prints_in_each_language(printed: dict[Any, Any], code: str) -> None:
    """/es/ and /de/careers-centres/poster/ print on one A4 page with the language's address and offer."""
    path = f"{code}/careers-centres/poster/"
    raw = printed[("raw", "public", path)]
    assert printed[("pages", "public", path, "A4")] == 1
    assert f"{printed['base']}{code}/" in raw
    words = ui_text(code)
    offer = next(english for english in words if english.startswith("A free plan for the days and weeks"))
    assert words[offer] in raw and words["Turned down for a job?"] in raw
    assert english_leftovers(raw, code) == []


@pytest.mark.parametrize("path", ["handout/", "handout/no-reply/"])
def test_the_printed_handout_has_everything_a_drop_in_needs(printed: dict[Any, Any], path: str) -> None:
    """Tick boxes by phase, lines for the next step, a contact box, the reviewed date, address and credit."""
    text = printed[("text", "public", path)]
    checklist = printed["base"] + "checklist/" + ("?situation=no-reply" if "no-reply" in path else "")
    # The address under the QR code is on one line, unbroken.
    assert re.search(rf"(^|\s){re.escape(checklist)}(\s|$)", text, re.MULTILINE), text
    first_phase = load_content(ROOT / "content").phases[0].title
    for words in (first_phase, "Your next step", "By (date):", "Your careers service", "Email or phone:"):
        assert words in text
    assert re.search(r"Last reviewed \d{1,2} [A-Z][a-z]+ \d{4}\.", text)
    assert f"After the No · {printed['base']}{path} · CC BY 4.0, After the No" in text
    assert "Not if" not in text


def test_the_printed_centre_handout_has_its_details(printed: dict[Any, Any]) -> None:
    """The centre's edition prints its name, booking link and email in the contact box, and credits it."""
    text = printed[("text", "centre", "handout/")]
    for words in ("Careers Service, University of Example", "https://careers.example.edu/book-an-adviser"):
        assert words in text
    assert "careers@example.edu" in text
    assert f"{CENTRE_SITE_URL}handout/" in text


@pytest.mark.parametrize("path", CREDITED)
def test_every_printed_page_credits_the_site(printed: dict[Any, Any], path: str) -> None:
    """A printed guide, checklist, templates, situations, steps or sources page ends with site, address and CC BY."""
    last = printed[("text", "public", path)].rstrip().splitlines()[-1].strip()
    assert last == f"After the No · {printed['base']}{path} · CC BY 4.0, After the No"


def test_printed_links_show_full_addresses_of_other_pages(printed: dict[Any, Any]) -> None:
    """A link to another page prints its whole address (one to type from paper); a guide prints no 'Read next'
    list and no bare path from the site's root after a link."""
    situations = printed[("text", "public", "situations/")].replace("\n", " ")
    assert re.search(rf"\({re.escape(printed['base'])}guides/[a-z0-9-]+/#[a-z0-9-]+\)", situations), situations
    guide = printed[("text", "public", "guides/first-48-hours/")]
    assert "Read next" not in guide and "(/guides/" not in guide and "¶" not in guide


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("path", GUIDES)
def test_the_guide_printout_ends_without_a_near_empty_page(printed: dict[Any, Any], path: str, paper: str) -> None:
    """The last printed page of a guide holds advice, not only the credit line (nor 'Read next' and the credit)."""
    text = printed[("text", "public", path, paper)]
    last_page = [line for line in text.rstrip("\f\n").split("\f")[-1].splitlines() if line.strip()]
    assert len(last_page) > 1 and "Read next" not in text, last_page


def test_the_printed_handout_gives_each_column_a_heading_and_the_day_heard(printed: dict[Any, Any]) -> None:
    """The handout has a line for the day the student heard (the day counts start there), its skip hints, and
    every phase heading; no phase is split across the columns (each column starts with a heading)."""
    text = " ".join(printed[("text", "public", "handout/")].split())
    assert "The day you heard:" in text
    assert "skip this if you heard nothing back" in text
    for phase in load_content(ROOT / "content").phases:
        assert phase.title in text
    assert printed["phase boxes"] and set(printed["phase boxes"]) == {1}, printed["phase boxes"]


def test_the_handout_leaves_room_to_write(printed: dict[Any, Any]) -> None:
    """Every writing line is at least 8 mm high in print, and no box's last line sits on its border (>= 1.5 mm)."""
    assert printed["write lines"] and min(printed["write lines"]) >= 7.95 * 96 / 25.4, printed["write lines"]
    assert min(printed["under last line"]) >= 1.5 * 96 / 25.4, printed["under last line"]


def test_the_scan_caption_sits_beside_the_qr_code(printed: dict[Any, Any]) -> None:
    """In print, "Scan the code…" ends level with the QR code's bottom (within 10 px), just left of it."""
    gap, overlap = printed["scan caption"]
    assert gap < 10 and overlap <= 0, printed["scan caption"]


def test_a_two_line_service_name_starts_level_with_its_label(printed: dict[Any, Any]) -> None:
    """In print, a service name typed in the link builder that takes two lines starts level with "Name:"."""
    layout = printed["print layout"]
    assert layout["nameLines"] > 1.5, f"the service name was meant to take two lines: {layout}"
    assert abs(layout["labelBelowName"]) <= 2, f"'Name:' sits {layout['labelBelowName']:.1f} px below the name"


def test_the_reviewed_date_has_room_under_the_boxes(printed: dict[Any, Any]) -> None:
    """In print, "Last reviewed ..." stands apart from the boxes above it (at least 1.5 mm), not against them."""
    gap = printed["print layout"]["reviewedGap"]
    assert gap >= 1.5 * 96 / 25.4, f"the reviewed date is {gap:.1f} px under the boxes"


def test_both_columns_of_the_printed_plan_start_level(printed: dict[Any, Any]) -> None:
    """In print, the right column's first heading is level with the left column's (within 1 px)."""
    left, right = printed["print layout"]["columnTops"]
    assert abs(left - right) <= 1, f"the plan's columns start at {left:.1f} and {right:.1f} px"


SAID_IN_WORDS = ("(on the day you heard)", "Your situation:")


@pytest.mark.parametrize("path", READ)
def test_the_printed_handout_says_the_day_and_the_situation_in_words(printed: dict[Any, Any], path: str) -> None:
    """No "(day 0)" / "(Tag 0)" / "(día 0)": the first day reads as the day you heard; the situation is "yours"."""
    raw = " ".join(printed[("raw", "public", path)].split())
    code = path.split("/")[0]
    words = ui_text(code) if code in TRANSLATED else {english: english for english in SAID_IN_WORDS}
    assert not re.search(r"\((?:day|Tag|día) 0\)", raw), raw[:200]
    assert words["(on the day you heard)"] in raw
    if "no-reply" in path:
        assert words["Your situation:"] in raw and "When:" not in raw and "Wann:" not in raw


def test_the_service_typed_by_an_adviser_prints_as_text(printed: dict[Any, Any]) -> None:
    """Details after the handout's # (from the link builder) print in the box, markup as text, on one page."""
    text = printed[("text", "public", "handout/#service")]
    assert "Careers <b>Hub</b>" in text and "Mon-Fri 9-5" in text
    assert printed[("pages", "public", "handout/#service", "A4")] == 1


@pytest.mark.parametrize("path", ["guides/first-48-hours/", "handout/"])
def test_print_is_light_in_the_dark_scheme(printed: dict[Any, Any], path: str) -> None:
    """A reader in dark mode prints black on white, background graphics on: no dark page margins."""
    assert printed[("dark scheme", path)] == "slate"
    assert printed[("dark corners", path)] == {b"\xff\xff\xff"}


def test_the_poster_prints_on_one_a4_page(printed: dict[Any, Any]) -> None:
    """/careers-centres/poster/ is one A4 page with the address in large type and what the site offers."""
    assert printed[("pages", "public", "careers-centres/poster/", "A4")] == 1
    text = printed[("text", "public", "careers-centres/poster/")]
    assert "A free plan for the days and weeks after a rejection" in text
    # The address in large type is the one the QR code opens; the service box fills the rest of the page.
    assert re.search(rf"^\s*{re.escape(printed['base'])}checklist/\s*$", text, re.MULTILINE), text
    for words in ("Your careers service", "Name:", "Email or phone:", "Opening hours:"):
        assert words in text


def test_printed_guide_leaves_out_the_site_chrome(printed: dict[Any, Any]) -> None:
    """In print, a guide shows its steps but not the header, navigation, search or footer."""
    assert printed["chrome shown"] == []
    assert printed["steps shown"]


def test_handout_carries_the_address_and_a_qr_code_to_the_checklist(site: Path, site_url: str) -> None:
    """The handout names the site's address and has a QR code (inline SVG, no service) for the checklist."""
    html = (site / "handout" / "index.html").read_text(encoding="utf-8")
    address = site_url
    assert f"{address}checklist/" in html
    assert re.search(rf'<svg role="img" aria-label="QR code for the checklist at {re.escape(address)}checklist/"', html)
