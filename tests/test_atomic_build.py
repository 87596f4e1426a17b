"""`make build` (what CI publishes) is strict, and never leaves a failed or half-written site in place of a good one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, VENV_BIN, build_env, build_site, copy_project, files_of


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    """Run ``make build`` in ``project`` as a maintainer would, with the test run's .venv as it is."""
    venv = VENV_BIN.parent
    # -o: never remake .venv/.installed from the copy's pyproject.toml (that would reinstall the package from it).
    return subprocess.run(
        ["make", "-s", "-o", str(venv / ".installed"), "build", f"VENV={venv}"],
        cwd=project,
        env=build_env(SITE_URL="https://careers.example.edu/after-the-no/"),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project copy with a good site built into site/ by `make build`, and the site's snapshot."""
    project = copy_project(tmp_path_factory.mktemp("atomic"))
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    result = make_build(project)
    assert result.returncode == 0, result.stderr
    return project, files_of(project / "site")


def leftovers(project: Path) -> list[str]:
    """Temporary build folders left beside site/."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def test_a_good_build_replaces_the_site(built: tuple[Path, dict[str, bytes]]) -> None:
    """A successful build puts a complete site in site/ and leaves no temporary folder behind."""
    project, files = built
    assert "index.html" in files and "sitemap.xml" in files
    assert leftovers(project) == []
    assert (project / "site").stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize(
    ("broken_file", "old", "new", "message"),
    [
        (
            "content/steps/feel-it.yml",
            "title:",
            "titel:",
            "content/steps/feel-it.yml:3:1: unknown key 'titel' in a step file",
        ),
        # A broken link the checker cannot see (the contributing page's anchors come from its template) is a
        # warning: it fails the build only under --strict, after every page has been written.
        (
            "docs/about.md",
            "\n---\n",
            "\n---\n\n[a broken link](contributing/index.md#no-such-anchor)\n",
            "no-such-anchor",
        ),
    ],
    ids=["content error (stops at the start)", "broken link (stops after writing pages)"],
)
def test_a_failed_build_leaves_the_old_site(
    built: tuple[Path, dict[str, bytes]], broken_file: str, old: str, new: str, message: str
) -> None:
    """When the build fails, site/ is byte for byte the previous good site, and the error is shown."""
    project, files = built
    path = project / broken_file
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    try:
        result = make_build(project)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert message in result.stderr
    assert "site is unchanged" in result.stderr or "is unchanged" in result.stderr
    assert files_of(project / "site") == files
    assert leftovers(project) == []


def test_a_plain_strict_build_would_have_replaced_the_site(tmp_path: Path) -> None:
    """Why the safe build exists: a plain `mkdocs build --strict` that fails still rewrites its output folder."""
    project = copy_project(tmp_path)
    site = tmp_path / "plain-site"
    site.mkdir()
    (site / "marker.txt").write_text("the previous good site", encoding="utf-8")
    about = project / "docs" / "about.md"
    broken = "\n[a broken link](contributing/index.md#no-such-anchor)\n"
    about.write_text(about.read_text(encoding="utf-8") + broken, encoding="utf-8")
    result = build_site(site, project=project)
    assert result.returncode != 0
    assert not (site / "marker.txt").exists() and (site / "index.html").exists()
