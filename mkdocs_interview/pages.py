"""Pages the plugin adds to a site: the interviews index, the tag index and one page per tag,
and the people index (each person's page is added by `people`, once every page is rendered).

They are virtual files (`File.generated`) holding a marker that is filled, under a heading
that is written, once every page is rendered. A page the docs already have at that path is
the author's own version of it, and is kept. A page the docs have elsewhere that MkDocs serves
at the same URL (`tags.md`, or `tags/README.md`, for `tags/index.md`) is kept too, and the
plugin's page is not made, with a warning naming both.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

from .tags import Tag, tag_page_path

_UNSAFE_IN_TITLES = str.maketrans("", "", "<>\"'")


@dataclass
class Generated:
    """The pages the plugin added, and why it left out any it could not add."""

    titles: dict[str, str] = field(default_factory=dict)
    """The heading of each page the plugin made, by `src_uri`."""
    tag_paths: dict[str, str] = field(default_factory=dict)
    """The docs path of each tag's page (the plugin's, or the author's at its path or URL),
    by slug."""
    tags_of_pages: dict[str, Tag] = field(default_factory=dict)
    """The tag of each tag page the plugin made, by `src_uri`."""
    tag_index: str | None = None
    """The docs path of the tag index (the plugin's or the author's), if there is one."""
    problems: list[str] = field(default_factory=list)


def add_index_pages(
    urls: SiteURLs,
    config: MkDocsConfig,
    *,
    index_page: str | None,
    index_title: str,
    tags_page: str | None,
    tags_title: str,
    tags: Iterable[Tag],
    sources: Mapping[str, str],
    people_page: str | None = None,
    people_title: str = "People",
) -> Generated:
    """Add the pages the docs do not have; `sources` names the file each page made from a
    caption file comes from, by the page's `src_uri`."""
    adder = _Adder(urls, config, sources)
    if index_page:
        adder.add(index_page, index_title, "<!-- interview:cards -->", "the interviews index")
    if tags_page:
        generated = adder.generated
        generated.tag_index = adder.add(
            tags_page, tags_title, "<!-- interview:tags -->", "the tag index"
        )
        for tag in tags:
            path = tag_page_path(tags_page, tag)
            marker = f"<!-- interview:cards tag={tag.slug} -->"
            title = tag_page_title(tag)
            page = adder.add(path, title, marker, f"the page of tag '{tag.name}'", in_nav=False)
            generated.tag_paths[tag.slug] = page
            if path in generated.titles:
                generated.tags_of_pages[path] = tag
    if people_page:  # each person's page is added once the interviews say who speaks
        adder.add(people_page, people_title, "<!-- interview:people -->", "the people index")
    return adder.generated


def tag_page_title(tag: Tag) -> str:
    """The title of the page the plugin makes for `tag`."""
    return f"Interviews tagged “{tag.name}”"


def add_page(
    urls: SiteURLs,
    config: MkDocsConfig,
    generated: Generated,
    path: str,
    title: str,
    marker: str,
    what: str,
    sources: Mapping[str, str],
) -> str:
    """Add a page out of the navigation to `generated`, as a tag's page is added; return the
    docs path of the page the site has at its URL, the author's or the plugin's."""
    adder = _Adder(urls, config, sources)
    adder.generated = generated
    return adder.add(path, title, marker, what, in_nav=False)


def withdraw_index_pages(
    generated: Generated, files: Files, nav: Navigation | None, only: Iterable[str] | None = None
) -> set[str]:
    """Take the pages the plugin made out of a build that found no interview (or `only` those
    of them, such as a people index without people): out of its files, so that they are not
    written, and out of its navigation; return their paths."""
    withdrawn = set(generated.titles) if only is None else set(only) & set(generated.titles)
    gone = set()
    for path in generated.titles:
        if path in withdrawn and (file := files.get_file_from_path(path)) is not None:
            files.remove(file)
            gone.add(id(file.page))
    if only is None:
        generated.titles, generated.tag_paths, generated.tags_of_pages = {}, {}, {}
        generated.tag_index = None
    else:
        generated.titles = {p: t for p, t in generated.titles.items() if p not in withdrawn}
    if nav is None or not gone:
        return withdrawn

    def kept(items: list[Any]) -> list[Any]:
        remaining = []
        for item in items:
            if isinstance(item, Section):
                item.children = kept(item.children)
                if not item.children:
                    continue
            elif id(item) in gone:
                continue
            remaining.append(item)
        return remaining

    nav.items = kept(nav.items)
    nav.pages = [page for page in nav.pages if id(page) not in gone]
    ends = [None, *nav.pages, None]
    for before, page, after in zip(ends, nav.pages, ends[2:], strict=False):
        page.previous_page, page.next_page = before, after
    return withdrawn


class SiteURLs:
    """The file of the build each URL is served from, so that no file the plugin makes takes
    the URL of another: the site's own files win. One a build, shared by everything that adds
    a file."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.owners = {file.dest_uri: file for file in files}
        """Every file of the build (docs, theme, generated), by `dest_uri`."""

    def add(self, file: File) -> File | None:
        """Add `file` to the build, unless another file is served at its URL; return that
        other file."""
        owner = self.owners.get(file.dest_uri)
        if owner is None:
            self.files.append(file)
            self.owners[file.dest_uri] = file
        return owner


class _Adder:
    def __init__(self, urls: SiteURLs, config: MkDocsConfig, sources: Mapping[str, str]) -> None:
        self.urls, self.config, self.sources = urls, config, sources
        self.generated = Generated()

    def add(self, path: str, title: str, marker: str, what: str, in_nav: bool = True) -> str:
        """Add a page at `path` unless the docs have one at that path or URL; return the docs
        path of the page the site has at that URL, the author's or the plugin's."""
        if self.urls.files.get_file_from_path(path) is not None:
            return path
        # The cards repeat what the interviews say: Material's search leaves these pages out.
        front_matter = {"title": title_text(title), "search": {"exclude": True}}
        header = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
        content = f"---\n{header}---\n\n{marker}\n"
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(self.config, path, content=content, inclusion=inclusion)
        if (own := self.urls.add(file)) is not None:
            self.generated.problems.append(
                f"{self.sources.get(own.src_uri, own.src_uri)}: kept; {what} ({path}) is not "
                f"made, since it would be served "
                f"at the same URL '{file.url}'"
            )
            return own.src_uri
        self.generated.titles[path] = title
        return path


def title_text(title: str) -> str:
    """A page title as themes can write it anywhere: as HTML, inside a quoted attribute, and
    after `striptags`, which reads character references back: no angle brackets or quotes,
    and `&` written as a reference."""
    return html.escape(" ".join(title.translate(_UNSAFE_IN_TITLES).split()), quote=False)
