"""A careers centre's edition from one file (centre.yml), docs pages without code, and trust on every page."""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
import yaml

from afterno.centre import load_centre, read_centre
from afterno.docs_pages import docs_pages
from afterno.errors import ContentError
from afterno.language_sites import LanguageVersion
from afterno.load import load_content
from afterno.model import CENTRE, SOURCE, schema_line
from afterno.publish import site_url_problem
from afterno.render import Renderer
from afterno.schema import kind_schema
from helpers import CENTRE_FIXTURE as FIXTURE
from helpers import CENTRE_SITE_URL as SITE_URL
from helpers import (
    ROOT,
    TRANSLATED,
    VENV_BIN,
    build_env,
    build_site,
    copy_project,
    english_leftovers,
    parse_page,
    ui_text,
)

REPO = "https://github.com/example/after-the-no"
#: Each language's site inside the built site ('' for English), and its test id.
LANGUAGE_PATHS = ["", *(f"{code}/" for code in TRANSLATED)]
LANGUAGE_IDS = ["en", *TRANSLATED]
CONTENT_SITUATIONS = load_content(ROOT / "content").situations
NAME = "Careers Service, University of Example"
BOOKING = "https://careers.example.edu/book-an-adviser"


def html_of(site: Path, path: str) -> str:
    """A built page's HTML."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def nav_links(site: Path) -> list[str]:
    """The pages in the primary navigation, in order, as paths from the site root (read from /checklist/)."""
    html = html_of(site, "checklist/")
    nav = html[html.index("md-nav--primary") :]
    nav = nav[: nav.index("md-sidebar--secondary")]
    links: list[str] = []
    for href in re.findall(r'href="([^"]+)"[^>]*class="md-nav__link', nav):
        if href.startswith("#"):
            continue
        path = "checklist/" if href == "./" else unescape(href).removeprefix("../")
        path = "" if path == ".." else path
        if path not in links:
            links.append(path)
    return links


@pytest.mark.parametrize(
    "path", ["", "checklist/", "handout/", "handout/after-final-round/"], ids=["home", "checklist", "handout", "one"]
)
def test_the_centre_name_and_booking_link_are_on_its_pages(centre_site: Path, path: str) -> None:
    """With centre.yml, the home page, the checklist and the handouts show the centre's name and booking link."""
    html = html_of(centre_site, path)
    assert "Your careers service" in html
    assert NAME in html
    assert BOOKING in html


def test_the_adviser_item_links_to_the_booking_page(centre_site: Path) -> None:
    """The checklist item that suggests a careers adviser links to the centre's booking_url."""
    html = html_of(centre_site, "checklist/")
    item = html[html.index('id="talk-to-someone"') :]
    item = item[: item.index("</li>")]
    assert f'class="atn-item__book" href="{BOOKING}"' in item


def test_without_a_centre_nothing_is_invented(site: Path) -> None:
    """The public edition has no centre box; the handout's contact box has labelled blank lines instead."""
    assert "Your careers service" not in html_of(site, "")
    assert "atn-item__book" not in html_of(site, "checklist/")
    handout = html_of(site, "handout/")
    for label, field in (("Name:", "service"), ("Email or phone:", "contact"), ("Opening hours:", "hours")):
        line = f'<span>{label}</span> <span class="atn-write__fill" data-atn-service-field="{field}"></span>'
        assert line in handout
    assert not (site / "your-careers-service").exists()


LOCAL_COPY = "This copy was built for this computer only: its QR codes point to"


@pytest.mark.parametrize("path", ["careers-centres/", "handout/", "handout/no-reply/", "careers-centres/poster/"])
def test_a_local_copy_warns_that_its_codes_fail_on_a_phone(site: Path, site_url: str, path: str) -> None:
    """Built for this computer (a loopback SITE_URL, as --local-preview allows), the careers pages and handouts
    say that their QR codes point here and will not work on a phone, with the address, on screen only."""
    html = html_of(site, path)
    assert f'<p class="atn-local-copy" role="note"><strong>{LOCAL_COPY} {site_url} and will not work' in html


#: Words that address the reader (Sie/du, usted/tú, an imperative) or the old ungrammatical German ending: the
#: warning is for whoever built the copy, on a page a student may see, so it addresses no one.
ADDRESSING = {
    "de": r"\b(?:Sie|Ihre[mnrs]?|du|dein\w*)\b|gesetzt\.",
    "es": r"\b(?:usted|tú|Créala|Constrúyela|Crea)\b",
}


