"""Every QR code the site prints scans back to the link written beside it (decoded with Debian's zbarimg)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

ZBARIMG = "/usr/bin/zbarimg"
QR_ITEM = re.compile(r'data-atn-qr="([^"]+)"[^>]*>(<svg\b.*?</svg>)', re.DOTALL)


def qr_codes(site: Path, site_url: str) -> list[tuple[str, str]]:
    """(link, svg) pairs from the careers centres page, plus the handout's code for the checklist."""
    careers = (site / "careers-centres" / "index.html").read_text(encoding="utf-8")
    pairs = QR_ITEM.findall(careers)
    handout = (site / "handout" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg\b[^>]*atn-qr.*?</svg>", handout, re.DOTALL)
    assert svg is not None, "the handout has no QR code"
    pairs.append((f"{site_url}checklist/", svg.group(0)))
    return pairs


def test_every_qr_code_scans_to_its_link(site: Path, site_url: str, page: Page, tmp_path: Path) -> None:
    """Each code, drawn by Chromium at phone-camera size, decodes to exactly the URL shown next to it."""
    pairs = qr_codes(site, site_url)
    assert len(pairs) >= 10
    failures = []
    for number, (link, svg) in enumerate(pairs):
        page.set_content(f'<body style="margin:0;background:#fff"><div style="width:300px">{svg}</div></body>')
        image = tmp_path / f"qr-{number}.png"
        page.locator("svg").screenshot(path=str(image))
        result = subprocess.run([ZBARIMG, "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30)
        decoded = result.stdout.strip()
        if decoded != link.replace("&amp;", "&"):
            failures.append(f"{link}: decoded {decoded!r} ({result.stderr.strip()})")
    assert failures == []
