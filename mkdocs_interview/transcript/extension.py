"""The Python-Markdown extension: turns speaker lines into chat turns."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .model import Diagnostic, PageOptions, Speaker, Transcript
from .options import DETECTION_MODES, page_options, speakers_from
from .prescreen import MIN_TURNS, may_hold_dialogue

if TYPE_CHECKING:
    from .labels import Label
    from .render import SpeakerHead

# The modules that read and rewrite a page's tree (`detect`, `labels`, `segment`, `render`,
# `excerpt`, `markers`, `rawhtml`, `colours`) are imported by the tree processors, once a page
# is past the prescreen: a site without interviews never loads them.

log = logging.getLogger("MARKDOWN")  # where Python-Markdown and its extensions report

# After inline parsing (20), so `<strong>` exists; before attr_list (8) and toc (5).
TREEPROCESSOR_PRIORITY = 12
# After attr_list (8) and abbr (7) read the text, which stage notes and timestamps then cut
# into elements; before toc (5) adds permalinks.
TEXT_PRIORITY = 6
# After whitespace is normalised (30), before fenced code is stashed away (25).
SOURCE_PRIORITY = 29
# Before the raw HTML is put back (30).
HEAD_PRIORITY = 31
# Turn heads are kept out of Python-Markdown's stash: a page with anything in it pays for a
# pass of the stash's pattern, and a call at each of its placeholders. Like the stash's, these
# placeholders are between STX and ETX, which other extensions leave alone; unlike them, they
# hold no letters for `abbr` to read, and no bare number for escapes to be read back.
HEAD_PLACEHOLDER = "\x02~{}~\x03"
_HEAD = re.compile("\x02~([0-9]+)~\x03")


class InterviewExtension(Extension):
    """Render interview transcripts as chat blocks.

    Options: `detection` (`auto`, `front-matter`, `always` or `off`), `speakers` (names or
    mappings that are always speakers) and `host`. A host program may set `page` before each
    conversion to pass a page's own options; the outcome of the last conversion is in
    `transcript`.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "detection": [
                "auto",
                "'auto', 'front-matter' (with the meta extension), 'always' or 'off'",
            ],
            "speakers": [[], "Speakers: names, or mappings with name, aliases, role, avatar, ..."],
            "host": ["", "The host's name; by default the first speaker"],
        }
        super().__init__(**kwargs)
        if self.getConfig("detection") not in DETECTION_MODES:
            modes = ", ".join(repr(mode) for mode in DETECTION_MODES)
            raise ValueError(f"interview: 'detection' must be one of {modes}")
        self.registry, problems = speakers_from(self.getConfig("speakers"), "speakers")
        if problems:
            raise ValueError(f"interview: {'; '.join(problems)}")
        self.page: PageOptions | None = None
        self.transcript = Transcript()
        self.source: list[str] = []
        self.turn_elements: list[etree.Element] = []
        """The turns' elements, between regrouping and reading their text."""
        self.heads: list[str] = []
        """The HTML of each speaker's head on the page, by the number in its placeholder."""
        self.turn_media: str | None = None
        """The page's `media`, between regrouping and marking its turns' timestamps."""
        self.turn_texts = True
        """Whether to read each turn's plain text (`Turn.text`); a host that never uses it
        saves the time."""
        self.prescreen = True
        """Whether to leave alone, unread, a page whose Markdown cannot hold a dialogue by its
        content alone; a host program that reports why each page is what it is reads them all."""
        self.speaker_html: Callable[[Speaker], str] | None = None
        """A host program's own HTML for the head of a turn (avatar, name), if it has one."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.preprocessors.register(
            _SourcePreprocessor(md, self), "interview-source", SOURCE_PRIORITY
        )
        md.treeprocessors.register(
            InterviewTreeprocessor(md, self), "interview", TREEPROCESSOR_PRIORITY
        )
        md.treeprocessors.register(_TextTreeprocessor(md, self), "interview-text", TEXT_PRIORITY)
        md.postprocessors.register(_HeadPostprocessor(md, self), "interview-heads", HEAD_PRIORITY)

    def reset(self) -> None:
        self.transcript = Transcript()
        self.source = []
        self.turn_elements = []
        self.heads = []
        self.turn_media = None

    def options_for(self, md: Markdown) -> PageOptions:
        """The page's options: those set by the host program, else from the meta extension's
        front matter and this extension's settings."""
        if self.page is not None:
            return self.page
        meta = {key: _meta_value(value) for key, value in getattr(md, "Meta", {}).items()}
        options, problems = page_options(meta, self.getConfig("detection"), registry=self.registry)
        for problem in problems:
            log.warning(f"interview: front matter: {problem}")
        return replace(options, host=options.host or self.getConfig("host") or None)

    def line_of(self, name: str) -> int | None:
        """The line of the Markdown source where `name` first opens a line as a speaker's
        label (`**Name**:`, `**Name:**`, `Name:`); else where it first opens a line."""
        label = re.compile(
            rf"[ \t>]*(?:[*_]{{2}})?[ \t]*{re.escape(name)}[ \t]*(?:[*_]{{2}}[ \t]*)?[:\uff1a]"
        )
        opening = None
        for number, line in enumerate(self.source, start=1):
            if label.match(line):
                return number
            if opening is None and line.lstrip(" \t>*_").startswith(name):
                opening = number
        return opening


