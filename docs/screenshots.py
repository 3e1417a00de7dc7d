"""Screenshots of the example site for the README and the docs, in `docs/images/`.

    python docs/screenshots.py [folder]

Builds the example site on each theme and scheme the browser tests look at, opens its pages in
Debian's Chromium (headless, through Playwright) and writes one PNG per shot named in `SHOTS`.
Run it by hand after a change to the stylesheet or the templates; the browser tests run it
into a temporary folder.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.browser.conftest import CHROMIUM_ARGS, NOT_LOCAL  # noqa: E402
from tests.browser.support import Sites  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

IMAGES = REPO / "docs" / "images"


@dataclass(frozen=True)
class Shot:
    """One screenshot: a page of a look at a width, cut to what `around` selects."""

    name: str
    look: str
    path: str
    width: int
    around: tuple[str, ...] = ("#turn-1", "#turn-5")
    """The first and last element the picture holds, with a margin."""


RADIO = "interviews/radio-transcript/"
SHOTS = (
    Shot("look-light.png", "material", RADIO, 1280),
    Shot("look-dark.png", "slate", RADIO, 1280),
    Shot("look-phone-light.png", "material", RADIO, 375, ("#turn-1", "#turn-3")),
    Shot("look-phone-dark.png", "slate", RADIO, 375, ("#turn-1", "#turn-3")),
    Shot("theme-mkdocs.png", "mkdocs", RADIO, 1280),
    Shot("theme-mkdocs-dark.png", "mkdocs-dark", RADIO, 1280),
    Shot("theme-readthedocs.png", "readthedocs", RADIO, 1280),
    Shot(
        "cards.png",
        "material",
        "interviews/",
        1280,
        (".interview-card >> nth=0", ".interview-card >> nth=5"),
    ),
    Shot(
        "default-chat.png", "material", "interviews/radio-transcript/", 720, ("#turn-1", "#turn-4")
    ),
    Shot(
        "player.png", "material", "interviews/sound-check/", 1280, (".interview-player", "#turn-4")
    ),
    Shot("person.png", "material", "people/maren-holt/", 1280, ("h1", ".interview-card >> nth=0")),
    Shot("customised-chat.png", "customised", RADIO, 720, ("#turn-1", "#turn-4")),
)
MARGIN = 12


def shoot(
    folder: Path,
    shots: tuple[Shot, ...] = SHOTS,
    sites: Sites | None = None,
    browser: Browser | None = None,
) -> list[Path]:
    """Write each shot into `folder`, from the example site's variants in `sites` seen in
    `browser` (both made here when not given); return the files written."""
    if browser is None or sites is None:
        from playwright.sync_api import sync_playwright

        chromium = shutil.which("chromium")
        if chromium is None:
            raise SystemExit("needs Debian's chromium on PATH: apt-get install chromium")
        built = Sites(Path(tempfile.mkdtemp(prefix="screenshots-")))
        try:
            with sync_playwright() as playwright:
                launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                return shoot(folder, shots, built, launched)
        finally:
            built.close()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for shot in shots:
        context = browser.new_context(viewport={"width": shot.width, "height": 900})
        context.route(NOT_LOCAL, lambda route: route.abort())  # no fonts or scripts from the web
        page = context.new_page()
        page.goto(sites[shot.look].page(shot.path))
        boxes = [page.locator(selector).bounding_box() for selector in shot.around]
        first, last = boxes[0], boxes[-1]
        assert first and last, f"{shot.name}: {shot.around} not on {shot.path}"
        chat = page.locator(".interview, .interview-cards, .interview-people").last.bounding_box()
        assert chat is not None
        left = max(chat["x"] - MARGIN, 0)
        right = min(chat["x"] + chat["width"] + MARGIN, shot.width)
        top = max(first["y"] - MARGIN, 0)
        bottom = last["y"] + last["height"] + MARGIN
        target = folder / shot.name
        page.screenshot(
            path=str(target),
            full_page=True,
            clip={"x": left, "y": top, "width": right - left, "height": bottom - top},
        )
        written.append(target)
        context.close()
    return written


if __name__ == "__main__":
    for path in shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGES):
        print(path)
