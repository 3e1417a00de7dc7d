"""Caption files in the docs become interview pages; every interview is exported as JSON."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .conftest import FIXTURES
from .sites import content_of, make_site

CAPTIONS = FIXTURES / "captions"
VTT = (CAPTIONS / "organ-builder.vtt").read_text(encoding="utf-8")
SRT = (CAPTIONS / "small-tools.srt").read_text(encoding="utf-8")
PODCAST_JSON = (CAPTIONS / "beekeeper.json").read_text(encoding="utf-8")
SIDECAR = "title: Pipes and reeds\nmedia: https://example.org/organ.mp3\ntags: [craft]\n"


def turns_of(site: object, page: str) -> list[str]:
    html = content_of(site.html(page))  # type: ignore[attr-defined]
    return [turn["data-speaker"] for turn in html.select(".interview-turn")]


def test_each_format_becomes_a_page(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "shows/organ-builder.vtt": VTT,
        "shows/organ-builder.yml": SIDECAR,
        "shows/small-tools.srt": SRT,
        "shows/beekeeper.json": PODCAST_JSON,
        "shows/chapters.json": (CAPTIONS / "chapters.json").read_text(encoding="utf-8"),
    }
    site = make_site(tmp_path, pages).build()
    assert site.warnings == []
    organ = site.html("shows/organ-builder.md")
    assert organ.title.get_text().startswith("Pipes and reeds")
    assert turns_of(site, "shows/organ-builder.md")[:2] == ["Tom Reyes", "Ada Quinn"]
    link = content_of(organ).select_one("a.interview-time")
    assert link["href"].startswith("https://example.org/organ.mp3#t=")
    assert turns_of(site, "shows/small-tools.md")[:2] == ["Priya Raman", "Tomás Ferreira"]
    assert content_of(site.html("shows/small-tools.md")).h1.get_text() == "Small tools"
    assert len(turns_of(site, "shows/beekeeper.md")) > 1
    assert not site.page_path("shows/chapters.md").exists()
    assert (site.site_dir / "shows" / "chapters.json").exists()
    assert [
        card.h2.get_text() for card in site.html("tags/craft.md").select(".interview-card")
    ] == ["Pipes and reeds"]


def test_an_existing_page_takes_the_transcript(tmp_path: Path) -> None:
    page = "---\ntitle: Organ builder\n---\n# Organ builder\n\nBefore.\n\n"
    page += "<!-- interview:transcript -->\n\nAfter.\n"
    site = make_site(tmp_path, {"index.md": "# Home\n", "organ.md": page, "organ.vtt": VTT}).build()
    text = content_of(site.html("organ.md")).get_text()
    assert text.index("Before.") < text.index("Welcome back") < text.index("After.")
    appended = make_site(
        tmp_path / "appended",
        {"index.md": "# Home\n", "organ.md": "# Organ\n\nIntro.\n", "organ.vtt": VTT},
    ).build()
    assert turns_of(appended, "organ.md")[:2] == ["Tom Reyes", "Ada Quinn"]


def test_a_malformed_caption_file_warns_with_its_line(tmp_path: Path) -> None:
    broken = "WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ann Lee>Hello\n\nnot a timing\nwords\n"
    site = make_site(tmp_path, {"index.md": "# Home\n", "bad.vtt": broken, "good.vtt": VTT}).build()
    assert len(site.warnings) == 1
    assert site.warnings[0].startswith("interview: bad.vtt:7: ")
    assert not site.page_path("bad.md").exists()
    assert turns_of(site, "good.md")


def test_the_export(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "organ-builder.vtt": VTT,
        "organ-builder.yml": SIDECAR,
        "talk.md": "---\ninterview: true\ndate: 2024-01-02\ntags: [a]\n---\n# Talk\n\n"
        "**Ann Lee**: \\[00:01:02\\] Hello?\n\n**Bo Chen**: Hi. [laughs]\n",
    }
    site = make_site(tmp_path, pages).build()
    data = json.loads((site.site_dir / "interviews.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [interview["url"] for interview in data["interviews"]] == ["organ-builder/", "talk/"]
    talk = data["interviews"][1]
    assert talk == {
        "url": "talk/",
        "canonical_url": "https://example.org/site/talk/",
        "title": "Talk",
        "date": "2024-01-02",
        "tags": ["a"],
        "speakers": ["Ann Lee", "Bo Chen"],
        "people": {"Ann Lee": "people/ann-lee/", "Bo Chen": "people/bo-chen/"},
        "turns": [
            {"id": "turn-1", "speaker": "Ann Lee", "side": "host", "time": 62, "text": "Hello?"},
            {
                "id": "turn-2",
                "speaker": "Bo Chen",
                "side": "guest",
                "time": None,
                "text": "Hi. [laughs]",
            },
        ],
    }
    first = (site.site_dir / "interviews.json").read_bytes()
    assert site.build().site_dir.joinpath("interviews.json").read_bytes() == first


def test_export_path_and_off(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "organ.vtt": VTT}
    site = make_site(
        tmp_path, pages, plugins=[{"interview": {"export": "data/talks.json"}}]
    ).build()
    assert (site.site_dir / "data" / "talks.json").exists()
    off = make_site(
        tmp_path / "off", pages, plugins=[{"interview": {"export": False, "captions": False}}]
    )
    off.build()
    assert not (off.site_dir / "interviews.json").exists()
    assert not off.page_path("organ.md").exists()


def test_the_sites_speakers_name_caption_voices(tmp_path: Path) -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nSPEAKER_01: Hello there?\n\n"
    srt += "2\n00:00:02,000 --> 00:00:04,000\nBo Chen: Hi.\n"
    registry = [{"name": "Ann Lee", "aliases": ["SPEAKER_01"], "role": "Host"}]
    pages = {"index.md": "# Home\n", "call.srt": srt}
    site = make_site(tmp_path, pages, plugins=[{"interview": {"speakers": registry}}]).build()
    turns = content_of(site.html("call.md")).select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == ["Ann Lee", "Bo Chen"]
    assert turns[0].select_one(".interview-role").get_text() == "Host"
    assert site.warnings == []


LECTURE = (CAPTIONS / "lecture.vtt").read_text(encoding="utf-8")


def test_a_file_without_names_is_a_transcript_in_prose(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\n<!-- interview:cards -->\n",
        "lecture.vtt": LECTURE,
        "lecture.yml": "title: The water cycle\nmedia: https://example.org/water.mp3\n",
        "talk.vtt": "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann Lee>One.\n\n"
        "00:05.000 --> 00:06.000\nTwo.\n",
        "notes.md": "# Notes\n\nBefore.\n",
        "notes.srt": "1\n00:00:01,000 --> 00:00:02,000\nFirst.\n\n"
        "2\n00:00:09,000 --> 00:00:10,000\nSecond.\n",
    }
    site = make_site(tmp_path, pages).build()
    assert site.warnings == []
    lecture = content_of(site.html("lecture.md"))
    assert not lecture.select(".interview-turn")
    passages = lecture.select("div.interview-prose > p.interview-passage")
    assert len(passages) == 4
    links = [link["href"] for link in lecture.select("p.interview-passage > a.interview-time")]
    assert links == [f"https://example.org/water.mp3#t={second}" for second in (0, 7, 12, 19)]
    assert passages[0].get_text().startswith("00:00:00 Good morning.")
    cards = {card.h2.get_text(): card for card in site.html("index.md").select(".interview-card")}
    assert set(cards) == {"The water cycle", "Talk", "Notes"}
    excerpt = cards["The water cycle"].select_one(".interview-card-excerpt").get_text()
    assert excerpt.startswith("Good morning. Today is about the water cycle")
    assert cards["The water cycle"].select_one(".interview-card-speakers") is None
    assert cards["Talk"].select_one(".interview-card-speakers").get_text() == "Ann Lee"
    notes = content_of(site.html("notes.md")).get_text()
    assert notes.index("Before.") < notes.index("First.") < notes.index("Second.")
    data = json.loads((site.site_dir / "interviews.json").read_text(encoding="utf-8"))
    entries = {interview["url"]: interview for interview in data["interviews"]}
    assert entries["lecture/"]["speakers"] == []
    assert entries["lecture/"]["turns"][2] == {
        "id": "turn-3",
        "speaker": None,
        "side": None,
        "time": 12,
        "text": "Water rises as vapour.",
    }
    assert entries["talk/"]["speakers"] == ["Ann Lee"]
    assert [(turn["speaker"], turn["side"]) for turn in entries["talk/"]["turns"]] == [
        ("Ann Lee", None),
        ("Ann Lee", None),
    ]
    assert len(entries["notes/"]["turns"]) == 2


ENCODED = "1\n00:00:01,000 --> 00:00:02,000\nRené: Café?\n\n2\n00:00:02,000 --> 00:00:03,000\n"
ENCODED += "Zoë: Oui, merci.\n\n3\n00:00:03,000 --> 00:00:04,000\nRené: Voilà.\n\n"
ENCODED += "4\n00:00:04,000 --> 00:00:05,000\nZoë: À demain.\n"


def test_caption_files_in_utf16_and_windows_1252(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "bom.srt": ENCODED.encode("utf-8-sig"),
        "le.srt": ENCODED.encode("utf-16"),  # with its byte-order mark
        "be.srt": codecs.BOM_UTF16_BE + ENCODED.replace("\n", "\r\n").encode("utf-16-be"),
        "old.srt": ENCODED.encode("cp1252"),
    }
    site = make_site(tmp_path, pages).build()
    for name in ("bom", "le", "be", "old"):
        assert turns_of(site, f"{name}.md") == ["René", "Zoë", "René", "Zoë"], name
    notes = [message for level, message in site.logs if level == "INFO" and "read as" in message]
    assert notes == [
        "interview: be.srt: read as UTF-16 (big-endian), as its byte-order mark says",
        "interview: le.srt: read as UTF-16 (little-endian), as its byte-order mark says",
    ]
    assert site.warnings == [
        "interview: old.srt:3: not UTF-8 (byte 0xe9); read as Windows-1252. Save the file as UTF-8."
    ]
    # A note is no warning: --strict builds a site with UTF-16 captions, and fails on a guess.
    del pages["old.srt"]
    make_site(tmp_path / "strict", pages, strict=True).build()
    guessed = make_site(
        tmp_path / "guessed",
        {"index.md": "# Home\n", "old.srt": ENCODED.encode("cp1252")},
        strict=True,
    )
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        guessed.build()
