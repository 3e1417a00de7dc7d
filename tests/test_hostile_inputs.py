"""Every hostile string through every input, with the extensions that read markup switched on.

Each string of `HOSTILE` stands for a class of attack: an attribute list that escaping must
keep dead, raw HTML, event handlers, quotes that leave an attribute, URL schemes that run code
(hidden by case, controls or character references), maths that becomes `<script>`, a forged
placeholder of Python-Markdown's stash, a Liquid tag, a marker of the plugin's own. Each goes
into a Markdown page (its body and every front matter key the plugin reads), a WebVTT, an SRT
and a Podcasting 2.0 JSON file with a sidecar, and the site's settings. The site is built with
the plugin and without it, on each theme and under ProperDocs. What may run code or restyle a
page (event handlers, `javascript:`-like URLs, `<script>` and other active elements, `style`
attributes other than the plugin's custom properties) is counted page by page: the plugin
never adds one. A page only the plugin makes is held against a page of one heading.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from .sites import THEMES, content_of, make_site

HOSTILE = [
    '[laughs]{: onmouseover="alert(1)" style="position:fixed;inset:0" }',
    '\\[laughs\\]\\{: onclick="alert(2)" \\}',
    "[00:00:03] \\{: onclick=alert(3) \\}",
    "<script>alert(4)</script>",
    '<img src="x" onerror="alert(5)">',
    '"><svg onload="alert(6)">',
    "' onmouseover='alert(7)",
    "javascript:alert(8)",
    " JaVaScRiPt:alert(9)",
    "java\tscript:alert(10)",
    "&#106;avascript:alert(11)",
    "data:text/html,<script>alert(12)</script>",
    "vbscript:msgbox(13)",
    "[a link](javascript:alert(14))",
    "![an image](javascript:alert(15))",
    "<javascript:alert(16)>",
    '<div markdown="1" onclick="alert(17)">x</div>',
    "$\\href{javascript:alert(18)}{x}$ and $x$",
    '[=50% "x"]{: style="color:red" }',
    "{++<b onclick=alert(19)>x</b>++}",
    '/// html | div[onclick="alert(20)"]\nx\n///',
    "\x02wzxhzdk:0\x03 \x02klzzwxh:0\x03 \x0291\x03",
    "&lt;script&gt;alert(21)&lt;/script&gt;",
    "</title><script>alert(22)</script>",
    '--8<-- "mkdocs.yml"',
    "{% include toc %}",
    "<!-- interview:cards -->",
    "Ann Lee: Q: **Bo**: ## heading?",
]
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "footnotes",
    "def_list",
    "abbr",
    "admonition",
    "smarty",
    *(
        f"pymdownx.{name}"
        for name in (
            "arithmatex betterem blocks.html blocks.details blocks.admonition caret critic "
            "details emoji highlight inlinehilite keys magiclink mark progressbar smartsymbols "
            "snippets superfences tabbed tasklist tilde saneheaders fancylists quotes "
            "bracketspan"
        ).split()
    ),
]
NAMES = ["Ann Lee", "Bo Chen"]
ACTIVE_ELEMENTS = frozenset("base embed form frame iframe object script".split())
URL_ATTRIBUTES = frozenset(
    "action background content data formaction href poster src srcset xlink:href".split()
)
SAFE_SCHEMES = frozenset(("", "http", "https", "mailto"))
PLUGIN_STYLE = re.compile(
    r"--interview-person-bg: #[0-9a-f]{6}; --interview-person-fg: #[0-9a-f]{6}"
)
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
RCDATA = re.compile(r"(<(title|textarea)\b[^>]*>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL)


def front_matter(value: str, number: int) -> dict[str, Any]:
    """Every key the plugin reads, holding `value` (URLs behind a safe scheme too)."""
    url = f"https://example.org/{number}?q={value}"
    return {
        "interview": True,
        "title": value,
        "description": value,
        "date": "2024-05-02",
        "tags": [value, f"tag {number}", "interview"],
        "categories": [value],
        "media": value if number % 2 else url,
        "image": value if number % 2 else url,
        "teaser": value,
        "header": {"teaser": value, "og_image": url, "overlay_image": value},
        "host": value,
        "interviewer": NAMES[0],
        "interviewee": NAMES[1],
        "speakers": [
            {
                "name": NAMES[0],
                "role": value,
                "url": value if number % 2 else url,
                "avatar": value if number % 2 else url,
                "aliases": [value],
            },
            {"name": NAMES[1], "role": value, "url": url, "avatar": url},
        ],
    }


def markdown_page(value: str, number: int) -> str:
    meta = yaml.safe_dump(front_matter(value, number), allow_unicode=True)
    lines = value.split("\n")
    return (
        f"---\n{meta}---\n\n# Talk {number}\n\nAn intro: {value}\n\n"
        f"**{NAMES[0]}**: {value}\n\n{lines[0]}\n\n"
        f"**{NAMES[1]}**: [00:00:01] {lines[0]} [laughs] {lines[-1]}?\n\n"
        f"Q: {lines[0]}\n\nA: {lines[-1]}\n"
    )


def vtt(value: str) -> str:
    cue = " ".join(value.split("\n")).replace("-->", "->")
    return (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        f"<v {NAMES[0]}>{cue} [laughs]\n\n"
        f"00:00:02.000 --> 00:00:03.000\n<v {NAMES[1]}>{cue}\n"
    )


def srt(value: str) -> str:
    cue = " ".join(value.split("\n")).replace("-->", "->")
    return (
        f"1\n00:00:01,000 --> 00:00:02,000\n{NAMES[0]}: {cue}\n\n"
        f"2\n00:00:02,000 --> 00:00:03,000\n{NAMES[1]}: {cue} [laughs]\n"
    )


def podcast_json(value: str) -> str:
    segments = [
        {"speaker": NAMES[number % 2], "startTime": number, "endTime": number + 1, "body": value}
        for number in range(3)
    ]
    return json.dumps({"version": "1.0.0", "segments": segments})


def sidecar(value: str, number: int) -> str:
    meta = front_matter(value, number)
    del meta["interview"]
    return yaml.safe_dump(meta, allow_unicode=True)


def docs() -> dict[str, str]:
    pages = {"index.md": "# Home\n\n<!-- interview:cards -->\n", "empty.md": "# Empty\n"}
    for number, value in enumerate(HOSTILE):
        pages[f"talks/talk-{number}.md"] = markdown_page(value, number)
        pages[f"shows/vtt-{number}.vtt"] = vtt(value)
        pages[f"shows/vtt-{number}.yml"] = sidecar(value, number)
        pages[f"shows/srt-{number}.srt"] = srt(value)
        pages[f"shows/srt-{number}.yaml"] = sidecar(value, number + 1)
        pages[f"shows/json-{number}.json"] = podcast_json(value)
    return pages


SETTINGS = {
    "speakers": [
        {"name": "Cy Diaz", "role": " ".join(HOSTILE), "url": f"https://example.org/?{HOSTILE[5]}"},
        {"name": " ".join(HOSTILE[3:6]), "aliases": [NAMES[0]]},
    ],
    "interviewer": " ".join(HOSTILE[:8]),
    "interviewee": " ".join(HOSTILE[8:16]),
    "index_title": " ".join(HOSTILE[16:]),
    "tags_title": " ".join(HOSTILE),
    "default_image": f"https://example.org/default.png?{HOSTILE[6]}",
}


def parse(html: str) -> BeautifulSoup:
    """Parse a page as a browser does: the text of `<title>` and `<textarea>` is text."""
    text = RCDATA.sub(lambda m: m.group(1) + m.group(3).replace("<", "&lt;") + m.group(4), html)
    return BeautifulSoup(text, "html.parser")


def risky(soup: BeautifulSoup) -> Counter[str]:
    """What in a page can run code, load a document or restyle the page, by kind."""
    found: Counter[str] = Counter()
    for element in soup.find_all(True):
        if _the_players_own(element):
            continue
        if element.name in ACTIVE_ELEMENTS:
            found[f"<{element.name}>"] += 1
        if element.name == "meta" and element.get("http-equiv"):
            found["<meta http-equiv>"] += 1
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or name == "srcdoc":
                found[f"{name}="] += 1
            elif name == "style" and not PLUGIN_STYLE.fullmatch(value):
                found["style="] += 1
            elif _is_url(element, name) and (scheme := _scheme(value)) not in SAFE_SCHEMES:
                found[f"{scheme}: URL"] += 1
    return found


def _the_players_own(element: Tag) -> bool:
    """The one script the plugin ships, right after the player above a transcript, from the
    site itself; or a provider's player, inert in its template until the reader asks."""
    player = element.find_previous_sibling(True)
    if element.name == "script":
        return (
            set(element.attrs) == {"src", "defer"}
            and re.fullmatch(r"(\.\./)*interview/player\.js", str(element["src"])) is not None
            and player is not None
            and player.get("class") == ["interview-player"]
        )
    return (
        element.name == "iframe"
        and element.parent is not None
        and element.parent.get("class") == ["interview-player-embed"]
        and str(element.get("src")).startswith(
            ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")
        )
    )


