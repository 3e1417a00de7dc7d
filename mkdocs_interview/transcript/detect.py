"""Who speaks on a page: which labels name people taking turns, and under which name."""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .labels import (
    HEADINGS,
    HEADINGS_THAT_ASK,
    NAME_PARTICLES,
    Form,
    Label,
    Shape,
    block_label,
    is_capitalised,
)
from .model import PageOptions, Speaker
from .prescreen import MIN_TURNS

# Labels that docs, changelogs and articles put before a colon. They never name a speaker
# unless a page declares them as one: release notes and call-outs alternate too.
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

# Parts of a show, not people: a label naming one is a divider in the chat.
SHOW_PARTS = frozenset(
    """
    ad ads advert advertisement break bumper commercial interlude intermission intro jingle
    midroll mid-roll music outro postroll post-roll preroll pre-roll promo segue sponsor
    sponsors theme transition
    """.split()
) | frozenset(("ad break", "cold open", "theme music", "sponsor break", "station id"))

# Words that name a part in a conversation rather than a person, yet are as good as a name.
ROLE_WORDS = frozenset(
    """
    audience caller guest host interviewee interviewer moderator narrator panelist presenter
    reporter speaker participant member attendee
    """.split()
)

_BIO = "about "
"""`About Dana Osei`: a bio after the conversation."""
# Enumerations, call-outs and bios: `Step 2`, `First idea`, `About Dana Osei`.
_NOT_SPEAKER_PREFIXES = (
    _BIO,
    *(
        f"{word} "
        for word in """
        step part option example note re first second third fourth fifth sixth seventh
        eighth ninth tenth next final another
        """.split()
    ),
)
_INITIALS = re.compile(r"[A-Z]|(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{1,3}")
_INTRODUCTION = re.compile(r"(.+?)\s*\(([^()\s]{1,12})\)")
DIALOGUE = "the content is a dialogue"
_MIN_TURNS_PER_SPEAKER = 2


@dataclass
class Cast:
    """The labels that are speakers on a page, each with the canonical name it stands for,
    and what was decided about the others."""

    names: dict[str, str] = field(default_factory=dict)
    people: dict[str, Speaker] = field(default_factory=dict)
    """Every known speaker by canonical name: the page's, then the site's."""
    breaks: set[str] = field(default_factory=set)
    """Labels that name a part of the show (`Break`, `Jingle`): dividers, not speakers."""
    refused: dict[str, str] = field(default_factory=dict)
    """Labels that are no speaker, each with the reason."""
    question_levels: frozenset[str] = frozenset()
    """The heading tags whose questions are the interviewer's turns."""
    bold_questions: bool = False
    """Whether paragraphs in bold that ask are the interviewer's turns."""
    verdict: str = ""
    """Why the page is, or is not, a chat."""

    def speaker_of(self, label: Label) -> str | None:
        """The canonical name of whoever speaks at `label`, or None if it is no turn."""
        if label.shape is Shape.HEADING_QUESTION and label.block.tag not in self.question_levels:
            return None
        if label.shape is Shape.BOLD_QUESTION and not self.bold_questions:
            return None
        return _speaker_among(label, self.names)

    def is_break(self, label: Label) -> bool:
        """Whether `label` opens a divider between turns (`**Break:** [24:27]`)."""
        return label.shape is Shape.NAME and label.name in self.breaks

    @staticmethod
    def is_bio(label: Label) -> bool:
        """Whether `label` opens a bio (`**About Dana Osei**: Dana is…`), no one's turn."""
        return label.shape is Shape.NAME and label.name.casefold().startswith(_BIO)

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


_QA_LINES = frozenset((Shape.QUESTION, Shape.ANSWER))


def _speaker_among(label: Label, names: dict[str, str]) -> str | None:
    """Who speaks at `label` among `names`, by the label's name or its `Q`/`A` key."""
    return names.get(label.name if label.shape is Shape.NAME else _QA_KEYS[label.shape])


@dataclass
class _Seen:
    """One distinct name label: where and how it occurs."""

    forms: set[Form] = field(default_factory=set)
    indexes: list[int] = field(default_factory=list)
    silent: bool = True
    """Whether every occurrence says nothing but a time."""
    linking: bool = True
    """Whether every occurrence is followed by a link and nothing else."""
    opens_block: bool = True


