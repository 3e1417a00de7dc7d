"""A transcript in prose: a page marked as an interview whose paragraphs open with a timestamp
and name no speaker (a talk, a recording with one voice, subtitles without names). Each such
paragraph is a passage, which the export and the cards count as a turn; runs of them are
gathered in a `<div class="interview-prose">`."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Sequence

from .excerpt import plain_text
from .markers import TIMESTAMP, mark_stage_notes, mark_timestamp, unescape
from .model import PageOptions, Transcript, Turn
from .urls import safe_url

PROSE_CLASS = "interview-prose"
PASSAGE_CLASS = "interview-passage"
MIN_PASSAGES = 1
"""The paragraphs opening with a timestamp that make a marked page a transcript in prose."""
_CLOCK_STARTS = "[(\x020123456789"


def passages(root: etree.Element, options: PageOptions) -> tuple[Transcript, list[etree.Element]]:
    """Wrap runs of top-level paragraphs that open with a timestamp in a prose region, when
    the page has `MIN_PASSAGES` of them or more; return the transcript, whose turns are the
    passages (spoken by the page's one declared speaker, if it declares one), and each
    passage's element."""
    found = [block for block in root if block.tag == "p" and _opens_with_time(block)]
    if len(found) < MIN_PASSAGES:
        return Transcript(), []
    speaker = _voice(options)
    opening = {id(block) for block in found}
    transcript = Transcript(prose=True, verdict="prose: paragraphs that open with a timestamp")
    blocks: list[etree.Element] = []
    region: etree.Element | None = None
    for block in root:
        if id(block) not in opening:
            region = None
            blocks.append(block)
            continue
        if region is None:
            region = etree.Element("div", {"class": PROSE_CLASS})
            region.tail = "\n"
            blocks.append(region)
            transcript.regions += 1
        turn = Turn(f"{options.turn_ids}{len(transcript.turns) + 1}", speaker, "guest")
        transcript.turns.append(turn)
        block.set("class", PASSAGE_CLASS)
        block.set("id", turn.id)
        region.append(block)
    root[:] = blocks
    return transcript, found


def finish_passages(
    transcript: Transcript,
    elements: Sequence[etree.Element],
    media: str | None,
    stash: Sequence[object] | None,
) -> None:
    """Link each passage's timestamp into `media`, as a turn's is, mark its stage notes, and
    give it its time and, with the page's stashed raw HTML as `stash`, its plain text."""
    media = safe_url(media)
    for turn, element in zip(transcript.turns, elements, strict=True):
        turn.time = mark_timestamp(element, media)
        mark_stage_notes(element)
        if stash is not None:
            opening = element[0] if turn.time is not None and len(element) else None
            turn.text = plain_text(element, stash, skip=opening)


def _opens_with_time(paragraph: etree.Element) -> bool:
    text = paragraph.text
    if not text or text.lstrip(" \t")[:1] not in _CLOCK_STARTS:
        return False
    return TIMESTAMP.match(unescape(text)) is not None


def _voice(options: PageOptions) -> str:
    """The page's one declared speaker, by the name the site's registry gives an alias; else
    nobody (an empty name)."""
    if len(options.speakers) != 1:
        return ""
    name = options.speakers[0].name
    for person in options.registry:
        if name == person.name or name in person.aliases:
            return person.name
    return name
