"""Judging what `probes.js` measured in a page: each check returns its problems as sentences."""

from __future__ import annotations

from typing import Any, TypedDict

MIN_CONTRAST = 4.5
"""WCAG AA for body text, applied to every text of the chat and the cards."""


class Box(TypedDict):
    left: float
    right: float
    top: float
    bottom: float
    width: float
    height: float


class Turn(TypedDict):
    id: str
    side: str
    chat: Box
    body: Box
    avatar: Box | None
    """None for a turn that continues its speaker's: it shows no avatar."""


def _along(box: Box, rtl: bool) -> tuple[float, float]:
    """A box's start and end in reading direction: left to right, or right to left."""
    return (-box["right"], -box["left"]) if rtl else (box["left"], box["right"])


def side_problems(turns: list[Turn], *, rtl: bool = False, bubbles_apart: bool = True) -> list[str]:
    """Hosts sit at the start (left, or right on rtl pages), guests at the end.

    Each avatar is on its own side of its bubble. With `bubbles_apart` (wide screens, where a
    bubble is at most 85 % of the line), every host bubble also starts and ends before every
    guest bubble; on a phone a long bubble fills the line beside its avatar, so only the avatar
    and the indent tell the sides apart.
    """
    if not turns:
        return ["no turns on the page"]
    problems = []
    for turn in turns:
        if turn["avatar"] is None:
            continue
        body_start, body_end = _along(turn["body"], rtl)
        avatar_start, avatar_end = _along(turn["avatar"], rtl)
        if turn["side"] == "host" and avatar_end > body_start + 1:
            problems.append(f"{turn['id']}: the host's avatar is not before the bubble")
        if turn["side"] == "guest" and avatar_start < body_end - 1:
            problems.append(f"{turn['id']}: the guest's avatar is not after the bubble")
    hosts = [_along(turn["body"], rtl) for turn in turns if turn["side"] == "host"]
    guests = [_along(turn["body"], rtl) for turn in turns if turn["side"] == "guest"]
    if not hosts or not guests:
        return [*problems, "the page needs host and guest turns"]
    if bubbles_apart:
        if max(start for start, _ in hosts) >= min(start for start, _ in guests):
            problems.append("a host bubble starts level with or after a guest bubble")
        if max(end for _, end in hosts) >= min(end for _, end in guests):
            problems.append("a host bubble ends level with or after a guest bubble")
    return problems


def avatar_problems(avatars: list[dict[str, Any]]) -> list[str]:
    problems = []
    for avatar in avatars:
        box: Box = avatar["box"]
        if box["width"] < 1 or box["height"] < 1 or not avatar["shown"]:
            problems.append(f"{avatar['turn']}: avatar not shown ({box})")
        elif not avatar["inViewport"]:
            problems.append(f"{avatar['turn']}: avatar not in the viewport once scrolled to")
    return problems if avatars else ["no avatars on the page"]


def contrast_problems(measured: list[dict[str, Any]]) -> list[str]:
    return [
        f"{item['element']}: contrast {item['ratio']:.2f} < {MIN_CONTRAST}"
        for item in measured
        if item["ratio"] < MIN_CONTRAST
    ]


def overflow_problems(overflow: dict[str, int]) -> list[str]:
    if overflow["scrollWidth"] <= overflow["innerWidth"]:
        return []
    return [f"the page scrolls sideways: {overflow['scrollWidth']} px in {overflow['innerWidth']}"]


def offsets(turn: Turn, *, rtl: bool = False) -> tuple[float, ...]:
    """From the start of the chat, in reading direction: where the avatar starts (if the turn
    shows one), and where the bubble's edge beside the avatar lies. A mirrored page has the
    same offsets."""
    chat_start, _ = _along(turn["chat"], rtl)
    body_start, body_end = _along(turn["body"], rtl)
    beside = body_start if turn["side"] == "host" else body_end
    if turn["avatar"] is None:
        return (beside - chat_start,)
    avatar_start, _ = _along(turn["avatar"], rtl)
    return avatar_start - chat_start, beside - chat_start
