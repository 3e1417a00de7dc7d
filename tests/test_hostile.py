"""Hostile values in speakers, front matter and settings come out as text, never as markup.

Each site is built twice, with the plugin and without it, from the same docs. Every element
and attribute of the build with the plugin must either be produced by the build without it
or be the plugin's documented markup, and every URL it adds must be safe. Unsafe URL schemes
are refused, each with a warning that names the file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort

import mkdocs_interview

from .sites import THEMES, Site, content_of, make_site

SCRIPT = '<script>alert("x")</script>'
QUOTES = """ "double" 'single' """
HANDLER = '"><img src=x onerror="alert(1)">'


def hostile(what: str) -> str:
    """A value that is markup, quotes, an ampersand and an event handler at once."""
    return f"{what} {SCRIPT} &amp; &{QUOTES}{HANDLER}"


def hostile_url(what: str) -> str:
    """A URL with a safe scheme that tries to break out of its attribute."""
    return f"https://example.org/{what}?a=1&b=2&c=\"'><script>alert(1)</script>"


UNSAFE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]

NAMES = {
    "host": hostile("Sam Rivera"),
    "guest": "Ann & <b>Lee</b>",
    "site": 'Priya "P" Nair',
}
ROLES = {"host": hostile("Host role"), "site": hostile("Site role")}
REGISTRY = [
    {
        "name": NAMES["site"],
        "aliases": ["Priya"],
        "role": ROLES["site"],
        "url": hostile_url("priya"),
        "avatar": hostile_url("priya.png"),
    }
]
TITLE = hostile("Title")
EXCERPT = hostile("Excerpt")
TAGS = [hostile("tag"), "R&D", "<i>x</i>", "</title><script>alert(2)</script>", "interview"]
TALK = {
    "title": TITLE,
    "excerpt": EXCERPT,
    "date": "2024-05-02",
    "tags": TAGS,
    "speakers": [
        {
            "name": NAMES["host"],
            "aliases": ["Sam", hostile("alias")],
            "role": ROLES["host"],
            "url": hostile_url("sam"),
            "avatar": hostile_url("sam.png"),
        },
        {"name": NAMES["guest"], "aliases": ["Ann"]},
    ],
    "interviewer": NAMES["host"],
    "interviewee": NAMES["guest"],
    "media": hostile_url("episode.mp3"),
    "header": {"teaser": hostile_url("teaser.png"), "og_image": hostile_url("og.png")},
}
TRANSCRIPT = (
    "**Sam**: [00:01:00] Why now? [laughs]\n\n"
    "**Ann**: Because &lt;script&gt; & AT&T.\n\n"
    "**Priya**: And me?\n\n"
    "Q: A question?\n\n"
    "A: An answer.\n"
)
UNSAFE = {
    "interview": True,
    "title": "Unsafe",
    "tags": ["unsafe"],
    "media": UNSAFE_URLS[0],
    "image": UNSAFE_URLS[3],
    "teaser": UNSAFE_URLS[1],
    "header": {"og_image": UNSAFE_URLS[2], "overlay_image": UNSAFE_URLS[4]},
    "speakers": [
        {"name": "Bo Chen", "url": UNSAFE_URLS[0], "avatar": UNSAFE_URLS[2], "aliases": ["Bo"]},
        {"name": "Cy Diaz", "url": UNSAFE_URLS[3], "avatar": UNSAFE_URLS[4]},
        {"name": "Di Egan", "avatar": "../../../etc/passwd"},
    ],
}
UNSAFE_TRANSCRIPT = "**Bo**: [00:00:05] Hello?\n\n**Cy Diaz**: Hi.\n"


def page(meta: dict[str, Any], body: str) -> str:
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{body}"


PAGES = {
    "index.md": "# Home\n\n<!-- interview:cards -->\n\n<!-- interview:tags -->\n",
    "talk.md": page(TALK, "An intro with a <b>bold</b> word.\n\n" + TRANSCRIPT),
    "unsafe.md": page(UNSAFE, UNSAFE_TRANSCRIPT),
    "plain.md": "# Plain\n\n**Sam**: not a chat, and <em>raw</em> HTML & text.\n",
    "escaped.md": page(
        {"interview": True, "title": "Escaped"},
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; AT&T `<b>`.\n\n"
        "**Sam**: &lt;i&gt;Hi&lt;/i&gt;?\n\n**Ann**: Yes.\n",
    ),
}
ESCAPED_TEXT = "<script>alert(1)</script> & AT&T <b>."
"""The intro of `escaped.md` as a reader sees it, and so its excerpt."""
NAV = ["index.md", "talk.md", "unsafe.md", "plain.md", "escaped.md"]
"""The same navigation with the plugin and without, though the plugin adds pages."""
OPTIONS = {
    "speakers": REGISTRY,
    "interviewer": hostile("Interviewer"),
    "interviewee": hostile("Interviewee"),
    "index_title": hostile("Index"),
    "tags_title": hostile("Tags"),
}

# The plugin's documented markup: (tag, classes, attribute names) of each element it writes.
ALLOWED = {
    ("div", "interview", "class"),
    ("div", "interview-turn", "class data-initials data-side data-speaker id style"),
    (
        "div",
        "interview-turn interview-continued",
        "class data-initials data-side data-speaker id style",
    ),
    ("div", "interview-scroll", "class tabindex"),
    ("span", "interview-label", "class"),
    ("p", "interview-tag-summary", "class"),
    ("img", "interview-avatar", "alt class loading src"),
    ("img", "", "alt loading src"),
    ("p", "interview-speaker", "class"),
    ("a", "", "href"),
    ("span", "interview-role", "class"),
    ("time", "", "datetime"),
    ("time", "interview-time", "class datetime"),
    ("a", "interview-time", "class href"),
    ("span", "interview-note", "class"),
    ("link", "", "href rel"),
    ("div", "interview-cards", "class"),
    ("article", "interview-card", "class"),
    ("a", "interview-card-image", "aria-hidden class href tabindex"),
    ("div", "interview-card-text", "class"),
    ("h2", "interview-card-title", "class"),
    ("time", "interview-card-date", "class datetime"),
    ("p", "interview-card-excerpt", "class"),
    ("p", "interview-card-speakers", "class"),
    ("ul", "interview-tags", "class"),
    ("li", "", ""),
    ("a", "interview-tag", "class href"),
    ("span", "interview-tag", "class"),
    ("ul", "interview-tag-index", "class"),
    ("span", "interview-tag-count", "class"),
    ("div", "interview-meta", "class"),
    ("div", "interview-player", "class data-kind"),
    ("audio", "", "aria-label controls preload src"),
    ("video", "", "aria-label controls preload src"),
    ("script", "", "defer src"),
    ("meta", "", "content property"),
    ("meta", "", "content name"),
    ("p", "", ""),
    ("h1", "", ""),
}
ACTIVE_ELEMENTS = frozenset("base embed form frame iframe math object script style svg".split())
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "content")
SAFE_SCHEMES = {"", "http", "https", "mailto"}
STYLE = re.compile(r"--interview-person-bg: #[0-9a-f]{6}; --interview-person-fg: #[0-9a-f]{6}")


RCDATA = re.compile(r"(<(title|textarea)\b[^>]*>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL)


def parse(html: str) -> BeautifulSoup:
    """Parse a page as a browser does: the text of `<title>` and `<textarea>` is text up to
    their end tag (Python's parser would read elements in it)."""
    text = RCDATA.sub(lambda m: m.group(1) + escape(m.group(3)) + m.group(4), html)
    return BeautifulSoup(text, "html.parser")


def page_html(site: Site, name: str) -> BeautifulSoup:
    return parse(site.page_path(name).read_text(encoding="utf-8"))


def signature(element: Tag) -> tuple[str, str, str]:
    classes = " ".join(element.get_attribute_list("class", []) or [])
    return element.name, classes, " ".join(sorted(element.attrs))


def elements(soup: BeautifulSoup) -> Counter[tuple[str, str, str]]:
    return Counter(signature(element) for element in soup.find_all(True))


def active(soup: BeautifulSoup) -> Counter[str]:
    """Elements and attributes that can run code or load a document."""
    found: Counter[str] = Counter()
    for element in soup.find_all(True):
        if element.name in ACTIVE_ELEMENTS:
            found[element.name] += 1
        found.update(name for name in element.attrs if name.startswith("on") or name == "srcdoc")
    return found


def urls(soup: BeautifulSoup) -> Iterator[tuple[Tag, str, str]]:
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and (
                attribute != "content" or "://" in value or ":" in value
            ):
                yield element, attribute, value


def is_safe(url: str) -> bool:
    """What a browser would see as the scheme: control characters and spaces dropped."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES


TURN_TEMPLATE = Path(mkdocs_interview.__file__).parent / "templates" / "interview" / "turn.html"


@pytest.fixture(scope="module", params=[*THEMES, "turn-template"])
def builds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Site, Site]:
    """The hostile site on one theme, with the plugin and without it; `turn-template` is the
    mkdocs theme with a copy of the shipped `interview/turn.html` in its `custom_dir`, so the
    head of each turn comes from the template instead of the engine."""
    sites = []
    for plugins in ([{"interview": OPTIONS}], []):
        root = tmp_path_factory.mktemp(request.param)
        theme: str | dict[str, str] = request.param
        if request.param == "turn-template":
            (root / "overrides" / "interview").mkdir(parents=True)
            copy = TURN_TEMPLATE.read_text(encoding="utf-8") + "<!-- from turn.html -->"
            (root / "overrides" / "interview" / "turn.html").write_text(copy, encoding="utf-8")
            theme = {"name": "mkdocs", "custom_dir": "overrides"}
        sites.append(make_site(root, PAGES, theme=theme, plugins=plugins, nav=NAV).build())
    return sites[0], sites[1]


def generated_pages(site: Site) -> list[Path]:
    return sorted(
        path
        for path in site.site_dir.rglob("index.html")
        if path.parent.name in ("interviews", "tags") or path.parent.parent.name == "tags"
    )


def test_no_element_or_attribute_the_plugin_does_not_document(builds: tuple[Site, Site]) -> None:
    site, without = builds
    for name in PAGES:
        added = elements(page_html(site, name)) - elements(page_html(without, name))
        assert set(added) <= ALLOWED, f"{name}: {set(added) - ALLOWED}"


def test_pages_the_plugin_adds_hold_no_markup_from_front_matter(
    builds: tuple[Site, Site],
) -> None:
    """The interviews index and the tag pages have no twin without the plugin: their content
    holds only the plugin's markup, and the whole page no more active content than a page of
    one heading (Material's `page.title | striptags` in <title> included)."""
    site, without = builds
    baseline = page_html(without, "plain.md")
    pages = generated_pages(site)
    assert len(pages) == 7  # the interviews index, the tag index and five tag pages
    for path in pages:
        soup = parse(path.read_text(encoding="utf-8"))
        added = elements(content_of(soup)) - elements(content_of(baseline))
        assert set(added) <= ALLOWED, f"{path}: {set(added) - ALLOWED}"
        assert active(soup) == active(baseline), path


def test_every_added_url_is_safe(builds: tuple[Site, Site]) -> None:
    site, without = builds
    known = {value for name in PAGES for _, _, value in urls(page_html(without, name))}
    outputs = [page_html(site, name) for name in PAGES]
    outputs += [parse(path.read_text("utf-8")) for path in generated_pages(site)]
    for soup in outputs:
        for element, attribute, value in urls(soup):
            if value not in known:
                assert is_safe(value), f"<{element.name} {attribute}={value!r}>"
        for turn in soup.select(".interview-turn"):
            assert STYLE.fullmatch(turn["style"])
    for url in UNSAFE_URLS:
        assert url.strip() not in str(page_html(site, "unsafe.md"))


def test_hostile_text_comes_out_as_text(
    builds: tuple[Site, Site], request: pytest.FixtureRequest
) -> None:
    site, _ = builds
    from_template = request.node.callspec.params["builds"] == "turn-template"
    talk = site.page_path("talk.md").read_text(encoding="utf-8")
    assert talk.count("<!-- from turn.html -->") == (5 if from_template else 0)  # each turn
    turns = content_of(page_html(site, "talk.md")).select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == [
        NAMES["host"],
        NAMES["guest"],
        NAMES["site"],
        NAMES["host"],
        NAMES["guest"],
    ]
    host, guest, registered = turns[:3]
    assert host.select_one(".interview-speaker a").get_text() == NAMES["host"]
    assert host.select_one(".interview-speaker a")["href"] == hostile_url("sam")
    assert host.select_one(".interview-role").get_text() == ROLES["host"]
    assert host.select_one("img.interview-avatar")["src"] == hostile_url("sam.png")
    assert host.select_one("a.interview-time")["href"] == hostile_url("episode.mp3") + "#t=60"
    assert guest.select_one(".interview-speaker").get_text() == NAMES["guest"]
    assert registered.select_one(".interview-role").get_text() == ROLES["site"]
    assert registered.select_one(".interview-speaker a")["href"] == hostile_url("priya")
    assert registered.select_one("img.interview-avatar")["src"] == hostile_url("priya.png")


def test_hostile_front_matter_in_cards_tags_and_meta(builds: tuple[Site, Site]) -> None:
    site, _ = builds
    home = content_of(page_html(site, "index.md"))
    card = home.select_one(".interview-card")
    assert card.select_one(".interview-card-title").get_text() == TITLE
    assert card.select_one(".interview-card-excerpt").get_text() == " ".join(EXCERPT.split())
    assert card.select_one(".interview-card-speakers").get_text() == ", ".join(
        [NAMES["host"], NAMES["guest"], NAMES["site"]]
    )
    assert card.select_one("img")["src"] == hostile_url("teaser.png")
    assert [tag.get_text() for tag in card.select(".interview-tag")] == TAGS[:4]
    index = [a.get_text() for a in home.select(".interview-tag-index .interview-tag")]
    assert sorted(index) == sorted([*TAGS[:4], "unsafe"])
    escaped = next(
        card
        for card in home.select(".interview-card")
        if card.select_one(".interview-card-title").get_text() == "Escaped"
    )
    assert escaped.select_one(".interview-card-excerpt").get_text() == ESCAPED_TEXT
    description = page_html(site, "escaped.md").head.select_one("meta[property='og:description']")
    assert description["content"] == ESCAPED_TEXT
    head = page_html(site, "talk.md").head
    assert head.select_one("meta[property='og:title']")["content"] == TITLE
    assert head.select_one("meta[property='og:image']")["content"] == hostile_url("og.png")


def test_unsafe_urls_refused_with_a_warning_naming_the_file(builds: tuple[Site, Site]) -> None:
    site, _ = builds
    refused = [warning for warning in site.warnings if "unsafe URL" in warning]
    assert all(re.match(r"interview: unsafe\.md:\d+: ", warning) for warning in refused), refused
    for key in ("media", "image", "teaser", "header.og_image", "header.overlay_image"):
        assert any(f"'{key}' has an unsafe URL" in warning for warning in refused), key
    for field in ("url", "avatar"):
        for name in ("Bo Chen", "Cy Diaz"):
            assert any(f"'{name}': '{field}' has an unsafe URL" in w for w in refused), (
                name,
                field,
            )
    speakers_line = PAGES["unsafe.md"].split("\n").index("speakers:") + 1
    assert (
        f"interview: unsafe.md:{speakers_line}: front matter: 'speakers' entry 'Di Egan': "
        "'avatar' must be a URL or a path inside the docs, not '../../../etc/passwd'"
        in site.warnings
    )
    unsafe = content_of(page_html(site, "unsafe.md"))
    assert len(unsafe.select(".interview-turn")) == 2
    assert not unsafe.select(".interview-speaker a, img.interview-avatar, a.interview-time")


@pytest.mark.parametrize("url", UNSAFE_URLS)
@pytest.mark.parametrize("option", ["avatar", "url"])
def test_unsafe_url_in_the_site_speakers_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, option: str, url: str
) -> None:
    speakers = [{"name": "Sam Rivera", option: url}]
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"speakers": speakers}}]
    )
    with pytest.raises(Abort, match="configuration error"):
        site.config()
    assert f"'{option}' has an unsafe URL" in caplog.text
