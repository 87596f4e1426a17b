"""Ways to pass a page on: ``mailto:`` links for message templates and QR codes for careers centres.

Plain Python (no MkDocs): the renderer registers these as Jinja2 filters.
"""

from __future__ import annotations

import functools
import re
import struct
import zlib
from typing import Any, cast
from urllib.parse import quote

import zxingcpp
from markupsafe import Markup, escape

#: Light modules around the code: the quiet zone of four that the QR code standard asks for.
QR_BORDER = 4
_DARK_RUN = re.compile(rb"\x00+")


def mailto_href(subject: str, body: str, to: str = "") -> str:
    """A ``mailto:`` URL with subject and body percent-encoded as RFC 6068 asks (line breaks as CRLF)."""

    def encode(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    return f"mailto:{quote(to, safe='@')}?subject={encode(subject)}&body={encode(body)}"


def qr_rows(url: str) -> list[bytes]:
    """The modules of a QR code (error correction level M) for ``url``: one byte per module, 0 for dark.

    zxing-cpp encodes in C++ (about five times faster than a pure-Python encoder, which made QR
    codes a third of the hooks' build time on a large site) and picks the mask pattern that reads
    best. Never a Micro QR code: few phone cameras read them.
    """
    barcode = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    # The Image supports the buffer protocol (one byte per pixel), which its type stub does not declare.
    data = bytes(memoryview(cast(Any, image)))
    return [data[row * width : (row + 1) * width] for row in range(height)]


def _qr_path(rows: list[bytes]) -> str:
    return "".join(
        f"M{QR_BORDER + run.start()} {QR_BORDER + y}.5h{run.end() - run.start()}"
        for y, row in enumerate(rows)
        for run in _DARK_RUN.finditer(row)
    )


def qr_svg_file(url: str) -> bytes:
    """A QR code for ``url`` as a standalone SVG file (for posters and slides), titled with the address."""
    rows = qr_rows(url)
    size = len(rows) + 2 * QR_BORDER
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size * 10}" '
        f'height="{size * 10}" shape-rendering="crispEdges"><title>{escape(url)}</title>'
        f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{_qr_path(rows)}"/></svg>\n'
    )
    return text.encode("utf-8")


@functools.lru_cache(maxsize=32)
def qr_png(url: str, scale: int = 10) -> bytes:
    """A QR code for ``url`` as a PNG (8-bit greyscale, ``scale`` pixels a module, quiet zone included).

    Written with zlib from the standard library: a PNG is a signature and three chunks. Kept for the
    process: the preview rebuilds the site on every saved edit, and the addresses rarely change.
    """
    rows = qr_rows(url)
    blank = b"\xff" * (len(rows[0]) + 2 * QR_BORDER)
    lines = []
    for row in (
        [blank] * QR_BORDER + [b"\xff" * QR_BORDER + row + b"\xff" * QR_BORDER for row in rows] + [blank] * QR_BORDER
    ):
        wide = bytes(value for value in row for _ in range(scale))
        lines.extend([b"\x00" + wide] * scale)
    width = len(blank) * scale

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, width, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(lines), 9))
        + chunk(b"IEND", b"")
    )


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG QR code for ``url``, on white so it scans in the dark scheme too, named ``label``.

    The SVG is one line, so Markdown leaves it alone inside a raw HTML block. Each run of dark
    modules in a row is one stroke of the path, one module wide; the stylesheet sets the size.
    """
    rows = qr_rows(url)
    size = len(rows) + 2 * QR_BORDER
    strokes = _qr_path(rows)
    return Markup(
        f'<svg role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {size} {size}" shape-rendering="crispEdges" class="atn-qr">'
        f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{strokes}"/></svg>'
    )
