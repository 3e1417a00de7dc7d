"""The plugin's stylesheet, linked from the pages that show its markup and from no other."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

STYLESHEET = "interview/interview.css"
"""Where the theme dir puts it in the site, and where `custom_dir` overrides it."""
_MARKUP = 'class="interview'
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
"""Where a page's `<head>` ends."""


def shows_markup(output: str) -> bool:
    """Whether a page shows any of the plugin's markup: a chat, cards, tags, page meta."""
    return _MARKUP in output


def on_every_page(theme_name: str | None, features: Sequence[object]) -> bool:
    """Whether every page must link the stylesheet: Material's instant navigation swaps a
    page's content in without reading the new page's `<head>`."""
    return theme_name == "material" and "navigation.instant" in features


def stylesheet_link(
    output: str, page: Page, extra_css: Sequence[str], head_end: int
) -> tuple[int, str]:
    """Where in `output` to link the stylesheet, and the link: before the site's own
    stylesheets (`extra_css`), so that the site's rules win, else at `head_end`, where its
    `<head>` ends."""
    link = f'<link rel="stylesheet" href="{html.escape(normalize_url(STYLESHEET, page))}">\n'
    if extra_css:
        first = f'href="{html.escape(normalize_url(str(extra_css[0]), page))}"'
        found = output.find(first, 0, head_end)
        opened = output.rfind("<link", 0, found) if found != -1 else -1
        if opened != -1:
            return opened, link  # the site's first stylesheet's `<link`
    return head_end, link


def into_head(output: str, end: re.Match[str], at: int, before: str, at_end: str) -> str:
    """`output` with `before` at `at` and `at_end` where its `<head>` ends (`end`, the first
    `HEAD_END`), copied once: the text from `at` to `end` is first found where it is, since
    it closes with the page's first `</head>`."""
    old = output[at : end.end()]
    return output.replace(old, before + output[at : end.start()] + at_end + end.group(), 1)
