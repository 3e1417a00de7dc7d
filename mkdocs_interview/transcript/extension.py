"""The Python-Markdown extension: turns speaker lines into chat turns."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .model import Diagnostic, PageOptions, Speaker, Transcript
from .options import DETECTION_MODES, page_options, speakers_from
from .pagemeta import HostPage, avatars_from_file, host_page, split_front_matter
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


PageOptionsOf = Callable[[Markdown], "PageOptions | None"]
"""How a host program tells the engine which page a Markdown instance converts: the page's
options, or None to read them from the meta extension's front matter."""
TranscriptDone = Callable[[Markdown, Transcript], None]
"""What a host program is told once a conversion is done: what the engine did to the page."""
SpeakerHTML = Callable[[Speaker], str]
"""The HTML of the head of a speaker's turns (avatar, name, role)."""


class InterviewExtension(Extension):
    """Render interview transcripts as chat blocks.

    Options: `detection` (`auto`, `front-matter`, `always` or `off`), `speakers` (names or
    mappings that are always speakers) and `host`. Without a host program, each page's front
    matter is read from what Zensical or MkDocs hands over (see `pagemeta`), else from the
    document's own YAML front matter, else from the meta extension's; what the engine finds
    wrong is logged on the `MARKDOWN` logger, naming the page where it is known. A host
    program configures it once, with
    functions rather than state: `page_options` names the options of the page a Markdown
    instance converts, so that every render of a page (a blog's excerpts too) agrees with the
    page; `on_transcript` hears what the engine did to each page, which is also left on the
    Markdown instance as `interview_transcript`; `speaker_html` writes the head of a turn.
    """

    def __init__(
        self,
        *,
        page_options: PageOptionsOf | None = None,
        on_transcript: TranscriptDone | None = None,
        speaker_html: SpeakerHTML | None = None,
        turn_texts: bool = True,
        prescreen: bool = True,
        **kwargs: Any,
    ) -> None:
        self.config = {
            "detection": ["auto", "'auto', 'front-matter', 'always' or 'off'"],
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
        self.page_options = page_options
        self.on_transcript = on_transcript
        self.speaker_html = speaker_html
        self.turn_texts = turn_texts
        """Whether to read each turn's plain text (`Turn.text`); a host that never uses it
        saves the time."""
        self.prescreen = prescreen
        """Whether to leave alone, unread, a page whose Markdown cannot hold a dialogue by its
        content alone; a host program that reports why each page is what it is reads them all."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        conversion = _Conversion()
        md.preprocessors.register(
            _SourcePreprocessor(md, self, conversion), "interview-source", SOURCE_PRIORITY
        )
        md.treeprocessors.register(
            InterviewTreeprocessor(md, self, conversion), "interview", TREEPROCESSOR_PRIORITY
        )
        md.treeprocessors.register(
            _TextTreeprocessor(md, self, conversion), "interview-text", TEXT_PRIORITY
        )
        md.postprocessors.register(
            _HeadPostprocessor(md, self, conversion), "interview-heads", HEAD_PRIORITY
        )

    def options_for(
        self, md: Markdown, front_matter: Mapping[str, Any] | None = None
    ) -> PageOptions:
        """The options of the page `md` converts: those given to `convert`, else the host
        program's, else from the page's `front_matter` (by default the meta extension's) and
        this extension's settings."""
        options = self._given_options(md)
        if options is not None:
            return options
        if front_matter is None:
            front_matter = {
                key: _meta_value(value) for key, value in getattr(md, "Meta", {}).items()
            }
        options, problems = page_options(
            front_matter, self.getConfig("detection"), registry=self.registry
        )
        for problem in problems:
            log.warning(f"interview: {_page_name(md)}front matter: {problem}")
        return replace(options, host=options.host or self.getConfig("host") or None)

    def _given_options(self, md: Markdown) -> PageOptions | None:
        """The options given to `convert`, else the host program's, else None."""
        options: PageOptions | None = getattr(md, _GIVEN_OPTIONS, None)
        if options is None and self.page_options is not None:
            options = self.page_options(md)
        return options


def convert(md: Markdown, text: str, options: PageOptions | None = None) -> tuple[str, Transcript]:
    """Convert `text` with `md` (which has an `InterviewExtension`) as a page with `options`,
    whatever the extension's host says; return the HTML and what the engine did."""
    setattr(md, _GIVEN_OPTIONS, options)
    try:
        html = md.reset().convert(text)
    finally:
        delattr(md, _GIVEN_OPTIONS)
    return html, transcript_of(md)


def transcript_of(md: Markdown) -> Transcript:
    """What the engine did to the last page `md` converted."""
    transcript = getattr(md, TRANSCRIPT_ATTRIBUTE, None)
    return transcript if isinstance(transcript, Transcript) else Transcript()


_GIVEN_OPTIONS = "interview_given_options"
_PAGE_NAME = "interview_page_name"
TRANSCRIPT_ATTRIBUTE = "interview_transcript"


class _Conversion:
    """What one Markdown instance learns about the page it converts, from its source lines
    to its turns' heads; started afresh with each conversion."""

    def __init__(self) -> None:
        self.source: list[str] = []
        self.front_matter: Mapping[str, Any] | None = None
        """The page's front matter, when the engine reads it itself (no host program)."""
        self.host: HostPage | None = None
        """The page as Zensical or MkDocs hands it over, when they do."""
        self.line_offset: int | None = 0
        """How many lines of the page's file come before `source`, where known."""
        self.options = PageOptions()
        self.transcript = Transcript()
        self.turn_elements: list[etree.Element] = []
        """The turns' elements, between regrouping and reading their text."""
        self.heads: list[str] = []
        """The HTML of each speaker's head on the page, by the number in its placeholder."""
        self.turn_media: str | None = None
        """The page's `media`, between regrouping and marking its turns' timestamps."""

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


class _Processor:
    """What each of the extension's processors holds: its settings and the conversion."""

    def __init__(
        self, md: Markdown, extension: InterviewExtension, conversion: _Conversion
    ) -> None:
        super().__init__(md)  # type: ignore[call-arg]  # Python-Markdown's processor
        self.extension = extension
        self.conversion = conversion


class _SourcePreprocessor(_Processor, Preprocessor):
    """Starts a conversion: finds the page's front matter when no host program names the
    page's options (taking a YAML front matter out of a document that still has one), and
    keeps the page's lines, to name a line in warnings."""

    def run(self, lines: list[str]) -> list[str]:
        conversion = self.conversion
        conversion.front_matter, conversion.host, conversion.line_offset = None, None, 0
        if self.extension.page_options is None and getattr(self.md, _GIVEN_OPTIONS, None) is None:
            lines = self._front_matter(lines)  # no host program names the page's options
        conversion.source = lines
        conversion.transcript = Transcript()
        conversion.turn_elements = []
        conversion.heads = []
        conversion.turn_media = None
        return lines

    def _front_matter(self, lines: list[str]) -> list[str]:
        conversion = self.conversion
        conversion.host = host = host_page(self.md)
        setattr(self.md, _PAGE_NAME, host.path if host is not None else None)
        if host is not None:
            conversion.front_matter = host.meta
            conversion.line_offset = None  # read from the file if a warning needs it
            return lines
        if not lines or not lines[0].startswith("---"):
            return lines
        found = split_front_matter("\n".join(lines) + "\n")
        if isinstance(found, str):
            log.warning(f"interview: {found}")
            return lines
        if found is None:
            return lines
        conversion.front_matter, conversion.line_offset = found.meta, found.lines
        return found.body.split("\n")[:-1] if found.body.endswith("\n") else found.body.split("\n")


class InterviewTreeprocessor(_Processor, Treeprocessor):
    """Finds speaker lines among the top-level blocks and regroups the blocks into turns."""

    def run(self, root: etree.Element) -> None:
        conversion = self.conversion
        conversion.transcript = self._transcript(root)

    def _transcript(self, root: etree.Element) -> Transcript:
        extension, conversion = self.extension, self.conversion
        options = extension.options_for(self.md, conversion.front_matter)
        if conversion.host is not None and conversion.host.zensical and conversion.host.path:
            options = avatars_from_file(options, conversion.host.path)
        conversion.options = options
        if options.mode == "off":
            return Transcript(verdict="left alone: interview: false, or detection")
        if (
            extension.prescreen
            and options.mode == "auto"
            and not may_hold_dialogue(conversion.source)
        ):
            return Transcript(verdict=f"fewer than {MIN_TURNS} lines with a label")
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
            return self._prose(root, options) or Transcript(
                verdict=cast.verdict, refused=cast.refused
            )
        give_lines_their_paragraphs(root, found, cast)
        sounds_as_text(self.md.htmlStash.rawHtmlBlocks)
        liquid = not options.keep_liquid and any("{%" in line for line in conversion.source)
        liquid_tags = remove_liquid_tags(root) if liquid else 0
        image = first_image(root)
        transcript, conversion.turn_elements = regroup(
            root, cast, options, self._head(), known, self.md.htmlStash.rawHtmlBlocks
        )
        if not transcript.turns and (prose := self._prose(root, options)) is not None:
            return prose
        conversion.turn_media = options.media
        transcript.verdict, transcript.refused = cast.verdict, cast.refused
        transcript.breaks = sorted(cast.breaks)
        if transcript.turns:
            transcript.first_image = image
        for name, suggestion in undeclared(cast, options):
            # Close to a declared name, a slip; else someone else (from the audience, say).
            hint = f"; did you mean '{suggestion}'?" if suggestion else ""
            message = f"'{name}' speaks but is not among the page's speakers{hint}"
            line = conversion.line_of(name)
            level: Literal["info", "warning"] = "warning" if suggestion else "info"
            transcript.diagnostics.append(Diagnostic(message, line, level))
        host = cast.canonical(options.host) if options.host else None
        if host is not None and transcript.turns and host not in transcript.speakers:
            message = f"the host, '{options.host}', does not speak on the page; no one hosts"
            transcript.diagnostics.append(Diagnostic(message))
        if liquid_tags:
            message = f"removed {liquid_tags} Liquid tag{'s' if liquid_tags > 1 else ''}"
            transcript.diagnostics.append(Diagnostic(message, level="info"))
        return transcript

    def _prose(self, root: etree.Element, options: PageOptions) -> Transcript | None:
        """A page marked as an interview where no one speaks, as a transcript in prose if its
        paragraphs open with timestamps (see `prose`); else None."""
        if options.mode != "on":
            return None
        from .prose import passages

        prose, elements = passages(root, options)
        if not prose.turns:
            return None
        self.conversion.turn_elements = elements
        self.conversion.turn_media = options.media
        return prose

    def _head(self) -> SpeakerHead:
        """The head of a speaker's turns (`regroup` asks once per speaker): the host program's
        own HTML, else the engine's, kept in `heads` for `_HeadPostprocessor` to put in."""
        from .render import speaker_head

        speaker_html = self.extension.speaker_html or speaker_head
        heads = self.conversion.heads

        def head(person: Speaker) -> str:
            heads.append(speaker_html(person))
            return HEAD_PLACEHOLDER.format(len(heads) - 1)

        return head


class _TextTreeprocessor(_Processor, Treeprocessor):
    """Marks the turns' timestamps and stage notes, reads their plain text and the page's
    excerpt, once other extensions are done with the text, and takes out the line breaks
    the prettifier put around the turns; then tells the host program what was done."""

    def run(self, root: etree.Element) -> None:
        extension, conversion = self.extension, self.conversion
        elements, conversion.turn_elements = conversion.turn_elements, []  # keep no tree alive
        transcript = conversion.transcript
        if elements and transcript.turns:
            from .excerpt import excerpt
            from .render import finish_turns, scrolling, tighten

            stash = self.md.htmlStash.rawHtmlBlocks
            texts = stash if extension.turn_texts else None
            if transcript.prose:
                from .prose import finish_passages

                finish_passages(transcript, elements, conversion.turn_media, texts)
            else:
                finish_turns(transcript, elements, conversion.turn_media, texts)
            transcript.excerpt = excerpt(root, stash=stash)
            if not transcript.prose:
                scrolling(elements, stash)
                tighten(elements, root)
        setattr(self.md, TRANSCRIPT_ATTRIBUTE, transcript)
        if extension.on_transcript is not None:
            extension.on_transcript(self.md, transcript)
        elif extension.page_options is None and getattr(self.md, _GIVEN_OPTIONS, None) is None:
            self._tell(transcript)

    def _tell(self, transcript: Transcript) -> None:
        """Log what is wrong with the page, as a host program would: no one else will."""
        conversion = self.conversion
        front_matter = conversion.front_matter or {}
        if (
            not transcript.turns
            and conversion.options.mode == "on"
            and front_matter.get("interview") is True
        ):
            log.warning(
                f"interview: {_page_name(self.md)}marked as an interview, but no speaker line found"
            )
        if not transcript.diagnostics:
            return
        offset = conversion.line_offset
        if offset is None and conversion.host is not None:
            offset = conversion.host.line_offset
        for diagnostic in transcript.diagnostics:
            where = _page_name(self.md).rstrip(": ")
            if diagnostic.line is not None and offset is not None:
                where = (
                    f"{where}:{diagnostic.line + offset}"
                    if where
                    else f"line {diagnostic.line + offset}"
                )
            report = log.info if diagnostic.level == "info" else log.warning
            report(
                f"interview: {where}: {diagnostic.message}"
                if where
                else f"interview: {diagnostic.message}"
            )


class _HeadPostprocessor(_Processor, Postprocessor):
    """Puts the heads of the turns in place of their placeholders."""

    def run(self, text: str) -> str:
        heads = self.conversion.heads
        if not heads:
            return text
        return _HEAD.sub(lambda match: heads[int(match.group(1))], text)


def _page_name(md: Markdown) -> str:
    """`path: ` of the page `md` converts, as its host program names it; else nothing."""
    name = getattr(md, _PAGE_NAME, None)
    return f"{name}: " if name else ""


def _meta_value(value: Any) -> Any:
    """The meta extension gives every value as a list of lines; unwrap the single ones."""
    if isinstance(value, list) and len(value) == 1:
        text = value[0]
        return {"true": True, "false": False}.get(text.strip().lower(), text)
    return value


def makeExtension(**kwargs: Any) -> InterviewExtension:  # noqa: N802 (Python-Markdown's name)
    """Entry point for `markdown.Markdown(extensions=["mkdocs_interview.markdown"])`."""
    return InterviewExtension(**kwargs)


__all__ = ["InterviewExtension", "Speaker", "convert", "makeExtension", "transcript_of"]
