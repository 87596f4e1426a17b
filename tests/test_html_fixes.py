"""The theme's HTML corrections touch only what they must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterno.html_fixes import apply_edits, empty_tabindex_edits, remove_checkbox_autocomplete, search_dialog_name_edits


def test_autocomplete_is_removed_from_checkboxes_only() -> None:
    """Checkboxes lose autocomplete; text inputs keep it; everything else is unchanged."""
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" name="query" autocomplete="off">'
        '<input autocomplete="off" type="checkbox" id="x">'
    )
    assert remove_checkbox_autocomplete(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">'
        '<input type="checkbox" id="x">'
    )


def test_edits_are_applied_in_one_pass_and_never_overlap() -> None:
    """Edits apply by position whatever their order; overlapping edits are refused rather than guessed."""
    assert apply_edits("abcdef", [(4, 5, "E"), (0, 1, ""), (2, 2, "+")]) == "b+cdEf"
    assert apply_edits("abc", []) == "abc"
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcdef", [(0, 3, ""), (2, 4, "x")])


def test_empty_tabindex_is_removed_from_tags_only() -> None:
    """An empty tabindex goes from every tag; a set one stays; the same words in text are left alone."""
    html = '<label class="md-nav__link" tabindex="">A</label><label tabindex="0">B</label><p>x tabindex="" y</p>'
    assert apply_edits(html, empty_tabindex_edits(html)) == (
        '<label class="md-nav__link">A</label><label tabindex="0">B</label><p>x tabindex="" y</p>'
    )


def test_search_dialog_gets_the_themes_name_for_search() -> None:
    """The search dialog is named with the label of its own search options, once."""
    html = (
        '<div class="md-search" data-md-component="search" role="dialog"><form>'
        '<nav class="md-search__options" aria-label="Rechercher"></nav></form></div>'
    )
    named = apply_edits(html, search_dialog_name_edits(html))
    assert named.startswith('<div class="md-search" data-md-component="search" role="dialog" aria-label="Rechercher">')
    assert search_dialog_name_edits(named) == [], "a dialog with a name keeps it"


def test_built_pages_carry_every_fix(site: Path) -> None:
    """Every built page has a named search dialog, no empty tabindex and no autocomplete on a checkbox.

    Fails if a theme upgrade changes the markup a fix looks for, so that the fix silently stops applying.
    """
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site).as_posix()
        # Named in the page's language: "Search", "Suche", "Búsqueda".
        assert re.search(r'role="dialog" aria-label="[^"<>]+"', html), where
        assert empty_tabindex_edits(html) == [] and 'tabindex=""' not in html, where
        assert remove_checkbox_autocomplete(html) == html, where


def test_toc_label_without_its_toggle_loses_for() -> None:
    """A table-of-contents label on a page without the __toc toggle no longer points at nothing."""
    from afterno.html_fixes import apply_edits, orphan_toc_label_edits

    page = '<label class="md-nav__title" for="__toc">Contents</label><p>for="__toc" in text</p>'
    fixed = apply_edits(page, orphan_toc_label_edits(page))
    assert fixed == '<label class="md-nav__title">Contents</label><p>for="__toc" in text</p>'
    with_toggle = '<input id="__toc" type="checkbox"><label for="__toc">Contents</label>'
    assert orphan_toc_label_edits(with_toggle) == []


def test_the_page_title_loses_its_permalink_and_step_headings_keep_theirs() -> None:
    """The toc's "¶" link goes from the <h1> (its text stays the title alone); an <h2> keeps its link to copy."""
    from afterno.html_fixes import apply_edits, title_permalink_edits

    page = (
        '<h1 id="t">Title<a class="headerlink" href="#t" title="Link to this section">¶</a></h1>'
        '<h2 id="s">Step<a class="headerlink" href="#s" title="Link to this section">¶</a></h2>'
    )
    fixed = apply_edits(page, title_permalink_edits(page))
    assert (
        fixed
        == '<h1 id="t">Title</h1><h2 id="s">Step<a class="headerlink" href="#s" title="Link to this section">¶</a></h2>'
    )


def test_built_titles_have_no_permalink_and_steps_do(site: Path) -> None:
    """In the built guide, the <h1> holds only its title; each step heading links to itself."""
    html = (site / "guides" / "first-48-hours" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>[^<]*</h1>", html)
    assert '<a class="headerlink" href="#feel-it" title="Link to this section">¶</a></h2>' in html
