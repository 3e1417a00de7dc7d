"""Caption files in the docs (`.vtt`, `.srt`, Podcasting 2.0 `.json`) become interview pages.

`episode-1.vtt` becomes the page `episode-1/`, titled by a sidecar `episode-1.yml` (its front
matter: `title`, `media`, `date`, `tags`, `speakers` …) or by the file name. When the docs have
`episode-1.md`, the transcript goes into that page instead, at `<!-- interview:transcript -->`
or at its end.

The site's own files win. Of `episode-1.vtt`, `.srt` and `.json` the first in that order
makes the page; a caption file whose page would take the URL of a page the docs already have
(`episode-1/index.md`, or `index.md` for a `README.vtt`) makes none; a caption file excluded
from the site (`exclude_docs`) makes none, and one of the `draft_docs` makes a draft. Each
refusal is a warning naming both files.
"""

from __future__ import annotations

import functools
import logging
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import markdown
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from .encoding import decode
from .frontmatter import front_matter_of, read_facts, read_yaml, source_line_offset
from .pages import SiteURLs, title_text
from .places import Places, Transcript
from .transcript import Speaker
from .transcript.options import read_text, shown, text_of

if TYPE_CHECKING:
    from .captions.model import CaptionError, Cue, Turn

# The caption parsers (`captions`) are imported when the docs have a caption file.

TRANSCRIPT_MARKER = "<!-- interview:transcript -->"
SIDECAR_KEYS = frozenset(
    """
    title description excerpt date tags categories media image teaser header speakers host
    interviewer interviewee interview hide search
    """.split()
)
"""What a sidecar may say: the front matter the plugin reads, and what a theme may hide."""
_WRITTEN_BY_THEMES = frozenset(("description", "tags", "categories"))
_MARKUP_CHARACTERS = str.maketrans("", "", '<>"')
SIDECAR_SUFFIXES = (".yml", ".yaml")
CAPTION_SUFFIXES = (".vtt", ".srt", ".json")
"""The suffixes of caption files, those of `captions.PARSERS` in its order: of two caption
files of one name, the first suffix makes the page."""


@dataclass
class Insert:
    """A transcript to put into a Markdown page the docs already have."""

    markdown: str
    front_matter: dict[str, Any]
    """The front matter the page takes from the sidecar, under its own: the sidecar's, and
    `interview: true`."""
    transcript: Transcript
    """Where it comes from; its place in the page is known once it is inserted."""


@dataclass
class Imports:
    """What the caption files of a site gave: transcripts for pages the docs have, and where
    the pages made from caption files come from, both by the page's `src_uri`."""

    inserts: dict[str, Insert] = field(default_factory=dict)
    generated: dict[str, Places] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    """The title of each page made from a caption file, as written in its sidecar."""

    def transcript_of(self, page: Page, markdown: str) -> tuple[str, Places]:
        """The Markdown of `page` with the transcript of its caption file, if it takes one
        (the sidecar's front matter goes under the page's own), and where its lines come
        from."""
        source = page.file.src_uri
        if (generated := self.generated.get(source)) is not None:
            return markdown, generated
        insert = self.inserts.get(source)
        if insert is None:
            return markdown, Places(source, page=page)
        offset = source_line_offset(page)  # while the page's Markdown is still its file's
        markdown, transcript = insert_transcript(markdown, insert)
        page.meta = {**insert.front_matter, **page.meta}
        return markdown, Places(source, transcript, front_matter_lines=offset)

    @property
    def front_matters(self) -> dict[str, dict[str, Any]]:
        """The front matter each page the docs have takes from its caption file's sidecar,
        by the page's `src_uri`; such a page is an interview."""
        return {page: insert.front_matter for page, insert in self.inserts.items()}

    @property
    def sources(self) -> dict[str, str]:
        """The caption file of each page made from one, by the page's `src_uri`."""
        return {
            page: places.transcript.caption
            for page, places in self.generated.items()
            if places.transcript is not None
        }


def add_caption_pages(
    urls: SiteURLs,
    config: MkDocsConfig,
    registry: Sequence[Speaker],
    log: logging.LoggerAdapter[logging.Logger],
) -> Imports:
    """Add a page for every caption file; return the transcripts for pages that exist."""
    captions = [
        file
        for file in urls.files
        if not file.is_documentation_page()
        and posixpath.splitext(file.src_uri)[1].lower() in CAPTION_SUFFIXES
        and file.inclusion is not InclusionLevel.EXCLUDED
    ]
    importer = _Importer(urls, config, registry, log)
    taken: dict[str, File] = {}  # the caption file that gave each stem its transcript
    for file in sorted(captions, key=_caption_order):
        stem = posixpath.splitext(file.src_uri)[0]
        try:
            if stem in taken:
                if _cues(file, log) is not None:
                    log.warning(
                        f"{file.src_uri}: not read: {taken[stem].src_uri} is the transcript "
                        f"of '{stem}' (.vtt, then .srt, then .json)"
                    )
            elif importer.add(file, stem):
                taken[stem] = file
        except _caption_error() as error:  # looked up only when something is raised
            taken[stem] = file  # a broken caption file is still the one that counts
            where = f"{file.src_uri}:{error.line}" if error.line else file.src_uri
            log.warning(f"{where}: {error.message}")
    return importer.imports


