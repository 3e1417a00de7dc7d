"""The transcript engine: finds speaker turns in a parsed Markdown document and renders them
as chat blocks. Plain Python-Markdown; nothing here knows about MkDocs."""

from .extension import InterviewExtension, convert, makeExtension, transcript_of
from .model import Diagnostic, PageOptions, Speaker, Transcript, Turn
from .options import page_options

__all__ = [
    "Diagnostic",
    "InterviewExtension",
    "PageOptions",
    "Speaker",
    "Transcript",
    "Turn",
    "convert",
    "makeExtension",
    "page_options",
    "transcript_of",
]
