"""The site's interviews, gathered as pages are built: their entries (what a card shows), their
tags, the turns kept for the export, and the pages with markers to fill. It only collects:
`cards` fills the markers, `export` writes the export, `head` the social meta."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .config import InterviewConfig
from .frontmatter import PageFacts, front_matter_of, may_mark, read_facts, read_front_matter
from .pages import Generated, SiteURLs, add_index_pages
from .tags import TagIndex, unnamed
from .transcript import Transcript
from .transcript.options import shown, text_of
from .urls import site_path

if TYPE_CHECKING:
    from .cards import Entry
    from .export import TurnSpool
    from .people import People

# What renders cards, tag lists, page meta, social meta and the export (`cards`, `fragments`,
# `export`, `head`) is imported once a build has an interview or a page has a marker.


@dataclass
class Catalog:
    """Everything one build learns about its interviews. A new one is made for every build,
    so nothing carries over from one `mkdocs serve` rebuild to the next."""

    settings: InterviewConfig
    tags: TagIndex = field(init=False)
    generated: Generated = field(default_factory=Generated)
    entries: dict[str, Entry] = field(default_factory=dict)
    """Each interview by the `src_uri` of its page."""
    marked: list[Page] = field(default_factory=list)
    """The pages with a marker to fill."""
    outputs: Mapping[str, File] = field(default_factory=dict)
    """Every file the build writes (docs, theme, generated), by `dest_uri`."""
    spool: TurnSpool | None = None
    """The turns of every interview, for the export; made with the first one."""
    people: People | None = None
    """Everyone named who speaks, once every page is rendered."""

    def __post_init__(self) -> None:
        self.tags = TagIndex(self.settings.hidden_tags)

    def add_pages(
        self,
        urls: SiteURLs,
        config: MkDocsConfig,
        texts: Mapping[str, str],
        sources: Mapping[str, str],
        merged: Mapping[str, Mapping[str, Any]],
    ) -> list[str]:
        """Read the front matter of every page marked as an interview for its tags, and add
        the index and tag pages; return why any of them is not made. `texts` holds the pages
        read already, by `src_uri`; `sources` names the caption file of each page made from
        one; `merged` is the front matter pages take from a caption's sidecar."""
        detection = self.settings.detection
        pages = urls.files.documentation_pages() if detection != "off" else []  # none is marked
        for file in sorted(pages, key=lambda file: file.src_uri):
            sidecar = merged.get(file.src_uri)
            text = texts.get(file.src_uri)
            if text is None:
                own = read_front_matter(file)
            elif sidecar is None and detection != "always" and not may_mark(text):
                continue  # its front matter, if any, cannot mark it
            else:
                own = front_matter_of(text)
            facts = read_facts({**(sidecar or {}), **own}, file.src_uri, self.settings)
            if facts.mode == "on":
                self.tags.add(facts.tags)
        self.generated = add_index_pages(
            urls,
            config,
            index_page=self.settings.index_page,
            index_title=self.settings.index_title,
            tags_page=self.settings.tags_page,
            tags_title=self.settings.tags_title,
            tags=self.tags.sorted(),
            sources=sources,
            people_page=self.settings.people,
            people_title=self.settings.people_title,
        )
        self.outputs = urls.owners
        return self.generated.problems

    def add(
        self,
        page: Page,
        transcript: Transcript,
        files: Files,
        facts: PageFacts,
        title: str | None = None,
    ) -> list[str]:
        """Remember a rendered interview page, for its card, with `title` if it has one
        other than the page's; return the problems of its front matter's card part. A draft
        (under `mkdocs serve`) gets no card."""
        from .cards import Entry

        problems = list(facts.card_problems)
        problems += [
            f"'tags': {shown(name)} names no tag page (it has no letter or digit); left out"
            for name in unnamed(facts.tags)
        ]
        if page.file.inclusion is InclusionLevel.DRAFT:
            return problems
        image = next(iter(facts.images), None) or transcript.first_image
        if image is None and self.settings.default_image:
            image = "/" + self.settings.default_image
        social_image = facts.social_image
        self.entries[page.file.src_uri] = Entry(
            page=page,
            title=title or text_of(page.title) or facts.title or page.file.name,
            date=facts.date,
            excerpt=facts.description or transcript.excerpt,
            image=site_path(image, page, files) if image else None,
            speakers=tuple(transcript.speakers),
            hosts=tuple(dict.fromkeys(t.speaker for t in transcript.turns if t.side == "host")),
            tags=tuple(self.tags.add(facts.tags)),
            social_image=site_path(social_image, page, files) if social_image else None,
            turns=(
                self.turn_spool().add(transcript.turns, prose=transcript.prose)
                if self.settings.export
                else None
            ),
        )
        return problems

    def turn_spool(self) -> TurnSpool:
        """The turns kept for the export."""
        if self.spool is None:
            from .export import TurnSpool

            self.spool = TurnSpool()
        return self.spool

    def close(self) -> None:
        """Let go of the turns kept for the export."""
        if self.spool is not None:
            self.spool.close()

    def note_markers(self, page: Page, html: str) -> None:
        """Remember `page` if it has a marker to fill."""
        if page.file.src_uri in self.generated.titles:  # a page the plugin made has its marker
            self.marked.append(page)
        elif "<!--" in html and "interview:" in html:  # what a marker opens with
            from .cards import MARKER

            if MARKER.search(html):
                self.marked.append(page)
