"""Small corrections to the theme's HTML that cannot be made in a template block.

Material's base.html gives its menu and search toggles (``<input type="checkbox">``)
``autocomplete="off"``, which HTML does not allow on checkboxes, so the Nu HTML Checker
rejects every page. Without it a browser may restore a toggle's state on back/forward,
which at worst leaves the menu open. Plain string work: no MkDocs here.
"""

from __future__ import annotations

import re

#: A checkbox's start tag, with the autocomplete attribute in group 2 (attributes around it in 1 and 3).
_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input\b(?=[^>]*\btype="checkbox")[^>]*?)(\s+autocomplete="[^"]*")([^>]*>)', re.IGNORECASE
)


def remove_checkbox_autocomplete(html: str) -> str:
    """Return ``html`` with ``autocomplete`` removed from every checkbox, where HTML does not allow it."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1\3", html)
