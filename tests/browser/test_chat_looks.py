"""The chat measured as a reader sees it, on each theme, light and dark, laptop and phone:
avatars of one size, nothing empty, turns of one speaker grouped, names in their colours,
host and guest bubbles told apart (by deuteranopes too), cards whose tags line up."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any

import pytest

from .pixels import Screenshot, as_deuteranope_sees, contrast, difference
from .support import INTERVIEWS, PAGES, THEMES, WIDTHS, OpenPage, Sites, artifact

pytestmark = pytest.mark.browser

RADIO, MAINTAINER = INTERVIEWS
"""Photo and initials avatars, three speakers, a turn that continues its speaker's; a table
and code in bubbles."""
HEADINGS = "interviews/heading-questions-clockmaker/"
"""Questions written as `##` and `###` headings, with permalinks."""
BARE = "interviews/podcast-episode-12/"
"""An interview with neither a date nor tags."""

DARK = ("slate", "mkdocs-dark")
MIN_NAME_CONTRAST = 4.5
MIN_BUBBLE_CONTRAST = 1.1
"""Host and guest bubbles, one against the other: a step in lightness seen without colour."""
MIN_BUBBLE_DIFFERENCE = 0.04
"""Host and guest bubbles, as a deuteranope sees them: twice what people just notice."""
PHONE_ROOM = 20
"""Pixels a bubble leaves free on the side opposite its speaker's, on a phone."""


