"""Fixtures of the browser suite: one headless Chromium and the served site variants."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, NoReturn

import pytest

from .support import AXE, PROBES, OpenPage, Served, Sites

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")
"""Theme assets from the web (fonts, highlight.js) are refused: no network, no waiting."""


def _unavailable(reason: str) -> NoReturn:
    """Skip, except in CI, where a browser suite that never ran must not pass."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI installs it in .ci/run")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("browser tests need the Python package playwright: pip install -e '.[test]'")
    chromium = shutil.which("chromium")
    if chromium is None:
        _unavailable("browser tests need Debian's chromium on PATH: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    built = Sites(tmp_path_factory.mktemp("sites"))
    yield built
    built.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _unavailable("accessibility tests need axe-core: run `npm ci` in tests/browser")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """`open_page(served, path, width=1280, media=None)`: a loaded page in a fresh context."""
    contexts: list[BrowserContext] = []

    def open_(
        served: Served,
        path: str,
        width: int = 1280,
        media: Literal["screen", "print"] | None = None,
    ) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        context.route(NOT_LOCAL, lambda route: route.abort())
        context.add_init_script(script=PROBES)
        page = context.new_page()
        if media is not None:
            page.emulate_media(media=media)
        response = page.goto(served.page(path))
        assert response is not None and response.ok, f"{served.name} {path}: not served"
        return page

    yield open_
    for context in contexts:
        context.close()
