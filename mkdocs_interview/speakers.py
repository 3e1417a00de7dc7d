"""Speakers' avatars given as docs paths: checked against the docs, then written as URLs from
the page that shows them (the head of a turn is raw HTML, which MkDocs does not rewrite)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import replace

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .transcript import PageOptions, Speaker
from .transcript.options import shown
from .urls import is_url, relative


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


def relative_avatars(options: PageOptions, page: Page) -> PageOptions:
    """`options` with checked docs-path avatars made URLs relative to `page`'s."""
    if not any(speaker.avatar for speaker in (*options.speakers, *options.registry)):
        return options
    return replace(
        options,
        speakers=_relative(options.speakers, page),
        registry=_relative(options.registry, page),
    )


def _relative(speakers: tuple[Speaker, ...], page: Page) -> tuple[Speaker, ...]:
    return tuple(
        replace(speaker, avatar=relative(speaker.avatar, page)) if speaker.avatar else speaker
        for speaker in speakers
    )
