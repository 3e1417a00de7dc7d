"""Regroup a page's top-level blocks into chat regions and turns, in place."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Collection, Sequence

from .labels import Label, initials
from .model import PageOptions, Side, Transcript, Turn

# Blocks that end a chat region: the next speaker line opens a new one.
_BOUNDARY_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "hr"))


def regroup(
    root: etree.Element,
    labels: Sequence[Label],
    speakers: Collection[str],
    options: PageOptions,
) -> Transcript:
    """Wrap each speaker line and the blocks after it in a turn, and runs of turns in a region.

    Blocks before the first turn, headings and rules stay where they are; no block is dropped
    and the label is the only text taken out of one.
    """
    transcript = Transcript()
    turn_labels = {id(label.paragraph): label for label in labels if label.name in speakers}
    if not turn_labels:
        return transcript
    host = options.host or next(label.name for label in labels if label.name in speakers)
    blocks: list[etree.Element] = []
    region: etree.Element | None = None
    body: etree.Element | None = None
    for block in root:
        label = turn_labels.get(id(block))
        if label is not None:
            if region is None:
                region = etree.Element("div", {"class": "interview"})
                region.text = region.tail = "\n"
                blocks.append(region)
                transcript.regions += 1
            side: Side = "host" if label.name == host else "guest"
            turn = Turn(f"turn-{len(transcript.turns) + 1}", label.name, side)
            transcript.turns.append(turn)
            body = _turn_element(region, turn)
            if label.remove():
                body.append(block)
        elif block.tag in _BOUNDARY_TAGS or _is_footnotes(block):
            region = body = None
            blocks.append(block)
        elif body is not None:
            body.append(block)
        else:
            blocks.append(block)
    root[:] = blocks
    return transcript


def _turn_element(region: etree.Element, turn: Turn) -> etree.Element:
    """Append the turn's element to `region` and return its body, for the turn's blocks."""
    element = etree.SubElement(
        region,
        "div",
        {
            "class": "interview-turn",
            "id": turn.id,
            "data-speaker": turn.speaker,
            "data-side": turn.side,
        },
    )
    element.text = element.tail = "\n"
    avatar = etree.SubElement(
        element,
        "span",
        {
            "class": "interview-avatar",
            "data-initials": initials(turn.speaker),
            "aria-hidden": "true",
        },
    )
    avatar.tail = "\n"
    name = etree.SubElement(element, "p", {"class": "interview-speaker"})
    name.text = turn.speaker
    name.tail = "\n"
    body = etree.SubElement(element, "div", {"class": "interview-body"})
    body.text = body.tail = "\n"
    return body


def _is_footnotes(block: etree.Element) -> bool:
    return block.tag == "div" and block.get("class") == "footnote"
