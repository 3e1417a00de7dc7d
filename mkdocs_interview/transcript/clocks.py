"""Clock times, `01:02:03.5` or `24:27`, as transcripts and caption files write them."""

from __future__ import annotations

import re


def clock_pattern(hour_digits: int, fraction_marks: str, *, parts: bool = False) -> str:
    """The regular expression of a clock time: hours of up to `hour_digits` digits and their
    colon, if any; minutes of one or two digits, seconds of two; then, if any, up to three
    digits of a second after one of the characters of `fraction_marks`. With `parts`, the
    hours, minutes, seconds and fraction are its groups, in that order; without, it has none,
    to be placed in another expression."""
    hours, minutes, seconds, fraction = (
        f"({digits})" if parts else digits
        for digits in (rf"\d{{1,{hour_digits}}}", r"\d{1,2}", r"\d{2}", r"\d{1,3}")
    )
    return rf"(?:{hours}:)?{minutes}:{seconds}(?:[{re.escape(fraction_marks)}]{fraction})?"


CLOCK_PARTS = re.compile(clock_pattern(6, ".,", parts=True))
"""The hours, minutes, seconds and fraction of any clock `clock_pattern` matches (hours and
fraction None when left out); `fullmatch` it."""
