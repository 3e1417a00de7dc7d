"""Pixels of a browser's screenshot, and colours as people with colour-blindness see them."""

from __future__ import annotations

import struct
import zlib

Colour = tuple[float, float, float]
"""sRGB channels, 0 to 255."""

# Machado, Oliveira and Fernandes (2009), severity 1.0: a deuteranope's view of linear RGB.
_DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)


class Screenshot:
    """An 8-bit RGB or RGBA PNG, as Chromium writes one, decoded."""

    def __init__(self, png: bytes) -> None:
        assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        position, data, header = 8, b"", b""
        while position < len(png):
            (length,) = struct.unpack(">I", png[position : position + 4])
            kind = png[position + 4 : position + 8]
            chunk = png[position + 8 : position + 8 + length]
            if kind == b"IHDR":
                header = chunk
            elif kind == b"IDAT":
                data += chunk
            position += 12 + length
        self.width, self.height, depth, colour_type, _, _, interlace = struct.unpack(
            ">IIBBBBB", header
        )
        assert depth == 8 and colour_type in (2, 6) and not interlace, "an unusual PNG"
        self.channels = 4 if colour_type == 6 else 3
        self.rows = self._unfiltered(zlib.decompress(data))

    def _unfiltered(self, raw: bytes) -> list[bytearray]:
        size, stride = self.channels, self.width * self.channels
        rows: list[bytearray] = []
        previous = bytearray(stride)
        for y in range(self.height):
            start = y * (stride + 1)
            kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
            for x in range(stride):
                left = row[x - size] if x >= size else 0
                up = previous[x]
                corner = previous[x - size] if x >= size else 0
                if kind == 1:
                    row[x] = (row[x] + left) & 0xFF
                elif kind == 2:
                    row[x] = (row[x] + up) & 0xFF
                elif kind == 3:
                    row[x] = (row[x] + (left + up) // 2) & 0xFF
                elif kind == 4:
                    row[x] = (row[x] + _paeth(left, up, corner)) & 0xFF
            rows.append(row)
            previous = row
        return rows

    def pixel(self, x: float, y: float) -> Colour:
        """The colour at CSS pixel (x, y) of a screenshot taken at a device scale of 1."""
        row, at = self.rows[round(y)], round(x) * self.channels
        return (float(row[at]), float(row[at + 1]), float(row[at + 2]))


def _paeth(left: int, up: int, corner: int) -> int:
    estimate = left + up - corner
    near_left, near_up, near_corner = (
        abs(estimate - left),
        abs(estimate - up),
        abs(estimate - corner),
    )
    if near_left <= near_up and near_left <= near_corner:
        return left
    return up if near_up <= near_corner else corner


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    c = min(max(channel, 0.0), 1.0)
    return 255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)


def as_deuteranope_sees(colour: Colour) -> Colour:
    linear = [_linear(channel) for channel in colour]
    seen = [
        sum(weight * value for weight, value in zip(row, linear, strict=True))
        for row in _DEUTERANOPIA
    ]
    return (_gamma(seen[0]), _gamma(seen[1]), _gamma(seen[2]))


def oklab(colour: Colour) -> Colour:
    r, g, b = (_linear(channel) for channel in colour)
    cone = (
        (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b) ** (1 / 3),
        (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b) ** (1 / 3),
        (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b) ** (1 / 3),
    )
    return (
        0.2104542553 * cone[0] + 0.7936177850 * cone[1] - 0.0040720468 * cone[2],
        1.9779984951 * cone[0] - 2.4285922050 * cone[1] + 0.4505937099 * cone[2],
        0.0259040371 * cone[0] + 0.7827717662 * cone[1] - 0.8086757660 * cone[2],
    )


def difference(first: Colour, second: Colour) -> float:
    """How far apart two colours look: the distance between them in OKLab (1 is black to
    white; about 0.02 is a difference people just notice side by side)."""
    a, b = oklab(first), oklab(second)
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def luminance(colour: Colour) -> float:
    r, g, b = (_linear(channel) for channel in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: Colour, second: Colour) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
