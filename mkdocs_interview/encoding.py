"""Pages and caption files that are not UTF-8. MkDocs stops the whole build with a traceback
on the first such page; they are read as Windows-1252 instead (Latin-1 and its Windows
superset, what an old editor most likely wrote), each with a warning, so the rest of the site
still builds. Every page is read here once, for the plugin's first look at its front matter
too. A file that opens with the byte-order mark of UTF-16 is read as UTF-16."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import Files

FALLBACK = "cp1252"
_UTF16 = (
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian)"),
)


@dataclass(frozen=True)
class Decoded:
    """A file's text, and how it was read when not as UTF-8."""

    text: str
    encoding: str | None = None
    """`UTF-16 (little-endian)`, `UTF-16 (big-endian)`, `Windows-1252` or `Latin-1`; None
    for UTF-8, with or without a byte-order mark."""
    not_utf8: int | None = None
    """Where the first byte that is not UTF-8 is, when the encoding is a guess."""

    def problem(self, name: str, data: bytes) -> str:
        """What to tell of file `name` with the bytes `data`, read in another encoding."""
        if self.not_utf8 is None:
            return f"{name}: read as {self.encoding}, as its byte-order mark says"
        line = data.count(b"\n", 0, self.not_utf8) + 1
        return (
            f"{name}:{line}: not UTF-8 (byte 0x{data[self.not_utf8]:02x}); read as "
            f"{self.encoding}. Save the file as UTF-8."
        )


def decode(data: bytes) -> Decoded:
    """The text of `data`: UTF-8 with or without a byte-order mark, UTF-16 with one, else
    Windows-1252 (or Latin-1 where Windows-1252 leaves a byte undefined)."""
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        not_utf8 = error.start
    for mark, codec, name in _UTF16:
        if data.startswith(mark):
            try:
                return Decoded(data[len(mark) :].decode(codec), name)
            except UnicodeDecodeError:
                break
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return Decoded(data.decode(FALLBACK), "Windows-1252", not_utf8)
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "Latin-1", not_utf8)


def read_pages(files: Files) -> tuple[dict[str, str], list[str]]:
    """The text of each Markdown page of the docs as MkDocs reads it, by `src_uri`; and a
    problem per page that is not valid UTF-8, naming the file and the line of its first byte
    that is not UTF-8. Such a page is given its text, read as `decode` reads it."""
    texts: dict[str, str] = {}
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # generated, or given its text by a plugin
        try:
            data = Path(file.abs_src_path).read_bytes()
        except OSError:
            continue  # MkDocs says so itself
        decoded = decode(data)
        texts[file.src_uri] = _lines(decoded.text)
        if decoded.encoding is not None:
            source = file.abs_src_path
            file.content_string = texts[file.src_uri]
            file.abs_src_path = source  # which the setter unsets: plugins that read history need it
            problems.append(decoded.problem(file.src_uri, data))
    return texts, problems


def _lines(text: str) -> str:
    """`text` with its line ends as MkDocs reads them (Python's universal newlines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
