"""The test suite's own machinery: JUnit XML with Hypothesis tests, the Hypothesis profiles, `make build`."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import strategies as st

from helpers import ROOT, VENV_BIN, build_env, copy_project, run_cases

#: run_cases' count at Hypothesis' usual 100 examples; the profiles in tests/conftest.py scale it.
NOMINAL = 10


def test_run_cases_draws_the_profiles_share(record_property: Callable[[str, object], None]) -> None:
    """run_cases checks every case it draws, as many as the loaded profile asks for."""
    checked: list[int] = []
    run_cases(record_property, "integers", NOMINAL, st.integers(), checked.append)
    assert len(checked) >= 1


@pytest.mark.parametrize(("profile", "expected"), [("quick", "3"), ("ci", "20")])
def test_junit_xml_records_the_cases_of_each_profile(tmp_path: Path, profile: str, expected: str) -> None:
    """`pytest --junitxml` passes with a Hypothesis test (filterwarnings = error) and records its case count."""
    report = tmp_path / "report.xml"
    test = f"{Path(__file__).relative_to(ROOT)}::test_run_cases_draws_the_profiles_share"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", test, "-p", "no:xdist", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=ROOT,
        env=build_env(HYPOTHESIS_PROFILE=profile),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None and suite.get("errors") == "0" and suite.get("failures") == "0"
    recorded = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert recorded == {"generated_cases": expected}


def test_make_build_is_strict_and_keeps_no_half_built_site(tmp_path: Path) -> None:
    """`make build` (what CI publishes) fails on a warning, a broken link, and leaves no site/ behind."""
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[a broken link](no-such-page.md)\n", encoding="utf-8")
    venv = VENV_BIN.parent
    # -o: take the installed .venv as it is (never reinstall it from the copy).
    result = subprocess.run(
        ["make", "-s", "-o", str(venv / ".installed"), "build", f"VENV={venv}"],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr
    assert not (project / "site").exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []
