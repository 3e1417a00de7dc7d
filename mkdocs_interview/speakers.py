"""Speakers' avatars given as docs paths become paths relative to the page that shows them.

MkDocs then turns them into URLs, as it does for every link written in the page."""

from __future__ import annotations

import posixpath
from dataclasses import replace
from urllib.parse import urlsplit

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .transcript import PageOptions, Speaker


def resolve_avatars(
    options: PageOptions, page: Page, files: Files
) -> tuple[PageOptions, list[str]]:
    """`options` with each avatar that names a file of the docs made relative to `page`.

    URLs with a scheme or a host stay as they are; a docs path that names no file is dropped
    with a problem, so that no broken image is shown.
    """
    problems: list[str] = []

    def resolved(speakers: tuple[Speaker, ...]) -> tuple[Speaker, ...]:
        return tuple(_resolved(speaker, page, files, problems) for speaker in speakers)

    if not any(speaker.avatar for speaker in (*options.speakers, *options.registry)):
        return options, problems
    return replace(
        options, speakers=resolved(options.speakers), registry=resolved(options.registry)
    ), problems


def _resolved(speaker: Speaker, page: Page, files: Files, problems: list[str]) -> Speaker:
    avatar = speaker.avatar
    if not avatar:
        return speaker
    parts = urlsplit(avatar)
    if parts.scheme or parts.netloc:
        return speaker
    file = files.get_file_from_path(avatar.lstrip("/"))
    if file is None:
        problems.append(f"avatar of '{speaker.name}' not found in the docs: {avatar!r}")
        return replace(speaker, avatar=None)
    page_dir = posixpath.dirname(page.file.src_uri)
    return replace(speaker, avatar=posixpath.relpath(file.src_uri, page_dir or "."))
