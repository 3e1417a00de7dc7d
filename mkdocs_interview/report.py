"""The detection report: for each page, whether it is an interview and why, who speaks how
often, and the labels that speak for no one."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .transcript import Transcript


@dataclass(frozen=True)
class _Entry:
    page: str
    transcript: Transcript
    marked: bool
    """Whether the front matter marks the page as an interview."""


class Report:
    """What the engine decided on each page of a build."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []

    def add(self, page: str, transcript: Transcript, *, marked: bool) -> None:
        self.entries.append(_Entry(page, transcript, marked))

    def text(self) -> str:
        """The report, one block per page, sorted by path."""
        entries = sorted(self.entries, key=lambda entry: entry.page)
        chats = [entry for entry in entries if entry.transcript.turns]
        turns = sum(len(entry.transcript.turns) for entry in chats)
        lines = [f"{len(entries)} pages, {len(chats)} interviews, {turns} turns", ""]
        for entry in entries:
            lines += _page_lines(entry)
        return "\n".join(lines) + "\n"

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text(), encoding="utf-8")


def _page_lines(entry: _Entry) -> list[str]:
    transcript = entry.transcript
    verdict = transcript.verdict or "no speaker labels"
    if transcript.turns:
        lines = [f"{entry.page}: interview ({verdict})"]
        counts = Counter(turn.speaker for turn in transcript.turns)
        speakers = ", ".join(f"{name} {counts[name]}" for name in transcript.speakers)
        lines.append(f"  speakers: {speakers}")
    elif entry.marked:
        lines = [f"{entry.page}: marked as an interview, but no speaker line found"]
    else:
        lines = [f"{entry.page}: not an interview ({verdict})"]
    if transcript.breaks:
        lines.append(f"  parts of the show: {', '.join(transcript.breaks)}")
    for label, reason in sorted(transcript.refused.items()):
        lines.append(f"  refused '{label}': {reason}")
    return lines
