"""Podcasting 2.0 JSON transcripts: `{"version": …, "segments": [{"speaker", "startTime",
"endTime", "body"}]}`. Segments of single words are joined into sentences, one cue each.

A `.json` file that is not in this format is no transcript: `parse_podcast_json` returns None
and the file is left alone.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Iterable
from typing import Any

from ..transcript.options import shown
from .model import CaptionError, Cue, squeeze
from .source import source_text

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# Punctuation that a word-level transcript gives as a segment of its own, to follow a word.
_ATTACHED = tuple(",.;:!?\u2026)]}%")
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_LATEST = 1_000_000 * 3600
"""A time of a million hours or more is no time of a recording (WebVTT and SRT hours have at
most six digits too)."""
_LONGEST_INTEGER = 18
"""Digits of an integer read as one; a longer one is read as a float (a time of 10^18
seconds is refused as any bad time is), never as an integer of thousands of digits."""


def _number(digits: str) -> int | float:
    return int(digits) if len(digits) <= _LONGEST_INTEGER else float(digits)


_DECODER = json.JSONDecoder(parse_int=_number)


def parse_podcast_json(text: str) -> list[Cue] | None:
    """One cue per sentence (or per segment, when segments hold sentences) and speaker; None
    when `text` is not a Podcasting 2.0 transcript: a JSON object with `version` and
    `segments`. Raises `CaptionError` for a transcript with a bad segment, or for broken JSON
    that mentions both keys."""
    if '"segments"' not in text:
        return None  # not read at all: most JSON files of a site are something else
    text = source_text(text)
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        if '"version"' in text:
            raise CaptionError(f"not valid JSON: {error.msg}", error.lineno) from None
        return None
    except RecursionError:
        raise CaptionError("cannot be read: its JSON is nested too deeply") from None
    if not (isinstance(data, dict) and "version" in data and "segments" in data):
        return None
    segments = data["segments"]
    if not isinstance(segments, list):
        raise CaptionError("'segments' must be a list", _line(text, _key_position(text)))
    lines = _segment_lines(text)
    return _sentences(
        _segment(segment, line) for segment, line in zip(segments, lines, strict=True)
    )


def _segment(segment: Any, line: int) -> tuple[float, str | None, str, int]:
    """A segment's start, speaker, body and line, checked."""
    if not isinstance(segment, dict):
        raise CaptionError("a segment must be an object", line)
    start = segment.get("startTime")
    if isinstance(start, str):
        with contextlib.suppress(ValueError):
            start = float(start)  # a number written as a text
    if isinstance(start, bool) or not isinstance(start, int | float):
        raise CaptionError("a segment needs a 'startTime' in seconds", line)
    if not math.isfinite(start) or not 0 <= start < _LATEST:
        raise CaptionError(f"bad 'startTime' {shown(start)}", line)
    body = segment.get("body")
    if not isinstance(body, str):
        raise CaptionError("a segment needs a 'body' text", line)
    speaker = segment.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise CaptionError("a segment's 'speaker' must be a text", line)
    return float(start), squeeze(speaker or "") or None, squeeze(body), line


def _sentences(segments: Iterable[tuple[float, str | None, str, int]]) -> list[Cue]:
    """Cues from segments: a speaker's words gathered until a sentence ends or another
    speaker starts, at the first word's time."""
    cues: list[Cue] = []
    words: list[str] = []
    first: tuple[float, str | None, int] = (0.0, None, 0)

    def flush() -> None:
        if words:
            cues.append(Cue(first[0], first[1], _join(words), first[2]))
            words.clear()

    for start, speaker, body, line in segments:
        if not body:
            continue
        if words and speaker != first[1]:
            flush()
        if not words:
            first = (start, speaker, line)
        words.append(body)
        if _SENTENCE_END.search(body):
            flush()
    flush()
    return cues


def _join(words: list[str]) -> str:
    """Words joined by spaces, with punctuation given as a word of its own attached."""
    text = ""
    for word in words:
        text += word if not text or word.startswith(_ATTACHED) else " " + word
    return text


def _segment_lines(text: str) -> list[int]:
    """The 1-based line where each element of the top-level `segments` list starts; `text`
    is known to be valid JSON."""
    index = _skip(text, _key_position(text))
    index = _skip(text, index + 1)  # past '['
    lines = []
    line, counted = 1, 0  # the line at index `counted`
    while text[index] != "]":
        line += text.count("\n", counted, index)
        counted = index
        lines.append(line)
        _, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return lines


def _key_position(text: str) -> int:
    """Where the value of the top-level `segments` key starts (the last, as `json` keeps)."""
    found = 0
    index = _skip(text, _skip(text, 0) + 1)  # past '{'
    while text[index] != "}":
        key, index = _DECODER.raw_decode(text, index)
        index = _skip(text, _skip(text, index) + 1)  # past ':'
        if key == "segments":
            found = index
        _, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return found


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    return match.end() if match else index


def _line(text: str, index: int) -> int:
    """The 1-based line of `text` at `index`."""
    return text.count("\n", 0, index) + 1