class _Importer:
    """Makes the pages of one build's caption files, or their transcripts for pages the docs
    have."""

    def __init__(
        self,
        urls: SiteURLs,
        config: MkDocsConfig,
        registry: Sequence[Speaker],
        log: logging.LoggerAdapter[logging.Logger],
    ) -> None:
        self.urls, self.files = urls, urls.files
        self.config, self.registry, self.log = config, registry, log
        self.imports = Imports()

    @functools.cached_property
    def escapable(self) -> frozenset[str]:
        return escapable_characters(self.config)

    def add(self, file: File, stem: str) -> bool:
        """Make the page of a caption file, or put its transcript into the page of the same
        name; return whether it is a transcript."""
        sidecar, sidecar_name = _sidecar(self.files, stem, self.log)
        page = self.files.get_file_from_path(stem + ".md")
        if page is None:
            return self._add_page(file, stem, sidecar, sidecar_name)
        if file.inclusion is InclusionLevel.DRAFT:
            return True  # a draft's transcript stays out of a published page
        cues = _cues(file, self.log)
        if cues is None:
            return False
        from .captions import prose_front_matter, prose_markdown, read_turns, turns_markdown

        turns, prose = read_turns(cues)
        front_matter = {**sidecar, **front_matter_of(page.content_string)}
        if title := text_of(sidecar.get("title")):
            sidecar = {**sidecar, "title": title_text(title)}  # as themes write it, unescaped
        if prose:
            body = prose_markdown(turns, self.escapable)
            if front_matter.get("speakers") is None:
                sidecar = prose_front_matter(sidecar, turns)
        else:
            body = turns_markdown(
                turns, front_matter, registry=self.registry, escapable=self.escapable
            )
        origin = Transcript(
            file.src_uri, sidecar_name, _problems_of(sidecar), turn_lines=_lines(turns)
        )
        front_matter = {**sidecar, "interview": True}
        self.imports.inserts[page.src_uri] = Insert(body, front_matter, origin)
        return True

    def _add_page(
        self, file: File, stem: str, sidecar: dict[str, Any], sidecar_name: str | None
    ) -> bool:
        cues = _cues(file, self.log)
        if cues is None:
            return False
        from .captions import read_turns, to_markdown

        turns, prose = read_turns(cues)
        problems: list[str] = []
        title = read_text(sidecar, "title", problems) or _title(stem)
        for problem in problems:  # the page gets a title of its own: its readers never see these
            self.log.warning(f"{sidecar_name}: front matter: {problem}")
        text = to_markdown(
            turns,
            {**sidecar, "title": title_text(title)},  # as themes write it, unescaped
            registry=self.registry,
            escapable=self.escapable,
            heading=title,
            prose=prose,
        )
        page = File.generated(self.config, stem + ".md", content=text, inclusion=file.inclusion)
        if (own := self.urls.add(page)) is not None:
            self.log.warning(
                f"{file.src_uri}: no page made: it would be served at '{page.url}', where "
                f"the docs already have {own.src_uri}"
            )
            return True
        self.imports.titles[page.src_uri] = title
        lines = get_data(text)[0].split("\n")  # the Markdown MkDocs renders
        start = next(number for number, line in enumerate(lines, 1) if line.startswith(("**", "[")))
        transcript = Transcript(
            file.src_uri,
            sidecar_name,
            _problems_of(sidecar),
            start=start,
            length=len(lines) - start + 1,
            turn_lines=_lines(turns),
        )
        self.imports.generated[page.src_uri] = Places(
            page.src_uri, transcript=transcript, generated=True
        )
        return True


def insert_transcript(markdown: str, insert: Insert) -> tuple[str, Transcript]:
    """`markdown` with the transcript at its marker, or after its end; and where it is."""
    transcript = insert.markdown
    length = transcript.count("\n") + 1
    if TRANSCRIPT_MARKER in markdown:
        start = markdown.count("\n", 0, markdown.index(TRANSCRIPT_MARKER)) + 1
        inserted, replaced = markdown.replace(TRANSCRIPT_MARKER, transcript, 1), 1
    else:
        kept = markdown.rstrip()
        start = kept.count("\n") + 3 if kept else 1
        inserted, replaced = f"{kept}\n\n{transcript}" if kept else transcript, 0
    placed = replace(insert.transcript, start=start, length=length, replaced=replaced)
    return inserted, placed


