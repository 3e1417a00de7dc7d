"""Front matter, as far as MkDocs leaves it unchecked."""

from __future__ import annotations

import yaml
from frontmatter.default_handlers import YAMLHandler
from mkdocs.structure.pages import Page


def front_matter_error(markdown: str) -> str | None:
    """Why the front matter that opens `markdown` does not parse, or None if it is fine or absent.

    MkDocs silently renders a broken front matter as page text; this says what is wrong.
    """
    handler = YAMLHandler()
    if not handler.detect(markdown):
        return None
    try:
        fm, _ = handler.split(markdown)
        data = handler.load(fm)
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
