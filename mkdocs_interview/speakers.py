"""Speakers' avatars given as docs paths: checked against the docs, then made relative to the
page that shows them. MkDocs turns those into URLs, as it does for every link in a page."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .transcript import PageOptions, Speaker


def checked_avatars(speakers: Iterable[Speaker], files: Files) -> tuple[list[Speaker], list[str]]:
    """`speakers` with each avatar that is a docs path written as that file's path; one that
    names no file is dropped, with a problem, so that no broken image is shown."""
    checked, problems = [], []
    for speaker in speakers:
        avatar = speaker.avatar
        if avatar and not _is_url(avatar):
            file = files.get_file_from_path(posixpath.normpath(avatar.lstrip("/")))
            if file is None:
                problems.append(f"avatar of '{speaker.name}' not found in the docs: {avatar!r}")
            speaker = replace(speaker, avatar=file.src_uri if file else None)
        checked.append(speaker)
    return checked, problems


def relative_avatars(options: PageOptions, page: Page) -> PageOptions:
    """`options` with checked docs-path avatars made relative to `page`'s file."""
    if not any(speaker.avatar for speaker in (*options.speakers, *options.registry)):
        return options
    page_dir = posixpath.dirname(page.file.src_uri) or "."
    return replace(
        options,
        speakers=_relative(options.speakers, page_dir),
        registry=_relative(options.registry, page_dir),
    )


@functools.lru_cache(maxsize=1024)  # the registry is the same on every page of a folder
def _relative(speakers: tuple[Speaker, ...], page_dir: str) -> tuple[Speaker, ...]:
    return tuple(
        replace(speaker, avatar=posixpath.relpath(speaker.avatar, page_dir))
        if speaker.avatar and not _is_url(speaker.avatar)
        else speaker
        for speaker in speakers
    )


def _is_url(avatar: str) -> bool:
    parts = urlsplit(avatar)
    return bool(parts.scheme or parts.netloc)
