"""Read how a page wants to be treated from its front matter."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from .colours import HEX_COLOUR
from .model import DEFAULT_INTERVIEWEE, DEFAULT_INTERVIEWER, Mode, PageOptions, Side, Speaker

INTERVIEW_MARKER = "interview"
DETECTION_MODES = ("auto", "front-matter", "always", "off")
SAFE_SCHEMES = frozenset(("", "http", "https", "mailto"))
SPEAKER_KEYS = frozenset(("name", "aliases", "role", "avatar", "url", "side", "colour", "color"))


def page_options(
    meta: Mapping[str, Any],
    detection: str = "auto",
    *,
    registry: Sequence[Speaker] = (),
    interviewer: str = DEFAULT_INTERVIEWER,
    interviewee: str = DEFAULT_INTERVIEWEE,
    keep_liquid: bool = False,
) -> tuple[PageOptions, list[str]]:
    """Return the page's options and the problems found in its front matter.

    `detection` is the site's setting: `auto` (front matter, else the content decides),
    `front-matter` (only pages whose front matter says so), `always` (every page unless its
    front matter says `interview: false`) or `off` (no page). The other arguments are the
    site's defaults.
    """
    problems: list[str] = []
    speakers, problems = speakers_from(meta.get("speakers"), "speakers")
    host = _text(meta, "host", problems)
    media = _text(meta, "media", problems)
    if media and not is_safe_url(media):
        problems.append(f"'media' has an unsafe URL, ignored: {media!r}")
        media = None
    flag = meta.get("interview")
    if flag is not None and not isinstance(flag, bool):
        problems.append(f"'interview' must be true or false, not {flag!r}")
        flag = None

    mode: Mode
    if detection == "off" or flag is False:
        mode = "off"
    elif flag or detection == "always" or speakers or _has_marker(meta):
        mode = "on"
    else:
        mode = "auto" if detection == "auto" else "off"
    options = PageOptions(
        mode=mode,
        speakers=tuple(speakers),
        registry=tuple(registry),
        host=host,
        interviewer=_text(meta, "interviewer", problems) or _nth(speakers, 0) or interviewer,
        interviewee=_text(meta, "interviewee", problems) or _nth(speakers, 1) or interviewee,
        media=media,
        keep_liquid=keep_liquid,
    )
    return options, problems


def speakers_from(value: object, key: str) -> tuple[list[Speaker], list[str]]:
    """Speakers from a list of names, or of mappings with `name` and optional `aliases`,
    `role`, `avatar`, `url`, `side` and `colour`; with the problems found."""
    problems: list[str] = []
    if value is None:
        return [], problems
    if not isinstance(value, list):
        return [], [f"'{key}' must be a list of names"]
    speakers = []
    for item in value:
        entry = {"name": item} if isinstance(item, str) else item
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(f"'{key}' has an entry without a name: {item!r}")
            continue
        if speaker := _speaker(entry, key, problems):
            speakers.append(speaker)
    return speakers, problems


def words(value: object) -> list[str]:
    """A front-matter list of words: a YAML list, or a Jekyll string separated by spaces."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item is not None]
    return []


def is_safe_url(url: str) -> bool:
    """Whether `url` is relative or uses a scheme that cannot run code; control characters,
    which browsers drop from a scheme (`java\tscript:`), make any URL unsafe."""
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return False
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def image_problem(value: object, field: str) -> str | None:
    """What is wrong with an image given as a URL or a path in the docs, or None."""
    if not isinstance(value, str) or not value.strip():
        return f"'{field}' must be a URL or a path in the docs, not {value!r}"
    if not is_safe_url(value):
        return f"'{field}' has an unsafe URL, ignored: {value!r}"
    parts = urlsplit(value.strip())
    path = posixpath.normpath(value.strip().replace("\\", "/").lstrip("/"))
    if not (parts.scheme or parts.netloc) and (path == ".." or path.startswith("../")):
        return f"'{field}' must be a URL or a path inside the docs, not {value!r}"
    return None


def _speaker(entry: Mapping[str, Any], key: str, problems: list[str]) -> Speaker | None:
    name = entry["name"].strip()
    if not name:
        problems.append(f"'{key}' has an entry without a name")
        return None
    where = f"'{key}' entry '{name}'"
    for unknown in sorted(set(entry) - SPEAKER_KEYS):
        problems.append(f"{where}: unknown key '{unknown}'")
    aliases = tuple(
        word for word in _aliases(entry.get("aliases"), where, problems) if word != name
    )
    side: Side | None = entry.get("side")
    if side not in (None, "host", "guest"):
        problems.append(f"{where}: 'side' must be host or guest, not {side!r}")
        side = None
    colour = entry.get("colour", entry.get("color"))
    if colour is not None and not (isinstance(colour, str) and HEX_COLOUR.fullmatch(colour)):
        problems.append(f"{where}: 'colour' must be a hex colour such as '#2458b8'")
        colour = None
    url = entry.get("url")
    if url is not None and not (isinstance(url, str) and is_safe_url(url)):
        problems.append(f"{where}: 'url' has an unsafe URL, ignored: {url!r}")
        url = None
    avatar = entry.get("avatar")
    if avatar is not None and (problem := image_problem(avatar, "avatar")):
        problems.append(f"{where}: {problem}")
        avatar = None
    role = entry.get("role")
    if role is not None and not isinstance(role, str | int | float):
        problems.append(f"{where}: 'role' must be a text, not {role!r}")
        role = None
    return Speaker(
        name=name,
        aliases=aliases,
        role=str(role) if role is not None else None,
        avatar=avatar,
        url=url,
        side=side,
        colour=colour,
    )


def _aliases(value: object, where: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str | int) for item in items):
        problems.append(f"{where}: 'aliases' must be a name or a list of names, not {value!r}")
        return []
    return [str(item).strip() for item in items if str(item).strip()]


def _text(meta: Mapping[str, Any], key: str, problems: list[str]) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"'{key}' must be a text, not {value!r}")
        return None
    return value.strip()


def _nth(speakers: Sequence[Speaker], index: int) -> str | None:
    return speakers[index].name if len(speakers) > index else None


def _has_marker(meta: Mapping[str, Any]) -> bool:
    return any(
        word.casefold() == INTERVIEW_MARKER
        for key in ("categories", "tags")
        for word in words(meta.get(key))
    )
