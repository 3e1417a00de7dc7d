"""Cues read from caption files, the turns they make, and the Markdown page they become."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown
import yaml

from ..transcript import InterviewExtension, Speaker, convert, page_options
from ..transcript.labels import looks_like_name
from ..transcript.options import shown, speakers_from, text_of

DEFAULT_SPEAKER = "Speaker"
"""Who speaks in a cue that names nobody."""

ESCAPABLE = frozenset(markdown.Markdown().ESCAPED_CHARS)
"""The characters plain Python-Markdown lets a backslash escape. Extensions add those they
give a meaning (`$` for maths, `=` for marks, `:` for emoji …): a site's own set is what its
Markdown, with every extension, lets escape, and is what caption text is escaped with."""
# Python-Markdown keeps placeholders between STX and ETX; no control character may reach it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPED = frozenset(string.punctuation) - frozenset("().!->")
"""What may be escaped: never a space (caret and tilde make `\\ ` a character of its own),
nor what means something only at the start of a line (`1.`, `-`, `>`) or after an escaped
`[` (`](`, `![`): turns are single lines that open with the speaker's label, and a heading
with `# `. Maths reads `\\(` as an opening formula."""


class CaptionError(ValueError):
    """A caption file that cannot be read; `line` is 1-based, None when unknown."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message if self.line is None else f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Cue:
    """What a caption file says at one time: who speaks (None if it does not say) and what."""

    start_seconds: float
    speaker: str | None
    text: str
    line: int | None = None
    """The 1-based line of the file where the cue is, for messages."""
    end_seconds: float | None = field(default=None, compare=False)
    """When the cue ends, if the file says: a pause before the next one starts a paragraph."""


@dataclass(frozen=True)
class Turn:
    """Consecutive cues of one speaker, at the first cue's time and line."""

    start_seconds: float
    speaker: str | None
    text: str
    line: int | None = None


def merge_turns(cues: Iterable[Cue]) -> list[Turn]:
    """Merge runs of cues from the same speaker into turns; cues without text are dropped."""
    turns: list[Turn] = []
    texts: list[list[str]] = []
    for cue in cues:
        text = squeeze(cue.text)
        if not text:
            continue
        if turns and turns[-1].speaker == cue.speaker:
            texts[-1].append(text)
            continue
        turns.append(Turn(cue.start_seconds, cue.speaker, "", cue.line))
        texts.append([text])
    return [
        Turn(turn.start_seconds, turn.speaker, " ".join(text), turn.line)
        for turn, text in zip(turns, texts, strict=True)
    ]


