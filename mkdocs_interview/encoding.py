"""Pages that are not UTF-8. MkDocs stops the whole build with a traceback on the first one;
they are read as Windows-1252 instead (Latin-1 and its Windows superset, what an old editor
most likely wrote), each with a warning, so the rest of the site still builds. Every page is
read here once, for the plugin's first look at its front matter too."""

from __future__ import annotations

import codecs
from pathlib import Path

from mkdocs.structure.files import Files

FALLBACK = "cp1252"


def read_pages(files: Files) -> tuple[dict[str, str], list[str]]:
    """The text of each Markdown page of the docs as MkDocs reads it, by `src_uri`; and a
    problem per page that is not valid UTF-8, naming the file and the line of its first byte
    that is not UTF-8. Such a page is given its text, read as Windows-1252 (or Latin-1 where
    Windows-1252 leaves a byte undefined)."""
    texts: dict[str, str] = {}
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # generated, or given its text by a plugin
        try:
            data = Path(file.abs_src_path).read_bytes()
        except OSError:
            continue  # MkDocs says so itself
        try:
            texts[file.src_uri] = _lines(data.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            data = data.removeprefix(codecs.BOM_UTF8)
            try:
                text, encoding = data.decode(FALLBACK), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "Latin-1"
            source = file.abs_src_path
            file.content_string = texts[file.src_uri] = _lines(text)
            file.abs_src_path = source  # which the setter unsets: plugins that read history need it
            problems.append(
                f"{file.src_uri}:{line}: not UTF-8 (byte 0x{data[error.start]:02x}); read as "
                f"{encoding}. Save the file as UTF-8."
            )
    return texts, problems


def _lines(text: str) -> str:
    """`text` with its line ends as MkDocs reads them (Python's universal newlines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