def cast_of(labels: Sequence[Label], options: PageOptions, root: etree.Element) -> Cast:
    """Decide which of `labels` start turns, and who speaks at each: by where and how often
    each distinct label occurs, not by what it looks like."""
    cast = Cast(people=_people(options))
    if options.mode == "off" or not labels:
        cast.verdict = "detection is off" if options.mode == "off" else "no speaker labels"
        return cast
    known = _known_names(cast.people.values())
    seen: dict[str, _Seen] = {}
    for index, label in enumerate(labels):
        if label.shape is Shape.NAME:
            if (entry := seen.get(label.name)) is None:
                entry = seen[label.name] = _Seen()
            entry.forms.add(label.form)
            entry.indexes.append(index)
            entry.silent &= label.silent
            entry.linking &= label.linking
            entry.opens_block &= label.opens_block

    candidates: dict[str, _Seen] = {}
    for name, entry in seen.items():
        folded = name.casefold()
        if name in known:
            candidates[name] = entry
        elif folded in SHOW_PARTS or entry.silent:
            cast.breaks.add(name)
        elif folded in NOT_SPEAKERS or folded.startswith(_NOT_SPEAKER_PREFIXES):
            cast.refused[name] = "a word that names no one"
        elif entry.linking:
            cast.refused[name] = "introduces a link"
        else:
            candidates[name] = entry
    canonical = _canonical_names(list(candidates), known)
    counts = Counter[str]()
    for name, entry in candidates.items():
        counts[canonical[name]] += len(entry.indexes)
    recurring = [name for name in candidates if name in known or counts[canonical[name]] > 1]
    accepted = set(recurring)
    context = _Context.of(recurring, candidates, labels, options)
    for name, entry in candidates.items():
        if name not in accepted:
            if reason := context.refusal(name, entry):
                cast.refused[name] = reason
            else:
                accepted.add(name)
    names = {name: canonical[name] for name in candidates if name in accepted}

    if names and not _asks(root, labels, names):
        if options.mode == "on" and (levels := _asking_levels(root)):
            # Labels that never ask, under headings that do: items of the answers
            # (`**Cameras:**`), and the headings are the questions.
            for name in names:
                cast.refused[name] = "never asks, under the page's question headings"
            cast.names = {"Q": options.interviewer, "A": options.interviewee}
            cast.question_levels = levels
            cast.verdict = "the front matter says so"
            return cast
        if options.mode != "on":
            cast.verdict = "no question is asked in the labelled turns"
            return cast
    if options.mode == "on":
        cast.names = {**names, "Q": options.interviewer, "A": options.interviewee}
        if not names:
            # The page's questions are in one shape: headings, else paragraphs in bold.
            cast.question_levels = _asking_levels(root)
            cast.bold_questions = not cast.question_levels
        cast.verdict = "the front matter says so"
        return cast
    if options.speakers:
        # A page that names its speaker (a talk) may take questions from the audience.
        names.update(Q=options.interviewer, A=options.interviewee)
    spoken = [label for label in labels if label.shape is Shape.NAME or label.shape in _QA_LINES]
    sequence = [speaker for label in spoken if (speaker := _speaker_among(label, names))]
    cast.verdict = _dialogue_verdict(sequence, root)
    if cast.verdict == DIALOGUE:
        cast.names = names
    else:
        cast.breaks = set()
    return cast


@dataclass(frozen=True)
class _Context:
    """What a label that occurs once is judged against: the page's recurring speakers."""

    interview: bool
    """Whether the front matter says the page is an interview."""
    asks: bool
    """Whether questions in their own shapes (`Q:`, in bold, as headings) are on the page."""
    forms: frozenset[Form]
    first: int
    last: int
    words: int

    @classmethod
    def of(
        cls,
        recurring: Sequence[str],
        candidates: dict[str, _Seen],
        labels: Sequence[Label],
        options: PageOptions,
    ) -> _Context:
        indexes = [index for name in recurring for index in candidates[name].indexes]
        forms = {_family(form) for name in recurring for form in candidates[name].forms}
        if options.mode == "on" or options.speakers:
            # `Q:` and `A:` take turns too: someone named once among them speaks.
            qa = [index for index, label in enumerate(labels) if label.shape in _QA_LINES]
            if len(qa) > 1:
                indexes += qa
                forms.add(Form.PLAIN)
        return cls(
            interview=options.mode == "on",
            asks=any(label.shape is not Shape.NAME for label in labels),
            forms=frozenset(forms),
            first=min(indexes, default=-1),
            last=max(indexes, default=-1),
            words=max((len(name.split()) for name in recurring), default=2),
        )

    def refusal(self, name: str, entry: _Seen) -> str | None:
        """Why a label that occurs once is no speaker, if it is not. On an interview page a
        name in bold opening its paragraph speaks, unless the page's questions are in their
        own shapes and no label recurs (`**Camera**:` under a heading). Elsewhere a one-off
        speaks (an audience member) only in the form of the recurring speakers, within
        their conversation."""
        form = _family(next(iter(entry.forms)))
        index = entry.indexes[0]
        if not entry.opens_block:
            return "occurs once, inside a paragraph"
        if self.interview and form is Form.BOLD and (self.first >= 0 or not self.asks):
            return None
        if self.first < 0:
            return "occurs once, and no one else speaks more than once"
        if form not in self.forms:
            return "occurs once, written unlike the page's speakers"
        if form is Form.TIMED:
            return None  # a transcription tool's label, as explicit as can be
        if index < self.first - 1:
            return "occurs once, before the conversation"  # not the one who opens it
        if form is not Form.BOLD:
            if index > self.last:
                return "occurs once, after the conversation"
            role = name.split()[0].casefold() in ROLE_WORDS
            if len(name.split()) > self.words + 1 or not (role or is_capitalised(name)):
                return "occurs once, and does not read as a name"
        return None


