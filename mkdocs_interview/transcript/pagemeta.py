"""Where a page's front matter comes from when no host program names the page's options:
the program that runs Python-Markdown, if it says, else the document itself.

Zensical (0.0.40 to 0.1.x) and MkDocs take the front matter off before Python-Markdown sees
the page: Zensical leaves it, parsed, on its page context (a preprocessor named
`rendering_context` with a `page` holding `meta`, `path` and `url`), MkDocs on the page of the
file its link rewriter (`relpath`) holds. Both are read by their shape, without importing
either program. Under Python-Markdown alone, a YAML front matter that opens the document is
read, by MkDocs' rules, and taken out of the text.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .model import PageOptions, Speaker
from .urls import is_url

# MkDocs' own pattern: `---` alone on the first line, the YAML, then `---` or `...`.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class HostPage:
    """A page as the program that runs Python-Markdown knows it."""

    meta: Mapping[str, Any]
    """The page's front matter, parsed."""
    path: str | None = None
    """The page's file, from the docs folder (`interviews/ada.md`)."""
    url: str | None = None
    """The page's URL from the site's root (`interviews/ada/`)."""
    file: str | None = None
    """The page's file on disk, when the program names it."""
    zensical: bool = False
    """Whether Zensical hands the page over: it makes the paths in the HTML, images'
    included, URLs from the page."""

    @property
    def line_offset(self) -> int | None:
        """How many lines of the page's file come before the Markdown converted (its front
        matter), when the file can be read; None when not known."""
        if self.file is None:
            return None
        try:
            source = Path(self.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        found = FRONT_MATTER.match(source.replace("\r\n", "\n"))
        return found.group(0).count("\n") if found else 0


def avatars_from_file(options: PageOptions, path: str) -> PageOptions:
    """`options` with each avatar given as a path in the docs (`assets/sam.png`) written from
    the page's file at docs `path`, as a Markdown image is, for Zensical to make it a URL."""

    def moved(speaker: Speaker) -> Speaker:
        avatar = speaker.avatar
        if not avatar or avatar.startswith("/") or is_url(avatar):
            return speaker
        return replace(speaker, avatar=posixpath.relpath(avatar, posixpath.dirname(path) or "."))

    return replace(
        options,
        speakers=tuple(map(moved, options.speakers)),
        registry=tuple(map(moved, options.registry)),
    )


def host_page(md: Any) -> HostPage | None:
    """The page `md` converts as Zensical or MkDocs gives it, or None under Python-Markdown
    alone (or a program that says nothing of its pages)."""
    context = _processor(getattr(md, "preprocessors", None), "rendering_context")
    if context is not None:  # Zensical
        page = getattr(context, "page", None)
        meta = getattr(page, "meta", None)
        if isinstance(meta, Mapping):
            path = _text(getattr(page, "path", None))
            config = getattr(context, "config", None)
            docs_dir = _text(config.get("docs_dir")) if isinstance(config, Mapping) else None
            file = str(Path(docs_dir) / path) if docs_dir and path else None
            return HostPage(meta, path, _text(getattr(page, "url", None)), file, zensical=True)
    relpath = _processor(getattr(md, "treeprocessors", None), "relpath")
    if relpath is not None:  # MkDocs, or ProperDocs
        file = getattr(relpath, "file", None)
        page = getattr(file, "page", None)
        meta = getattr(page, "meta", None)
        if isinstance(meta, Mapping):
            return HostPage(
                meta,
                _text(getattr(file, "src_uri", None)),
                _text(getattr(file, "url", None)),
                _text(getattr(file, "abs_src_path", None)),
            )
    return None


@dataclass(frozen=True)
class FrontMatter:
    """The YAML front matter that opens a document, split off."""

    meta: dict[str, Any]
    body: str
    """The document after it."""
    lines: int
    """How many lines it took."""


def split_front_matter(text: str) -> FrontMatter | str | None:
    """The YAML front matter that opens `text`, read by MkDocs' rules; None when there is
    none (or it is not a mapping), and why it cannot be read when its YAML does not parse:
    then, as under MkDocs, it stays in the text."""
    found = FRONT_MATTER.match(text) if text.startswith("---") else None
    if found is None:
        return None
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        return f"front matter is not valid YAML{where}: {getattr(error, 'problem', None) or error}"
    except (ValueError, RecursionError) as error:  # a date that does not exist; deep nesting
        return f"front matter cannot be read: {error}"
    if not isinstance(data, dict):
        return None
    meta = {str(key): value for key, value in data.items()}
    return FrontMatter(meta, text[found.end() :], found.group(0).count("\n"))


def _processor(registry: Any, name: str) -> object | None:
    try:
        return registry[name] if registry is not None and name in registry else None
    except (KeyError, TypeError):
        return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
