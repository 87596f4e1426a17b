"""The site in other languages: each published translation is a whole site under /<lang>/ at the English addresses.

One build of a temporary copy with complete fixture translations (German and Spanish, mostly the English
text, a few real words), in which the English of one step changed after it was translated.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SharedSite
from test_build import file_for, published
from translation_fixture import write_translation

from afterno.language_sites import LANGUAGE_VARIABLE, LOADED_VARIABLE, LanguageBuilds
from afterno.load import load_content
from afterno.yamlsafe import TextMark
from helpers import ROOT, VENV_BIN, build_env, build_site, copy_project, parse_page

BASE = "http://127.0.0.1:8765/"
LANGUAGES = {"de": "Deutsch", "es": "Español"}
#: The English step whose summary changes after translation, and the guide it lives in.
CHANGED_STEP = "feel-it"
NOTE_DE = "Diese Übersetzung beruht auf einer älteren Fassung der englischen Seite."


def change_english_summary(project: Path, step_id: str) -> None:
    path = project / "content" / "steps" / f"{step_id}.yml"
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(r"^summary: (.+)$", r"summary: \1 Take your time.", text, count=1, flags=re.MULTILINE)
    assert count == 1, "the step has no one-line summary to change"
    path.write_text(new, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("languages"))
    write_translation(project, LANGUAGES)
    change_english_summary(project, CHANGED_STEP)
    return project


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("languages-site")
    result = build_site(site, project=project, SITE_URL=BASE)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def home_guide_of(project: Path, step_id: str) -> str:
    return load_content(project / "content").home_guide(step_id).id


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_address_and_anchor_exists_in_each_language(site: Path, code: str) -> None:
    missing = []
    # robots.txt belongs to the host's root only (it lists every language's sitemap).
    for url in [url for url in published() if url != "/robots.txt"]:
        parts = urlsplit(url)
        target = file_for(site / code, parts.path)
        if not target.is_file():
            missing.append(f"/{code}{url}: no page")
        elif parts.fragment and parts.fragment not in parse_page(target).ids:
            missing.append(f"/{code}{url}: no id {parts.fragment!r}")
    assert not missing, "\n".join(missing)


def test_every_page_has_its_lang_and_all_alternates(site: Path) -> None:
    """<html lang> is the page's language; its language menu links to this page in every language (hreflang);
    its language's sitemap names every version of it and x-default (the English page)."""
    problems = []
    for code in ("en", *LANGUAGES):
        root = site if code == "en" else site / code
        own = BASE if code == "en" else f"{BASE}{code}/"
        sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
        for path in sorted(root.rglob("index.html")):
            if code == "en" and path.relative_to(site).parts[0] in LANGUAGES:
                continue
            text = path.read_text(encoding="utf-8")
            rest = path.relative_to(root).parent.as_posix()
            rest = "" if rest == "." else rest + "/"
            if f'<html lang="{code}"' not in text:
                problems.append(f"{path}: lang is not {code}")
            versions = {("en", BASE + rest)} | {(c, f"{BASE}{c}/{rest}") for c in LANGUAGES}
            menu = set((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', text))
            if not versions <= menu:
                problems.append(f"{path}: menu links {sorted(menu)}")
            entry = re.search(rf"<loc>{re.escape(own + rest)}</loc>(.*?)</url>", sitemap, re.DOTALL)
            found = set(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry.group(1) if entry else ""))
            if found != versions | {("x-default", BASE + rest)}:
                problems.append(f"{path}: sitemap alternates {sorted(found)}")
    assert not problems, "\n".join(problems[:20])


def test_language_menu_links_to_the_same_page(site: Path) -> None:
    text = (site / "de" / "checklist" / "index.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link"', text))
    assert {lang: href for href, lang in links.items()} == {
        "en": f"{BASE}checklist/",
        "de": f"{BASE}de/checklist/",
        "es": f"{BASE}es/checklist/",
    }


@pytest.mark.parametrize(("code", "placeholder", "word"), [("de", "Suche", "Checkliste"), ("es", "Búsqueda", None)])
def test_theme_interface_and_search_are_in_the_page_language(
    site: Path, code: str, placeholder: str, word: str | None
) -> None:
    """Material's own text (the search box) is in the page's language, and so is its search index."""
    text = (site / code / "index.html").read_text(encoding="utf-8")
    assert f'placeholder="{placeholder}"' in text
    if word:
        assert word in text, "the navigation's titles come from ui.yml"
    index = (site / code / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f'"lang":["{code}"]' in index


def test_search_index_holds_the_translated_step(site: Path) -> None:
    docs = json.loads((site / "de" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any("Gefühle zulassen und durchatmen" in doc["title"] for doc in docs)
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not any("Gefühle" in doc["title"] for doc in english), "the English search stays English"


def test_outdated_translation_builds_with_a_notice_in_its_language(site: Path, project: Path) -> None:
    guide = home_guide_of(project, CHANGED_STEP)
    text = (site / "de" / "guides" / guide / "index.html").read_text(encoding="utf-8")
    assert NOTE_DE in text
    # The link's words are German (the page it opens is English: hreflang), so a screen reader reads them in German.
    assert f'<a href="{BASE}guides/{guide}/" hreflang="en">Zur aktuellen englischen Seite</a>' in text
    # An up-to-date page has no notice; the English never has one.
    assert "atn-outdated" not in (site / "de" / "sources" / "index.html").read_text(encoding="utf-8")
    assert "atn-outdated" not in (site / "guides" / guide / "index.html").read_text(encoding="utf-8")


def test_checker_lists_the_changed_field_as_outdated(project: Path) -> None:
    result = subprocess.run(
        [str(VENV_BIN / "afterno"), "--content", str(project / "content"), "translations", "de"],
        capture_output=True,
        text=True,
        env=build_env(),
        check=False,
    )
    line = next(line for line in result.stdout.splitlines() if f"step {CHANGED_STEP}" in line)
    assert line.startswith("outdated") and "summary" in line, line


def test_one_headers_file_allows_every_language_page_script(site: Path) -> None:
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert not (site / "de" / "_headers").exists()
    for path in [site / "de" / "checklist" / "index.html", site / "es" / "templates" / "index.html"]:
        meta = re.search(r"script-src ([^;\"]+)", path.read_text(encoding="utf-8"))
        assert meta
        for digest in re.findall(r"'sha256-[^']+'", meta.group(1)):
            assert digest in headers, f"{path}: {digest} not in _headers"


def test_sitemap_and_robots_list_every_language(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<xhtml:link rel="alternate" hreflang="de" href="{BASE}de/checklist/"/>' in sitemap
    assert (site / "de" / "sitemap.xml").read_text(encoding="utf-8").count(f"<loc>{BASE}de/") > 10
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert all(f"Sitemap: {BASE}{code}/sitemap.xml" in robots for code in LANGUAGES)
    assert not (site / "de" / "robots.txt").exists()


def test_published_languages_are_in_the_shared_build(shared_site: SharedSite) -> None:
    """With Spanish and German published (content/translations/languages.yml), the build of this branch has
    /es/ and /de/ and every page has the language menu."""
    site = shared_site.build()
    text = (site / "checklist" / "index.html").read_text(encoding="utf-8")
    assert "md-select__link" in text and 'hreflang="de"' in text and 'hreflang="es"' in text
    assert (site / "de" / "checklist" / "index.html").exists() and (site / "es" / "checklist" / "index.html").exists()


def test_a_failed_language_build_is_named_and_leaves_nothing(tmp_path: Path) -> None:
    """A language build that fails is named, and its scratch folder beside the site is removed."""
    (tmp_path / "empty").mkdir()
    builds = LanguageBuilds(tmp_path / "empty" / "mkdocs.yml", tmp_path / "site", BASE, ["de", "es"], True, b"")
    with pytest.raises(RuntimeError, match=r"the build of de, es failed"):
        builds.finish(tmp_path / "site")
    assert [path.name for path in tmp_path.iterdir()] == ["empty"]


def test_language_builds_stopped_by_a_failed_english_build_leave_nothing(project: Path, tmp_path: Path) -> None:
    """When the English build fails after starting the language builds, they end and their files go."""
    builds = LanguageBuilds(project / "mkdocs.yml", tmp_path / "site", BASE, ["de"], True, b"")
    builds.stop()
    assert list(tmp_path.iterdir()) == []


def test_a_language_build_reads_the_project_the_english_build_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A language build starts from the English build's loaded project (pickled, marks and all), not from
    content/: the files are read and checked once per build, and every language is built from the same content."""
    from test_preview import _site_hooks

    from afterno.translation_load import load_translations

    content = load_content(ROOT / "content")
    loaded = (content, None, load_translations(ROOT, content))
    snapshot = tmp_path / "loaded.pickle"
    snapshot.write_bytes(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    hooks = _site_hooks()
    monkeypatch.setenv(LOADED_VARIABLE, str(snapshot))
    monkeypatch.setenv(LANGUAGE_VARIABLE, "de")
    # A project folder with no content/ at all: the language build must not need it.
    got, centre, translations, problems = hooks._load_project(tmp_path / "no-project")
    assert problems == [] and centre is None
    assert [step.id for step in got.steps] == [step.id for step in content.steps]
    assert sorted(translations.by_language) == sorted(loaded[2].by_language)
    german = translations.by_language["de"].items
    assert german == loaded[2].by_language["de"].items


def test_a_multi_line_text_mark_pickles_with_its_spans() -> None:
    """The marks kept with translated texts (where each line of a multi-line text stands) survive the hand-over."""
    mark = TextMark(3, 5, ((0, 3, 5, 20), (21, 4, 3, 12)))
    copy = pickle.loads(pickle.dumps(mark))
    assert copy == mark and copy.spans == mark.spans and copy.at(22) == mark.at(22)
