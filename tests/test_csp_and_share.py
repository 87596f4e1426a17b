"""The Content-Security-Policy (only the theme's inline scripts run), the mailto: links and the QR codes."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from urllib.parse import unquote

import pytest

from afterno.csp import KnownScripts, add_csp_meta, inline_script_hashes, policy, split_scripts, text_script_problems
from afterno.share import mailto_href, qr_rows, qr_svg
from helpers import build_site, copy_project

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script src="x.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
    "</head><body><script>\nb()\n</script></body></html>"
)


def sha(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_hashes_cover_inline_scripts_only() -> None:
    """Inline scripts are hashed exactly as written; scripts with src and JSON data blocks are not."""
    assert inline_script_hashes(PAGE) == [sha("var a=1"), sha("\nb()\n")]


def test_meta_tag_follows_charset_and_allows_only_self() -> None:
    """The policy meta tag comes right after <meta charset>, before any script, and allows only the origin."""
    html = add_csp_meta(PAGE)
    assert html.index("Content-Security-Policy") < html.index("<script")
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy")
    assert "default-src 'self'" in html and "unsafe-inline" not in html and sha("var a=1") in html
    assert add_csp_meta(html).count("Content-Security-Policy") == 1, "running twice must not add a second tag"


def test_page_without_charset_is_refused() -> None:
    """A page with no <meta charset> has no safe place for the policy, and says so."""
    with pytest.raises(ValueError, match="no <meta charset>"):
        add_csp_meta("<html><head></head></html>")


def test_policy_lists_no_other_host() -> None:
    """Every source in the policy is 'self', 'none', data: (inline icons) or a script hash."""
    for directive in policy([sha("x")]).split("; "):
        for source in directive.split()[1:]:
            assert source in ("'self'", "'none'", "data:") or source.startswith("'sha256-"), directive


def test_mailto_encodes_subject_and_body() -> None:
    """Subject and body are percent-encoded, with line breaks as CRLF, so & ? and # cannot break the link."""
    href = mailto_href("Q&A? #1", "Dear {name},\n\nThanks & bye")
    subject, body = href.removeprefix("mailto:?subject=").split("&body=")
    assert unquote(subject) == "Q&A? #1" and unquote(body) == "Dear {name},\r\n\r\nThanks & bye"
    assert " " not in href and "#" not in href


def test_qr_svg_is_one_named_line_on_white() -> None:
    """The QR code is an inline SVG image with a name, on one line, with a white background for dark mode."""
    svg = str(qr_svg("https://example.org/checklist/?situation=no-reply", 'QR code for "no reply"'))
    assert svg.startswith('<svg role="img" aria-label="QR code for &#34;no reply&#34;"')
    assert "\n" not in svg and "#fff" in svg


def test_qr_rows_are_a_full_size_qr_code() -> None:
    """A square of 21 + 4n modules (never a Micro QR code) with the three finder patterns in its corners."""
    rows = qr_rows("http://127.0.0.1:8000/checklist/?situation=no-reply")
    size = len(rows)
    assert size >= 21 and (size - 17) % 4 == 0 and {len(row) for row in rows} == {size}
    dark, light = b"\x00", b"\xff"
    finder = [dark * 7, dark + light * 5 + dark] + [dark + light + dark * 3 + light + dark] * 3
    finder += [dark + light * 5 + dark, dark * 7]
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        assert [row[left : left + 7] for row in rows[top : top + 7]] == finder


def known_from(tmp_path: Path, *templates: str) -> KnownScripts:
    """The known scripts of a theme folder holding ``templates``, one file each."""
    for number, text in enumerate(templates):
        (tmp_path / f"t{number}.html").write_text(text, encoding="utf-8")
    return KnownScripts.from_templates([tmp_path])


def test_known_scripts_are_the_templates_own(tmp_path: Path) -> None:
    """A template's script is known exactly; its {{ values }} may be URL text only, so no code can be slipped in."""
    known = known_from(
        tmp_path,
        '<script>document.body.classList.add("js")</script>',
        '<script>var base=new URL("{{ base_url }}",location)</script><script type="application/json">{}</script>',
        "<script>{% if x %}a(){% endif %}</script>",
    )
    assert known.allows('document.body.classList.add("js")')
    assert not known.allows('document.body.classList.add("js");alert(1)')
    assert known.allows('var base=new URL("../..",location)')
    assert not known.allows('var base=new URL("."+alert(1)+"",location)')
    assert not known.allows('var base=new URL("\\x22",location)')
    assert not known.allows("a()"), "a script with template logic cannot be known, so it is never allowed"


def test_only_known_scripts_are_hashed(tmp_path: Path) -> None:
    """Known inline scripts are hashed once each, in order; the others are handed back as code, unhashed."""
    known = known_from(tmp_path, "<script>var a=1</script>")
    page = "<script>var a=1</script><script>evil()</script><script>var a=1</script><script src=x.js></script>"
    assert split_scripts(page, known) == ([sha("var a=1")], ["evil()"])
    assert split_scripts("<script data-src=x>evil()</script>", known) == ([], ["evil()"]), "data-src is not src"


def test_script_in_a_pages_text_is_located() -> None:
    """Each <script> tag in a page's Markdown, inline or with src, is named at its line and column."""
    source = "# Title\n\nText.\n\n  <script>alert(1)</script>\n<SCRIPT src='x.js'></SCRIPT>\n"
    html = "<h1>Title</h1><p>Text.</p><script>alert(1)</script><SCRIPT src='x.js'></SCRIPT>"
    problems = text_script_problems("docs/about.md", html, source)
    assert [problem.split(": ", 1)[0] for problem in problems] == ["docs/about.md:5:3", "docs/about.md:6:1"]
    assert "extra_javascript" in problems[0]
    assert text_script_problems("docs/about.md", "<pre>&lt;script&gt;</pre>", "`<script>`") == []


def test_docs_pages_with_scripts_fail_the_build_naming_each(tmp_path: Path) -> None:
    """A script written into docs/*.md, inline or from a file, stops the build with its place; no traceback."""
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    line = about.read_text(encoding="utf-8").count("\n")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n<script src="assets/x.js"></script>\n', encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"docs/about.md:{line}:1: a page's text may not hold a <script> (found '<script>')" in output
    assert "docs/index.md:" in output and "found '<script src=\"assets/x.js\">'" in output
    assert "2 scripts that the theme did not write" in output
    # The language builds it had started were stopped, and what they wrote is gone (MkDocs leaves its own folder).
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"], "files were left beside the site"
    assert not [path for path in (tmp_path / "site").iterdir() if path.name in {"de", "es"}]
