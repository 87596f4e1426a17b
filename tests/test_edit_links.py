"""With the repository's address set, every page links to the file it is made from, and each step to its own file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterno.edit import EditLinks, page_source
from afterno.load import load_content
from helpers import CONTENT, ROOT, build_site, parse_page

REPO = "https://github.com/example/after-the-no"
EDIT = re.compile(rf"^{re.escape(REPO)}/(edit|tree)/main/(.+)$")


@pytest.fixture(scope="module")
def site_with_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with REPO_URL set."""
    site = tmp_path_factory.mktemp("site-with-repo")
    result = build_site(site, REPO_URL=REPO)
    assert result.returncode == 0, result.stderr
    return site


def edit_links(page: Path) -> list[tuple[str, str]]:
    """Each edit link of a page: (its class, its address)."""
    parser = parse_page(page)
    return [
        (str(attrs.get("class") or attrs.get("rel")), str(attrs["href"]))
        for tag, attrs in parser.tags
        # "Report a problem with this page" goes to the repository's new-issue form: not an edit link.
        if tag == "a"
        and attrs.get("href", "").startswith(REPO)  # type: ignore[union-attr]
        and "/issues/new" not in str(attrs["href"])
    ]


def repository_path(url: str) -> Path:
    """The file or folder of this repository that an edit link opens."""
    match = EDIT.match(url)
    assert match, url
    kind, path = match.groups()
    target = ROOT / path
    assert target.is_file() if kind == "edit" else target.is_dir(), f"{url} opens nothing in the repository"
    return target


@pytest.mark.slow
def test_every_page_has_an_edit_link_to_an_existing_file(site_with_repo: Path) -> None:
    """Each built page has one "Edit this page" link, and it opens a file or folder that exists here."""
    pages = sorted(site_with_repo.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        links = [url for kind, url in edit_links(page) if "atn-edit-page" in kind]
        assert len(links) == 1, f"{page}: {links}"
        repository_path(links[0])
        assert "atn-edit-page" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_each_step_section_links_to_its_own_step_file(site_with_repo: Path) -> None:
    """On a guide page, each step's section links to its step file; the page itself to the guide file."""
    content = load_content(CONTENT)
    for guide in content.guides:
        page = site_with_repo / "guides" / guide.id / "index.html"
        links = edit_links(page)
        page_links = [url for kind, url in links if "atn-edit-page" in kind]
        assert [repository_path(url) for url in page_links] == [ROOT / guide.path]
        step_links = [url for kind, url in links if "atn-edit-page" not in kind]
        assert [repository_path(url) for url in step_links] == [
            ROOT / content.step_by_id[ref.id].path for ref in guide.steps
        ]
        html = page.read_text(encoding="utf-8")
        for ref in guide.steps:
            section = html[html.index(f'id="{ref.id}"') :]
            end = section.find("<h2")
            assert content.step_by_id[ref.id].path in section[: end if end != -1 else None], ref.id


@pytest.mark.slow
def test_no_edit_links_without_a_repository(site: Path) -> None:
    """Without REPO_URL (or repo_url), pages carry no edit link and no repository widget."""
    for page in (site / "index.html", site / "guides" / "first-48-hours" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "atn-edit" not in html and 'rel="edit"' not in html and "md-source" not in html


def test_page_sources() -> None:
    """Generated pages map to their content file or folder; hand-written pages to docs/."""
    content = load_content(CONTENT)
    assert page_source("guides/keep-going.md", content) == "content/guides/keep-going.yml"
    assert page_source("checklist/index.md", content) == "content/checklist.yml"
    assert page_source("steps/index.md", content) == "content/steps/"
    assert page_source("about.md", content) == "docs/about.md"


def test_folder_links_open_the_listing() -> None:
    """A file opens in the editor; a folder, which cannot be edited, opens its listing."""
    links = EditLinks(REPO + "/", "edit/main/")
    assert links.url("content/checklist.yml") == f"{REPO}/edit/main/content/checklist.yml"
    assert links.url("content/steps/") == f"{REPO}/tree/main/content/steps"
