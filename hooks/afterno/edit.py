"""Where to edit each page on the web: the file (or folder) in the repository that a page is made from.

A guide's page is made from ``content/guides/ID.yml`` (and its steps from ``content/steps/``), the
checklist from ``content/checklist.yml``, the lists of situations, templates, steps and sources
from their folders, and the hand-written pages from ``docs/``. With a repository address set, each
page links to its source, so a contributor can suggest a change without setting anything up.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Content

#: Where the QR code files for download go (SVG and PNG), inside the built site.
QR_FOLDER = "careers-centres/qr"
#: Generated pages made from one file or one folder of content/ (a trailing slash marks a folder).
PAGE_SOURCES = {
    "guides/index.md": "content/guides/",
    "steps/index.md": "content/steps/",
    "checklist/index.md": "content/checklist.yml",
    "situations/index.md": "content/situations/",
    "templates/index.md": "content/templates/",
    "sources/index.md": "content/sources/",
    "handout/index.md": "content/checklist.yml",
    "careers-centres/poster.md": "hooks/afterno/templates/poster.md.j2",
    "your-careers-service/index.md": "centre.yml",
    # The page's text is its template; the field reference in it comes from the model.
    "contributing/index.md": "hooks/afterno/templates/contributing.md.j2",
}


def page_source(src: str, content: Content) -> str:
    """The repository path a page is made from: ``guides/x.md`` -> ``content/guides/x.yml``.

    Hand-written pages are under ``docs/``; folders end with a slash.
    """
    if src in PAGE_SOURCES:
        return PAGE_SOURCES[src]
    if src.startswith("guides/"):
        guide_id = src.removeprefix("guides/").removesuffix(".md")
        # A renamed guide's old address forwards to it: its source is the guide's file.
        guide = next((g for g in content.guides if guide_id in (g.id, *getattr(g, "replaces", ()))), None)
        if guide is not None:
            return guide.path
    if src.startswith("handout/"):
        # A situation's handout: the plan is the checklist, filtered by the situation's file.
        situation_id = src.removeprefix("handout/").removesuffix(".md")
        situation = next((s for s in content.situations if s.id == situation_id), None)
        if situation is not None:
            return situation.path
    return f"docs/{src}"


@dataclass(frozen=True)
class EditLinks:
    """Links to edit a repository's files on the web (GitHub, GitLab and others that share the layout).

    Attributes:
        repo_url: The repository's address, e.g. ``https://github.com/owner/after-the-no``.
        edit_uri: The edit path under it, from the repository root, e.g. ``edit/main/``.
    """

    repo_url: str
    edit_uri: str

    def url(self, path: str) -> str:
        """The address that opens ``path`` for editing; a folder (ending in /) opens its listing instead."""
        base = f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/"
        if path.endswith("/"):
            # A folder cannot be edited; its listing leads to the files (edit/main/ -> tree/main/).
            base = base.replace("/edit/", "/tree/", 1)
        return base + path.rstrip("/")
