"""A theme's own `interview/turn.html` for the head of each turn: avatar, name and role.

Without one, the engine writes that markup itself, which costs nothing per turn; with one, the
template is rendered once per speaker and page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, Template
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .transcript import Speaker
from .transcript.labels import initials
from .transcript.render import avatar_colours

TURN_TEMPLATE = "interview/turn.html"


def overriding_turn_template(env: Environment, shipped: Path) -> Template | None:
    """The theme's `interview/turn.html`, or None when it is the one shipped in `shipped`."""
    assert env.loader is not None
    _, filename, _ = env.loader.get_source(env, TURN_TEMPLATE)
    if filename and Path(filename).resolve().is_relative_to(shipped.resolve()):
        return None
    return env.get_template(TURN_TEMPLATE)


def speaker_html(template: Template, page: Page, files: Files) -> Callable[[Speaker], str]:
    """Renders the head of a turn on `page` with `template`."""

    def render(person: Speaker) -> str:
        background, foreground = avatar_colours(person)
        return template.render(
            speaker=person,
            avatar=_avatar_url(person.avatar, page, files) if person.avatar else None,
            initials=initials(person.name),
            background=background,
            foreground=foreground,
        )

    return render


def _avatar_url(avatar: str, page: Page, files: Files) -> str:
    """An avatar made relative to the page's file, as a URL from the page (raw HTML is not
    rewritten by MkDocs, unlike the engine's own `<img>`)."""
    if urlsplit(avatar).scheme or urlsplit(avatar).netloc:
        return avatar
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), avatar))
    file = files.get_file_from_path(path)
    return get_relative_url(file.url, page.url) if file else avatar
