"""Ways to pass a page on: ``mailto:`` links for message templates and QR codes for careers centres.

Plain Python (no MkDocs): the renderer registers these as Jinja2 filters.
"""

from __future__ import annotations

import io
from urllib.parse import quote

import segno
from markupsafe import Markup, escape

#: The QR mask pattern used for every code (0 to 7).
QR_MASK = 4


def mailto_href(subject: str, body: str, to: str = "") -> str:
    """A ``mailto:`` URL with subject and body percent-encoded as RFC 6068 asks (line breaks as CRLF)."""

    def encode(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    return f"mailto:{quote(to, safe='@')}?subject={encode(subject)}&body={encode(body)}"


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG QR code for ``url``, on white so it scans in the dark scheme too, named ``label``.

    The SVG is one line, so Markdown leaves it alone inside a raw HTML block.
    """
    buffer = io.BytesIO()
    # Never a Micro QR code: few phone cameras read them. One fixed mask pattern: every pattern is
    # valid and scans (tests/browser/test_qr_codes.py decodes each code), and scoring all eight was
    # most of the build time on a large site.
    segno.make(url, error="m", mask=QR_MASK, micro=False).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="atn-qr",
        lineclass=None,
    )
    svg = buffer.getvalue().decode("ascii")
    name = escape(label)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1))
