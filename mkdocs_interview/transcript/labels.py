"""Speaker labels: what opens a speaker's line, in each shape real transcripts use.

- a name: `**Name**: text`, `**Name:** text` or `Name Surname: text`;
- a question or an answer: `Q:` / `A:`, `**Q:**` / `**A:**`, `Q.` / `A.`;
- a question in bold: a paragraph that is wholly bold and starts with `Q:` or ends with `?`;
- a question as a heading: `## Q: …` or an `h2`/`h3` that ends with `?`.

Labels are read from the element tree after inline parsing, so nothing inside code is ever
read, and a label can sit in the middle of a paragraph when the author left out a blank line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from .clocks import clock_pattern
from .markers import unescape

_NOISE = " \t\n\ufeff"
_COLONS = (":", "\uff1a")  # ASCII and full-width
_MAX_NAME_LENGTH = 60
_MAX_NAME_WORDS = 6
# A name is letters and digits in any script with the punctuation of initials, credentials
# and handles (`Dana K. Osei, PhD`, `rustacean42`, `Speaker 0`); sentence punctuation, markup
# and paths are never part of one.
_NAME = re.compile(r"[@#$]?\w[\w .,'\u2018\u2019\"\u201c\u201d&@#()\u00b7-]*", re.UNICODE)
_NOT_IN_NAMES = re.compile(r"\(\s*$|^\W+$|_{2,}")
_CLOCK = clock_pattern(2, ".,")  # as transcription tools write it beside a name
# A clock ending a label's line, after a colon or dash or none: ` (00:03:20):`, ` 00:03:20`.
_CLOCK_ENDING = (
    r"[ \t]*[:\uff1a\u2013\u2014-]?[ \t]*"
    rf"(?:\((?P<round>{_CLOCK})\)|\[(?P<square>{_CLOCK})\]|(?P<bare>{_CLOCK}))"
    r"[ \t]*[:\uff1a]?[ \t]*(?=\n|$)"
)
# `Dana Osei (00:03:20):`, `Dana Osei [00:03:20]:` and `Dana Osei 00:03:20:` as transcription
# tools write them; the clock is kept, the words follow on the next line.
_TIMED_LABEL = re.compile(
    rf"[ \t\ufeff]*(?P<name>[^\n:\uff1a]{{1,{_MAX_NAME_LENGTH}}}?){_CLOCK_ENDING}"
)
_CLOCK_LAST = "0123456789)]"
"""How a label that ends with a clock ends."""
# The clock after a name in bold that has no colon: `**Jonas Nick** 00:00:18`.
_CLOCK_AFTER = re.compile(_CLOCK_ENDING)
# A clock before a plain label: `[00:00:28] Lenny: text`.
_CLOCK_BEFORE = re.compile(rf"[ \t\ufeff]*[\[(]{_CLOCK}[\])][ \t]*")
_PLAIN_LABEL = re.compile(
    rf"[ \t\ufeff]*([^\s:\uff1a][^:\uff1a\n]{{0,{_MAX_NAME_LENGTH - 1}}}?)[ \t]*[:\uff1a]:?"
    r"(?:[ \t]+|(?=\n)|$)"
)
# What may follow a label on its line when it says nothing: a clock, bracketed or not.
_ONLY_A_CLOCK = re.compile(rf"\s*[\[(]?\s*{_CLOCK}\s*[\])]?\s*:?\s*")
# A time or a note a transcriber put before a label in bold: `[00:50:27] **Dana:**`.
_LEAD = re.compile(r"[ \t\ufeff]*[\[(][^\]\)\n]{1,40}[\])][ \t]*")
_URL_LINE = re.compile(r"[ \t]*<?https?://\S+?>?[ \t.]*")
_QA_LABEL = re.compile(r"[ \t\ufeff]*([QA])(?:[:.\uff1a]|[ \t]+[\u2013\u2014-])(?:[ \t]+|(?=\n)|$)")
_QUESTION_PREFIX = re.compile(r"[ \t]*Q[:.\uff1a][ \t]*")
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
BOUNDARIES = HEADINGS | {"hr"}
"""Blocks that end a chat region and anything said before them."""
HEADINGS_THAT_ASK = frozenset(("h2", "h3"))


class Shape(Enum):
    """How a label is written, which decides what it may mean."""

    __hash__ = object.__hash__  # a member is itself: hashed in C, not by its name in Python

    NAME = "name"
    QUESTION = "question"
    ANSWER = "answer"
    BOLD_QUESTION = "bold question"
    HEADING_QUESTION = "heading question"


class Form(Enum):
    """How a name label is written: a one-off label is a speaker only in the form of the
    page's recurring speakers."""

    __hash__ = object.__hash__

    BOLD = "bold"
    """`**Name:** text`, the colon inside the bold."""
    BOLD_COLON_AFTER = "bold, colon after"
    """`**Name**: text`."""
    PLAIN = "plain"
    """`Name: text`."""
    TIMED = "timed"
    """`Name (00:03:20):` on a line of its own, as transcription tools write it."""


