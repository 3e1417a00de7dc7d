"""A short plain-text excerpt and the first image of a page, for its teaser card."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from .markers import unescape

_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
# The references Python-Markdown writes out as they are, and a browser reads as a character.
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
_BLOCKS = frozenset(
    "blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li ol p pre table td th tr ul".split()
)
_HIDDEN = frozenset(("script", "style", "template"))
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
EXCERPT_LENGTH = 200


def excerpt(root: etree.Element, limit: int = EXCERPT_LENGTH, stash: Sequence[object] = ()) -> str:
    """The first sentences of the intro, else of the first answer, in at most `limit`
    characters; never a speaker's label. `stash` is the page's stashed raw HTML."""
    for block in root:
        if block.get("class") == "interview":
            answers = block.iterfind("div[@data-side='guest']/div[@class='interview-body']/p")
            texts = (plain_text(paragraph, stash) for paragraph in answers)
            return shorten(next((text for text in texts if text), ""), limit)
        if block.tag == "p" and (text := plain_text(block, stash)):
            return shorten(text, limit)
    return ""


def first_image(root: etree.Element) -> str | None:
    """The `src` of the page's first image, as written."""
    image = next(root.iter("img"), None)
    return image.get("src") if image is not None else None


def shorten(text: str, limit: int) -> str:
    """Whole sentences up to `limit` characters; else whole words and an ellipsis."""
    if len(text) <= limit:
        return text
    cut = max((match.start() for match in _SENTENCE_END.finditer(text, 0, limit + 1)), default=0)
    if cut:
        return text[:cut]
    words = text[:limit].rsplit(" ", 1)[0]
    return words.rstrip(",;:—- ") + "…"


def plain_text(
    element: etree.Element, stash: Sequence[object] = (), skip: etree.Element | None = None
) -> str:
    """The text of `element` as a reader sees it: blocks apart, whitespace folded, entities
    such as `&amp;` read; without the element `skip`. `stash` is the page's stashed raw HTML
    (`md.htmlStash`), where Python-Markdown keeps fenced code, entities and the HTML written
    in the Markdown."""
    raw = "".join(_texts(element, skip)).replace(AMP_SUBSTITUTE, "&")
    raw = _ENTITY.sub(lambda match: html.unescape(match.group(0)), raw)
    raw = HTML_PLACEHOLDER_RE.sub(lambda match: _stashed_text(stash, int(match.group(1))), raw)
    raw = _PLACEHOLDER.sub("", unescape(raw))
    return " ".join(raw.split())


def _stashed_text(stash: Sequence[object], index: int) -> str:
    stashed = stash[index] if index < len(stash) else None
    if not isinstance(stashed, str):
        return ""
    reader = _TextReader()
    reader.feed(stashed)
    reader.close()
    return "".join(reader.parts)


class _TextReader(HTMLParser):
    """The text a reader sees in a piece of HTML: no tags, comments, scripts or styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _texts(element: etree.Element, skip: etree.Element | None) -> Iterator[str]:
    # Blocks have no whitespace between them before Python-Markdown prettifies the tree.
    if element.tag in _BLOCKS:
        yield " "
    yield element.text or ""
    for child in element:
        if child is not skip:
            yield from _texts(child, skip)
        yield child.tail or ""
    if element.tag in _BLOCKS:
        yield " "
