"""MkDocs hooks: wire MkDocs' events to the content core in hooks/afterno.

Only events live here. Loading, validating and rendering are plain Python in afterno/,
which knows nothing of MkDocs. Content is read inside the events, never at import time,
because `mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError
from markupsafe import escape
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from afterno import preview
from afterno.centre import read_centre
from afterno.counts import content_counts, fill_counts, in_words
from afterno.csp import KnownScripts, csp_meta_edits, split_scripts, text_script_problems, unknown_script_problem
from afterno.docs_pages import docs_pages, translatable_pages
from afterno.edit import EditLinks, page_source
from afterno.errors import ContentError, Problem
from afterno.headers import write_headers
from afterno.html_fixes import apply_edits, theme_fix_edits
from afterno.language_sites import (
    BASE_VARIABLE,
    HASHES_VARIABLE,
    LANGUAGE_VARIABLE,
    LOADED_VARIABLE,
    LanguageBuilds,
    SiteLanguage,
    language_versions,
    page_alternates,
    root_path,
    site_languages,
    sitemap_lines,
    sitemap_with_alternates,
    write_hashes,
)
from afterno.load import load_content
from afterno.localize import (
    OUTDATED_LINK,
    OUTDATED_NOTE,
    direction,
    mark_in_contents,
    outdated_pages,
    theme_text,
    translate_palette,
    translate_permalink_title,
    translated_content,
    write_translated_docs,
)
from afterno.minify import minify_site_assets
from afterno.render import NavEntry, Renderer, compiled_templates
from afterno.report import text_lines
from afterno.repository import new_issue_url, repository_url
from afterno.search_index import english_left_out, with_folded_fields, with_section_keywords
from afterno.translation_load import Translations, load_translations, script_strings_by_file, text_key

if TYPE_CHECKING:
    from typing import Any

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from afterno.model import Content

log = logging.getLogger("mkdocs.plugins.afterno")

_renderer: Renderer | None = None
#: Links to edit the pages' source files on the web, when the repository's address is set.
_edit_links: EditLinks | None = None
#: True under `mkdocs serve`: content problems then show in the preview's pages instead of stopping it.
_serving = False
#: The content problems of the latest build; while there are any, the preview shows them on every page.
_problems: list[Problem] = []
#: The repository's address (REPO_URL or repo_url), where "Report a problem with this page" goes.
_repository: str | None = None
#: The inline scripts the theme's templates write (Material's and overrides/): the only ones a page may run.
_known_scripts = KnownScripts(frozenset(), ())
#: The inline script hashes of each page written in this build, by output path (on_config empties it).
_script_hashes: dict[Path, list[str]] = {}
#: Scripts found in this build that are not the theme's, one message each (on_config empties it).
_unknown_scripts: list[str] = []
#: Pages whose Markdown holds a <script> (already reported, with its line): their scripts are not reported twice.
_pages_with_scripts: set[str] = set()
#: This build's language: "en", or the code of a language build (AFTERNO_LANGUAGE, set by the English build).
_language = "en"
#: English and every published language, with their root addresses (one entry: no translations published).
_languages: list[SiteLanguage] = []
#: In a language build: the interface text (English to translation), and the pages whose translation is outdated.
_ui: dict[str, str] = {}
_outdated: set[str] = set()
#: In a language build: each script's interface text (t("...")), English to translation. A page carries as JSON
#: the text of the scripts that can run on it (page_script_ui): a translated /checklist/ stays within its budget.
_script_ui: dict[str, dict[str, str]] = {}
#: checklist.js starts only on a page with the checklist: other pages leave its text out.
SCRIPT_MARKERS = {"checklist.js": "data-atn-checklist"}
#: Scripts fetched on demand (by checklist.js and site.js): a language build appends their text to their own copy
#: (with_own_strings), so no page carries it.
ON_DEMAND_SCRIPTS = ("checklist-files.js", "templates-core.js", "templates-ui.js")
#: In the English build of a site with translations: the language builds, started once the content has loaded.
_language_builds: LanguageBuilds | None = None
#: In a language build: the folder holding docs/ with the hand-written pages translated.
_translated_docs: tempfile.TemporaryDirectory[str] | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Note whether this is the live preview (`mkdocs serve`), which shows content problems in its pages."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load content/ (stopping the build with every problem listed) and set the navigation.

    Under `mkdocs serve` a content problem does not stop the preview: the build makes no pages and
    the preview shows the problems at every address until a saved fix brings the site back.
    """
    global _renderer, _edit_links, _known_scripts, _repository
    _script_hashes.clear()
    _problems.clear()
    _unknown_scripts.clear()
    _pages_with_scripts.clear()
    _known_scripts = KnownScripts.from_templates(Path(folder) for folder in config.theme.dirs)
    project = Path(config.config_file_path).parent
    content, centre, translations, problems = _load_project(project)
    if problems:
        problems.sort()
        for line in text_lines(problems, project):
            log.error(line)
        count = len(problems)
        if _serving:
            _problems.extend(problems)
            _renderer = None
            config.nav = []
            log.error(f"content/ has {count} problem{'s' if count != 1 else ''}; every page of the preview lists them.")
            return config
        raise PluginError(
            f"{count} problem{'s' if count != 1 else ''} in content/ or centre.yml (listed above). "
            "Fix them, or run 'make check' to see them without building."
        ) from None
    try:
        _repository = repository_url(config.repo_url)
    except ValueError as error:
        raise PluginError(str(error)) from None
    edit_uri = str(config.extra.get("edit_uri") or "edit/main/")
    _edit_links = EditLinks(config.repo_url, edit_uri) if config.repo_url else None
    assert translations is not None
    content = _set_languages(config, (content, centre, translations))
    # Each language's name for its handout, from its own ui.yml, for the language list on /careers-centres/.
    ui = {code: language.ui() for code, language in translations.by_language.items()}
    _renderer = Renderer(
        content,
        config.site_url or "",
        centre=centre,
        repository=_repository,
        edit_links=_edit_links,
        ui=_ui,
        languages=language_versions(_languages, ui),
        language=_language,
    )
    if centre is not None:
        # The centre's name in every page's footer, before the licence (overrides/partials/copyright.html
        # writes it in the page's language).
        config.extra["centre_name"] = centre.name
    try:
        pages = docs_pages(Path(config.docs_dir), skip={"index.md"})
    except ValueError as error:
        raise PluginError(str(error)) from None
    extra = [NavEntry(page.title, page.src) for page in pages]
    config.nav = [entry.to_mkdocs() for entry in _renderer.nav(extra)]
    return config


