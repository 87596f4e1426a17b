"""Two builds of the same commit are byte for byte identical: dates come from SOURCE_DATE_EPOCH, not the clock."""

from __future__ import annotations

import gzip
import re
import struct
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from afterno.publish import source_date_epoch
from helpers import ROOT, build_env, build_site, copy_project, files_of


@pytest.fixture(scope="module")
def second_build(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The site built again (same SITE_URL) from a copy of the project in another folder, with another hash seed."""
    project = copy_project(tmp_path_factory.mktemp("again"))
    site = project / "elsewhere" / "site"
    result = build_site(site, project=project, PYTHONHASHSEED="4242", SITE_URL=site_url)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.slow
def test_two_builds_are_byte_identical(site: Path, second_build: Path) -> None:
    """The session's build and a second one (other folder, other hash seed) hold the same files, byte for byte."""
    first, second = files_of(site), files_of(second_build)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_sitemap_dates_come_from_source_date_epoch(site: Path) -> None:
    """The sitemap's lastmod and the gzip header of sitemap.xml.gz carry SOURCE_DATE_EPOCH's date, not today's."""
    epoch = int(build_env()["SOURCE_DATE_EPOCH"])
    day = datetime.fromtimestamp(epoch, UTC).date()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {day.isoformat()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", packed[4:8])
    assert datetime.fromtimestamp(mtime, UTC).date() == day
    assert gzip.decompress(packed).decode("utf-8") == sitemap


def test_make_build_dates_come_from_the_last_commit() -> None:
    """`afterno build` (and so `make build`) sets SOURCE_DATE_EPOCH to the last commit's time when it is unset."""
    expected = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout
    assert source_date_epoch(ROOT) == (expected.strip() or None)
