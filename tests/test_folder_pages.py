"""A careers centre's own page in a folder of docs/ (docs/local/printing.md) is translated like a top-level one:
its id names the folder (local/printing), and its translation file sits in the same folder under pages/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from afterno import cli
from afterno.load import load_content
from afterno.localize import outdated_pages, page_items, write_translated_docs
from afterno.translation_load import load_translations
from afterno.translation_model import KIND_BY_NAME, schema_line
from helpers import CENTRE_FIXTURE, CENTRE_SITE_URL, ROOT, build_site, copy_project

PAGE = """---
title: Printing your CV
nav_order: 40
---

# Printing your CV

The library desk prints CVs for free. Read [who we are](../about.md) first.
"""
#: The translation a centre writes after reading the to-do list: its first line copied from the README's example
#: (a page at the top of docs/), so one folder too shallow.
SPANISH = """# yaml-language-server: $schema=../../../schema/translation-page.schema.json
id: local/printing
title: Imprimir tu CV
body: |-
  # Imprimir tu CV

  En el mostrador de la biblioteca imprimen tu CV gratis. Lee antes [quiénes somos](../about.md).
"""
SPANISH_FILE = "content/translations/es/pages/local/printing.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """content/, docs/ and overrides/ (Spanish and German published), with the centre's page docs/local/printing.md."""
    for name in ("content", "docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "docs" / "local").mkdir()
    (tmp_path / "docs" / "local" / "printing.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["--content", str(project / "content"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_translations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Spanish translation (with its schema line fixed) and the same words for German, both stamped."""
    for code in ("es", "de"):
        path = project / SPANISH_FILE.replace("/es/", f"/{code}/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SPANISH.replace("../../../schema", "../../../../schema"), encoding="utf-8")
        done, out, err = run(project, "translations", code, "--stamp", str(path), capsys=capsys)
        assert done == 0 and "1 item now matches" in out, out + err


def test_a_page_in_a_folder_is_missing_until_translated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The check stops on a folder's page as on a top-level one, and the to-do list names its translation file;
    a Markdown file in docs/assets/ is not a page to translate."""
    (project / "docs" / "assets" / "notes.md").write_text("# Notes\n\nNot a page.\n", encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    for code_, name in (("es", "Español"), ("de", "Deutsch")):
        assert f"{code_}: the page 'local/printing' has no {name} translation yet." in err, err
    assert "assets/notes" not in err
    _, out, _ = run(project, "translations", "es", capsys=capsys)
    assert f"missing   page local/printing  (write {SPANISH_FILE})" in out.splitlines(), out
    assert out.splitlines()[-1] == "1 to do in es."


def test_a_folder_page_translation_is_checked_stamped_and_outdated(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The translation file's first line reaches the schema from its folder, its id is the page's path; once
    stamped the check passes, and a change to the English page marks it outdated."""
    path = project / SPANISH_FILE
    path.parent.mkdir(parents=True)
    path.write_text(SPANISH.replace("id: local/printing", "id: printing"), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    line = "# yaml-language-server: $schema=../../../../schema/translation-page.schema.json"
    assert line == schema_line(KIND_BY_NAME["page"], "local/printing")
    assert f"{SPANISH_FILE}:1:1: the first line must be '{line}' so editors can check the file." in err, err
    assert (
        f"{SPANISH_FILE}:2:5: the id 'printing' does not match the file name; set id: local/printing, or move the "
        "file to pages/printing.yml if it translates docs/printing.md."
    ) in err, err
    write_translations(project, capsys)
    code, out, err = run(project, "check", capsys=capsys)
    assert code == 0, err
    assert "es (Español, published): " in out and ", 0 missing, 0 outdated, 0 orphaned" in out
    english = project / "docs" / "local" / "printing.md"
    english.write_text(PAGE + "\nBring your student card.\n", encoding="utf-8")
    _, out, _ = run(project, "translations", "es", capsys=capsys)
    assert f"outdated  page local/printing: body  ({SPANISH_FILE})" in out.splitlines(), out


def test_a_folder_page_translation_at_the_top_of_pages_says_where_it_goes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation of local/printing written as pages/printing.yml is told to move into pages/local/."""
    path = project / "content/translations/es/pages/printing.yml"
    path.write_text(SPANISH, encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert (
        "content/translations/es/pages/printing.yml:2:5: the id 'local/printing' does not match the file name; set "
        "id: printing, or move the file to pages/local/printing.yml if it translates docs/local/printing.md."
    ) in err, err


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "(../about.md)",
            "(about.md)",
            "'body' links to 'about.md', but the site has no page local/about.md. The pages there are: printing.md.",
        ),
        (
            "(../about.md)",
            "(#printing-your-cv)",
            "'body' links to '#printing-your-cv', but this page has no anchor 'printing-your-cv'. "
            "Its anchors are: imprimir-tu-cv.",
        ),
    ],
    ids=["a link read from the page's own folder", "the English heading's anchor, not the translated heading's"],
)
def test_a_folder_page_translation_links_are_read_from_its_folder(
    project: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    """A link in the translated body is checked as the English page's would be: from docs/local/, and against the
    translated page's own headings."""
    write_translations(project, capsys)
    path = project / SPANISH_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert err.splitlines()[0].startswith(f"{SPANISH_FILE}:8:") and err.splitlines()[0].endswith(message), err


def test_the_translated_docs_hold_the_folder_page_in_the_language(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Spanish build's docs/ has local/printing.md in Spanish, with its English front matter kept, and the page
    is outdated once its English changes."""
    write_translations(project, capsys)
    content = load_content(project / "content")
    translations = load_translations(project, content)
    target = tmp_path / "es-docs"
    untranslated = write_translated_docs(project / "docs", target, translations.by_language["es"])
    assert untranslated == []
    text = (target / "local" / "printing.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta == {"title": "Imprimir tu CV", "nav_order": 40}
    assert "En el mostrador de la biblioteca" in text and "The library desk" not in text
    assert page_items(content, "local/printing.md") == [("page", "local/printing")]
    (project / "docs" / "local" / "printing.md").write_text(PAGE + "\nBring your student card.\n", encoding="utf-8")
    translations = load_translations(project, content)
    assert outdated_pages(content, translations.status("es"), ["about.md", "local/printing.md"]) == {
        "local/printing.md"
    }


@pytest.mark.slow
def test_a_centre_edition_publishes_its_folder_page_translated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Built as a centre would: /es/local/printing/ and /de/local/printing/ show the translation, not the English,
    and after an edit of the English page /es/local/printing/ says its translation is outdated."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(CENTRE_FIXTURE, project / "centre.yml")
    (project / "docs" / "local").mkdir()
    (project / "docs" / "local" / "printing.md").write_text(PAGE, encoding="utf-8")
    failed = build_site(tmp_path / "site", project=project, SITE_URL=CENTRE_SITE_URL)
    assert failed.returncode != 0
    assert "es: the page 'local/printing' has no Español translation yet" in failed.stdout + failed.stderr
    write_translations(project, capsys)
    (project / "docs" / "local" / "printing.md").write_text(PAGE + "\nBring your student card.\n", encoding="utf-8")
    built = build_site(tmp_path / "site", project=project, SITE_URL=CENTRE_SITE_URL)
    assert built.returncode == 0, built.stdout + built.stderr
    english = (tmp_path / "site" / "local" / "printing" / "index.html").read_text(encoding="utf-8")
    assert "The library desk prints CVs" in english
    for code in ("es", "de"):
        html = (tmp_path / "site" / code / "local" / "printing" / "index.html").read_text(encoding="utf-8")
        assert '<h1 id="imprimir-tu-cv">Imprimir tu CV' in html, code
        assert "The library desk" not in html, code
        assert 'href="../../about/"' in html, code
        assert "atn-outdated" in html, code
