"""What a safe URL is: the one test every URL the engine and the plugin write goes through.

A URL is safe when a browser following it can only fetch or navigate: it is relative, or its
scheme is `http`, `https` or `mailto`. The scheme is read as a browser reads it, after the
spaces and controls it ignores; a URL holding a control character anywhere is refused, since
browsers drop some of them (`java\\tscript:`) and no real link needs one.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset(("http", "https", "mailto"))
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""A control character (C0 or DEL), which no URL the engine writes may hold."""
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def safe_url(url: object) -> str | None:
    """`url` without surrounding spaces when it is a safe URL, else None (not a text, empty,
    or a scheme that can run code or embed a document: `javascript:`, `data:`, `vbscript:` …)."""
    if not isinstance(url, str):
        return None
    url = url.strip(" \t\n\r\f")
    if not url or CONTROL.search(url):
        return None
    scheme = _SCHEME.match(url)
    if scheme is not None and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    try:
        urlsplit(url)  # a bracketed host that is no IPv6 address, say
    except ValueError:
        return None
    return url


def is_safe_url(url: object) -> bool:
    """Whether `safe_url` accepts `url`."""
    return safe_url(url) is not None


def safe_html_url(value: str) -> str | None:
    """A URL read from an attribute of the element tree (an image's `src`), which the page's
    HTML writes with its character references as they are: decoded as a browser decodes
    them (`&#106;avascript:`), then `safe_url`."""
    return safe_url(html.unescape(value)) if "&" in value else safe_url(value)


def is_url(value: str) -> bool:
    """Whether `value` has a scheme or a host, as opposed to a path."""
    parts = urlsplit(value)
    return bool(parts.scheme or parts.netloc)
