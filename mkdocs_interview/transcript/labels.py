"""Speaker labels: the `**Name**:` or `**Name:**` that opens a paragraph."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

COLONS = (":", "\uff1a")  # ASCII and full-width colon
_LEADING_NOISE = " \t\n\ufeff"
_NAME_PUNCTUATION = frozenset(".'’-")
_MAX_NAME_LENGTH = 40
_MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class Label:
    """A label found at the start of a paragraph; `strong` is the element that carries it."""

    name: str
    paragraph: etree.Element
    strong: etree.Element
    colon_inside: bool

    def remove(self) -> bool:
        """Take the label out of its paragraph; return False if nothing else is left in it."""
        paragraph, strong = self.paragraph, self.strong
        rest = strong.tail or ""
        if not self.colon_inside:
            rest = rest.lstrip()[1:]
        paragraph.remove(strong)
        paragraph.text = (paragraph.text or "").strip(_LEADING_NOISE) + rest.lstrip()
        return bool(paragraph.text) or len(paragraph) > 0


def find_label(block: etree.Element) -> Label | None:
    """Return the speaker label that opens `block`, a top-level paragraph, if it has one."""
    if block.tag != "p" or len(block) == 0 or (block.text or "").strip(_LEADING_NOISE):
        return None
    strong = block[0]
    if strong.tag != "strong" or len(strong) or not strong.text:
        return None
    text = strong.text.strip()
    if text.endswith(COLONS):
        name, colon_inside = text[:-1].rstrip(), True
    elif (strong.tail or "").lstrip().startswith(COLONS):
        name, colon_inside = text, False
    else:
        return None
    if not looks_like_name(name):
        return None
    return Label(name, block, strong, colon_inside)


def looks_like_name(name: str) -> bool:
    """A short run of words made of letters (any script), with the dots of initials,
    apostrophes and hyphens; no digits, no sentence punctuation."""
    words = name.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or len(name) > _MAX_NAME_LENGTH:
        return False
    letters = 0
    for word in words:
        if not word[0].isalpha():
            return False
        for char in word:
            if char.isalpha():
                letters += 1
            elif char not in _NAME_PUNCTUATION:
                return False
    return letters >= 2


def is_capitalised(name: str) -> bool:
    """Every word starts with a capital or a letter of a script without case,
    except the particles of names such as "van", "de" or "bin"."""
    words = name.split()
    return not words[0][0].islower() and all(
        not word[0].islower() or word in NAME_PARTICLES for word in words[1:]
    )


def initials(name: str) -> str:
    """The avatar's letters: the first letters of the first and last words."""
    words = [word for word in name.split() if word not in NAME_PARTICLES]
    if not words:
        return ""
    first = words[0][0]
    if len(words) == 1 or (not first.isascii() and not first.isupper()):
        return first.upper()
    return (first + words[-1][0]).upper()


NAME_PARTICLES = frozenset(
    "al bin binti da dal de del della der di dos du el ibn la le van von y zu".split()
)