def _load_project(project: Path) -> tuple[Any, Any, Translations | None, list[Problem]]:
    """content/, centre.yml (optional) and content/translations/, with every problem found in them.

    A language build reads them as the English build that started it loaded and checked them (no problems).
    """
    loaded = os.environ.get(LOADED_VARIABLE)
    if loaded and os.environ.get(LANGUAGE_VARIABLE, "en") != "en":
        content, centre, translations = pickle.loads(Path(loaded).read_bytes())
        return content, centre, translations, []
    problems: list[Problem] = []
    content = None
    try:
        content = load_content(project / "content")
    except ContentError as error:
        problems += error.problems
    # centre.yml (optional) is checked with the content, and its problems listed with theirs.
    centre, centre_problems = read_centre(project)
    problems += centre_problems
    translations = None
    if content is not None and not problems:
        try:
            translations = load_translations(project, content)
        except ContentError as error:
            problems += error.problems
    return content, centre, translations, problems


def _set_languages(config: MkDocsConfig, loaded: tuple[Content, Any, Translations]) -> Content:
    """Note the published languages (stopping on a missing or orphaned translation); in the English build, start
    the language builds; in a language build, switch the docs folder, the content and the interface text to that
    language and return its content. ``loaded`` is the project as _load_project read it: content, centre, translations.
    """
    global _language, _languages, _ui, _translated_docs, _language_builds
    content, _, translations = loaded
    blocking = translations.blocking()
    if blocking and not _serving:
        for line in blocking:
            log.error(line)
        raise PluginError(f"{len(blocking)} translation problem(s) in a published language (listed above).")
    _language = os.environ.get(LANGUAGE_VARIABLE, "en")
    published = [(lang.code, lang.name) for lang in translations.languages if lang.published and not _serving]
    base = os.environ.get(BASE_VARIABLE) if _language != "en" else config.site_url
    _languages = site_languages(base or "", published) if published else []
    config.extra["alternate"] = [{"name": lang.name, "link": lang.root, "lang": lang.code} for lang in _languages]
    if _languages:
        # The language menu's script (keeps the page and the anchor): only in a site with translations.
        config.extra_javascript.append(ExtraScriptValue("assets/languages.js"))
    if _language == "en":
        _ui = {}
        _outdated.clear()
        if len(_languages) > 1:
            # The content is sound: the other languages build from now on, beside this one (on_post_build takes
            # their sites in; on_build_error stops them).
            codes = [lang.code for lang in _languages[1:]]
            config_file, site_dir = Path(config.config_file_path), Path(config.site_dir)
            pickled = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
            _language_builds = LanguageBuilds(config_file, site_dir, _languages[0].root, codes, config.strict, pickled)
        return content
    if _language not in translations.by_language:
        raise PluginError(f"{LANGUAGE_VARIABLE}={_language}: no such language in content/translations/languages.yml.")
    language = translations.by_language[_language]
    _ui = language.ui()
    translate_palette(config.theme.get("palette"), _ui)
    translate_permalink_title(config.mdx_configs, _ui)
    _script_ui.clear()
    _script_ui.update(script_tables(Path(config.docs_dir) / "assets", _ui))
    _translated_docs = tempfile.TemporaryDirectory(prefix=f"afterno-docs-{_language}-")
    write_translated_docs(Path(config.docs_dir), Path(_translated_docs.name), language)
    config.docs_dir = _translated_docs.name
    translated = translated_content(content, language)
    _outdated.clear()
    _outdated.update(_outdated_sources(translated, translations.status(_language), Path(config.docs_dir)))
    return translated


