"""One build of a site: what the plugin learns from its settings, files and pages, and what
the hooks ask of it. A new one is made for every build, so nothing carries over from one
`mkdocs serve` rebuild to the next."""

from __future__ import annotations

import functools
import logging
import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from jinja2 import Environment
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .caption_pages import Imports, add_caption_pages
from .catalog import Catalog
from .config import InterviewConfig
from .encoding import read_pages
from .fragments import Fragments, overriding_turn_template, turn_head
from .frontmatter import PageFacts, front_matter_error, normalise, read_facts
from .pages import SiteURLs, withdraw_index_pages
from .places import Places
from .player import PlayerPage, player_page
from .report import Report
from .search import SearchView
from .stylesheet import (
    HEAD_END,
    STYLESHEET,
    into_head,
    on_every_page,
    shows_markup,
    stylesheet_link,
)
from .transcript import InterviewExtension, PageOptions, Speaker, Transcript
from .urls import checked_avatars, relative_avatars

if TYPE_CHECKING:
    from jinja2 import Template

Log = logging.LoggerAdapter[logging.Logger]

THEME_DIR = Path(__file__).parent / "templates"
"""The plugin's theme folder: its templates, fragments and stylesheet."""

_NOT_IN_ID = re.compile(r"[^0-9a-z]+")