def bubbles(page: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate("interviewProbes.bubbles()")
    assert found, "no turns on the page"
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_avatars_are_one_size_photo_or_initials(
    sites: Sites, open_page: OpenPage, theme: str, width: int
) -> None:
    page = open_page(sites[theme], RADIO, width)
    shown = [turn for turn in bubbles(page) if not turn["continued"]]
    assert {turn["photo"] for turn in shown} == {True, False}, "photos and initials"
    sizes = {(round(t["avatar"]["width"], 1), round(t["avatar"]["height"], 1)) for t in shown}
    assert len(sizes) == 1, f"avatars of different sizes: {sizes}"
    ((size, height),) = sizes
    assert size == height and size >= 24, sizes
    # each avatar as far from its bubble, and level with its top
    gaps = set()
    for turn in shown:
        avatar, body = turn["avatar"], turn["box"]
        gap = (
            body["left"] - avatar["right"]
            if turn["side"] == "host"
            else avatar["left"] - body["right"]
        )
        gaps.add(round(gap))
        assert abs(avatar["top"] - body["top"]) <= 1, turn["id"]
    assert len(gaps) == 1 and min(gaps) > 0, f"avatars at different distances: {gaps}"
    for turn in shown:
        if turn["photo"]:
            assert turn["photoRadius"] == "50%", f"{turn['id']}: a photo that is not a disc"
            assert not turn["initialsUnderPhoto"], f"{turn['id']}: initials behind the photo"
        assert turn["avatarShown"], turn["id"]


@pytest.mark.parametrize("theme", THEMES)
def test_no_element_of_the_plugin_is_empty(sites: Sites, open_page: OpenPage, theme: str) -> None:
    problems = []
    for path in (*PAGES, HEADINGS, BARE, "tags/"):
        page = open_page(sites[theme], path)
        problems += [
            f"{path}: {element} is empty" for element in page.evaluate("interviewProbes.empty()")
        ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_heading_questions_end_their_bubble(
    sites: Sites, open_page: OpenPage, theme: str, width: int
) -> None:
    page = open_page(sites[theme], HEADINGS, width)
    questions = [turn for turn in bubbles(page) if turn["last"]["tag"] in ("h2", "h3")]
    assert len(questions) >= 4
    sizes = set()
    for turn in questions:
        inner_bottom = turn["box"]["bottom"] - turn["borderBottom"] - turn["paddingBottom"]
        left_over = inner_bottom - turn["last"]["box"]["bottom"]
        assert abs(left_over) <= 1, f"{turn['id']}: {left_over:.1f} px below the question"
    levels = page.evaluate(
        """() => [...document.querySelectorAll('.interview-turn > :is(h2, h3)')].map(
            (h) => [h.tagName, getComputedStyle(h).fontSize])"""
    )
    sizes = {size for _, size in levels}
    assert {tag for tag, _ in levels} == {"H2", "H3"} and len(sizes) == 1, levels
    # the `Q:` of a `##` question stays in its text and id, out of sight
    label = page.locator(".interview-turn > h2 .interview-label").first
    assert label.inner_text().strip() == "Q:"
    box = label.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1


@pytest.mark.parametrize("theme", THEMES)
def test_phone_bubbles_leave_room_on_the_other_side(
    sites: Sites, open_page: OpenPage, theme: str
) -> None:
    for path in INTERVIEWS:
        page = open_page(sites[theme], path, 375)
        for turn in bubbles(page):
            body, chat = turn["box"], turn["chat"]
            room = (
                chat["right"] - body["right"]
                if turn["side"] == "host"
                else body["left"] - chat["left"]
            )
            assert room >= PHONE_ROOM, f"{path} {turn['id']}: {room:.0f} px free on the other side"


@pytest.mark.parametrize("theme", THEMES)
def test_turns_of_one_speaker_in_a_row_are_grouped(
    sites: Sites, open_page: OpenPage, theme: str
) -> None:
    page = open_page(sites[theme], RADIO)
    turns = bubbles(page)
    continued = [index for index, turn in enumerate(turns) if turn["continued"]]
    assert continued, "the page has a turn that continues its speaker's"
    for index in continued:
        turn, before = turns[index], turns[index - 1]
        assert turn["speaker"] == before["speaker"]
        assert not turn["avatarShown"], f"{turn['id']}: the avatar is shown again"
        name = turn["nameBox"]
        assert name["width"] <= 1 and name["height"] <= 1, f"{turn['id']}: the name is shown again"
        assert turn["box"]["top"] - before["box"]["bottom"] <= 8, f"{turn['id']}: not stacked"
    others = [
        turn["box"]["top"] - before["box"]["bottom"]
        for before, turn in itertools.pairwise(turns)
        if not turn["continued"]
    ]
    assert min(others) >= 12
    # each keeps its own name, for screen readers and search
    assert page.locator(f"#{turns[continued[0]]['id']} .interview-speaker").inner_text()


@pytest.mark.parametrize("theme", THEMES)
def test_names_in_their_colours_and_sides_told_apart(
    sites: Sites, open_page: OpenPage, theme: str
) -> None:
    page = open_page(sites[theme], RADIO, 1280)
    turns = [turn for turn in bubbles(page) if not turn["continued"]]
    names: dict[str, tuple[float, ...]] = {}
    for turn in turns:
        background, name = turn["background"][:3], turn["name"][:3]
        ratio = contrast(name, background)
        assert ratio >= MIN_NAME_CONTRAST, f"{turn['id']}: name contrast {ratio:.2f}"
        names[turn["speaker"]] = tuple(name)
    assert len(set(names.values())) == len(names), f"speakers share a colour: {names}"

    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setEmulatedVisionDeficiency", {"type": "deuteranopia"})
    png = page.screenshot(path=artifact("screenshots", theme, RADIO, "deuteranopia.png"))
    shot = Screenshot(png)

    def inside(turn: dict[str, Any]) -> tuple[float, float, float]:
        """A pixel of the bubble with no text on it: in its top padding, mid-way across."""
        body = turn["box"]
        return shot.pixel((body["left"] + body["right"]) / 2, body["top"] + 3)

    visible = [turn for turn in turns if turn["box"]["bottom"] < 900]
    hosts = [turn for turn in visible if turn["side"] == "host"]
    guests = [turn for turn in visible if turn["side"] == "guest"]
    assert hosts and guests
    for host in hosts:
        for guest in guests:
            seen_host, seen_guest = inside(host), inside(guest)
            apart = difference(seen_host, seen_guest)
            assert apart >= MIN_BUBBLE_DIFFERENCE, f"{host['id']}/{guest['id']}: {apart:.3f}"
            computed = difference(
                as_deuteranope_sees(tuple(host["background"][:3])),
                as_deuteranope_sees(tuple(guest["background"][:3])),
            )
            assert abs(computed - apart) < 0.02, "the screenshot is not what was computed"
            step = contrast(tuple(host["background"][:3]), tuple(guest["background"][:3]))
            assert step >= MIN_BUBBLE_CONTRAST, f"{host['id']}/{guest['id']}: {step:.2f}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_tables_and_code_sit_evenly_and_scroll_by_keyboard(
    sites: Sites, open_page: OpenPage, theme: str, width: int
) -> None:
    page = open_page(sites[theme], MAINTAINER, width)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.interview-turn > .interview-scroll')].map(box => {
            const style = getComputedStyle(box);
            return {
              html: box.querySelector('table') ? 'TABLE' : box.firstElementChild.tagName,
              gapAbove: box.getBoundingClientRect().top
                - box.previousElementSibling.getBoundingClientRect().bottom,
              gapBelow: box.nextElementSibling
                ? box.nextElementSibling.getBoundingClientRect().top
                  - box.getBoundingClientRect().bottom
                : null,
              scrolls: box.scrollWidth > box.clientWidth,
              overflow: style.overflowX,
              shadows: style.backgroundImage,
              tabindex: box.getAttribute('tabindex'),
            };
        })"""
    )
    assert {box["html"] for box in boxes} == {"TABLE", "PRE"}, boxes
    for box in boxes:
        if box["gapBelow"] is not None:
            assert abs(box["gapAbove"] - box["gapBelow"]) <= 2, box
        assert box["tabindex"] == "0" and box["overflow"] == "auto", box
        if box["scrolls"]:
            assert "gradient" in box["shadows"], f"no sign that {box['html']} scrolls"
    scroller = page.locator(".interview-turn > .interview-scroll").first
    scroller.focus()
    assert scroller.evaluate("box => document.activeElement === box")


@pytest.mark.parametrize("theme", THEMES)
def test_cards_of_a_row_line_up_their_tags(sites: Sites, open_page: OpenPage, theme: str) -> None:
    page = open_page(sites[theme], "interviews/", 1280)
    cards = page.evaluate(
        """() => [...document.querySelectorAll('.interview-card')].map((card) => {
            const tags = card.querySelector('.interview-tags');
            const title = card.querySelector('.interview-card-title a');
            const image = card.querySelector('.interview-card-image img');
            return {
              box: interviewProbes.box(card),
              tags: tags ? interviewProbes.box(tags) : null,
              image: image ? interviewProbes.box(image) : null,
              dimmed: image ? getComputedStyle(image).filter !== 'none' : null,
              titleLine: getComputedStyle(title).textDecorationLine,
              tagLine: tags ? getComputedStyle(tags.querySelector('a')).textDecorationLine : null,
            };
        })"""
    )
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for card in cards:
        rows[round(card["box"]["top"])].append(card)
    assert len(rows) > 1
    widest = max(len(row) for row in rows.values())
    assert widest > 1
    for top, row in rows.items():
        bottoms = {round(card["tags"]["bottom"]) for card in row if card["tags"]}
        assert len(bottoms) <= 1, f"row at {top}: tag rows at {bottoms}"
    assert all(len(row) > 1 for row in rows.values()), "a card alone on its row"
    for card in cards:
        assert card["titleLine"] == "none" and card["tagLine"] in (None, "none")
        if card["image"]:  # dimmed on a dark page only, where a light picture would glare
            assert card["dimmed"] == (theme in DARK), card
        if card["image"]:  # the image fills the card's top, no frame or gap
            assert abs(card["image"]["width"] - (card["box"]["width"] - 2)) <= 1, card
            assert abs(card["image"]["top"] - card["box"]["top"] - 1) <= 1, card


@pytest.mark.parametrize("theme", THEMES)
def test_three_cards_are_never_two_and_one(sites: Sites, open_page: OpenPage, theme: str) -> None:
    for width in (1280, 900, 700, 375):
        page = open_page(sites[theme], "tags/craft/", width)
        tops = page.evaluate(
            """() => [...document.querySelectorAll('.interview-card')].map(
                (card) => Math.round(card.getBoundingClientRect().top))"""
        )
        rows: dict[int, int] = defaultdict(int)
        for top in tops:
            rows[top] += 1
        counts = sorted(rows.values(), reverse=True)
        assert counts[0] == 1 or counts[-1] > 1, f"{width} px: rows of {counts}"


@pytest.mark.parametrize("theme", THEMES)
def test_tag_pages_say_what_they_hold_and_lead_back(
    sites: Sites, open_page: OpenPage, theme: str
) -> None:
    page = open_page(sites[theme], "tags/craft/")
    assert page.locator("h1").first.inner_text() == "Interviews tagged “craft”"
    summary = page.locator(".interview-tag-summary")
    count = page.locator(".interview-card").count()
    assert summary.inner_text().startswith(f"{count} interviews")
    summary.locator("a").click()
    page.wait_for_url("**/tags/")
    assert page.locator(".interview-tag-index").count() == 1
    page.screenshot(path=artifact("screenshots", theme, "tags/", "index.png"), full_page=True)
    counts = page.locator(".interview-tag-count").all_inner_texts()
    assert counts and all(text.endswith(("interview", "interviews")) for text in counts)


NAV_ACTIVE = {
    "material": ".md-sidebar--primary .md-nav__item--active > .md-nav__link",
    "slate": ".md-sidebar--primary .md-nav__item--active > .md-nav__link",
    "mkdocs": ".navbar .nav-link.active",
    "mkdocs-dark": ".navbar .nav-link.active",
    "readthedocs": ".wy-menu-vertical .current > a",
}


@pytest.mark.parametrize("theme", THEMES)
def test_the_navigation_leads_to_a_tag_page(sites: Sites, open_page: OpenPage, theme: str) -> None:
    page = open_page(sites[theme], "tags/craft/")
    active = page.locator(NAV_ACTIVE[theme]).all_inner_texts()
    assert any(text.strip() == "Tags" for text in active), active
