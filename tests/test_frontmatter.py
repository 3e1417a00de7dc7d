"""Front matter from MkDocs and Jekyll, read into a page's facts."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from mkdocs_interview.frontmatter import PageFacts, date_of, front_matter_of, read_facts

from .sites import make_site


def facts(text: str, src_uri: str = "post.md") -> PageFacts:
    return read_facts(yaml.safe_load(text) or {}, src_uri)


@pytest.mark.parametrize(
    ("front_matter", "images"),
    [
        (
            "header: {teaser: a.jpg, og_image: b.jpg, overlay_image: c.jpg}\nimage: d.jpg",
            ("a.jpg", "b.jpg", "d.jpg", "c.jpg"),
        ),
        ("teaser: t.jpg\nheader: {overlay_image: c.jpg}", ("t.jpg", "c.jpg")),
        ("header: {overlay_image: c.jpg}", ("c.jpg",)),
        ("title: none", ()),
    ],
)
def test_image_order(front_matter: str, images: tuple[str, ...]) -> None:
    assert facts(front_matter).images == images


def test_social_image_prefers_og_image() -> None:
    found = facts("header: {teaser: a.jpg, og_image: b.jpg}")
    assert found.social_image == "b.jpg"


@pytest.mark.parametrize(
    ("value", "src_uri", "expected"),
    [
        (datetime.date(2021, 6, 1), "x.md", datetime.date(2021, 6, 1)),
        (datetime.datetime(2021, 6, 1, 10, 0), "x.md", datetime.date(2021, 6, 1)),
        ("2020-03-28 10:00:00 +0100", "x.md", datetime.date(2020, 3, 28)),
        (None, "posts/2019-12-31-new-year.md", datetime.date(2019, 12, 31)),
        ("soon", "2019-12-31-new-year.md", datetime.date(2019, 12, 31)),
        (None, "2019-13-45-bad.md", None),
        (None, "plain.md", None),
    ],
)
def test_dates(value: object, src_uri: str, expected: datetime.date | None) -> None:
    assert date_of(value, src_uri) == expected


def test_tags_and_excerpt_from_both_worlds() -> None:
    jekyll = facts("tags: interview career career\ndescription: '  Two   words '")
    assert jekyll.tags == ("interview", "career")
    assert jekyll.description == "Two words"
    mkdocs = facts("tags: [a, b]\nexcerpt: First.\ndescription: Second.")
    assert mkdocs.tags == ("a", "b")
    assert mkdocs.description == "First."


def test_unsafe_and_malformed_values_are_problems() -> None:
    found = facts("header: {teaser: 'javascript:alert(1)'}\nimage: 3")
    assert found.images == ()
    assert found.card_problems == (
        "'header.teaser' has an unsafe URL, ignored: 'javascript:alert(1)'",
        "'image' must be a URL or a path in the docs, not 3",
    )
    assert facts("header: just text").card_problems == (
        "'header' must be a mapping, such as {teaser: …, og_image: …}, not 'just text'",
    )


def test_front_matter_of_text() -> None:
    assert front_matter_of("---\ntags: [a]\n---\nBody\n") == {"tags": ["a"]}
    assert front_matter_of("---\ntags: [a\n---\nBody\n") == {}
    assert front_matter_of("No front matter\n") == {}
    assert front_matter_of("---\n- a list\n---\n") == {}


def test_front_matter_closed_with_dots_gets_its_tag_pages(tmp_path: Path) -> None:
    """MkDocs reads front matter closed by `...` as well as by `---`; so does every part of
    the plugin: the page is an interview, and its tags get pages the index links to."""
    talk = (
        "---\ntitle: A talk\ncategories: interview\ntags: [career, music]\n...\n\n"
        "**Ann Lee:** Hello there, how are you?\n\n**Bo Chen:** Fine, thanks. And you?\n\n"
        "**Ann Lee:** Good.\n"
    )
    site = make_site(tmp_path, {"index.md": "# Home\n", "talk.md": talk}).build()
    assert len(site.html("talk.md").select(".interview-turn")) == 3
    for slug in ("career", "music"):
        assert (site.site_dir / "tags" / slug / "index.html").is_file()
    links = [a["href"] for a in site.html("tags/index.md").select("a[href]")]
    assert "career/" in links and "music/" in links and "None" not in links
    assert site.warnings == []
