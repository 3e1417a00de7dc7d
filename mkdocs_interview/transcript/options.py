"""Read how a page wants to be treated from its front matter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import Mode, PageOptions

INTERVIEW_MARKER = "interview"


def page_options(meta: Mapping[str, Any], detection: str = "auto") -> tuple[PageOptions, list[str]]:
    """Return the page's options and the problems found in its front matter.

    `detection` is the site's setting: `auto` (front matter, else the content decides),
    `front-matter` (only pages whose front matter says so), `always` (every page unless its
    front matter says `interview: false`) or `off` (no page).
    """
    problems: list[str] = []
    speakers = _names(meta.get("speakers"), "speakers", problems)
    host = meta.get("host")
    if host is not None and not isinstance(host, str):
        problems.append(f"'host' must be a name, not {host!r}")
        host = None
    flag = meta.get("interview")
    if flag is not None and not isinstance(flag, bool):
        problems.append(f"'interview' must be true or false, not {flag!r}")
        flag = None

    mode: Mode
    if detection == "off" or flag is False:
        mode = "off"
    elif (
        flag
        or detection == "always"
        or speakers
        or _has_marker(meta.get("categories"))
        or _has_marker(meta.get("tags"))
    ):
        mode = "on"
    else:
        mode = "auto" if detection == "auto" else "off"
    return PageOptions(mode=mode, speakers=tuple(speakers), host=host), problems


def words(value: object) -> list[str]:
    """A front-matter list of words: a YAML list, or a Jekyll string separated by spaces."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item is not None]
    return []


def _has_marker(value: object) -> bool:
    return any(word.casefold() == INTERVIEW_MARKER for word in words(value))


def _names(value: object, key: str, problems: list[str]) -> list[str]:
    """Speaker names from a list of names or of mappings with a `name`."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"'{key}' must be a list of names")
        return []
    names = []
    for item in value:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
        else:
            problems.append(f"'{key}' has an entry without a name: {item!r}")
    return names
