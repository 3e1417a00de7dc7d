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


def with_stylesheet(output: str, page: Page, extra_css: Sequence[str]) -> str:
    """`output` with a link to the stylesheet in its `<head>`, before the site's own
    stylesheets (`extra_css`), so that the site's rules win."""
    end = HEAD_END.search(output)
    if end is None:
        return output
    link = f'<link rel="stylesheet" href="{html.escape(normalize_url(STYLESHEET, page))}">\n'
    at = end.start()
    if extra_css:
        first = f'href="{html.escape(normalize_url(str(extra_css[0]), page))}"'
        found = output.find(first, 0, at)
        opened = output.rfind("<link", 0, found) if found != -1 else -1
        if opened != -1:
            at = opened  # the site's first stylesheet's `<link`
    return output[:at] + link + output[at:]
