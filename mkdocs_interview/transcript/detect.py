"""Which labels on a page name people taking turns, and whether the page is a dialogue at all."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from .labels import Label, is_capitalised
from .model import PageOptions

# Labels that docs, changelogs and articles put in bold before a colon. They never name a
# speaker unless a page declares them as one.
NOT_SPEAKERS = frozenset(
    """
    action actions added advantage advantages after answer aside attention author background
    bad before benefit benefits bonus breaking bug cause caution changed changes con cons
    conclusion context cost credit credits danger date decision default definition deprecated
    description details disadvantage disadvantages disclaimer do don't drawback drawbacks edit
    edited error example examples fact fix fixed fixes good goal hint how idea important info
    information input issue location myth new note notes old output overview owner parameters
    price problem pro pros question raises reason recommendation remember removed request
    requirements resolution response result results returns security see solution source sources
    status step summary symptom syntax term tip tips todo type update updated usage verdict
    warning what when where why workaround yields
    """.split()
)

# Words that name a part in a conversation rather than a person, yet are as good as a name.
ROLE_WORDS = frozenset(
    """
    audience caller guest host interviewee interviewer moderator narrator panelist presenter
    reporter speaker
    """.split()
)

_WORD = re.compile(r"\w+")
_MIN_TURNS = 4
_MIN_TURNS_PER_SPEAKER = 2
_MIN_SWITCH_RATIO = 0.5


def speaker_labels(labels: Sequence[Label], options: PageOptions, root: etree.Element) -> set[str]:
    """The names among `labels` that are speakers on this page (empty if it is no dialogue)."""
    if options.mode == "off" or not labels:
        return set()
    declared = set(options.speakers)
    candidates = [
        label.name for label in labels if label.name in declared or _may_be_person(label.name)
    ]
    if options.mode == "on":
        return set(candidates)
    return _dialogue_speakers(candidates, root)


def _may_be_person(name: str) -> bool:
    lowered = name.casefold()
    return (
        lowered not in NOT_SPEAKERS
        and is_capitalised(name)
        and not lowered.startswith(("step ", "part ", "option ", "example ", "note "))
    )


def _dialogue_speakers(names: Sequence[str], root: etree.Element) -> set[str]:
    """Speakers of a page that nothing marks as an interview: at least two people who each speak
    more than once, taking turns, with a question asked somewhere among them."""
    counts = Counter(names)
    recurring = {name for name, count in counts.items() if count >= _MIN_TURNS_PER_SPEAKER}
    sequence = [name for name in names if name in recurring]
    if len(recurring) < 2 or len(sequence) < _MIN_TURNS:
        return set()
    switches = sum(1 for before, after in pairwise(sequence) if before != after)
    if switches < _MIN_SWITCH_RATIO * (len(sequence) - 1):
        return set()
    if "?" not in "".join(root.itertext()):
        return set()
    common_words = _lowercase_words(root.itertext())
    if sum(1 for name in recurring if _is_not_common_word(name, common_words)) < 2:
        return set()
    return {name for name in counts if _is_not_common_word(name, common_words)}


def _lowercase_words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in _WORD.findall(text) if word.islower()}


def _is_not_common_word(name: str, common_words: set[str]) -> bool:
    """A one-word label that also occurs in lower case in the page ("Example", "Fact") is a
    common noun, not a person's name; part names such as "Host" are fine."""
    if " " in name or name.casefold() in ROLE_WORDS:
        return True
    return name.casefold() not in common_words
