"""Builders shared by the tests."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
VENV_BIN = Path(sys.executable).parent
#: A sample careers centre (every key filled in), and the address the tests build its edition for.
CENTRE_FIXTURE = ROOT / "tests" / "fixtures" / "centre.yml"
CENTRE_SITE_URL = "https://careers.example.edu/after-the-no/"
#: Hypothesis profiles (tests/conftest.py loads one): examples a test at the profile. "quick" (the default)
#: for the edit loop, "ci" for CI: `make test` sets HYPOTHESIS_PROFILE=ci when CI=true.
PROFILES = {"quick": 30, "ci": 200}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
_Case = TypeVar("_Case")


def build_env(**extra: str) -> dict[str, str]:
    """The environment for a build: no banner, fixed dates, plus ``extra``."""
    env = dict(os.environ)
    env.update({"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764028800", "PYTHONDONTWRITEBYTECODE": "1"})
    env.update(extra)
    return env


def build_site(
    site_dir: Path, *, project: Path = ROOT, tool: str = "mkdocs", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run a strict build of ``project`` into ``site_dir`` and return the finished process."""
    # No --quiet: MkDocs 1.6 then drops warnings before --strict can count them, and a broken build passes.
    return subprocess.run(
        [str(VENV_BIN / tool), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(directory: Path, port: int) -> ThreadingHTTPServer:
    """Serve ``directory`` (it may be built later: files are looked up per request) on loopback, in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def copy_project(target: Path) -> Path:
    """Copy what a build needs (config, docs, content, hooks, overrides) into ``target`` (made if missing)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("docs", "content", "hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def run_cases(
    record_property: Callable[[str, object], None],
    label: str,
    examples: int,
    cases: st.SearchStrategy[_Case],
    check: Callable[[_Case], object],
) -> None:
    """Run ``check`` on cases drawn from ``cases`` and record how many ran.

    ``examples`` is the count at Hypothesis' usual 100 examples a test; the loaded profile scales it
    (tests/conftest.py: "quick" by default, "ci" in CI). No per-case deadline (the checks set their
    own time limits) and no example database, so every run draws afresh. The count is kept in JUnit
    XML as a property (``junit_family = "xunit1"`` allows it) and shown with ``pytest -s``.
    """
    seen = 0

    @settings(
        max_examples=max(1, round(examples * settings().max_examples / 100)),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(cases)
    def run(case: _Case) -> None:
        nonlocal seen
        seen += 1
        check(case)

    run()
    record_property("generated_cases", seen)
    print(f"\n{label}: {seen} generated cases")


def gzipped(path: Path) -> int:
    """A file's size after gzip at level 6 (the usual server setting)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path inside the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def content_files() -> list[Path]:
    """Every YAML file under content/."""
    return sorted(CONTENT.rglob("*.yml"))


def translation_files() -> list[Path]:
    """Every YAML file under content/translations/."""
    return sorted((CONTENT / "translations").rglob("*.yml"))


#: The languages the site is translated into (content/translations/languages.yml), by code, in their own names.
TRANSLATED = {"de": "Deutsch", "es": "Español"}
#: Named values in interface text (``%(date)s``): what is left between them is the wording.
_UI_FIELD = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")


def ui_text(code: str) -> dict[str, str]:
    """A language's interface text (content/translations/CODE/ui.yml): English wording to translation."""
    data = yaml.safe_load((CONTENT / "translations" / code / "ui.yml").read_text(encoding="utf-8"))
    return {entry["en"]: entry["text"] for entry in data["strings"]}


def english_leftovers(text: str, code: str) -> list[str]:
    """The English interface text found in ``text`` (a page or a printout in language ``code``), as whole words.

    Each ui.yml entry whose translation differs is looked for by its longest wording between named values
    (``Last reviewed`` of ``Last reviewed %(date)s.``), if that is at least four characters long; words
    with a slash (addresses) are left out of ``text``.
    """
    # Addresses (any word with a slash) are the same in every language: /checklist/ is no English leftover.
    flat = " ".join(word for word in text.split() if "/" not in word)
    found = []
    for english, translated in ui_text(code).items():
        if english == translated:
            continue
        wording = max((part.strip() for part in _UI_FIELD.split(english)), key=len)
        if len(wording) >= 4 and re.search(rf"(?<!\w){re.escape(wording)}(?!\w)", flat):
            found.append(english)
    return found


class PageParser(HTMLParser):
    """Collects ids, links and resource URLs from one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(str(values[name]))
        for attr in ("href", "src"):
            value = values.get(attr)
            if value is not None:
                self.links.append((tag, value))


def parse_page(path: Path) -> PageParser:
    """Parse a built HTML page."""
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@contextlib.contextmanager
def live_preview(project: Path, *, timeout: float = 60) -> Iterator[str]:
    """Run `mkdocs serve` (the live preview) on ``project`` at a free port; yield its address, then stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(VENV_BIN / "mkdocs"), "serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=build_env(SITE_URL=base),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + timeout
        while "Serving on" not in (project / "serve.log").read_text(encoding="utf-8"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start:\n" + (project / "serve.log").read_text("utf-8"))
            time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def english_only(project: Path) -> Path:
    """Set a copied project's languages to draft: a test that renames English items builds English alone (a
    published language refuses items it has no translation for)."""
    languages = project / "content" / "translations" / "languages.yml"
    languages.write_text(languages.read_text(encoding="utf-8").replace("published", "draft"), encoding="utf-8")
    return project


#: A language's root in the language selector every built page has (English's is "/").
_ROOT_ATTR = re.compile(r'data-atn-root="/([a-z-]*/?)"')


def language_roots(site: Path) -> list[str]:
    """The language folders of the built site, from its language selector: "" for English, then "de/", "es/" ..."""
    roots = sorted(set(_ROOT_ATTR.findall((site / "index.html").read_text(encoding="utf-8"))))
    assert roots[0] == "" and len(roots) > 1, roots
    return roots


#: What a reader types, per language: a contact named by title and surname, then by full name.
MESSAGE_READERS = {
    "en": [
        {"contact_name": "Ms Shah", "company": "Example Ltd", "role": "Junior Data Analyst"},
        {"contact_name": "Priya Shah", "company": "Acme Inc.", "role": "Assistant Editor"},
    ],
    "de": [
        {"contact_name": "Frau Schmidt", "company": "Beispiel GmbH", "role": "Junior Data Analyst"},
        {"contact_name": "Jonas Becker", "company": "Muster AG", "role": "Werkstudent Marketing"},
    ],
    "es": [
        {"contact_name": "señora Gómez", "company": "Ejemplo S.L.", "role": "analista de datos júnior"},
        {"contact_name": "Lucía Gómez", "company": "Ejemplo S.A.", "role": "auxiliar administrativo"},
    ],
}
#: The boxes each message has of its own, filled as a reader would.
MESSAGE_OWN_BOXES = {
    "en": {"your_name": "Sam Taylor", "new_role": "Operations Analyst", "key_strength": "led a project",
           "recent_progress": "taking a course"},
    "de": {"your_name": "Sam Taylor", "new_role": "Operations Analyst", "key_strength": "ein Projekt geleitet",
           "recent_progress": "einen Kurs gemacht"},
    "es": {"your_name": "Sam Taylor", "new_role": "analista de operaciones", "key_strength": "llevado un proyecto",
           "recent_progress": "haciendo un curso"},
}  # fmt: skip
#: Wording that is wrong for some reader whatever they type, per language (checked on the filled text).
MESSAGE_MISTAKES = {
    "all": [r"\w/(?:r|a|in|e|n)\b", r"\(\w{1,3}\)"],
    "en": [r"\ba [AEIOUaeiou]", r"\bDear Sir", r"\bMadam\b"],
    "de": [r"Sehr geehrte", r"\bLiebe[rs]?\b", r"\bvon {company}", r"\bdass {company}", r"^{company}",
           r"(?<!bei )(?<!Firma ){company}"],
    "es": [r"\bEstimad[oa]", r"\bQuerid[oa]", r"\bde la empresa {company}"],
}  # fmt: skip
