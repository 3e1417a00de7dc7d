"""What the search plugins index: a chat page without its chat wrappers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mkdocs.structure.pages import Page

from .transcript.lean import without_chat

SEARCH_PLUGINS = frozenset(("search", "material/search"))
"""MkDocs' and Material's search plugins, which index `page.content` in `on_page_context`."""
SEARCH_PRIORITY = 0
"""The priority of their `on_page_context`: MkDocs' default."""
_CHAT = '<div class="interview">'
"""What opens a chat: on its page, or on a page that shows it (a blog's excerpts)."""
_MATERIAL_CLEANUP = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""What Material's search plugin takes out of `page.content` once it has read it."""


class SearchView:
    """Hands the search plugins each chat page without the `<div>`s of its regions and turns
    and without avatars (the same sections, titles and text, and much less markup to walk),
    and gives the chat back right after them."""

    def __init__(self, plugins: Iterable[str]) -> None:
        searches = {name.split(" #")[0] for name in plugins} & SEARCH_PLUGINS
        self.enabled = bool(searches)
        self.name_paragraphs = searches != {"search"}
        """Whether to keep each speaker's name in its paragraph: MkDocs' search indexes text
        alone, the same with or without it, while Material's keeps paragraphs in its index."""
        self.chats = False
        """Whether any page shows a chat yet: until then no page's HTML is looked through."""
        self._held: tuple[Page, str, str] | None = None

    def lend(self, page: Page) -> None:
        """Before the search plugins: `page`'s content without the chat."""
        self._held = None
        if self.enabled and self.chats and page.content and _CHAT in page.content:
            lean = without_chat(page.content, name_paragraphs=self.name_paragraphs)
            if lean is not page.content:
                self._held = (page, page.content, lean)
                page.content = lean

    def give_back(self, page: Page) -> None:
        """After them: the chat again, with what Material's search took out of the page."""
        if self._held is None or self._held[0] is not page:
            return
        _, chat, lean = self._held
        self._held = None
        if page.content == lean:
            page.content = chat
        elif page.content == _MATERIAL_CLEANUP.sub("", lean):
            page.content = _MATERIAL_CLEANUP.sub("", chat)
