"""Hostile and careless inputs meet closed doors: one invented site holds them all at once.

The site has pages whose first image runs code (`javascript:`, `data:`, `vbscript:`, one
hidden behind a character reference), titles and tags that are numbers, dates, booleans,
mappings, 300 characters, CJK, emoji or punctuation, tags that differ by one symbol (`C`,
`C++`, `C#`) or only in their Unicode form (`Zoë`), a tag called `index`, broken markers,
speaker entries with keys that are no text, caption times and JSON numbers of thousands of
digits, JSON nested a thousand deep, caption files that collide with pages of the docs or
with each other, files of the author's at the paths the plugin would write (`tags.md`,
`interviews.md`, `tags/career/index.md`, `interviews.json`), caption files under
`exclude_docs` and `draft_docs`, a theme `custom_dir` whose own `interview/card.html` and
`interview/turn.html` forget to escape, and transcripts whose warnings must point at the line
an author can open. A few small sites hold what cannot share it: other `export` places, a
`tags/README.md`, and an interview page titled by a date (alone, so that a crash there leaves
every other check standing). Each is built on the `mkdocs`, `readthedocs` and `material`
themes and under ProperDocs, whose warnings are read from its log.

What it shows: the build never stops; no unsafe URL reaches a card image or `og:image`; every
refusal is a warning naming the real file (and line); the author's files win and keep their
text; excluded and draft captions leave no trace; every tag that can be named gets its own
page, reachable by a link that works; an override's values stay escaped; and under
`strict: true` each of these warnings fails the build. The speaker entry with a key that is no
text is a configuration error in `mkdocs.yml` and a ValueError in the bare Python-Markdown
extension.
"""

from __future__ import annotations

import functools
import html
import logging
import posixpath
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort

from mkdocs_interview.transcript import InterviewExtension

from .sites import THEMES, make_site

BUILDS = [*THEMES, "properdocs"]
SCRIPT = "<script>alert(1)</script>"
TALK = (
    "**Ann Lee**: Why lighthouses?\n\n**Bo Chen**: The light.\n\n"
    "**Ann Lee**: And?\n\n**Bo Chen**: Quiet.\n"
)


def page(meta: dict[str, Any], body: str = TALK) -> str:
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n{body}"


