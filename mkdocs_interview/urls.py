"""Every URL the plugin writes: what is safe (the engine's `safe_url`, the one test), where a
file named in front matter is on the site, and that place as seen from a page or the web."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .transcript.urls import is_url, safe_html_url, safe_url

__all__ = ["absolute", "is_url", "relative", "safe_html_url", "safe_url", "site_path"]


def site_path(url: str, page: Page, files: Files) -> str | None:
    """Where an image named by a page is: a safe absolute URL as it is, else a URL path from
    the site's root (no leading slash); None for an unsafe URL.

    A path from the site's root (`/assets/x.jpg`, as Jekyll writes them) and a path relative
    to the page's file both name a file of the site, so both work under a sub-path.
    """
    checked = safe_url(url)
    if checked is None or is_url(checked):
        return checked
    if checked.startswith("/"):
        path = posixpath.normpath(checked.lstrip("/"))
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), checked))
    if path == ".." or path.startswith("../"):
        return None  # outside the site
    file = files.get_file_from_path(path)
    return file.url if file is not None else path


def relative(url: str, page: Page) -> str | None:
    """A safe URL as written on `page`: a path from the site's root made relative to the
    page, an absolute URL as it is; None for an unsafe URL."""
    checked = safe_url(url)
    if checked is None or is_url(checked):
        return checked
    return get_relative_url(checked, page.url)


def absolute(url: str, site_url: str | None) -> str | None:
    """A safe URL made absolute against the site's URL; None when it is unsafe, or a path
    and the site has no URL."""
    checked = safe_url(url)
    if checked is None or is_url(checked):
        return checked
    if not site_url:
        return None
    return safe_url(urljoin(site_url if site_url.endswith("/") else site_url + "/", checked))
