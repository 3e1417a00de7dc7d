"""The cards and tag lists of a docs folder, for a program that renders one page at a time and
cannot add pages (Zensical): the interviews are read from the folder once per process (again
only when one of its Markdown files changes), and a page's `<!-- interview:cards … -->` and
`<!-- interview:tags -->` markers are filled with the plugin's own fragments.

An interview is a page whose front matter marks it as one (`interview: true`, `interview`
among its `tags` or `categories`, two or more `speakers`); a page that is one by its content
alone is the plugin's to find, since that needs every page rendered first. Tag lists link to
the tag pages the folder has (`python -m mkdocs_interview scaffold` writes them).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .cards import Entry, fill_markers
from .catalog import Catalog
from .config import InterviewConfig
from .fragments import Fragments
from .frontmatter import may_mark, read_facts
from .tags import tag_page_path, unnamed
from .transcript import InterviewExtension, Speaker, convert
from .transcript.options import text_of
from .transcript.pagemeta import split_front_matter
from .urls import site_path

TEMPLATES = Path(__file__).parent / "templates"
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_lock = threading.Lock()
_read: dict[tuple[str, str | None, tuple[Speaker, ...]], tuple[object, Folder]] = {}


class _Log(logging.LoggerAdapter[logging.Logger]):
    def process(self, msg: Any, kwargs: Any) -> tuple[Any, Any]:
        return f"interview: {msg}", kwargs


LOG = _Log(logging.getLogger("MARKDOWN"), {})


@dataclass
class Folder:
    """The interviews of a docs folder, newest first, and what fills a page's markers."""

    files: Files
    catalog: Catalog
    entries: list[Entry]
    fragments: Fragments
    problems: list[str]
    """What is wrong with the interviews' front matter, each naming its file."""

    def fill(self, html: str, path: str | None, url: str | None = None) -> str:
        """The markers of the HTML of the page at docs `path` (or site `url`) filled."""
        return fill_markers(
            html, self._page(path, url), self.catalog, self.entries, self.fragments, LOG
        )

    def _page(self, path: str | None, url: str | None) -> Page:
        file = self.files.get_file_from_path(path) if path else None
        if file is None:  # a page the folder has not read, such as a file just made
            file = File(path or _page_path(url), None, "", True)
        return file.page or Page(None, file, _CONFIG)


def _page_path(url: str | None) -> str:
    """The docs path of the page at `url`, as directory URLs read it: `a/b/` → `a/b.md`."""
    url = (url or "").strip("/")
    return f"{url}.md" if url else "index.md"


_CONFIG = MkDocsConfig()
_CONFIG.load_dict({"site_name": "", "use_directory_urls": True})


def folder(
    docs_dir: str | Path, default_image: str | None = None, registry: Iterable[Speaker] = ()
) -> Folder:
    """The folder's interviews, read once per process and again when a Markdown file in it
    changes, appears or goes."""
    root = Path(docs_dir).resolve()
    speakers = tuple(registry)
    key = (str(root), default_image, speakers)
    paths = sorted(root.rglob("*.md"))
    signature = tuple((str(path), path.stat().st_mtime_ns) for path in paths if path.is_file())
    with _lock:
        known = _read.get(key)
        if known is not None and known[0] == signature:
            return known[1]
        read = _read_folder(root, paths, default_image, speakers)
        _read[key] = (signature, read)
    for problem in read.problems:
        LOG.warning(problem)
    return read


def _read_folder(
    root: Path, paths: list[Path], default_image: str | None, registry: tuple[Speaker, ...]
) -> Folder:
    settings = InterviewConfig()
    settings.load_dict({"default_image": default_image})
    settings.validate()
    files = Files(
        [File(str(path.relative_to(root).as_posix()), str(root), "", True) for path in paths]
    )
    catalog = Catalog(settings)
    md = markdown.Markdown(extensions=[InterviewExtension(prescreen=False)])
    problems: list[str] = []
    for file in sorted(files.documentation_pages(), key=lambda file: file.src_uri):
        try:
            text = Path(file.abs_src_path or "").read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        text = text.replace("\r\n", "\n")
        if not may_mark(text):
            continue
        found = split_front_matter(text)
        if found is None or isinstance(found, str):
            continue
        facts = read_facts(found.meta, file.src_uri, settings, registry=registry, files=files)
        if facts.mode != "on":
            continue
        _, transcript = convert(md, found.body, facts.options)
        page = Page(None, file, _CONFIG)
        heading = _HEADING.search(found.body)
        page.title = facts.title or (heading.group(1) if heading else None) or file.name
        catalog.tags.add(facts.tags)
        problems += [f"{file.src_uri}: front matter: {problem}" for problem in facts.card_problems]
        problems += [
            f"{file.src_uri}: front matter: 'tags': {name!r} names no tag page; left out"
            for name in unnamed(facts.tags)
        ]
        image = next(iter(facts.images), None) or transcript.first_image
        if image is None and settings.default_image:
            image = "/" + settings.default_image
        catalog.entries[file.src_uri] = Entry(
            page=page,
            title=text_of(page.title) or file.name,
            date=facts.date,
            excerpt=facts.description or transcript.excerpt,
            image=site_path(image, page, files) if image else None,
            speakers=tuple(transcript.speakers),
            tags=tuple(catalog.tags.add(facts.tags)),
        )
    entries = sorted(catalog.entries.values(), key=lambda entry: entry.sort_key)
    tag_urls = {}
    for tag in catalog.tags.sorted():
        tag_file = files.get_file_from_path(tag_page_path(settings.tags_page or "", tag))
        if tag_file is not None:
            tag_urls[tag.slug] = tag_file.url
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return Folder(files, catalog, entries, Fragments(environment, tag_urls), problems)
