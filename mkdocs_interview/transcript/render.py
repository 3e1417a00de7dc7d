"""Regroup a page's top-level blocks into chat regions and turns, in place."""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .colours import colour_for, text_colour_on
from .detect import Cast
from .excerpt import fold, plain_text
from .labels import BOUNDARIES, Label, Shape, block_label, initials, is_wholly_bold
from .markers import literal, mark_stage_notes, mark_timestamp
from .model import PageOptions, Side, Speaker, Transcript, Turn
from .rawhtml import depth_change
from .urls import safe_url

_QUESTION_SHAPES = frozenset((Shape.BOLD_QUESTION, Shape.HEADING_QUESTION))
_UNREAD: Any = object()


@dataclass
class _Open:
    """The region and turn that blocks are being gathered into."""

    region: etree.Element | None = None
    turn: etree.Element | None = None
    shape: Shape | None = None
    """How the open turn started; after a question in bold or a heading, the next block
    without a label opens the answer."""


def regroup(
    root: etree.Element,
    cast: Cast,
    options: PageOptions,
    head: SpeakerHead,
    known: Mapping[int, Label | None] | None = None,
    stash: Sequence[object] = (),
) -> tuple[Transcript, list[etree.Element]]:
    """Wrap each speaker's line and the blocks after it in a turn, and runs of turns in a region;
    return what was found, and each turn's element: `head` gives its text (the placeholder of
    the speaker's stashed avatar and name), its children are the turn's blocks. `known` holds
    the labels already read, by `id` of their block; `stash` is the page's stashed raw HTML.

    Blocks before the first turn, headings that ask nothing and rules stay where they are; no
    block is dropped and a label is the only text taken out of one.
    """
    transcript = Transcript()
    elements: list[etree.Element] = []
    if not cast.names:
        return transcript, elements
    known = known or {}
    names = cast.names
    labelled = []
    present = []
    asked = False  # whether a question that is a turn is asked, and so answered
    last_turn = -1
    for index, block in enumerate(root):
        label = known.get(id(block), _UNREAD)
        if label is _UNREAD:
            label = block_label(block)  # a block cut from another
        if label is None:
            speaker = None
        elif label.shape is Shape.NAME:
            speaker = names.get(label.name)
        else:
            speaker = cast.speaker_of(label)
            asked = asked or (bool(speaker) and label.shape in _QUESTION_SHAPES)
        if speaker:
            present.append(speaker)
            last_turn = index
        labelled.append((block, label, speaker))
    if not present:
        return transcript, elements  # parts of a show alone are no chat
    if asked:
        present.append(names["A"])
    sides = _Sides(cast, options, present)
    blocks: list[etree.Element] = []
    open_ = _Open()
    # Each speaker's side, turn attributes and head, made at their first turn on the page.
    faces: dict[str, tuple[Side, dict[str, str], str]] = {}
    turns = transcript.turns

    def start_turn(speaker: str, written: str, new_region: bool = False) -> etree.Element:
        if open_.region is None or new_region:
            open_.region = etree.Element("div", {"class": "interview"})
            open_.region.tail = "\n"
            blocks.append(open_.region)
            transcript.regions += 1
        if (face := faces.get(speaker)) is None:
            person = cast.person(speaker)
            side = sides.of(speaker)
            face = faces[speaker] = (side, _turn_attributes(person, side), head(person))
        side, attributes, text = face
        turn = Turn(f"turn-{len(turns) + 1}", speaker, side, written)
        turns.append(turn)
        element = etree.SubElement(open_.region, "div", {"class": "interview-turn", "id": turn.id})
        element.attrib.update(attributes)
        element.text = text
        elements.append(element)
        return element

    raw_depth = 0
    for index, (block, label, speaker) in enumerate(labelled):
        change = depth_change(block, stash) if stash and block.tag == "p" and not len(block) else 0
        if raw_depth or change > 0:
            # Inside a block of raw HTML left open: the page's own structure, outside any chat.
            raw_depth = max(raw_depth + change, 0)
            open_ = _Open()
            blocks.append(block)
        elif label is not None and speaker is not None:
            if (
                label.shape is Shape.BOLD_QUESTION
                and open_.shape is Shape.BOLD_QUESTION
                and not label.prefixed
            ):
                _add_to_turn(open_, label, block)  # bold paragraphs in a row: one question
                continue
            new_region = label.shape is Shape.HEADING_QUESTION
            open_.turn = start_turn(speaker, label.name, new_region)
            open_.shape = label.shape
            _add_to_turn(open_, label, block)
        elif label is not None and cast.is_break(label):
            # A part of the show (`**Break:** [24:27]`): a divider between turns.
            block.set("class", "interview-break")
            _append(open_.region, blocks, block)
            open_.turn, open_.shape = None, None
        elif label is not None and index > last_turn and cast.is_bio(label):
            # After the last turn, a bio (`**About Dana**:`) ends the chat.
            open_ = _Open()
            blocks.append(block)
        elif (
            open_.shape is Shape.BOLD_QUESTION and open_.turn is not None and is_wholly_bold(block)
        ):
            open_.turn.append(block)  # the question goes on in bold
        elif block.tag in BOUNDARIES or _is_footnotes(block):
            open_ = _Open()
            blocks.append(block)
        elif open_.shape in _QUESTION_SHAPES:
            open_.turn = start_turn(cast.names["A"], "")
            open_.shape = Shape.ANSWER
            open_.turn.append(block)
        elif open_.turn is not None:
            open_.turn.append(block)
        else:
            _append(open_.region, blocks, block)  # after a divider, the region goes on
    root[:] = blocks
    return transcript, elements


