"""Read how a page wants to be treated from its front matter."""

from __future__ import annotations

import datetime
import posixpath
import re
import reprlib
from collections.abc import Mapping, Sequence
from typing import Any

from .model import DEFAULT_INTERVIEWEE, DEFAULT_INTERVIEWER, Mode, PageOptions, Side, Speaker
from .urls import is_url, safe_url

INTERVIEW_MARKER = "interview"
DETECTION_MODES = ("auto", "front-matter", "always", "off")
SPEAKER_KEYS = frozenset(("name", "aliases", "role", "avatar", "url", "side", "colour", "color"))
# Controls end up in attributes and stashed HTML, where Python-Markdown's own markers (STX,
# ETX) would let a value pull the page's raw HTML into an attribute. YAML can write any of
# them as an escape ("\x02"); a name, title or tag never needs one.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 60


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
    site's defaults. A value of the wrong type is a problem and is ignored; nothing raises.
    """
    speakers, problems = speakers_from(meta.get("speakers"), "speakers")
    host = read_text(meta, "host", problems)
    media = safe_url(meta.get("media"))
    if media is None and meta.get("media") is not None:
        problems.append(f"'media' has an unsafe URL, ignored: {shown(meta['media'])}")
    flag = meta.get("interview")
    if flag is not None and not isinstance(flag, bool):
        problems.append(f"'interview' must be true or false, not {shown(flag)}")
        flag = None
    marked = any(
        word.casefold() == INTERVIEW_MARKER
        for key in ("categories", "tags")
        for word in read_words(meta, key, problems)
    )

    mode: Mode
    if detection == "off" or flag is False:
        mode = "off"
    elif flag or detection == "always" or len(speakers) > 1 or marked:
        mode = "on"
    elif speakers:
        mode = "auto"  # a talk names its speaker: whether it is a dialogue, its content says
    else:
        mode = "auto" if detection == "auto" else "off"
    options = PageOptions(
        mode=mode,
        speakers=tuple(speakers),
        registry=tuple(registry),
        host=host,
        # One declared speaker is the one who answers (a talk's questions come from the
        # audience); of two, the first asks and the second answers.
        interviewer=read_text(meta, "interviewer", problems)
        or (speakers[0].name if len(speakers) == 2 else None)
        or interviewer,
        interviewee=read_text(meta, "interviewee", problems)
        or (speakers[-1].name if len(speakers) in (1, 2) else None)
        or interviewee,
        media=media,
        keep_liquid=keep_liquid,
    )
    return options, problems


def speakers_from(value: object, key: str) -> tuple[list[Speaker], list[str]]:
    """Speakers from a list of names, or of mappings with `name` and optional `aliases`,
    `role`, `avatar`, `url`, `side` and `colour`; with the problems found. Any value may be
    given: what is not a speaker is a problem."""
    problems: list[str] = []
    if value is None:
        return [], problems
    if not isinstance(value, list):
        return [], [f"'{key}' must be a list of names, not {shown(value)}"]
    speakers = []
    for item in value:
        entry = item if isinstance(item, Mapping) else {"name": item}
        name = text_of(entry.get("name"))
        if not name:
            problems.append(f"'{key}' has an entry without a name: {shown(item)}")
            continue
        speakers.append(_speaker(name, entry, f"'{key}' entry '{name}'", problems))
    return speakers, problems


def text_of(value: object) -> str | None:
    """A value that reads as text: a string, number or date (`title: 2024`), trimmed, with
    control characters taken out; None for anything else, and for a blank text."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, int | float | datetime.date):
        text = str(value) if not isinstance(value, datetime.date) else value.isoformat()
    else:
        return None
    if len(text) > 100_000:
        return None  # no name, title or tag is this long; a number of 100,000 digits is none
    return " ".join(_CONTROLS.sub(" ", text).split()) or None