def _family(form: Form) -> Form:
    return Form.BOLD if form is Form.BOLD_COLON_AFTER else form


def _dialogue_verdict(names: Sequence[str], root: etree.Element) -> str:
    """A page that nothing marks as an interview is a chat when at least two people each speak
    more than once, taking turns, with a question asked somewhere among them."""
    counts = Counter(names)
    recurring = {name for name, count in counts.items() if count >= _MIN_TURNS_PER_SPEAKER}
    sequence = [name for name in names if name in recurring]
    if len(recurring) < 2:
        return "fewer than two people speak more than once"
    if len(sequence) < MIN_TURNS:
        return f"fewer than {MIN_TURNS} turns"
    # Transcription tools label each paragraph, so one person's turn may have several labels.
    switches = sum(1 for before, after in pairwise(sequence) if before != after)
    if switches < MIN_TURNS - 1:
        return "the speakers do not take turns"
    return DIALOGUE


def _asks(root: etree.Element, labels: Sequence[Label], names: Container[str]) -> bool:
    """Whether a question is asked under a name label among `names`: in its paragraph, or in
    the blocks after it up to the next label or heading."""
    speaks: dict[int, bool] = {}  # by block: whether a label in it is among `names`
    for label in labels:
        if label.shape is Shape.NAME:
            speaks[id(label.block)] = speaks.get(id(label.block), False) or label.name in names
    speaking = False
    for block in root:
        if block.tag in HEADINGS:
            speaking = False
            continue
        speaking = speaks.get(id(block), speaking)
        if speaking and "?" in "".join(block.itertext()):
            return True
    return False


def _initials(name: str) -> set[str]:
    """A name's initials, case-folded, with and without its particles (`avw`, `aw`); of a
    name of one word, its first letter (`V` for `Vortex`)."""
    words = name.split()
    return {
        "".join(word[0] for word in words).casefold(),
        "".join(word[0] for word in words if word not in NAME_PARTICLES).casefold(),
    }


def _asking_levels(root: etree.Element) -> frozenset[str]:
    """The heading levels (`h2`, `h3`) at least half of whose headings ask a question."""
    asking: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for block in root:
        if block.tag in HEADINGS_THAT_ASK:
            total[block.tag] += 1
            if block_label(block) is not None:
                asking[block.tag] += 1
    return frozenset(tag for tag in total if asking[tag] * 2 >= total[tag])


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
    """Map each name to the person it stands for: a declared alias to its owner, a name that
    introduces its short form to that name (`Peter Osei (PO)`, then `PO`), and a short name
    to the one longer name it begins (`Sam` to `Sam Rivera`)."""
    distinct = list(dict.fromkeys(names))
    introduced = {}
    for name in distinct:
        if match := _INTRODUCTION.fullmatch(name):
            full, short = match.groups()
            if short in distinct:
                introduced[name] = introduced[short] = full
            elif full[0].upper() == short[0].upper() or short.casefold() in ROLE_WORDS:
                # `Sam Abbassi (SA)`: initials after the name; `Priya Shah (host)`: a role
                introduced[name] = full
    full_names = {known.get(name, introduced.get(name, name)) for name in distinct}
    people = {name for name in full_names | set(known.values()) if not _INITIALS.fullmatch(name)}
    for name in distinct:
        if name not in known and name not in introduced and _INITIALS.fullmatch(name):
            # `MF` for the one person on the page or declared whose initials they are
            owners = {person for person in people if name.casefold() in _initials(person)}
            if len(owners) == 1:
                introduced[name] = owners.pop()
    canonical = {}
    for name in distinct:
        if name in known:
            canonical[name] = known[name]
            continue
        if name in introduced:
            canonical[name] = introduced[name]
            continue
        words = name.split()
        longer = [
            full for full in full_names if full.split()[: len(words)] == words and full != name
        ]
        canonical[name] = longer[0] if len(longer) == 1 else name
    return canonical
