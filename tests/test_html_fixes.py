"""The theme's HTML corrections touch only what they must."""

from __future__ import annotations

from afterno.html_fixes import remove_checkbox_autocomplete


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