@pytest.mark.parametrize("code", ADDRESSING)
def test_a_translated_local_copy_warning_addresses_no_one(site: Path, site_url: str, code: str) -> None:
    """The German and Spanish warning keep the address and use neither Sie nor du (usted, tú): a student sees it."""
    html = html_of(site, f"{code}/handout/")
    warning = re.search(r'<p class="atn-local-copy" role="note"><strong>(.*?)</strong></p>', html, re.S)
    assert warning, f"no local-copy warning on /{code}/handout/"
    text = unescape(re.sub(r"<[^>]+>", "", warning.group(1)))
    assert site_url.rstrip("/") in text, text
    assert not re.findall(ADDRESSING[code], text), text


@pytest.mark.parametrize("path", ["careers-centres/", "handout/", "careers-centres/poster/"])
def test_a_published_build_has_no_local_copy_warning(centre_site: Path, path: str) -> None:
    """A build for a public address (the centre's edition) never shows the local-copy warning."""
    assert LOCAL_COPY not in html_of(centre_site, path)
    assert "atn-local-copy" not in html_of(centre_site, path)


def test_the_local_copy_warning_is_left_out_of_print() -> None:
    """The warning is for the adviser's screen: the print rules hide it."""
    css = (ROOT / "docs" / "assets" / "centre.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print{") :]
    assert ".atn-local-copy{display:none}" in printed


def test_addresses_wrap_only_after_a_slash(site: Path, site_url: str) -> None:
    """On /careers-centres/ and the handout, an address is unbreakable parts with a <wbr> after each slash."""
    links = html_of(site, "careers-centres/")
    parts = f'<span class="atn-url">{site_url}</span><wbr><span class="atn-url">checklist/</span>'
    assert f"<code>{parts}</code>" in links
    assert f'<span class="atn-handout__url"><span class="atn-url">{site_url}</span></span>' in html_of(site, "handout/")


def test_careers_centres_page_lists_steps_and_explains_lasting_links(site: Path, site_url: str) -> None:
    """The table of lasting links has /steps/; the page says renamed advice keeps its old link and how to get a
    step's own link; each guide heading has a permalink to copy."""
    links = html_of(site, "careers-centres/")
    assert '<span class="atn-url">steps/</span>' in links
    assert "its old link keeps working" in links and "link symbol (¶)" in links
    guide = html_of(site, "guides/first-48-hours/")
    assert '<a class="headerlink" href="#feel-it" title="Link to this section">' in guide


def test_the_link_builder_offers_the_service_box_fields(site: Path) -> None:
    """The link builder has labelled fields for the service's name, contact and hours, and a handout link."""
    links = html_of(site, "careers-centres/")
    for field in ("service", "contact", "hours"):
        assert f'data-atn-service-input="{field}"' in links
    assert "data-atn-handout-link" in links and "never sent to a server" in links


#: The footer's note naming the centre's edition (the name inside it marked with its language on other pages).
EDITION_NOTE = re.compile(r'<span class="atn-edition">((?:[^<]|<span lang="[^"]+">[^<]*</span>)*)</span>')


def edition_note(page: Path) -> str:
    """The text of a page's edition note, or "" when it has none."""
    found = EDITION_NOTE.search(page.read_text("utf-8"))
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))) if found else ""


def test_the_centre_name_is_in_every_footer(centre_site: Path) -> None:
    """Every page's footer names the centre's edition, in the page's language."""
    pages = sorted(centre_site.rglob("index.html"))
    assert len(pages) > 20
    notes = {p.relative_to(centre_site).as_posix(): edition_note(p) for p in pages}
    assert [page for page, note in notes.items() if NAME not in note] == []
    assert notes["about/index.html"] == f"{NAME}'s edition of After the No."
    assert notes["es/about/index.html"] == f"Esta edición de After the No es de {NAME}."
    assert notes["de/about/index.html"] == f"Diese Ausgabe von After the No kommt von {NAME}."


def test_resources_have_a_page_in_the_navigation(centre_site: Path) -> None:
    """The centre's resources are listed on 'Your careers service', which is in the navigation."""
    html = html_of(centre_site, "your-careers-service/")
    for title, url in (
        ("CV and cover letter reviews", "https://careers.example.edu/cv-reviews"),
        ("Mock interviews", "https://careers.example.edu/mock-interviews"),
    ):
        assert f'<a href="{url}" data-atn-target="{url}">{title}</a>' in html
    assert "your-careers-service/" in nav_links(centre_site)


