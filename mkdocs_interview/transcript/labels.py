"""Speaker labels: what opens a speaker's line, in each shape real transcripts use.

- a name: `**Name**: text`, `**Name:** text` or `Name Surname: text`;
- a question or an answer: `Q:` / `A:`, `**Q:**` / `**A:**`, `Q.` / `A.`;
- a question in bold: a paragraph that is wholly bold and starts with `Q:` or ends with `?`;
- a question as a heading: `## Q: …` or an `h2`/`h3` that ends with `?`.

Labels are read from the element tree after inline parsing, so nothing inside code is ever
read, and a label can sit in the middle of a paragraph when the author left out a blank line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

_NOISE = " \t\n\ufeff"
_COLONS = (":", "\uff1a")  # ASCII and full-width
_NAME_PUNCTUATION = frozenset(".'’-")
_MAX_NAME_LENGTH = 40
_MAX_NAME_WORDS = 4
_PLAIN_LABEL = re.compile(r"[ \t\ufeff]*([^\W\d_][^:\uff1a\n]{0,39}?)[ \t]*[:\uff1a](?:[ \t]+|$)")
_QA_LABEL = re.compile(r"[ \t\ufeff]*([QA])[:.\uff1a](?:[ \t]+|$)")
_QUESTION_PREFIX = re.compile(r"[ \t]*Q[:.\uff1a][ \t]*")
_HEADINGS_THAT_ASK = frozenset(("h2", "h3"))


class Shape(Enum):
    """How a label is written, which decides what it may mean."""

    NAME = "name"
    QUESTION = "question"
    ANSWER = "answer"
    BOLD_QUESTION = "bold question"
    HEADING_QUESTION = "heading question"


@dataclass(frozen=True)
class Label:
    """A label at the start of `block`; `strong` carries it when it is in bold."""

    name: str
    shape: Shape
    block: etree.Element
    strong: etree.Element | None = None
    colon_inside: bool = False
    length: int = 0
    """How many characters of `block.text` a plain label takes."""
    prefixed: bool = False
    """A question in bold written with its `Q:`: it opens a question of its own."""

    def remove(self) -> bool:
        """Take the label out of its block; return False if nothing else is left in it."""
        block = self.block
        if self.shape is Shape.HEADING_QUESTION:
            return True  # a heading keeps its text, so its id and anchor stay the same
        if self.shape is Shape.BOLD_QUESTION:
            strong = block[0]
            strong.text = _QUESTION_PREFIX.sub("", strong.text or "", count=1)
            return True
        if self.strong is None:
            block.text = (block.text or "")[self.length :]
        else:
            rest = self.strong.tail or ""
            if not self.colon_inside:
                rest = rest.lstrip()[1:]
            block.remove(self.strong)
            block.text = (block.text or "").strip(_NOISE) + rest.lstrip()
        return bool((block.text or "").strip()) or len(block) > 0


@dataclass(frozen=True)
class Position:
    """Where a line starts inside a block: in its text (`child` -1) or a child's tail."""

    child: int
    offset: int

    @property
    def is_start(self) -> bool:
        return self.child == -1 and self.offset == 0


def block_label(block: etree.Element) -> Label | None:
    """The label that opens a top-level block, if any."""
    if block.tag == "p":
        return bold_question(block) or label_at(block, Position(-1, 0))
    if block.tag in _HEADINGS_THAT_ASK:
        text = "".join(block.itertext()).strip()
        if _QUESTION_PREFIX.match(text) or text.endswith("?"):
            return Label("Q", Shape.HEADING_QUESTION, block)
    return None


def is_wholly_bold(block: etree.Element) -> bool:
    """A paragraph that is a single `<strong>` and nothing else."""
    return (
        block.tag == "p"
        and len(block) == 1
        and block[0].tag == "strong"
        and not (block.text or "").strip(_NOISE)
        and not (block[0].tail or "").strip()
    )


def bold_question(block: etree.Element) -> Label | None:
    """A paragraph that is wholly bold and asks: `**Q: …**`, or `**…?**`."""
    if not is_wholly_bold(block):
        return None
    strong = block[0]
    text = "".join(strong.itertext()).strip()
    prefixed = bool(_QUESTION_PREFIX.match(strong.text or ""))
    if prefixed or (text.endswith("?") and len(text) > 1):
        return Label("Q", Shape.BOLD_QUESTION, block, prefixed=prefixed)
    return None


def label_at(block: etree.Element, position: Position) -> Label | None:
    """The name, question or answer label that starts the line at `position`, if any."""
    text = (block.text if position.child == -1 else block[position.child].tail) or ""
    rest = text[position.offset :]
    following = block[position.child + 1] if position.child + 1 < len(block) else None
    if not rest.strip(_NOISE) and following is not None and following.tag == "strong":
        return _bold_label(block, following)
    if match := _QA_LABEL.match(rest):
        letter = match.group(1)
        return Label(letter, _qa_shape(letter), block, length=match.end())
    match = _PLAIN_LABEL.match(rest)
    if match and looks_like_name(match.group(1)) and is_capitalised(match.group(1)):
        return Label(match.group(1), Shape.NAME, block, length=match.end())
    return None


def line_starts(block: etree.Element, *, first: bool = True) -> Iterator[Position]:
    """Every place a source line starts in `block`'s own text and its children's tails."""
    if first:
        yield Position(-1, 0)
    strings = [block.text, *(child.tail for child in block)]
    for child, text in enumerate(strings, start=-1):
        if not text:
            continue
        offset = text.find("\n")
        while offset != -1:
            yield Position(child, offset + 1)
            offset = text.find("\n", offset + 1)


def split(block: etree.Element, position: Position) -> etree.Element:
    """Cut `block` where a line starts: what follows moves to a new paragraph, returned."""
    rest = etree.Element("p")
    if position.child == -1:
        text = block.text or ""
        block.text, rest.text = text[: position.offset].rstrip(), text[position.offset :]
        moved = list(block)
    else:
        child = block[position.child]
        tail = child.tail or ""
        child.tail, rest.text = tail[: position.offset].rstrip(), tail[position.offset :]
        moved = list(block)[position.child + 1 :]
    for element in moved:
        block.remove(element)
        rest.append(element)
    rest.tail = "\n"
    return rest


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


def _bold_label(block: etree.Element, strong: etree.Element) -> Label | None:
    if len(strong) or not strong.text:
        return None
    text = strong.text.strip()
    tail = (strong.tail or "").lstrip()
    if text.endswith(_COLONS):
        name, colon_inside = text[:-1].rstrip(), True
    elif tail.startswith(_COLONS):
        name, colon_inside = text, False
    elif text in ("Q.", "A."):
        name, colon_inside = text[0], True
    else:
        return None
    if name in ("Q", "A"):
        return Label(name, _qa_shape(name), block, strong, colon_inside)
    if looks_like_name(name):
        return Label(name, Shape.NAME, block, strong, colon_inside)
    return None


def _qa_shape(letter: str) -> Shape:
    return Shape.QUESTION if letter == "Q" else Shape.ANSWER
