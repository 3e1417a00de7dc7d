"""The MkDocs plugin: hooks that hand each page to the transcript engine and the catalog."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .catalog import Catalog
from .config import InterviewConfig
from .encoding import read_pages
from .imports import Imports, add_caption_pages
from .meta import front_matter_error, normalise
from .page import options_for
from .pages import SiteURLs
from .places import Places
from .report import Report
from .search import SEARCH_PRIORITY, SearchView
from .speakers import checked_avatars
from .stylesheet import (
    HEAD_END,
    STYLESHEET,
    into_head,
    on_every_page,
    shows_markup,
    stylesheet_link,
)
from .transcript import InterviewExtension, Speaker
from .turns import overriding_turn_template, speaker_html

log = get_plugin_logger("interview")

THEME_DIR = Path(__file__).parent / "templates"


class InterviewPlugin(BasePlugin[InterviewConfig]):  # type: ignore[no-untyped-call]
    """Renders the interview pages of a site as chat conversations, with cards and tag pages."""

    def __init__(self) -> None:
        super().__init__()
        self.extension = InterviewExtension()
        self.transcripts = 0
        self.turns = 0
        self.registry: list[Speaker] = []
        self.imports = Imports()
        self.places: dict[str, Places] = {}
        """Where each rendered page's lines come from, by `src_uri`, for warnings."""
        self.report = Report()
        self.search = SearchView(())
        self.nav: Navigation | None = None
        self.reporting = False
        """Whether the report reads every page in full, as `python -m mkdocs_interview report`
        asks: the report says why a page that is no dialogue is none."""
        self.stylesheet_on_pages = False
        """Whether pages link the stylesheet one by one, rather than all by `extra_css`."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.transcripts = self.turns = 0
        self.imports, self.places, self.report = Imports(), {}, Report()
        self.catalog = Catalog(self.config, log)
        self.nav = None
        self.search = SearchView(config.plugins)
        if not self.config.enabled:
            return config
        extensions = cast(list[object], config.markdown_extensions)  # names, and instances
        self.extension.turn_texts = bool(self.config.export)  # the export alone reads them
        self.extension.prescreen = not self._reports
        if self.extension not in extensions:
            extensions.append(self.extension)
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME_DIR))
        self.stylesheet_on_pages = False
        if self.config.stylesheet:
            if not on_every_page(config.theme.name, config.theme.get("features", [])):
                self.stylesheet_on_pages = True  # on the pages that need it, by `on_post_page`
            elif STYLESHEET not in config.extra_css:
                config.extra_css.insert(0, STYLESHEET)  # first, so the site's own CSS wins
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            texts, problems = read_pages(files)  # before anything reads a page
            for problem in problems:
                log.warning(problem)
            self.registry, problems = checked_avatars(self.config.speakers, files)
            for problem in problems:
                log.warning(f"{Path(config.config_file_path).name}: speakers: {problem}")
            urls = SiteURLs(files)
            if self.config.captions:
                self.imports = add_caption_pages(urls, config, self.registry, log)
            imports = self.imports
            for problem in self.catalog.add_pages(
                urls, config, texts, imports.sources, imports.front_matters
            ):
                log.warning(problem)
            template = overriding_turn_template(config.theme.get_env(), THEME_DIR)
            self.extension.speaker_html = speaker_html(template) if template else None
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        self.nav = nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return markdown
        source = page.file.src_uri
        if not page.meta and (problem := front_matter_error(markdown)):
            log.warning(f"{source}: {problem}")
        markdown, places = self.imports.transcript_of(page, markdown)
        self.places[source] = places
        problems = normalise(page.meta)  # for every plugin and theme
        self.extension.page, more = options_for(page, files, self.config, self.registry)
        for problem in problems + more:
            log.warning(f"{places.of_front_matter(problem, files)}: front matter: {problem}")
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        options, transcript = self.extension.page, self.extension.transcript
        self.extension.page = None
        places = self.places.get(page.file.src_uri) or Places(page.file.src_uri)
        if transcript.turns:
            self.transcripts += 1
            self.search.chat_pages.add(page.file.src_uri)
            self.turns += len(transcript.turns)
            title = self.imports.titles.get(page.file.src_uri)
            for problem in self.catalog.add(page, transcript, files, title):
                log.warning(f"{places.of_front_matter(problem, files)}: front matter: {problem}")
        elif options is not None and options.mode == "on" and _opted_in_by_name(page.meta):
            log.warning(
                f"{places.of_line(None)}: marked as an interview, but no speaker line found"
            )
        for diagnostic in transcript.diagnostics:
            level = log.info if diagnostic.level == "info" else log.warning
            level(f"{places.of_line(diagnostic.line)}: {diagnostic.message}")
        if self._reports and page.file.src_uri not in self.catalog.generated.titles:
            marked = options is not None and options.mode == "on"
            self.report.add(page.file.src_uri, transcript, marked=marked)
        self.catalog.note_markers(page, html)
        return html

    @property
    def _reports(self) -> bool:
        """Whether the build reports on every page (not on the pages of cards it makes): to a
        `report` file, or to `python -m mkdocs_interview report`."""
        return bool(self.config.report) or self.reporting

    @event_priority(SEARCH_PRIORITY + 1)
    def _lend_to_search(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        if self.config.enabled:
            self.search.lend(page)

    @event_priority(SEARCH_PRIORITY - 1)
    def _give_back_after_search(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        self.search.give_back(page)

    on_page_context = CombinedEvent(_lend_to_search, _give_back_after_search)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.config.enabled:
            self.catalog.fill(env, files, self.nav)
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        end = HEAD_END.search(output)
        if end is None:
            return output
        at, link = end.start(), ""
        if self.stylesheet_on_pages and shows_markup(output):
            at, link = stylesheet_link(output, page, config.extra_css, end.start())
        meta = self.catalog.head(output, page, config, end.start())
        return into_head(output, end, at, link, meta) if link or meta else output

    @event_priority(-100)  # once other plugins wrote their files, which the export never replaces
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and (problem := self.catalog.export(config)):
            log.warning(problem)
        self.catalog.close()
        if self.config.enabled and self.config.report:
            path = Path(config.config_file_path).parent / self.config.report
            try:
                self.report.write(path)
            except (OSError, ValueError) as error:
                log.warning(f"report: cannot write {self.config.report!r}: {error}")
        if self.config.enabled:
            log.info(f"{_count(self.transcripts, 'transcript')}, {_count(self.turns, 'turn')}")


def _opted_in_by_name(meta: Mapping[str, object]) -> bool:
    """`interview: true`: a tag alone may mark a post about interviews, and `speakers:` a
    talk by several people."""
    return meta.get("interview") is True


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
