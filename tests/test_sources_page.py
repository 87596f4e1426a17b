"""The sources page lists each article's details (author, publisher, date, address) as separate list items."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterno.load import load_content

ROOT = Path(__file__).resolve().parent.parent
LABELS = {
    "": ("Author:", "Published by:", "Date:", "Address:"),
    "es/": ("Autor:", "Publicado por:", "Fecha:", "Dirección:"),
    "de/": ("Autor:", "Veröffentlicht von:", "Datum:", "Adresse:"),
}


@pytest.mark.parametrize("prefix", LABELS, ids=["en", "es", "de"])
def test_each_detail_is_its_own_list_item(site: Path, prefix: str) -> None:
    """Four items per article in every language: a line of the list never runs into the next."""
    html = (site / prefix / "sources" / "index.html").read_text(encoding="utf-8")
    count = len(load_content(ROOT / "content").sources)
    for label in LABELS[prefix]:
        found = re.findall(rf"<li><strong>{re.escape(label)}</strong> [^<]*(?:<(?!/li>)[^<]*)*</li>", html)
        assert len(found) == count, f"/{prefix}sources/: {len(found)} items for {label!r}, expected {count}"
