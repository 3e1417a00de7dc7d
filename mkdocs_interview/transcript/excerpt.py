"""A short plain-text excerpt and the first image of a page, for its teaser card."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from .markers import unescape

_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
_BLOCKS = frozenset(
    "blockquote dd div dl dt h1 h2 h3 h4 h5 h6 li ol p pre table td th tr ul".split()
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
EXCERPT_LENGTH = 200


def excerpt(root: etree.Element, limit: int = EXCERPT_LENGTH) -> str:
    """The first sentences of the intro, else of the first answer, in at most `limit`
    characters; never a speaker's label."""
    for block in root:
        if block.get("class") == "interview":
            answers = block.iterfind("div[@data-side='guest']/div[@class='interview-body']/p")
            texts = (plain_text(paragraph) for paragraph in answers)
            return shorten(next((text for text in texts if text), ""), limit)
        if block.tag == "p" and (text := plain_text(block)):
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


def plain_text(element: etree.Element) -> str:
    """The text of `element` as a reader sees it: blocks apart, whitespace folded."""
    raw = _PLACEHOLDER.sub("", unescape("".join(_texts(element))))
    return " ".join(raw.split())


def _texts(element: etree.Element) -> Iterator[str]:
    # Blocks have no whitespace between them before Python-Markdown prettifies the tree.
    if element.tag in _BLOCKS:
        yield " "
    yield element.text or ""
    for child in element:
        yield from _texts(child)
        yield child.tail or ""
    if element.tag in _BLOCKS:
        yield " "
