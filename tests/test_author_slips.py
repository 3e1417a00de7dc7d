"""Slips an author makes, each a warning that names the file and line, and never a silent
change: a date that does not exist, a broken caption file beside another, a host who does
not speak, a marker with a typo. Each site is built with `strict: false`; the warnings are
the whole of what it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sites import Site, content_of, make_site

TALK = "**Ann Lee**: Hi?\n\n**Bo Chen**: Yes.\n\n**Ann Lee**: Sure?\n\n**Bo Chen**: Yes.\n"
CUE = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>{}\n"


def build(tmp_path: Path, pages: dict[str, str]) -> Site:
    return make_site(tmp_path, {"index.md": "# Home\n", **pages}).build()


@pytest.mark.parametrize(
    ("pages", "warnings"),
    [
        pytest.param(
            {"d.md": f"---\ninterview: true\ndate: 2024-02-30\n---\n{TALK}"},
            ["interview: d.md: front matter cannot be read: day is out of range for month"],
            id="a date that does not exist",
        ),
        pytest.param(
            {"h.md": f"---\ninterview: true\nhost: 5\n---\n{TALK}"},
            ["interview: h.md: the host, '5', does not speak on the page; no one hosts"],
            id="a host who does not speak",
        ),
        pytest.param(
            {"t.md": f"---\ninterview: true\ntags: [1, null, [x], true, C]\n---\n{TALK}"},
            [
                "interview: t.md:3: front matter: 'tags' must list words, not None, ['x'], "
                "True; left out"
            ],
            id="tags that are no words",
        ),
        pytest.param(
            {"t.md": f"---\ninterview: true\ntitle: [a, b]\n---\n{TALK}"},
            ["interview: t.md:3: front matter: 'title' must be a text, not ['a', 'b']"],
            id="a title that is a list",
        ),
        pytest.param(
            {
                "ep.json": '{"version": "1", "segments": [{"speaker": "Ann Lee", '
                '"startTime": 1e300, "body": "Hi"}]}'
            },
            ["interview: ep.json:1: bad 'startTime' 1e+300"],
            id="a time of 10^300 seconds",
        ),
        pytest.param(
            {
                "m.md": "# M\n\n<!-- interview:cards tag=nosuch -->\n\n<!-- interview:card -->\n\n"
                "Inline <!-- interview:tags --> marker.\n",
                "a.md": f"---\ninterview: true\ntags: [x]\n---\n{TALK}",
            },
            [
                "interview: m.md:3: no interview is tagged 'nosuch'",
                "interview: m.md:5: unknown marker <!-- interview:card -->; the markers are "
                "interview:cards, interview:tags, interview:people",
                "interview: m.md:7: <!-- interview:tags --> must stand on a line of its own",
            ],
            id="markers with slips",
        ),
    ],
)
def test_slips_are_warnings(tmp_path: Path, pages: dict[str, str], warnings: list[str]) -> None:
    assert build(tmp_path, pages).warnings == warnings


def test_a_title_that_is_no_text_is_not_shown(tmp_path: Path) -> None:
    site = build(tmp_path, {"t.md": f"---\ninterview: true\ntitle: [a, b]\n---\n{TALK}"})
    assert "['a', 'b']" not in site.page_path("t.md").read_text(encoding="utf-8")


def test_a_broken_vtt_is_still_the_transcript(tmp_path: Path) -> None:
    """The .vtt comes first; when it cannot be read, the .srt beside it does not stand in
    silently."""
    site = build(
        tmp_path,
        {
            "ep.vtt": CUE.format("From the VTT: go --> there?"),
            "ep.srt": "1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: From the SRT\n",
        },
    )
    assert site.warnings == [
        "interview: ep.vtt:4: bad cue timing '<v Ann Lee>From the VTT: go --> there?'; "
        "expected 'start --> end' such as '00:01:02.500 --> 00:01:05.000' (a line holding "
        "'-->' starts a cue)",
        "interview: ep.srt: not read: ep.vtt is the transcript of 'ep' (.vtt, then .srt, "
        "then .json)",
    ]
    assert not site.page_path("ep.md").exists()


def test_a_bad_value_in_a_sidecar_leaves_out_that_key_alone(tmp_path: Path) -> None:
    site = build(
        tmp_path,
        {"ep.vtt": CUE.format("Hi"), "ep.yml": "title: Good title\ndate: 2024-02-30\n"},
    )
    assert site.warnings == [
        "interview: ep.yml:2: front matter: 'date' must be a date such as 2024-05-02, not "
        "'2024-02-30'; it is left out"
    ]
    assert content_of(site.html("ep.md")).h1.get_text() == "Good title"


def test_tags_from_the_sidecar_of_a_merged_page_get_their_page(tmp_path: Path) -> None:
    site = build(
        tmp_path,
        {
            "ep.md": "# Episode\n\n<!-- interview:transcript -->\n",
            "ep.vtt": CUE.format("Hi"),
            "ep.yml": "tags: [from-the-sidecar]\n",
        },
    )
    assert site.warnings == []
    tag_page = site.site_dir / "tags" / "from-the-sidecar" / "index.html"
    assert "Episode" in tag_page.read_text(encoding="utf-8")