def _is_url(element: Tag, attribute: str) -> bool:
    if attribute != "content":
        return attribute in URL_ATTRIBUTES
    kind = str(element.get("property") or element.get("name") or "")
    return element.name == "meta" and kind.endswith(("image", "url", "video", "audio"))


def _scheme(url: str) -> str:
    """The scheme a browser reads: spaces and controls around it, tabs and breaks in it, gone."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip(_C0_AND_SPACE))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def html_pages(site_dir: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site_dir.rglob("*.html")):
        yield str(path.relative_to(site_dir)), parse(path.read_text(encoding="utf-8"))


def build(
    root: Path, theme: str, plugin: bool, properdocs: bool = False, few: bool = False
) -> Path:
    """Build the hostile site; with `few`, with `attr_list` and `md_in_html` alone, since an
    extension that gives markup to more text (`pymdownx.bracketspan`: `[x]{: attrs}`) would
    give it without the plugin too, and hide what the plugin adds."""
    extensions: list[str | dict[str, Any]] = ["attr_list", "md_in_html"]
    if not few:
        extensions = [
            *(
                name
                for name in EXTENSIONS
                if name not in ("pymdownx.arithmatex", "pymdownx.snippets")
            ),
            {"pymdownx.arithmatex": {"generic": False}},  # maths as <script type="math/tex">
            {"pymdownx.snippets": {"base_path": [str(root / "docs")]}},
        ]
    site = make_site(
        root,
        docs(),
        theme=theme,
        plugins=[{"interview": SETTINGS}] if plugin else [],
        markdown_extensions=extensions,
    )
    if properdocs:
        command = [sys.executable, "-m", "properdocs", "build", "-q"]
        subprocess.run(command, cwd=root, check=True, capture_output=True)
    else:
        site.build()
    return site.site_dir


BUILDS = [*THEMES, "properdocs", "attr_list-only"]


@pytest.fixture(scope="module", params=BUILDS)
def sites(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The hostile site with the plugin, and without it."""
    if request.param == "properdocs" and find_spec("properdocs") is None:
        pytest.skip("ProperDocs is not installed")
    properdocs = request.param == "properdocs"
    few = request.param == "attr_list-only"
    theme = "mkdocs" if properdocs or few else request.param
    built = [
        build(tmp_path_factory.mktemp(f"{request.param}-{plugin}"), theme, plugin, properdocs, few)
        for plugin in (True, False)
    ]
    return built[0], built[1]


