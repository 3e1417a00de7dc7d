"""`markdown_extensions: [mkdocs_interview.markdown]`: the chat engine without the plugin.

Given `docs_dir`, the docs folder, it also fills the `<!-- interview:cards … -->` and
`<!-- interview:tags -->` markers of each page from the interviews the folder holds (see
`folder`): what Zensical, which runs no MkDocs plugin, needs for an interviews index and tag
pages.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.postprocessors import Postprocessor

from .transcript import InterviewExtension
from .transcript.pagemeta import host_page

# After the raw HTML, markers included, is put back (30).
MARKERS_PRIORITY = 25


class SiteExtension(InterviewExtension):
    """The engine, and with `docs_dir` the markers filled from the docs folder's interviews."""

    def __init__(self, **kwargs: Any) -> None:
        self.site_config = {
            "docs_dir": ["", "The docs folder, to fill the cards and tags markers from"],
            "default_image": ["", "The cards' image for an interview that names none"],
        }
        site = {key: kwargs.pop(key) for key in list(kwargs) if key in self.site_config}
        super().__init__(**kwargs)
        for key, value in site.items():
            if not isinstance(value, str):
                raise ValueError(f"interview: '{key}' must be a text, not {value!r}")
            self.site_config[key][0] = value

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        super().extendMarkdown(md)
        if self.site_config["docs_dir"][0]:
            md.postprocessors.register(_Markers(md, self), "interview-markers", MARKERS_PRIORITY)


class _Markers(Postprocessor):
    """Fills the page's markers, once the raw HTML they are part of is back in place."""

    def __init__(self, md: Markdown, extension: SiteExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if "interview:" not in text or "<!--" not in text:  # what a marker holds
            return text
        from .folder import folder  # loaded by a page with a marker

        config = self.extension.site_config
        read = folder(
            config["docs_dir"][0], config["default_image"][0] or None, self.extension.registry
        )
        page = host_page(self.md)
        return read.fill(text, page.path if page else None, page.url if page else None)


def makeExtension(**kwargs: Any) -> SiteExtension:  # noqa: N802 (Python-Markdown's name)
    """Entry point for `markdown_extensions: [mkdocs_interview.markdown]`."""
    return SiteExtension(**kwargs)


__all__ = ["InterviewExtension", "SiteExtension", "makeExtension"]
