"""SRT (SubRip): numbered cues whose text names its speaker only when the speaker changes.

A line opening with `Name:` (or `- Name:`, `>> NAME:`) switches the speaker, who then speaks
until the next such line, across cues. A one-word name used once, not in capitals, is text
(`Today: a chair maker`), as are the engine's known non-speaker labels (`Note:`).

`<i>`, `<b>`, `<u>`, `<s>`, `<font …>` and `{\\an8}` position codes are stripped; any other
text, `<` and `&` included, is kept as written.
"""

from __future__ import annotations

import re
from collections import Counter

from ..transcript.detect import NOT_SPEAKERS
from ..transcript.labels import is_capitalised
from ..transcript.options import shown
from .model import CaptionError, Cue, squeeze
from .source import blocks, source_lines, start_of

_STYLE_TAG = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^<>]*)?>", re.IGNORECASE)
_POSITION_CODE = re.compile(r"\{\\[^{}]*\}")
_NUMBER = re.compile(r"[ \t]*\d+[ \t]*")
# A timing line starts with a time; `-->` elsewhere (`<!-- … -->`) is text.
_TIMING_LIKE = re.compile(r"[ \t]*\d[\d:.,]*[ \t]*-->")
_SPEAKER = re.compile(r"[ \t]*(?:-[ \t]*|>>[ \t]*)?([^\W\d_][\w.'’ -]{0,39}?)[ \t]*:(?:[ \t]+|$)")
_MAX_NAME_WORDS = 4


def parse_srt(text: str) -> list[Cue]:
    """The cues of an SRT file, in file order, each with the speaker last named. Raises
    `CaptionError` for a block without a cue number or timing line, or a bad timing line."""
    read = [
        (line, start, [_plain(text_line) for text_line in text_lines])
        for number, block in blocks(source_lines(text))
        for line, start, text_lines in _cues_of_block(number, block)
    ]
    labels = Counter(
        name for _, _, text_lines in read for name, _ in map(_speaker_line, text_lines) if name
    )
    cues: list[Cue] = []
    speaker: str | None = None
    for line, start, text_lines in read:
        said: list[str] = []
        for text_line in text_lines:
            name, words = _speaker_line(text_line)
            if name is not None and not _is_speaker(name, labels[name]):
                name, words = None, squeeze(text_line)
            if name is not None and name != speaker:
                if said:
                    cues.append(Cue(start, speaker, " ".join(said), line))
                speaker, said = name, []
            if words:
                said.append(words)
        if said:
            cues.append(Cue(start, speaker, " ".join(said), line))
    return cues


def _cues_of_block(number: int, block: list[str]) -> list[tuple[int, float, list[str]]]:
    """(timing line number, start, text lines) for each cue of a block: a cue number, a
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
        start = start_of(block[index], number + index)
        end = index + 1
        while end < len(block) and not _is_timing(block[end]):
            end += 1
        text_end = end - 1 if end < len(block) and _NUMBER.fullmatch(block[end - 1]) else end
        cues.append((number + index, start, block[index + 1 : max(text_end, index + 1)]))
        index = end
    return cues


def _is_timing(line: str) -> bool:
    return _TIMING_LIKE.match(line) is not None


def _plain(line: str) -> str:
    return _POSITION_CODE.sub("", _STYLE_TAG.sub("", line))


def _is_speaker(name: str, count: int) -> bool:
    """A label names a speaker when it recurs, or has several words, or is in capitals
    (`ANN:`); a word used once (`Today: …`) is text."""
    return count > 1 or " " in name or name.isupper()


def _speaker_line(line: str) -> tuple[str | None, str]:
    """The name a line opens with, if it may be a speaker's, and what is said after it."""
    match = _SPEAKER.match(line)
    if match:
        name = squeeze(match.group(1))
        if (
            len(name.split()) <= _MAX_NAME_WORDS
            and is_capitalised(name)
            and name.casefold() not in NOT_SPEAKERS
        ):
            return name, squeeze(line[match.end() :])
    return None, squeeze(line)
