"""Avatar colours: one per name, always readable under white or black initials."""

from __future__ import annotations

import colorsys
import functools
import re
import zlib

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_WHITE, _BLACK = "#ffffff", "#000000"
_AA_CONTRAST = 4.5
_CACHED = 4096
"""Names and colours to remember: every turn asks for its speaker's colours."""


@functools.lru_cache(maxsize=_CACHED)
def colour_for(name: str) -> str:
    """A stable colour for `name` (the same on every build and machine), dark enough for
    white initials at WCAG AA contrast."""
    hue = zlib.crc32(name.encode("utf-8")) % 360 / 360
    lightness = 0.42
    while True:
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, 0.6)
        colour = "#{:02x}{:02x}{:02x}".format(*(round(part * 255) for part in (red, green, blue)))
        if contrast(colour, _WHITE) >= _AA_CONTRAST:
            return colour
        lightness -= 0.02


@functools.lru_cache(maxsize=_CACHED)
def text_colour_on(background: str) -> str:
    """White or black, whichever reads better on `background`."""
    return _WHITE if contrast(background, _WHITE) >= contrast(background, _BLACK) else _BLACK


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two hex colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
