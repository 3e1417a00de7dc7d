"""Raw HTML that Python-Markdown stashed away: how far each top-level piece opens or closes,
and the text a reader sees in it.

When an HTML block's start tag and end tag land in different stashed pieces (md_in_html gives
up on a block it cannot parse, say), the Markdown between them is top-level in the tree but
inside that block on the page. Turns must not start, end or be cut there.

The stash holds well-formed HTML from Python-Markdown and its extensions (highlighted code
above all) and whatever authors write; a tag scanner reads it as an HTML parser would, at a
fraction of `html.parser`'s cost.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Sequence
from typing import Any

from markdown.util import HTML_PLACEHOLDER_RE

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCKS = frozenset(
    "blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li ol p pre table td th tr ul".split()
)
# Every element of HTML, SVG and MathML a page may hold; a tag of another name that is no custom
# element (which has a hyphen) is what a transcript writes for a sound: `<laughter>`.
_ELEMENTS = frozenset(
    """
    a abbr acronym address area article aside audio b base bdi bdo big blockquote body br
    button canvas caption center cite code col colgroup data datalist dd del details dfn
    dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset
    h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li
    link main map mark menu meta meter nav noscript object ol optgroup option output p param
    picture pre progress q rp rt ruby s samp script search section select slot small source
    span strike strong style sub summary sup table tbody td template textarea tfoot th thead
    time title tr track tt u ul var video wbr svg math g path circle rect line polyline
    polygon ellipse text tspan defs use symbol lineargradient radialgradient stop clippath
    mask pattern image foreignobject marker filter mi mo mn ms mtext mrow msup msub mfrac
    msqrt mroot mtable mtr mtd semantics annotation
    """.split()
)
_SOUND = re.compile(r"<(/?)([a-zA-Z][a-zA-Z]*)\s*/?>")
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(?P<hidden>script|style|template)\b.*?(?:(?P<shut></(?P=hidden)\s*>)|\Z)"
    r"|<(?P<end>/?)(?P<tag>[a-zA-Z][^\s/>]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*?(?P<closed>/?)>",
    re.DOTALL | re.IGNORECASE,
)


def stashed_block(block: etree.Element, stash: Sequence[object]) -> str | None:
    """The raw HTML a paragraph stands for when it holds nothing but the placeholder of a
    piece of Python-Markdown's stash; None for any other block."""
    if block.tag != "p" or len(block) or not block.text or "\x02" not in block.text:
        return None
    match = HTML_PLACEHOLDER_RE.fullmatch(block.text.strip())
    if match is None:
        return None
    index = int(match.group(1))
    stashed = stash[index] if index < len(stash) else None
    return stashed if isinstance(stashed, str) else None


def depth_change(block: etree.Element, stash: Sequence[object]) -> int:
    """How many elements a top-level paragraph of stashed raw HTML leaves open (more than
    zero) or closes of those opened before it (less than zero); 0 for any other block."""
    stashed = stashed_block(block, stash)
    if stashed is None or "<" not in stashed:
        return 0
    # Highlighted code holds thousands of tags of a few kinds: each kind is judged once.
    # Each tag: (hidden element, its end tag, "/" of an end tag, name, "/" of `<br/>`).
    kinds = Counter(_MARKUP.findall(stashed))
    return sum(count * _depth_of(*kind) for kind, count in kinds.items())


@functools.lru_cache(maxsize=1024)
def _depth_of(hidden: str, shut: str, end: str, name: str, closed: str) -> int:
    """How far one tag of `_MARKUP` opens (1) or closes (-1) the HTML around it."""
    if hidden:
        return 0 if shut else 1
    if name and is_element(name) and name.lower() not in _VOID:
        if end:
            return -1
        if not closed:
            return 1
    return 0


def is_element(name: str) -> bool:
    """Whether a tag's name is an element of HTML (or SVG, MathML) or a custom element."""
    return name.lower() in _ELEMENTS or "-" in name


def sounds_as_text(stash: list[Any]) -> None:
    """Show the tags a transcript writes for sounds (`<laughter>`, `</crosstalk>`) as text:
    they are no element a browser knows, and would otherwise vanish from the page."""
    for index, stashed in enumerate(stash):
        match = _SOUND.fullmatch(stashed.strip()) if isinstance(stashed, str) else None
        if match and not is_element(match.group(2)):
            stash[index] = html.escape(match.group())


def stashed_text(stashed: str) -> str:
    """The text a reader sees in a piece of HTML: no tags, comments, scripts or styles; the
    blocks apart; character references read."""
    return html.unescape(_MARKUP.sub(_as_text, stashed))


def _as_text(tag: re.Match[str]) -> str:
    name = tag.group("tag")
    return " " if name and name.lower() in _BLOCKS else ""
