"""Where a warning about a page points: the file an author can open, and the line in it.

A page's Markdown is its file after the front matter; a page made from a caption file is the
caption file's; a transcript inserted into a page comes from its caption file, and pushes the
page's own later lines down.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from .frontmatter import source_line_offset

_PROBLEM_KEY = re.compile(r"'([A-Za-z_][\w-]*)")
"""The front matter key a problem names first (`'speakers' entry …`, `'header.teaser' …`)."""


@dataclass(frozen=True)
class Transcript:
    """A caption file's transcript in a page: the caption file and its sidecar, the lines the
    transcript takes in the page's Markdown, and the caption file's line of each turn."""

    caption: str
    sidecar: str | None = None
    sidecar_problems: frozenset[str] = frozenset()
    """What the page's readers say of the sidecar's front matter alone."""
    start: int = 1
    """The line of the page's Markdown where the transcript starts (1-based)."""
    length: int = 0
    """How many lines of the page's Markdown the transcript takes."""
    replaced: int = 0
    """How many lines of the page's own Markdown it takes the place of (its marker's line)."""
    turn_lines: tuple[int | None, ...] = ()
    """The caption file's line of each turn; turn k is on the transcript's line 2k + 1."""


@dataclass(frozen=True)
class Places:
    """How the lines of the Markdown a page renders map back to files."""

    file: str
    """The page's own file (its `src_uri`)."""
    transcript: Transcript | None = None
    generated: bool = False
    """Whether the page is made from the caption file alone (its own file does not exist)."""
    front_matter_lines: int | None = None
    """How many lines of the page's file come before its Markdown, when known before the page
    is rendered; else they are counted from `page`, and only if a warning needs them."""
    page: Page | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def offset(self) -> int:
        """How many lines of the page's file come before its Markdown (the front matter)."""
        if self.front_matter_lines is not None:
            return self.front_matter_lines
        return source_line_offset(self.page) if self.page is not None else 0

    def of_line(self, line: int | None) -> str:
        """`file:line` (or `file` alone) for a 1-based line of the page's Markdown."""
        transcript = self.transcript
        if transcript is not None and line is not None:
            inside = line - transcript.start
            if 0 <= inside < transcript.length:
                turn, between = divmod(inside, 2)
                lines = transcript.turn_lines
                if not between and turn < len(lines) and lines[turn] is not None:
                    return f"{transcript.caption}:{lines[turn]}"
                return transcript.caption
            if inside >= transcript.length:
                line -= transcript.length - transcript.replaced
        if self.generated:
            return transcript.caption if transcript is not None else self.file
        return self.file if line is None else f"{self.file}:{line + self.offset}"

    def of_front_matter(self, problem: str, files: Files) -> str:
        """`file:line` (or `file`) of the front matter key `problem` is about: the page's own,
        or its caption file's sidecar."""
        transcript = self.transcript
        name = self.file
        if transcript is not None and (problem in transcript.sidecar_problems or self.generated):
            name = transcript.sidecar or transcript.caption
        key = _PROBLEM_KEY.match(problem)
        file = files.get_file_from_path(name)
        if key is None or file is None or file.generated_by is not None:
            return name
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError):
            return name
        if name == self.file:  # a page: its front matter is what opens it
            front = YAML_RE.match(text)
            text = front.group(0) if front else ""
        line = re.search(rf"^{re.escape(key.group(1))}[ \t]*:", text, re.MULTILINE)
        return f"{name}:{text.count(chr(10), 0, line.start()) + 1}" if line else name
