"""The GitHub Actions workflows test, build strictly and publish; the link check runs weekly, apart from the tests."""

from __future__ import annotations

from typing import Any

import yaml

from helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict[Any, Any]:
    """A workflow file, parsed (YAML 1.1 reads the key `on` as True)."""
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def commands(job: dict[str, Any]) -> str:
    """Every shell command of a job, one after another."""
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_ci_tests_builds_strictly_and_deploys() -> None:
    """CI runs the checker and `make test`, then `make build` (strict, safe), then deploys that build to Pages."""
    ci = workflow("ci.yml")
    assert {"push", "pull_request"} <= set(ci["on"])
    jobs = ci["jobs"]
    assert "make check" in commands(jobs["test"]) and "make test" in commands(jobs["test"])
    assert jobs["build"]["needs"] == "test" and "make build" in commands(jobs["build"])
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in jobs["build"]["steps"])
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "refs/heads/main" in jobs["deploy"]["if"]


def test_make_build_is_strict() -> None:
    """The build CI publishes is the strict one: `make build` runs `afterno build`, which passes --strict."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/afterno build" in makefile
    source = (ROOT / "hooks" / "afterno" / "publish.py").read_text(encoding="utf-8")
    assert '"--strict"' in source


def test_link_check_is_weekly_and_separate() -> None:
    """External links are checked by a scheduled workflow, never by `make test`."""
    links = workflow("links.yml")
    assert links["on"]["schedule"][0]["cron"].split()[-1] == "1"
    assert "make links" in commands(links["jobs"]["links"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "links" not in test_recipe
