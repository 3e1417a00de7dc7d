"""Speakers across a real site: the registry in mkdocs.yml, avatars, names, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from .sites import content_of, make_site

TRANSCRIPT = "**Sam**: Hello?\n\n**Priya Nair**: Hi.\n\n**Sam**: Bye?\n\n**Priya**: Bye.\n"
REGISTRY = [
    {"name": "Sam Rivera", "aliases": ["Sam"], "role": "Host", "avatar": "people/sam.svg"},
    {"name": "Priya Nair", "url": "https://example.org/priya", "side": "host"},
]
AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'


def site_with(tmp_path: Path, pages: dict[str, str], **options: object) -> object:
    pages = {"people/sam.svg": AVATAR, **pages}
    return make_site(tmp_path, pages, plugins=[{"interview": {"speakers": REGISTRY, **options}}])


def test_site_registry_applies_on_every_page(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "talks/one.md": "---\ninterview: true\n---\n" + TRANSCRIPT}
    site = site_with(tmp_path, pages).build()  # type: ignore[attr-defined]
    turns = content_of(site.html("talks/one.md")).select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == ["Sam Rivera", "Priya Nair"] * 2
    assert [turn["data-side"] for turn in turns] == ["guest", "host"] * 2
    sam = turns[0]
    assert sam.select_one("img.interview-avatar")["src"] == "../../people/sam.svg"
    assert sam.select_one(".interview-role").get_text() == "Host"
    assert turns[1].select_one(".interview-speaker a")["href"] == "https://example.org/priya"
    assert site.warnings == []


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [
        (True, {"index.html": "people/sam.svg", "talks/one/index.html": "../../people/sam.svg"}),
        (False, {"index.html": "people/sam.svg", "talks/one.html": "../people/sam.svg"}),
    ],
)
def test_avatars_are_urls_from_each_page(
    tmp_path: Path, directory_urls: bool, expected: dict[str, str]
) -> None:
    interview = "---\ninterview: true\n---\n" + TRANSCRIPT
    pages = {"index.md": interview, "talks/one.md": interview, "people/Sam Photo.svg": AVATAR}
    registry = [*REGISTRY, {"name": "Priya Nair", "avatar": "people/Sam Photo.svg"}]
    site = make_site(
        tmp_path,
        {"people/sam.svg": AVATAR, **pages},
        plugins=[{"interview": {"speakers": registry}}],
        use_directory_urls=directory_urls,
    ).build()
    for output, src in expected.items():
        html = (site.site_dir / output).read_text(encoding="utf-8")
        photos = BeautifulSoup(html, "html.parser").select("img.interview-avatar")
        assert [photo["src"] for photo in photos[:2]] == [
            src,
            src.replace("sam.svg", "Sam%20Photo.svg"),
        ]
    assert site.warnings == []


def test_missing_avatar_warns(tmp_path: Path) -> None:
    registry = [{"name": "Sam Rivera", "avatar": "people/nobody.png"}]
    pages = {"index.md": "---\ninterview: true\n---\n" + TRANSCRIPT}
    site = make_site(tmp_path, pages, plugins=[{"interview": {"speakers": registry}}]).build()
    assert site.warnings == [
        "interview: mkdocs.yml: speakers: avatar of 'Sam Rivera' not found in the docs: "
        "'people/nobody.png'"
    ]
    assert not site.html("index.md").select("img.interview-avatar")


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ({"name": "Sam", "avatar": "javascript:alert(1)"}, "'avatar' has an unsafe URL"),
        ({"name": "Sam", "side": "left"}, "'side' must be host or guest"),
        ({"name": "Sam", "colour": "red;x:y"}, "'colour' must be a hex colour"),
        ({"name": "Sam", "nickname": "S"}, "unknown key 'nickname'"),
        ({"name": "Sam", "avatar": "../../etc/passwd"}, "'avatar' must be a URL or a path inside"),
        ({"name": "Sam", "avatar": "people/../../x.png"}, "'avatar' must be a URL or a path"),
        ({"name": "Sam", "avatar": "\x01javascript:alert(1)"}, "'avatar' has an unsafe URL"),
        ({"name": "Sam", "aliases": 5}, "'aliases' must be a name or a list of names"),
        ({"name": "Sam", "role": {"x": 1}}, "'role' must be a text"),
        ({"role": "Host"}, "an entry without a name"),
    ],
)
def test_bad_registry_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, entry: dict[str, str], error: str
) -> None:
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"speakers": [entry]}}]
    )
    with pytest.raises(Abort, match="configuration error"):
        site.config()
    assert error in caplog.text


def test_undeclared_speaker_warns_with_file_line(tmp_path: Path) -> None:
    page = (
        "---\ntitle: Talk\nspeakers: [Ruth Abebe, Karl Jensen]\n---\n\n"
        "**Ruth Abebe**: A?\n\n**Karl Jensn**: B.\n"
    )
    site = make_site(tmp_path, {"index.md": "# Home\n", "talk.md": page}).build()
    assert site.warnings == [
        "interview: talk.md:8: 'Karl Jensn' speaks but is not among the page's speakers; "
        "did you mean 'Karl Jensen'?"
    ]
    strict = make_site(tmp_path / "strict", {"index.md": "# Home\n", "talk.md": page}, strict=True)
    with pytest.raises(Abort, match="1 warnings"):
        strict.build()


def test_question_answer_names_from_the_site(tmp_path: Path) -> None:
    page = "---\ntags: interview\n---\nQ: Why?\n\nA: Because.\n"
    plugins = [{"interview": {"interviewer": "Redaktion", "interviewee": "Gast"}}]
    site = make_site(tmp_path, {"index.md": page}, plugins=plugins).build()
    turns = site.html("index.md").select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == ["Redaktion", "Gast"]


@pytest.mark.parametrize("liquid", ["remove", "keep"])
def test_liquid_option(tmp_path: Path, liquid: str) -> None:
    page = "---\ncategories: interview\n---\n{% include toc %}\n\n" + TRANSCRIPT
    site = make_site(
        tmp_path, {"index.md": page}, plugins=[{"interview": {"liquid": liquid}}]
    ).build()
    kept = "{% include toc %}" in str(site.html("index.md"))
    assert kept == (liquid == "keep")
    removed = ("INFO", "interview: index.md: removed 1 Liquid tag")
    assert (removed in site.logs) == (liquid == "remove")


def test_media_links_and_unsafe_media(tmp_path: Path) -> None:
    good = (
        "---\ninterview: true\nmedia: ../audio/ep.mp3\n---\n"
        "**Ann Lee**: [00:01:00] Hi?\n\n**Bo Chen**: Yes.\n"
    )
    bad = good.replace("../audio/ep.mp3", "javascript:alert(1)")
    pages = {"talk/index.md": good, "bad.md": bad, "audio/ep.mp3": "", "index.md": "# Home\n"}
    site = make_site(tmp_path, pages).build()
    link = site.html("talk/index.md").select_one("a.interview-time")
    assert link["href"] == "../audio/ep.mp3#t=60"
    assert not site.html("bad.md").select("a.interview-time")
    assert site.warnings == [
        "interview: bad.md:3: front matter: 'media' has an unsafe URL, ignored: "
        "'javascript:alert(1)'"
    ]


@pytest.mark.parametrize("key", ["interviewer", "interviewee", "index_title", "tags_title"])
@pytest.mark.parametrize("value", ["", "   "])
def test_a_blank_name_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, key: str, value: str
) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {key: value}}])
    with pytest.raises(Abort, match="configuration error"):
        site.config()
    assert "Expected a name, such as '" in caplog.text and repr(value) in caplog.text


def test_names_in_the_config_lose_their_spaces(tmp_path: Path) -> None:
    page = "---\ninterview: true\n---\nQ: Why?\n\nA: Because.\n"
    plugins = [{"interview": {"interviewer": " Ann Lee ", "interviewee": "Bo Chen "}}]
    site = make_site(tmp_path, {"index.md": page}, plugins=plugins).build()
    turns = content_of(site.html("index.md")).select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == ["Ann Lee", "Bo Chen"]
