"""People: everyone named who speaks in the site's interviews, the slug that names each one's
page, and the pages themselves.

A person is a speaker's name as the engine gives it (on each page, a declared alias already
stands for its owner), with case and Unicode spelling set aside (`ADA QUINN` is Ada Quinn), and
the aliases of the site's `speakers:` registry standing for their owner across pages. Generic
labels (`Speaker 0`, `Guest`, `Interviewer`, `Audience member`, `Q`, `Unknown`) name no one and
are left out.

A person's slug is their name in lower case, words joined by hyphens, with the accents of Latin
letters dropped (`José Núñez` → `jose-nunez`); other scripts are kept as they are. Two people
whose slugs would be one both get a page: the one whose name is the slug itself (`Jose Nunez`)
keeps it, and the others take a short hash of their name (`jose-nunez-1f0c2a9b`).

A person's page is made once every interview is rendered, since only then is it known who
speaks: it is added to the build's files out of the navigation, beside the people index, and
filled like the tag pages. A page the docs have at its path, or at its URL, is kept as for tag
pages.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .pages import Generated, SiteURLs, add_page
from .tags import MAX_SLUG_BYTES, RESERVED_SLUGS, hashed_slug, slug_hash, slug_words, tag_key
from .transcript import Speaker
from .transcript.detect import ROLE_WORDS

if TYPE_CHECKING:
    from .cards import Entry

PEOPLE_MARKER = "<!-- interview:people -->"
_MIN_HOSTED = 3
"""Interviews a person must host (the engine's host side) to be shown as a host."""

# Words that name a part in a conversation, or a voice, rather than a person: a label made of
# them alone (with numbers, letters and small words) names no one. Accents are dropped first.
_GENERIC = ROLE_WORDS | frozenset(
    """
    q a question answer comment response reply unknown unidentified unnamed anonymous
    unintelligible inaudible crosstalk voice voiceover announcer crowd everyone everybody all
    both together group multiple several various others man woman men women male female person
    people kid child student cohost clip video audio recording voicemail asker questioner
    anchor emcee chair chairman chairwoman chairperson senator
    sprecher sprecherin gast moderatorin publikum frage antwort befragte befragter
    intervenant intervenante invite invitee animateur animatrice journaliste public reponse
    orateur oratrice entrevistador entrevistadora entrevistado entrevistada invitado invitada
    presentador presentadora publico pregunta respuesta hablante orador oradora
    """.split()
)
_SMALL_WORDS = frozenset("the an of from in on other another new co off".split())
"""Words that may stand beside a generic word: `The Host`, `Co-host`, `New Speaker`."""
_NUMBERING = re.compile(r"\d+|\d+(?:st|nd|rd|th)|[a-z]|[ivx]{1,4}")
_WORD_SPLIT = re.compile(r"[\W_]+")
_LATIN = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "\u0131": "i",  # dotless i
        "ħ": "h",
        "Ħ": "H",
        "ŋ": "ng",
        "Ŋ": "Ng",
    }
)
"""Latin letters that no accent makes: what they are written as in a slug."""


@functools.lru_cache(maxsize=4096)
def is_generic(name: str) -> bool:
    """Whether `name` is a label that names no one: a role or a voice (`Guest`, `Host`,
    `Audience`, `Q`), numbered or not (`Speaker 0`, `SPEAKER_01`, `Audience member 2`), or a
    single letter."""
    words = [word for word in _WORD_SPLIT.split(_latin_ascii(tag_key(name))) if word]
    if not words:
        return False
    if len(words) == 1:
        word = words[0]
        return _is_generic_word(word) or len(word) == 1 or word.isdigit()
    return any(_is_generic_word(word) for word in words) and all(
        _is_generic_word(word) or word in _SMALL_WORDS or _NUMBERING.fullmatch(word)
        for word in words
    )


def _is_generic_word(word: str) -> bool:
    return word in _GENERIC or (word.endswith("s") and word[:-1] in _GENERIC)


def _latin_ascii(text: str) -> str:
    """`text` with the accents of Latin letters dropped and their special letters spelt out;
    letters of other scripts, and their marks, as they are."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text.translate(_LATIN)):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue  # an accent on a Latin letter
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


@functools.lru_cache(maxsize=4096)
def base_slug(name: str) -> str:
    """The slug of `name` before any clash is settled: its words, joined by hyphens, and a
    short hash when they are too long or a name MkDocs gives a folder's own page (`index`);
    '' when it has no letter or digit."""
    key = tag_key(name)
    readable = "-".join(slug_words(_latin_ascii(key), symbols={}))  # a name's symbols separate
    if readable and (readable in RESERVED_SLUGS or len(readable.encode("utf-8")) > MAX_SLUG_BYTES):
        return hashed_slug(readable, key)
    return readable


@dataclass
class Person:
    """Someone named who speaks in the site's interviews."""

    key: str
    """What every spelling of their name has in common."""
    name: str
    slug: str = ""
    speaker: Speaker | None = None
    """Their entry in the site's `speakers:` registry, if they have one."""
    pages: list[str] = field(default_factory=list)
    """The `src_uri` of each of their interviews, newest first."""
    names: dict[str, str] = field(default_factory=dict)
    """The name they speak under in each interview, by `src_uri`."""
    hosted: int = 0
    """Interviews in which they are on the host's side."""
    host: bool = False
    """Whether the people index calls them a host."""
    url: str | None = None
    """Their page's URL from the site's root, once the page is added."""

    @property
    def count(self) -> int:
        return len(self.pages)


