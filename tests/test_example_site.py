"""The example site builds under --strict and shows every shape."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

EXAMPLE_SITE = Path(__file__).parent.parent / "example-site"


def test_example_site_builds_strictly(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(str(EXAMPLE_SITE / "mkdocs.yml"), site_dir=str(tmp_path), strict=True)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(config)
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
    pages = [
        BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in tmp_path.rglob("*.html")
    ]
    turns = [turn for page in pages for turn in page.select(".interview-turn")]
    assert len(turns) > 40
    assert {turn["data-side"] for turn in turns} == {"host", "guest"}
    notes = BeautifulSoup(
        (tmp_path / "notes" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert not notes.select(".interview") and notes.find("strong", string="Note")
    # a card's excerpt is what was said, not the timestamp that opens it (a caption file's)
    index = BeautifulSoup(
        (tmp_path / "interviews" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    excerpts = {
        card.select_one(".interview-card-title").get_text(): card.select_one(
            ".interview-card-excerpt"
        ).get_text()
        for card in index.select(".interview-card")
    }
    assert excerpts["The Workshop, episode 3: the organ builder"].startswith("Thanks, Tom.")
    assert not [text for text in excerpts.values() if re.match(r"\(?\d+:\d\d", text)]
