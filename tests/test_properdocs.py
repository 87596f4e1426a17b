"""The site builds with ProperDocs 1.6.7, the maintained continuation of MkDocs 1.x, into the same pages.

ProperDocs reads our mkdocs.yml when given ``-f mkdocs.yml`` (without it, it looks for properdocs.yml and
falls back to mkdocs.yml with a notice), finds Material through the same theme entry point, and
redirects every ``import mkdocs.*`` in the theme and in hooks/site.py to ``properdocs.*``. The only
difference a build may show is the generator meta tag (``mkdocs-ProperDocs 1.6.7`` instead of
``mkdocs-1.6.1``); our theme override leaves that tag out, and the comparison removes it anyway.
"""

from __future__ import annotations

import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

from helpers import VENV_BIN, build_site, files_of

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">\s*')


def normalised(data: bytes) -> bytes:
    """A built file without the generator meta tag, the one place the two generators may differ."""
    return GENERATOR.sub(b"", data)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The site built with `properdocs build --strict`, with the same SITE_URL as the shared build."""
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = build_site(site, tool="properdocs", SITE_URL=site_url)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return site


def test_properdocs_version() -> None:
    """The suite builds with the ProperDocs release it claims to support, through its own command."""
    assert version("properdocs") == "1.6.7"
    result = subprocess.run([str(VENV_BIN / "properdocs"), "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("properdocs, version 1.6.7"), result.stdout


@pytest.mark.slow
def test_properdocs_builds_the_same_pages(site: Path, properdocs_site: Path) -> None:
    """Every file MkDocs writes, ProperDocs writes too, with the same bytes (generator tag aside)."""
    mkdocs_files, properdocs_files = files_of(site), files_of(properdocs_site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    different = [name for name, data in mkdocs_files.items() if normalised(data) != normalised(properdocs_files[name])]
    assert different == []


def test_normalisation_removes_only_the_generator_tag() -> None:
    """The comparison's one normalisation: the generator meta tag, nothing else."""
    page = b'<head>\n<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2">\n<title>x</title>'
    assert normalised(page) == b"<head>\n<title>x</title>"
