"""Material's `navigation.instant` swaps pages in without a load: the chat must be styled still."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .checks import side_problems
from .support import INTERVIEWS, OpenPage, Sites

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

STYLE = """() => {
  const turn = getComputedStyle(document.querySelector(".interview-turn"));
  return {
    background: interviewProbes.rgba(turn.backgroundColor),
    position: turn.position,
  };
}"""


def style_problems(page: Page) -> list[str]:
    style = page.evaluate(STYLE)
    problems = side_problems(page.evaluate("interviewProbes.turns()"))
    if style["background"][3] == 0:
        problems.append("the first bubble has no background")
    if style["position"] != "relative":
        problems.append(f"a turn is position: {style['position']}: the stylesheet is not applied")
    return problems


def test_reached_by_a_click_on_a_card(sites: Sites, open_page: OpenPage) -> None:
    page = open_page(sites["instant"], "interviews/")
    page.wait_for_load_state("networkidle")  # Material follows links once it has the sitemap
    page.evaluate("window.sameDocument = true")
    page.locator(f".interview-card-title a[href$='{INTERVIEWS[0]}']").click()
    page.wait_for_url(f"**/{INTERVIEWS[0]}")
    page.locator(".interview-turn").first.wait_for()
    assert page.evaluate("window.sameDocument === true"), "a full load: not instant navigation"
    assert style_problems(page) == []


def test_loaded_directly(sites: Sites, open_page: OpenPage) -> None:
    page = open_page(sites["instant"], INTERVIEWS[0])
    assert style_problems(page) == []
