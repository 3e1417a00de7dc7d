"""The data the engine works with: who speaks, how a page is to be treated, what it found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Side = Literal["host", "guest"]
Mode = Literal["on", "off", "auto"]
"""`on`: the page is an interview; `off`: never touch it; `auto`: decide from its content."""

DEFAULT_INTERVIEWER = "Interviewer"
DEFAULT_INTERVIEWEE = "Guest"


@dataclass(frozen=True)
class Speaker:
    """A person in a transcript, as a site or a page declares them."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    avatar: str | None = None
    """An image URL, already resolved for the page it is shown on."""
    url: str | None = None
    side: Side | None = None
    colour: str | None = None
    """A hex colour (`#2458b8`) for the initials' background; derived from the name if unset."""

    def merged_over(self, other: Speaker) -> Speaker:
        """This speaker, with what it leaves unset taken from `other`."""
        return Speaker(
            name=self.name,
            aliases=tuple(dict.fromkeys(self.aliases + other.aliases)),
            role=self.role or other.role,
            avatar=self.avatar or other.avatar,
            url=self.url or other.url,
            side=self.side or other.side,
            colour=self.colour or other.colour,
        )


@dataclass(frozen=True)
class PageOptions:
    """How one page is to be treated, from its front matter and the site's settings."""

    mode: Mode = "auto"
    speakers: tuple[Speaker, ...] = ()
    """Speakers the page declares: they are speakers wherever they appear."""
    registry: tuple[Speaker, ...] = ()
    """Speakers the site knows: their details apply when they speak."""
    host: str | None = None
    """The host's name; without it a speaker declared `side: host`, else the first speaker."""
    interviewer: str = DEFAULT_INTERVIEWER
    """Who asks in `Q:` lines, bold questions and heading questions."""
    interviewee: str = DEFAULT_INTERVIEWEE
    """Who answers in `A:` lines and after bold or heading questions."""
    media: str | None = None
    """An audio or video URL; timestamps link into it."""
    keep_liquid: bool = False
    """Keep Jekyll Liquid tags (`{% include toc %}`) instead of removing them."""
    turn_ids: str = "turn-"
    """What each turn's id starts with, before its number: a transcript shown inside another
    page (a blog's excerpt) has ids of its own."""


@dataclass(slots=True)
class Turn:
    """One speaker's turn: its anchor, who speaks and on which side. The engine fills in
    `time` and `text` once the turn's blocks are final."""

    id: str
    speaker: str
    side: Side
    label: str = ""
    """The label as written (`Sam`, `Q`), which the turn's name replaces."""
    time: float | None = None
    """Seconds into the recording, from a timestamp that opens the turn."""
    text: str = ""
    """What the speaker says, as plain text."""


@dataclass(frozen=True)
class Diagnostic:
    """Something the page's author should hear about; `line` is 1-based when known."""

    message: str
    line: int | None = None
    level: Literal["info", "warning"] = "warning"


@dataclass
class Transcript:
    """What the engine did to one page."""

    turns: list[Turn] = field(default_factory=list)
    regions: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    excerpt: str = ""
    """The first sentences of the intro, else of the first answer, as plain text."""
    first_image: str | None = None
    """The `src` of the page's first image, as written in the Markdown."""
    verdict: str = ""
    """Why the page is, or is not, a chat."""
    refused: dict[str, str] = field(default_factory=dict)
    """Labels that speak for no one, each with the reason."""
    breaks: list[str] = field(default_factory=list)
    """Labels that name parts of the show (`Break`), drawn as dividers."""
    prose: bool = False
    """Whether the transcript is prose: its turns are passages, of one speaker or of nobody
    (an empty `speaker`), on no side."""

    @property
    def speakers(self) -> list[str]:
        """Distinct speakers in order of first appearance."""
        return list(dict.fromkeys(turn.speaker for turn in self.turns if turn.speaker))
