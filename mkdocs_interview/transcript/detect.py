"""Who speaks on a page: which labels name people taking turns, and under which name."""

from __future__ import annotations

import difflib
import functools
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .labels import Label, Shape, is_capitalised
from .model import PageOptions, Speaker

# Labels that docs, changelogs and articles put before a colon. They never name a speaker
# unless a page declares them as one.
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

_NOT_SPEAKER_PREFIXES = ("step ", "part ", "option ", "example ", "note ")
_MIN_TURNS = 4
_MIN_TURNS_PER_SPEAKER = 2
_MIN_SWITCH_RATIO = 0.5


@dataclass
class Cast:
    """The labels that are speakers on a page, each with the canonical name it stands for."""

    names: dict[str, str] = field(default_factory=dict)
    people: dict[str, Speaker] = field(default_factory=dict)
    """Every known speaker by canonical name: the page's, then the site's."""

    def speaker_of(self, label: Label) -> str | None:
        """The canonical name of whoever speaks at `label`, or None if it is no turn."""
        key = label.name if label.shape is Shape.NAME else _QA_KEYS[label.shape]
        return self.names.get(key)

    def canonical(self, name: str) -> str:
        """Who `name` stands for: as a label on the page, else as a known speaker's name or
        alias; else `name` itself."""
        if name in self.names:
            return self.names[name]
        for person in self.people.values():
            if name == person.name or name in person.aliases:
                return person.name
        return name

    def person(self, name: str) -> Speaker:
        return self.people.get(name) or Speaker(name)


_QA_KEYS = {
    Shape.QUESTION: "Q",
    Shape.BOLD_QUESTION: "Q",
    Shape.HEADING_QUESTION: "Q",
    Shape.ANSWER: "A",
}


def cast_of(labels: Sequence[Label], options: PageOptions, root: etree.Element) -> Cast:
    """Decide which of `labels` start turns, and who speaks at each."""
    cast = Cast(people=_people(options))
    if options.mode == "off" or not labels:
        return cast
    known = _known_names(cast.people.values())
    names = [label for label in labels if label.shape is Shape.NAME]
    candidates = [label for label in names if label.name in known or _may_be_person(label.name)]
    canonical = _canonical_names([label.name for label in candidates], known)
    counts = Counter(canonical[label.name] for label in candidates)

    def accepted(label: Label) -> bool:
        # A plain `Name:` is a speaker only when it recurs; bold is explicit enough.
        return label.name in known or label.strong is not None or counts[canonical[label.name]] > 1

    if options.mode == "on":
        cast.names = {label.name: canonical[label.name] for label in candidates if accepted(label)}
        cast.names.update(Q=options.interviewer, A=options.interviewee)
    else:
        words = _PageWords(root)
        if _is_dialogue([canonical[label.name] for label in candidates], words):
            cast.names = {
                label.name: canonical[label.name]
                for label in candidates
                if accepted(label) and not words.has_common_word(canonical[label.name])
            }
    return cast


def undeclared(cast: Cast, options: PageOptions) -> list[tuple[str, str | None]]:
    """Names used as speakers on a page that declares its speakers, but not among them,
    each with the closest declared name."""
    if not options.speakers:
        return []
    declared = _known_names(options.speakers)
    choices = sorted(declared)
    return [
        (name, next(iter(difflib.get_close_matches(name, choices, n=1, cutoff=0.5)), None))
        for name, canonical in cast.names.items()
        if name not in ("Q", "A") and name not in declared and canonical not in declared
    ]


def _people(options: PageOptions) -> dict[str, Speaker]:
    people = {speaker.name: speaker for speaker in options.registry}
    for speaker in options.speakers:
        site = people.get(speaker.name)
        people[speaker.name] = speaker.merged_over(site) if site else speaker
    return people


def _known_names(people: Iterable[Speaker]) -> dict[str, str]:
    """Every name and alias of `people`, mapped to the canonical name."""
    known: dict[str, str] = {}
    for person in people:
        known[person.name] = person.name
        for alias in person.aliases:
            known.setdefault(alias, person.name)
    return known


def _canonical_names(names: Iterable[str], known: dict[str, str]) -> dict[str, str]:
    """Map each name to the person it stands for: a declared alias to its owner, and a short
    name to the one longer name it begins (`Sam` to `Sam Rivera`)."""
    distinct = list(dict.fromkeys(names))
    full_names = {known.get(name, name) for name in distinct}
    canonical = {}
    for name in distinct:
        if name in known:
            canonical[name] = known[name]
            continue
        words = name.split()
        longer = [
            full for full in full_names if full.split()[: len(words)] == words and full != name
        ]
        canonical[name] = longer[0] if len(longer) == 1 else name
    return canonical


def _may_be_person(name: str) -> bool:
    lowered = name.casefold()
    return (
        lowered not in NOT_SPEAKERS
        and not lowered.startswith(_NOT_SPEAKER_PREFIXES)
        and is_capitalised(name)
    )


def _is_dialogue(names: Sequence[str], words: _PageWords) -> bool:
    """A page that nothing marks as an interview is one when at least two people each speak
    more than once, taking turns, with a question asked somewhere among them."""
    counts = Counter(names)
    recurring = {name for name, count in counts.items() if count >= _MIN_TURNS_PER_SPEAKER}
    sequence = [name for name in names if name in recurring]
    if len(recurring) < 2 or len(sequence) < _MIN_TURNS:
        return False
    switches = sum(1 for before, after in pairwise(sequence) if before != after)
    if switches < _MIN_SWITCH_RATIO * (len(sequence) - 1):
        return False
    if "?" not in words.text:
        return False
    return sum(1 for name in recurring if not words.has_common_word(name)) >= 2


class _PageWords:
    """The text of a page, read once and only if asked."""

    def __init__(self, root: etree.Element) -> None:
        self.root = root

    @functools.cached_property
    def text(self) -> str:
        return "\n".join(self.root.itertext())

    def has_common_word(self, name: str) -> bool:
        """A one-word label that also occurs in lower case in the page ("Example", "Fact")
        is a common noun, not a person's name; role names such as "Host" are fine."""
        folded = name.casefold()
        if " " in name or folded in ROLE_WORDS or not folded.islower():
            return False
        return re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", self.text) is not None
