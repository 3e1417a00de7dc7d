"""Find every label on a page, and give each speaker's line a paragraph of its own.

Authors leave out blank lines: two speakers on consecutive lines make one Markdown paragraph,
and a speaker line right after a list becomes part of its last item. Both are cut apart here,
after the cast is known, so that only real speaker lines cut anything.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from .detect import Cast
from .labels import (
    BOUNDARIES,
    START,
    Label,
    Position,
    Shape,
    block_label,
    label_at,
    split,
    texts_of,
)
from .markers import unescape

_LISTS = frozenset(("ul", "ol"))
_LIQUID_TAG = re.compile(r"\{%-?\s*[a-z_]+\b.*?-?%\}")


@dataclass(slots=True)
class Found:
    """A label, the block it sits in (a top-level paragraph or heading, or the end of a
    list), and where in that block."""

    label: Label
    container: etree.Element
    position: Position


def find_labels(root: etree.Element) -> list[Found]:
    """Every label among the top-level blocks: at their starts, at line starts inside
    paragraphs, and at line starts inside the last item of a list. A name label is marked
    `silent` when nothing but a time follows it before the next label or heading."""
    found: list[Found] = []
    waiting: Found | None = None  # a label that said nothing, to its block's end
    for block in root:
        if block.tag in _LISTS:
            holder = _last_line_holder(block)
            here = _labels_in(holder, first=False) if holder is not None else []
        elif block.tag == "p":
            here = _labels_in(block, first=True)
        elif label := block_label(block):
            here = [Found(label, block, Position(-1, 0))]
        else:
            here = []
        opens = bool(here) and here[0].position.is_start
        if waiting is not None and (opens or block.tag in BOUNDARIES):
            found[-1] = _silenced(waiting)
        waiting = None
        for index, item in enumerate(here):
            label = item.label
            if label.shape is not Shape.NAME:
                continue
            line = _line_text(item)
            if label.says_words(line):
                continue  # most labels: words follow, so neither silence nor a link alone
            if label.says_only_a_link(line):
                label.linking = True
            if not label.says_nothing(line):
                continue
            if index + 1 < len(here):
                if _only_line(item, here[index + 1]):
                    here[index] = _silenced(item)
            elif _last_line(item):
                waiting = item
        found += here
    if waiting is not None:
        found[-1] = _silenced(waiting)
    return found


def give_lines_their_paragraphs(root: etree.Element, found: list[Found], cast: Cast) -> None:
    """Cut paragraphs and list items before every speaker line that does not start one."""
    cuts: dict[int, list[Found]] = {}
    for item in found:
        if item.position.is_start:
            continue  # most labels: they open their block already
        if cast.speaker_of(item.label) is not None or cast.is_break(item.label):
            cuts.setdefault(id(item.container), []).append(item)
    if cast.bold_questions:
        for item in found:
            if item.label.continued and item.position.is_start:
                # The lines after a question in bold: its answer, with no blank line before.
                cuts.setdefault(id(item.container), []).append(
                    Found(item.label, item.container, _after_first_line(item.container))
                )
    if not cuts:
        return
    blocks: list[etree.Element] = []
    for block in root:
        blocks.append(block)
        holder = _last_line_holder(block) if block.tag in _LISTS else block
        items = cuts.get(id(holder), []) if holder is not None else []
        # Cut from the last line up, so that the earlier positions still hold.
        pieces = [
            split(item.container, item.position) for item in sorted(items, key=_order, reverse=True)
        ]
        blocks += reversed(pieces)
    root[:] = blocks


def remove_liquid_tags(root: etree.Element) -> int:
    """Drop the lines of top-level paragraphs that are only Jekyll Liquid tags, and the
    paragraphs left empty; return how many tags went."""
    removed = 0
    kept = []
    for block in root:
        if block.tag == "p":
            removed += _drop_liquid_lines(block)
            if not (block.text or "").strip() and not len(block):
                continue
        kept.append(block)
    if removed:
        root[:] = kept
    return removed


def _drop_liquid_lines(block: etree.Element) -> int:
    """Take out of `block` each whole line that is a Liquid tag (`{% include toc %}`)."""
    removed = 0
    holders = [None, *block]
    last = len(holders) - 1
    for index, holder in enumerate(holders):
        text = block.text if holder is None else holder.tail
        if not text or ("{%" not in text and "\x02123\x03%" not in text):
            continue  # a cut paragraph holds its last `{` escaped (see `labels.split`)
        lines = text.split("\n")
        kept = []
        for number, line in enumerate(lines):
            # A whole line starts at a line break (or the block's start) and ends at one
            # (or the block's end): not beside an element such as a link.
            whole = (number > 0 or holder is None) and (number < len(lines) - 1 or index == last)
            if whole and _LIQUID_TAG.fullmatch(unescape(line).strip()):
                removed += 1
            else:
                kept.append(line)
        if len(kept) < len(lines):
            text = "\n".join(kept).strip("\n") if holder is None else "\n".join(kept)
            if holder is None:
                block.text = text
            else:
                holder.tail = text
    return removed


def _labels_in(container: etree.Element, *, first: bool) -> list[Found]:
    found = []
    if first and (label := block_label(container)) is not None:
        found.append(Found(label, container, START))
    for child, text in enumerate(texts_of(container), start=-1):
        if not text or "\n" not in text:
            continue  # most paragraphs are one line
        offset = text.find("\n")
        while offset != -1:
            position = Position(child, offset + 1)
            if (label := label_at(container, position)) is not None:
                label.opens_block = False
                found.append(Found(label, container, position))
            offset = text.find("\n", offset + 1)
    return found


def _after_first_line(block: etree.Element) -> Position:
    tail = block[0].tail or ""
    return Position(0, tail.index("\n") + 1)


def _line_text(item: Found) -> str:
    """The text of `item`'s block from where its line starts."""
    child = item.position.child
    text = item.container.text if child == -1 else item.container[child].tail
    return (text or "")[item.position.offset :]


def _silenced(item: Found) -> Found:
    item.label.silent = True
    return item


def _only_line(item: Found, following: Found) -> bool:
    """Whether the next label in the same block starts on the line right after `item`'s."""
    return _lines_between(item, following.position) <= 1


def _last_line(item: Found) -> bool:
    """Whether `item`'s label stands on the last line of its block."""
    strings = texts_of(item.container)
    start = item.position.child + 1
    after = strings[start + 1 :]
    own = (strings[start] or "")[item.position.offset :]
    return "\n" not in own.strip() and not any("\n" in (text or "").strip() for text in after)


def _lines_between(item: Found, position: Position) -> int:
    strings = texts_of(item.container)
    start, end = item.position, position
    if start.child == end.child:
        return (strings[start.child + 1] or "").count("\n", start.offset, end.offset)
    count = (strings[start.child + 1] or "").count("\n", start.offset)
    for text in strings[start.child + 2 : end.child + 1]:
        count += (text or "").count("\n")
    return count + (strings[end.child + 1] or "").count("\n", 0, end.offset)


def _last_line_holder(block: etree.Element) -> etree.Element | None:
    """The element whose text ends a list: its last item, or that item's last paragraph,
    inside the innermost list that ends it."""
    item = block[-1] if len(block) and block[-1].tag == "li" else None
    while item is not None:
        last = item[-1] if len(item) and not (item[-1].tail or "").strip() else None
        if last is not None and last.tag in _LISTS and len(last) and last[-1].tag == "li":
            item = last[-1]
        elif last is not None and last.tag == "p":
            return last
        else:
            return item
    return None


def _order(item: Found) -> tuple[int, int]:
    return item.position.child, item.position.offset