@dataclass(slots=True)
class Label:
    """A label at the start of `block`; `strong` carries it when it is in bold."""

    name: str
    shape: Shape
    block: etree.Element
    strong: etree.Element | None = None
    colon_inside: bool = False
    length: int = 0
    """How many characters of `block.text` a plain label takes; of a label in bold, how many
    of the text after it (a colon and a clock), if not only its colon."""
    start: int = 0
    """Where in `block.text` a plain label's name starts, after a clock that stays."""
    prefixed: bool = False
    """A question in bold written with its `Q:`: it opens a question of its own."""
    continued: bool = False
    """A question in bold whose paragraph goes on after it, on the next line."""
    time: str | None = None
    """The clock a timed label carries (`00:03:20`), kept as the turn's opening timestamp."""
    opens_block: bool = True
    """Whether the label opens its paragraph, rather than a line inside it."""
    silent: bool = False
    """Whether nothing is said after the label but a time before the next label."""
    linking: bool = False
    """Whether the label's line holds nothing after it but a link (`Slides: https://…`)."""

    @property
    def form(self) -> Form:
        if self.time is not None:
            return Form.TIMED
        if self.strong is None:
            return Form.PLAIN
        return Form.BOLD if self.colon_inside else Form.BOLD_COLON_AFTER

    def remove(self) -> bool:
        """Take the label out of its block; return False if nothing else is left in it."""
        block = self.block
        if self.shape is Shape.HEADING_QUESTION:
            # a heading keeps its text, so its id and anchor stay the same; its `Q:` is only
            # marked, for the stylesheet to hide
            _mark_question_prefix(block)
            return True
        if self.shape is Shape.BOLD_QUESTION:
            strong = block[0]
            strong.text = _QUESTION_PREFIX.sub("", strong.text or "", count=1)
            return True
        if self.strong is None:
            text = block.text or ""
            rest = text[self.length :].lstrip(_NOISE)
            if self.start:
                rest = text[: self.start] + rest
            block.text = f"({self.time}) {rest}" if self.time is not None else rest
        else:
            rest = self._after_bold()
            block.remove(self.strong)
            lead = (block.text or "").strip(_NOISE)
            block.text = lead + (" " if lead else "") + rest.lstrip()
            if self.time is not None:
                block.text = f"({self.time}) {block.text}"
        return bool((block.text or "").strip()) or len(block) > 0

    def _after_bold(self) -> str:
        """What follows a label in bold, less what belongs to the label."""
        assert self.strong is not None
        tail = self.strong.tail or ""
        if self.length:
            return tail[self.length :]
        return tail if self.colon_inside else tail.lstrip()[1:]

    def _after_label(self, line: str) -> str:
        """What follows the label in its block: `line` is the block's text from where the
        label's line starts (a label in bold has its own tail)."""
        return line[self.length :] if self.strong is None else self._after_bold()

    def says_words(self, line: str) -> bool:
        """Whether a word follows the label on its line: then it says something, and more
        than a link (a cheap test before `says_nothing` and `says_only_a_link`)."""
        first = self._after_label(line).lstrip(" \t")[:1]
        return first.isalpha() and first != "h"

    def says_only_a_link(self, line: str) -> bool:
        """Whether the label's line holds nothing after it but a link or a URL."""
        if self.shape is not Shape.NAME:
            return False
        text = self._after_label(line)
        if self.strong is None:
            after = None
            if not text.strip() and len(self.block):
                after = self.block[0]  # a plain label opens its block's text
        else:
            index = list(self.block).index(self.strong)
            after = self.block[index + 1] if index + 1 < len(self.block) else None
        first = first_line(text)
        if _URL_LINE.fullmatch(first):
            return True
        return (
            not first.strip()
            and "\n" not in text
            and after is not None
            and after.tag == "a"
            and not first_line(after.tail or "").strip(" .")
        )

    def says_nothing(self, line: str) -> bool:
        """Whether the label's line holds nothing after it but a clock (`**Break:** [24:27]`);
        `line` is the text of the block from where the label's line starts."""
        if self.shape is not Shape.NAME:
            return False
        text = self._after_label(line)
        # Whether the line goes on in an element after that text
        more = len(self.block) > 0 if self.strong is None else self.block[-1] is not self.strong
        if "\n" not in text and more:
            return False
        line = unescape(first_line(text))
        return not line.strip() or _ONLY_A_CLOCK.fullmatch(line) is not None


