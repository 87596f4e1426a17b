"""The test suite's own machinery: JUnit XML with Hypothesis tests, and the Hypothesis profiles."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from helpers import PROFILE, ROOT, build_env, run_cases

#: run_cases' count at Hypothesis' usual 100 examples; the profiles in tests/conftest.py scale it.
NOMINAL = 10
#: What each profile makes of NOMINAL.
DRAWN = {"quick": 3, "ci": 20}


def test_run_cases_checks_every_case_it_draws(record_property: Callable[[str, object], None]) -> None:
    """run_cases checks as many cases as the loaded profile asks for, each once."""
    checked: list[int] = []
    run_cases(record_property, "integers", NOMINAL, st.integers(), checked.append)
    assert len(checked) == DRAWN[PROFILE]


@pytest.mark.parametrize("profile", sorted(DRAWN))
def test_each_profile_scales_the_counts(profile: str, record_property: Callable[[str, object], None]) -> None:
    """The quick profile draws a few cases for the edit loop; the ci profile many more."""
    checked: list[int] = []
    settings.load_profile(profile)
    try:
        run_cases(record_property, profile, NOMINAL, st.integers(), checked.append)
    finally:
        settings.load_profile(PROFILE)
    assert len(checked) == DRAWN[profile]


def test_junit_xml_records_the_case_count(tmp_path: Path) -> None:
    """`pytest --junitxml` passes with a Hypothesis test (filterwarnings = error) and records how many cases ran.

    Run with HYPOTHESIS_PROFILE=ci, as `make test` does when CI=true, so it also shows that the variable counts.
    """
    report = tmp_path / "report.xml"
    test = f"{Path(__file__).relative_to(ROOT)}::test_run_cases_checks_every_case_it_draws"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", test, "-p", "no:xdist", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=ROOT,
        env=build_env(HYPOTHESIS_PROFILE="ci"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None and suite.get("errors") == "0" and suite.get("failures") == "0"
    assert suite.get("tests") == "1"
    recorded = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert recorded == {"generated_cases": str(DRAWN["ci"])}
