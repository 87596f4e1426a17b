"""Build the site safely: into a fresh folder next to the old one, swapped in only when the build succeeds.

A strict MkDocs build writes every page before it reports its warnings and fails, so building
straight into ``site/`` would leave a failed (or half-written) site where a good one was. Here the
old site stays untouched until a complete, successful build replaces it.

The generator runs as a separate process (``mkdocs`` or ``properdocs``); nothing here imports it.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

EXAMPLE_SITE_URL = "https://careers.example.edu/after-the-no/"


def on_this_computer(url: str) -> bool:
    """Whether ``url`` points at this computer (a loopback or unspecified address, or localhost): its links and
    QR codes work here only, never on a student's phone."""
    host = urlsplit(url.strip()).hostname or ""
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return host == "localhost" or host.endswith(".localhost")


def site_url_problem(value: str | None) -> str | None:
    """Why ``value`` cannot be a published site's SITE_URL (missing, not http(s), or this computer), or None."""
    fix = (
        f"set it to the address readers will use, e.g. SITE_URL={EXAMPLE_SITE_URL} make build "
        "(or, for a copy to open on this computer only, make build LOCAL_PREVIEW=1)."
    )
    if not value or not value.strip():
        return f"SITE_URL is not set: {fix}"
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITE_URL is {value!r}, which is not a web address: {fix}"
    if on_this_computer(value):
        return f"SITE_URL is {value}, an address on this computer only: {fix}"
    return None


def source_date_epoch(project: Path) -> str | None:
    """The time of the last commit (seconds since 1970), so that two builds of one commit are identical."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, timeout=30
        )
    except OSError:
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def build_atomically(project: Path, site_dir: Path, generator: str = "mkdocs", strict: bool = True) -> int:
    """Build ``project`` into ``site_dir``, replacing the old site only if the build succeeds.

    Args:
        project: The folder holding mkdocs.yml.
        site_dir: Where the finished site goes.
        generator: The command that builds: ``mkdocs`` or ``properdocs`` (looked up next to Python first).
        strict: Build with ``--strict``, so any warning fails the build.

    Returns:
        The build's exit code: 0 when the new site is in place; otherwise the old site is as it was.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    if "SOURCE_DATE_EPOCH" not in env:
        epoch = source_date_epoch(project)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
    beside_python = Path(sys.executable).parent / generator
    command = [str(beside_python) if beside_python.exists() else generator, "build", "--clean"]
    command += ["--strict"] if strict else []
    # The new site is written beside the old one (same file system), so the swap is two renames.
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    old = site_dir.with_name(f".{site_dir.name}.old")
    try:
        result = subprocess.run(
            [*command, "-f", str(project / "mkdocs.yml"), "-d", str(staging)], cwd=project, env=env, check=False
        )
        if result.returncode != 0:
            print(f"The build failed; {site_dir} is unchanged.", file=sys.stderr)
            return result.returncode
        staging.chmod(0o755)
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
