"""Pages the plugin adds to a site: the interviews index, the tag index and one page per tag.

They are virtual files (`File.generated`), Markdown holding a marker that is filled once
every page is rendered. A page the docs already have at that path is left as it is.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .tags import Tag, tag_page_path

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def add_index_pages(
    files: Files,
    config: MkDocsConfig,
    *,
    index_page: str | None,
    index_title: str,
    tags_page: str | None,
    tags_title: str,
    tags: list[Tag],
) -> dict[str, str]:
    """Add the pages the docs do not have; return each tag page's docs path by slug."""
    if index_page:
        _add(files, config, index_page, index_title, "<!-- interview:cards -->")
    if not tags_page:
        return {}
    _add(files, config, tags_page, tags_title, "<!-- interview:tags -->")
    paths = {}
    for tag in tags:
        path = tag_page_path(tags_page, tag)
        marker = f"<!-- interview:cards tag={tag.slug} -->"
        _add(files, config, path, tag.name, marker, inclusion=InclusionLevel.NOT_IN_NAV)
        paths[tag.slug] = path
    return paths


def _add(
    files: Files,
    config: MkDocsConfig,
    path: str,
    title: str,
    marker: str,
    inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
) -> None:
    if files.get_file_from_path(path) is not None:
        return
    # Themes put the page's title into <title> as HTML (Material after `striptags`, which
    # undoes escaping), so a title made from a tag keeps no angle brackets at all.
    heading = markdown_text(title.replace("<", "").replace(">", ""))
    # The cards repeat what the interviews say: Material's search leaves these pages out.
    content = f"---\nsearch:\n  exclude: true\n---\n# {heading}\n\n{marker}\n"
    files.append(File.generated(config, path, content=content, inclusion=inclusion))


def markdown_text(text: str) -> str:
    """`text` as Markdown that shows it literally: HTML and Markdown syntax escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
