"""Caption files in the docs (`.vtt`, `.srt`, Podcasting 2.0 `.json`) become interview pages.

`episode-1.vtt` becomes the page `episode-1/`, titled by a sidecar `episode-1.yml` (its front
matter: `title`, `media`, `date`, `tags`, `speakers` …) or by the file name. When the docs have
`episode-1.md`, the transcript goes into that page instead, at `<!-- interview:transcript -->`
or at its end.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .captions import (
    PARSERS,
    CaptionError,
    caption_markdown,
    merge_turns,
    parse_captions,
    turns_markdown,
)
from .meta import front_matter_of
from .transcript import Speaker

TRANSCRIPT_MARKER = "<!-- interview:transcript -->"


@dataclass
class Insert:
    """A transcript to put into a Markdown page the docs already have."""

    markdown: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    """The sidecar's front matter, which the page's own keys override."""


def add_caption_pages(
    files: Files,
    config: MkDocsConfig,
    registry: Sequence[Speaker],
    log: logging.LoggerAdapter[logging.Logger],
) -> dict[str, Insert]:
    """Add a page for every caption file; return the transcripts for pages that exist, by
    their `src_uri`."""
    inserts: dict[str, Insert] = {}
    for file in sorted(files, key=lambda file: file.src_uri):
        stem, suffix = posixpath.splitext(file.src_uri)
        if suffix.lower() not in PARSERS or file.is_documentation_page():
            continue
        try:
            sidecar = _sidecar(files, stem)
            text = file.content_string
            page = files.get_file_from_path(stem + ".md")
            if page is None:
                front_matter = {"title": _title(stem), **sidecar}
                markdown = caption_markdown(text, suffix, front_matter, registry=registry)
                if markdown is not None:
                    files.append(File.generated(config, stem + ".md", content=markdown))
            elif (cues := parse_captions(text, suffix)) is not None:
                front_matter = {**sidecar, **front_matter_of(page.content_string)}
                body = turns_markdown(merge_turns(cues), front_matter, registry=registry)
                inserts[page.src_uri] = Insert(body, sidecar)
        except CaptionError as error:
            where = f"{file.src_uri}:{error.line}" if error.line else file.src_uri
            log.warning(f"{where}: {error.message}")
        except UnicodeDecodeError:
            log.warning(f"{file.src_uri}: not a UTF-8 text file")
        except yaml.YAMLError as error:
            log.warning(f"{stem}.yml: not valid YAML: {error}")
    return inserts


def insert_transcript(markdown: str, transcript: str) -> str:
    """`markdown` with the transcript at its marker, or after its end."""
    if TRANSCRIPT_MARKER in markdown:
        return markdown.replace(TRANSCRIPT_MARKER, transcript, 1)
    return f"{markdown.rstrip()}\n\n{transcript}"


def _sidecar(files: Files, stem: str) -> dict[str, Any]:
    for suffix in (".yml", ".yaml"):
        file = files.get_file_from_path(stem + suffix)
        if file is not None:
            data = yaml.safe_load(file.content_string)
            if data is not None and not isinstance(data, dict):
                raise yaml.YAMLError("expected a mapping of front matter keys")
            return data or {}
    return {}


def _title(stem: str) -> str:
    """`podcasts/episode-1` → `Episode 1`."""
    words = posixpath.basename(stem).replace("_", " ").replace("-", " ").split()
    title = " ".join(words)
    return title[:1].upper() + title[1:] if title else stem
