"""Tags: their slugs, their pages, and which interviews carry them."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from markdown.extensions.toc import slugify_unicode


@dataclass(frozen=True)
class Tag:
    """A tag as first written, and the slug that names its page."""

    name: str
    slug: str


def slug_of(name: str) -> str:
    """The tag's slug: lower case, words joined by hyphens, letters of any script kept."""
    return slugify_unicode(name, "-") or "tag"


class TagIndex:
    """Every tag of the site by slug; the first spelling met names the tag."""

    def __init__(self, hidden: Iterable[str] = ()) -> None:
        self.hidden = {slug_of(name) for name in hidden}
        self.tags: dict[str, Tag] = {}

    def add(self, names: Iterable[str]) -> list[Tag]:
        """Register `names` (a page's tags) and return their tags, hidden ones left out."""
        tags = []
        for name in names:
            slug = slug_of(name)
            if slug in self.hidden:
                continue
            tags.append(self.tags.setdefault(slug, Tag(name, slug)))
        return list(dict.fromkeys(tags))

    def sorted(self) -> list[Tag]:
        return sorted(self.tags.values(), key=lambda tag: (tag.name.casefold(), tag.slug))


def tag_page_path(tags_page: str, tag: Tag) -> str:
    """The docs path of a tag's page, beside the tag index: `tags/index.md` → `tags/<slug>.md`
    and, with directory URLs, `tags/<slug>/`."""
    return posixpath.join(posixpath.dirname(tags_page), f"{tag.slug}.md")
