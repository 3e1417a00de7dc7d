"""Shared helpers: render Markdown through the engine, and build real sites."""

from __future__ import annotations

import os
from pathlib import Path

import frontmatter
import markdown
import pytest

from mkdocs_interview.transcript import InterviewExtension, Transcript, page_options
from mkdocs_interview.transcript import convert as convert_page

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = bool(os.environ.get("UPDATE_GOLDEN"))
"""Set `UPDATE_GOLDEN=1` to rewrite the golden files from the current output."""

BASE_EXTENSIONS = ["toc", "tables", "fenced_code", "footnotes", "attr_list", "md_in_html"]


def convert(source: str, *, plugin: bool = True) -> tuple[str, Transcript]:
    """Render a page as MkDocs would: front matter split off, then Python-Markdown."""
    post = frontmatter.loads(source)
    extensions: list[str | markdown.Extension] = [*BASE_EXTENSIONS]
    if not plugin:
        return markdown.Markdown(extensions=extensions).convert(post.content), Transcript()
    options, _ = page_options(post.metadata)
    md = markdown.Markdown(extensions=[*extensions, InterviewExtension()])
    return convert_page(md, post.content, options)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs a headless Chromium")