def _outdated_sources(content: Content, statuses: list[Any], docs: Path) -> set[str]:
    sources = [f"{page_id}.md" for page_id in translatable_pages(docs)] + ["guides/index.md", "steps/index.md"]
    sources += ["checklist/index.md", "situations/index.md", "templates/index.md"]
    sources += [f"guides/{guide.id}.md" for guide in content.guides]
    return outdated_pages(content, statuses, sources)


def _translate(text: str) -> str:
    """Interface text in this build's language (the English itself in the English build)."""
    return _ui.get(text, text)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to the site (in a preview of broken content: no pages at all)."""
    if _problems:
        return type(files)([file for file in files if not file.is_documentation_page()])
    assert _renderer is not None, "on_config did not run"
    try:
        pages = _renderer.pages()
    except TemplateError as error:
        raise PluginError(f"hooks/afterno/templates: {error.__class__.__name__}: {error}") from None
    # A renamed guide's old address is a page of its own that forwards to the new one, outside the navigation.
    off_nav = _renderer.not_in_nav() | set(_renderer.redirects())
    for src, markdown in pages.items():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} would be replaced by a generated page; delete or rename docs/{src}.")
        # Explicitly included: MkDocs excludes any folder named templates/ by default.
        inclusion = InclusionLevel.NOT_IN_NAV if src in off_nav else InclusionLevel.INCLUDED
        files.append(File.generated(config, src, content=markdown, inclusion=inclusion))
    for src, data in _renderer.files().items():
        files.append(File.generated(config, src, content=data))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give the theme's templates (overrides/) the content's counts in words (``afterno_counts.guides``) and
    ``_("...")``, our interface text in the site's language."""
    env.bytecode_cache = compiled_templates()
    env.globals["_"] = theme_text(_ui)
    # The centre's own words (the footer's name, the print credit), marked with centre.yml's language.
    env.globals["atn_centre_words"] = _renderer.centre_words if _renderer is not None else escape
    if _problems:
        # A preview of broken content has no pages; the theme's own pages (404.html) get no counts.
        env.globals["afterno_counts"] = {}
        return env
    assert _renderer is not None, "on_config did not run"
    counts = content_counts(_renderer.content)
    env.globals["afterno_counts"] = {name: in_words(n, _translate) for name, n in counts.items()}
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the ``<!-- afterno:NAME -->`` markers of hand-written pages with generated Markdown, and each
    ``<!-- afterno:count NAME -->`` with that count of the content in words."""
    assert _renderer is not None, "on_config did not run"
    src = page.file.src_uri
    try:
        markdown = fill_counts(markdown, content_counts(_renderer.content), src, _translate)
        return _renderer.fill_markers(markdown, src)
    except ValueError as error:
        raise PluginError(f"docs/{error}") from None
    except TemplateError as error:
        raise PluginError(f"hooks/afterno/templates: {error.__class__.__name__}: {error}") from None


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Give the page template the centre, the page's address, where to report a problem with it, and where to
    edit the file it is made from (content/ for generated pages)."""
    if _renderer is None:
        # The preview is showing content problems instead of the site.
        return context
    if _edit_links is not None:
        page.edit_url = _edit_links.url(page_source(page.file.src_uri, _renderer.content))
    address = page.canonical_url or ""
    context["atn_centre"] = _renderer.centre
    if _renderer.centre is not None:
        # "What <centre> offers": its entry in the table of contents keeps the name's language mark.
        mark_in_contents(page.toc, _renderer.centre.name, _renderer.centre_words)
    context["atn_address"] = address
    # Without a repository, overrides/main.html links to /about/#report-a-problem instead.
    context["atn_report_url"] = new_issue_url(_repository, address, page.title or "") if _repository else ""
    context["atn_lang"] = _language
    context["atn_strings"] = script_json(page_script_ui(page.content or ""))
    context["atn_dir"] = direction(_language)
    context["atn_alternates"] = page_alternates(_languages, page.url)
    context["atn_roots"] = {lang.code: root_path(lang.root) for lang in _languages}
    if page.file.src_uri in _outdated:
        english = page_alternates(_languages, page.url)[0][2]
        context["atn_outdated"] = {
            "note": _ui.get(OUTDATED_NOTE, OUTDATED_NOTE),
            "link": _ui.get(OUTDATED_LINK, OUTDATED_LINK),
            "href": english,
        }
    return context


