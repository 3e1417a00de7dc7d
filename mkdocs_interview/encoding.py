"""Pages that are not UTF-8. MkDocs stops the whole build with a traceback on the first one;
they are read as Windows-1252 instead (Latin-1 and its Windows superset, what an old editor
most likely wrote), each with a warning, so the rest of the site still builds."""

from __future__ import annotations

import codecs
from pathlib import Path

from mkdocs.structure.files import Files

FALLBACK = "cp1252"


def decode_pages(files: Files) -> list[str]:
    """Give each Markdown page that is not valid UTF-8 its text, read as Windows-1252 (or
    Latin-1 where Windows-1252 leaves a byte undefined); return a problem per page, naming
    the file and the line of the first byte that is not UTF-8."""
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # generated, or given its text by a plugin
        try:
            data = Path(file.abs_src_path).read_bytes()
        except OSError:
            continue  # MkDocs says so itself
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            data = data.removeprefix(codecs.BOM_UTF8)
            try:
                text, encoding = data.decode(FALLBACK), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "Latin-1"
            source = file.abs_src_path
            file.content_string = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads
            file.abs_src_path = source  # which the setter unsets: plugins that read history need it
            problems.append(
                f"{file.src_uri}:{line}: not UTF-8 (byte 0x{data[error.start]:02x}); read as "
                f"{encoding}. Save the file as UTF-8."
            )
    return problems
