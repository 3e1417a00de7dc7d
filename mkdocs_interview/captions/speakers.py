"""Who speaks in a caption file's cues: a voice tag (WebVTT's `<v Name>`), or a name that opens
the text the way subtitles and transcripts write it (`Name: …`, `- Name: …`, `>> NAME: …`).

A speaker goes on speaking, across cues, until another is named: most files name a speaker
only where the speaker changes, on the first cue of a turn.

What makes a label a speaker is where and how often it occurs. It opens a cue, a line of
dialogue (after `-` or `>>`) or a line after a finished sentence, never the middle of one
(`… and step two: sand it`). A one-word label that is not in capitals must recur (`Today: a
chair maker` once is text); and a file needs two labels at least, so that one `Chapter One:`
in a film's subtitles names no one. The engine's known non-speaker labels (`Note:`) are text.
A label that is the first name of one of the file's voices (`Mara:`, `<v Mara Lind>`) is
that voice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..transcript.detect import NOT_SPEAKERS
from ..transcript.labels import is_capitalised
from .model import Cue, squeeze

_LABEL = re.compile(r"[ \t]*(?:-[ \t]*|>>[ \t]*)?([^\W\d_][\w.'’ -]{0,39}?)[ \t]*:(?:[ \t]+|$)")
_DIALOGUE = re.compile(r"[ \t]*(?:-|>>)")
_FINISHED = re.compile(r"[.!?…:;][\"'”’)\]]*[ \t]*$")
_MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class Piece:
    """The text of a cue, or of one voice in it, before its speaker is known."""

    start: float
    end: float | None
    line: int
    lines: Sequence[str]
    voiced: bool = False
    """Whether a voice tag says who speaks (`voice`, None after a closing `</v>`): then its
    text is read as it is, and names no one."""
    voice: str | None = None


def attribute(pieces: Sequence[Piece]) -> list[Cue]:
    """The cues of `pieces`, in order, each with its speaker: its voice, else the name its
    text opens with, else whoever spoke last."""
    labels = _Labels(pieces)
    cues: list[Cue] = []
    speaker: str | None = None
    for piece in pieces:
        if piece.voiced:
            text = squeeze(" ".join(piece.lines))
            if text:
                cues.append(Cue(piece.start, piece.voice, text, piece.line, piece.end))
            speaker = piece.voice or speaker
            continue
        said: list[str] = []
        for index in range(len(piece.lines)):
            name, words = labels.at(piece.lines, index)
            if name is not None and name != speaker:
                if said:
                    cues.append(Cue(piece.start, speaker, " ".join(said), piece.line, piece.end))
                speaker, said = name, []
            if words:
                said.append(words)
        if said:
            cues.append(Cue(piece.start, speaker, " ".join(said), piece.line, piece.end))
    return _full_names(cues, {piece.voice for piece in pieces if piece.voiced and piece.voice})


def _full_names(cues: list[Cue], voices: set[str]) -> list[Cue]:
    """`cues`, with a label that is the first name of one voice (`Mara:` beside `<v Mara
    Lind>`) read as that voice."""
    first_names: dict[str, list[str]] = {}
    for voice in voices:
        first_names.setdefault(voice.split()[0].casefold(), []).append(voice)
    names: dict[str | None, str | None] = {
        cue.speaker: full[0]
        for cue in cues
        if cue.speaker is not None
        and cue.speaker not in voices
        and len(full := first_names.get(cue.speaker.casefold(), [])) == 1
    }
    if not names:
        return cues
    return [replace(cue, speaker=names.get(cue.speaker, cue.speaker)) for cue in cues]


class _Labels:
    """The labels of a file that name speakers: read once over the whole file, since how
    often a label occurs decides whether it is a name."""

    def __init__(self, pieces: Iterable[Piece]) -> None:
        found = Counter(
            name
            for piece in pieces
            if not piece.voiced
            for index in range(len(piece.lines))
            if (name := _label(piece.lines, index)[0]) is not None
        )
        names = {name for name, count in found.items() if _is_speaker(name, count)}
        self.names = names if sum(found[name] for name in names) > 1 else set()

    def at(self, lines: Sequence[str], index: int) -> tuple[str | None, str]:
        """The speaker line `index` of a cue names, if any, and what is said after it."""
        if self.names:
            name, words = _label(lines, index)
            if name in self.names:
                return name, words
        return None, squeeze(lines[index])


def _label(lines: Sequence[str], index: int) -> tuple[str | None, str]:
    """The name line `index` of a cue opens with, if it is in a place and of a shape to be a
    speaker's, and what is said after it."""
    line = lines[index]
    match = _LABEL.match(line)
    if match is None:
        return None, squeeze(line)
    if index and not (_DIALOGUE.match(line) or _FINISHED.search(lines[index - 1])):
        return None, squeeze(line)  # within a sentence that goes on from the line before
    name = squeeze(match.group(1))
    if (
        len(name.split()) > _MAX_NAME_WORDS
        or not is_capitalised(name)
        or name.casefold() in NOT_SPEAKERS
    ):
        return None, squeeze(line)
    return name, squeeze(line[match.end() :])


def _is_speaker(name: str, count: int) -> bool:
    """A label names a speaker when it recurs, or has several words, or is in capitals
    (`ANN:`); a word used once (`Today: …`) is text."""
    return count > 1 or " " in name or name.isupper()