def script_tables(scripts: Path, ui: dict[str, str]) -> dict[str, dict[str, str]]:
    """Each script's translated interface text, keyed by text_key (a wording the same as its English is left out:
    t() falls back to the English). Two wordings with one key stop the build."""
    tables: dict[str, dict[str, str]] = {}
    seen: dict[str, str] = {}
    for name, texts in script_strings_by_file(scripts).items():
        tables[name] = {}
        for text in texts:
            key = text_key(text)
            if seen.setdefault(key, text) != text:
                raise PluginError(f"docs/assets/{name}: {text!r} and {seen[key]!r} have one key ({key}): reword one.")
            if text in ui and ui[text] != text:
                tables[name][key] = ui[text]
    return tables


def page_script_ui(html: str) -> dict[str, str]:
    """The scripts' interface text a page needs: that of every script that can run on it (SCRIPT_MARKERS)."""
    table: dict[str, str] = {}
    for name, texts in _script_ui.items():
        if name not in ON_DEMAND_SCRIPTS and SCRIPT_MARKERS.get(name, "") in html:
            table.update(texts)
    return table


def script_json(table: dict[str, str]) -> str:
    """``table`` as compact JSON safe inside a <script> element ("" for none): letters as they are, not \\u00fc."""
    if not table:
        return ""
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def with_own_strings(site_dir: Path) -> None:
    """Append to each on-demand script of a language build the translations of its own text."""
    for name in ON_DEMAND_SCRIPTS:
        path = site_dir / "assets" / name
        if _script_ui.get(name) and path.is_file():
            table = json.dumps(_script_ui[name], ensure_ascii=False, separators=(",", ":"))
            line = f'\nif (typeof AtnChecklistCore === "object") AtnChecklistCore.addStrings({table});\n'
            path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


def _report_scripts(problems: list[str]) -> None:
    """Log each script problem as an error; on_post_build stops the build if there were any."""
    for problem in problems:
        log.error(problem)
    _unknown_scripts.extend(problems)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Report every <script> in a hand-written page's text, at its line in the Markdown file."""
    if page.file.abs_src_path is not None and "<script" in html.lower():
        path = Path(page.file.abs_src_path)
        where = _project_path(path, config)
        problems = text_script_problems(where, html, path.read_text(encoding="utf-8"))
        if problems:
            _pages_with_scripts.add(where)
            _report_scripts(problems)
    # A translated site's search finds only its own language's text.
    return english_left_out(html) if _language != "en" else html


def _finish_html(html: str, where: str, destination: Path) -> str:
    """Make the theme's HTML valid, and add a Content-Security-Policy allowing only the site and the theme's scripts.

    An inline script that is not the theme's is logged as an error and left out of the policy;
    on_post_build then stops the build.
    """
    hashes, unknown = split_scripts(html, _known_scripts)
    if where not in _pages_with_scripts:
        _report_scripts([unknown_script_problem(where, code) for code in unknown])
    # Kept for _headers, whose policy lists the allowed scripts of every page.
    _script_hashes[destination] = hashes
    try:
        return apply_edits(html, theme_fix_edits(html) + csp_meta_edits(html, script_hashes=hashes))
    except ValueError as error:
        raise PluginError(f"{where}: {error}") from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Finish every page's HTML (valid markup, Content-Security-Policy)."""
    if page.file.abs_src_path is None:
        where = f"{page.file.src_uri} (made from content/ by hooks/afterno/templates)"
    else:
        where = _project_path(Path(page.file.abs_src_path), config)
    return _finish_html(output, where, Path(page.file.abs_dest_path))


