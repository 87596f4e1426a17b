"""/about/ says, in each language, why the translations say tú and du, and asks native speakers to review them
without claiming a review that has not happened."""

from __future__ import annotations

from pathlib import Path

import pytest

#: Per language: phrases the translation section must hold (the forms of address, the reason, the invitation).
EXPECTED = {
    "": ("tú in Spanish and du in German", "usted and Sie", "No native speaker has reviewed", "first language"),
    "es/": ("Te hablamos de tú", "usted", "aún no la ha revisado ninguna persona hablante nativa", "lengua materna"),
    "de/": ("„du“", "„Sie“", "Bisher hat noch niemand mit Deutsch als Muttersprache", "hilf uns"),
}
#: Words that would claim a review: none may appear on the page.
CLAIMS = ("reviewed by native", "revisada por", "geprüft von Muttersprachl")


@pytest.mark.parametrize("prefix", EXPECTED, ids=["en", "es", "de"])
def test_about_explains_the_form_of_address_and_invites_review(site: Path, prefix: str) -> None:
    """The translation section is there, gives the reason and the invitation, and claims no review."""
    html = (site / prefix / "about" / "index.html").read_text(encoding="utf-8")
    assert 'id="translation"' in html
    section = html[html.index('id="translation"') : html.index('id="report-a-problem"')]
    for phrase in EXPECTED[prefix]:
        assert phrase in section, f"/{prefix}about/#translation lacks {phrase!r}"
    assert not any(claim in html for claim in CLAIMS)
