"""Translation files: validated like content, compared with the English field by field, reported per language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from afterno import cli
from afterno.render import long_date
from afterno.translation_load import restamp, ui_strings
from afterno.translation_model import KINDS, fingerprint, languages_schema_line, schema_line
from afterno.yamlsafe import load_yaml
from helpers import ROOT, copy_project, translation_files, ui_text

LANGUAGES = """# yaml-language-server: $schema=../schema/translation-languages.schema.json
languages:
  - code: de
    name: Deutsch
    status: {status}
"""
STEP = """# yaml-language-server: $schema=../../../schema/translation-step.schema.json
id: feel-it
title: Lass es zu
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of content/ and docs/ with a German translation of one step's title."""
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    # Start from no translations at all, whatever the repository holds.
    shutil.rmtree(tmp_path / "content" / "translations", ignore_errors=True)
    folder = tmp_path / "content" / "translations" / "de" / "steps"
    folder.mkdir(parents=True)
    (tmp_path / "content" / "translations" / "languages.yml").write_text(LANGUAGES.format(status="draft"))
    (folder / "feel-it.yml").write_text(STEP)
    return tmp_path


def run(project: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["--content", str(project / "content"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def stamp(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content" / "translations" / "de" / "steps" / "feel-it.yml"
    code, out, _ = run(project, "translations", "de", "--stamp", str(path), capsys=capsys)
    assert code == 0 and "stamped" in out


def test_stamp_records_the_english_fingerprint(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--stamp writes made_from with the fingerprint of each translated field's English text."""
    stamp(project, capsys)
    text = (project / "content/translations/de/steps/feel-it.yml").read_text()
    english = (project / "content/steps/feel-it.yml").read_text()
    title = next(line for line in english.splitlines() if line.startswith("title:")).split(":", 1)[1].strip()
    assert f"made_from: {{title: {fingerprint(title)}}}" in text
    _, out, _ = run(project, "translations", "de", capsys=capsys)
    outdated = next(line for line in out.splitlines() if line.startswith("outdated  step feel-it:"))
    assert "title" not in outdated.split(":")[1], outdated


def test_changed_english_marks_the_translation_outdated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Editing the English title after translating makes the checker list the step as outdated: title."""
    stamp(project, capsys)
    english = project / "content/steps/feel-it.yml"
    lines = english.read_text().splitlines()
    lines = [("title: Give yourself time to feel it" if line.startswith("title:") else line) for line in lines]
    english.write_text("\n".join(lines) + "\n")
    code, out, _ = run(project, "translations", "de", capsys=capsys)
    assert code == 0
    outdated = [line for line in out.splitlines() if line.startswith("outdated  step feel-it:")]
    assert outdated and "title" in outdated[0].split(":")[1], out


def test_missing_translation_fails_the_check_only_when_published(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft language is reported and passes; published, its missing items fail the check."""
    code, out, _ = run(project, "check", capsys=capsys)
    assert code == 0
    assert "de (Deutsch, draft): 0 complete" in out
    (project / "content/translations/languages.yml").write_text(LANGUAGES.format(status="published"))
    code, out, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert (
        "de: the guide 'first-48-hours' has no Deutsch translation yet. If you do not write Deutsch, ask for a "
        "translation in your pull request (the template has a box for it); 'afterno translations de' lists what "
        "is needed."
    ) in err.splitlines()
    # Never "content OK" beside a failing check: the English is fine, and the rest is said to be left.
    assert "content OK" not in out
    assert out.startswith("The English content is fine: ") and "What remains is in the published languages" in out
    assert err.splitlines()[-1].endswith(
        "Your English is checked and fine; if you do not write the language, open your pull request and tick its "
        "translation box, and a translator adds the rest."
    )


def test_orphaned_translation_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A translation whose English item is gone is listed as orphaned, with its file."""
    folder = project / "content/translations/de/steps"
    (folder / "gone-step.yml").write_text(STEP.replace("feel-it", "gone-step"))
    _, out, _ = run(project, "translations", "de", capsys=capsys)
    assert "orphaned  step gone-step  (content/translations/de/steps/gone-step.yml:2)" in out
    (project / "content/translations/languages.yml").write_text(LANGUAGES.format(status="published"))
    _, _, err = run(project, "check", capsys=capsys)
    # Most orphans were renamed: the message leads to the command that moves the translation, not to deleting it.
    assert (
        "content/translations/de/steps/gone-step.yml:2: the step 'gone-step' is no longer in the English. If it was "
        "renamed, give the English its old id back and run 'afterno rename step gone-step NEW-ID', which moves this "
        "translation with it; delete this translation only if the English item is gone for good."
    ) in err.splitlines()


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        (
            "tittle: Lass es zu\n",
            "content/translations/de/steps/feel-it.yml:3:1: unknown key 'tittle'. Did you mean 'title'?",
        ),
        (
            "phase: first-week\n",
            "content/translations/de/steps/feel-it.yml:3:1: unknown key 'phase'.",
        ),
        (
            "how: Nimm dir Zeit\n",
            "content/translations/de/steps/feel-it.yml:3:6: 'how' must be a list; found",
        ),
        (
            "title: Die #1 Regel\n",
            "content/translations/de/steps/feel-it.yml:3:12: YAML reads the text from ' #' on as a comment and leaves "
            "it out ('#1 Regel' is lost). Put the whole line in double quotes: title: \"Die #1 Regel\"",
        ),
        (
            "title:Lass es zu\n",
            "content/translations/de/steps/feel-it.yml:3:6: there is no space after the colon in 'title:Lass es zu'",
        ),
        # Links in translated text keep the English rules (issue 11).
        (
            "title: Lass es zu, [mehr](http://example.org)\n",
            "content/translations/de/steps/feel-it.yml:3:27: 'title' contains the address 'http://example.org', "
            "which is not https: only https:// and mailto: links are allowed. Write https:// in place of http://.",
        ),
        (
            "title: Lass es zu, [mehr](javascript&#58;alert)\n",
            "content/translations/de/steps/feel-it.yml:3:27: 'title' links to 'javascript&#58;alert', which contains "
            "an HTML entity. Write the address out in plain characters.",
        ),
        (
            "how:\n  - Lies [weiter](../guides/keep-going.md#stay-motivatd)\n",
            "content/translations/de/steps/feel-it.yml:4:19: 'how' links to '../guides/keep-going.md#stay-motivatd', "
            "but the guide 'keep-going' has no step 'stay-motivatd'. Did you mean 'stay-motivated'?",
        ),
        (
            "title: Lass es zu ([mehr](/guides/keep-going/))\n",
            "content/translations/de/steps/feel-it.yml:3:27: 'title' links to '/guides/keep-going/', an address from "
            "the site's root, which the build cannot follow. Link to the page's file instead: ../guides/keep-going.md",
        ),
        (
            "how:\n  - Atme durch.\n  - Atme durch.\n",
            "content/translations/de/steps/feel-it.yml:5:5: 'how' already has this line, on line 4; remove one of "
            "them.",
        ),
    ],
    ids=[
        "misspelt key",
        "untranslatable key",
        "text for a list",
        "text cut by a comment",
        "no space after a colon",
        "an http link in translated text",
        "a link hiding its scheme in an entity",
        "a translated link to a misspelt anchor",
        "a translated link from the site's root",
        "a translated line written twice",
    ],
)
def test_bad_translation_files_give_located_messages(
    project: Path, capsys: pytest.CaptureFixture[str], snippet: str, message: str
) -> None:
    """Mistakes in a translation file are reported as file:line:column with the fix."""
    path = project / "content/translations/de/steps/feel-it.yml"
    path.write_text(STEP.replace("title: Lass es zu\n", snippet))
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert message in err, err


#: Issue 11: links in a translated page's body follow the English page's rules, located in the translation file.
PAGE_CASES = [
    (
        "about.yml",
        "(sources/index.md)",
        "(sources/index.md#bayyt)",
        "content/translations/de/pages/about.yml:17:136: 'body' links to 'sources/index.md#bayyt', but the page "
        "sources/index.md has no anchor 'bayyt'. Did you mean 'bayt'?",
    ),
    (
        "about.yml",
        "(sources/index.md)",
        "(sources/indx.md)",
        "content/translations/de/pages/about.yml:17:136: 'body' links to 'sources/indx.md', but the site has no page "
        "sources/indx.md. Did you mean sources/index.md?",
    ),
    (
        "about.yml",
        "(#report-a-problem)",
        "(#report-a-problm)",
        "content/translations/de/pages/about.yml:31:237: 'body' links to '#report-a-problm', but this page has no "
        "anchor 'report-a-problm'. Did you mean '#report-a-problem'?",
    ),
    (
        "about.yml",
        "(#report-a-problem)",
        "(#about-after-the-no)",
        "content/translations/de/pages/about.yml:31:237: 'body' links to '#about-after-the-no', but this page has no "
        "anchor 'about-after-the-no'. Did you mean '#uber-after-the-no'?",
    ),
    (
        "index.yml",
        "guides/keep-going.md#reconnect-later",
        "guides/keep-going.md#reconect-later",
        "content/translations/de/pages/index.yml:17:60: 'body' links to 'guides/keep-going.md#reconect-later', but "
        "the guide 'keep-going' has no step 'reconect-later'. Did you mean 'reconnect-later'?",
    ),
]


@pytest.mark.parametrize(
    ("page", "old", "new", "message"),
    PAGE_CASES,
    ids=[
        "a misspelt source",
        "a misspelt page",
        "a misspelt anchor of the page itself",
        "the English heading's anchor, not the translated heading's",
        "a misspelt step",
    ],
)
def test_a_translated_page_link_is_located_in_its_file(
    project: Path, capsys: pytest.CaptureFixture[str], page: str, old: str, new: str, message: str
) -> None:
    """A broken link in a translated page's body is an error at its line and column in the translation file."""
    folder = project / "content/translations/de/pages"
    folder.mkdir()
    text = (ROOT / "content/translations/de/pages" / page).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (folder / page).write_text(text.replace(old, new), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert err.splitlines()[0] == message, err


def test_message_translation_keeps_the_english_placeholders(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A template's translation that renames a {placeholder} is refused, naming the missing and the extra."""
    folder = project / "content/translations/de/templates"
    folder.mkdir()
    (folder / "feedback-request.yml").write_text(
        "# yaml-language-server: $schema=../../../schema/translation-template.schema.json\n"
        "id: feedback-request\nmade_from: {}\n"
        'subject: "Danke, und eine Frage zu meiner Bewerbung als {rolle}"\n'
    )
    code, _, err = run(project, "check", capsys=capsys)
    assert code == 1
    assert "content/translations/de/templates/feedback-request.yml:2:1: the subject and body must use exactly" in err
    assert "; not in the English: {rolle}." in err


def test_committed_translation_schemas_match_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    """content/schema/translation-*.schema.json are what 'afterno schema' writes now."""
    from afterno.translation_schema import render_translation_schemas

    for name, text in render_translation_schemas().items():
        assert (ROOT / "content" / "schema" / name).read_text(encoding="utf-8") == text, name


def test_a_fingerprint_of_only_digits_is_written_as_a_string() -> None:
    """A fingerprint such as 16638837 is quoted, or YAML would read it back as a number and the file would fail."""
    text = restamp("id: feel-it\ntitle: Lass es zu\n", {"feel-it": {"title": "16638837", "why": "a3e1a551"}})
    assert "made_from: {title: '16638837', why: a3e1a551}" in text
    doc, problems = load_yaml("feel-it.yml", text.encode())
    assert problems == [] and doc["made_from"] == {"title": "16638837", "why": "a3e1a551"}


def test_a_translated_page_may_be_as_long_as_a_whole_page(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The about page's body (over 2,500 characters in English) fits a page translation; a paragraph limit would not."""
    english = (project / "docs" / "about.md").read_text().split("---\n", 2)[2]
    assert len(english) > 2500
    body = "\n".join(f"  {line}" if line else "" for line in english.splitlines())
    page = project / "content" / "translations" / "de" / "pages" / "about.yml"
    page.parent.mkdir()
    page.write_text(
        "# yaml-language-server: $schema=../../../schema/translation-page.schema.json\n"
        f"id: about\ntitle: Über uns\nbody: |-\n{body}\n"
    )
    code, out, err = run(project, "check", capsys=capsys)
    assert code == 0 and "body" not in out + err, out + err


@pytest.mark.parametrize("path", translation_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_translation_file_starts_with_its_schema_line(path: Path) -> None:
    """Each translation file in the repository names its JSON Schema, so editors check it as it is typed."""
    relative = path.relative_to(ROOT / "content" / "translations")
    if relative.parts == ("languages.yml",):
        expected = languages_schema_line()
    else:
        inside = Path(*relative.parts[1:])
        # A page in a folder of docs/ has its translation in that folder under pages/, one level deeper.
        kind = next(
            kind
            for kind in KINDS
            if inside.match(kind.pattern) or (kind.nested and inside.parts[0] == kind.pattern.split("/")[0])
        )
        expected = schema_line(kind, Path(*inside.parts[1:]).with_suffix("").as_posix() if kind.nested else "")
    assert path.read_text(encoding="utf-8").splitlines()[0] == expected


def test_interface_text_with_named_values_is_found(tmp_path: Path) -> None:
    """``_("Last reviewed %(date)s.", date=...)`` in a template is interface text to translate, like ``_("Home")``:
    Jinja hands such calls over as a tuple, which the check once skipped (shown in English, reported complete)."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.md.j2").write_text('{{ _("Home") }} {{ _("Last reviewed %(date)s.", date=day) }}\n')
    assert ui_strings(templates, tmp_path / "assets") == ["Home", "Last reviewed %(date)s."]


@pytest.mark.parametrize(
    ("code", "expected"), [("en", "25 November 2026"), ("es", "25 de noviembre de 2026"), ("de", "25. November 2026")]
)
def test_long_dates_follow_the_language(code: str, expected: str) -> None:
    """A date in words (a handout's 'Last reviewed') has the month's name and the word order of its language."""
    words = ui_text(code) if code != "en" else {}
    assert long_date("2026-11-25", lambda text: words.get(text, text)) == expected


def test_to_do_list_names_the_file_from_the_project_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing item's line gives the path under content/, and says to add to a list file that exists."""
    _, out, _ = run(project, "translations", "de", capsys=capsys)
    assert "missing   step ask-for-feedback  (write content/translations/de/steps/ask-for-feedback.yml)" in out
    wanted = "missing   checklist-item take-a-breath  (write content/translations/de/checklist.yml, with the entry "
    assert wanted in out
    checklist = project / "content" / "translations" / "de" / "checklist.yml"
    checklist.write_text(schema_line(next(k for k in KINDS if k.name == "checklist-item")) + "\nitems: []\n")
    _, out, _ = run(project, "translations", "de", capsys=capsys)
    assert (
        "missing   checklist-item take-a-breath  (add an entry under 'items:' in "
        "content/translations/de/checklist.yml, which exists)"
    ) in out


RENAMED_WITH_TRANSLATIONS = (
    ("step", "make-a-development-plan", "plan-your-development", "steps/{}.yml"),
    ("item", "write-development-plan", "note-where-you-are-going", None),
    ("guide", "reflect-and-plan", "reflect-and-improve", "guides/{}.yml"),
    ("situation", "no-reply", "heard-nothing", "situations/{}.yml"),
)


def test_rename_moves_every_translation_and_keeps_it_complete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`afterno rename` of a step, item, guide and situation moves each language's translation with the English
    (file and id), keeping made_from: the check passes with nothing missing, outdated or orphaned."""
    project = copy_project(tmp_path / "project")
    before = {code: run(project, "check", capsys=capsys)[1] for code in ("once",)}["once"]
    for kind, old, new, pattern in RENAMED_WITH_TRANSLATIONS:
        code, out, err = run(project, "rename", kind, old, new, capsys=capsys)
        assert code == 0, err
        for language in ("de", "es"):
            folder = project / "content" / "translations" / language
            if pattern is None:
                text = (folder / "checklist.yml").read_text(encoding="utf-8")
                assert f"- id: {new}\n" in text and f"id: {old}\n" not in text
                continue
            assert not (folder / pattern.format(old)).exists()
            moved = (folder / pattern.format(new)).read_text(encoding="utf-8")
            assert f"\nid: {new}\n" in moved and "made_from:" in moved
            assert f"renamed content/translations/{language}/{pattern.format(old)} -> " in out
    code, out, err = run(project, "check", capsys=capsys)
    assert code == 0, err
    # The per-language counts are those of before the renames: each translation is still complete.
    assert [line for line in out.splitlines() if line.startswith(("de ", "es "))] == [
        line for line in before.splitlines() if line.startswith(("de ", "es "))
    ]


def test_a_broken_translation_is_shown_like_the_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A problem in a translation file is printed with its line and a caret, "1 problem" in the singular, and
    with --format github as an annotation on that line (it was a bare line, invisible in a pull request)."""
    project = copy_project(tmp_path / "project")
    path = project / "content" / "translations" / "es" / "steps" / "feel-it.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(number for number, line in enumerate(lines) if line.startswith("how:")) + 1
    lines.insert(at, '  - "Mira http://example.org hoy"\n')
    path.write_text("".join(lines), encoding="utf-8")
    code, _, err = run(project, "check", capsys=capsys)
    where = f"content/translations/es/steps/feel-it.yml:{at + 1}:"
    assert code == 1 and err.splitlines()[0].startswith(where), err
    assert err.splitlines()[1:3] == [f'{at + 1:>5} |   - "Mira http://example.org hoy"', "      |           ^"]
    assert err.splitlines()[-1].startswith("1 problem in ")
    code, out, _ = run(project, "check", "--format", "github", capsys=capsys)
    assert code == 1 and f"::error file=content/translations/es/steps/feel-it.yml,line={at + 1},col=11::" in out
