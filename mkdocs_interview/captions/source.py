"""Reading caption files as lines and blocks, leniently, and their clock times."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..transcript.clocks import CLOCK_PARTS, clock_pattern
from ..transcript.options import shown
from .model import CaptionError

# Hours are optional (WebVTT leaves them out below an hour) and have at most six digits; the
# fraction may use a comma (SRT) or a dot (WebVTT), and has up to three digits.
_CLOCK = clock_pattern(6, ".,")
TIMING = re.compile(rf"[ \t]*(?P<start>{_CLOCK})[ \t]*-->[ \t]*(?P<end>{_CLOCK})(?:[ \t].*)?")
"""`start --> end`, then cue settings (WebVTT) or coordinates (SRT), which are ignored."""
ARROW = "-->"


def source_text(text: str) -> str:
    """`text` without a byte-order mark, with every line ending made `\\n`."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def source_lines(text: str) -> list[str]:
    """The lines of `text`, without a byte-order mark, whatever the line endings."""
    return source_text(text).split("\n")


def blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the 1-based number of its first line; a line of
    spaces counts as blank."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def timing(line: str, number: int) -> tuple[float, float]:
    """The start and end times, in seconds, of the timing line `line` (line `number` of the
    file)."""
    match = TIMING.fullmatch(line)
    if match is None:
        raise CaptionError(
            f"bad cue timing {shown(line.strip())}; expected 'start --> end' such as "
            "'00:01:02.500 --> 00:01:05.000' (a line holding '-->' starts a cue)",
            number,
        )
    return seconds(match.group("start"), number), seconds(match.group("end"), number)


def seconds(clock: str, number: int) -> float:
    """`01:02:03.5` as 3723.5 seconds; minutes and seconds above 59 are an error."""
    parts = CLOCK_PARTS.fullmatch(clock)
    if parts is None:
        raise CaptionError(f"bad time {shown(clock)}", number)
    hours, minutes, whole, fraction = parts.groups()
    if int(minutes) > 59 or int(whole) > 59:
        raise CaptionError(
            f"bad time {shown(clock)}: minutes and seconds run from 00 to 59", number
        )
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(whole)
    return value + (int(fraction.ljust(3, "0")) / 1000 if fraction else 0)
