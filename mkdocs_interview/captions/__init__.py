"""Caption files (WebVTT, SRT, Podcasting 2.0 JSON) read as cues, merged into turns and
written as Markdown pages the transcript engine renders as chats. Nothing here knows about
MkDocs."""

from __future__ import annotations

from .model import DEFAULT_SPEAKER, CaptionError, Cue, Turn, merge_turns, to_markdown

__all__ = [
    "DEFAULT_SPEAKER",
    "CaptionError",
    "Cue",
    "Turn",
    "merge_turns",
    "to_markdown",
]
