"""The test suite's own machinery: JUnit XML with Hypothesis tests, and the Hypothesis profiles."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import strategies as st

from helpers import ROOT, build_env, run_cases

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
