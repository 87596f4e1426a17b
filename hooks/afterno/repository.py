"""The project's repository, when one is configured: where readers report a problem with a page.

One place reads it, so "Edit this page", "Report a problem with this page" and /about/ agree: the
``REPO_URL`` environment variable, else MkDocs' ``repo_url`` setting, else none. Plain Python, no MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import quote, urlsplit


def repository_url(configured: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """The repository's web address without a trailing slash (REPO_URL first, then ``configured``), or None."""
    env = os.environ if environ is None else environ
    value = (env.get("REPO_URL") or configured or "").strip().rstrip("/")
    if not value:
        return None
    if urlsplit(value).scheme not in ("https", "http"):
        raise ValueError(f"REPO_URL must be the repository's https:// address, found {value!r}.")
    return value


def new_issue_url(repository: str, page_url: str, page_title: str) -> str:
    """The repository's new-issue form with the page's address filled in (GitHub, Gitea and Forgejo read these)."""
    title = f"Problem on the page: {page_title}"
    body = (
        f"Page: {page_url}\n\nWhat is wrong or unclear (a sentence is enough; please leave out anything personal):\n\n"
    )
    return f"{repository}/issues/new?title={quote(title, safe='')}&body={quote(body, safe='')}"