def test_the_plugin_never_adds_what_can_run_code(sites: tuple[Path, Path]) -> None:
    with_plugin, without = sites
    plain = dict(html_pages(without))
    baseline = risky(plain["empty/index.html"])
    compared = 0
    for page, soup in html_pages(with_plugin):
        added = risky(soup) - (risky(plain[page]) if page in plain else baseline)
        assert not added, f"{page}: {dict(added)}"
        compared += 1
    assert compared >= len(plain) + 3 * len(HOSTILE)  # the caption pages, tag pages, indexes


def test_every_input_was_read_as_a_transcript(sites: tuple[Path, Path]) -> None:
    """The hostile strings went through the engine: each page and caption file is a chat, or
    prose where a cue of nothing but markup leaves one voice."""
    with_plugin, _ = sites
    for number in range(len(HOSTILE)):
        for page in (f"talks/talk-{number}", f"shows/vtt-{number}", f"shows/srt-{number}"):
            html = (with_plugin / page / "index.html").read_text(encoding="utf-8")
            turns = content_of(parse(html)).select(".interview-turn, .interview-passage")
            assert turns, page


def test_escaped_text_stays_text(sites: tuple[Path, Path]) -> None:
    """A stage note beside an attribute list: the note is marked, the list is shown as text,
    in every kind of input."""
    with_plugin, _ = sites
    for page in ("talks/talk-1", "shows/vtt-0", "shows/srt-0", "shows/json-0"):
        soup = content_of(parse((with_plugin / page / "index.html").read_text("utf-8")))
        notes = [note.get_text() for note in soup.select(".interview-note")]
        assert "[laughs]" in notes, page
        assert "{: on" in soup.get_text(), page
