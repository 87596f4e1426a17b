"""Find the content files under content/ and read their bytes safely.

Only regular files inside the content folder count: a symbolic link (which could publish a file from
anywhere), a named pipe (which would hang the reader) or a device is a located error, and is never
opened. A file's size is checked before it is read, and no message ever quotes a file from outside.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from .errors import Problem
from .model import FILE_KINDS, SCHEMA_DIR, KindSpec
from .translation_model import TRANSLATIONS_DIR

#: The largest content file, in bytes. The real ones are a few kilobytes.
MAX_BYTES = 512 * 1024
#: Files any folder may hold that are not content.
IGNORED_NAMES = {"readme.md"}


@dataclass(frozen=True)
class ContentFile:
    """One content file: its kind, where it is, and its path as messages show it."""

    kind: KindSpec
    path: Path
    shown: str


def discover(root: Path) -> tuple[list[ContentFile], list[Problem]]:
    """Every content file under ``root``, in loading order, and a problem for anything else found there."""
    found: list[ContentFile] = []
    problems: list[Problem] = []
    for entry, relative in _walk(root, ""):
        shown = f"{root.name}/{relative}"
        kind = _kind_of(relative)
        problem = _refusal(entry, relative, kind)
        if problem is not None:
            problems.append(Problem(shown, 1, 1, problem))
        elif kind is not None:
            found.append(ContentFile(kind, Path(entry.path), shown))
    found.sort(key=lambda file: (FILE_KINDS.index(file.kind), file.shown))
    return found, problems


def claimed_by_misnamed(problems: list[Problem]) -> dict[str, set[str]]:
    """The ids claimed, by kind, by files refused only for ending in .yaml: references to them are not also
    reported missing, since renaming the file is the one fix."""
    claims: dict[str, set[str]] = {}
    for problem in problems:
        relative = problem.path.split("/", 1)[-1]
        kind = _kind_of(relative.removesuffix(".yaml") + ".yml") if relative.endswith(".yaml") else None
        if kind is not None and kind.one_per_file:
            claims.setdefault(kind.name, set()).add(Path(relative).stem)
    return claims


def _walk(folder: Path, prefix: str) -> list[tuple[os.DirEntry[str], str]]:
    """Every entry under ``folder`` (never following a link), with its path relative to the content root."""
    entries: list[tuple[os.DirEntry[str], str]] = []
    with os.scandir(folder) as scan:
        for entry in sorted(scan, key=lambda entry: entry.name):
            relative = prefix + entry.name
            if (
                entry.name.startswith(".")
                or entry.name.lower() in IGNORED_NAMES
                or relative in (SCHEMA_DIR, TRANSLATIONS_DIR)
            ):
                continue
            if entry.is_dir(follow_symlinks=False):
                entries += _walk(Path(entry.path), relative + "/")
            else:
                entries.append((entry, relative))
    return entries


def _kind_of(relative: str) -> KindSpec | None:
    """The kind whose pattern the path matches, part by part (so steps/*.yml never claims steps/a/b.yml)."""
    parts = relative.split("/")
    for kind in FILE_KINDS:
        pattern = kind.pattern.split("/")
        if len(pattern) == len(parts) and all(map(fnmatchcase, parts, pattern)):
            return kind
    return None


def _refusal(entry: os.DirEntry[str], relative: str, kind: KindSpec | None) -> str | None:
    """Why the entry cannot be a content file, or None when it is one."""
    if entry.is_symlink():
        return (
            "this is a symbolic link; content files must be regular files inside content/. "
            "Replace the link with a copy of the file."
        )
    if not entry.is_file(follow_symlinks=False):
        return "this is not a regular file (a named pipe, socket or device); remove it from content/."
    if kind is not None:
        return None
    if relative.endswith(".yaml"):
        return "content files end in .yml; rename this file to end in .yml."
    patterns = ", ".join(f"content/{kind.pattern}" for kind in FILE_KINDS)
    return f"this file is not a known kind of content. Content files are: {patterns}."


def read_bytes(file: ContentFile) -> tuple[bytes, Problem | None]:
    """The file's bytes, read only after checking that it is still a regular file within the size limit."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(file.path, flags)
    except OSError as exc:
        return b"", Problem(file.shown, 1, 1, f"the file cannot be read: {exc.strerror}.")
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return b"", Problem(file.shown, 1, 1, "this is not a regular file; content files must be regular files.")
        data = b"" if info.st_size > MAX_BYTES else handle.read(MAX_BYTES + 1)
    size = max(info.st_size, len(data))
    if size > MAX_BYTES:
        message = (
            f"the file is {size:,} bytes; content files must be at most {MAX_BYTES:,} bytes "
            f"({MAX_BYTES // 1024} KiB). Split it into several files, one item each."
        )
        return b"", Problem(file.shown, 1, 1, message)
    return data, None
