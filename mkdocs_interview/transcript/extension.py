"""The Python-Markdown extension: turns speaker lines into chat turns."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .detect import speaker_labels
from .labels import find_label
from .model import PageOptions, Transcript
from .options import page_options
from .render import regroup

# After inline parsing (20), so `<strong>` exists; before attr_list (8) and toc (5).
TREEPROCESSOR_PRIORITY = 12


class InterviewExtension(Extension):
    """Render interview transcripts as chat blocks.

    Options: `detection` (`auto`, `front-matter`, `always` or `off`), `speakers` (names that
    are always speakers) and `host`. A host program may set `page` before each conversion to
    pass a page's own options; the outcome of the last conversion is in `transcript`.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "detection": [
                "auto",
                "'auto', 'front-matter' (with the meta extension), 'always' or 'off'",
            ],
            "speakers": [[], "Names that are speakers wherever they appear"],
            "host": ["", "The host's name; by default the first speaker"],
        }
        super().__init__(**kwargs)
        self.page: PageOptions | None = None
        self.transcript = Transcript()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(
            InterviewTreeprocessor(md, self), "interview", TREEPROCESSOR_PRIORITY
        )

    def reset(self) -> None:
        self.transcript = Transcript()

    def options_for(self, md: Markdown) -> PageOptions:
        """The page's options: those set by the host program, else from the meta extension's
        front matter and this extension's settings."""
        if self.page is not None:
            return self.page
        meta = {key: _meta_value(value) for key, value in getattr(md, "Meta", {}).items()}
        options, _ = page_options(meta, self.getConfig("detection"))
        speakers = tuple(self.getConfig("speakers")) + options.speakers
        return PageOptions(options.mode, speakers, options.host or self.getConfig("host") or None)


class InterviewTreeprocessor(Treeprocessor):
    """Finds speaker lines among the top-level blocks and regroups the blocks into turns."""

    def __init__(self, md: Markdown, extension: InterviewExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        options = self.extension.options_for(self.md)
        labels = [label for block in root if (label := find_label(block))]
        speakers = speaker_labels(labels, options, root)
        self.extension.transcript = regroup(root, labels, speakers, options)


def _meta_value(value: Any) -> Any:
    """The meta extension gives every value as a list of lines; unwrap the single ones."""
    if isinstance(value, list) and len(value) == 1:
        text = value[0]
        return {"true": True, "false": False}.get(text.strip().lower(), text)
    return value


def makeExtension(**kwargs: Any) -> InterviewExtension:  # noqa: N802 (Python-Markdown's name)
    """Entry point for `markdown.Markdown(extensions=["mkdocs_interview.markdown"])`."""
    return InterviewExtension(**kwargs)