def read_text(meta: Mapping[str, Any], key: str, problems: list[str]) -> str | None:
    """`meta[key]` as a text (see `text_of`); a value of another type is a problem."""
    value = meta.get(key)
    if value is None:
        return None
    text = text_of(value)
    if text is None:
        problems.append(f"'{key}' must be a text, not {shown(value)}")
    return text


def words(value: object) -> list[str]:
    """A front-matter list of words: a YAML list, or a Jekyll string separated by spaces.
    Items that are not texts or numbers are left out."""
    if isinstance(value, str):
        return _CONTROLS.sub(" ", value).split()
    if isinstance(value, list | tuple):
        return [text for item in value if (text := text_of(item))]
    return []


def read_words(meta: Mapping[str, Any], key: str, problems: list[str]) -> list[str]:
    """`words(meta[key])`; a value or item that is no word is a problem."""
    value = meta.get(key)
    if value is None:
        return []
    found = words(value)
    if isinstance(value, list | tuple):
        bad = [item for item in value if text_of(item) is None]
        if bad:
            problems.append(f"'{key}' must list words, not {', '.join(map(shown, bad))}; left out")
    elif not isinstance(value, str):
        problems.append(f"'{key}' must be a list of words or a text, not {shown(value)}")
    return found


def image_problem(value: object, field: str) -> str | None:
    """What is wrong with an image given as a URL or a path in the docs, or None."""
    if not isinstance(value, str) or not value.strip():
        return f"'{field}' must be a URL or a path in the docs, not {shown(value)}"
    if safe_url(value) is None:
        return f"'{field}' has an unsafe URL, ignored: {shown(value)}"
    path = posixpath.normpath(value.strip().replace("\\", "/").lstrip("/"))
    if not is_url(value.strip()) and (path == ".." or path.startswith("../")):
        return f"'{field}' must be a URL or a path inside the docs, not {shown(value)}"
    return None


def shown(value: object) -> str:
    """A value as a message shows it: its `repr`, cut short."""
    return _SHOWN.repr(value)


def _speaker(name: str, entry: Mapping[Any, Any], where: str, problems: list[str]) -> Speaker:
    for unknown in sorted({str(key) for key in entry} - SPEAKER_KEYS):
        problems.append(f"{where}: unknown key '{unknown}'")
    aliases = tuple(
        word for word in _aliases(entry.get("aliases"), where, problems) if word != name
    )
    side: Side | None = None
    if (value := entry.get("side")) is not None:
        if value in ("host", "guest"):
            side = value
        else:
            problems.append(f"{where}: 'side' must be host or guest, not {shown(value)}")
    colour = entry.get("colour", entry.get("color"))
    if colour is not None and not (isinstance(colour, str) and _is_hex_colour(colour)):
        problems.append(f"{where}: 'colour' must be a hex colour such as '#2458b8'")
        colour = None
    url = entry.get("url")
    if url is not None and safe_url(url) is None:
        problems.append(f"{where}: 'url' has an unsafe URL, ignored: {shown(url)}")
    avatar = entry.get("avatar")
    if avatar is not None and (problem := image_problem(avatar, "avatar")):
        problems.append(f"{where}: {problem}")
        avatar = None
    role = entry.get("role")
    if role is not None and text_of(role) is None:
        problems.append(f"{where}: 'role' must be a text, not {shown(role)}")
    return Speaker(
        name=name,
        aliases=aliases,
        role=text_of(role),
        avatar=avatar.strip() if isinstance(avatar, str) else None,
        url=safe_url(url),
        side=side,
        colour=colour,
    )


def _is_hex_colour(text: str) -> bool:
    from .colours import HEX_COLOUR  # the avatars' colours: loaded when a speaker sets one

    return HEX_COLOUR.fullmatch(text) is not None


def _aliases(value: object, where: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(
        isinstance(item, str | int) and not isinstance(item, bool) for item in items
    ):
        problems.append(f"{where}: 'aliases' must be a name or a list of names, not {shown(value)}")
        return []
    return [alias for item in items if (alias := text_of(item))]
