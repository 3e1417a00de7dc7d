"""No JavaScript ships for the chat, the cards or the tag pages: the one script the plugin
ships, `interview/player.js`, is on the pages that show a player alone (no browser needed)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

import mkdocs_interview

from ..sites import Site
from .support import THEMES, Sites

SCRIPT = "interview/player.js"
PLAYER = 'class="interview-player"'


def scripts(site: Site, page: str) -> tuple[list[str], list[str]]:
    """The scripts an output page loads, as paths in the site, and its inline scripts."""
    url = "/" + page
    soup = BeautifulSoup((site.site_dir / page).read_text(encoding="utf-8"), "html.parser")
    loaded = [urljoin(url, str(script["src"])) for script in soup("script", src=True)]
    inline = [script.get_text().strip() for script in soup("script", src=False)]
    return loaded, inline


def scripts_but_the_player(site: Site, page: str) -> tuple[list[str], list[str], bool]:
    """`scripts` without `interview/player.js`, and whether the page shows a player: then it
    loads the script once, and else not at all."""
    loaded, inline = scripts(site, page)
    player = (site.site_dir / page).read_text(encoding="utf-8").count(PLAYER) == 1
    assert loaded.count("/" + SCRIPT) == player, page
    return [src for src in loaded if src != "/" + SCRIPT], inline, player


@pytest.mark.parametrize("theme", THEMES)
def test_the_plugin_adds_no_script(sites: Sites, theme: str) -> None:
    with_plugin, without = sites[theme].site, sites[f"{theme}-without-plugin"].site
    pages = {name for name in with_plugin.output() if name.endswith(".html")}
    plain_pages = {name for name in without.output() if name.endswith(".html")}
    generated = pages - plain_pages
    assert "interviews/index.html" in generated and "tags/craft/index.html" in generated
    players = []
    for page in pages & plain_pages:  # the interviews among them
        loaded, inline, player = scripts_but_the_player(with_plugin, page)
        assert (loaded, inline) == scripts(without, page), page
        players += [page] if player else []
    assert "interviews/sound-check/index.html" in players
    # a generated page has the scripts of any other page of the theme (its own data aside)
    src, inline = scripts(without, "notes/index.html")
    for page in generated:
        loaded, own_inline, _ = scripts_but_the_player(with_plugin, page)
        assert loaded == src, page
        assert len(own_inline) == len(inline), page
    added = set(with_plugin.output()) - set(without.output())
    assert [name for name in added if name.endswith((".js", ".mjs"))] == [SCRIPT]


def test_the_package_ships_one_small_script_that_loads_nothing() -> None:
    package = Path(mkdocs_interview.__file__).parent
    shipped = [path for path in package.rglob("*") if path.suffix in {".js", ".mjs"}]
    assert [path.relative_to(package / "templates").as_posix() for path in shipped] == [SCRIPT]
    script = shipped[0].read_bytes()
    assert len(script) < 6000
    for loads in (
        b"import ",
        b"import(",
        b"require(",
        b"fetch(",
        b"XMLHttpRequest",
        b"createElement(",
    ):
        assert loads not in script, loads
