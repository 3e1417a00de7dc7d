"""Every URL the plugin writes: what is safe (the engine's `safe_url`, the one test), where a
file named in front matter is on the site (images, speakers' avatars), and that place as seen
from a page or the web. The head of a turn is raw HTML, which MkDocs does not rewrite, so
avatars are written here as URLs from the page that shows them."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urljoin

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .transcript import PageOptions, Speaker
from .transcript.options import shown
from .transcript.urls import is_url, safe_html_url, safe_url

__all__ = [
    "absolute",
    "checked_avatars",
    "is_url",
    "relative",
    "relative_avatars",
    "safe_html_url",
    "safe_url",
    "site_path",
]


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


def relative(url: str, page: Page | str) -> str | None:
    """A safe URL as written on `page` (or on the page at that URL): a path from the site's
    root made relative to the page, an absolute URL as it is; None for an unsafe URL."""
    checked = safe_url(url)
    if checked is None or is_url(checked):
        return checked
    return get_relative_url(checked, page if isinstance(page, str) else page.url)


def checked_avatars(speakers: Iterable[Speaker], files: Files) -> tuple[list[Speaker], list[str]]:
    """`speakers` with each avatar that is a docs path written as that file's URL from the
    site's root; one that names no file is dropped, with a problem, so that no broken image is
    shown."""
    checked, problems = [], []
    for speaker in speakers:
        avatar = speaker.avatar
        if avatar and not is_url(avatar):
            file = files.get_file_from_path(posixpath.normpath(avatar.lstrip("/")))
            if file is None:
                problems.append(
                    f"avatar of '{speaker.name}' not found in the docs: {shown(avatar)}"
                )
            speaker = replace(speaker, avatar=file.url if file else None)
        checked.append(speaker)
    return checked, problems


def relative_avatars(options: PageOptions, page_url: str) -> PageOptions:
    """`options` with checked docs-path avatars made URLs relative to the page at `page_url`."""
    if not any(speaker.avatar for speaker in (*options.speakers, *options.registry)):
        return options
    return replace(
        options,
        speakers=_relative(options.speakers, page_url),
        registry=_relative(options.registry, page_url),
    )


def _relative(speakers: tuple[Speaker, ...], page_url: str) -> tuple[Speaker, ...]:
    return tuple(
        replace(speaker, avatar=relative(speaker.avatar, page_url)) if speaker.avatar else speaker
        for speaker in speakers
    )


def absolute(url: str, site_url: str | None) -> str | None:
    """A safe URL made absolute against the site's URL; None when it is unsafe, or a path
    and the site has no URL."""
    checked = safe_url(url)
    if checked is None or is_url(checked):
        return checked
    if not site_url:
        return None
    return safe_url(urljoin(site_url if site_url.endswith("/") else site_url + "/", checked))
