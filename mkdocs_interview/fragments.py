"""The one renderer of the plugin's Jinja fragments (`interview/*.html` in its theme folder,
which a theme's `custom_dir` overrides): cards, tag lists, page meta, headings of the pages it
makes, the people index and the head of a person's page, social meta tags, the player above a
transcript, and the head of a turn when a theme has its own `interview/turn.html`. Every
fragment is rendered with autoescape on."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, Template
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .transcript import Speaker
from .urls import relative, safe_url

if TYPE_CHECKING:
    from .cards import Entry
    from .people import Person
    from .tags import Tag

TURN_TEMPLATE = "interview/turn.html"
_CACHED_TEMPLATES = 64


def escaping_environment(env: Environment) -> Environment:
    """The theme's environment (its loader, `custom_dir` included) with autoescape forced on:
    a theme's own `interview/*.html` that leaves out `{% autoescape true %}` still escapes
    every value it writes. The overlay keeps a cache of its own, since templates the theme's
    environment compiled without autoescape must not be reused."""
    return env.overlay(autoescape=True, cache_size=_CACHED_TEMPLATES)


def overriding_turn_template(env: Environment, shipped: Path) -> Template | None:
    """The theme's `interview/turn.html`, or None when it is the one shipped in `shipped`:
    without one, the engine writes the head of a turn itself. Either way it is written once
    per speaker and page."""
    assert env.loader is not None
    _, filename, _ = env.loader.get_source(env, TURN_TEMPLATE)
    if filename and Path(filename).resolve().is_relative_to(shipped.resolve()):
        return None
    return escaping_environment(env).get_template(TURN_TEMPLATE)


def turn_head(template: Template, person: Speaker) -> str:
    """The head of `person`'s turns (avatar, name, role), rendered with `template`."""
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


def format_date(date: datetime.date) -> str:
    """`2 May 2024`."""
    return f"{date.day} {date:%B %Y}"


class Fragments:
    """Renders cards, tag lists, page meta, headings and social meta tags with the theme's
    `interview/*.html` templates."""

    def __init__(self, env: Environment, tag_urls: dict[str, str]) -> None:
        self.env = escaping_environment(env)
        """The theme's templates, with autoescape forced on."""
        self.tag_urls = tag_urls
        """Each tag's page URL by slug."""

    def cards(self, entries: Iterable[Entry], page: Page) -> str:
        cards = [self._card(entry, page) for entry in entries]
        return self.env.get_template("interview/cards.html").render(cards=cards)

    def tag_index(self, counts: Sequence[tuple[Tag, int]], page: Page) -> str:
        tags = [
            {"name": tag.name, "slug": tag.slug, "count": count, "url": self._tag_url(tag, page)}
            for tag, count in counts
        ]
        return self.env.get_template("interview/tags.html").render(tags=tags)

    def people_index(self, people: Iterable[Person], page: Page) -> str:
        """The people index: each person's name, linking to their page, role and count."""
        listed = [
            {
                "name": person.name,
                "url": get_relative_url(person.url, page.url) if person.url else None,
                "role": person.speaker.role if person.speaker else None,
                "count": person.count,
                "host": person.host,
            }
            for person in people
        ]
        return self.env.get_template("interview/people.html").render(people=listed)

    def person(self, person: Person, page: Page) -> str:
        """The head of a person's page: their photo or initials, role, link and count."""
        from .transcript.labels import initials  # the engine's, as for a turn's head
        from .transcript.render import avatar_colours

        speaker = person.speaker or Speaker(person.name)
        background, foreground = avatar_colours(replace(speaker, name=person.name))
        url = safe_url(speaker.url)
        return self.env.get_template("interview/person.html").render(
            person={
                "name": person.name,
                "role": speaker.role,
                "url": url,
                "url_text": _link_text(url) if url else None,
                "avatar": relative(speaker.avatar, page) if speaker.avatar else None,
                "count": person.count,
                "host": person.host,
            },
            initials=initials(person.name),
            background=background,
            foreground=foreground,
        )

    def heading(self, title: str, count: int | None = None, index_url: str | None = None) -> str:
        """The heading of a page the plugin made; on a tag's page, with its number of
        interviews and the URL of the tag index."""
        return self.env.get_template("interview/heading.html").render(
            title=title, count=count, index_url=index_url
        )

    def page_meta(self, entry: Entry, page: Page, tags: Iterable[Tag]) -> str:
        """The date and `tags` atop an interview."""
        return self.env.get_template("interview/page-meta.html").render(
            date=entry.date,
            date_text=format_date(entry.date) if entry.date else None,
            tags=self._tags(tags, page),
        )

    def player(self, fields: Mapping[str, str]) -> str:
        """The player above a transcript (`interview/player.html`), from `player.player_fields`."""
        return self.env.get_template("interview/player.html").render(**fields)

    def social_meta(self, meta: Sequence[tuple[str, str, str]]) -> str:
        """Meta tags, each (attribute, key, content), followed by a newline."""
        return self.env.get_template("interview/head.html").render(meta=meta) + "\n"

    def _card(self, entry: Entry, page: Page) -> dict[str, object]:
        return {
            "url": get_relative_url(entry.page.url, page.url),
            "title": entry.title,
            "date": entry.date,
            "date_text": format_date(entry.date) if entry.date else None,
            "excerpt": entry.excerpt,
            "image": relative(entry.image, page) if entry.image else None,
            "speakers": entry.speakers,
            "tags": self._tags(entry.tags, page),
        }

    def _tags(self, tags: Iterable[Tag], page: Page) -> list[dict[str, str | None]]:
        return [{"name": tag.name, "url": self._tag_url(tag, page)} for tag in tags]

    def _tag_url(self, tag: Tag, page: Page) -> str | None:
        url = self.tag_urls.get(tag.slug)
        return get_relative_url(url, page.url) if url is not None else None


def _link_text(url: str) -> str:
    """A link as a reader reads it: without its scheme, `www.` or a closing slash."""
    text = url.split("://", 1)[-1] if "://" in url else url.removeprefix("mailto:")
    return text.removeprefix("www.").rstrip("/") or url
