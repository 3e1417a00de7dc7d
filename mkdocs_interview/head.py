"""Open Graph and Twitter meta for interview pages, where the theme has not set them."""

from __future__ import annotations

import re

from jinja2 import Environment

from .urls import absolute, safe_url


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
    output: str, meta: list[tuple[str, str, str]], env: Environment, head_end: int
) -> str:
    """The meta tags the page's `<head>` (which ends at `head_end`) does not have yet,
    rendered in `env` (an `escaping_environment`) and followed by a newline; "" if none."""
    present = set(_META_KEY.findall(output, 0, head_end))
    missing = [item for item in meta if item[1] not in present]
    if not missing:
        return ""
    return env.get_template("interview/head.html").render(meta=missing) + "\n"