class _SourcePreprocessor(Preprocessor):
    """Keeps the page's lines, to name a line in warnings."""

    def __init__(self, md: Markdown, extension: InterviewExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.source = lines
        return lines


class InterviewTreeprocessor(Treeprocessor):
    """Finds speaker lines among the top-level blocks and regroups the blocks into turns."""

    def __init__(self, md: Markdown, extension: InterviewExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        extension.turn_elements = []
        options = extension.options_for(self.md)
        if options.mode == "off":
            extension.transcript = Transcript(verdict="left alone: interview: false, or detection")
            return
        if (
            extension.prescreen
            and options.mode == "auto"
            and not may_hold_dialogue(extension.source)
        ):
            extension.transcript = Transcript(verdict=f"fewer than {MIN_TURNS} lines with a label")
            return
        from .detect import cast_of, undeclared
        from .excerpt import first_image
        from .rawhtml import sounds_as_text
        from .render import regroup
        from .segment import find_labels, give_lines_their_paragraphs, remove_liquid_tags

        known: dict[int, Label | None] = dict.fromkeys(map(id, root))
        found = find_labels(root)
        known.update((id(item.container), item.label) for item in found if item.position.is_start)
        cast = cast_of([item.label for item in found], options, root)
        if not cast.names:
            extension.transcript = Transcript(verdict=cast.verdict, refused=cast.refused)
            return
        give_lines_their_paragraphs(root, found, cast)
        sounds_as_text(self.md.htmlStash.rawHtmlBlocks)
        liquid = not options.keep_liquid and any("{%" in line for line in extension.source)
        liquid_tags = remove_liquid_tags(root) if liquid else 0
        image = first_image(root)
        transcript, extension.turn_elements = regroup(
            root, cast, options, self._head(), known, self.md.htmlStash.rawHtmlBlocks
        )
        extension.turn_media = options.media
        transcript.verdict, transcript.refused = cast.verdict, cast.refused
        transcript.breaks = sorted(cast.breaks)
        if transcript.turns:
            transcript.first_image = image
        for name, suggestion in undeclared(cast, options):
            # Close to a declared name, a slip; else someone else (from the audience, say).
            hint = f"; did you mean '{suggestion}'?" if suggestion else ""
            message = f"'{name}' speaks but is not among the page's speakers{hint}"
            line = extension.line_of(name)
            level: Literal["info", "warning"] = "warning" if suggestion else "info"
            transcript.diagnostics.append(Diagnostic(message, line, level))
        host = cast.canonical(options.host) if options.host else None
        if host is not None and transcript.turns and host not in transcript.speakers:
            message = f"the host, '{options.host}', does not speak on the page; no one hosts"
            transcript.diagnostics.append(Diagnostic(message))
        if liquid_tags:
            message = f"removed {liquid_tags} Liquid tag{'s' if liquid_tags > 1 else ''}"
            transcript.diagnostics.append(Diagnostic(message, level="info"))
        extension.transcript = transcript

    def _head(self) -> SpeakerHead:
        """The head of a speaker's turns (`regroup` asks once per speaker): the host program's
        own HTML, else the engine's, kept in `heads` for `_HeadPostprocessor` to put in."""
        from .render import speaker_head

        speaker_html = self.extension.speaker_html or speaker_head
        heads = self.extension.heads

        def head(person: Speaker) -> str:
            heads.append(speaker_html(person))
            return HEAD_PLACEHOLDER.format(len(heads) - 1)

        return head


class _TextTreeprocessor(Treeprocessor):
    """Marks the turns' timestamps and stage notes, reads their plain text and the page's
    excerpt, once other extensions are done with the text, and takes out the line breaks
    the prettifier put around the turns."""

    def __init__(self, md: Markdown, extension: InterviewExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        elements, extension.turn_elements = extension.turn_elements, []  # keep no tree alive
        transcript = extension.transcript
        if elements and transcript.turns:
            from .excerpt import excerpt
            from .render import finish_turns, tighten

            stash = self.md.htmlStash.rawHtmlBlocks
            finish_turns(
                transcript, elements, extension.turn_media, stash if extension.turn_texts else None
            )
            transcript.excerpt = excerpt(root, stash=stash)
            tighten(elements, root)


class _HeadPostprocessor(Postprocessor):
    """Puts the heads of the turns in place of their placeholders."""

    def __init__(self, md: Markdown, extension: InterviewExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        heads = self.extension.heads
        if not heads:
            return text
        return _HEAD.sub(lambda match: heads[int(match.group(1))], text)


def _meta_value(value: Any) -> Any:
    """The meta extension gives every value as a list of lines; unwrap the single ones."""
    if isinstance(value, list) and len(value) == 1:
        text = value[0]
        return {"true": True, "false": False}.get(text.strip().lower(), text)
    return value


def makeExtension(**kwargs: Any) -> InterviewExtension:  # noqa: N802 (Python-Markdown's name)
    """Entry point for `markdown.Markdown(extensions=["mkdocs_interview.markdown"])`."""
    return InterviewExtension(**kwargs)


__all__ = ["InterviewExtension", "Speaker", "makeExtension"]