class Build:
    """Everything one build learns: the site's speakers, each page's facts and transcript,
    the catalog of interviews, the caption files' pages, and the Markdown extension, which is
    made from the site's settings and asks the build which page it converts."""

    def __init__(
        self, settings: InterviewConfig, config: MkDocsConfig, log: Log, *, reporting: bool
    ) -> None:
        self.settings = settings
        self.config = config
        self.log = log
        self.reporting = reporting
        """Whether the build reports on every page (to a `report` file, or to `python -m
        mkdocs_interview report`), which then reads every page in full."""
        self.catalog = Catalog(settings)
        self.imports = Imports()
        self.report = Report()
        self.search = SearchView(config.plugins)
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.registry: list[Speaker] = []
        self.facts: dict[str, PageFacts] = {}
        """Each page's facts, by `src_uri`, once its Markdown is read."""
        self.places: dict[str, Places] = {}
        """Where each rendered page's lines come from, by `src_uri`, for warnings."""
        self.transcripts: dict[str, Transcript] = {}
        """What the engine did to each page, by `src_uri`, until the page is taken in."""
        self.turn_template: Template | None = None
        """The theme's own `interview/turn.html`, if it has one."""
        self.transcript_count = 0
        self.turn_count = 0
        self.fragments: Fragments | None = None
        """The renderer of fragments, once every page is read."""
        self.theme_shows_tags = False
        """Whether the theme shows each page's tags itself (Material's tags plugin)."""
        self.highlighted: Page | None = None
        """The page marked active in the navigation for the page being written."""
        self.players: list[tuple[PlayerPage, Places]] = []
        """The pages that show a player, with where their warnings point."""
        self.stylesheet_on_pages = False
        """Whether pages link the stylesheet one by one, rather than all by `extra_css`."""
        self.extension = InterviewExtension(
            page_options=self.page_options,
            on_transcript=self.keep_transcript,
            speaker_html=self.speaker_html,
            turn_texts=bool(settings.export),  # the export alone reads them
            prescreen=not reporting,
        )

    def configure(self, config: MkDocsConfig) -> None:
        """Add the extension, the theme folder and, where every page needs it, the stylesheet
        to the site's configuration."""
        extensions = cast(list[object], config.markdown_extensions)  # names, and instances
        extensions.append(self.extension)
        # Material's tags plugin shows a page's tags atop it: the page meta then leaves them out
        self.theme_shows_tags = any(
            type(plugin).__module__.startswith("material.plugins.tags")
            for plugin in config.plugins.values()
        )
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME_DIR))
        if self.settings.stylesheet:
            if not on_every_page(config.theme.name, config.theme.get("features", [])):
                self.stylesheet_on_pages = True  # on the pages that need it, by `into_head`
            elif STYLESHEET not in config.extra_css:
                config.extra_css.insert(0, STYLESHEET)  # first, so the site's own CSS wins

    def read_files(self, files: Files, config: MkDocsConfig) -> None:
        """Read every page once, check the speakers' avatars, add the caption files' pages
        and the index and tag pages, and find the theme's turn template."""
        texts, problems = read_pages(files)  # before anything reads a page
        for problem in problems:
            self.log.warning(problem)
        self.files = files
        self.registry, problems = checked_avatars(self.settings.speakers, files)
        for problem in problems:
            self.log.warning(f"{Path(config.config_file_path).name}: speakers: {problem}")
        urls = SiteURLs(files)
        if self.settings.captions:
            self.imports = add_caption_pages(urls, config, self.registry, self.log)
        imports = self.imports
        for problem in self.catalog.add_pages(
            urls, config, texts, imports.sources, imports.front_matters
        ):
            self.log.warning(problem)
        self.turn_template = overriding_turn_template(config.theme.get_env(), THEME_DIR)

    def read_page(self, markdown: str, page: Page, files: Files) -> str:
        """The Markdown of `page` as the engine is to read it (with its caption file's
        transcript, if it takes one), once its facts are read and their problems told."""
        source = page.file.src_uri
        if not page.meta and (problem := front_matter_error(markdown)):
            self.log.warning(f"{source}: {problem}")
        markdown, places = self.imports.transcript_of(page, markdown)
        self.places[source] = places
        problems = normalise(page.meta)  # for every plugin and theme
        facts = read_facts(page.meta, source, self.settings, registry=self.registry, files=files)
        self.facts[source] = facts
        for problem in problems + list(facts.problems):
            self.log.warning(f"{places.of_front_matter(problem, files)}: front matter: {problem}")
        return markdown

    def take_page(self, html: str, page: Page, files: Files) -> None:
        """Take in a rendered page: its transcript for the catalog, and what to tell of it."""
        source = page.file.src_uri
        transcript = self.transcripts.pop(source, None) or Transcript()
        facts = self.facts.get(source) or PageFacts()
        places = self.places.get(source) or Places(source)
        if transcript.turns:
            self.transcript_count += 1
            self.turn_count += len(transcript.turns)
            title = self.imports.titles.get(source)
            for problem in self.catalog.add(page, transcript, files, facts, title):
                self.log.warning(
                    f"{places.of_front_matter(problem, files)}: front matter: {problem}"
                )
        elif facts.mode == "on" and _opted_in_by_name(page.meta):
            self.log.warning(
                f"{places.of_line(None)}: marked as an interview, but no speaker line found"
            )
        if player := player_page(page, facts.options.media, html, len(transcript.turns)):
            self.players.append((player, places))
        for diagnostic in transcript.diagnostics:
            level = self.log.info if diagnostic.level == "info" else self.log.warning
            level(f"{places.of_line(diagnostic.line)}: {diagnostic.message}")
        if self.reporting and source not in self.catalog.generated.titles:
            self.report.add(source, transcript, marked=facts.mode == "on")
        self.catalog.note_markers(page, html)

    def fill(self, env: Environment, files: Files) -> None:
        """Fill every marker, and put each interview's date and tags at its top. A build that
        found no interview has no index or tag pages."""
        catalog = self.catalog
        marked = catalog.marked
        if not catalog.entries:
            withdrawn = withdraw_index_pages(catalog.generated, files, self.nav)  # not written
            marked = [page for page in marked if page.file.src_uri not in withdrawn]
            if not marked and not self.players:
                return
        from .cards import fill_pages

        tag_urls = {}
        for slug, path in catalog.generated.tag_paths.items():
            if file := files.get_file_from_path(path):
                tag_urls[slug] = file.url
        self.fragments = Fragments(env, tag_urls)
        marked = marked + self.add_people(files, self.fragments)
        if catalog.entries or marked:
            fill_pages(
                catalog,
                marked,
                self.fragments,
                files,
                self.log,
                with_tags=not self.theme_shows_tags,
            )
        self.add_players(self.fragments, files)

    def in_nav(self, page: Page) -> None:
        """On a tag's page, which the navigation does not list, mark the tag index active,
        so that the theme highlights the way back to it (until the page is written)."""
        generated = self.catalog.generated
        if page.file.src_uri in generated.tags_of_pages and generated.tag_index and self.files:
            index = self.files.get_file_from_path(generated.tag_index)
            if index is not None and index.page is not None and index.page is not page:
                index.page.active = True
                self.highlighted = index.page

    def add_players(self, fragments: Fragments, files: Files) -> None:
        """Put a player above the transcript of each page with `media`, and the script after
        it unless the site turned it off; tell what keeps a page from its player."""
        from .player import player_fields, script_tag, with_player

        for player, places in self.players:
            fields, problem = player_fields(player, files)
            if problem:
                self.log.warning(
                    f"{places.of_front_matter(problem, files)}: front matter: {problem}"
                )
            if fields is not None:
                page = player.page
                shown = fragments.player(fields)
                if self.settings.player:
                    shown += "\n" + script_tag(page)
                page.content = with_player(page.content or "", shown)

    def add_people(self, files: Files, fragments: Fragments) -> list[Page]:
        """Gather who speaks, and add each person's page with its head, or take the people
        index out when no one named speaks; return the pages made, whose markers are filled."""
        from .people import People, add_person_pages

        catalog = self.catalog
        entries = sorted(catalog.entries.values(), key=lambda entry: entry.sort_key)
        people = catalog.people = People(entries, self.registry)
        index = self.settings.people
        if not index:
            return []
        if not people.people:
            withdraw_index_pages(catalog.generated, files, self.nav, only=[index])
            return []
        urls = SiteURLs(files)
        made, problems = add_person_pages(
            people, index, catalog.generated, urls, self.config, self.imports.sources
        )
        for problem in problems:
            self.log.warning(problem)
        catalog.outputs = urls.owners
        for person, page in made:
            page.content = fragments.person(person, page) + "\n" + (page.content or "")
        return [page for _, page in made]

    def into_head(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A written page with the stylesheet's link, if it shows the plugin's markup and the
        theme does not link it on every page, and its social meta, if it is an interview."""
        if (highlighted := self.highlighted) is not None:
            highlighted.active = False
            self.highlighted = None
        end = HEAD_END.search(output)
        if end is None:
            return output
        at, link, meta = end.start(), "", ""
        if self.stylesheet_on_pages and shows_markup(output):
            at, link = stylesheet_link(output, page, config.extra_css, end.start())
        entry = self.catalog.entries.get(page.file.src_uri)
        if entry is not None and self.fragments is not None and self.settings.social_meta:
            from .head import page_head

            meta = page_head(entry, output, page, config, self.fragments, end.start())
        return into_head(output, end, at, link, meta) if link or meta else output

    def finish(self, config: MkDocsConfig) -> None:
        """Write the export and the report, and say how many transcripts the build made."""
        if self.settings.export and self.catalog.entries:
            from .export import export

            if problem := export(self.catalog, config):
                self.log.warning(problem)
        self.catalog.close()
        if self.settings.report:
            path = Path(config.config_file_path).parent / self.settings.report
            try:
                self.report.write(path)
            except (OSError, ValueError) as error:
                self.log.warning(f"report: cannot write {self.settings.report!r}: {error}")
        transcripts = _count(self.transcript_count, "transcript")
        self.log.info(f"{transcripts}, {_count(self.turn_count, 'turn')}")

    # What the Markdown extension asks, and tells.

    def page_options(self, md: Markdown) -> PageOptions:
        """The options of the page `md` converts, known by the file MkDocs (or a plugin that
        renders a page's Markdown again, as Material's blog does for excerpts) gives it for
        its links. A page shown inside another (an excerpt) has turn ids of its own. Markdown
        of no page (a docstring, say) gets the site's settings."""
        rendered = self._rendered(md)
        if rendered is None:
            return self._site_options
        file, inside = rendered
        facts = self.facts.get(file.src_uri)
        if facts is None:  # rendered before its page (an excerpt); the page tells the problems
            meta = getattr(file.page, "meta", None)
            facts = read_facts(
                meta if isinstance(meta, Mapping) else {},
                file.src_uri,
                self.settings,
                registry=self.registry,
                files=self.files,
            )
        options = relative_avatars(facts.options, file.url)
        if inside:
            options = replace(options, turn_ids=f"{_id_of(file.src_uri)}-turn-")
        return options

    def keep_transcript(self, md: Markdown, transcript: Transcript) -> None:
        """Keep what the engine did to a page, for `take_page`; a page shown inside another
        is not the page. Search reads lean HTML once any render shows a chat."""
        if transcript.turns:
            self.search.chats = True
        rendered = self._rendered(md)
        if rendered is not None and not rendered[1]:
            self.transcripts[rendered[0].src_uri] = transcript

    @functools.cached_property
    def _site_options(self) -> PageOptions:
        """The options of Markdown that is no page's: the site's settings alone."""
        return read_facts({}, "", self.settings, registry=self.registry).options

    def _rendered(self, md: Markdown) -> tuple[File, bool] | None:
        """The file whose Markdown `md` converts, the one MkDocs' link rewriter holds, and
        whether it is shown inside another page: its copy moved to that page's URL, as
        Material's blog moves an excerpt's."""
        if "relpath" not in md.treeprocessors:
            return None
        file = getattr(md.treeprocessors["relpath"], "file", None)
        if not isinstance(file, File):
            return None
        own = self.files.get_file_from_path(file.src_uri) if self.files is not None else None
        return file, own is not None and own.url != file.url

    def speaker_html(self, person: Speaker) -> str:
        """The head of `person`'s turns: the theme's `interview/turn.html`, else the engine's."""
        if self.turn_template is not None:
            return turn_head(self.turn_template, person)
        from .transcript.render import speaker_head  # loaded once a page has a turn

        return speaker_head(person)


def _id_of(src_uri: str) -> str:
    """A page's file as the start of an id: `blog/posts/hello.md` → `blog-posts-hello`."""
    return _NOT_IN_ID.sub("-", posixpath.splitext(src_uri)[0].lower()).strip("-") or "page"


def _opted_in_by_name(meta: Mapping[str, object]) -> bool:
    """`interview: true`: a tag alone may mark a post about interviews, and `speakers:` a
    talk by several people."""
    return meta.get("interview") is True


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
