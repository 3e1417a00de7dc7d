"""Raw HTML that Python-Markdown stashed away: how far each top-level piece opens or closes.

When an HTML block's start tag and end tag land in different stashed pieces (md_in_html gives
up on a block it cannot parse, say), the Markdown between them is top-level in the tree but
inside that block on the page. Turns must not start, end or be cut there.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Sequence
from html.parser import HTMLParser

from markdown.util import HTML_PLACEHOLDER_RE

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Depth(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth -= 1


def depth_change(block: etree.Element, stash: Sequence[object]) -> int:
    """How many elements a top-level paragraph of stashed raw HTML leaves open (more than
    zero) or closes of those opened before it (less than zero); 0 for any other block."""
    if block.tag != "p" or len(block) or not block.text:
        return 0
    match = HTML_PLACEHOLDER_RE.fullmatch(block.text.strip())
    if match is None:
        return 0
    index = int(match.group(1))
    html = stash[index] if index < len(stash) else None
    if not isinstance(html, str):
        return 0
    parser = _Depth()
    parser.feed(html)
    parser.close()
    return parser.depth
