"""Every QR code the site prints scans back to the link written beside it (decoded with Debian's zbarimg)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from helpers import ROOT, TRANSLATED

pytestmark = pytest.mark.browser

ZBARIMG = "/usr/bin/zbarimg"
QR_ITEM = re.compile(r'data-atn-qr="([^"]+)"[^>]*>(<svg\b.*?</svg>)', re.DOTALL)


def qr_codes(site: Path, site_url: str) -> list[tuple[str, str]]:
    """(link, svg) pairs: the careers centres page's codes, each handout's and the poster's (``site`` and
    ``site_url`` are one language's site and its address)."""
    careers = (site / "careers-centres" / "index.html").read_text(encoding="utf-8")
    pairs = QR_ITEM.findall(careers)
    printed = {"handout/": f"{site_url}checklist/", "careers-centres/poster/": f"{site_url}checklist/"}
    for situation in sorted(path.stem for path in (ROOT / "content" / "situations").glob("*.yml")):
        printed[f"handout/{situation}/"] = f"{site_url}checklist/?situation={situation}"
    for path, link in printed.items():
        html = (site / path / "index.html").read_text(encoding="utf-8")
        svg = re.search(r"<svg\b[^>]*atn-qr.*?</svg>", html, re.DOTALL)
        assert svg is not None, f"/{path} has no QR code"
        pairs.append((link, svg.group(0)))
    return pairs


@pytest.mark.parametrize("lang", ["", *(f"{code}/" for code in TRANSLATED)], ids=["en", *TRANSLATED])
def test_every_qr_code_scans_to_its_link(site: Path, site_url: str, page: Page, tmp_path: Path, lang: str) -> None:
    """Each code, drawn by Chromium at phone-camera size, decodes to exactly the URL shown next to it; in Spanish
    and German, that is the language's own page (/es/checklist/...)."""
    pairs = qr_codes(site / lang, site_url + lang)
    assert len(pairs) == 21
    assert all(link.startswith(f"{site_url}{lang}checklist/") for link, _ in pairs)
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
