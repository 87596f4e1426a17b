"""README's "Host your own edition", done as it says: a careers centre's own page in an edition published in English,
Spanish and German."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import CENTRE_FIXTURE, CENTRE_SITE_URL, ROOT, TRANSLATED, VENV_BIN, build_env, build_site, copy_project

pytestmark = pytest.mark.slow


def section() -> str:
    """The README's "Host your own edition" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Host your own edition", 1)[1].split("\n## ", 1)[0]


def blocks(kind: str) -> list[str]:
    """The section's fenced code blocks of ``kind`` (``yaml``, ``markdown``), without their indentation."""
    found = re.findall(rf"\n( *)```{kind}\n(.*?)\n\1```", section(), re.S)
    return ["\n".join(line[len(indent) :] for line in body.split("\n")) + "\n" for indent, body in found]


def test_an_own_page_builds_in_every_language_as_the_readme_says(tmp_path: Path) -> None:
    """The README's own page stops the build with the message it quotes until each language has its text; with the
    README's translation file, stamped by the README's command, the page is on the English, Spanish and German sites,
    and the centre's box is on each home page with the centre's words as written."""
    assert set(TRANSLATED) == {"es", "de"}, "the README names Spanish and German: say which languages are published"
    project = copy_project(tmp_path / "project")
    (project / "centre.yml").write_text(CENTRE_FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs" / "drop-ins.md").write_text(blocks("markdown")[0], encoding="utf-8")
    failed = build_site(tmp_path / "site", project=project, SITE_URL=CENTRE_SITE_URL)
    quoted = re.search(r'stops with "([^"]+)"', section())
    assert quoted and failed.returncode != 0
    assert quoted.group(1) in failed.stdout + failed.stderr
    page = next(block for block in blocks("yaml") if "id: drop-ins" in block)
    command = re.search(r"`\.venv/bin/afterno translations es --stamp ([^`]+)`", section())
    assert command, "the README's stamp command"
    for code in TRANSLATED:
        path = project / command.group(1).replace("/es/", f"/{code}/")
        path.write_text(page, encoding="utf-8")
        stamp = [str(VENV_BIN / "afterno"), "translations", code, "--stamp", str(path)]
        done = subprocess.run(stamp, cwd=project, capture_output=True, text=True, env=build_env(), check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    built = build_site(tmp_path / "site", project=project, SITE_URL=CENTRE_SITE_URL)
    assert built.returncode == 0, built.stdout + built.stderr
    title = yaml.safe_load(page)["title"]
    hours = yaml.safe_load(CENTRE_FIXTURE.read_text(encoding="utf-8"))["opening_hours"]
    for prefix in ("", *(f"{code}/" for code in TRANSLATED)):
        site = tmp_path / "site" / prefix
        assert (site / "drop-ins" / "index.html").exists(), f"/{prefix}drop-ins/"
        assert 'href="drop-ins/"' in (site / "index.html").read_text(encoding="utf-8"), f"/{prefix}: not in the nav"
        assert hours in (site / "handout" / "index.html").read_text(encoding="utf-8"), f"/{prefix}handout/"
    for code in TRANSLATED:
        assert title in (tmp_path / "site" / code / "drop-ins" / "index.html").read_text(encoding="utf-8")