def vtt(*cues: tuple[str, str, str]) -> str:
    """A WebVTT file of (start, speaker, text) cues, each a second long."""
    blocks = [f"{start}.000 --> {start}.900\n<v {name}>{text}" for start, name, text in cues]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `text` where `needle` first occurs."""
    return text[: text.index(needle)].count("\n") + 1


# --- 1. URLs that run code -------------------------------------------------------------------

UNSAFE_IMAGES = {
    "t/js.md": "javascript:alert(1)",
    "t/data.md": "data:image/svg+xml,<svg onload=alert(1)>",
    "t/vbscript.md": "vbscript:msgbox(1)",
    "t/entity.md": "&#106;avascript:alert(1)",
}
SAFE_IMAGE = "https://example.org/lamp.png"

# --- 2. Values of the wrong kind -------------------------------------------------------------

LONG_TAG = "lamp" * 75
CJK_TAG = "灯台守" * 30
TAGS = ["career", "C", "C++", "C#", "İstanbul", "Zoë", "!!!", "🎉", "index", LONG_TAG, CJK_TAG]
ZOE_NFD = unicodedata.normalize("NFD", "Zoë")
BAD_FRONT_MATTER = (
    "---\ninterview: true\ntitle: Bad values\ntags: 5\ndate: not a date\n"
    "description: [a]\ncategories: 5\n---\n\n" + TALK
)
SIDECAR_TITLES = {
    "c2024": "title: 2024\n",
    "cdate": "title: 2024-01-01\n",
    "ctrue": "title: true\n",
}
PLAIN_VTT = vtt(("00:01", "Ann Lee", "Hello?"), ("00:02", "Bo Chen", "Hello."))
DEEP = 1000
TITLES = {"t/y2024/": "2024", "cap/c2024/": "2024", "cap/cdate/": "2024-01-01"}
DATE_TITLE = "---\ninterview: true\ntitle: 2024-01-01\n---\n\n" + TALK

# --- 3, 7. Caption files, sidecars, and where warnings point --------------------------------

EP_VTT = vtt(
    ("00:01", "Ann Lee", "Welcome, Karl."),
    ("00:02", "Karl Jensen", "Thank you."),
    ("00:03", "Ann Lee", "Why the sea?"),
    ("00:04", "Karl Jensn", "It was there."),
)
EP_SRT = (
    "1\n00:00:00,000 --> 00:00:01,000\nAnn Lee: From the SRT, starting over?\n\n"
    "2\n00:00:01,000 --> 00:00:02,000\nKarl Jensen: From the SRT, yes.\n"
)
INTRO = page(
    {"speakers": ["Ann Lee", "Karl Jensen"]},
    "Karl Jensn wrote to us last spring; this is the talk.\n\n"
    "**Ann Lee**: Hello?\n\n**Karl Jensen**: Hello.\n\n**Ann Lee**: More?\n\n"
    "**Karl Jensn**: Much more.\n",
)
MERGE = page(
    {"title": "Merged", "speakers": ["Ann Lee", "Karl Jensen"]},
    "The page's own intro.\n\nA second paragraph of it.\n\n<!-- interview:transcript -->\n\n"
    "## After the recording\n\n**Ann Lee**: Anything to add?\n\n**Karl Jensn**: One thing.\n",
)
MERGE_VTT = vtt(
    ("00:01", "Ann Lee", "First?"),
    ("00:02", "Karl Jensen", "Second."),
    ("00:03", "Ann Lee", "Third?"),
    ("00:04", "Karl Jensen", "Fourth."),
    ("00:05", "Ann Lee", "Fifth?"),
)
AUTHOR_EXPORT = '{"mine": true}\n'

# --- 6. A theme's own templates that forget to escape ---------------------------------------

OWN_CARD = (
    '<article class="interview-card own-card">'
    '{% if card.image %}<img src="{{ card.image }}" alt="">{% endif %}'
    '<h2 class="interview-card-title"><a href="{{ card.url }}">{{ card.title }}</a></h2>'
    '<p class="interview-card-speakers">{{ card.speakers | join(", ") }}</p>'
    '{% if card.tags %}{% with tags = card.tags %}{% include "interview/tag-list.html" %}'
    "{% endwith %}{% endif %}</article>\n"
)
OWN_TURN = '<p class="interview-speaker own-turn">{{ speaker.name }}</p>\n'


def docs() -> dict[str, str]:
    pages = {
        "index.md": "# Home\n\nThe author's home page.\n",
        # 3. the author's own files at the plugin's paths
        "interviews.md": "# Talks\n\nThe author's interviews page.\n\n<!-- interview:cards -->\n",
        "tags.md": "# Our tags\n\nThe author's tag index.\n\n<!-- interview:tags -->\n",
        "tags/career/index.md": "# Careers\n\nThe author's career page.\n",
        "interviews.json": AUTHOR_EXPORT,
        "episode/index.md": "# Episode\n\nThe author's episode page.\n",
        "episode.vtt": PLAIN_VTT,
        "README.vtt": PLAIN_VTT,
        "ep.vtt": EP_VTT,
        "ep.srt": EP_SRT,
        "ep.yml": "title: Episode one\nspeakers: [Ann Lee, Karl Jensen]\n",
        "merge.md": MERGE,
        "merge.vtt": MERGE_VTT,
        # 7. warnings point at the real place
        "intro.md": INTRO,
        "yaml/ep.vtt": PLAIN_VTT,
        "yaml/ep.yaml": "title: [unclosed\nspeakers: x\n",
        # 1. first images
        **{
            name: page({"interview": True, "title": f"Image {name}"}, f"![p]({url})\n\n{TALK}")
            for name, url in UNSAFE_IMAGES.items()
        },
        "t/safe.md": page(
            {"interview": True, "title": "Safe image"}, f"![p]({SAFE_IMAGE})\n\n{TALK}"
        ),
        # 2. values of the wrong kind
        "t/y2024.md": "---\ninterview: true\ntitle: 2024\n---\n\n" + TALK,
        "t/ytrue.md": "---\ninterview: true\ntitle: true\n---\n\n" + TALK,
        "t/markers.md": page(
            {"interview": True, "title": "Markers"},
            TALK + '\n<!-- interview:cards tag="x -->\n\n<!-- interview:cards limit=² -->\n',
        ),
        "t/speaker-key.md": "---\nspeakers: [{name: Ann Lee, 1: x}, Bo Chen]\n---\n\n" + TALK,
        "t/bad.md": BAD_FRONT_MATTER,
        "t/bad-tags.md": "---\ninterview: true\ntags: {a: b}\n---\n\n" + TALK,
        "cap/t400.vtt": f"WEBVTT\n\n{'1' * 400}:00:00.000 --> 00:02.000\n<v Ann Lee>Hi?\n",
        "cap/t5000.vtt": f"WEBVTT\n\n00:01.000 --> 00:02.{'5' * 5000}\n<v Ann Lee>Hi?\n",
        "cap/big.json": (
            '{"version": "1", "segments": [{"speaker": "Ann Lee", "startTime": '
            + "9" * 5000
            + ', "body": "Hi?"}]}'
        ),
        "cap/deep.json": '{"version": "1", "segments": ' + "[" * DEEP + "]" * DEEP + "}",
        "data/deep.json": "[" * DEEP + "]" * DEEP,
        # 4. tags
        "t/career.md": page({"interview": True, "title": "Career talk", "tags": TAGS}),
        "t/zoe.md": page({"interview": True, "title": "Zoe NFD", "tags": [ZOE_NFD]}),
        # 5. excluded and draft captions
        "secret/hidden.vtt": PLAIN_VTT,
        "secret/hidden.yml": "title: Hidden talk\ntags: [secrettag]\n",
        "drafts/draft.vtt": PLAIN_VTT,
        "drafts/draft.yml": "title: Draft talk\ntags: [drafttag]\n",
        # 6. hostile values through the theme's own templates
        "t/hostile.md": page(
            {
                "interview": True,
                "title": SCRIPT,
                "speakers": [{"name": f"Ann {SCRIPT}", "aliases": ["Ann"]}, "Bo Chen"],
            },
            "**Ann**: Hello?\n\n**Bo Chen**: Hello.\n",
        ),
    }
    for stem, sidecar in SIDECAR_TITLES.items():
        pages[f"cap/{stem}.vtt"] = PLAIN_VTT
        pages[f"cap/{stem}.yml"] = sidecar
    return pages


DOCS = docs()


@dataclass
class Built:
    """A built site: its docs, its output folder and the warnings of its log."""

    docs: dict[str, str]
    site_dir: Path
    warnings: list[str]

    def file(self, url: str) -> Path:
        """The output file of a page URL such as `tags/c/` (or `404.html`)."""
        return self.site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)

    def html(self, url: str) -> BeautifulSoup:
        """The parsed output file of a page URL (each file is parsed once)."""
        return self.pages[str(self.file(url).relative_to(self.site_dir))]

    @functools.cached_property
    def pages(self) -> dict[str, BeautifulSoup]:
        """Every HTML file of the output by its path."""
        return {
            str(path.relative_to(self.site_dir)): BeautifulSoup(
                path.read_text("utf-8"), "html.parser"
            )
            for path in sorted(self.site_dir.rglob("*.html"))
        }

    def target(self, source: str, href: str) -> Path:
        """The file a relative link `href` on the output file `source` leads to."""
        folder = posixpath.dirname(source)
        path = posixpath.normpath(posixpath.join(folder, unquote(href)))
        return self.site_dir / (path + "/index.html" if href.endswith("/") else path)

    def warned(self, *parts: str) -> list[str]:
        """The warnings holding every one of `parts`."""
        return [message for message in self.warnings if all(part in message for part in parts)]


def build(root: Path, pages: dict[str, str], how: str, **settings: Any) -> Built:
    """Build a site on a theme (`how`), or on the mkdocs theme under ProperDocs."""
    properdocs = how == "properdocs"
    theme = {"name": "mkdocs" if properdocs else how, "custom_dir": "overrides"}
    settings.setdefault("plugins", ["search", "interview"])
    site = make_site(root, pages, theme=theme, **settings)
    overrides = root / "overrides" / "interview"
    overrides.mkdir(parents=True)
    (overrides / "card.html").write_text(OWN_CARD, encoding="utf-8")
    (overrides / "turn.html").write_text(OWN_TURN, encoding="utf-8")
    if properdocs:
        command = [sys.executable, "-m", "properdocs", "build"]
        done = subprocess.run(command, cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]
        prefix = "WARNING -  "
        warnings = [
            line[len(prefix) :] for line in done.stderr.splitlines() if line.startswith(prefix)
        ]
    else:
        warnings = site.build().warnings
    return Built(pages, site.site_dir, warnings)


def skip_without_properdocs(how: str) -> None:
    if how == "properdocs" and find_spec("properdocs") is None:
        pytest.skip("ProperDocs is not installed")


@pytest.fixture(scope="module", params=BUILDS)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The site of every class at once."""
    skip_without_properdocs(request.param)
    root = tmp_path_factory.mktemp(f"doors-{request.param}")
    return build(root, DOCS, request.param, exclude_docs="secret/\n", draft_docs="drafts/\n")


