"""No JavaScript ships for the chat, the cards or the tag pages (no browser needed)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

import mkdocs_interview

from ..sites import Site
from .support import THEMES, Sites


def scripts(site: Site, page: str) -> tuple[list[str], list[str]]:
    """The scripts an output page loads, as paths in the site, and its inline scripts."""
    url = "/" + page
    soup = BeautifulSoup((site.site_dir / page).read_text(encoding="utf-8"), "html.parser")
    loaded = [urljoin(url, str(script["src"])) for script in soup("script", src=True)]
    inline = [script.get_text().strip() for script in soup("script", src=False)]
    return loaded, inline


@pytest.mark.parametrize("theme", THEMES)
def test_the_plugin_adds_no_script(sites: Sites, theme: str) -> None:
    with_plugin, without = sites[theme].site, sites[f"{theme}-without-plugin"].site
    pages = {name for name in with_plugin.output() if name.endswith(".html")}
    plain_pages = {name for name in without.output() if name.endswith(".html")}
    generated = pages - plain_pages
    assert "interviews/index.html" in generated and "tags/craft/index.html" in generated
    for page in pages & plain_pages:  # the interviews among them
        assert scripts(with_plugin, page) == scripts(without, page), page
    # a generated page has the scripts of any other page of the theme (its own data aside)
    src, inline = scripts(without, "notes/index.html")
    for page in generated:
        assert scripts(with_plugin, page)[0] == src, page
        assert len(scripts(with_plugin, page)[1]) == len(inline), page
    added = set(with_plugin.output()) - set(without.output())
    assert not [name for name in added if name.endswith((".js", ".mjs"))]


def test_the_package_has_no_javascript() -> None:
    package = Path(mkdocs_interview.__file__).parent
    assert not [path for path in package.rglob("*") if path.suffix in {".js", ".mjs"}]
