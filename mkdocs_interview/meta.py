"""Front matter, as far as MkDocs leaves it unchecked."""

from __future__ import annotations

import yaml
from frontmatter.default_handlers import YAMLHandler


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
