"""MkDocs hooks: wire MkDocs' events to the content core in hooks/afterno.

Only events live here. Loading, validating and rendering are plain Python in afterno/,
which knows nothing of MkDocs. Content is read inside the events, never at import time,
because `mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateError
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from afterno.csp import csp_meta_edits, inline_script_hashes
from afterno.errors import ContentError
from afterno.headers import write_headers
from afterno.html_fixes import apply_edits, checkbox_autocomplete_edits
from afterno.load import load_content
from afterno.minify import minify_site_scripts
from afterno.render import NavEntry, Renderer

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.afterno")

#: Hand-written pages in docs/, placed in the navigation after the generated ones.
HAND_WRITTEN_NAV = [
    NavEntry("For careers centres", "careers-centres.md"),
    NavEntry("About", "about.md"),
]

_renderer: Renderer | None = None
#: The inline script hashes of each page written in this build, by output path (on_config empties it).
_script_hashes: dict[Path, list[str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load content/ (stopping the build with every problem listed) and set the navigation."""
    global _renderer
    _script_hashes.clear()
    root = Path(config.config_file_path).parent / "content"
    try:
        content = load_content(root)
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        count = len(error.problems)
        raise PluginError(
            f"content/ has {count} problem{'s' if count != 1 else ''} (listed above). "
            "Fix them, or run 'make check' to see them without building."
        ) from None
    _renderer = Renderer(content, config.site_url or "")
    docs = Path(config.docs_dir)
    extra = [entry for entry in HAND_WRITTEN_NAV if entry.src and (docs / entry.src).is_file()]
    config.nav = [entry.to_mkdocs() for entry in _renderer.nav(extra)]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to the site."""
    assert _renderer is not None, "on_config did not run"
    try:
        pages = _renderer.pages()
    except TemplateError as error:
        raise PluginError(f"hooks/afterno/templates: {error.__class__.__name__}: {error}") from None
    for src, markdown in pages.items():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} would be replaced by a generated page; delete or rename docs/{src}.")
        # Explicitly included: MkDocs excludes any folder named templates/ by default.
        files.append(File.generated(config, src, content=markdown, inclusion=InclusionLevel.INCLUDED))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the ``<!-- afterno:NAME -->`` markers of hand-written pages with generated Markdown."""
    assert _renderer is not None, "on_config did not run"
    try:
        return _renderer.fill_markers(markdown, page.file.src_uri)
    except ValueError as error:
        raise PluginError(f"docs/{error}") from None
    except TemplateError as error:
        raise PluginError(f"hooks/afterno/templates: {error.__class__.__name__}: {error}") from None


def _finish_html(html: str, where: str, destination: Path) -> str:
    """Make the theme's HTML valid, and add a Content-Security-Policy allowing only the site and its inline scripts."""
    hashes = inline_script_hashes(html)
    # Kept for _headers, whose policy lists every page's hashes: saves reading the pages again.
    _script_hashes[destination] = hashes
    try:
        return apply_edits(html, checkbox_autocomplete_edits(html) + csp_meta_edits(html, script_hashes=hashes))
    except ValueError as error:
        raise PluginError(f"{where}: {error}") from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Finish every page's HTML (valid markup, Content-Security-Policy)."""
    return _finish_html(output, page.file.src_uri, Path(page.file.abs_dest_path))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the theme's own HTML pages (404.html) the same finishing as the others."""
    if not template_name.endswith(".html"):
        return output_content
    return _finish_html(output_content, template_name, Path(config.site_dir) / template_name)


def on_post_build(config: MkDocsConfig) -> None:
    """Write _headers (CSP and caching, for Netlify and Cloudflare Pages), minify our scripts, point robots.txt
    at the sitemap."""
    write_headers(Path(config.site_dir), _script_hashes)
    minify_site_scripts(Path(config.site_dir), [str(script) for script in config.extra_javascript])
    robots = Path(config.site_dir) / "robots.txt"
    if robots.is_file() and config.site_url:
        text = robots.read_text(encoding="utf-8").rstrip("\n")
        if "\nSitemap:" in text:
            return
        robots.write_text(f"{text}\nSitemap: {config.site_url.rstrip('/')}/sitemap.xml\n", encoding="utf-8")
