"""The renderer's links and escaping, without MkDocs."""

from __future__ import annotations

import pytest

from afterno.load import load_content
from afterno.render import NavEntry, Renderer, _message_html, _yaml_string, html_link, md_link, normalise_url, page_url
from helpers import CONTENT


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", ""),
        ("guides/index.md", "guides/"),
        ("guides/keep-going.md", "guides/keep-going/"),
        ("about.md", "about/"),
    ],
)
def test_page_url(src: str, url: str) -> None:
    """Source paths map to the directory URLs MkDocs publishes."""
    assert page_url(src) == url


@pytest.mark.parametrize(
    ("start", "target", "anchor", "link"),
    [
        ("checklist/index.md", "guides/keep-going.md", "reconnect-later", "../guides/keep-going/#reconnect-later"),
        ("index.md", "checklist/index.md", "", "checklist/"),
        ("checklist/index.md", "index.md", "", "../"),
        ("guides/keep-going.md", "guides/keep-going.md", "stay-motivated", "#stay-motivated"),
        ("guides/keep-going.md", "guides/index.md", "", "../"),
        ("guides/index.md", "guides/keep-going.md", "", "keep-going/"),
    ],
)
def test_html_link(start: str, target: str, anchor: str, link: str) -> None:
    """Raw-HTML links are relative to the built page's directory URL."""
    assert html_link(start, target, anchor) == link


def test_md_link() -> None:
    """Markdown links point at source files, which MkDocs rewrites and checks."""
    assert (
        md_link("steps/index.md", "guides/keep-going.md", "stay-motivated") == "../guides/keep-going.md#stay-motivated"
    )
    assert md_link("guides/a.md", "guides/a.md", "x") == "#x"


def test_message_placeholders_are_marked_and_escaped() -> None:
    """Placeholders become marked spans; any markup in a message is escaped."""
    html = str(_message_html("Dear {name}, <b>hi</b> & bye"))
    assert html == 'Dear <span class="atn-slot" data-slot="name">{name}</span>, &lt;b&gt;hi&lt;/b&gt; &amp; bye'


def test_front_matter_strings_are_safe() -> None:
    """Front-matter values are quoted so a colon or quote in a title cannot break the YAML."""
    assert str(_yaml_string('Say "no": <fine>')) == '"Say \\"no\\": \\u003cfine\\u003e"'


def test_normalise_url_decodes_only_unreserved_characters() -> None:
    """%2D becomes '-', while reserved characters such as %2F stay encoded (RFC 3986, 6.2.2.2)."""
    assert normalise_url("https://a.example/x%2Dy%2Fz%7e") == "https://a.example/x-y%2Fz~"


def test_all_steps_page_lists_each_phase_in_the_guides_reading_order() -> None:
    """/steps/ follows the guides (a reader found "Don't take it personally" before "Let yourself feel it")."""
    content = load_content(CONTENT)
    page = Renderer(content).pages()["steps/index.md"]
    reading = [ref.id for guide in content.guides for ref in guide.steps]
    for phase in content.phases:
        in_phase = [step_id for step_id in dict.fromkeys(reading) if content.step_by_id[step_id].phase.id == phase.id]
        shown = sorted(in_phase, key=lambda step_id: page.index(f"#{step_id})"))
        assert shown == in_phase, phase.id


def test_situations_page_quotes_the_employers_words_once() -> None:
    """A heading that already quotes the employer is not repeated in a quote box under it (a reader saw each twice)."""
    content = load_content(CONTENT)
    page = Renderer(content).pages()["situations/index.md"]
    quoted = [line[2:] for line in page.splitlines() if line.startswith("> ")]
    for situation in content.situations:
        bare = situation.title.strip("\"' ").casefold()
        assert bare not in (line.casefold() for line in quoted), situation.id
    assert "We will keep your details on file for future vacancies" in quoted


def test_contributors_page_comes_last_in_the_navigation() -> None:
    """Readers' and careers centres' pages first: /contributing/ sat between the handout and the careers page."""
    nav = Renderer(load_content(CONTENT)).nav([NavEntry("For careers centres", "careers-centres.md")])
    assert [entry.src for entry in nav[-2:]] == ["careers-centres.md", "contributing/index.md"]


def test_contributing_page_shows_examples_as_written_and_claims_edit_links_only_when_there_are_some() -> None:
    """A reader saw `&#34;skip this…&#34;` in the field reference, and "every page has Edit this page" on a copy
    with no such links."""
    content = load_content(CONTENT)
    plain = Renderer(content).pages()["contributing/index.md"]
    assert "&#34;" not in plain and '`"skip this if you heard nothing back"`' in plain
    assert "Example: `monique-lees`" in plain and "Example: `no-reply`" in plain
    assert "every page of this site has" not in plain and "REPO_URL" in plain
    linked = Renderer(content, repository="https://github.com/example/after-the-no").pages()["contributing/index.md"]
    assert "every page of this site has" in linked
    assert "(https://github.com/example/after-the-no/issues/new/choose)" in linked