PAUSE = 2.0
"""Seconds of silence between two cues that start a new paragraph of prose."""
SENTENCES = 3
"""The most sentences in a paragraph of prose."""
LONGEST_PARAGRAPH = 600
"""Characters after which a paragraph of prose ends with its cue, when sentences do not."""
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])([\"'\u201d\u2019)\]]*)\s+(?=[^\s\u2026.,;:!?])")
_ENDS = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st vs etc e.g i.e no mt jr sr".split())


def read_turns(cues: Sequence[Cue]) -> tuple[list[Turn], bool]:
    """The turns of a caption file, and whether they are prose: a file in which two people
    or more are named is a chat (`merge_turns`); one with a single voice or none is prose
    (`paragraphs`)."""
    if len({cue.speaker for cue in cues if cue.speaker is not None}) > 1:
        return merge_turns(cues), False
    return paragraphs(cues), True


def paragraphs(cues: Iterable[Cue]) -> list[Turn]:
    """Cues as paragraphs of prose, each at the time of its first words: a new one at every
    pause of `PAUSE` seconds or more, where the speaker changes, and after `SENTENCES`
    sentences (or, without any, once a cue takes it past `LONGEST_PARAGRAPH` characters). A
    paragraph that starts within a cue starts at the cue's time."""
    turns: list[Turn] = []
    words: list[str] = []
    sentences = length = 0
    first: Cue | None = None
    end: float | None = None

    def close() -> None:
        nonlocal sentences, length
        if words and first is not None:
            turns.append(Turn(first.start_seconds, first.speaker, " ".join(words), first.line))
        words.clear()
        sentences = length = 0

    for cue in cues:
        text = squeeze(cue.text)
        if not text:
            continue
        paused = end is not None and cue.start_seconds - end >= PAUSE
        if words and (paused or (first is not None and cue.speaker != first.speaker)):
            close()
        for piece, ends in _sentences(text):
            if not words:
                first = cue
            words.append(piece)
            length += len(piece) + 1
            sentences += ends
            if sentences >= SENTENCES:
                close()
        if length > LONGEST_PARAGRAPH:
            close()
        end = cue.end_seconds
    close()
    return turns


def _sentences(text: str) -> list[tuple[str, bool]]:
    """`text` cut after each sentence it ends, each piece with whether it ends one."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ends_sentence(sentence := text[start : match.end(1)]):
            pieces.append((sentence, True))
            start = match.end()
    if rest := text[start:]:
        pieces.append((rest, _ENDS.search(rest) is not None and _ends_sentence(rest)))
    return pieces


def _ends_sentence(text: str) -> bool:
    """Whether the full stop that ends `text` ends a sentence: not `Dr.` or `J.`."""
    words = text.rstrip("\"'\u201d\u2019)] ").rsplit(None, 1)
    word = words[-1].rstrip(".").casefold() if words else ""
    return word not in _ABBREVIATIONS and not (len(word) == 1 and word.isalpha())


def prose_markdown(turns: Sequence[Turn], escapable: frozenset[str] = ESCAPABLE) -> str:
    """Paragraphs of prose, each `[HH:MM:SS] text` with the text escaped (see `escape`)."""
    if not turns:
        raise CaptionError("no caption text in the file", 1)
    paragraphs = (f"[{clock(turn.start_seconds)}] {escape(turn.text, escapable)}" for turn in turns)
    return "\n\n".join(paragraphs) + "\n"


def prose_front_matter(front_matter: Mapping[str, Any], turns: Sequence[Turn]) -> dict[str, Any]:
    """The front matter of a page of prose: `front_matter` with `interview: true`, and the
    one voice of `turns` as its speaker when it declares none."""
    meta = {**front_matter, "interview": True}
    voices = {turn.speaker for turn in turns if turn.speaker}
    if len(voices) == 1 and meta.get("speakers") is None:
        meta["speakers"] = sorted(voices)
    return meta


def to_markdown(
    turns: Sequence[Turn],
    front_matter: Mapping[str, Any],
    *,
    default_speaker: str = DEFAULT_SPEAKER,
    registry: Sequence[Speaker] = (),
    escapable: frozenset[str] = ESCAPABLE,
    heading: str | None = None,
    prose: bool = False,
) -> str:
    """A Markdown page the engine renders as a chat: `front_matter` with `interview: true`,
    a heading (`heading`, else its `title`), then the turns as `turns_markdown` writes
    them; with `prose`, the paragraphs `prose_markdown` writes, and the speaker that
    `prose_front_matter` adds."""
    if prose:
        meta = prose_front_matter(front_matter, turns)
        body = prose_markdown(turns, escapable)
    else:
        meta = {**front_matter, "interview": True}
        body = turns_markdown(
            turns, meta, default_speaker=default_speaker, registry=registry, escapable=escapable
        )
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    title = heading if heading is not None else text_of(meta.get("title"))
    first = f"# {escape(title, escapable)}\n\n" if title else ""
    return f"---\n{header}---\n\n{first}{body}"


def turns_markdown(
    turns: Sequence[Turn],
    front_matter: Mapping[str, Any],
    *,
    default_speaker: str = DEFAULT_SPEAKER,
    registry: Sequence[Speaker] = (),
    escapable: frozenset[str] = ESCAPABLE,
) -> str:
    """One paragraph per turn, `**Name**: [HH:MM:SS] text`, with the text escaped so it shows
    as written; for a page whose front matter is `front_matter` (to place the turns in an
    existing page, which must be an interview page).

    A speaker is written as the caption file names them, which the engine reads as the
    speaker declared in `front_matter` or in the site's `registry` with that alias; a name
    that cannot be a speaker label (`SPEAKER_01`) is written as the name of the speaker it is
    an alias of. A name that is neither (`ORC 1` in film subtitles) is kept in the text of a
    `default_speaker`'s turn when it speaks in few turns; when it speaks in a quarter of them
    or more, that is a `CaptionError`, and declaring it as an alias of a person fixes it.
    Raises `CaptionError` too when there is no turn.
    """
    if not turns:
        raise CaptionError("no caption text in the file", 1)
    spoken = [turn.speaker or default_speaker for turn in turns]
    aliases = _alias_names(front_matter, registry)
    owners = {name: aliases[name] for name in spoken if name in aliases}
    meta = {**front_matter, "interview": True}
    unreadable = _unreadable([*spoken, *owners.values()], meta, registry)
    named = [
        owners[name] if name in owners and owners[name] not in unreadable else name
        for name in spoken
    ]
    unnamed = [turn for name, turn in zip(named, turns, strict=True) if name in unreadable]
    if unnamed and 4 * len(unnamed) >= len(turns):
        name = next(name for name in named if name in unreadable)
        raise CaptionError(
            f"{shown(name)} cannot be a speaker's name (a name is one to four words of "
            "letters, and no label such as 'Note'); name the speaker in the front matter, "
            f"for example: speakers: [{{name: Ann Lee, aliases: [{shown(name)}]}}]",
            unnamed[0].line,
        )
    paragraphs = []
    for name, turn in zip(named, turns, strict=True):
        text = turn.text
        if name in unreadable:  # a label of a few lines (`ORC 1:`): kept as it is written
            name, text = default_speaker, f"{name}: {text}"
        clock_text = clock(turn.start_seconds)
        paragraphs.append(f"**{name}**: [{clock_text}] {escape(text, escapable)}")
    return "\n\n".join(paragraphs) + "\n"


def escape(text: str, escapable: frozenset[str] = ESCAPABLE) -> str:
    """`text` as Markdown that renders as the same text, on one line, with no markup or HTML:
    every punctuation character in `escapable` escaped, `&` and `<` written as references."""
    text = squeeze(_CONTROL.sub("", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return text.translate(_escapes(escapable))


@functools.lru_cache(maxsize=8)
def _escapes(escapable: frozenset[str]) -> dict[int, str]:
    """The table `str.translate` escapes `escapable` with."""
    return {ord(char): "\\" + char for char in escapable & _ESCAPED}


def squeeze(text: str) -> str:
    """`text` with every run of white space (line breaks too) made one space, and trimmed."""
    return " ".join(text.split())


def clock(seconds: float) -> str:
    """`HH:MM:SS`, the whole seconds of `seconds`."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _alias_names(front_matter: Mapping[str, Any], registry: Sequence[Speaker]) -> dict[str, str]:
    """Every alias of the site's and the page's speakers, mapped to the speaker's name; the
    page's win."""
    page, _ = speakers_from(front_matter.get("speakers"), "speakers")
    return {alias: person.name for person in (*registry, *page) for alias in person.aliases}


def _unreadable(
    names: Iterable[str], meta: Mapping[str, Any], registry: Sequence[Speaker]
) -> set[str]:
    """The names that would not open a turn as `**Name**:` on the page, asked of the engine."""
    distinct = list(dict.fromkeys(names))
    shaped = [name for name in distinct if looks_like_name(name)]
    options, _ = page_options(meta, registry=registry)
    text = "\n\n".join(f"**{name}**: ." for name in shaped)
    _, transcript = convert(markdown.Markdown(extensions=[InterviewExtension()]), text, options)
    read = {turn.label for turn in transcript.turns}
    return {name for name in distinct if name not in read}
