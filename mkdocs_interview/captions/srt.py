"""SRT (SubRip): numbered cues whose text names its speaker only when the speaker changes.

A line opening with `Name:` (or `- Name:`, `>> NAME:`) switches the speaker, who then speaks
until the next such line, across cues; `speakers` says which labels name someone.

`<i>`, `<b>`, `<u>`, `<s>`, `<font …>` and `{\\an8}` position codes are stripped; any other
text, `<` and `&` included, is kept as written.
"""

from __future__ import annotations

import re

from ..transcript.options import shown
from .model import CaptionError, Cue
from .source import blocks, source_lines, timing
from .speakers import Piece, attribute

_STYLE_TAG = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^<>]*)?>", re.IGNORECASE)
_POSITION_CODE = re.compile(r"\{\\[^{}]*\}")
_NUMBER = re.compile(r"[ \t]*\d+[ \t]*")
# A timing line starts with a time; `-->` elsewhere (`<!-- … -->`) is text.
_TIMING_LIKE = re.compile(r"[ \t]*\d[\d:.,]*[ \t]*-->")


def parse_srt(text: str) -> list[Cue]:
    """The cues of an SRT file, in file order, each with the speaker last named. Raises
    `CaptionError` for a block without a cue number or timing line, or a bad timing line."""
    return attribute(
        [
            Piece(start, end, line, [_plain(text_line) for text_line in text_lines])
            for number, block in blocks(source_lines(text))
            for line, start, end, text_lines in _cues_of_block(number, block)
        ]
    )


def _cues_of_block(number: int, block: list[str]) -> list[tuple[int, float, float, list[str]]]:
    """(timing line number, start, end, text lines) for each cue of a block: a cue number, a
    timing line, the text. A number and a timing line inside the text start another cue."""
    index = 0
    if not _is_timing(block[0]):
        if not _NUMBER.fullmatch(block[0]):
            raise CaptionError(f"expected a cue number, not {shown(block[0].strip())}", number)
        if len(block) < 2 or not _is_timing(block[1]):
            where = number + min(1, len(block) - 1)
            raise CaptionError(
                "expected a cue timing line such as '00:01:02,500 --> 00:01:05,000'", where
            )
        index = 1
    cues = []
    while index < len(block):
        start, stop = timing(block[index], number + index)
        end = index + 1
        while end < len(block) and not _is_timing(block[end]):
            end += 1
        text_end = end - 1 if end < len(block) and _NUMBER.fullmatch(block[end - 1]) else end
        cues.append((number + index, start, stop, block[index + 1 : max(text_end, index + 1)]))
        index = end
    return cues


def _is_timing(line: str) -> bool:
    return _TIMING_LIKE.match(line) is not None


def _plain(line: str) -> str:
    return _POSITION_CODE.sub("", _STYLE_TAG.sub("", line))
