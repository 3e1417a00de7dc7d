"""A look at a page's Markdown, before any tree work, that rules out a dialogue cheaply."""

from __future__ import annotations

import re
from collections.abc import Iterable

_COLON_WITHIN = 130
"""How far into a line a label's colon can be: after a time, bold and a name."""
# A line that may open with a speaker's label: a name of up to six words starting with a letter
# or digit, after a time in brackets, in bold or not, then a colon or a clock; or `Q.` / `A -`.
# Lists, tables, links and reference definitions open no label.
# `\w` matches no mark: the vowel signs of the scripts of India and South-East Asia, and
# accents written apart from their letters, are named here (whole blocks, for brevity).
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u0900-\u0dff\u0e00-\u0eff\u0f00-\u109f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\u3099\u309a\ufe20-\ufe2f"
)
_NAME_CHARS = rf"[\w{_MARKS}.,'\u2018\u2019\"\u201c\u201d&@#()\u00b7$*-]"
_LABEL = re.compile(
    r"[ \t>\ufeff]*+(?:\\?[\[(][^\])\n]{1,40}[\])][ \t]*+)?(?:\*\*|__)?+[ \t]*+"
    rf"(?P<name>[@#$]?\w{_NAME_CHARS}*+(?:[ \t]++{_NAME_CHARS}++){{0,5}}?)"
    r"[ \t*_]*(?:[:\uff1a]|[\u2013\u2014-]?[ \t]*[(\[]?\d{1,2}:\d)"
    r"|[ \t>*_]*+(?P<letter>[QA])(?:\.|[ \t]+[\u2013\u2014-])"
)
MIN_TURNS = 4
"""The turns a page that nothing marks as an interview needs to be a dialogue."""


def may_hold_dialogue(lines: Iterable[str]) -> bool:
    """False when fewer than `MIN_TURNS` of the page's lines outside fenced code could open
    with a speaker's label, or fewer than two of those labels recur: then the page is no
    dialogue by its content alone (two people who each speak more than once), and its tree
    need not be read."""
    labels = 0
    seen: set[str] = set()
    recurring: set[str] = set()
    fence = ""
    fenced: list[str] = []  # names inside a fence, which count if it never closes
    for line in lines:
        if line.lstrip(" \t").startswith(("```", "~~~")):
            marker = line.strip()
            if not fence:
                fence = marker[: len(marker) - len(marker.lstrip(marker[0]))]
                continue
            if marker.startswith(fence) and not marker.lstrip(fence[0]):
                fence, fenced = "", []
                continue
        if (
            line.find(":", 0, _COLON_WITHIN) == -1
            and line.find("\uff1a", 0, _COLON_WITHIN) == -1
            and line.lstrip(" \t>*_")[:1] not in ("Q", "A")
        ):
            continue  # most lines of prose
        if match := _LABEL.match(line):
            name = (match.group("name") or match.group("letter")).strip(" \t*_").casefold()
            if fence:
                fenced.append(name)
                continue
            labels += 1
            if name in seen:
                recurring.add(name)
                if len(recurring) >= 2 and labels >= MIN_TURNS:
                    return True  # enough: names outside fences only ever add up
            seen.add(name)
    for name in fenced:
        if name in seen:
            recurring.add(name)
        seen.add(name)
    return labels + len(fenced) >= MIN_TURNS and len(recurring) >= 2
