"""Play from here: a click on a timestamp plays the page's recording from its moment, in the
page, and the turn being spoken is highlighted while it plays; measured in Chromium with a
recording generated here (a few seconds of tones, one at each turn)."""

from __future__ import annotations

import functools
import math
import threading
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ..sites import make_site
from .checks import contrast_problems
from .support import Served, Sites, _QuietHandler, _Server

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from .support import OpenPage

pytestmark = pytest.mark.browser

STARTS = (0, 2, 4, 6)
"""Where each turn of the episode starts, in seconds."""
EPISODE = (
    "---\ninterview: true\nmedia: audio/episode.wav\n---\n# An episode\n\nBefore the chat.\n\n"
    + "\n\n".join(
        f"**{('Ann Lee', 'Bo Chen')[number % 2]}**: [00:0{start}] Turn {number + 1}."
        for number, start in enumerate(STARTS)
    )
    + "\n"
)
YOUTUBE = EPISODE.replace("audio/episode.wav", "https://youtu.be/dQw4w9WgXcQ")

HIGHLIGHTED = """() => [...document.querySelectorAll(".interview-playing")].map(
  (element) => element.id + (element.getAttribute("aria-current") === "time" ? "" : " no aria")
)"""
FRAMES_DRAWN = """() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))
)"""
OUTLINE = """() => {
  const turn = getComputedStyle(document.querySelector(".interview-playing"));
  return {
    style: turn.outlineStyle,
    width: parseFloat(turn.outlineWidth),
    colour: interviewProbes.rgba(turn.outlineColor),
    page: interviewProbes.rgba(getComputedStyle(document.body).backgroundColor),
  };
}"""


def write_recording(path: Path, seconds: float = 8.0, rate: int = 8000) -> None:
    """A WAV file of `seconds`: a short tone at each of `STARTS`, silence between them."""
    samples = bytearray()
    for number in range(int(seconds * rate)):
        since = (number / rate) % 2
        level = 0.3 * math.sin(2 * math.pi * 440 * since) if since < 0.3 else 0.0
        samples.append(round(128 + 127 * level))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(1)
        recording.setframerate(rate)
        recording.writeframes(bytes(samples))


