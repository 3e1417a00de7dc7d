"""Open Graph and Twitter meta for interview pages, where the theme has not set them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .urls import absolute, safe_url

if TYPE_CHECKING:
    from .cards import Entry
    from .fragments import Fragments


def social_meta(
    *,
    title: str,
    description: str,
    image: str | None,
    url: str | None,
    site_url: str | None,
) -> list[tuple[str, str, str]]:
    """(attribute, key, content) for each meta tag of an interview page; URLs absolute."""
    image_url = absolute(image, site_url) if image else None
    meta = [("property", "og:type", "article"), ("property", "og:title", title)]
    if description:
        meta.append(("property", "og:description", description))
    if url := safe_url(url):
        meta.append(("property", "og:url", url))
    if image_url:
        meta.append(("property", "og:image", image_url))
    card = "summary_large_image" if image_url else "summary"
    meta.append(("name", "twitter:card", card))
    return meta


_META_KEY = re.compile(r"""(?:property|name)\s*=\s*["']([^"']*)["']""")


def missing_meta(
    output: str, meta: list[tuple[str, str, str]], head_end: int
) -> list[tuple[str, str, str]]:
    """The meta tags of `meta` that the page's `<head>` (which ends at `head_end`) lacks."""
    present = set(_META_KEY.findall(output, 0, head_end))
    return [item for item in meta if item[1] not in present]


def page_head(
    entry: Entry, output: str, page: Page, config: MkDocsConfig, fragments: Fragments, end: int
) -> str:
    """The social meta of an interview page that its `output` lacks, to put where its
    `<head>` ends (at `end`); "" if none."""
    meta = social_meta(
        title=entry.title,
        description=entry.excerpt,
        image=entry.social_image or entry.image,
        url=page.canonical_url,
        site_url=config.site_url,
    )
    missing = missing_meta(output, meta, end)
    return fragments.social_meta(missing) if missing else ""