FOCUSED = {
    "readme": (
        {
            "index.md": "# Home\n\nThe author's home page.\n",
            "tags/README.md": "# Tags\n\nThe author's README of tags.\n\n<!-- interview:tags -->\n",
            "t/career.md": page({"interview": True, "title": "Career talk", "tags": ["career"]}),
        },
        "index.html",
    ),
    "sitemap": ({"index.md": "# Home\n", "t/talk.md": page({"interview": True})}, "sitemap.xml"),
    "folder": ({"index.md": "# Home\n", "t/talk.md": page({"interview": True})}, "search"),
}
"""Small sites of what cannot share the big one: the tag index as a README, and the export
where the site has a page, a template or a folder; by name, with the `export` setting."""


@pytest.fixture(scope="module", params=BUILDS)
def focused(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Built]:
    skip_without_properdocs(request.param)
    built = {}
    for name, (pages, export) in FOCUSED.items():
        root = tmp_path_factory.mktemp(f"{name}-{request.param}")
        plugins = ["search", {"interview": {"export": export}}]
        built[name] = build(root, pages, request.param, plugins=plugins)
    return built


def text(element: Tag | BeautifulSoup | None) -> str:
    assert element is not None
    return " ".join(element.get_text().split())


def cards(soup: BeautifulSoup) -> dict[str, Tag]:
    """The cards of a page by the text of their title (the last of equal titles)."""
    return {
        text(card.select_one(".interview-card-title")): card
        for card in soup.select(".interview-card")
    }


