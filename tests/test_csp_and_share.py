"""The build-time helpers behind the Content-Security-Policy, the mailto: links and the QR codes."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import unquote

import pytest

from afterno.csp import add_csp_meta, inline_script_hashes, policy
from afterno.share import mailto_href, qr_rows, qr_svg

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