def test_pages_added_under_docs_join_the_navigation_in_order(centre_site: Path) -> None:
    """Markdown pages added under docs/ build and follow the readers' pages, ordered by nav_order; the
    contributors' page comes last."""
    links = nav_links(centre_site)
    order = [links.index(path) for path in ("handout/", "careers-centres/", "drop-in-times/", "about/")]
    assert order == sorted(order), links
    # No nav_order: after every page that has one, before the contributors' page.
    assert links.index("local/printing/") == len(links) - 2
    assert links.index("contributing/") == len(links) - 1
    assert "Drop-ins run on Wednesday afternoons" in html_of(centre_site, "drop-in-times/")


def test_a_bad_nav_order_is_located(tmp_path: Path) -> None:
    """A nav_order that is not a whole number stops the build at its file and line, saying what to write."""
    (tmp_path / "bad-order.md").write_text("---\ntitle: X\nnav_order: soon\n---\n# X\n", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        docs_pages(tmp_path, skip=set())
    assert str(raised.value) == "docs/bad-order.md:3:1: 'nav_order' must be a whole number, such as nav_order: 30."


def test_every_page_can_report_a_problem_to_the_repository(centre_site: Path) -> None:
    """With REPO_URL set, "Report a problem with this page" opens the new-issue form with the page's address."""
    html = html_of(centre_site, "guides/keep-going/")
    link = re.search(r'<a href="([^"]+)">Report a problem with this page</a>', html)
    assert link is not None
    url = unescape(link.group(1))
    assert url.startswith(f"{REPO}/issues/new?title=")
    assert f"Page: {SITE_URL}guides/keep-going/" in unquote(url)


def test_without_a_repository_problems_are_reported_through_about(site: Path) -> None:
    """Without REPO_URL or repo_url, every page's report link leads to /about/#report-a-problem."""
    for path, expected in (("", "about/#report-a-problem"), ("guides/keep-going/", "../../about/#report-a-problem")):
        assert f'<a href="{expected}">Report a problem with this page</a>' in html_of(site, path)
    about = html_of(site, "about/")
    assert 'id="report-a-problem"' in about and 'id="maintainers"' in about
    assert "maintained by the After the No project" in about


def test_guides_and_handouts_say_when_they_were_last_reviewed(site: Path) -> None:
    """Each guide shows its own reviewed date; the handouts show the newest one."""
    newest = max(
        yaml.safe_load(path.read_text(encoding="utf-8"))["reviewed"]
        for path in (ROOT / "content" / "guides").glob("*.yml")
    )
    assert '<p class="atn-reviewed">Last reviewed <time datetime="' in html_of(site, "guides/first-48-hours/")
    day = int(newest[8:])
    assert re.search(rf"Last reviewed {day} [A-Z][a-z]+ {newest[:4]}\.", html_of(site, "handout/no-reply/"))


def test_sources_are_cited_by_full_title_and_plain_address(site: Path) -> None:
    """The sources page shows full titles and addresses with plain hyphens; the model has no file: key."""
    html = html_of(site, "sources/")
    assert "How to Leverage Job Rejection in Your Favor" in html
    assert "https://bayt.com/en/blog/29313/4-ways-to-turn-job-rejection-to-your-advantage" in html
    assert "…" not in html and "%2D" not in html
    assert "file" not in {spec.name for spec in SOURCE.fields}
    for path in (ROOT / "content" / "sources").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "%2D" not in text and "…" not in text and not re.search(r"^file:", text, re.MULTILINE), path


def test_the_sample_centre_file_loads_and_matches_its_schema() -> None:
    """The fixture passes the checker and the JSON Schema generated from the same model."""
    centre = load_centre(FIXTURE.parent)
    assert centre is not None and centre.name == NAME and centre.resources is not None
    assert [resource.title for resource in centre.resources] == ["CV and cover letter reviews", "Mock interviews"]
    assert centre.phone_href == "tel:+442079460000"
    jsonschema.validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")), kind_schema(CENTRE))
    committed = json.loads((ROOT / "content" / "schema" / "centre.schema.json").read_text(encoding="utf-8"))
    assert committed == kind_schema(CENTRE)
    assert FIXTURE.read_text(encoding="utf-8").startswith(schema_line(CENTRE) + "\n")


def test_no_centre_file_is_the_public_edition(tmp_path: Path) -> None:
    """Without centre.yml there is no centre and nothing to report."""
    assert read_centre(tmp_path) == (None, [])


HEAD = schema_line(CENTRE) + "\n"
BROKEN_CENTRES = [
    (
        "no-name",
        "url: https://careers.example.edu/\n",
        "centre.yml:2:1: a careers centre file is missing the key 'name' (one line of text). "
        "Add it: name: Careers Service, University of Example",
    ),
    (
        "misspelt-key",
        "name: A\nbookingurl: https://x.example/\n",
        "centre.yml:3:1: unknown key 'bookingurl' in a careers centre file. Did you mean 'booking_url'?",
    ),
    (
        "bad-email",
        "name: A\nemail: careers at example.edu\n",
        "centre.yml:3:8: 'email' must be an email address like careers@example.edu, "
        'found the string "careers at example.edu".',
    ),
    (
        "bad-url",
        "name: A\nbooking_url: careers.example.edu/book\n",
        "centre.yml:3:14: 'booking_url' must be a full https:// address or null, "
        'found the string "careers.example.edu/book".',
    ),
    (
        "address-on-one-line",
        "name: A\naddress: 1 College Road\n",
        "centre.yml:3:10: 'address' must be a list of text lines, found the string \"1 College Road\". "
        "Write each line as its own item starting with '- '.",
    ),
    (
        "long-name",
        "name: " + "A" * 81 + "\n",
        "centre.yml:2:7: 'name' is 81 characters long; it must be at most 80. Shorten it.",
    ),
    (
        "resource-without-url",
        "name: A\nresources:\n  - title: CV reviews\n    description: Comments on your CV.\n",
        "centre.yml:4:5: each entry of 'resources' is missing the key 'url' (an https:// address). "
        "Add it: url: https://careers.example.edu/cv-reviews",
    ),
    (
        "html-in-hours",
        "name: A\nopening_hours: <b>9 to 5</b>\n",
        "centre.yml:3:16: 'opening_hours' contains raw HTML ('<b>9 to 5</b'); HTML is not allowed in content. "
        "Write plain text (use **bold** for emphasis, or write 'less than' instead of '<').",
    ),
    (
        "not-a-mapping",
        "- name: A\n",
        "centre.yml:2:1: a careers centre file must be a mapping with the keys name, "
        "url, email, phone, booking_url, address, opening_hours, resources, language; found a list.",
    ),
    (
        "language-as-a-name",
        "name: A\nlanguage: English\n",
        "centre.yml:3:11: 'language' must be a language tag such as en, es or pt-BR (BCP 47), found the string "
        '"English". Write the short code of the language you wrote the file in, or null for English.',
    ),
    (
        "language-with-an-underscore",
        "name: A\nlanguage: en_GB\n",
        "centre.yml:3:11: 'language' must be a language tag such as en, es or pt-BR (BCP 47), found the string "
        '"en_GB". Write the short code of the language you wrote the file in, or null for English.',
    ),
    ("bad-yaml", "name: [A\n", None),
]


@pytest.mark.parametrize(
    ("body", "message"), [(b, m) for _, b, m in BROKEN_CENTRES], ids=[c[0] for c in BROKEN_CENTRES]
)
def test_a_broken_centre_file_gives_located_errors(tmp_path: Path, body: str, message: str | None) -> None:
    """Each mistake in centre.yml is one file:line:column message saying what to write instead."""
    (tmp_path / "centre.yml").write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_centre(tmp_path)
    found = [str(problem) for problem in raised.value.problems]
    if message is None:
        assert len(found) == 1 and found[0].startswith("centre.yml:"), found
    else:
        assert found == [message]


def test_a_centre_file_without_its_schema_line_says_so(tmp_path: Path) -> None:
    """The first line must point editors at the centre's JSON Schema."""
    (tmp_path / "centre.yml").write_text("name: A\n", encoding="utf-8")
    centre, problems = read_centre(tmp_path)
    assert centre is None
    assert [str(p) for p in problems] == [
        f"centre.yml:1:1: the first line must be '{schema_line(CENTRE)}' so editors can check the file. Add it."
    ]


def test_afterno_check_reports_centre_problems(tmp_path: Path) -> None:
    """`afterno check` checks centre.yml with the content and exits 1 on its mistakes."""
    project = copy_project(tmp_path / "project")
    (project / "centre.yml").write_text(HEAD + "name: A\nphone: 12\n", encoding="utf-8")
    result = subprocess.run(
        [str(VENV_BIN / "afterno"), "check"], cwd=project, env=build_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "centre.yml:3:8: 'phone' must be one line of text, found the number 12." in result.stderr


def test_a_broken_centre_file_stops_the_build(tmp_path: Path) -> None:
    """A mistake in centre.yml fails the build with its located message and no traceback."""
    project = copy_project(tmp_path / "project")
    (project / "centre.yml").write_text(HEAD + "name: A\nemail: nobody\n", encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert "centre.yml:3:8: 'email' must be an email address" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", LANGUAGE_PATHS, ids=LANGUAGE_IDS)
def test_qr_downloads_are_linked_and_decode(site: Path, site_url: str, lang: str) -> None:
    """Each QR code on /careers-centres/ (in each language) links an SVG and a PNG file; each PNG scans to the
    code's address, which is that language's checklist."""
    html = html_of(site, f"{lang}careers-centres/")
    items = re.findall(r'<li data-atn-qr="([^"]+)">.*?</li>', html, re.DOTALL)
    assert len(items) == 10
    for stem in ("checklist", "checklist-no-reply"):
        assert f'href="qr/{stem}.svg" download' in html and f'href="qr/{stem}.png" download' in html
        svg = (site / lang / "careers-centres" / "qr" / f"{stem}.svg").read_text(encoding="utf-8")
        assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    pngs = sorted((site / lang / "careers-centres" / "qr").glob("*.png"))
    assert len(pngs) == len(items)
    assert pngs[0].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    decoded = subprocess.run(
        ["/usr/bin/zbarimg", "--quiet", "--raw", *map(str, pngs)], capture_output=True, text=True, timeout=60
    )
    # checklist.png opens the whole checklist; checklist-no-reply.png the checklist for that situation.
    situations = [png.stem.removeprefix("checklist").removeprefix("-") for png in pngs]
    expected = [f"{site_url}{lang}checklist/" + (f"?situation={s}" if s else "") for s in situations]
    assert decoded.stdout.split() == expected


@pytest.mark.parametrize("lang", LANGUAGE_PATHS, ids=LANGUAGE_IDS)
def test_careers_centres_list_every_language_version(site: Path, lang: str) -> None:
    """/careers-centres/, in each language, lists every language's careers-centre page and handout, each named
    in its own language; the links lead to those pages, and the page's own language is marked current."""
    page = site / lang / "careers-centres" / "index.html"
    listed = re.search(r'<ul class="atn-language-versions">(.*?)</ul>', page.read_text(encoding="utf-8"), re.DOTALL)
    assert listed is not None, f"/{lang}careers-centres/ has no list of its language versions"
    items = re.findall(
        r'<li lang="([a-z]+)"><a href="([^"]+)" hreflang="\1"( aria-current="page")?>([^<]+)</a>[^<]* · '
        r'<a href="([^"]+)" hreflang="\1">([^<]+)</a></li>',
        listed.group(1),
    )
    names = {"en": "English", **TRANSLATED}
    assert [item[0] for item in items] == list(names)
    for code, careers, current, name, handout, handout_name in items:
        folder = site / ("" if code == "en" else f"{code}/")
        assert name == names[code]
        assert handout_name == (ui_text(code)["Printable handout"] if code != "en" else "Printable handout")
        assert (page.parent / careers / "index.html").resolve() == (folder / "careers-centres" / "index.html")
        assert (page.parent / handout / "index.html").resolve() == (folder / "handout" / "index.html")
        assert (folder / "handout" / "index.html").is_file()
        assert bool(current) == (folder == site / lang)


@pytest.mark.parametrize("code", TRANSLATED)
def test_translated_careers_centres_page_links_to_its_own_language(site: Path, site_url: str, code: str) -> None:
    """/es/careers-centres/ and /de/careers-centres/: every address in the table, every link the builder makes
    and every QR code lead to that language's pages, and no English interface text is left."""
    html = html_of(site, f"{code}/careers-centres/")
    root = f"{site_url}{code}/"
    # Each address is unbreakable parts with a <wbr> after each slash (render.url_breaks).
    addresses = [re.sub(r"<[^>]+>", "", code) for code in re.findall(r"<code>(<span.*?)</code>", html)]
    options = re.findall(r'<option value="([^"]+)"', html)
    codes = re.findall(r'data-atn-qr="([^"]+)"', html)
    assert len(addresses) > 10 and len(options) == len(codes) == 10
    assert [a for a in addresses + options + codes if not a.startswith(root)] == []
    assert options == codes and options[1:] == [f"{root}checklist/?situation={s.id}" for s in CONTENT_SITUATIONS]
    article = html[html.index("<article") : html.index("</article>")]
    # The list of language versions names the others in their own words (English among them).
    article = re.sub(r'<ul class="atn-language-versions">.*?</ul>', "", article, flags=re.DOTALL)
    labels = " ".join(re.findall(r'aria-label="([^"]+)"', article))
    assert english_leftovers(unescape(re.sub(r"<[^>]+>", " ", article)) + " " + unescape(labels), code) == []


def test_without_translations_there_is_no_language_list() -> None:
    """A site with no published translation (one language version) says nothing about other languages."""
    content = load_content(ROOT / "content")
    marker = "<!-- afterno:centre-languages -->"
    assert Renderer(content).fill_markers(marker, "careers-centres.md").strip() == ""
    english = LanguageVersion("en", "English", "/", "Printable handout")
    german = LanguageVersion("de", "Deutsch", "/de/", "Handzettel zum Drucken")
    both = Renderer(content, languages=[english, german]).fill_markers(marker, "careers-centres.md")
    assert '<a href="../de/handout/" hreflang="de">Handzettel zum Drucken</a>' in both


def test_careers_centres_list_a_handout_per_situation(site: Path) -> None:
    """/careers-centres/ links each situation's handout and the poster; no handout says '(Not if'."""
    html = html_of(site, "careers-centres/")
    situations = sorted(p.stem for p in (ROOT / "content" / "situations").glob("*.yml"))
    for situation in situations:
        assert f'href="../handout/{situation}/"' in html
        assert "Not if" not in html_of(site, f"handout/{situation}/")
    assert "Not if" not in html_of(site, "handout/")
    assert 'href="poster/"' in html


def test_print_lists_their_link_targets(site: Path, site_url: str) -> None:
    """A link to another page carries its full address for print (shown after the link by the print styles); a
    link within the page carries none (print shows nothing after it)."""
    page = parse_page(site / "guides" / "keep-going" / "index.html")
    targets = {
        values.get("href"): values.get("data-atn-target")
        for tag, values in page.tags
        if tag == "a" and "data-atn-target" in values
    }
    assert f"{site_url}templates/#reconnect-message" in targets.values()
    assert targets["#stay-motivated"] == ""
    assert not [t for t in targets.values() if t and not t.startswith(site_url)], targets


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "SITE_URL is not set: "),
        ("", "SITE_URL is not set: "),
        ("http://127.0.0.1:8000/", "SITE_URL is http://127.0.0.1:8000/, an address on this computer only: "),
        ("http://localhost:8000/", "SITE_URL is http://localhost:8000/, an address on this computer only: "),
        ("http://[::1]/", "SITE_URL is http://[::1]/, an address on this computer only: "),
        ("http://0.0.0.0:8000/", "SITE_URL is http://0.0.0.0:8000/, an address on this computer only: "),
        ("careers.example.edu", "SITE_URL is 'careers.example.edu', which is not a web address: "),
        (SITE_URL, None),
    ],
)
def test_publishing_needs_a_public_site_url(value: str | None, message: str | None) -> None:
    """A missing, loopback or malformed SITE_URL is refused with what to set; a public address is fine."""
    problem = site_url_problem(value)
    if message is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith(message)
        assert problem.endswith(
            f"e.g. SITE_URL={SITE_URL} make build "
            "(or, for a copy to open on this computer only, make build LOCAL_PREVIEW=1)."
        )


def test_make_build_without_site_url_fails_with_its_message(tmp_path: Path) -> None:
    """`make build` without SITE_URL stops before building, with one line saying what to set."""
    env = build_env(SITE_URL="")
    del env["SITE_URL"]
    result = subprocess.run(["make", "-s", "build"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert lines == [
        f"SITE_URL is not set: set it to the address readers will use, e.g. SITE_URL={SITE_URL} make build "
        "(or, for a copy to open on this computer only, make build LOCAL_PREVIEW=1)."
    ]


def test_a_local_preview_build_is_allowed_on_request(tmp_path: Path) -> None:
    """`afterno build --local-preview` builds without SITE_URL (the default loopback address)."""
    project = copy_project(tmp_path / "project")
    env = build_env(SITE_URL="")
    del env["SITE_URL"]
    result = subprocess.run(
        [str(VENV_BIN / "afterno"), "build", "--local-preview"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "http://127.0.0.1:8000/checklist/" in (project / "site" / "handout" / "index.html").read_text("utf-8")
