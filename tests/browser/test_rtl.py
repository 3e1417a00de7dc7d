"""A right-to-left page (Material, `language: ar`) mirrors the chat: hosts on the right."""

from __future__ import annotations

import pytest

from .checks import offsets, side_problems
from .support import INTERVIEWS, WIDTHS, OpenPage, Sites, artifact

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS)
def test_right_to_left_mirrors_the_sides(sites: Sites, open_page: OpenPage, width: int) -> None:
    path = INTERVIEWS[0]
    rtl = open_page(sites["rtl"], path, width)
    rtl.screenshot(path=artifact("screenshots", "rtl", path, f"{width}px.png"), full_page=True)
    assert rtl.evaluate("getComputedStyle(document.querySelector('.interview')).direction") == "rtl"
    turns = rtl.evaluate("interviewProbes.turns()")
    assert side_problems(turns, rtl=True, bubbles_apart=width >= 1000) == []

    # the same page left to right: each avatar and bubble edge as far from the chat's start
    ltr = open_page(sites["material"], path, width).evaluate("interviewProbes.turns()")
    mirrored = [offset for turn in turns for offset in offsets(turn, rtl=True)]
    assert mirrored == pytest.approx([offset for turn in ltr for offset in offsets(turn)], abs=1)
