"""A short plain-text excerpt and the first image of a page, for its teaser card."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence

from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from .markers import unescape
from .rawhtml import stashed_text
from .urls import safe_html_url

_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
# The references Python-Markdown writes out as they are, and a browser reads as a character.
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
EXCERPT_LENGTH = 200


def excerpt(root: etree.Element, limit: int = EXCERPT_LENGTH, stash: Sequence[object] = ()) -> str:
    """The first sentences of the intro, else of the first answer (or passage of prose), in at
    most `limit` characters; never a speaker's label. `stash` is the page's stashed raw HTML."""
    for block in root:
        if block.get("class") == "interview":
            answers = block.iterfind("div[@data-side='guest']/p")
            texts = (
                plain_text(paragraph, stash, _opening_time(paragraph)) for paragraph in answers
            )
            return shorten(next((text for text in texts if text), ""), limit)
        if block.get("class") == "interview-prose" and len(block):
            passage = block[0]  # its timestamp is no part of what is said
            time = (
                passage[0] if len(passage) and passage[0].get("class") == "interview-time" else None
            )
            return shorten(plain_text(passage, stash, skip=time), limit)
        if block.tag == "p" and (text := plain_text(block, stash)):
            return shorten(text, limit)
    return ""


def _opening_time(paragraph: etree.Element) -> etree.Element | None:
    """The timestamp a paragraph opens with, marked by the engine: not part of an excerpt."""
    if len(paragraph) and not (paragraph.text or "").strip():
        first = paragraph[0]
        if first.get("class") == "interview-time":
            return first
    return None


def first_image(root: etree.Element) -> str | None:
    """The URL of the page's first image, as its HTML gives it to a browser; None when the
    page has none, or the first one's URL is not safe."""
    image = next(root.iter("img"), None)
    source = image.get("src") if image is not None else None
    return safe_html_url(source) if source else None


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
    element: etree.Element,
    stash: Sequence[object] = (),
    skip: etree.Element | None = None,
    own_text: bool = True,
) -> str:
    """The text of `element` as a reader sees it: blocks apart, whitespace folded, entities
    such as `&amp;` read; without the text of its first descendant `skip`, and with
    `own_text` false without the text before its first child. `stash` is the
    page's stashed raw HTML (`md.htmlStash`), where Python-Markdown keeps fenced code,
    entities and the HTML written in the Markdown. Blocks are apart once Python-Markdown's
    prettifier has put line breaks between them."""
    raw = "".join(element.itertext())
    if not own_text and element.text:
        raw = raw[len(element.text) :]
    if skip is not None:
        raw = raw.replace("".join(skip.itertext()), "", 1)
    return fold(raw, stash)


def fold(raw: str, stash: Sequence[object] = ()) -> str:
    """The text of a tree's `itertext` as a reader sees it (see `plain_text`)."""
    if "\x02" in raw:
        raw = raw.replace(AMP_SUBSTITUTE, "&")
    if "&" in raw:
        raw = _ENTITY.sub(lambda match: html.unescape(match.group(0)), raw)
    if "\x02" in raw:
        raw = HTML_PLACEHOLDER_RE.sub(lambda match: _stashed_text(stash, int(match.group(1))), raw)
        raw = _PLACEHOLDER.sub("", unescape(raw))
    return " ".join(raw.split())


def _stashed_text(stash: Sequence[object], index: int) -> str:
    stashed = stash[index] if index < len(stash) else None
    return stashed_text(stashed) if isinstance(stashed, str) else ""
