"""Build real MkDocs sites in a temporary folder and read what they produced."""

from __future__ import annotations

import copy
import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

THEMES = ("mkdocs", "readthedocs", "material")
_WORD = re.compile(r"\w+")


@dataclass
class Site:
    """A site on disk: its config file, docs and, once built, its output and log."""

    root: Path
    logs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def config(self) -> MkDocsConfig:
        return load_config(str(self.root / "mkdocs.yml"))

    def build(self, config: MkDocsConfig | None = None) -> Site:
        """Build the site, keeping the WARNING and plugin INFO lines of its log."""
        with _captured_log() as records:
            build(config or self.config())
        self.logs = [
            (record.levelname, record.getMessage())
            for record in records
            if record.levelno >= logging.WARNING or record.name.startswith("mkdocs.plugins.")
        ]
        return self

    @property
    def warnings(self) -> list[str]:
        return [message for level, message in self.logs if level == "WARNING"]

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.page_path(page).read_text(encoding="utf-8"), "html.parser")

    def page_path(self, page: str) -> Path:
        """The output file of a source page such as `a/b.md` (with directory URLs)."""
        stem = page.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return self.site_dir / f"{stem}.html"
        return self.site_dir / stem / "index.html"

    def output(self) -> dict[str, bytes]:
        """Every file the build wrote, except the compressed sitemap (gzip stamps a time)."""
        return {
            str(path.relative_to(self.site_dir)): path.read_bytes()
            for path in sorted(self.site_dir.rglob("*"))
            if path.is_file() and path.suffix != ".gz"
        }


def make_site(
    root: Path,
    pages: Mapping[str, str | bytes],
    *,
    theme: str | dict[str, Any] = "mkdocs",
    plugins: list[Any] | None = None,
    **settings: Any,
) -> Site:
    """Write `mkdocs.yml` and the docs of a site under `root`."""
    docs = root / "docs"
    for name, content in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    config = {
        "site_name": "Test site",
        "site_url": "https://example.org/site/",
        "theme": theme,
        "plugins": ["interview"] if plugins is None else plugins,
        **settings,
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return Site(root)


def content_of(soup: BeautifulSoup) -> BeautifulSoup:
    """The page's own content, without the theme's navigation around it."""
    found = soup.select_one("article.md-content__inner, div[role=main]")
    assert found is not None, "no content element in the page"
    return found


def turn_body(turn: Tag) -> Tag:
    """A copy of a turn without its head (photo and name): the blocks the speaker said."""
    body = copy.copy(turn)
    for head in body.select(":scope > .interview-avatar, :scope > .interview-speaker"):
        head.decompose()
    return body


def words(soup: BeautifulSoup) -> Counter[str]:
    return Counter(_WORD.findall(soup.get_text(" ")))


@contextmanager
def _captured_log() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    previous_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
