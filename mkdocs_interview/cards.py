"""Teaser cards: which interviews a marker (`<!-- interview:cards tag=… limit=… -->`,
`<!-- interview:tags -->`, `<!-- interview:people -->`) asks for, and the markers filled once
every page is read, with each interview's date and tags put at its top."""

from __future__ import annotations

import datetime
import functools
import logging
import re
import shlex
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .catalog import Catalog
from .fragments import Fragments
from .tags import Tag, slug_of
from .transcript.options import shown

_OPENS_WITH_TITLE = re.compile(r"\s*<h1")  # `\s`: what `str.lstrip` takes out

MARKER = re.compile(r"<!--\s*interview:(?P<kind>[\w-]*)(?P<options>[^>]*?)\s*-->")
"""A marker of the plugin's, of a kind it knows or not."""
MARKER_KINDS = ("cards", "tags", "people")
"""The markers filled once every page is read; `interview:transcript` is filled before."""
CARD_OPTIONS = frozenset(("tag", "limit", "person"))
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
    hosts: tuple[str, ...] = ()
    """The speakers on the host's side."""

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
    person: str | None = None
    """`person=`: the interviews of one person, named by any spelling of their name or by the
    slug of their page."""


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
    return Marker(kind, values.get("tag"), int(limit) if limit else None, values.get("person"))


def select(entries: Sequence[Entry], marker: Marker) -> list[Entry]:
    """The entries a marker asks for, in the order given."""
    slug = slug_of(marker.tag) if marker.tag else None
    chosen = [entry for entry in entries if slug is None or any(t.slug == slug for t in entry.tags)]
    return chosen[: marker.limit] if marker.limit else chosen


def fill_pages(
    catalog: Catalog,
    marked: Sequence[Page],
    fragments: Fragments,
    files: Files,
    log: logging.LoggerAdapter[logging.Logger],
    *,
    with_tags: bool = True,
) -> None:
    """Fill the markers of the `marked` pages, head the pages the plugin made, and put each
    interview's date and tags (unless not `with_tags`) at its top."""
    entries = sorted(catalog.entries.values(), key=lambda entry: entry.sort_key)
    generated = catalog.generated
    index = files.get_file_from_path(generated.tag_index) if generated.tag_index else None
    filler = _Filler(catalog, entries, fragments, log)
    for path, title in generated.titles.items():
        if not (file := files.get_file_from_path(path)) or not file.page:
            continue
        if (tag := generated.tags_of_pages.get(path)) is None:
            heading = fragments.heading(title)
        else:
            url = get_relative_url(index.url, file.url) if index is not None else None
            heading = fragments.heading(title, filler.tag_counts[tag], url)
        file.page.content = heading + "\n" + (file.page.content or "")
    for page in marked:
        page.content = MARKER.sub(functools.partial(filler.marker, page=page), page.content or "")
    if catalog.settings.page_meta:
        for entry in entries:
            tags = entry.tags if with_tags else ()
            if entry.date is None and not tags:
                continue  # nothing to show
            meta = fragments.page_meta(entry, entry.page, tags)
            entry.page.content = _after_title(entry.page.content or "", meta)


def fill_markers(
    html: str,
    page: Page,
    catalog: Catalog,
    entries: list[Entry],
    fragments: Fragments,
    log: logging.LoggerAdapter[logging.Logger],
) -> str:
    """The markers of one page's `html` filled from `entries`, in the order given: for a
    program that renders one page at a time (`folder`)."""
    filler = _Filler(catalog, entries, fragments, log)
    return MARKER.sub(functools.partial(filler.marker, page=page), html)


@dataclass
class _Filler:
    catalog: Catalog
    entries: list[Entry]
    fragments: Fragments
    log: logging.LoggerAdapter[logging.Logger]

    @functools.cached_property
    def tag_counts(self) -> Counter[Tag]:
        """How many of the entries have each tag."""
        return Counter(tag for entry in self.entries for tag in entry.tags)

    def marker(self, match: re.Match[str], *, page: Page) -> str:
        """What the marker `match` on `page` becomes: cards, a tag list, or itself (with a
        warning) when it cannot be filled."""
        kind, content = match.group("kind"), match.string
        if kind not in MARKER_KINDS:
            if kind != "transcript":  # a page without a caption file keeps it as a comment
                known = ", ".join(f"interview:{kind}" for kind in MARKER_KINDS)
                self._warn(page, match, f"unknown marker {match.group(0)}; the markers are {known}")
            return match.group(0)
        if _in_paragraph(content, match.start()):
            self._warn(page, match, f"{match.group(0)} must stand on a line of its own")
            return match.group(0)
        try:
            marker = parse_marker(kind, match.group("options"))
        except MarkerError as error:
            self._warn(page, match, str(error))
            return match.group(0)
        tags = self.catalog.tags
        if marker.tag and slug_of(marker.tag) not in tags.tags:
            self._warn(page, match, f"no interview is tagged {shown(marker.tag)}")
        if marker.kind == "tags":
            counts = self.tag_counts
            listed = [(tag, counts[tag]) for tag in tags.sorted() if counts[tag]]
            return self.fragments.tag_index(listed, page)
        people = self.catalog.people
        if marker.kind == "people":
            return self.fragments.people_index(people.sorted() if people else [], page)
        entries = self.entries
        if marker.person is not None:
            person = people.find(marker.person) if people else None
            if person is None:
                self._warn(page, match, f"no one named {shown(marker.person)} speaks")
            spoken = set(person.pages if person else ())
            entries = [entry for entry in entries if entry.page.file.src_uri in spoken]
        return self.fragments.cards(select(entries, marker), page)

    def _warn(self, page: Page, match: re.Match[str], message: str) -> None:
        self.log.warning(f"{_line_of(page, match.group(0))}: {message}")


def _in_paragraph(html: str, index: int) -> bool:
    """Whether `index` of a page's HTML is inside a `<p>`: where a marker written in a
    sentence is, and where no block may go."""
    opened = max(html.rfind("<p>", 0, index), html.rfind("<p ", 0, index))
    return opened > html.rfind("</p>", 0, index)


def _line_of(page: Page, text: str) -> str:
    """`src_uri:line` of the first line of the page's file that holds `text`, else
    `src_uri`."""
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError):
        source = ""
    found = source.find(text)
    return (
        page.file.src_uri
        if found < 0
        else f"{page.file.src_uri}:{source.count(chr(10), 0, found) + 1}"
    )


def _after_title(content: str, fragment: str) -> str:
    """`fragment` after the page's leading `<h1>`, or at its start when it has none."""
    if _OPENS_WITH_TITLE.match(content) and "</h1>" in content:
        return content.replace("</h1>", "</h1>\n" + fragment, 1)
    return fragment + "\n" + content