def first_line(text: str) -> str:
    """`text` up to its first line break, without copying the rest."""
    end = text.find("\n")
    return text if end == -1 else text[:end]


class Position(NamedTuple):
    """Where a line starts inside a block: in its text (`child` -1) or a child's tail."""

    child: int
    offset: int

    @property
    def is_start(self) -> bool:
        return self.child == -1 and self.offset == 0


START = Position(-1, 0)
"""Where a block's own text starts."""


def block_label(block: etree.Element) -> Label | None:
    """The label that opens a top-level block, if any."""
    if block.tag == "p":
        if (
            len(block)
            and not block.text
            and (strong := block[0]).tag == "strong"
            and (strong.text or "").rstrip().endswith(_COLONS)
            and (strong.tail or "").lstrip(" \t")[:1] not in ("", "\n")
        ):
            # The common shape, `**Name:** words`: no question in bold, a label in bold
            return _bold_label(block, strong)
        return bold_question(block) or label_at(block, START)
    if block.tag in HEADINGS_THAT_ASK:
        text = "".join(block.itertext()).strip()
        if _QUESTION_PREFIX.match(text) or text.endswith("?"):
            return Label("Q", Shape.HEADING_QUESTION, block)
    return None


def _mark_question_prefix(heading: etree.Element) -> None:
    """Put a heading's leading `Q:` in a `span.interview-label` of its own."""
    text = heading.text or ""
    if not (found := _QUESTION_PREFIX.match(text)) or not found.group().strip():
        return
    label = etree.Element("span", {"class": "interview-label"})
    label.text = text[: found.end()]
    label.tail = text[found.end() :]
    heading.text = None
    heading.insert(0, label)


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
    """A paragraph that is wholly bold and asks: `**Q: …**`, or `**…?**`; or whose first line
    is (`continued`), the answer following on the next line."""
    if not len(block) or block[0].tag != "strong":
        return None  # most paragraphs
    continued = False
    if not is_wholly_bold(block):
        if not opens_with_bold_line(block):
            return None
        continued = True
    strong = block[0]
    text = "".join(strong.itertext()).strip()
    prefixed = bool(_QUESTION_PREFIX.match(strong.text or ""))
    if prefixed or (text.endswith("?") and len(text) > 1):
        return Label("Q", Shape.BOLD_QUESTION, block, prefixed=prefixed, continued=continued)
    return None


def opens_with_bold_line(block: etree.Element) -> bool:
    """A paragraph whose first line is a single `<strong>`, with more lines after it."""
    return (
        block.tag == "p"
        and len(block) > 0
        and block[0].tag == "strong"
        and not (block.text or "").strip(_NOISE)
        and (block[0].tail or "").lstrip(" \t").startswith("\n")
    )


def label_at(block: etree.Element, position: Position) -> Label | None:
    """The name, question or answer label that starts the line at `position`, if any."""
    text = (block.text if position.child == -1 else block[position.child].tail) or ""
    rest = text[position.offset :]
    following = block[position.child + 1] if position.child + 1 < len(block) else None
    if (
        following is not None
        and following.tag == "strong"
        and (not rest.strip(_NOISE) or _LEAD.fullmatch(unescape(rest)))
    ):
        return _bold_label(block, following)
    if rest.lstrip(" \t\ufeff")[:1] in ("Q", "A") and (match := _QA_LABEL.match(rest)):
        letter = match.group(1)
        return Label(letter, _qa_shape(letter), block, length=match.end())
    start = 0
    if rest[:1] in "([":
        lead = _CLOCK_BEFORE.match(rest)
        if lead is None or position.child != -1:
            return None  # a bare `(00:04:02):` goes on with the same speaker
        start = lead.end()
    line = first_line(rest)
    if line.find(":", start) == -1 and line.find("\uff1a", start) == -1:
        return None  # most lines: a name and a clock both need a colon
    timed = line.rstrip(" \t:)]\uff1a")[-1:].isdigit()  # a clock ends the line
    if (
        timed
        and (match := _TIMED_LABEL.match(line, start))
        and is_candidate(name := match.group("name"))
    ):
        clock = _clock_of(match)
        return Label(name.strip(), Shape.NAME, block, length=match.end(), time=clock)
    match = _PLAIN_LABEL.match(line, start)
    if match and is_candidate(match.group(1)):
        return Label(
            match.group(1),
            Shape.NAME,
            block,
            length=match.end(),
            start=start,
        )
    return None


