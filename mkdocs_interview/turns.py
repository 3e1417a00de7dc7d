"""A theme's own `interview/turn.html` for the head of each turn: avatar, name and role.

Without one, the engine writes that markup itself; either way the head is written once per
speaker and page, and its HTML stashed until the page is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment, Template

from .escaping import escaping_environment
from .transcript import Speaker
from .urls import safe_url

TURN_TEMPLATE = "interview/turn.html"


def overriding_turn_template(env: Environment, shipped: Path) -> Template | None:
    """The theme's `interview/turn.html`, or None when it is the one shipped in `shipped`."""
    assert env.loader is not None
    _, filename, _ = env.loader.get_source(env, TURN_TEMPLATE)
    if filename and Path(filename).resolve().is_relative_to(shipped.resolve()):
        return None
    return escaping_environment(env).get_template(TURN_TEMPLATE)


def speaker_html(template: Template) -> Callable[[Speaker], str]:
    """Renders the head of a turn with `template`."""

    def render(person: Speaker) -> str:
        # The engine's own modules, loaded once a page has a turn.
        from .transcript.labels import initials
        from .transcript.render import avatar_colours

        background, foreground = avatar_colours(person)
        return template.render(
            speaker=replace(person, url=safe_url(person.url)),
            avatar=safe_url(person.avatar),
            initials=initials(person.name),
            background=background,
            foreground=foreground,
        )

    return render