def serve(root: Path, name: str, **options: Any) -> Iterator[Served]:
    """The episode and its YouTube twin, built under `root` with the plugin's `options`."""
    pages = {"index.md": EPISODE, "youtube.md": YOUTUBE, "plain.md": "# Plain\n"}
    site = make_site(root, pages, plugins=[{"interview": options}])
    write_recording(site.root / "docs" / "audio" / "episode.wav")
    site.build()
    assert site.warnings == []
    server = _Server(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site.site_dir))
    )
    threading.Thread(target=server.serve_forever, name=f"serve {name}", daemon=True).start()
    yield Served(name, site, f"http://127.0.0.1:{server.server_address[1]}/", server)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def episode(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve(tmp_path_factory.mktemp("episode"), "episode")


@pytest.fixture(scope="module")
def without_script(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve(tmp_path_factory.mktemp("without-script"), "without-script", player=False)


def still(page: Page) -> Page:
    """`page` without smooth scrolling (Bootstrap's): a click on a link still gliding into view
    may land on the player above it."""
    page.emulate_media(reduced_motion="reduce")
    return page


def click_time(page: Page, turn: int) -> None:
    page.locator(f"#turn-{turn} a.interview-time").click()


def wait_until_playing_from(page: Page, seconds: float) -> None:
    page.wait_for_function(
        """seconds => {
          const audio = document.querySelector(".interview-player audio");
          return !audio.paused && audio.currentTime >= seconds && audio.currentTime < seconds + 1.5;
        }""",
        arg=seconds,
        timeout=5000,
    )


def highlight_problems(page: Page) -> list[str]:
    """The highlighted turn's text keeps its contrast, and its ring is seen on the page."""
    measured = page.evaluate("interviewProbes.contrast('.interview-playing')")
    problems = contrast_problems(measured)
    if not measured:
        problems.append("no text measured in the highlighted turn")
    outline = page.evaluate(OUTLINE)
    if outline["style"] in ("none", "hidden") or outline["width"] < 2:
        problems.append(f"the highlight is no ring: {outline}")
    elif contrast(outline["colour"], outline["page"]) < 3:
        problems.append(f"the ring hardly shows on the page: {outline}")
    return problems


def contrast(top: list[float], bottom: list[float]) -> float:
    def luminance(colour: list[float]) -> float:
        channels = [value / 255 for value in colour[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(top), luminance(bottom)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_a_timestamp_plays_the_recording_from_its_moment(
    episode: Served, open_page: OpenPage
) -> None:
    page = still(open_page(episode, ""))
    assert page.evaluate(HIGHLIGHTED) == []  # nothing is spoken before it plays
    click_time(page, 3)
    wait_until_playing_from(page, STARTS[2])
    assert page.url == episode.page(""), "the click left the page"
    page.wait_for_function("document.querySelector('#turn-3.interview-playing')", timeout=3000)
    assert page.evaluate(HIGHLIGHTED) == ["turn-3"]
    assert highlight_problems(page) == []


def test_the_highlight_follows_the_recording(episode: Served, open_page: OpenPage) -> None:
    page = still(open_page(episode, ""))
    click_time(page, 1)
    wait_until_playing_from(page, STARTS[0])
    page.wait_for_function("document.querySelector('#turn-1.interview-playing')", timeout=3000)
    # nobody touches the page: the recording moves on to the second turn by itself
    page.wait_for_function("document.querySelector('#turn-2.interview-playing')", timeout=5000)
    assert page.evaluate(HIGHLIGHTED) == ["turn-2"]
    seconds = page.evaluate("document.querySelector('.interview-player audio').currentTime")
    assert STARTS[1] - 0.3 <= seconds < STARTS[2]


def test_without_the_script_a_timestamp_links_to_its_moment(
    without_script: Served, open_page: OpenPage
) -> None:
    page = still(open_page(without_script, ""))
    assert page.locator("script[src$='player.js']").count() == 0
    assert page.locator(".interview-player audio[controls]").count() == 1
    click_time(page, 2)
    page.wait_for_url("**/audio/episode.wav#t=2")


def test_a_video_of_a_provider_loads_only_when_asked(episode: Served, open_page: OpenPage) -> None:
    def elsewhere(path: str) -> set[str]:
        """What a page asks of other hosts as it loads (the theme's own assets aside)."""
        requested: list[str] = []
        page = open_page(episode, path)
        page.context.on("request", lambda request: requested.append(request.url))
        page.reload()
        page.wait_for_load_state("networkidle")
        return {url for url in requested if not url.startswith(episode.url)}

    assert elsewhere("youtube/") == elsewhere("plain/")
    page = still(open_page(episode, "youtube/"))
    assert page.locator(".interview-player iframe").count() == 0
    link = page.locator(".interview-player-link")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert page.locator("#turn-2 a.interview-time").get_attribute("href") == (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=2s"
    )
    page.locator(".interview-player-load").click()  # the reader asks for the player
    frame = page.locator(".interview-player iframe")
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    assert page.locator(".interview-player-load").count() == 0
    # Chromium routes a click by where the frames were last drawn: the provider's frame, new
    # and above the link, may take one that comes before the page is drawn again
    page.locator("#turn-3 a.interview-time").scroll_into_view_if_needed()
    page.evaluate(FRAMES_DRAWN)
    click_time(page, 3)
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=4"
    )
    assert page.url == episode.page("youtube/")


def test_instant_navigation_to_an_episode_plays_from_here(
    sites: Sites, open_page: OpenPage
) -> None:
    """Material swaps the episode in without a load, and back again: the script set up once
    per page it shows, and a click still seeks the player on the page."""
    page = open_page(sites["instant"], "interviews/")
    page.wait_for_load_state("networkidle")  # Material follows links once it has the sitemap
    page.evaluate("window.sameDocument = true")
    for _ in range(2):
        page.locator(".interview-card-title a[href$='sound-check/']").click()
        page.wait_for_url("**/interviews/sound-check/")
        page.locator(".interview-player audio").wait_for()
        page.wait_for_function("document.querySelector('.interview-player[data-ready]')")
        assert page.evaluate("window.sameDocument === true"), "a full load: not instant"
        click_time(page, 2)
        wait_until_playing_from(page, 2)
        assert page.url.endswith("/interviews/sound-check/")
        page.wait_for_function("document.querySelector('#turn-2.interview-playing')")
        assert page.evaluate(HIGHLIGHTED) == ["turn-2"]
        page.evaluate("document.querySelector('.interview-player audio').pause()")
        page.go_back()
        page.wait_for_url("**/interviews/")
        page.locator(".interview-card-title").first.wait_for()
