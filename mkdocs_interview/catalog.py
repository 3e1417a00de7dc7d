"""The site's interviews, gathered as pages are built: their cards, tags and markers."""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .config import InterviewConfig
from .meta import facts_of, front_matter_of, may_mark, read_front_matter
from .pages import Generated, SiteURLs, add_index_pages, withdraw_index_pages
from .tags import TagIndex, slug_of, unnamed
from .transcript import Transcript
from .transcript.options import page_options, shown, text_of
from .urls import site_path

_OPENS_WITH_TITLE = re.compile(r"\s*<h1")  # `\s`: what `str.lstrip` takes out

if TYPE_CHECKING:
    from .cards import Entry, Renderer
    from .export import TurnSpool

# What renders cards, tag lists, page meta, social meta and the export (`cards`, `escaping`,
# `export`, `head`) is imported once a build has an interview or a page has a marker.


@dataclass
class Catalog:
    """Everything one build learns about its interviews. A new one is made for every build,
    so nothing carries over from one `mkdocs serve` rebuild to the next."""

    settings: InterviewConfig
    log: logging.LoggerAdapter[logging.Logger]
    tags: TagIndex = field(init=False)
    generated: Generated = field(default_factory=Generated)
    entries: dict[str, Entry] = field(default_factory=dict)
    """Each interview by the `src_uri` of its page."""
    marked: list[Page] = field(default_factory=list)
    templates: Environment | None = None
    """The theme's templates, with autoescape forced on, once every page is read."""
    outputs: Mapping[str, File] = field(default_factory=dict)
    """Every file the build writes (docs, theme, generated), by `dest_uri`."""
    spool: TurnSpool | None = None
    """The turns of every interview, for the export; made with the first one."""

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
            meta = {**(sidecar or {}), **own}
            if page_options(meta, detection)[0].mode == "on":
                self.tags.add(facts_of(meta, file.src_uri).tags)
        self.generated = add_index_pages(
            urls,
            config,
            index_page=self.settings.index_page,
            index_title=self.settings.index_title,
            tags_page=self.settings.tags_page,
            tags_title=self.settings.tags_title,
            tags=self.tags.sorted(),
            sources=sources,
        )
        self.outputs = urls.owners
        return self.generated.problems

    def add(
        self, page: Page, transcript: Transcript, files: Files, title: str | None = None
    ) -> list[str]:
        """Remember a rendered interview page, for its card, with `title` if it has one
        other than the page's; return the problems of its front matter. A draft (under
        `mkdocs serve`) gets no card."""
        from .cards import Entry

        facts = facts_of(page.meta, page.file.src_uri)
        problems = list(facts.problems)
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
            tags=tuple(self.tags.add(facts.tags)),
            social_image=site_path(social_image, page, files) if social_image else None,
            turns=self._spool().add(transcript.turns) if self.settings.export else None,
        )
        return problems

    def _spool(self) -> TurnSpool:
        if self.spool is None:
            from .export import TurnSpool

            self.spool = TurnSpool()
        return self.spool

    def close(self) -> None:
        """Let go of the turns kept for the export."""
        if self.spool is not None:
            self.spool.close()

    def note_markers(self, page: Page, html: str) -> None:
        if page.file.src_uri in self.generated.titles:  # a page the plugin made has its marker
            self.marked.append(page)
        elif "<!--" in html and "interview:" in html:  # what a marker opens with
            from .cards import MARKER

            if MARKER.search(html):
                self.marked.append(page)

    def fill(self, env: Environment, files: Files, nav: Navigation | None) -> None:
        """Fill every marker, and put each interview's date and tags at its top. A build that
        found no interview has no index or tag pages."""
        marked = self.marked
        if not self.entries:
            withdrawn = withdraw_index_pages(self.generated, files, nav)  # not written
            marked = [page for page in marked if page.file.src_uri not in withdrawn]
            if not marked:
                return
        from .cards import MARKER, Renderer
        from .escaping import escaping_environment

        entries = sorted(self.entries.values(), key=lambda entry: entry.sort_key)
        urls = {}
        for slug, path in self.generated.tag_paths.items():
            if file := files.get_file_from_path(path):
                urls[slug] = file.url
        self.templates = escaping_environment(env)
        renderer = Renderer(self.templates, urls)
        for path, title in self.generated.titles.items():
            if (file := files.get_file_from_path(path)) and file.page:
                file.page.content = renderer.heading(title) + "\n" + (file.page.content or "")
        for page in marked:
            page.content = MARKER.sub(
                functools.partial(self._marker, page=page, renderer=renderer, entries=entries),
                page.content or "",
            )
        if self.settings.page_meta:
            for entry in entries:
                meta = renderer.page_meta(entry, entry.page)
                entry.page.content = _after_title(entry.page.content or "", meta)

    def export(self, config: MkDocsConfig) -> str | None:
        """Write the export, if the settings ask for one; return why it is not written."""
        if not self.settings.export or not self.entries:
            return None
        from .export import export_refusal, write_export

        site = Path(config.site_dir)
        if problem := export_refusal(self.settings.export, site, self.outputs, config):
            return problem
        write_export(site / self.settings.export, self.entries.values(), self._spool())
        return None

    def head(self, output: str, page: Page, config: MkDocsConfig, head_end: int) -> str:
        """The social meta `output` lacks, if the page is an interview, to put where its
        `<head>` ends (at `head_end`); "" if none."""
        entry = self.entries.get(page.file.src_uri)
        if entry is None or self.templates is None or not self.settings.social_meta:
            return ""
        from .head import missing_meta, social_meta

        meta = social_meta(
            title=entry.title,
            description=entry.excerpt,
            image=entry.social_image or entry.image,
            url=page.canonical_url,
            site_url=config.site_url,
        )
        return missing_meta(output, meta, self.templates, head_end)

    def _warn(self, page: Page, match: re.Match[str], message: str) -> None:
        self.log.warning(f"{_line_of(page, match.group(0))}: {message}")

    def _marker(
        self, match: re.Match[str], *, page: Page, renderer: Renderer, entries: list[Entry]
    ) -> str:
        from .cards import MARKER_KINDS, MarkerError, parse_marker, select

        kind, content = match.group("kind"), match.string
        if kind not in MARKER_KINDS:
            if kind != "transcript":  # a page without a caption file keeps it as a comment
                known = ", ".join(f"interview:{kind}" for kind in MARKER_KINDS)
                self._warn(page, match, f"unknown marker {match.group(0)}; the markers are {known}")
            return match.group(0)
        if _in_paragraph(content, match.start()):
            self._warn(page, match, f"{match.group(0)} must stand on a line of its own")
            return match.group(0)
        try:
            marker = parse_marker(kind, match.group("options"))
        except MarkerError as error:
            self._warn(page, match, str(error))
            return match.group(0)
        if marker.tag and slug_of(marker.tag) not in self.tags.tags:
            self._warn(page, match, f"no interview is tagged {shown(marker.tag)}")
        if marker.kind == "tags":
            counts = Counter(tag for entry in entries for tag in entry.tags)
            listed = [(tag, counts[tag]) for tag in self.tags.sorted() if counts[tag]]
            return renderer.tag_index(listed, page)
        return renderer.cards(select(entries, marker), page)


def _in_paragraph(html: str, index: int) -> bool:
    """Whether `index` of a page's HTML is inside a `<p>`: where a marker written in a
    sentence is, and where no block may go."""
    opened = max(html.rfind("<p>", 0, index), html.rfind("<p ", 0, index))
    return opened > html.rfind("</p>", 0, index)


def _line_of(page: Page, text: str) -> str:
    """`src_uri:line` of the first line of the page's file that holds `text`, else
    `src_uri`."""
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError):
        source = ""
    found = source.find(text)
    return (
        page.file.src_uri
        if found < 0
        else f"{page.file.src_uri}:{source.count(chr(10), 0, found) + 1}"
    )


def _after_title(content: str, fragment: str) -> str:
    """`fragment` after the page's leading `<h1>`, or at its start when it has none."""
    if _OPENS_WITH_TITLE.match(content) and "</h1>" in content:
        return content.replace("</h1>", "</h1>\n" + fragment, 1)
    return fragment + "\n" + content
