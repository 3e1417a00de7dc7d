"""The detection report: for each page, whether it is an interview and why, who speaks how
often, and the labels that speak for no one."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .transcript import Transcript


@dataclass(frozen=True)
class _Entry:
    """What the report says of one page; the page's turns are not kept, only counted."""

    page: str
    verdict: str
    speakers: dict[str, int]
    """Each speaker's number of turns, in order of first turn."""
    breaks: list[str]
    refused: dict[str, str]
    marked: bool
    """Whether the front matter marks the page as an interview."""

    @property
    def turns(self) -> int:
        return sum(self.speakers.values())


class Report:
    """What the engine decided on each page of a build."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []

    def add(self, page: str, transcript: Transcript, *, marked: bool) -> None:
        speakers = dict(Counter(turn.speaker for turn in transcript.turns))
        verdict = transcript.verdict or "no speaker labels"
        self.entries.append(
            _Entry(page, verdict, speakers, transcript.breaks, transcript.refused, marked)
        )

    def text(self) -> str:
        """The report, one block per page, sorted by path."""
        entries = sorted(self.entries, key=lambda entry: entry.page)
        chats = [entry for entry in entries if entry.turns]
        turns = sum(entry.turns for entry in chats)
        lines = [f"{len(entries)} pages, {len(chats)} interviews, {turns} turns", ""]
        for entry in entries:
            lines += _page_lines(entry)
        return "\n".join(lines) + "\n"

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text(), encoding="utf-8")


def _page_lines(entry: _Entry) -> list[str]:
    if entry.turns:
        lines = [f"{entry.page}: interview ({entry.verdict})"]
        speakers = ", ".join(f"{name} {count}" for name, count in entry.speakers.items())
        lines.append(f"  speakers: {speakers}")
    elif entry.marked:
        lines = [f"{entry.page}: marked as an interview, but no speaker line found"]
    else:
        lines = [f"{entry.page}: not an interview ({entry.verdict})"]
    if entry.breaks:
        lines.append(f"  parts of the show: {', '.join(entry.breaks)}")
    for label, reason in sorted(entry.refused.items()):
        lines.append(f"  refused '{label}': {reason}")
    return lines