def escapable_characters(config: MkDocsConfig) -> frozenset[str]:
    """The characters the site's Markdown, with all its extensions, lets a backslash escape."""
    try:
        md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
    except Exception:
        from .captions import ESCAPABLE

        return ESCAPABLE
    return frozenset(md.ESCAPED_CHARS)


def _cues(file: File, log: logging.LoggerAdapter[logging.Logger]) -> list[Cue] | None:
    """The cues of a caption file, None when it is no transcript; see `parse_captions`. A
    `.json` file is first looked at as `parse_podcast_json` does, before the parsers are
    loaded: most JSON files of a site are something else.

    A file in UTF-16 (with its byte-order mark) is read with a note; one that is not UTF-8
    at all, as Windows-1252, with a warning, as pages are (see `encoding.decode`)."""
    data = file.content_bytes
    decoded = decode(data)
    text, suffix = decoded.text, _suffix(file)
    if suffix.lower() == ".json" and '"segments"' not in text:
        return None
    if decoded.encoding is not None:
        level = log.info if decoded.not_utf8 is None else log.warning
        level(decoded.problem(file.src_uri, data))
    from .captions import parse_captions

    return parse_captions(text, suffix)


def _caption_error() -> type[CaptionError]:
    from .captions import CaptionError

    return CaptionError


def _caption_order(file: File) -> tuple[str, int]:
    stem, suffix = posixpath.splitext(file.src_uri)
    return stem, CAPTION_SUFFIXES.index(suffix.lower())


def _suffix(file: File) -> str:
    return posixpath.splitext(file.src_uri)[1]


def _lines(turns: Sequence[Turn]) -> tuple[int | None, ...]:
    return tuple(turn.line for turn in turns)


def _problems_of(sidecar: dict[str, Any]) -> frozenset[str]:
    """What a page's readers say of front matter that is only the sidecar's."""
    if not sidecar:
        return frozenset()
    facts = read_facts(sidecar, "")
    return frozenset(facts.problems) | frozenset(facts.card_problems)


def _sidecar(
    files: Files, stem: str, log: logging.LoggerAdapter[logging.Logger]
) -> tuple[dict[str, Any], str | None]:
    """The front matter of the caption file's sidecar and the sidecar's name; empty, and
    None, if it has none. A sidecar that cannot be read is a warning, and taken as empty."""
    for suffix in SIDECAR_SUFFIXES:
        file = files.get_file_from_path(stem + suffix)
        if file is None:
            continue
        problem = None
        try:
            data = read_yaml(file.content_string)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"{file.src_uri}:{mark.line + 1}" if mark is not None else file.src_uri
            problem = f"{where}: not valid YAML: {getattr(error, 'problem', None) or error}"
        except (RecursionError, ValueError, UnicodeDecodeError) as error:
            problem = f"{file.src_uri}: cannot be read: {_reason(error)}"
        else:
            if data is None or isinstance(data, dict):
                return _for_themes(data or {}, file.src_uri, log), file.src_uri
            problem = f"{file.src_uri}: must be a mapping of front matter keys, such as 'title: …'"
        log.warning(problem)
        return {}, file.src_uri
    return {}, None


def _for_themes(
    data: dict[Any, Any], name: str, log: logging.LoggerAdapter[logging.Logger]
) -> dict[str, Any]:
    """A sidecar's front matter as a page's: only the keys of a transcript's front matter
    (others, such as a theme's `template` and `location`, are a warning), and no `<`, `>` or
    `"` in the texts themes write into their HTML as they are (a description, tags)."""
    kept = {}
    for key, value in data.items():
        if key not in SIDECAR_KEYS:
            log.warning(
                f"{name}: {shown(key)} is not a key of a transcript's front matter; ignored"
            )
            continue
        kept[key] = _without_markup(value) if key in _WRITTEN_BY_THEMES else value
    return kept


def _without_markup(value: object) -> object:
    if isinstance(value, str):
        return value.translate(_MARKUP_CHARACTERS)
    if isinstance(value, list):
        return [_without_markup(item) for item in value]
    return value


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "it is nested too deeply"
    if isinstance(error, UnicodeDecodeError):
        return "not a UTF-8 text file"
    return str(error)


def _title(stem: str) -> str:
    """`podcasts/episode-1` → `Episode 1`."""
    words = posixpath.basename(stem).replace("_", " ").replace("-", " ").split()
    title = " ".join(words)
    return title[:1].upper() + title[1:] if title else stem
