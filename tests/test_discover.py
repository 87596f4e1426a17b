"""Only regular files inside content/ are read: links, pipes and oversized files are located errors."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from afterno.discover import MAX_BYTES, discover
from afterno.errors import ContentError, Problem
from afterno.load import load_content
from helpers import CONTENT

LINK = (
    "this is a symbolic link; content files must be regular files inside content/. "
    "Replace the link with a copy of the file."
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of content/ to break."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def problems(root: Path) -> list[str]:
    """The messages of loading ``root``, which must fail."""
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return [str(problem) for problem in caught.value.problems]


def test_symlink_to_a_file_outside_is_refused_unread(root: Path, tmp_path: Path) -> None:
    """A link to a file outside content/ is an error at the link, and nothing of the target is printed."""
    secret = tmp_path / "secret.yml"
    secret.write_text("id: secret-words-from-outside\n", encoding="utf-8")
    (root / "steps" / "feel-it.yml").unlink()
    (root / "steps" / "feel-it.yml").symlink_to(secret)
    found = problems(root)
    assert f"content/steps/feel-it.yml:1:1: {LINK}" in found
    assert not any("secret" in message for message in found)


def test_symlink_to_etc_passwd_prints_none_of_it(root: Path) -> None:
    """The issue's example: a link to /etc/passwd is refused, and no line of it appears in any message."""
    (root / "steps" / "passwd.yml").symlink_to("/etc/passwd")
    found = problems(root)
    assert f"content/steps/passwd.yml:1:1: {LINK}" in found
    assert not any("root:" in message for message in found)


def test_symlinked_folder_is_refused(root: Path, tmp_path: Path) -> None:
    """A folder linked in from elsewhere is refused as a whole, never walked."""
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(root / "guides", elsewhere)
    shutil.rmtree(root / "guides")
    (root / "guides").symlink_to(elsewhere, target_is_directory=True)
    assert f"content/guides:1:1: {LINK}" in problems(root)


def test_fifo_is_refused_without_hanging(root: Path) -> None:
    """A named pipe (which would block a reader for ever) is a located error, found in a moment."""
    os.mkfifo(root / "steps" / "pipe.yml")
    result: list[list[str]] = []
    worker = threading.Thread(target=lambda: result.append(problems(root)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert result, "loading blocked on the named pipe"
    assert (
        "content/steps/pipe.yml:1:1: this is not a regular file (a named pipe, socket or device); "
        "remove it from content/." in result[0]
    )


def test_size_is_checked_before_reading(root: Path) -> None:
    """A file over the limit is refused from its size alone (a sparse terabyte would be read otherwise)."""
    path = root / "steps" / "feel-it.yml"
    with path.open("r+b") as handle:
        handle.truncate(2**40)
    message = (
        f"content/steps/feel-it.yml:1:1: the file is {2**40:,} bytes; content files must be at most "
        f"{MAX_BYTES:,} bytes (512 KiB). Split it into several files, one item each."
    )
    assert message in problems(root)


def test_stray_files_are_named(root: Path) -> None:
    """Files no kind claims, or in a folder too deep, are each named with what to do."""
    (root / "steps" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    (root / "steps" / "old").mkdir()
    (root / "steps" / "old" / "feel-it.yml").write_text("id: x\n", encoding="utf-8")
    found, errors = discover(root)
    assert (
        Problem("content/steps/x.yaml", 1, 1, "content files end in .yml; rename this file to end in .yml.") in errors
    )
    assert any(p.path == "content/steps/old/feel-it.yml" and "not a known kind" in p.message for p in errors)
    assert all(file.shown != "content/steps/old/feel-it.yml" for file in found)
