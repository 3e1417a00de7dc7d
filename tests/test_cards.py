"""Teaser cards, the interviews index, tag pages and social meta, in real builds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from .sites import THEMES, Site, content_of, make_site

CHAT = "**Ada Quinn**: Where did you start?\n\n**Tom Reyes**: In a workshop.\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>'


def interview(**meta: Any) -> str:
    lines = ["---", "categories: interview"]
    lines += [f"{key}: {value}" for key, value in meta.items()]
    return "\n".join([*lines, "---", "", "Ada Quinn tunes organs. She talked to us.", "", CHAT])


def pages(**extra: str) -> dict[str, str]:
    return {
        "index.md": "# Home\n\n<!-- interview:cards -->\n",
        "posts/2020-03-28-organs.md": interview(
            title='"Organs"',
            tags="interview career music",
            header="{teaser: /assets/teaser.svg, og_image: /assets/og.svg}",
        ),
        "posts/bridges.md": interview(
            title="Bridges", date="2021-06-01", tags="[career]", excerpt='"Spans and steel."'
        ),
        "posts/undated.md": interview(title="Undated", image="../assets/og.svg"),
        "assets/teaser.svg": SVG,
        "assets/og.svg": SVG,
        **extra,
    }


def cards(site: Site, page: str) -> list[BeautifulSoup]:
    return content_of(site.html(page)).select(".interview-cards > .interview-card")


def titles(site: Site, page: str) -> list[str]:
    return [card.select_one(".interview-card-title").get_text() for card in cards(site, page)]


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return make_site(tmp_path_factory.mktemp(request.param), pages(), theme=request.param).build()


def test_cards_newest_first(site: Site) -> None:
    assert titles(site, "index.md") == ["Bridges", "Organs", "Undated"]
    assert site.warnings == []


def test_card_content(site: Site) -> None:
    bridges, organs, undated = cards(site, "index.md")
    assert organs.select_one(".interview-card-title a")["href"] == "posts/2020-03-28-organs/"
    assert organs.select_one("img")["src"] == "assets/teaser.svg"
    assert organs.select_one("time")["datetime"] == "2020-03-28"
    assert organs.select_one(".interview-card-excerpt").get_text() == (
        "Ada Quinn tunes organs. She talked to us."
    )
    assert organs.select_one(".interview-card-speakers").get_text() == "Ada Quinn, Tom Reyes"
    tags = [(a.get_text(), a["href"]) for a in organs.select(".interview-tag")]
    assert tags == [("career", "tags/career/"), ("music", "tags/music/")]
    assert bridges.select_one(".interview-card-excerpt").get_text() == "Spans and steel."
    assert bridges.select_one("time")["datetime"] == "2021-06-01"
    assert bridges.select_one("img") is None
    assert undated.select_one("img")["src"] == "assets/og.svg"
    assert undated.select_one("time") is None


def test_generated_pages(site: Site) -> None:
    assert titles(site, "interviews/index.md") == ["Bridges", "Organs", "Undated"]
    index = content_of(site.html("tags/index.md"))
    listed = [
        (
            li.select_one("a").get_text(),
            li.select_one("a")["href"],
            li.select_one("span").get_text(),
        )
        for li in index.select(".interview-tag-index > li")
    ]
    assert listed == [("career", "career/", "2 interviews"), ("music", "music/", "1 interview")]
    assert titles(site, "tags/career.md") == ["Bridges", "Organs"]
    assert titles(site, "tags/music.md") == ["Organs"]
    assert not site.page_path("tags/interview.md").exists()


def test_interview_pages_show_date_and_tags(site: Site) -> None:
    meta = content_of(site.html("posts/2020-03-28-organs.md")).select_one(".interview-meta")
    assert meta.select_one("time")["datetime"] == "2020-03-28"
    assert [a["href"] for a in meta.select("a.interview-tag")] == [
        "../../tags/career/",
        "../../tags/music/",
    ]


def test_social_meta(site: Site) -> None:
    head = site.html("posts/2020-03-28-organs.md").head
    meta = {
        tag.get("property") or tag["name"]: tag["content"]
        for tag in head.select('meta[property^="og:"], meta[name^="twitter:"]')
    }
    assert meta["og:title"] == "Organs"
    assert meta["og:type"] == "article"
    assert meta["og:description"] == "Ada Quinn tunes organs. She talked to us."
    assert meta["og:url"] == "https://example.org/site/posts/2020-03-28-organs/"
    assert meta["og:image"] == "https://example.org/site/assets/og.svg"
    assert meta["twitter:card"] == "summary_large_image"
    for key in meta:
        assert len(head.select(f'meta[property="{key}"], meta[name="{key}"]')) == 1
    assert not site.html("index.md").head.select('meta[property="og:type"]')


def test_marker_options(tmp_path: Path) -> None:
    home = "# Home\n\n<!-- interview:cards tag=career limit=1 -->\n\n"
    home += "<!-- interview:cards tag=Music -->\n"
    site = make_site(tmp_path, pages(**{"index.md": home})).build()
    grids = content_of(site.html("index.md")).select(".interview-cards")
    assert [[card.h2.get_text() for card in grid.select(".interview-card")] for grid in grids] == [
        ["Bridges"],
        ["Organs"],
    ]


def test_bad_marker_warns(tmp_path: Path) -> None:
    home = "# Home\n\n<!-- interview:cards colour=red -->\n\n<!-- interview:cards limit=x -->\n"
    site = make_site(tmp_path, pages(**{"index.md": home})).build()
    assert site.warnings == [
        "interview: index.md:3: unknown option 'colour=red' in <!-- interview:cards -->",
        "interview: index.md:5: 'limit' must be a positive whole number, not 'x'",
    ]


def test_existing_pages_are_kept_and_filled(tmp_path: Path) -> None:
    own = {
        "interviews/index.md": "# Our talks\n\n<!-- interview:cards limit=2 -->\n",
        "tags/career.md": "# Careers\n\nNo marker here.\n",
    }
    site = make_site(tmp_path, pages(**own)).build()
    assert site.html("interviews/index.md").h1.get_text() == "Our talks"
    assert titles(site, "interviews/index.md") == ["Bridges", "Organs"]
    assert "No marker here." in site.html("tags/career.md").get_text()
    assert not cards(site, "tags/career.md")


def test_page_paths_are_options(tmp_path: Path) -> None:
    plugins = [
        {"interview": {"index_page": "talks.md", "tags_page": False, "index_title": "Talks"}}
    ]
    site = make_site(tmp_path, pages(), plugins=plugins).build()
    assert site.html("talks.md").h1.get_text() == "Talks"
    assert not (site.site_dir / "tags").exists()
    assert not (site.site_dir / "interviews").exists()
    tag = cards(site, "talks.md")[1].select_one(".interview-tag")
    assert tag.name == "span" and tag.get_text() == "career"


@pytest.mark.parametrize("path", ["../outside.md", "/etc/index.md", "tags/index.html"])
def test_page_paths_stay_in_the_docs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    site = make_site(tmp_path, pages(), plugins=[{"interview": {"index_page": path}}])
    with pytest.raises(Abort, match="configuration error"):
        site.config()
    assert "Expected a path inside the docs, such as 'a/b.md'" in caplog.text


def test_site_root_images_under_a_sub_path(tmp_path: Path) -> None:
    site = make_site(tmp_path, pages(), site_url="https://example.org/a/b/").build()
    card = cards(site, "tags/career.md")[1]
    assert card.select_one("img")["src"] == "../../assets/teaser.svg"
    head = site.html("posts/2020-03-28-organs.md").head
    assert head.select_one('meta[property="og:image"]')["content"] == (
        "https://example.org/a/b/assets/og.svg"
    )


def test_unsafe_image_urls_are_refused(tmp_path: Path) -> None:
    bad = interview(title="Bad", header='{teaser: "javascript:alert(1)"}')
    site = make_site(tmp_path, pages(**{"posts/bad.md": bad})).build()
    assert site.warnings == [
        "interview: posts/bad.md:4: front matter: 'header.teaser' has an unsafe URL, ignored: "
        "'javascript:alert(1)'"
    ]
    assert "javascript" not in str(site.html("index.md"))


def test_no_duplicate_social_meta(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}'
        '<meta property="og:title" content="From the theme">{% endblock %}'
    )
    site = make_site(tmp_path, pages(), theme={"name": "material", "custom_dir": "overrides"})
    head = site.build().html("posts/bridges.md").head
    assert [tag["content"] for tag in head.select('meta[property="og:title"]')] == [
        "From the theme"
    ]
    assert len(head.select('meta[property="og:type"]')) == 1


def test_without_site_url(tmp_path: Path) -> None:
    site = make_site(tmp_path, pages(), site_url=None).build()
    head = site.html("posts/bridges.md").head
    assert not head.select('meta[property="og:url"], meta[property="og:image"]')
    assert head.select_one('meta[name="twitter:card"]')["content"] == "summary"


def test_tag_changes_show_on_the_next_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the mkdocs theme prints the build time
    site = make_site(tmp_path, pages())
    config = site.config()
    site.build(config)
    post = tmp_path / "docs" / "posts" / "bridges.md"
    post.write_text(post.read_text().replace("tags: [career]", "tags: [bridges]"))
    site.build(config)
    assert titles(site, "tags/career.md") == ["Organs"]
    assert titles(site, "tags/bridges.md") == ["Bridges"]
    outputs = set()
    for _ in range(10):
        outputs.add(tuple(sorted(site.build(config).output().items())))
    assert len(outputs) == 1


def test_material_tags_and_blog_plugins(tmp_path: Path) -> None:
    blog_post = (
        "---\ndate: 2024-01-02\ncategories: [Talks]\ntags: [career]\ninterview: true\n---\n"
        "# A blog interview\n\nIntro.\n\n<!-- more -->\n\n" + CHAT
    )
    docs = pages(
        **{
            "blog/index.md": "# Blog\n",
            "blog/posts/talk.md": blog_post,
            "tagged.md": "---\ntags: docs jekyll\n---\n# Tagged\n\n<!-- material/tags -->\n",
        }
    )
    site = make_site(
        tmp_path, docs, theme="material", plugins=["search", "tags", "blog", "interview"]
    ).build()
    assert site.warnings == []
    listing = [a.get_text() for a in site.html("tagged.md").select(".md-tag")]
    assert "jekyll" in listing and "docs" in listing
    urls = [path.relative_to(site.site_dir) for path in site.site_dir.rglob("*.html")]
    assert len(urls) == len(set(urls))
    assert "A blog interview" in titles(site, "interviews/index.md")


def test_tags_shown_once_where_materials_tags_plugin_shows_them(tmp_path: Path) -> None:
    talk = "---\ndate: 2024-01-02\ntags: [career]\ninterview: true\n---\n# A talk\n\n" + CHAT
    plain = "---\ntags: [career]\ninterview: true\n---\n# Untimed\n\n" + CHAT
    docs = {"index.md": "# Home\n", "talk.md": talk, "plain.md": plain}
    with_tags = make_site(
        tmp_path / "with", docs, theme="material", plugins=["search", "tags", "interview"]
    ).build()
    page = content_of(with_tags.html("talk.md"))
    assert [a.get_text() for a in with_tags.html("talk.md").select(".md-tag")] == ["career"]
    meta = page.select_one(".interview-meta")
    assert meta.select_one("time") is not None and meta.select_one(".interview-tags") is None
    assert not content_of(with_tags.html("plain.md")).select(".interview-meta")  # nothing left
    without = make_site(tmp_path / "without", docs, theme="material").build()
    assert content_of(without.html("talk.md")).select(".interview-meta .interview-tag")


def test_the_first_image_of_a_page_is_never_an_avatar(tmp_path: Path) -> None:
    page = "---\ninterview: true\n---\nIntro.\n\n" + CHAT + "\n![A workbench](../assets/og.svg)\n"
    registry = [{"name": "Ada Quinn", "avatar": "assets/teaser.svg"}]
    docs = pages(**{"posts/bench.md": page})
    site = make_site(tmp_path, docs, plugins=[{"interview": {"speakers": registry}}]).build()
    card = next(card for card in cards(site, "index.md") if card.h2.get_text() == "Bench")
    assert card.select_one("img")["src"] == "assets/og.svg"


def test_templates_can_be_overridden(tmp_path: Path) -> None:
    own = tmp_path / "overrides" / "interview"
    own.mkdir(parents=True)
    (own / "card.html").write_text('<p class="my-card">{{ card.title | e }}</p>')
    site = make_site(tmp_path, pages(), theme={"name": "mkdocs", "custom_dir": "overrides"})
    grid = content_of(site.build().html("index.md")).select_one(".interview-cards")
    assert [p.get_text() for p in grid.select("p.my-card")] == ["Bridges", "Organs", "Undated"]


def test_pages_of_cards_stay_out_of_materials_search(tmp_path: Path) -> None:
    site = make_site(tmp_path, pages(), theme="material", plugins=["search", "interview"]).build()
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "posts/bridges/" in locations
    assert not locations & {"interviews/", "tags/", "tags/career/", "tags/music/"}
