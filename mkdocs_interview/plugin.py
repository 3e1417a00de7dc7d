"""The MkDocs plugin: hooks, each handing its event to the build (`build.Build`)."""

from __future__ import annotations

from typing import cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .build import THEME_DIR, Build
from .config import InterviewConfig
from .report import Report
from .search import SEARCH_PRIORITY
from .transcript import InterviewExtension

log = get_plugin_logger("interview")

__all__ = ["THEME_DIR", "InterviewPlugin"]


class InterviewPlugin(BasePlugin[InterviewConfig]):  # type: ignore[no-untyped-call]
    """Renders the interview pages of a site as chat conversations, with cards and tag pages."""

    def __init__(self) -> None:
        super().__init__()
        self.build: Build | None = None
        """What the current build has learnt; a new one for each build."""
        self.reporting = False
        """Whether the report reads every page in full, as `python -m mkdocs_interview report`
        asks: the report says why a page that is no dialogue is none."""

    @property
    def report(self) -> Report:
        """The detection report of the last build."""
        return self.build.report if self.build is not None else Report()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        extensions = cast(list[object], config.markdown_extensions)
        extensions[:] = [item for item in extensions if not _ours(item)]  # an earlier build's
        self.build = None
        if self.config.enabled:
            reporting = self.reporting or bool(self.config.report)
            self.build = Build(self.config, config, log, reporting=reporting)
            self.build.configure(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.build is not None:
            self.build.read_files(files, config)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.build is not None:
            self.build.nav = nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None:
            return markdown
        return self.build.read_page(markdown, page, files)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is not None:
            self.build.take_page(html, page, files)
        return html

    @event_priority(SEARCH_PRIORITY + 1)
    def _lend_to_search(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        if self.build is not None:
            self.build.search.lend(page)

    @event_priority(SEARCH_PRIORITY - 1)
    def _give_back_after_search(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        if self.build is not None:
            self.build.search.give_back(page)

    def _highlight_in_nav(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        if self.build is not None:
            self.build.in_nav(page)

    on_page_context = CombinedEvent(_lend_to_search, _highlight_in_nav, _give_back_after_search)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.build is not None:
            self.build.fill(env, files)
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is None:
            return output
        return self.build.into_head(output, page, config)

    @event_priority(-100)  # once other plugins wrote their files, which the export never replaces
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build is not None:
            self.build.finish(config)


def _ours(extension: object) -> bool:
    return isinstance(extension, InterviewExtension)
