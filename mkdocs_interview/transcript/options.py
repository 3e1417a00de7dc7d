"""Read how a page wants to be treated from its front matter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from .colours import HEX_COLOUR
from .model import DEFAULT_INTERVIEWEE, DEFAULT_INTERVIEWER, Mode, PageOptions, Side, Speaker

INTERVIEW_MARKER = "interview"
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
    """Whether `url` is relative or uses a scheme that cannot run code."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES and not any(char in url for char in "\n\r\t\0")


def _speaker(entry: Mapping[str, Any], key: str, problems: list[str]) -> Speaker | None:
    name = entry["name"].strip()
    if not name:
        problems.append(f"'{key}' has an entry without a name")
        return None
    where = f"'{key}' entry '{name}'"
    for unknown in sorted(set(entry) - SPEAKER_KEYS):
        problems.append(f"{where}: unknown key '{unknown}'")
    aliases = tuple(word for word in _aliases(entry.get("aliases")) if word != name)
    side: Side | None = entry.get("side")
    if side not in (None, "host", "guest"):
        problems.append(f"{where}: 'side' must be host or guest, not {side!r}")
        side = None
    colour = entry.get("colour", entry.get("color"))
    if colour is not None and not (isinstance(colour, str) and HEX_COLOUR.fullmatch(colour)):
        problems.append(f"{where}: 'colour' must be a hex colour such as '#2458b8'")
        colour = None
    urls = {}
    for field in ("avatar", "url"):
        url = entry.get(field)
        if url is not None and not (isinstance(url, str) and is_safe_url(url)):
            problems.append(f"{where}: '{field}' has an unsafe URL, ignored: {url!r}")
            url = None
        urls[field] = url
    role = entry.get("role")
    return Speaker(
        name=name,
        aliases=aliases,
        role=str(role) if role is not None else None,
        avatar=urls["avatar"],
        url=urls["url"],
        side=side,
        colour=colour,
    )


def _aliases(value: object) -> list[str]:
    if isinstance(value, str):
        return [value.strip()]
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return []


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
