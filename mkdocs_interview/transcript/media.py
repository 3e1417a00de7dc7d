"""A page's `media`, the recording its timestamps point into: an audio or video file, or a
video on YouTube or Vimeo, and the URL of a moment in it (`moment_url`, the one function that
links a moment; every timestamp the engine writes goes through it)."""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from .urls import safe_url

MediaKind = Literal["audio", "video", "youtube", "vimeo", "page"]
"""A file (`audio`, `video`), a provider's video (`youtube`, `vimeo`), or a page of a
provider that names no video (a channel, a playlist), which no player plays."""

VIDEO_SUFFIXES = frozenset((".mp4", ".m4v", ".webm", ".ogv", ".mov", ".mkv"))
"""Files played in a `<video>`; every other file is played in an `<audio>`."""
_YOUTUBE_HOSTS = frozenset(
    "youtube.com www.youtube.com m.youtube.com music.youtube.com youtube-nocookie.com "
    "www.youtube-nocookie.com".split()
)
_YOUTUBE_PATHS = re.compile(r"/(?:embed|live|shorts|v)/([A-Za-z0-9_-]{11})/?")
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_HOSTS = frozenset(("vimeo.com", "www.vimeo.com", "player.vimeo.com"))
_VIMEO_PATH = re.compile(r"/(?:.+/)?([0-9]{1,12})(?:/([0-9a-f]{6,20}))?/?")
_VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")


@dataclass(frozen=True)
class Media:
    """A page's recording, read from its `media` URL."""

    url: str
    """The URL as written (checked, without spaces around it): a file's own URL or path."""
    kind: MediaKind
    video: str = ""
    """The provider's id of the video (YouTube, Vimeo)."""
    secret: str = ""
    """The hash of an unlisted Vimeo video, without which it does not play."""

    @property
    def provider(self) -> str | None:
        """`YouTube` or `Vimeo`, for a video played by its provider; None for a file."""
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.kind)

    @property
    def page(self) -> str:
        """Where the recording is played without this site: the file, or the provider's page
        of the video."""
        if self.kind == "youtube":
            return f"https://www.youtube.com/watch?v={self.video}"
        if self.kind == "vimeo":
            return f"https://vimeo.com/{self.video}" + (f"/{self.secret}" if self.secret else "")
        return self.url

    def moment(self, seconds: float) -> str:
        """The URL of the moment `seconds` into the recording (whole seconds): a media
        fragment (`#t=262`) for a file, `&t=262s` on YouTube, `#t=262s` on Vimeo; a page
        that names no video, as it is."""
        at = max(int(seconds), 0)
        if self.kind == "youtube":
            return f"{self.page}&t={at}s"
        if self.kind == "vimeo":
            return f"{self.page}#t={at}s"
        if self.kind == "page":
            return self.url
        return f"{self.url.partition('#')[0]}#t={at}"

    @property
    def embed(self) -> str | None:
        """The provider's own player of the video, to load when the reader asks for it;
        None for a file, which plays in the page's `<audio>` or `<video>`."""
        if self.kind == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video}?autoplay=1"
        if self.kind == "vimeo":
            secret = f"&h={self.secret}" if self.secret else ""
            return f"https://player.vimeo.com/video/{self.video}?autoplay=1{secret}"
        return None


def read_media(url: object) -> Media | None:
    """The recording at `url`, or None when it is no safe URL. A YouTube or Vimeo address
    (a page, a short link, an embed) is that provider's video; any other URL or path, a file."""
    return _read(url) if isinstance(url, str) else None


@functools.lru_cache(maxsize=64)  # every timestamp of a page asks for its page's media
def _read(url: str) -> Media | None:
    checked = safe_url(url)
    if checked is None:
        return None
    parts = urlsplit(checked)
    host = (parts.hostname or "").lower() if parts.scheme in ("http", "https", "") else ""
    if host in _YOUTUBE_HOSTS or host == "youtu.be":
        video = _youtube_id(host, parts.path, parts.query)
        return Media(checked, "youtube", video) if video else Media(checked, "page")
    if host in _VIMEO_HOSTS:
        if not (found := _VIMEO_PATH.fullmatch(parts.path)):
            return Media(checked, "page")
        secret = found.group(2) or parse_qs(parts.query).get("h", [""])[0]
        return Media(
            checked, "vimeo", found.group(1), secret if _VIMEO_HASH.fullmatch(secret) else ""
        )
    suffix = posixpath.splitext(parts.path)[1].lower()
    return Media(checked, "video" if suffix in VIDEO_SUFFIXES else "audio")


def moment_url(media: object, seconds: float) -> str | None:
    """The URL of the moment `seconds` into the recording at `media`; None when `media` is no
    safe URL."""
    found = read_media(media)
    return found.moment(seconds) if found is not None else None


def _youtube_id(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be":
        video = path.strip("/")
    elif path.rstrip("/") == "/watch":
        video = parse_qs(query).get("v", [""])[0]
    else:
        found = _YOUTUBE_PATHS.fullmatch(path)
        video = found.group(1) if found else ""
    return video if _YOUTUBE_ID.fullmatch(video) else None
