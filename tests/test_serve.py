"""`mkdocs serve` for real: saving a page rebuilds it with the plugin."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
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


def test_saving_a_page_rebuilds_it(tmp_path: Path) -> None:
    make_site(tmp_path, {"index.md": TRANSCRIPT, "other.md": "# Other\n"})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/site/"
        page = fetch(url, 'class="interview-turn"')
        assert page.count('class="interview-turn"') == 16
        edited = TRANSCRIPT.replace("**Kwame Asante**:", "**Kwame A. Asante**:", 1)
        (tmp_path / "docs" / "index.md").write_text(edited, encoding="utf-8")
        page = fetch(url, 'data-speaker="Kwame A. Asante"')
        assert page.count('class="interview-turn"') == 16
        assert fetch(url + "interview/interview.css", "--interview-")
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    log = errors.decode()
    assert "Traceback" not in log
    assert log.count("interview: 1 transcript, 16 turns") == 2, log
