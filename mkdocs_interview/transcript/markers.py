"""Inside a turn: timestamps become `<time>` elements, stage notes get a class."""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree

from .clocks import CLOCK_PARTS, clock_pattern
from .media import moment_url

# Python-Markdown keeps a backslash-escaped character as STX, its code point, ETX until the
# end of tree processing; `\[00:04:22\]` arrives in this form.
_ESCAPED = re.compile("\x02(\\d+)\x03")
_CLOCK = clock_pattern(2, ".")  # in a turn: `[04:22]`, `(01:04:22.21)`, `00:04:22 -`
TIMESTAMP = re.compile(
    rf"[ \t]*(?:\[(?P<bracketed>{_CLOCK})\]:?|\((?P<parenthesised>{_CLOCK})\):?"
    rf"|(?P<dashed>{_CLOCK})[ \t]*[\u2014\u2013-])[ \t]*"  # em dash, en dash, hyphen
)
_CLOCK_STARTS = "[(\x020123456789"  # `\[` arrives escaped, as \x02
STAGE_NOTE = re.compile(r"\[[a-z][a-z0-9' :.,-]{0,38}[a-z0-9]\]")
_SKIPPED = frozenset(("a", "code", "kbd", "pre", "samp", "script", "style", "time"))


def unescape(text: str) -> str:
    """Put back the characters Python-Markdown holds as escapes."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1))), text)


def literal(text: str) -> str:
    """`text` ready for the element tree, where it shows as written: Python-Markdown leaves an
    `&` that starts an entity alone when it writes the page, so every `&` is escaped here."""
    return text.replace("&", "&amp;")


def mark_timestamp(paragraph: etree.Element, media: str | None) -> float | None:
    """Turn a timestamp that opens `paragraph` into a `<time>`, linked to its moment of
    `media` if given (`moment_url`); return its time in seconds. The text after it stays as it
    was, escapes and all."""
    if not paragraph.text or paragraph.text.lstrip(" \t")[:1] not in _CLOCK_STARTS:
        return None  # most paragraphs: no need to read them closely
    text = _Unescaped(paragraph.text)
    match = TIMESTAMP.match(text.plain)
    if not match:
        return None
    clock = match.group("bracketed") or match.group("parenthesised") or match.group("dashed")
    hours, minutes, seconds, fraction = CLOCK_PARTS.fullmatch(clock).groups()  # type: ignore[union-attr]
    time = etree.Element("time", {"datetime": _iso_duration(hours, minutes, seconds, fraction)})
    time.text = clock
    marker = time
    offset = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if media and (moment := moment_url(media, offset)):
        marker = etree.Element("a", {"href": literal(moment)})
        marker.append(time)
    marker.set("class", "interview-time")
    rest = paragraph.text[text.original(match.end()) :]
    marker.tail = " " + rest if rest or len(paragraph) else None  # apart from what follows
    paragraph.text = None
    paragraph.insert(0, marker)
    return offset + (int(fraction) / 10 ** len(fraction) if fraction else 0)


def mark_stage_notes(element: etree.Element) -> None:
    """Wrap notes such as `[laughs]` in `<span class="interview-note">`, outside code."""
    text = "".join(element.itertext())
    if ("[" in text or "\x02" in text) and STAGE_NOTE.search(unescape(text)):  # most have none
        _mark_notes_in(element)


def _mark_notes_in(element: etree.Element) -> None:
    if element.tag in _SKIPPED:
        return
    element.text, children = _split_notes(element.text)
    for child in list(element):
        _mark_notes_in(child)
        child.tail, notes = _split_notes(child.tail)
        children += [child, *notes]
    element[:] = children


def _split_notes(text: str | None) -> tuple[str | None, list[etree.Element]]:
    """The text before the first note, and a span per note carrying the text after it. Every
    piece is cut from `text` as it is: a character the author escaped stays escaped, so no
    later extension reads it as syntax (`\\{: onclick=… \\}` is text, not an attribute list)."""
    if not text or ("[" not in text and "\x02" not in text):
        return text, []
    unescaped = _Unescaped(text)
    notes = list(STAGE_NOTE.finditer(unescaped.plain))
    if not notes:
        return text, []
    cuts = [unescaped.original(index) for note in notes for index in note.span()]
    cuts.append(len(text))
    spans = []
    for number in range(len(notes)):
        start, end, after = cuts[2 * number : 2 * number + 3]
        span = etree.Element("span", {"class": "interview-note"})
        span.text, span.tail = text[start:end], text[end:after] or None
        spans.append(span)
    return text[: cuts[0]] or None, spans


class _Unescaped:
    """A text of the tree with Python-Markdown's escapes put back (`plain`), to be searched;
    `original` takes a place in `plain` back to the same place in the text."""

    def __init__(self, text: str) -> None:
        self.plain_starts = [0]
        self.starts = [0]
        if "\x02" not in text:
            self.plain = text
            return
        pieces = []
        position = plain_position = 0
        for escape in _ESCAPED.finditer(text):
            pieces.append(text[position : escape.start()])
            plain_position += escape.start() - position
            pieces.append(chr(int(escape.group(1))))
            # The escaped character starts where its escape does; what follows, after it.
            self.plain_starts += [plain_position, plain_position + 1]
            self.starts += [escape.start(), escape.end()]
            plain_position += 1
            position = escape.end()
        pieces.append(text[position:])
        self.plain = "".join(pieces)

    def original(self, index: int) -> int:
        anchor = bisect.bisect_right(self.plain_starts, index) - 1
        return self.starts[anchor] + index - self.plain_starts[anchor]


def _iso_duration(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> str:
    """`PT1H4M22.21S` for 01:04:22.21."""
    duration = f"{int(hours)}H" if hours and int(hours) else ""
    duration += f"{int(minutes)}M" if int(minutes) else ""
    second = f"{int(seconds)}.{fraction}" if fraction else str(int(seconds))
    if second != "0" or not duration:
        duration += f"{second}S"
    return "PT" + duration
