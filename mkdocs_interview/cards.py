"""Teaser cards: one per interview, rendered into pages through overridable templates."""

from __future__ import annotations

import datetime
import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jinja2 import Environment
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .tags import Tag, slug_of
from .urls import relative

MARKER = re.compile(r"<!--\s*interview:(?P<kind>[\w-]*)(?P<options>[^>]*?)\s*-->")
"""A marker of the plugin's, of a kind it knows or not."""
MARKER_KINDS = ("cards", "tags")
"""The markers filled once every page is read; `interview:transcript` is filled before."""
CARD_OPTIONS = frozenset(("tag", "limit"))
_LIMIT = re.compile(r"[0-9]{1,6}")


@dataclass(frozen=True)
class Entry:
    """An interview as its card shows it."""

    page: Page
    title: str
    date: datetime.date | None
    excerpt: str
    image: str | None
    """An absolute URL, or a URL path from the site's root."""
    speakers: tuple[str, ...]
    tags: tuple[Tag, ...]
    social_image: str | None = None
    """The image for social previews when the front matter names one (`header.og_image`)."""
    turns: tuple[int, int] | None = None
    """Where the turns lie in the build's `TurnSpool`, for the export."""

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """Newest first; undated last; then by title and URL, so the order never wavers."""
        ordinal = -self.date.toordinal() if self.date else 0
        return (ordinal, self.title.casefold(), self.page.url)


@dataclass(frozen=True)
class Marker:
    """A `<!-- interview:cards tag=x limit=6 -->` comment, parsed."""

    kind: str
    tag: str | None = None
    limit: int | None = None


class MarkerError(ValueError):
    """A marker with an option it does not know, or a bad value."""


def parse_marker(kind: str, options: str) -> Marker:
    """Read a marker's options; raise MarkerError for a wrong one."""
    try:
        words = shlex.split(options)
    except ValueError as error:  # a quote left open
        raise MarkerError(f"cannot read <!-- interview:{kind}{options} -->: {error}") from None
    values = {}
    for word in words:
        key, _, value = word.partition("=")
        if key not in CARD_OPTIONS or kind != "cards" or not value:
            raise MarkerError(f"unknown option '{word}' in <!-- interview:{kind} -->")
        values[key] = value
    limit = values.get("limit")
    if limit is not None and not (_LIMIT.fullmatch(limit) and int(limit) > 0):
        raise MarkerError(f"'limit' must be a positive whole number, not '{limit}'")
    return Marker(kind, values.get("tag"), int(limit) if limit else None)


def select(entries: Sequence[Entry], marker: Marker) -> list[Entry]:
    """The entries a marker asks for, in the order given."""
    slug = slug_of(marker.tag) if marker.tag else None
    chosen = [entry for entry in entries if slug is None or any(t.slug == slug for t in entry.tags)]
    return chosen[: marker.limit] if marker.limit else chosen


def format_date(date: datetime.date) -> str:
    """`2 May 2024`."""
    return f"{date.day} {date:%B %Y}"


class Renderer:
    """Renders cards, tag lists and page meta with the `interview/*.html` templates, which a
    theme's `custom_dir` may override."""

    def __init__(self, env: Environment, tag_urls: dict[str, str]) -> None:
        self.env = env
        """The templates' environment, with autoescape forced on (`escaping_environment`)."""
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

    def heading(self, title: str) -> str:
        """The heading of a page the plugin made."""
        return self.env.get_template("interview/heading.html").render(title=title)

    def page_meta(self, entry: Entry, page: Page) -> str:
        return self.env.get_template("interview/page-meta.html").render(
            date=entry.date,
            date_text=format_date(entry.date) if entry.date else None,
            tags=self._tags(entry.tags, page),
        )

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
