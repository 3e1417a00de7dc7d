"""Tags: what makes two spellings one tag, the slug that names its page, and which
interviews carry it.

A tag is its text in Unicode's compatibility form, case-folded, with runs of spaces, hyphens
and underscores between words read as one separator: `Zoë` written with a combined or a
separate diaeresis, `ZOË`, `machine learning` and `machine-learning` are each one tag, while
`C`, `C++` and `C#` are three. Its slug depends on that text alone: the words joined by
hyphens when they say it all, else those words and a short hash of the text (`c-plus-plus-…`),
so that no two tags share a page and no slug grows too long for a file system.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MAX_SLUG_BYTES = 80
"""Words kept before the hash of a long tag: file systems allow names of 255 bytes."""
_HASH_LENGTH = 8
_SEPARATORS = re.compile(r"[\s_\-]+")
_SYMBOLS = {"+": "plus", "#": "sharp", "&": "and", "@": "at", "%": "percent", "*": "star"}
RESERVED_SLUGS = frozenset(("index", "readme"))
"""Slugs MkDocs reads as a folder's own page (`index.md`, `README.md`)."""


@dataclass(frozen=True)
class Tag:
    """A tag as first written, and the slug that names its page."""

    name: str
    slug: str


@functools.lru_cache(maxsize=4096)
def tag_key(name: str) -> str:
    """What two spellings of one tag have in common (see the module's text)."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    # Case folding writes a capital dotted I (`İstanbul`) as `i` and a combining dot.
    return " ".join(text.replace("i\u0307", "i").split())


@functools.lru_cache(maxsize=4096)
def slug_of(name: str) -> str:
    """The slug of the tag `name`: lower case, words of any script joined by hyphens, and a
    hash when the words alone would not tell the tag apart; '' when the tag has no letter,
    digit or known symbol to name it by (`!!!`, an emoji)."""
    key = tag_key(name)
    words = slug_words(key)
    readable = "-".join(words)
    if not readable:
        return ""
    faithful = _SEPARATORS.sub("-", key) == readable and readable not in RESERVED_SLUGS
    if faithful and len(readable.encode("utf-8")) <= MAX_SLUG_BYTES + 1 + _HASH_LENGTH:
        return readable
    return hashed_slug(readable, key)


def hashed_slug(readable: str, key: str) -> str:
    """`readable` cut to the bytes a slug keeps, and the hash of `key` after it: a slug that
    stays apart from any other and fits a file name."""
    short = readable.encode("utf-8")[:MAX_SLUG_BYTES].decode("utf-8", "ignore").rstrip("-")
    return f"{short}-{slug_hash(key)}"


def slug_hash(key: str) -> str:
    """A short hash of `key`, which sets a slug apart from another of the same words."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def slug_words(key: str, symbols: Mapping[str, str] = _SYMBOLS) -> list[str]:
    """The runs of letters, digits and marks of any script in `key`, and its `symbols` by
    name; everything else separates them."""
    words: list[str] = []
    word = ""
    for char in key:
        kind = unicodedata.category(char)[0]
        if kind in "LN" or (kind == "M" and word):  # a mark counts when it marks a letter
            word += char
            continue
        if word:
            words.append(word)
            word = ""
        if char in symbols:
            words.append(symbols[char])
    if word:
        words.append(word)
    return words


class TagIndex:
    """Every tag of the site by slug; the first spelling met names the tag."""

    def __init__(self, hidden: Iterable[str] = ()) -> None:
        self.hidden = {slug_of(name) for name in hidden}
        self.tags: dict[str, Tag] = {}

    def add(self, names: Iterable[str]) -> list[Tag]:
        """Register `names` (a page's tags) and return their tags, hidden ones and those
        without a slug left out."""
        tags = []
        for name in names:
            slug = slug_of(name)
            if not slug or slug in self.hidden:
                continue
            shown = " ".join(unicodedata.normalize("NFC", name).split())
            tags.append(self.tags.setdefault(slug, Tag(shown, slug)))
        return list(dict.fromkeys(tags))

    def sorted(self) -> list[Tag]:
        return sorted(self.tags.values(), key=lambda tag: (tag.name.casefold(), tag.slug))


def unnamed(names: Iterable[str]) -> list[str]:
    """The tags among `names` that give no slug, and so get no page."""
    return [name for name in names if not slug_of(name)]


def tag_page_path(tags_page: str, tag: Tag) -> str:
    """The docs path of a tag's page, beside the tag index: `tags/index.md` → `tags/<slug>.md`
    and, with directory URLs, `tags/<slug>/`."""
    return posixpath.join(posixpath.dirname(tags_page), f"{tag.slug}.md")