def _project_path(path: Path, config: MkDocsConfig) -> str:
    """``path`` as a contributor would type it: relative to the folder of mkdocs.yml when it is inside it."""
    root = Path(config.config_file_path).parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the theme's own HTML pages (404.html) the same finishing as the others."""
    if not template_name.endswith(".html"):
        return output_content
    return _finish_html(output_content, template_name, Path(config.site_dir) / template_name)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Let the preview's pages run its live-reload script, and show content problems in every page."""
    preview.install(server, lambda: _problems, Path(config.config_file_path).parent)
    return server


def on_post_build(config: MkDocsConfig) -> None:
    """Stop on inline scripts that are not the theme's; else take in the language sites, write _headers (CSP and
    caching, for Netlify and Cloudflare Pages), minify our scripts and point robots.txt at the sitemaps."""
    global _language_builds
    if _unknown_scripts:
        count = len(_unknown_scripts)
        raise PluginError(
            f"{count} script{'s' if count != 1 else ''} that the theme did not write (listed above): "
            "the pages must not carry code of their own."
        )
    hashes = sorted({digest for hashes in _script_hashes.values() for digest in hashes})
    _fold_search_index(Path(config.site_dir))
    if _language != "en":
        write_hashes(Path(os.environ[HASHES_VARIABLE]), hashes)
        with_own_strings(Path(config.site_dir))
        _minify(config)
        if _translated_docs is not None:
            _translated_docs.cleanup()
        return
    if _language_builds is not None:
        builds, _language_builds = _language_builds, None
        try:
            hashes += builds.finish(Path(config.site_dir))
        except RuntimeError as error:
            raise PluginError(str(error)) from None
        _link_languages(Path(config.site_dir))
    write_headers(Path(config.site_dir), hashes)
    _minify(config)
    _point_robots_at_sitemaps(config)


def on_build_error(error: Exception) -> None:
    """The English build failed: end the language builds it started, and remove what they wrote."""
    global _language_builds
    if _language_builds is not None:
        builds, _language_builds = _language_builds, None
        builds.stop()


def _link_languages(site_dir: Path) -> None:
    """Every language's sitemap lists each page's language versions (the hreflang alternates, with x-default)."""
    for lang in _languages:
        folder = site_dir if lang.code == "en" else site_dir / lang.code
        sitemap = folder / "sitemap.xml"
        if not sitemap.is_file():
            continue
        text = sitemap_with_alternates(sitemap.read_text(encoding="utf-8"), _languages, lang.code)
        sitemap.write_text(text, encoding="utf-8")
        # The compressed copy too, dated like the build (SOURCE_DATE_EPOCH), so two builds stay identical.
        mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
        with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=mtime) as packed:
            packed.write(text.encode("utf-8"))


def _fold_search_index(site_dir: Path) -> None:
    """The search finds each message template's keywords in its own section, and accented words typed without
    their accents (the theme's index, written just before)."""
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        if _renderer is not None:
            try:
                index = with_section_keywords(index, _renderer.section_keywords())
            except ValueError as error:
                raise PluginError(f"{path.name}: {error}") from None
        index = with_folded_fields(index)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _minify(config: MkDocsConfig) -> None:
    # Ours: every script and stylesheet in docs/assets/ (some scripts load on demand, not through extra_javascript).
    assets = Path(config.docs_dir) / "assets"
    ours = sorted(f"assets/{path.name}" for pattern in ("*.js", "*.css") for path in assets.glob(pattern))
    minify_site_assets(Path(config.site_dir), ours)


def _point_robots_at_sitemaps(config: MkDocsConfig) -> None:
    robots = Path(config.site_dir) / "robots.txt"
    if robots.is_file() and config.site_url:
        text = robots.read_text(encoding="utf-8").rstrip("\n")
        if "\nSitemap:" in text:
            return
        lines = sitemap_lines(_languages) if _languages else [f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml"]
        robots.write_text("\n".join([text, *lines]) + "\n", encoding="utf-8")