def texts_of(block: etree.Element) -> list[str | None]:
    """`block`'s own text and its children's tails, in order: where its lines are."""
    return [block.text, *(child.tail for child in block)]


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
    _keep_braces_as_text(block)
    return rest


_LAST_LINE_BRACES = re.compile(r"(?:^|\n)[^\n]*\{[^\n]*\}[ \t]*$")


def _keep_braces_as_text(block: etree.Element) -> None:
    """A cut paragraph ending in `{…}` (a Liquid tag, say) must not become one that
    `attr_list` reads as attributes for it: it was mid-paragraph text before the cut."""
    holder = block[-1] if len(block) else None
    text = (holder.tail if holder is not None else block.text) or ""
    if _LAST_LINE_BRACES.search(text):
        start = text.rfind("\n") + 1
        text = text[:start] + text[start:].replace("{", "\x02123\x03")
        if holder is not None:
            holder.tail = text
        else:
            block.text = text


@functools.lru_cache(maxsize=4096)
def is_candidate(name: str) -> bool:
    """Whether `name` can be a speaker's label by its length and characters: up to six words
    of letters or digits in any script, with the dots of initials, the commas of credentials,
    apostrophes, hyphens and the characters of handles. Whether it is one is for the page's
    structure to say (see `detect`)."""
    name = name.strip()
    return (
        0 < len(name) <= _MAX_NAME_LENGTH
        and len(name.split()) <= _MAX_NAME_WORDS
        and (_NAME.fullmatch(name) is not None or _NAME.fullmatch(_unmarked(name)) is not None)
        and _NOT_IN_NAMES.search(name) is None
        and "\x02" not in name
    )


def _unmarked(name: str) -> str:
    """`name` without the marks that sit on its letters (`\\w` matches none of them): the vowel
    signs of Devanagari or Thai, accents written apart from their letter (`Zoe` and U+0308)."""
    if name.isascii():
        return name
    return "".join(char for char in name if unicodedata.category(char)[0] != "M")


def looks_like_name(name: str) -> bool:
    """A short run of words made of letters (any script), with the dots of initials,
    apostrophes and hyphens: what a caption file's speaker must be called to need no
    declaring (`SPEAKER_01` needs a name)."""
    words = name.split()
    if not 0 < len(words) <= 4 or len(name) > 40:
        return False
    letters = 0
    for word in words:
        if not word[0].isalpha():
            return False
        for char in word:
            if char.isalpha():
                letters += 1
            elif char not in ".'’-":
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
    # Credentials after a comma are no part of the name: `Dana K. Osei, PhD` is DO.
    words = [word for word in name.split(",")[0].split() if word not in NAME_PARTICLES]
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
    if text.endswith(_COLONS):
        # The common shape, `**Name:**`: read once per distinct label on a site.
        if (read := _name_in_bold(text[:-1].rstrip())) is None:
            return None
        name, shape, clock = read
        return Label(name, shape, block, strong, True, time=clock)
    tail = (strong.tail or "").lstrip()
    if tail.startswith(_COLONS):
        name, colon_inside = text, False
    elif text in ("Q.", "A."):
        name, colon_inside = text[0], True
    elif (after := _CLOCK_AFTER.match(strong.tail or "")) and is_candidate(text):
        clock = _clock_of(after)
        return Label(text, Shape.NAME, block, strong, True, length=after.end(), time=clock)
    else:
        return None
    if (read := _name_in_bold(name)) is None:
        return None
    name, shape, clock = read
    return Label(name, shape, block, strong, colon_inside, time=clock)


@functools.lru_cache(maxsize=4096)
def _name_in_bold(name: str) -> tuple[str, Shape, str | None] | None:
    """The name, shape and clock of a label in bold, from its text less the colon."""
    if name in ("Q", "A"):
        return name, _qa_shape(name), None
    if (
        name[-1:] in _CLOCK_LAST
        and (timed := _TIMED_LABEL.fullmatch(name))
        and is_candidate(timed.group("name"))
    ):
        return timed.group("name").strip(), Shape.NAME, _clock_of(timed)
    if is_candidate(name):
        return name, Shape.NAME, None
    return None


def _clock_of(match: re.Match[str]) -> str:
    """The clock of a label's `_CLOCK_ENDING`, however it was bracketed."""
    return match.group("round") or match.group("square") or match.group("bare")


def _qa_shape(letter: str) -> Shape:
    return Shape.QUESTION if letter == "Q" else Shape.ANSWER
