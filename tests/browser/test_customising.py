"""A site's own `--interview-*` properties and template overrides, as the docs' styling page
shows them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .checks import contrast_problems
from .support import CUSTOMISED, INTERVIEWS, PLUGIN_MARKUP, REPO, OpenPage, Sites, artifact

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect, Page

COLOURS = """selector => {
  const style = getComputedStyle(document.querySelector(selector));
  return [interviewProbes.rgba(style.backgroundColor), interviewProbes.rgba(style.color)];
}"""
HOST = ".interview-turn[data-side=host]"
GUEST = ".interview-turn[data-side=guest]"


def declared(name: str) -> str:
    found = re.search(rf"{name}:\s*([^;]+);", (CUSTOMISED / "extra.css").read_text())
    assert found, name
    return found[1]


def around(page: Page, *selectors: str, margin: float = 8) -> FloatRect:
    """The page area holding the elements, for a screenshot (taken before any scrolling)."""
    boxes = [page.locator(selector).bounding_box() for selector in selectors]
    assert all(boxes), selectors
    left = min(box["x"] for box in boxes if box) - margin
    top = min(box["y"] for box in boxes if box) - margin
    right = max(box["x"] + box["width"] for box in boxes if box) + margin
    bottom = max(box["y"] + box["height"] for box in boxes if box) + margin
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


@pytest.mark.browser
def test_custom_properties_restyle_the_bubbles(sites: Sites, open_page: OpenPage) -> None:
    page = open_page(sites["customised"], INTERVIEWS[0], 720)
    expected = page.evaluate(
        "colours => colours.map(interviewProbes.rgba)",
        [declared("--interview-host-bg"), declared("--interview-host-fg")],
    )
    assert page.evaluate(COLOURS, HOST) == expected
    plain = open_page(sites["material"], INTERVIEWS[0], 720)
    assert plain.evaluate(COLOURS, HOST) != expected
    assert page.evaluate(COLOURS, GUEST) == plain.evaluate(COLOURS, GUEST)  # left as it was

    measured = page.evaluate("selectors => interviewProbes.contrast(selectors)", PLUGIN_MARKUP)
    assert contrast_problems(measured) == []
    shot = artifact("screenshots", "customised", INTERVIEWS[0], "chat.png")
    page.screenshot(path=shot, full_page=True, clip=around(page, "#turn-1", "#turn-4"))


@pytest.mark.browser
def test_card_and_tag_index_templates_from_custom_dir(sites: Sites, open_page: OpenPage) -> None:
    page = open_page(sites["customised"], "interviews/", 720)
    cards = page.locator(".interview-card")
    assert cards.count() > 1
    assert page.locator(".interview-card-more a").count() == cards.count()
    for link in page.locator(".interview-card-more a").all():
        assert link.is_visible()
    assert page.locator(".interview-card-image").count() == 0, "the override has no images"
    assert page.locator(".interview-card-speakers").first.inner_text().startswith("With ")
    measured = page.evaluate("selectors => interviewProbes.contrast(selectors)", PLUGIN_MARKUP)
    assert contrast_problems(measured) == []
    shot = artifact("screenshots", "customised", "interviews/", "cards.png")
    page.screenshot(
        path=shot,
        full_page=True,
        clip=around(page, ".interview-card >> nth=0", ".interview-card >> nth=1"),
    )

    tags = open_page(sites["customised"], "tags/", 720)
    counts = tags.locator(".interview-tag-count").all_inner_texts()
    assert counts and all(re.fullmatch(r"1 interview|\d+ interviews", count) for count in counts)


@pytest.mark.parametrize("example", ["extra.css", "overrides/interview/card.html"])
def test_the_docs_show_what_is_tested(example: str) -> None:
    styling = (REPO / "docs" / "pages" / "styling.md").read_text(encoding="utf-8")
    assert (CUSTOMISED / example).read_text(encoding="utf-8") in styling
