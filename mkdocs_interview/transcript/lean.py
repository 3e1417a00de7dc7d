"""A chat page's HTML as a search indexer should read it: without the chat's wrappers."""

from __future__ import annotations

import re

_WRAPPER = re.compile(r'<div class="interview(?:-turn)?"[^>]*>')
_AVATAR = re.compile(r'<img class="interview-avatar"[^>]*>')
_NAME = re.compile(r'<p class="interview-speaker">')
_DIV = re.compile(r"<div\b|</div\s*>")


def without_chat(html: str, *, name_paragraphs: bool = True) -> str:
    """`html` without the `<div>` of each chat region and turn and without the avatars: the
    page's own blocks at the top level, the speakers' names kept as text; in their paragraphs,
    or with `name_paragraphs` false (for an indexer of text alone, which needs no more than the
    `</p>` that keeps a name apart from what follows) without their start tags.
    Unchanged when the `<div>`s it would take out do not close where they should."""
    first = _WRAPPER.search(html)
    if first is None:
        return html
    cuts: list[tuple[int, int]] = []
    ours: list[bool] = []  # for each open `<div>`, whether it is a chat wrapper
    for tag in _DIV.finditer(html, first.start()):
        if tag.group().startswith("</"):
            if not ours:
                return html
            if ours.pop():
                cuts.append(tag.span())
        elif (wrapper := _WRAPPER.match(html, tag.start())) is not None:
            ours.append(True)
            cuts.append(wrapper.span())
        else:
            ours.append(False)
    if ours:
        return html
    cuts.extend(avatar.span() for avatar in _AVATAR.finditer(html, first.start()))
    if not name_paragraphs:
        cuts.extend(name.span() for name in _NAME.finditer(html, first.start()))
    cuts.sort()
    kept, start = [], 0
    for cut_start, cut_end in cuts:
        kept.append(html[start:cut_start])
        start = cut_end
    kept.append(html[start:])
    return "".join(kept)
