"""`mkdocs serve` for real: saving a page rebuilds it with the plugin."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from .conftest import FIXTURES
from .sites import make_site

TRANSCRIPT = (FIXTURES / "interviews" / "tags-list.md").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, until: str, seconds: float = 20) -> str:
    """Fetch `url` until the page contains `until`, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode("utf-8")
        except OSError:
            page = ""
        if until in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never contained {until!r}; last answer: {page[:300]!r}")


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """`mkdocs serve` on the site in `folder`: its URL, and a list that holds its log once it
    has stopped (which has no traceback)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    log: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/site/", log
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
        log.append(errors.decode())
    assert "Traceback" not in log[0]


def test_saving_a_page_rebuilds_it(tmp_path: Path) -> None:
    make_site(tmp_path, {"index.md": TRANSCRIPT, "other.md": "# Other\n"})
    with serving(tmp_path) as (url, log):
        page = fetch(url, 'class="interview-turn"')
        assert page.count('class="interview-turn"') == 16
        edited = TRANSCRIPT.replace("**Kwame Asante**:", "**Kwame A. Asante**:", 1)
        (tmp_path / "docs" / "index.md").write_text(edited, encoding="utf-8")
        page = fetch(url, 'data-speaker="Kwame A. Asante"')
        assert page.count('class="interview-turn"') == 16
        assert fetch(url + "interview/interview.css", "--interview-")
    assert log[0].count("interview: 1 transcript, 16 turns") == 2, log[0]
