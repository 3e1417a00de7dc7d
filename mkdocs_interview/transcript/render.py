"""Regroup a page's top-level blocks into chat regions and turns, in place."""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .colours import colour_for, text_colour_on
from .detect import Cast
from .excerpt import fold, plain_text
from .labels import BOUNDARIES, Label, Shape, block_label, initials, is_wholly_bold
from .markers import literal, mark_stage_notes, mark_timestamp
from .model import PageOptions, Side, Speaker, Transcript, Turn
from .rawhtml import depth_change, stashed_block
from .urls import safe_url

_QUESTION_SHAPES = frozenset((Shape.BOLD_QUESTION, Shape.HEADING_QUESTION))
_UNREAD: Any = object()


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
    if not cast.names:
        return transcript, []
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
        return transcript, []  # parts of a show alone are no chat
    if asked:
        present.append(names["A"])
    sides = _Sides(cast, options, present)
    regrouping = _Regrouping(transcript, cast, sides, head, options.turn_ids)
    regrouping.place(labelled, last_turn, stash)
    root[:] = regrouping.blocks
    return transcript, regrouping.elements


class _Regrouping:
    """A page's blocks gathered, one by one, into regions and turns: where a block goes is
    decided by its kind (a method each) and by the region and turn open when it comes."""

    __slots__ = (
        "blocks",
        "cast",
        "elements",
        "faces",
        "head",
        "raw_depth",
        "region",
        "shape",
        "sides",
        "transcript",
        "turn",
        "turn_ids",
    )

    def __init__(
        self, transcript: Transcript, cast: Cast, sides: _Sides, head: SpeakerHead, turn_ids: str
    ) -> None:
        self.turn_ids = turn_ids
        """What each turn's id starts with, before its number."""
        self.transcript = transcript
        self.cast = cast
        self.sides = sides
        self.head = head
        self.blocks: list[etree.Element] = []
        """The page's top-level blocks, as they will be."""
        self.elements: list[etree.Element] = []
        """Each turn's element."""
        self.faces: dict[str, tuple[Side, dict[str, str], str]] = {}
        """Each speaker's side, turn attributes and head, made at their first turn on the page."""
        self.region: etree.Element | None = None
        """The region that blocks are being gathered into."""
        self.turn: etree.Element | None = None
        """The turn that blocks are being gathered into."""
        self.shape: Shape | None = None
        """How the open turn started; after a question in bold or a heading, the next block
        without a label opens the answer."""
        self.raw_depth = 0
        """How deep inside raw HTML left open the blocks are: there they stay out of any chat."""

    def place(
        self,
        labelled: Sequence[tuple[etree.Element, Label | None, str | None]],
        last_turn: int,
        stash: Sequence[object],
    ) -> None:
        """Place each block, with its label and the speaker the label names (if any);
        `last_turn` is the index of the block that opens the page's last turn."""
        cast = self.cast
        for index, (block, label, speaker) in enumerate(labelled):
            change = (
                depth_change(block, stash) if stash and block.tag == "p" and not len(block) else 0
            )
            if self.raw_depth or change > 0:
                self.raw_html(block, change)
            elif label is not None and speaker is not None:
                self.labelled(block, label, speaker)
            elif label is not None and cast.is_break(label):
                self.divider(block)
            elif label is not None and index > last_turn and cast.is_bio(label):
                self.outside(block)  # after the last turn, a bio (`**About Dana**:`)
            elif block.tag in BOUNDARIES or _is_footnotes(block):
                self.outside(block)
            else:
                self.unlabelled(block)

    def raw_html(self, block: etree.Element, change: int) -> None:
        """A block inside a piece of raw HTML left open, or opening one (`change` is how far
        it opens or closes them): the page's own structure, outside any chat."""
        self.raw_depth = max(self.raw_depth + change, 0)
        self.outside(block)

    def labelled(self, block: etree.Element, label: Label, speaker: str) -> None:
        """A block whose label names a speaker: it opens their turn, unless it is a question
        in bold that goes on with the one before it."""
        shape = label.shape
        if shape is Shape.BOLD_QUESTION and self.shape is shape and not label.prefixed:
            self.add_labelled(block, label)  # bold paragraphs in a row: one question
            return
        self.turn = self.start_turn(speaker, label.name, shape is Shape.HEADING_QUESTION)
        self.shape = shape
        self.add_labelled(block, label)

    def divider(self, block: etree.Element) -> None:
        """A part of the show (`**Break:** [24:27]`): a divider between turns."""
        block.set("class", "interview-break")
        self.in_region(block)
        self.turn = self.shape = None

    def outside(self, block: etree.Element) -> None:
        """A block that ends the chat (a heading, a rule, the footnotes, a bio after the last
        turn): it stays at the top level, and the next turn opens a region."""
        self.region = self.turn = self.shape = None
        self.blocks.append(block)

    def unlabelled(self, block: etree.Element) -> None:
        """A block without a speaker's label: more of a question in bold, the answer to a
        question, more of the open turn, else more of the region (after a divider) or of the
        page."""
        shape = self.shape
        if shape is Shape.BOLD_QUESTION and self.turn is not None and is_wholly_bold(block):
            self.turn.append(block)  # the question goes on in bold
        elif shape in _QUESTION_SHAPES:
            turn = self.turn = self.start_turn(self.cast.names["A"], "")
            self.shape = Shape.ANSWER
            turn.append(block)
        elif self.turn is not None:
            self.turn.append(block)
        else:
            self.in_region(block)

    def start_turn(self, speaker: str, written: str, new_region: bool = False) -> etree.Element:
        """A new turn of `speaker`, labelled `written` on the page, in the open region; in a
        new one with `new_region` or when none is open."""
        region = self.region
        if region is None or new_region:
            region = self.region = etree.Element("div", {"class": "interview"})
            region.tail = "\n"
            self.blocks.append(region)
            self.transcript.regions += 1
        if (face := self.faces.get(speaker)) is None:
            person = self.cast.person(speaker)
            side = self.sides.of(speaker)
            face = self.faces[speaker] = (side, _turn_attributes(person, side), self.head(person))
        side, attributes, text = face
        turns = self.transcript.turns
        # A speaker's turn right after their own, nothing between: the stylesheet shows their
        # name and avatar once, as messaging apps do.
        continued = len(region) and region[-1] is self.elements[-1] and turns[-1].speaker == speaker
        turn = Turn(f"{self.turn_ids}{len(turns) + 1}", speaker, side, written)
        turns.append(turn)
        classes = "interview-turn interview-continued" if continued else "interview-turn"
        element = etree.SubElement(region, "div", {"class": classes, "id": turn.id})
        element.attrib.update(attributes)
        element.text = text
        self.elements.append(element)
        return element

    def add_labelled(self, block: etree.Element, label: Label) -> None:
        """Take the label out of `block`, and add the block to the open turn unless nothing
        else was in it."""
        assert self.turn is not None
        if label.remove():
            self.turn.append(block)

    def in_region(self, block: etree.Element) -> None:
        """Add `block` to the open region, or to the page's top level when none is open."""
        if self.region is not None:
            self.region.append(block)
        else:
            self.blocks.append(block)


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


_WIDE_HTML = ("<pre", "<table", '<div class="highlight', '<div class="md-typeset__')
"""How stashed HTML that can be wider than a bubble starts: code blocks and tables."""


def scrolling(elements: Sequence[etree.Element], stash: Sequence[object]) -> None:
    """Put each table and code block of a turn in a `div.interview-scroll`, which scrolls
    sideways when they are wider than the bubble and which a keyboard can focus to scroll."""
    for element in elements:
        for index, block in enumerate(element):
            if block.tag in ("table", "pre") or (
                (raw := stashed_block(block, stash)) is not None
                and raw.lstrip().startswith(_WIDE_HTML)
            ):
                box = etree.Element("div", {"class": "interview-scroll", "tabindex": "0"})
                box.tail, block.tail = block.tail, None
                box.append(block)
                element[index] = box


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
