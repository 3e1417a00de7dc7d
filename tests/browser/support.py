"""The example site in each variant the browser suite looks at, built and served on 127.0.0.1."""

from __future__ import annotations

import functools
import io
import logging
import re
import shutil
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import yaml
from mkdocs.commands.build import build

from ..sites import Site

if TYPE_CHECKING:
    from playwright.sync_api import Page

HERE = Path(__file__).parent
REPO = HERE.parent.parent
EXAMPLE_SITE = REPO / "example-site"
CUSTOMISED = HERE / "customised"
ARTIFACTS = REPO / "test-artifacts"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
PROBES = (HERE / "probes.js").read_text(encoding="utf-8")

MATERIAL = {"name": "material", "palette": {"scheme": "default"}}


@dataclass(frozen=True)
class Variant:
    """How a variant's `mkdocs.yml` differs from the example site's."""

    theme: dict[str, Any]
    plugin: bool = True
    customised: bool = False
    """Add `customised/extra.css` to `extra_css` and `customised/overrides` as `custom_dir`."""


THEMES: dict[str, Variant] = {
    "mkdocs": Variant({"name": "mkdocs"}),
    "mkdocs-dark": Variant({"name": "mkdocs", "color_mode": "dark"}),
    "readthedocs": Variant({"name": "readthedocs"}),
    "material": Variant(MATERIAL),
    "slate": Variant({**MATERIAL, "palette": {"scheme": "slate"}}),
}
"""The five looks every page is checked in: the mkdocs theme and Material, light and dark each
(Material's dark scheme is `slate`), and readthedocs, which has no dark scheme."""

VARIANTS: dict[str, Variant] = {
    **THEMES,
    **{f"{name}-without-plugin": Variant(v.theme, plugin=False) for name, v in THEMES.items()},
    "instant": Variant({**MATERIAL, "features": ["navigation.instant"]}),
    "rtl": Variant({**MATERIAL, "language": "ar"}),
    "customised": Variant({**MATERIAL, "custom_dir": "overrides"}, customised=True),
}

INTERVIEWS = ("interviews/radio-transcript/", "interviews/open-source-maintainer/")
"""Photo and initials avatars, three speakers and timestamps; a table and code in bubbles."""
PAGES = (*INTERVIEWS, "interviews/", "tags/craft/", "people/", "people/maren-holt/")
"""Two interviews, the interviews index, a tag page, the people index and a person's page."""
WIDTHS = (1280, 375)
"""A laptop and a phone."""
_RANGE = re.compile(r"bytes=([0-9]*)-([0-9]*)")
PLUGIN_MARKUP = (
    ".interview, .interview-cards, .interview-meta, .interview-tag-index, .interview-people,"
    " .interview-person"
)


@dataclass
class Served:
    """A built variant and the local server that serves it at `url`."""

    name: str
    site: Site
    url: str
    server: _Server = field(repr=False)

    def page(self, path: str) -> str:
        return self.url + path


class Sites:
    """Each variant is built and served on first use, once per test session."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.served: dict[str, Served] = {}

    def __getitem__(self, name: str) -> Served:
        if name not in self.served:
            self.served[name] = _build_and_serve(name, VARIANTS[name], self.root / name)
        return self.served[name]

    def close(self) -> None:
        for served in self.served.values():
            served.server.shutdown()
            served.server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site quietly, and a byte range of a file when asked (`Range: bytes=a-b`):
    Chromium seeks a recording only in a file served in ranges."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        wanted = _RANGE.fullmatch(self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if wanted is None or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first, last = wanted.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:  # the last `last` bytes
            start, end = max(size - int(last or 0), 0), size - 1
        if start > end:
            self.send_error(416)
            return None
        with path.open("rb") as file:
            file.seek(start)
            body = file.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a context closed mid-download (Material's search index, say) is not the site's fault
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _build_and_serve(name: str, variant: Variant, root: Path) -> Served:
    site = Site(root)
    # Bind first: the site is built for the URL it is served at, as Material's instant
    # navigation only follows links to pages its sitemap lists, port included.
    server = _Server(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site.site_dir))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    _write_config(variant, root, url)
    warnings = _build(site)
    assert not warnings or not variant.plugin, f"{name}: {warnings}"
    threading.Thread(target=server.serve_forever, name=f"serve {name}", daemon=True).start()
    return Served(name, site, url, server)


def _build(site: Site) -> list[str]:
    """Build at the log level in force (`Site.build` logs all of it), and give the warnings."""
    warnings: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = warnings.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(site.config())
    finally:
        logger.removeHandler(handler)
    return [record.getMessage() for record in warnings]


def _write_config(variant: Variant, root: Path, url: str) -> None:
    config = yaml.safe_load((EXAMPLE_SITE / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(theme=variant.theme, site_url=url, docs_dir=str(EXAMPLE_SITE / "docs"))
    if not variant.plugin:
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "interview" in plugin:
                plugin["interview"]["enabled"] = False
    root.mkdir(parents=True)
    if variant.customised:
        shutil.copytree(EXAMPLE_SITE / "docs", root / "docs")
        shutil.copy(CUSTOMISED / "extra.css", root / "docs" / "extra.css")
        shutil.copytree(CUSTOMISED / "overrides", root / "overrides")
        config.update(docs_dir="docs", extra_css=["extra.css"])
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def artifact(kind: str, variant: str, path: str, what: str) -> Path:
    """`test-artifacts/<kind>/<variant>-<page>-<what>`, its folder made: `what` ends in a suffix."""
    folder = ARTIFACTS / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{variant}-{path.strip('/').replace('/', '-') or 'home'}-{what}"


class OpenPage(Protocol):
    """The `open_page` fixture: a page of a served variant, loaded in a fresh browser context."""

    def __call__(
        self,
        served: Served,
        path: str,
        width: int = 1280,
        media: Literal["screen", "print"] | None = None,
    ) -> Page: ...
