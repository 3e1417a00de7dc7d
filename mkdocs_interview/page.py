"""What the engine is told about one page: its front matter read against the site's settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .config import InterviewConfig
from .speakers import checked_avatars, relative_avatars
from .transcript import PageOptions, Speaker, page_options


def options_for(
    page: Page, files: Files, settings: InterviewConfig, registry: Sequence[Speaker]
) -> tuple[PageOptions, list[str]]:
    """The page's options for the engine, and the problems of its front matter."""
    options, problems = page_options(
        page.meta,
        settings.detection,
        registry=registry,
        interviewer=settings.interviewer,
        interviewee=settings.interviewee,
        keep_liquid=settings.liquid == "keep",
    )
    speakers, avatar_problems = checked_avatars(options.speakers, files)
    options = replace(options, speakers=tuple(speakers))
    return relative_avatars(options, page), problems + avatar_problems
