"""Shared fixtures: one strict build of the site per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CENTRE_FIXTURE, CENTRE_SITE_URL, build_site, copy_project


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with `mkdocs build --strict` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


#: Pages a careers centre adds under docs/ in the centre build: one ordered by nav_order, one without.
OUR_PAGE = """---
title: Drop-in times
nav_order: 15
---

# Drop-in times

Drop-ins run on Wednesday afternoons in the Student Centre.
"""
LATE_PAGE = "# Printing at the centre\n\nThe printers on the ground floor take student cards.\n"


@pytest.fixture(scope="session")
def centre_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the sample centre.yml, a REPO_URL, and two pages a centre added under docs/."""
    project = copy_project(tmp_path_factory.mktemp("centre-project"))
    (project / "centre.yml").write_text(CENTRE_FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs" / "drop-in-times.md").write_text(OUR_PAGE, encoding="utf-8")
    (project / "docs" / "local").mkdir()
    (project / "docs" / "local" / "printing.md").write_text(LATE_PAGE, encoding="utf-8")
    site = tmp_path_factory.mktemp("centre-site")
    result = build_site(
        site, project=project, SITE_URL=CENTRE_SITE_URL, REPO_URL="https://github.com/example/after-the-no"
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return site
