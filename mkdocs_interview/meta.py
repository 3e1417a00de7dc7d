"""Front matter from both worlds (MkDocs and Jekyll): what a page says about itself."""

from __future__ import annotations

import datetime
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml
from frontmatter.default_handlers import YAMLHandler
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .transcript.options import is_safe_url, words

_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-")
_HANDLER = YAMLHandler()


@dataclass(frozen=True)
class Facts:
    """What a page's front matter says about it, for cards, tag pages and social meta."""

    title: str | None = None
    date: datetime.date | None = None
    tags: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    """Card images in order of preference: teasers first, then social images."""
    social_image: str | None = None
    description: str | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)


def facts_of(meta: Mapping[str, Any], src_uri: str) -> Facts:
    """Read the facts of a page from its front matter and its file name."""
    problems: list[str] = []
    header: Mapping[str, Any] = meta.get("header") or {}
    if not isinstance(header, Mapping):
        problems.append("'header' must be a mapping, such as {teaser: …, og_image: …}")
        header = {}
    candidates = [
        ("header.teaser", header.get("teaser")),
        ("teaser", meta.get("teaser")),
        ("header.og_image", header.get("og_image")),
        ("image", meta.get("image")),
        ("header.overlay_image", header.get("overlay_image")),
    ]
    images = []
    for key, value in candidates:
        if value is None:
            continue
        if isinstance(value, str) and is_safe_url(value):
            images.append(value.strip())
        else:
            problems.append(f"'{key}' has an unsafe URL, ignored: {value!r}")
    social = header.get("og_image") or meta.get("image")
    description = meta.get("excerpt") or meta.get("description")
    title = meta.get("title")
    return Facts(
        title=title.strip() if isinstance(title, str) else None,
        date=date_of(meta.get("date"), src_uri),
        tags=tuple(dict.fromkeys(words(meta.get("tags")))),
        images=tuple(images),
        social_image=social if isinstance(social, str) and social.strip() in images else None,
        description=" ".join(description.split()) if isinstance(description, str) else None,
        problems=tuple(problems),
    )


def date_of(value: object, src_uri: str) -> datetime.date | None:
    """A page's date: from `date` in front matter (a YAML date, or ISO text such as
    `2020-03-28 10:00:00 +0100`), else from a Jekyll file name `2020-03-28-slug.md`."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    match = _DATED_NAME.match(posixpath.basename(src_uri))
    if match:
        try:
            return datetime.date.fromisoformat(match.group(1))
        except ValueError:
            return None
    return None


def read_front_matter(file: File) -> dict[str, Any]:
    """The front matter of a page not rendered yet, or {} when it has none or it is broken
    (the page itself says so when it is built)."""
    try:
        return front_matter_of(file.content_string)
    except (OSError, UnicodeDecodeError):
        return {}


def front_matter_of(text: str) -> dict[str, Any]:
    """The front matter at the start of `text`, or {}."""
    if not _HANDLER.detect(text):
        return {}
    try:
        data = _HANDLER.load(_HANDLER.split(text)[0])
    except (ValueError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_error(markdown: str) -> str | None:
    """Why the front matter that opens `markdown` does not parse, or None if it is fine or absent.

    MkDocs silently renders a broken front matter as page text; this says what is wrong.
    """
    if not _HANDLER.detect(markdown):
        return None
    try:
        data = _HANDLER.load(_HANDLER.split(markdown)[0])
    except ValueError:
        return None  # an opening rule without a closing one: ordinary Markdown
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        return f"front matter is not valid YAML{where}: {problem}"
    if data is not None and not isinstance(data, dict):
        return "front matter must be a mapping of keys to values"
    return None


def source_line_offset(page: Page) -> int:
    """How many lines of the page's file come before the Markdown MkDocs renders (its front
    matter), to turn a line of the Markdown into a line of the file."""
    source = page.file.content_string
    body = page.markdown or ""
    if not body or not source.endswith(body):
        return 0
    return source[: len(source) - len(body)].count("\n")


def site_url_path(url: str, page: Page, files: Files) -> str:
    """Where an image named in a page's front matter is: an absolute URL as it is, else a URL
    path from the site's root (no leading slash).

    A path from the site's root (`/assets/x.jpg`, as Jekyll writes them) and a path relative
    to the page's file both name a file of the site, so both work under a sub-path.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url
    if url.startswith("/"):
        path = url.lstrip("/")
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), url))
    file = files.get_file_from_path(path)
    return file.url if file is not None else path
