"""The GitHub Actions workflows test, build strictly and publish; the link check runs weekly, apart from the tests."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from typing import Any

import yaml

from helpers import ROOT, build_env

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
    """CI runs the checker first, then `make test`, then `make build` (strict, safe), then deploys it to Pages."""
    ci = workflow("ci.yml")
    assert {"push", "pull_request"} <= set(ci["on"])
    jobs = ci["jobs"]
    assert next(iter(jobs)) == "check" and jobs["test"]["needs"] == "check"
    assert "make test" in commands(jobs["test"])
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


def test_first_job_is_the_fast_checker_with_annotations() -> None:
    """CI's first job installs no browser and no Java: it runs the checker alone, as GitHub annotations."""
    job = workflow("ci.yml")["jobs"]["check"]
    assert "container" not in job and job["timeout-minutes"] <= 3
    assert commands(job).strip() == "make check-github"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ncheck-github:", 1)[1].split("\n\n", 1)[0]
    assert "check --format github" in recipe and "--require-hashes" in recipe
    assert "apt-get" not in recipe and "ensure-browser" not in recipe and "requirements.lock" not in recipe


def test_checker_imports_only_the_packages_ci_installs_for_it() -> None:
    """`afterno check` needs nothing beyond the standard library and the packages CI's first job installs."""
    packages = runpy.run_path(str(ROOT / ".ci" / "checker_requirements.py"))["PACKAGES"]
    # PyYAML's C extension is built with Cython, which registers the module cython_runtime.
    modules_of = {
        "pyyaml": {"yaml", "cython_runtime"},
        "jsonschema": {"jsonschema"},
        "jsonschema-specifications": {"jsonschema_specifications"},
        "referencing": {"referencing"},
        "rpds-py": {"rpds"},
        "attrs": {"attr", "attrs"},
        "typing-extensions": {"typing_extensions"},
        "idna": {"idna"},
        # Markdown registers its HTML parser copy as the module htmlparser.
        "markdown": {"markdown", "htmlparser"},
        "jinja2": {"jinja2"},
        "markupsafe": {"markupsafe"},
    }
    allowed = set().union(*(modules_of[name] for name in packages))
    script = (
        "import json, sys; sys.path.insert(0, 'hooks'); from afterno.cli import main; code = main(['check']); "
        "print(json.dumps([code, sorted({name.split('.')[0] for name in sys.modules})]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=60
    )
    code, modules = json.loads(result.stdout.splitlines()[-1])
    assert code == 0, result.stderr
    outside = {m for m in modules if m not in sys.stdlib_module_names and not m.startswith("_") and m != "afterno"}
    assert outside <= allowed, (
        f"the checker imports {sorted(outside - allowed)}; add them to .ci/checker_requirements.py"
    )


def test_checker_requirements_are_the_locked_lines() -> None:
    """The checker's requirements are copied from requirements.lock: the same versions, every hash."""
    script = runpy.run_path(str(ROOT / ".ci" / "checker_requirements.py"))
    lines = script["requirement_lines"]()
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert all(line in lock for line in lines)
    pinned = [line.split("==")[0] for line in lines if "==" in line]
    assert sorted(pinned) == sorted(script["PACKAGES"])
    assert sum("--hash=sha256:" in line for line in lines) >= 2 * len(pinned)


def test_make_serve_takes_the_port_it_is_given() -> None:
    """`make serve PORT=8210` previews on port 8210 (address and SITE_URL); plain `make serve` stays on 8000."""
    for extra, port in ((["PORT=8210"], "8210"), ([], "8000")):
        recipe = subprocess.run(
            ["make", "--no-print-directory", "-n", "serve", *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
        assert f"--dev-addr 127.0.0.1:{port}" in recipe and f"http://127.0.0.1:{port}/" in recipe
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.split("```sh\n", 1)[1].startswith("make serve   # preview the site at http://127.0.0.1:8000")
    assert "make serve PORT=8210" in readme and "make serve PORT=8210" in (ROOT / "CONTRIBUTING.md").read_text("utf-8")