def scheme(url: str) -> str:
    """The scheme a browser reads in an attribute's value: references decoded, spaces and
    controls around it and tabs and breaks in it ignored."""
    cleaned = re.sub(r"[\t\n\r]", "", html.unescape(url).strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


# --- 1. URLs ---------------------------------------------------------------------------------


def test_no_unsafe_first_image_in_a_card_or_og_image(site: Built) -> None:
    images = [
        str(image.get("src"))
        for soup in site.pages.values()
        for image in soup.select(".interview-card img")
    ]
    assert SAFE_IMAGE in images  # the safe first image is on its card
    assert all(scheme(src) in ("", "http", "https") for src in images), images
    index = cards(site.html("interviews/"))
    for name in UNSAFE_IMAGES:
        assert index[f"Image {name}"].select("img") == [], name
        head = site.html(name.removesuffix(".md") + "/").head
        assert head is not None
        assert head.select('meta[property="og:image"]') == [], name
        assert head.select('meta[property="og:title"]'), name  # the page has its social meta
    assert [img["src"] for img in index["Safe image"].select("img")] == [SAFE_IMAGE]
    head = site.html("t/safe/").head
    assert head is not None
    assert [meta["content"] for meta in head.select('meta[property="og:image"]')] == [SAFE_IMAGE]


# --- 2. No crash, a warning naming the file ----------------------------------------------------


def test_numbers_and_dates_are_titles(site: Built) -> None:
    titles = {
        str(link["href"]): text(link)
        for link in site.html("interviews/").select(".interview-card-title a")
    }
    assert {url: titles.get(f"../{url}") for url in TITLES} == TITLES
    assert site.html("cap/c2024/").find("h1", string="2024") is not None
    assert "../t/ytrue/" in titles  # a title that is no text: the page has its card still
    assert "../cap/ctrue/" in titles


@pytest.mark.parametrize("how", BUILDS)
def test_a_date_as_the_title_of_an_interview_page(tmp_path: Path, how: str) -> None:
    """`title: 2024-01-01` is a YAML date: the card, the page and the theme write it as text."""
    skip_without_properdocs(how)
    pages = {"index.md": "# Home\n\n<!-- interview:cards -->\n", "t/ydate.md": DATE_TITLE}
    built = build(tmp_path, pages, how)
    assert text(built.html("").select_one(".interview-card-title")) == "2024-01-01"
    assert len(built.html("t/ydate/").select(".interview-turn")) == 4


def at(path: str, key: str) -> str:
    """`path:line` of the line of the front matter of `DOCS[path]` that sets `key`."""
    return f"{path}:{line_of(DOCS[path], chr(10) + key + ':') + 1}"


def test_title_true_warns_on_a_page(site: Built) -> None:
    assert site.warned(
        f"interview: {at('t/ytrue.md', 'title')}: ", "'title' must be a text, not True"
    )


def test_title_true_warns_in_a_sidecar(site: Built) -> None:
    assert site.warned("interview: cap/ctrue.yml: ", "'title' must be a text, not True")


def test_broken_markers_warn_and_the_page_is_built(site: Built) -> None:
    markers = DOCS["t/markers.md"]
    assert site.warned(
        f"interview: t/markers.md:{line_of(markers, 'tag=')}: ", '<!-- interview:cards tag="x -->'
    )
    assert site.warned(
        f"interview: t/markers.md:{line_of(markers, 'limit=')}: ",
        "'limit' must be a positive whole number, not '²'",
    )
    assert len(site.html("t/markers/").select(".interview-turn")) == 4


def test_speaker_entry_with_a_key_that_is_no_text(site: Built) -> None:
    assert site.warned(
        f"interview: {at('t/speaker-key.md', 'speakers')}: front matter: 'speakers' entry "
        "'Ann Lee': unknown key '1'"
    )
    turns = site.html("t/speaker-key/").select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == ["Ann Lee", "Bo Chen"] * 2


def test_front_matter_values_of_the_wrong_kind(site: Built) -> None:
    for key, problem in [
        ("tags", "'tags' must be a list of words or a text, not 5"),
        ("date", "'date' must be a date such as 2024-05-02, not 'not a date'"),
        ("description", "'description' must be a text, not ['a']"),
        ("categories", "'categories' must be a list of words or a text, not 5"),
    ]:
        assert site.warned(f"interview: {at('t/bad.md', key)}: front matter: {problem}"), problem
    assert site.warned(
        f"interview: {at('t/bad-tags.md', 'tags')}: front matter: 'tags' must be a list",
        "{'a': 'b'}",
    )
    assert len(site.html("t/bad/").select(".interview-turn")) == 4


def test_huge_numbers_and_deep_json(site: Built) -> None:
    assert site.warned("interview: cap/t400.vtt:3: bad cue timing")
    assert site.warned("interview: cap/t5000.vtt:3: bad cue timing")
    assert site.warned("interview: cap/big.json:1: bad 'startTime'")
    assert site.warned("interview: cap/deep.json: cannot be read: its JSON is nested too deeply")
    assert not site.warned("data/deep.json")  # data, no transcript
    assert (site.site_dir / "data" / "deep.json").read_text() == DOCS["data/deep.json"]
    for stem in ("cap/t400", "cap/t5000", "cap/big", "cap/deep"):
        assert not site.file(f"{stem}/").exists(), stem
    assert site.html("cap/c2024/").select(".interview-turn")  # the other captions are pages


# --- 3. The site's own files win, loudly ------------------------------------------------------


def test_the_authors_index_pages_are_kept(site: Built) -> None:
    for url, own, warning, plugins_page in [
        ("interviews/", "The author's interviews page.", "interviews.md", "interviews/index.md"),
        ("tags/", "The author's tag index.", "tags.md", "tags/index.md"),
        ("tags/career/", "The author's career page.", "tags/career/index.md", "tags/career.md"),
    ]:
        assert own in text(site.html(url)), url
        assert site.warned(f"interview: {warning}: kept; ", f"({plugins_page}) is not made"), url
    # their markers are filled
    assert "Career talk" in cards(site.html("interviews/"))
    assert site.html("tags/").select(".interview-tag-index a.interview-tag")


def test_captions_at_the_url_of_a_page_make_none(site: Built) -> None:
    assert "The author's episode page." in text(site.html("episode/"))
    assert not site.html("episode/").select(".interview-turn")
    assert "The author's home page." in text(site.html(""))
    assert not site.html("").select(".interview-turn")
    assert not site.file("README/").exists()
    for caption, page in [("episode.vtt", "episode/index.md"), ("README.vtt", "index.md")]:
        assert site.warned(
            f"interview: {caption}: no page made", f"where the docs already have {page}"
        )


def test_vtt_beside_srt(site: Built) -> None:
    assert site.warned("interview: ep.srt: not read: ep.vtt is the transcript of 'ep'")
    chat = site.html("ep/").select(".interview-turn")
    assert [turn["data-speaker"] for turn in chat] == [
        "Ann Lee",
        "Karl Jensen",
        "Ann Lee",
        "Karl Jensn",
    ]
    times = [time["datetime"] for time in site.html("ep/").select(".interview-turn time")]
    assert times == ["PT1S", "PT2S", "PT3S", "PT4S"]  # no second run from the SRT's 0:00
    assert "From the SRT" not in text(site.html("ep/"))


def test_the_authors_export_is_kept(site: Built) -> None:
    assert (site.site_dir / "interviews.json").read_text() == AUTHOR_EXPORT
    assert site.warned("interview: interviews.json: kept; the export is not written over it")


def test_a_caption_goes_into_the_page_of_its_name(site: Built) -> None:
    merged = site.html("merge/")
    assert "The page's own intro." in text(merged)
    times = [time["datetime"] for time in merged.select(".interview-turn time")]
    assert times == ["PT1S", "PT2S", "PT3S", "PT4S", "PT5S"]
    assert merged.select_one("h2") is not None and "After the recording" in text(
        merged.select_one("h2")
    )
    assert len(merged.select(".interview-turn")) == 7
    assert not site.file("merge.vtt/").exists()


def test_the_authors_readme_of_tags_and_exports_are_kept(focused: dict[str, Built]) -> None:
    readme = focused["readme"]
    assert "The author's README of tags." in text(readme.html("tags/"))
    assert readme.warned("interview: tags/README.md: kept; ", "tags/index.md")
    assert "The author's home page." in text(readme.html(""))  # not the export
    assert readme.warned("interview: index.md: kept; the export is not written over it")
    assert readme.html("t/career/").select(".interview-turn")

    sitemap = focused["sitemap"]
    assert "<urlset" in (sitemap.site_dir / "sitemap.xml").read_text()
    assert sitemap.warned("sitemap.xml: kept; the export is not written over it")

    folder = focused["folder"]
    assert (folder.site_dir / "search").is_dir()
    assert folder.warned("interview: export: 'search' is a folder of the built site")
    assert folder.html("t/talk/").select(".interview-turn")  # the build went on


# --- 4. Tags ----------------------------------------------------------------------------------


def tag_pages(site: Built) -> dict[str, Path]:
    """The page each tag of the tag index links to, by the tag's name."""
    return {
        text(link): site.target("tags/index.html", str(link["href"]))
        for link in site.html("tags/").select(".interview-tag-index a.interview-tag")
    }


def test_every_tag_that_can_be_named_has_its_own_page(site: Built) -> None:
    found = tag_pages(site)
    for name in ["C", "C++", "C#", "İstanbul", "Zoë", "index", LONG_TAG, CJK_TAG]:
        assert name in found, name
        target = found[name]
        assert target.is_file(), name
        soup = BeautifulSoup(target.read_text("utf-8"), "html.parser")
        assert soup.find("h1", string=f"Interviews tagged “{name}”") is not None, name
        assert "Career talk" in cards(soup), name
        assert not soup.select(".interview-cards-empty"), name
    assert len({found[name] for name in ("C", "C++", "C#")}) == 3
    assert found["index"] != site.file("tags/")
    for name in (LONG_TAG, CJK_TAG):
        assert len(found[name].parent.name.encode()) <= 100, name


def test_two_unicode_forms_are_one_tag(site: Built) -> None:
    names = [unicodedata.normalize("NFC", name) for name in tag_pages(site)]
    assert names.count("Zoë") == 1
    soup = BeautifulSoup(tag_pages(site)["Zoë"].read_text("utf-8"), "html.parser")
    assert {"Career talk", "Zoe NFD"} <= set(cards(soup))


def test_tags_without_a_name_get_no_page_and_warn(site: Built) -> None:
    for name in ("!!!", "🎉"):
        assert site.warned(
            f"interview: {at('t/career.md', 'tags')}: front matter: 'tags': ",
            repr(name),
            "names no tag page",
        )
        assert name not in tag_pages(site)
    for path, soup in site.pages.items():
        assert not soup.select('a[href=""]'), path
        assert not [a for a in soup.select("a.interview-tag") if text(a) in ("!!!", "🎉")], path


def test_every_tag_link_leads_to_a_page(site: Built) -> None:
    links = 0
    for path, soup in site.pages.items():
        for link in soup.select("a.interview-tag"):
            href = str(link.get("href"))
            assert href not in ("", "None"), f"{path}: {link}"
            assert site.target(path, href).is_file(), f"{path}: {link}"
            links += 1
    assert links > 50


# --- 5. Excluded stays excluded ---------------------------------------------------------------


def test_excluded_and_draft_captions_leave_no_trace(site: Built) -> None:
    sitemap = (site.site_dir / "sitemap.xml").read_text()
    assert "https://example.org/site/ep/" in sitemap
    every_text = " ".join(text(soup) for soup in site.pages.values())
    assert "Career talk" in every_text and "Episode one" in every_text
    for page, title, tag in [
        ("secret/hidden/", "Hidden talk", "secrettag"),
        ("drafts/draft/", "Draft talk", "drafttag"),
    ]:
        assert not site.file(page).exists()
        assert f"/site/{page}" not in sitemap
        assert title not in every_text
        assert tag not in every_text
        assert not (site.site_dir / "tags" / tag).exists()
        assert not site.warned(page.split("/")[0] + "/")


# --- 6. Theme overrides stay escaped ----------------------------------------------------------


def test_the_themes_own_templates_stay_escaped(site: Built) -> None:
    index = site.html("interviews/")
    own = index.select(".interview-card.own-card")
    assert own  # the theme's card.html is the one used
    card = cards(index)[SCRIPT]
    assert card.select_one("script") is None
    assert text(card.select_one(".interview-card-title a")) == SCRIPT
    heads = site.html("t/hostile/").select(".interview-turn > .interview-speaker.own-turn")
    assert [text(head) for head in heads] == [f"Ann {SCRIPT}", "Bo Chen"]
    assert all(head.select_one("script") is None for head in heads)
    for path, soup in site.pages.items():
        assert not soup.select(".interview-card script, .interview-turn script"), path


# --- 7. Warnings point at the real place ------------------------------------------------------


PLACE = re.compile(r"interview: (?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?: ")


def test_every_warning_names_a_file_of_the_docs(site: Built) -> None:
    named = 0
    for message in site.warnings:
        if message.startswith("interview: export: "):
            continue
        match = PLACE.match(message)
        assert match, message
        assert match["file"] in site.docs, message
        if match["line"]:
            assert 1 <= int(match["line"]) <= site.docs[match["file"]].count("\n") + 1, message
        named += 1
    assert named >= 25


def test_a_caption_pages_warnings_name_the_caption_file_and_line(site: Built) -> None:
    line = line_of(EP_VTT, "00:04.000 -->")
    assert site.warned(
        f"interview: ep.vtt:{line}: 'Karl Jensn' speaks but is not among the page's speakers; "
        "did you mean 'Karl Jensen'?"
    )
    assert not site.warned("ep.md")


def test_a_broken_sidecar_is_called_by_its_name(site: Built) -> None:
    assert site.warned(
        f"interview: yaml/ep.yaml:{line_of(DOCS['yaml/ep.yaml'], 'speakers')}: not valid YAML"
    )
    assert not site.warned("yaml/ep.yml")
    assert site.html("yaml/ep/").select(".interview-turn")


def test_did_you_mean_points_at_the_speaker_line(site: Built) -> None:
    line = line_of(INTRO, "**Karl Jensn**")
    assert line != line_of(INTRO, "Karl Jensn")
    assert site.warned(
        f"interview: intro.md:{line}: 'Karl Jensn' speaks", "did you mean 'Karl Jensen'?"
    )


def test_a_page_with_an_inserted_transcript_keeps_its_later_lines(site: Built) -> None:
    line = line_of(MERGE, "**Karl Jensn**")
    assert site.warned(
        f"interview: merge.md:{line}: 'Karl Jensn' speaks", "did you mean 'Karl Jensen'?"
    )


# --- 8. Under strict: true each warning fails the build ------------------------------------------

STRICT = {
    "sidecar": (
        {"ep.vtt": PLAIN_VTT, "ep.yml": DOCS["yaml/ep.yaml"]},
        "interview: ep.yml:2: not valid YAML",
    ),
    "tag": (
        {"t.md": page({"interview": True, "tags": ["!!!"]})},
        "interview: t.md:3: front matter: 'tags': '!!!' names no tag page",
    ),
    "marker": (
        {"t.md": page({"interview": True}, TALK + '\n<!-- interview:cards tag="x -->\n')},
        'interview: t.md:13: cannot read <!-- interview:cards tag="x -->',
    ),
    "own-tag-index": (
        {"t.md": page({"interview": True, "tags": ["a"]}), "tags.md": "# Mine\n"},
        "interview: tags.md: kept; the tag index (tags/index.md) is not made",
    ),
    "caption": ({"ep.vtt": DOCS["cap/t5000.vtt"]}, "interview: ep.vtt:3: bad cue timing"),
    "deep-json": (
        {"ep.json": DOCS["cap/deep.json"]},
        "interview: ep.json: cannot be read: its JSON is nested too deeply",
    ),
    "speaker-key": (
        {"t.md": DOCS["t/speaker-key.md"]},
        "interview: t.md:2: front matter: 'speakers' entry 'Ann Lee': unknown key '1'",
    ),
    "export-folder": (
        {"t.md": page({"interview": True}), "search/x.md": "# X\n"},
        "interview: export: 'search' is a folder of the built site; no export written",
    ),
}
"""Small sites of one warning each, and the start of that warning."""


@pytest.mark.parametrize("case", sorted(STRICT))
def test_strict_fails_on_each_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    pages, warning = STRICT[case]
    export = "search" if case == "export-folder" else "interviews.json"
    plugins = [{"interview": {"export": export}}]
    strict = make_site(tmp_path, {"index.md": "# Home\n", **pages}, plugins=plugins, strict=True)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="1 warnings in strict mode"):
        strict.build()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith(warning), warnings


# --- The speaker entry with a key that is no text, in settings -----------------------------------

BAD_SPEAKERS = [{"name": "Ann Lee", 1: "x"}]


def test_a_key_that_is_no_text_is_a_configuration_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"speakers": BAD_SPEAKERS}}]
    )
    with pytest.raises(Abort, match="configuration error"):
        site.config()
    assert "'speakers' entry 'Ann Lee': unknown key '1'" in caplog.text


def test_a_key_that_is_no_text_in_the_bare_extension() -> None:
    with pytest.raises(ValueError, match="'speakers' entry 'Ann Lee': unknown key '1'"):
        markdown.Markdown(extensions=[InterviewExtension(speakers=BAD_SPEAKERS)])
    with pytest.raises(ValueError, match="unknown key '1'"):
        markdown.Markdown(
            extensions=["mkdocs_interview.markdown"],
            extension_configs={"mkdocs_interview.markdown": {"speakers": BAD_SPEAKERS}},
        )
    good = markdown.Markdown(extensions=[InterviewExtension(speakers=["Ann Lee"])])
    assert "interview-turn" in good.convert(TALK)
