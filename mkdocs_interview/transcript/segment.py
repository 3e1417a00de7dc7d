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
from .labels import Label, Position, block_label, label_at, line_starts, split

_LISTS = frozenset(("ul", "ol"))
_LIQUID_TAG = re.compile(r"\{%-?\s*[a-z_]+\b.*?-?%\}")


@dataclass(frozen=True)
class Found:
    """A label, the block it sits in (a top-level paragraph or heading, or the end of a
    list), and where in that block."""

    label: Label
    container: etree.Element
    position: Position


def find_labels(root: etree.Element) -> list[Found]:
    """Every label among the top-level blocks: at their starts, at line starts inside
    paragraphs, and at line starts inside the last item of a list."""
    found = []
    for block in root:
        if block.tag in _LISTS:
            holder = _last_line_holder(block)
            if holder is not None:
                found += _labels_in(holder, first=False)
        elif block.tag == "p":
            found += _labels_in(block, first=True)
        elif label := block_label(block):
            found.append(Found(label, block, Position(-1, 0)))
    return found


def give_lines_their_paragraphs(root: etree.Element, found: list[Found], cast: Cast) -> None:
    """Cut paragraphs and list items before every speaker line that does not start one."""
    cuts: dict[int, list[Found]] = {}
    for item in found:
        if not item.position.is_start and cast.speaker_of(item.label) is not None:
            cuts.setdefault(id(item.container), []).append(item)
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
    """Drop top-level paragraphs made only of Jekyll Liquid tags; return how many tags went."""
    removed = 0
    kept = []
    for block in root:
        if block.tag == "p" and len(block) == 0 and block.text:
            lines = block.text.strip().split("\n")
            if all(_LIQUID_TAG.fullmatch(line.strip()) for line in lines):
                removed += len(lines)
                continue
        kept.append(block)
    if removed:
        root[:] = kept
    return removed


def _labels_in(container: etree.Element, *, first: bool) -> list[Found]:
    found = []
    for position in line_starts(container, first=first):
        label = block_label(container) if position.is_start else label_at(container, position)
        if label is not None:
            found.append(Found(label, container, position))
    return found


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