class People:
    """Everyone named who speaks in the site's interviews, by key."""

    def __init__(self, entries: Sequence[Entry], registry: Iterable[Speaker]) -> None:
        """Gather the people of `entries` (newest first); the `registry`'s aliases stand for
        their owners."""
        registered: dict[str, Speaker] = {}
        owners: dict[str, str] = {}
        for speaker in registry:
            key = tag_key(speaker.name)
            registered.setdefault(key, speaker)
            for alias in (speaker.name, *speaker.aliases):
                owners.setdefault(tag_key(alias), key)
        self.people: dict[str, Person] = {}
        self.spoken: dict[str, dict[str, Person]] = {}
        """Who speaks in each interview, by the name they speak under, by `src_uri`."""
        spellings: dict[str, Counter[str]] = {}
        for entry in entries:
            source = entry.page.file.src_uri
            hosts = set(entry.hosts)
            spoken = self.spoken[source] = {}
            for name in entry.speakers:
                key = tag_key(name)
                if key in owners:
                    key = owners[key]
                elif is_generic(name) or not base_slug(name):
                    continue
                person = self.people.get(key)
                if person is None:
                    person = self.people[key] = Person(key, name, speaker=registered.get(key))
                    spellings[key] = Counter()
                spoken[name] = person
                if source in person.names:
                    continue  # two spellings of one person in one interview
                person.pages.append(source)
                person.names[source] = name
                person.hosted += name in hosts
                spellings[key][name] += 1
        total = len(entries)
        for key, person in self.people.items():
            if person.speaker is not None:
                person.name = person.speaker.name
            else:  # ties: a name not all in capitals, then the newest
                counts = spellings[key]
                spelling = max(counts, key=lambda name: (counts[name], not name.isupper()))
                person.name = " ".join(unicodedata.normalize("NFC", spelling).split())
            person.host = _is_host(person, total)
        self._settle_slugs()
        self.by_slug = {person.slug: person for person in self.people.values()}

    def _settle_slugs(self) -> None:
        """Give each person a slug of their own (see the module's text)."""
        groups: dict[str, list[Person]] = {}
        for person in self.people.values():
            groups.setdefault(base_slug(person.name), []).append(person)
        for base, group in groups.items():
            if len(group) == 1:
                group[0].slug = base
                continue
            for person in group:
                plain = person.key == base.replace("-", " ")
                person.slug = base if plain else f"{base}-{slug_hash(person.key)}"
        taken: set[str] = set()
        for person in sorted(self.people.values(), key=lambda person: person.key):
            while person.slug in taken:  # a name that ends as another's hash
                person.slug = f"{person.slug}-{slug_hash(person.key)}"
            taken.add(person.slug)

    def sorted(self) -> list[Person]:
        """Everyone, by name."""
        return sorted(
            self.people.values(),
            key=lambda person: (_latin_ascii(person.name).casefold(), person.name, person.slug),
        )

    def find(self, text: str) -> Person | None:
        """The person `text` names: by any spelling of their name, a registered alias, or
        their slug."""
        key = tag_key(text)
        if (person := self.people.get(key)) is not None:
            return person
        for person in self.people.values():
            if person.speaker is not None and key in map(tag_key, person.speaker.aliases):
                return person
        return self.by_slug.get(text) or self.by_slug.get(key)

    def links(self, entry: Entry) -> dict[str, str]:
        """The page of each person who speaks in `entry`, by the name they speak under."""
        spoken = self.spoken.get(entry.page.file.src_uri, {})
        return {name: person.url for name, person in spoken.items() if person.url is not None}


def _is_host(person: Person, total: int) -> bool:
    """A host: so declared in the registry, or on the host's side in three interviews or more,
    and in two of every three of theirs or in a tenth of the site's."""
    if person.speaker is not None and person.speaker.side is not None:
        return person.speaker.side == "host"
    return person.hosted >= _MIN_HOSTED and (
        3 * person.hosted >= 2 * person.count or 10 * person.count >= total
    )


def person_page_path(people_page: str, person: Person) -> str:
    """The docs path of a person's page, beside the people index: `people/index.md` →
    `people/<slug>.md` and, with directory URLs, `people/<slug>/`."""
    return posixpath.join(posixpath.dirname(people_page), f"{person.slug}.md")


def add_person_pages(
    people: People,
    people_page: str,
    generated: Generated,
    urls: SiteURLs,
    config: MkDocsConfig,
    sources: Mapping[str, str],
) -> tuple[list[tuple[Person, Page]], list[str]]:
    """Add a page for each person, unless the docs have one at its path or URL, and set each
    person's URL; return the pages made, to be filled, and why any is not made."""
    problems_before = len(generated.problems)
    made = []
    for person in people.sorted():
        path = person_page_path(people_page, person)
        marker = f"<!-- interview:cards person={person.slug} -->"
        what = f"the page of '{person.name}'"
        shown = add_page(urls, config, generated, path, person.name, marker, what, sources)
        if (file := urls.files.get_file_from_path(shown)) is not None:
            person.url = file.url
            if shown == path and file.page is None:
                made.append((person, _page_of(file, config)))
    return made, generated.problems[problems_before:]


def _page_of(file: File, config: MkDocsConfig) -> Page:
    """The page of a generated file, read as MkDocs reads a page: its front matter, and its
    content the marker that is filled (Markdown would keep the comment as it is)."""
    page = Page(None, file, config)
    page.read_source(config)
    page.content = (page.markdown or "").strip() + "\n"
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    return page
