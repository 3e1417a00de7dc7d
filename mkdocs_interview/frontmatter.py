"""Front matter from both worlds (MkDocs and Jekyll), read by MkDocs' own rules: what a page
says about itself, as one `PageFacts`."""

from __future__ import annotations

import datetime
import functools
import posixpath
import re
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE, get_data

from .config import InterviewConfig
from .transcript import PageOptions, Speaker, page_options
from .transcript.model import Mode
from .transcript.options import read_text, shown, words
from .urls import checked_avatars, safe_url

if TYPE_CHECKING:
    from frontmatter.default_handlers import YAMLHandler

_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-")


@dataclass(frozen=True)
class PageFacts:
    """What a page's front matter says about it, read once against the site's settings: how
    the engine treats the page, and what its card, tag pages and social meta show."""

    options: PageOptions = field(default_factory=PageOptions)
    """Whether the page is an interview, who speaks, its host and media: the engine's part."""
    title: str | None = None
    date: datetime.date | None = None
    tags: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    """Card images in order of preference: teasers first, then social images."""
    social_image: str | None = None
    description: str | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)
    """What is wrong with the engine's part, told whenever the page is built."""
    card_problems: tuple[str, ...] = field(default=(), compare=False)
    """What is wrong with the rest, told when the page is an interview."""

    @property
    def mode(self) -> Mode:
        """`on`, `off` or `auto`: see `PageOptions.mode`."""
        return self.options.mode


def read_facts(
    meta: Mapping[str, Any],
    src_uri: str,
    settings: InterviewConfig | None = None,
    *,
    registry: Sequence[Speaker] = (),
    files: Files | None = None,
) -> PageFacts:
    """Read the facts of a page from its front matter (as MkDocs parsed it), its file name and
    the site's `settings`; with `files`, each speaker's avatar given as a docs path is checked
    and written as a URL from the site's root. A value of the wrong type is a problem, and is
    left out; nothing raises."""
    if settings is None:
        options, problems = page_options(meta, registry=registry)
    else:
        options, problems = page_options(
            meta,
            settings.detection,
            registry=registry,
            interviewer=settings.interviewer,
            interviewee=settings.interviewee,
            keep_liquid=settings.liquid == "keep",
        )
    if files is not None and options.speakers:
        speakers, avatar_problems = checked_avatars(options.speakers, files)
        options = replace(options, speakers=tuple(speakers))
        problems += avatar_problems
    card_problems: list[str] = []
    header = meta.get("header")
    if header is None:
        header = {}
    elif not isinstance(header, Mapping):
        card_problems.append(
            f"'header' must be a mapping, such as {{teaser: …, og_image: …}}, not {shown(header)}"
        )
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
        if (url := safe_url(value)) is not None:
            images.append(url)
        elif isinstance(value, str):
            card_problems.append(f"'{key}' has an unsafe URL, ignored: {shown(value)}")
        else:
            card_problems.append(f"'{key}' must be a URL or a path in the docs, not {shown(value)}")
    social = safe_url(header.get("og_image")) or safe_url(meta.get("image"))
    description = None
    for key in ("excerpt", "description"):
        if description is None:
            description = read_text(meta, key, card_problems)
    return PageFacts(
        options=options,
        title=read_text(meta, "title", card_problems),
        date=_date(meta.get("date"), src_uri, card_problems),
        tags=tuple(dict.fromkeys(words(meta.get("tags")))),
        images=tuple(images),
        social_image=social if social in images else None,
        description=description,
        problems=tuple(problems),
        card_problems=tuple(card_problems),
    )


def _date(value: object, src_uri: str, problems: list[str]) -> datetime.date | None:
    date = date_of(value, src_uri)
    if value is not None and not isinstance(value, datetime.date) and date_of(value, "") is None:
        problems.append(
            f"'date' must be a date such as 2024-05-02, not {shown(value)}; it is left out"
        )
    return date


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


def normalise(meta: MutableMapping[str, Any]) -> list[str]:
    """Give every plugin and theme the values they expect: Jekyll's `tags: a b` as a list,
    and a title written as a number or a date (`title: 2024`) as a text, which templates
    can serialise (`tojson`); a title of another kind is left out, and is a problem."""
    problems: list[str] = []
    if isinstance(meta.get("tags"), str):
        meta["tags"] = words(meta["tags"])
    if "title" in meta and not isinstance(meta["title"], str):
        title = read_text(meta, "title", problems)
        if title is None:
            del meta["title"]
        else:
            meta["title"] = title
    return problems


def read_yaml(text: str) -> Any:
    """A YAML document that is not a page (a caption file's sidecar), read as MkDocs reads
    front matter, except that a date that does not exist (`2024-02-30`) or an integer too
    long for Python stays the text it is written as: the value is then a problem of its own
    key, and the rest of the file still counts."""
    return yaml.load(text, _LenientLoader)


class _LenientLoader(yaml.SafeLoader):
    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[arg-type]

    def construct_yaml_int(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_int(node)  # type: ignore[arg-type]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[arg-type]


_LenientLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _LenientLoader.construct_yaml_timestamp
)
_LenientLoader.add_constructor("tag:yaml.org,2002:int", _LenientLoader.construct_yaml_int)


def read_front_matter(file: File) -> dict[str, Any]:
    """The front matter of a page not rendered yet, or {} when it has none or it is broken
    (the page itself says so when it is built)."""
    try:
        return front_matter_of(file.content_string)
    except (OSError, UnicodeDecodeError):
        return {}


def may_mark(text: str) -> bool:
    """Whether the front matter that opens `text` (YAML, or MultiMarkdown's `key: value` lines,
    which end at a blank line) may mark the page as an interview or name its speakers: only
    if it writes `interview` or `speakers`, in any case, or an escape, which may spell them."""
    if found := YAML_RE.match(text):
        head = found.group(1)
    else:
        end = text.find("\n\n")
        head = text if end == -1 else text[:end]
    head = head.casefold()
    return "interview" in head or "speakers" in head or "\\" in head


def front_matter_of(text: str) -> dict[str, Any]:
    """The front matter at the start of `text`, read by MkDocs' own rules; {} if none."""
    return get_data(text)[1]


def front_matter_error(markdown: str) -> str | None:
    """Why the front matter that opens `markdown` does not parse, or None if it is fine or absent.

    MkDocs silently renders a broken front matter as page text; this says what is wrong.
    """
    if not markdown.startswith("---"):  # what the handler's `detect` asks first
        return None
    handler = _handler()
    if not handler.detect(markdown):
        return None
    try:
        front_matter = handler.split(markdown)[0]
    except ValueError:
        return None  # an opening rule without a closing one: ordinary Markdown
    try:
        data = handler.load(front_matter)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        return f"front matter is not valid YAML{where}: {problem}"
    except RecursionError:
        return "front matter cannot be read: it is nested too deeply"
    except ValueError as error:  # a date that does not exist, an integer of 5000 digits
        return f"front matter cannot be read: {error}"
    if data is not None and not isinstance(data, dict):
        return "front matter must be a mapping of keys to values"
    return None


@functools.cache
def _handler() -> YAMLHandler:
    """python-frontmatter's reader, imported when a page may open with front matter."""
    from frontmatter.default_handlers import YAMLHandler

    return YAMLHandler()


def source_line_offset(page: Page) -> int:
    """How many lines of the page's file come before the Markdown MkDocs renders (its front
    matter), to turn a line of the Markdown into a line of the file."""
    source = page.file.content_string
    body = page.markdown or ""
    if not body or not source.endswith(body):
        return 0
    return source[: len(source) - len(body)].count("\n")
