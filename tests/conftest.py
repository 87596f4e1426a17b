"""Shared fixtures: one strict build of the site per test run, shared by every pytest-xdist worker, served.

The first test that needs the site builds it; tests in any worker that need it later wait for that
build and read the same files. The build's SITE_URL is the address of a loopback server that the
main pytest process starts before any worker runs, so static and browser tests check one build.
Tests that build a site of their own do it in a module-scoped fixture; `make test` runs pytest-xdist
with ``--dist loadfile``, so each such module runs in one worker and builds once. Also here: the
Hypothesis profiles.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import tempfile
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from afterno.translation_load import read_page
from afterno.translation_model import KIND_BY_NAME, fingerprint, schema_line
from helpers import (
    CENTRE_FIXTURE,
    CENTRE_SITE_URL,
    PROFILE,
    PROFILES,
    build_site,
    copy_project,
    free_port,
    start_server,
)

for _name, _examples in PROFILES.items():
    settings.register_profile(_name, max_examples=_examples)
settings.load_profile(PROFILE)


@dataclass(frozen=True)
class SharedSite:
    """Where the run's one build goes, and the address it is served at."""

    folder: Path
    url: str

    def build(self) -> Path:
        """The built site: built by whichever worker asks first, under a lock; the others wait and reuse it."""
        site = self.folder / "site"
        with (self.folder / "build.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            record = self.folder / "build.json"
            if not record.exists():
                result = build_site(site, SITE_URL=self.url)
                outcome = {"returncode": result.returncode, "output": result.stdout + result.stderr}
                record.write_text(json.dumps(outcome), encoding="utf-8")
            done: dict[str, Any] = json.loads(record.read_text(encoding="utf-8"))
        if done["returncode"] != 0:
            pytest.fail(f"strict build failed:\n{done['output']}", pytrace=False)
        return site


def pytest_report_header(config: pytest.Config) -> str:
    """Say which Hypothesis profile the run uses."""
    return f"hypothesis profile: {PROFILE} ({settings().max_examples} examples a test, HYPOTHESIS_PROFILE)"


SHARED = pytest.StashKey[SharedSite]()
SERVER = pytest.StashKey[ThreadingHTTPServer]()


def pytest_configure(config: pytest.Config) -> None:
    """In the main process, choose the build folder and serve it; a worker takes both from the main process."""
    worker: dict[str, str] | None = getattr(config, "workerinput", None)
    if worker is not None:
        config.stash[SHARED] = SharedSite(Path(worker["afterno_site_folder"]), worker["afterno_site_url"])
        return
    folder = Path(tempfile.mkdtemp(prefix="afterno-tests-"))
    port = free_port()
    config.stash[SERVER] = start_server(folder / "site", port)
    config.stash[SHARED] = SharedSite(folder, f"http://127.0.0.1:{port}/")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Hand each xdist worker the shared build folder and address."""
    shared = node.config.stash[SHARED]
    node.workerinput["afterno_site_folder"] = str(shared.folder)
    node.workerinput["afterno_site_url"] = shared.url


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop the server and remove the shared build (main process only)."""
    server = config.stash.get(SERVER, None)
    if server is not None:
        server.shutdown()
        server.server_close()
        shutil.rmtree(config.stash[SHARED].folder, ignore_errors=True)


@pytest.fixture(scope="session")
def shared_site(pytestconfig: pytest.Config) -> SharedSite:
    """The run's shared build folder and address."""
    return pytestconfig.stash[SHARED]


@pytest.fixture(scope="session")
def site(shared_site: SharedSite) -> Path:
    """The site built once per run with `mkdocs build --strict`, SITE_URL set to where it is served."""
    return shared_site.build()


@pytest.fixture(scope="session")
def site_url(shared_site: SharedSite) -> str:
    """The site_url the shared build was made with (``http://127.0.0.1:PORT/``), where it is served."""
    return shared_site.url


#: Pages a careers centre adds under docs/ in the centre build: one ordered by nav_order, one without.
OUR_PAGE = """---
title: Drop-in times
nav_order: 15
---

# Drop-in times

Drop-ins run on Wednesday afternoons in the Student Centre.
"""
LATE_PAGE = "# Printing at the centre\n\nThe printers on the ground floor take student cards.\n"
#: The centre's page in each published language: a site in Spanish and German needs its pages translated too.
OUR_PAGE_TRANSLATED = {
    "de": ("Offene Sprechstunde", "Die offene Sprechstunde ist mittwochs am Nachmittag im Student Centre."),
    "es": ("Sesiones abiertas", "Las sesiones abiertas son los miércoles por la tarde en el Student Centre."),
}
#: The centre's page in a folder (docs/local/printing.md), in each published language: translated like the other.
LATE_PAGE_TRANSLATED = {
    "de": ("Drucken im Zentrum", "Die Drucker im Erdgeschoss nehmen den Studierendenausweis."),
    "es": ("Imprimir en el centro", "Las impresoras de la planta baja aceptan la tarjeta de estudiante."),
}


def translate_our_page(project: Path) -> None:
    """Write the translations of the centre's pages drop-in-times.md and local/printing.md (when it is there),
    made from their English as it is now."""
    pages = {"drop-in-times": OUR_PAGE_TRANSLATED, "local/printing": LATE_PAGE_TRANSLATED}
    for page_id, translated in pages.items():
        source = project / "docs" / f"{page_id}.md"
        if not source.is_file():
            continue
        english = read_page(source)
        made_from = {name: fingerprint(english[name]) for name in ("title", "body") if english[name]}
        for code, (title, text) in translated.items():
            entry = {"id": page_id, "made_from": made_from, "title": title, "body": f"\n# {title}\n\n{text}\n"}
            if not english["title"]:
                del entry["title"]  # Its title is its heading's.
            path = project / "content" / "translations" / code / "pages" / f"{page_id}.yml"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = yaml.safe_dump(entry, allow_unicode=True, sort_keys=False)
            path.write_text(f"{schema_line(KIND_BY_NAME['page'], page_id)}\n{text}", encoding="utf-8")


@pytest.fixture(scope="session")
def centre_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the sample centre.yml, a REPO_URL, and two pages a centre added under docs/."""
    project = copy_project(tmp_path_factory.mktemp("centre-project"))
    (project / "centre.yml").write_text(CENTRE_FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs" / "drop-in-times.md").write_text(OUR_PAGE, encoding="utf-8")
    (project / "docs" / "local").mkdir()
    (project / "docs" / "local" / "printing.md").write_text(LATE_PAGE, encoding="utf-8")
    translate_our_page(project)
    site = tmp_path_factory.mktemp("centre-site")
    result = build_site(
        site, project=project, SITE_URL=CENTRE_SITE_URL, REPO_URL="https://github.com/example/after-the-no"
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return site
