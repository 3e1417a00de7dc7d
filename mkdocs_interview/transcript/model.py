"""The data the engine finds in a page: speakers, turns and what went wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Side = Literal["host", "guest"]
Mode = Literal["on", "off", "auto"]
"""`on`: the page is an interview; `off`: never touch it; `auto`: decide from its content."""


@dataclass(frozen=True)
class PageOptions:
    """How one page is to be treated, from its front matter and the site's settings."""

    mode: Mode = "auto"
    speakers: tuple[str, ...] = ()
    """Names the page declares; they are speakers even where they would not look like one."""
    host: str | None = None
    """The host's name; without it the first speaker hosts."""


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: its anchor, who speaks and on which side."""

    id: str
    speaker: str
    side: Side


@dataclass(frozen=True)
class Diagnostic:
    """Something the page's author should hear about; `line` is 1-based when known."""

    message: str
    line: int | None = None


@dataclass
class Transcript:
    """What the engine did to one page."""

    turns: list[Turn] = field(default_factory=list)
    regions: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        """Distinct speakers in order of first appearance."""
        return list(dict.fromkeys(turn.speaker for turn in self.turns))
