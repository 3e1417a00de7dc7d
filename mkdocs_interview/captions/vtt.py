"""WebVTT: cues with voice tags (`<v Name>`), other tags stripped, entities decoded.

Header, `NOTE`, `STYLE` and `REGION` blocks and cue settings are read past. One cue may hold
several voices, each its own `Cue`. A cue without a voice tag is read as `speakers` reads
subtitles: a voice goes on to the cues after it until another starts (files often tag only
the first cue of a turn), and a cue may name its speaker as `Name: …` instead.
"""

from __future__ import annotations

import html
import re

from .model import CaptionError, Cue, squeeze
from .source import ARROW, blocks, source_lines, timing
from .speakers import Piece, attribute

_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_IGNORED_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
_TAG = re.compile(r"<([^<>]*)>")
_DASHES = " \t-\u2013\u2014"


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file, in file order. Raises `CaptionError` for a missing header,
    a bad timing line or a block that is neither a cue nor a note, style or region."""
    lines = source_lines(text)
    if not _HEADER.fullmatch(lines[0].rstrip()):
        raise CaptionError("a WebVTT file starts with the line 'WEBVTT'", 1)
    pieces: list[Piece] = []
    for number, block in blocks(lines):
        if number == 1 or _is_ignored(block):
            # The header (WEBVTT and its metadata lines) or a note, style or region block;
            # a cue follows if a blank line was left out.
            arrows = [index for index, line in enumerate(block) if index and ARROW in line]
            if arrows:
                pieces += _cues_of_block(number + arrows[0], block[arrows[0] :])
            continue
        pieces += _cues_of_block(number, block)
    return attribute(pieces)


def _is_ignored(block: list[str]) -> bool:
    """A `NOTE`, `STYLE` or `REGION` block; a `NOTE` line before a timing line is a cue id."""
    if ARROW in block[0] or (len(block) > 1 and ARROW in block[1]):
        return False
    return _IGNORED_BLOCK.fullmatch(block[0].rstrip()) is not None


def _cues_of_block(number: int, block: list[str]) -> list[Piece]:
    """The cues of a block: an optional identifier line, a timing line, the payload. A line
    with `-->` in the payload starts another cue (a blank line was left out)."""
    index = 0
    if ARROW not in block[0]:
        if len(block) < 2 or ARROW not in block[1]:
            where = number + min(1, len(block) - 1)
            raise CaptionError(
                "expected a cue timing line such as '00:01.000 --> 00:04.000'", where
            )
        index = 1  # the cue identifier
    pieces: list[Piece] = []
    while index < len(block):
        start, stop = timing(block[index], number + index)
        end = index + 1
        while end < len(block) and ARROW not in block[end]:
            end += 1
        pieces += _pieces("\n".join(block[index + 1 : end]), start, stop, number + index)
        index = end
    return pieces


def _pieces(payload: str, start: float, end: float, line: int) -> list[Piece]:
    """A cue's payload as one piece per voice; a payload without voice tags as its lines."""
    if "<" not in payload and "&" not in payload:  # most cues: plain text
        lines = [text for text in payload.split("\n") if text.strip(_DASHES)]
        return [Piece(start, end, line, lines)]
    if "<v" not in payload:
        texts = (voices(text, start, line) for text in payload.split("\n"))
        return [Piece(start, end, line, [" ".join(cue.text for cue in cues) for cues in texts])]
    return [
        Piece(cue.start_seconds, end, line, [cue.text], voiced=True, voice=cue.speaker)
        for cue in voices(payload, start, line)
    ]


def voices(payload: str, start: float, line: int) -> list[Cue]:
    """A cue's payload as one `Cue` per voice, with tags stripped and entities decoded."""
    pieces: list[tuple[str | None, list[str]]] = [(None, [])]
    in_ruby_text = False
    position = 0
    for tag in _TAG.finditer(payload):
        if not in_ruby_text:
            pieces[-1][1].append(payload[position : tag.start()])
        position = tag.end()
        content = tag.group(1).strip()
        closing = content.startswith("/")
        words = content.removeprefix("/").split(None, 1)  # name.classes annotation
        name = words[0].split(".")[0] if words else ""
        if name == "v":
            voice = squeeze(html.unescape(words[1])) if len(words) > 1 else ""
            pieces.append((None if closing else voice or None, []))
        elif name == "rt":
            in_ruby_text = not closing
    if not in_ruby_text:
        pieces[-1][1].append(payload[position:])
    cues = []
    for speaker, texts in pieces:
        text = squeeze(html.unescape("".join(texts)))
        if text.strip(_DASHES):
            cues.append(Cue(start, speaker, text, line))
    return cues
