"""The theme's HTML corrections touch only what they must."""

from __future__ import annotations

import pytest

from afterno.html_fixes import apply_edits, remove_checkbox_autocomplete


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
