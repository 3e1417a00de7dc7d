"""The docs' screenshots come from a script: it runs, and writes every picture the docs show."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .support import REPO, Sites

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def test_the_screenshot_script_writes_every_picture_shown(
    sites: Sites, browser: Browser, tmp_path: Path
) -> None:
    from docs.screenshots import IMAGES, SHOTS, shoot

    written = shoot(tmp_path, SHOTS, sites, browser)
    assert [path.name for path in written] == [shot.name for shot in SHOTS]
    for shot, path in zip(SHOTS, written, strict=True):
        width, height = struct.unpack(">II", path.read_bytes()[16:24])
        assert 0.5 * shot.width <= width <= shot.width and 150 <= height <= 2000, (path, width)
        assert (IMAGES / shot.name).is_file(), f"{shot.name}: run python docs/screenshots.py"
    shown = set()
    for page in [REPO / "README.md", *(REPO / "docs" / "pages").glob("*.md")]:
        shown |= set(re.findall(r"images/([\w-]+\.png)", page.read_text(encoding="utf-8")))
    made = {shot.name for shot in SHOTS}
    assert {
        "look-light.png",
        "look-dark.png",
        "look-phone-light.png",
        "look-phone-dark.png",
    } <= shown
    assert shown - made <= {"customised-cards.png"}, "a picture no script makes"
