"""The theme is pinned: overrides/ and the HTML fixes were written against the installed Material's templates."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from helpers import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
#: For each template in overrides/, the theme's templates it was written against (the one it replaces, and the
#: one whose blocks it fills), with the SHA-256 of each as shipped in mkdocs-material 9.8.2. When an upgrade
#: changes one, compare the old and new original, carry the change into the override, then record the new hash.
ORIGINALS: dict[str, dict[str, str]] = {
    "partials/actions.html": {
        "partials/actions.html": "1bcd66d6f428194e9b9842764f0a5f7a5b3679d008e9d2e5b75b5ba344c39073",
    },
    "partials/alternate.html": {
        "partials/alternate.html": "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
    },
    "partials/copyright.html": {
        "partials/copyright.html": "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
    },
    "partials/source.html": {
        "partials/source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
    },
    "main.html": {
        "main.html": "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
        "base.html": "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
    },
    "partials/languages/en.html": {
        "partials/languages/en.html": "902e36bb5ec5cb46fb41df377051591ec87cb4077e8de11e0efd8cd70fd4b2c6",
    },
    "partials/palette.html": {
        "partials/palette.html": "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    },
    "partials/javascripts/palette.html": {
        "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
    },
    "partials/javascripts/base.html": {
        "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    },
    "404.html": {
        "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
        "base.html": "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
    },
}


def overrides() -> list[str]:
    """Every template in overrides/, by its path there."""
    return sorted(path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*.html"))


@pytest.mark.parametrize("name", overrides(), ids=lambda name: f"overrides/{name}")
def test_override_matches_the_theme_it_was_written_against(name: str) -> None:
    """Each override's originals in the installed theme are byte for byte the ones it was written against."""
    assert name in ORIGINALS, (
        f"overrides/{name} is not in ORIGINALS in tests/test_theme.py: add it with the SHA-256 of each theme "
        "template it replaces or fills blocks of, so that a theme upgrade that changes them fails here."
    )
    installed = version("mkdocs-material")
    for original, recorded in ORIGINALS[name].items():
        path = THEME / original
        assert path.is_file(), f"overrides/{name}: mkdocs-material {installed} has no {original} any more"
        found = hashlib.sha256(path.read_bytes()).hexdigest()
        assert found == recorded, (
            f"overrides/{name}: the theme's {original} changed in mkdocs-material {installed}. Compare it with the "
            f"version this override was written against, update overrides/{name}, then record {found} here."
        )


def test_every_recorded_override_exists() -> None:
    """ORIGINALS lists no template that overrides/ no longer has (the table only describes real files)."""
    assert sorted(ORIGINALS) == overrides()
