"""Build each published language's site into ``site/<lang>/`` beside the English one, and tie them together.

Each language is a build of its own (a separate process running MkDocs with ``AFTERNO_LANGUAGE`` set),
so the theme's interface text, the search language and every page come out in that language at the
same addresses under ``/<lang>/``. They start as soon as the English build has checked the content, and run
beside it and beside each other. Afterwards the English sitemap gets
each page's language versions (``xhtml:link`` alternates) and robots.txt points at every sitemap.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

#: Set in a language build's environment: the language code, the English site's address, and where the
#: build writes the hashes of its pages' inline scripts (for the one _headers file of the whole site).
LANGUAGE_VARIABLE = "AFTERNO_LANGUAGE"
BASE_VARIABLE = "AFTERNO_BASE_URL"
HASHES_VARIABLE = "AFTERNO_SCRIPT_HASHES"
#: Set in a language build's environment: the file holding the project as the English build loaded and checked it
#: (pickled), so that each language build starts from it instead of reading and checking every file again.
LOADED_VARIABLE = "AFTERNO_LOADED"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SiteLanguage:
    """One language version of the site: its code, its name in itself, and its root address."""

    code: str
    name: str
    root: str


@dataclass(frozen=True)
class LanguageVersion:
    """What /careers-centres/ says of one language's version: its code, its name in itself, the path of its
    root (``/de/``), and the name of its printable handout in that language."""

    code: str
    name: str
    path: str
    handout: str


#: The English name of the handout, looked up in each language's interface text (ui.yml).
HANDOUT_NAME = "Printable handout"


def language_versions(languages: list[SiteLanguage], ui: dict[str, dict[str, str]]) -> list[LanguageVersion]:
    """Each language of the site as /careers-centres/ lists it, in that language's own words (``ui`` holds each
    language's interface text, English wording to translation, by code; English needs none)."""
    handout = {lang.code: ui.get(lang.code, {}).get(HANDOUT_NAME, HANDOUT_NAME) for lang in languages}
    return [LanguageVersion(lang.code, lang.name, root_path(lang.root), handout[lang.code]) for lang in languages]


def language_root(base_url: str, code: str) -> str:
    """The root address of a language's site: the English site's address, plus ``<code>/`` except for English."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return base if code == "en" else f"{base}{code}/"


def site_languages(base_url: str, others: list[tuple[str, str]]) -> list[SiteLanguage]:
    """English, then each language in ``others`` ((code, name) pairs), with their root addresses."""
    return [SiteLanguage(code, name, language_root(base_url, code)) for code, name in [("en", "English"), *others]]


class LanguageBuilds:
    """The language builds, running beside the English one from the moment its content has loaded.

    Each writes into a scratch folder beside the English site (the English build empties its own folder after
    it starts them); ``finish`` moves each finished site into ``<site>/<code>/``.
    """

    def __init__(
        self, config_file: Path, site_dir: Path, base_url: str, codes: list[str], strict: bool, loaded: bytes
    ) -> None:
        """Start a build of each language in ``codes`` (``--strict`` if ``strict``); ``loaded`` is the project as the
        English build loaded and checked it (``pickle.dumps``), read by each language build in place of content/."""
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        # Beside the site, on the same file system, so that moving a finished language site in is a rename.
        # Only this user can read the folder (tempfile makes it so), and with it the pickled project.
        self._scratch = tempfile.TemporaryDirectory(prefix=f".{site_dir.name}.languages-", dir=site_dir.parent)
        self._folder = Path(self._scratch.name)
        (self._folder / "loaded.pickle").write_bytes(loaded)
        self._running: list[tuple[str, subprocess.Popen[bytes]]] = []
        for code in codes:
            env = dict(os.environ)
            env.update(
                {
                    LANGUAGE_VARIABLE: code,
                    BASE_VARIABLE: base_url,
                    "SITE_URL": language_root(base_url, code),
                    HASHES_VARIABLE: str(self._folder / f"{code}.json"),
                    LOADED_VARIABLE: str(self._folder / "loaded.pickle"),
                }
            )
            command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_file)]
            command += ["-d", str(self._folder / code)] + (["--strict"] if strict else [])
            self._running.append((code, subprocess.Popen(command, cwd=config_file.parent, env=env)))

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for every language build, move its site into ``site_dir/<code>/`` and return the inline script
        hashes of all their pages.

        Raises:
            RuntimeError: When a language's build fails (its output was already printed).
        """
        try:
            failed = [code for code, process in self._running if process.wait() != 0]
            if failed:
                raise RuntimeError(f"the build of {', '.join(failed)} failed (its messages are above).")
            hashes: list[str] = []
            for code, _ in self._running:
                hashes += json.loads((self._folder / f"{code}.json").read_text(encoding="utf-8"))
                (self._folder / code).rename(site_dir / code)
            return hashes
        finally:
            self._scratch.cleanup()

    def stop(self) -> None:
        """End the language builds (the English one failed) and remove what they wrote."""
        for _, process in self._running:
            process.terminate()
        for _, process in self._running:
            process.wait()
        self._scratch.cleanup()


def write_hashes(path: Path, hashes: list[str]) -> None:
    """Hand a language build's inline script hashes to the English build (which writes _headers)."""
    path.write_text(json.dumps(sorted(set(hashes))), encoding="utf-8")


LOC = re.compile(r"<url>\s*<loc>([^<]+)</loc>")


def sitemap_with_alternates(text: str, languages: list[SiteLanguage], code: str = "en") -> str:
    """The sitemap of the ``code`` site with every page's language versions as ``xhtml:link`` alternates,
    and x-default (the English page)."""
    own = next(lang.root for lang in languages if lang.code == code)

    def links(match: re.Match[str]) -> str:
        address = match.group(1)
        if not address.startswith(own):
            return match.group(0)
        rest = address[len(own) :]
        alternates = [(lang.code, lang.root + rest) for lang in languages]
        alternates.append(("x-default", languages[0].root + rest))
        lines = "".join(
            f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{href}"/>' for code, href in alternates
        )
        return match.group(0) + lines

    text = LOC.sub(links, text)
    return text.replace(
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}"',
        1,
    )


def sitemap_lines(languages: list[SiteLanguage]) -> list[str]:
    """robots.txt's ``Sitemap:`` lines: one per language's site."""
    return [f"Sitemap: {lang.root}sitemap.xml" for lang in languages]


def page_alternates(languages: list[SiteLanguage], page_url: str) -> list[tuple[str, str, str]]:
    """(code, name, address) of one page in every language: ``page_url`` is its address inside a site."""
    return [(lang.code, lang.name, lang.root + page_url) for lang in languages]


def root_path(address: str) -> str:
    """The path of an address (``https://x.org/after/de/`` -> ``/after/de/``), as the switcher's script compares it."""
    return urlsplit(address).path or "/"
