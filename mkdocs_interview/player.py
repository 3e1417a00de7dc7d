"""The player above a transcript whose page has `media`, and the script that plays from a
timestamp (`interview/player.js`, the only script the plugin ships), on those pages alone."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from .transcript.media import Media, read_media
from .transcript.options import shown, text_of
from .urls import is_url, relative, safe_url, site_path

SCRIPT = "interview/player.js"
"""Where the theme dir puts the script in the site, and where `custom_dir` overrides it."""
_CHAT = '<div class="interview">'
_TIMESTAMP = 'class="interview-time"'


@dataclass(frozen=True)
class PlayerPage:
    """A page that shows a player: its recording, and the `media` its front matter names."""

    page: Page
    media: Media


def player_page(page: Page, media: str | None, html_text: str, turns: int) -> PlayerPage | None:
    """`page` as a page to show a player on, if it has `media` a player plays (a file, or a
    video of a provider) and a transcript: turns, or timestamps linked into the media."""
    if not media or not (turns or _TIMESTAMP in html_text):
        return None
    found = read_media(media)
    if found is None:
        return None
    return PlayerPage(page, found)


def player_fields(player: PlayerPage, files: Files) -> tuple[dict[str, str] | None, str | None]:
    """What `interview/player.html` shows of the page's media, with URLs as seen from the
    page, and what is wrong with it; None for no player."""
    media, page = player.media, player.page
    title = _title(page)
    if media.kind == "page":
        return None, f"'media' is a page of {_host(media.url)} that names no video: no player"
    if media.provider is not None:
        return {
            "kind": media.kind,
            "provider": media.provider,
            "page": safe_url(media.page) or "",
            "embed": safe_url(media.embed) or "",
            "title": title,
        }, None
    if is_url(media.url):
        return {"kind": media.kind, "src": media.url, "title": title}, None
    path = site_path(re.split("[?#]", media.url, maxsplit=1)[0], page, files)
    file = files.get_file_from_path(path) if path is not None else None
    src = relative(file.url, page) if file is not None else None
    if src is None:
        return None, f"'media' names no file in the docs: {shown(media.url)}; no player"
    return {"kind": media.kind, "src": src, "title": title}, None


def script_tag(page: Page) -> str:
    """The script's `<script>`, put in the page's content after the player: Material's instant
    navigation runs the scripts of the content it swaps in, and no other."""
    return f'<script src="{html.escape(normalize_url(SCRIPT, page))}" defer></script>'


def with_player(content: str, player: str) -> str:
    """`content` with `player` above its transcript: before its first chat, else before the
    first paragraph that opens with a timestamp, else at its start."""
    at = content.find(_CHAT)
    if at == -1 and (timestamp := content.find(_TIMESTAMP)) != -1:
        at = content.rfind("<p", 0, timestamp)
    at = max(at, 0)
    return content[:at] + player + "\n" + content[at:]


def _title(page: Page) -> str:
    """The page's title as text: MkDocs gives one read from the page's first heading as
    HTML (`&lt;3`), and one from its front matter as it is written."""
    title = text_of(page.title) or ""
    return title if "title" in page.meta else html.unescape(title)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url
