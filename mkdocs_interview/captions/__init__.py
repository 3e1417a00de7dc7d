"""Caption files (WebVTT, SRT, Podcasting 2.0 JSON) read as cues, merged into turns and
written as Markdown pages the transcript engine renders as chats, or, when at most one voice
speaks, as prose. Nothing here knows about MkDocs."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..transcript import Speaker
from .model import (
    DEFAULT_SPEAKER,
    ESCAPABLE,
    CaptionError,
    Cue,
    Turn,
    merge_turns,
    paragraphs,
    prose_front_matter,
    prose_markdown,
    read_turns,
    to_markdown,
    turns_markdown,
)
from .podcast_json import parse_podcast_json
from .srt import parse_srt
from .vtt import parse_vtt

PARSERS: dict[str, Callable[[str], list[Cue] | None]] = {
    ".vtt": parse_vtt,
    ".srt": parse_srt,
    ".json": parse_podcast_json,
}
"""The parser for each file suffix; a parser's None means the file is no transcript."""


def parse_captions(text: str, suffix: str) -> list[Cue] | None:
    """The cues of a caption file with the given suffix (`.vtt`, `.srt`, `.json`, any case);
    None when the suffix is none of these or the `.json` is no transcript."""
    parser = PARSERS.get(suffix.lower())
    return parser(text) if parser else None


def caption_markdown(
    text: str,
    suffix: str,
    front_matter: Mapping[str, Any],
    *,
    default_speaker: str = DEFAULT_SPEAKER,
    registry: Sequence[Speaker] = (),
    escapable: frozenset[str] = ESCAPABLE,
) -> str | None:
    """The Markdown page of a caption file (a chat, or prose: see `read_turns`), or None when
    it is no transcript. Raises `CaptionError` (with a 1-based `line` when known) for a
    malformed file."""
    cues = parse_captions(text, suffix)
    if cues is None:
        return None
    turns, prose = read_turns(cues)
    return to_markdown(
        turns,
        front_matter,
        default_speaker=default_speaker,
        registry=registry,
        escapable=escapable,
        prose=prose,
    )


__all__ = [
    "DEFAULT_SPEAKER",
    "ESCAPABLE",
    "PARSERS",
    "CaptionError",
    "Cue",
    "Turn",
    "caption_markdown",
    "merge_turns",
    "paragraphs",
    "parse_captions",
    "parse_podcast_json",
    "parse_srt",
    "parse_vtt",
    "prose_front_matter",
    "prose_markdown",
    "read_turns",
    "to_markdown",
    "turns_markdown",
]