def finish_turns(
    transcript: Transcript,
    elements: Sequence[etree.Element],
    media: str | None,
    stash: Sequence[object] | None,
) -> None:
    """Mark the timestamps and stage notes of each turn's blocks, give each turn the time that
    opens it and, with the page's stashed raw HTML as `stash`, its plain text.

    Done once every other extension has read the text (`attr_list` above all, which takes out
    its `{: …}`), so that no element made here carries what follows it into their syntax: a
    `[laughs]{: onclick=…}` stays text, as it is without the engine. The timestamp opening a
    turn is its `time`, not text."""
    media = safe_url(media)
    for turn, element in zip(transcript.turns, elements, strict=True):
        # The text of the turn's blocks, after its head; marking stage notes leaves it as it is.
        said = "".join(element.itertext())[len(element.text or "") :]
        times = [mark_timestamp(block, media) for block in element if block.tag == "p"]
        if "[" in said or "\x02" in said:  # most turns have no note
            for block in element:
                mark_stage_notes(block)
        turn.time = times[0] if times else None
        if stash is None:
            continue
        if times.count(None) < len(times):  # a timestamp was marked, so the text changed
            opening = None
            if turn.time is not None and (first := element.find("p")) is not None:
                opening = first[0]
            turn.text = plain_text(element, stash, skip=opening, own_text=False)
        else:
            turn.text = fold(said, stash)


def tighten(elements: Sequence[etree.Element], root: etree.Element) -> None:
    """Take out the line breaks Python-Markdown's prettifier puts around the turns' own
    elements. Browsers ignore them, but every later reader of the page pays for each: the
    search indexer walks them one by one, at the depth of the turn."""
    for block in root:
        if block.get("class") == "interview" and not (block.text or "").strip():
            block.text = None  # only the line break: a region an author wrote keeps its text
    for element in elements:
        if len(element) and not (element[-1].tail or "").strip():
            element[-1].tail = None
        element.tail = None


def _append(
    region: etree.Element | None, blocks: list[etree.Element], block: etree.Element
) -> None:
    if region is not None:
        region.append(block)
    else:
        blocks.append(block)


def _add_to_turn(open_: _Open, label: Label, block: etree.Element) -> None:
    assert open_.turn is not None
    if label.remove():
        open_.turn.append(block)


class _Sides:
    """Which side each speaker sits on.

    A side given in the page's own `speakers` wins; then the page's `host` (everyone else is a
    guest); then a side given in the site's registry. Whoever is left is the host if they are
    the first to speak and nobody on the page is declared a host, else a guest.
    """

    def __init__(self, cast: Cast, options: PageOptions, present: list[str]) -> None:
        self.page_sides = {person.name: person.side for person in options.speakers if person.side}
        self.site_sides = {person.name: person.side for person in options.registry if person.side}
        self.page_host = cast.canonical(options.host) if options.host else None
        declared = {**self.site_sides, **self.page_sides}
        self.host = next((name for name in present if declared.get(name) == "host"), None)

    def of(self, speaker: str) -> Side:
        if speaker in self.page_sides:
            return self.page_sides[speaker]
        if self.page_host:
            return "host" if speaker == self.page_host else "guest"
        if speaker in self.site_sides:
            return self.site_sides[speaker]
        if self.host is None:
            self.host = speaker
        return "host" if speaker == self.host else "guest"


SpeakerHead = Callable[[Speaker], str]
"""Gives the head of a turn (avatar and name) for a speaker: the placeholder of its HTML (that
of `speaker_head` or a host program's own), which the extension puts back in the page."""


def _turn_attributes(person: Speaker, side: Side) -> dict[str, str]:
    """The attributes of each of `person`'s turns after its class and id: who speaks, on which
    side, and the avatar's initials and colours, which the stylesheet draws beside it."""
    background, foreground = avatar_colours(person)
    return {
        "data-speaker": literal(person.name),
        "data-side": side,
        "data-initials": literal(initials(person.name)),
        "style": f"--interview-person-bg: {background}; --interview-person-fg: {foreground}",
    }


def speaker_head(person: Speaker) -> str:
    """The HTML that opens each of `person`'s turns: their photo, if they have one, and their
    name, linked if they have a URL, with their role."""
    name = html.escape(person.name)
    if url := safe_url(person.url):
        name = f'<a href="{html.escape(url)}">{name}</a>'
    if person.role:
        name += f' <span class="interview-role">{html.escape(person.role)}</span>'
    head = f'<p class="interview-speaker">{name}</p>'
    if avatar := safe_url(person.avatar):
        photo = f'<img class="interview-avatar" src="{html.escape(avatar)}" alt=""'
        head = f'{photo} loading="lazy">{head}'
    return head


def avatar_colours(person: Speaker) -> tuple[str, str]:
    """The background of `person`'s initials, and the colour of the initials."""
    background = person.colour or colour_for(person.name)
    return background, text_colour_on(background)


def _is_footnotes(block: etree.Element) -> bool:
    return block.tag == "div" and block.get("class") == "footnote"
