"""Real site builds: the plugin on each theme, the pages it leaves alone, its log."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from .conftest import FIXTURES, GOLDEN, convert
from .sites import THEMES, Site, content_of, make_site, turn_body, words

LIQUID_LINE = re.compile(r"^\{%.*%\}$", re.MULTILINE)
WORD = re.compile(r"\w+")
NO_CHAT = "<!-- regions: 0"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))
INTERVIEWS = sorted((FIXTURES / "interviews").glob("*.md"))
ORDINARY = sorted((FIXTURES / "ordinary").glob("*.md"))


def fixture_pages() -> dict[str, str]:
    pages = {"index.md": "# Fixtures\n"}
    for folder in ("interviews", "ordinary"):
        for path in sorted((FIXTURES / folder).glob("*.md")):
            pages[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8")
    for path in sorted(GOLDEN.glob("*.md")):
        pages[f"golden/{path.name}"] = path.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module", params=THEMES)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Site, Site]:
    """The fixture corpus built on one theme, with the plugin and without it."""
    theme = request.param
    pages = fixture_pages()
    with_plugin = make_site(tmp_path_factory.mktemp(f"{theme}-with"), pages, theme=theme).build()
    without = make_site(tmp_path_factory.mktemp(f"{theme}-without"), pages, theme=theme, plugins=[])
    return with_plugin, without.build()


@pytest.mark.parametrize("path", INTERVIEWS, ids=lambda path: path.stem)
def test_interview_turns(built: tuple[Site, Site], path: Path) -> None:
    site, _ = built
    expected = EXPECTED[path.name]
    content = content_of(site.html(f"interviews/{path.name}"))
    turns = content.select("div.interview > div.interview-turn")
    assert len(turns) == expected["turns"]
    assert len(content.select("div.interview")) == expected["regions"]
    speakers = [turn["data-speaker"] for turn in turns]
    assert list(dict.fromkeys(speakers)) == expected["speakers"]
    host = expected["speakers"][0]
    assert [turn["data-side"] for turn in turns] == [
        "host" if speaker == host else "guest" for speaker in speakers
    ]
    assert [turn["id"] for turn in turns] == [f"turn-{n}" for n in range(1, len(turns) + 1)]
    for turn in turns:
        speaker = turn.select_one(":scope > .interview-speaker")
        assert speaker is not None and speaker.get_text() == turn["data-speaker"]
        assert turn["data-initials"] and turn["style"].startswith("--interview-person-bg: #")
        body = turn_body(turn)
        assert body.get_text(strip=True)
        assert not body.select("div.interview"), "a chat nested in a chat"


@pytest.mark.parametrize("path", ORDINARY, ids=lambda path: path.stem)
def test_ordinary_pages_untouched(built: tuple[Site, Site], path: Path) -> None:
    site, without = built
    page = f"ordinary/{path.name}"
    assert str(content_of(site.html(page))) == str(content_of(without.html(page)))


def test_no_word_lost(built: tuple[Site, Site]) -> None:
    """Every word of a build without the plugin is in the build with it, but for the labels
    that became the turns' names and the Liquid tags removed from interviews."""
    site, without = built
    for page, source in fixture_pages().items():
        lost = words(content_of(without.html(page))) - words(content_of(site.html(page)))
        _, transcript = convert(source)
        replaced = " ".join(turn.label for turn in transcript.turns)
        replaced += " ".join(LIQUID_LINE.findall(source)) if transcript.turns else ""
        assert not lost - Counter(WORD.findall(replaced)), f"{page} lost {sorted(lost)}"


def test_code_stays_verbatim(built: tuple[Site, Site]) -> None:
    site, without = built
    for page in fixture_pages():
        codes = [str(code) for code in content_of(site.html(page)).select("code")]
        assert codes == [str(code) for code in content_of(without.html(page)).select("code")]


def test_stylesheet_linked_from_the_pages_with_chat_cards_or_tags(built: tuple[Site, Site]) -> None:
    site, _ = built
    assert (site.site_dir / "interview" / "interview.css").is_file()
    for page in [*fixture_pages(), "index.md"]:
        html = site.html(page)
        links = [link["href"] for link in html.select("link[rel=stylesheet]")]
        ours = [href for href in links if href.endswith("interview/interview.css")]
        assert len(ours) == (1 if html.select("[class^=interview]") else 0), page
        if ours:
            assert (site.page_path(page).parent / ours[0]).resolve() == (
                site.site_dir / "interview" / "interview.css"
            ).resolve()


def test_build_log(built: tuple[Site, Site]) -> None:
    site, _ = built
    chats = [content_of(site.html(page)).select(".interview-turn") for page in fixture_pages()]
    turns = sum(len(turns) for turns in chats)
    transcripts = sum(1 for turns in chats if turns)
    golden = sum(1 for path in GOLDEN.glob("*.html") if not path.read_text().startswith(NO_CHAT))
    assert transcripts == len(EXPECTED) + golden
    assert turns > sum(expected["turns"] for expected in EXPECTED.values())
    assert site.logs == [
        (
            "WARNING",
            "interview: golden/aliases.md:22: 'Pryia' speaks but is not among the page's "
            "speakers; did you mean 'Priya Nair'?",
        ),
        ("INFO", "interview: golden/liquid.md: removed 3 Liquid tags"),
        ("INFO", "interview: interviews/jekyll-liquid.md: removed 3 Liquid tags"),
        ("INFO", "interview: interviews/mixed-shapes.md: removed 1 Liquid tag"),
        ("INFO", f"interview: {transcripts} transcripts, {turns} turns"),
    ]


CHAT = "**Sam Rivera**: Why?\n\n**Ann Lee**: Because.\n\n" * 2


@pytest.mark.parametrize("theme", THEMES)
def test_user_css_wins(tmp_path: Path, theme: str) -> None:
    pages = {"index.md": "# Home\n", "talk.md": CHAT, "extra.css": ""}
    site = make_site(tmp_path, pages, theme=theme, extra_css=["extra.css"]).build()
    links = [link["href"] for link in site.html("talk.md").select("link[rel=stylesheet]")]
    assert links.index("../interview/interview.css") < links.index("../extra.css")
    assert len([href for href in links if href.endswith("interview/interview.css")]) == 1
    home = [link["href"] for link in site.html("index.md").select("link[rel=stylesheet]")]
    assert "extra.css" in home and not [href for href in home if "interview.css" in href]


def test_material_instant_navigation_links_it_everywhere(tmp_path: Path) -> None:
    """Instant navigation swaps content in without reading the new page's `<head>`."""
    theme = {"name": "material", "features": ["navigation.instant"]}
    site = make_site(tmp_path, {"index.md": "# Home\n", "talk.md": CHAT}, theme=theme).build()
    for page in ("index.md", "talk.md"):
        links = [link["href"] for link in site.html(page).select("link[rel=stylesheet]")]
        assert len([href for href in links if href.endswith("interview/interview.css")]) == 1


def test_stylesheet_can_be_turned_off(tmp_path: Path) -> None:
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"stylesheet": False}}]
    )
    assert "interview.css" not in str(site.build().html("index.md"))


PODCAST = (FIXTURES / "interviews" / "podcast-no-front-matter.md").read_text(encoding="utf-8")
TAGGED = (FIXTURES / "interviews" / "tags-list.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("detection", "chats"),
    [("auto", {"podcast", "tagged"}), ("front-matter", {"tagged"}), ("off", set())],
)
def test_detection_option(tmp_path: Path, detection: str, chats: set[str]) -> None:
    pages = {
        "podcast.md": PODCAST,
        "tagged.md": TAGGED,
        "off.md": "---\ninterview: false\n---\n" + PODCAST,
    }
    site = make_site(tmp_path, pages, plugins=[{"interview": {"detection": detection}}]).build()
    found = {name.removesuffix(".md") for name in pages if site.html(name).select(".interview")}
    assert found == chats


def test_disabled(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": TAGGED}, plugins=[{"interview": {"enabled": False}}])
    html = site.build().html("index.md")
    assert not html.select(".interview") and "interview.css" not in str(html)
    assert site.logs == []


@pytest.mark.parametrize(
    ("options", "error"),
    [
        (
            {"detection": "maybe"},
            "option 'detection': Expected one of: ('auto', 'front-matter', 'always', 'off')",
        ),
        ({"stylesheet": "yes"}, "option 'stylesheet': Expected type: <class 'bool'>"),
        ({"enabled": "no"}, "option 'enabled': Expected type: <class 'bool'>"),
        ({"page_meta": 1}, "option 'page_meta': Expected type: <class 'bool'>"),
        ({"liquid": "drop"}, "option 'liquid': Expected one of: ('remove', 'keep')"),
        ({"interviewer": 5}, "option 'interviewer': Expected type: <class 'str'>"),
        ({"hidden_tags": "interview"}, "option 'hidden_tags': Expected a list of items"),
        ({"speakers": "Sam"}, "option 'speakers': 'speakers' must be a list of names, not 'Sam'"),
        ({"tags_page": "../tags.md"}, "option 'tags_page': Expected a path inside the docs"),
        ({"export": "../out.json"}, "option 'export': Expected a path inside the site"),
        (
            {"default_image": "../../etc/passwd"},
            "option 'default_image': 'default_image' must be a URL or a path inside the docs",
        ),
        (
            {"default_image": "javascript:alert(1)"},
            "option 'default_image': 'default_image' has an unsafe URL",
        ),
        ({"default_image": 5}, "option 'default_image': 'default_image' must be a URL or a path"),
    ],
)
def test_wrong_option_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, object], error: str
) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": options}])
    with pytest.raises(Abort, match="configuration error"):
        site.config()
    assert f"Plugin 'interview' {error}" in caplog.text


def test_wrong_option_stops_the_command_without_a_traceback(tmp_path: Path) -> None:
    speakers = [{"name": "Sam Rivera", "avatar": "../../etc/passwd"}]
    make_site(tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"speakers": speakers}}])
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Aborted with a configuration error!" in done.stdout
    assert "'avatar' must be a URL or a path inside the docs, not '../../etc/passwd'" in (
        done.stderr
    )
    assert "Traceback" not in done.stderr + done.stdout


def test_unknown_option_fails_strict(tmp_path: Path) -> None:
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"colour": "red"}}], strict=True
    )
    with pytest.raises(Abort, match="configuration warnings in 'strict' mode"):
        site.config()


def test_unknown_option_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"colour": "red"}}])
    site.config()
    assert (
        "Plugin 'interview' option 'colour': Unrecognised configuration name: colour" in caplog.text
    )


def test_front_matter_problems_warn(tmp_path: Path) -> None:
    pages = {
        "index.md": "---\ninterview: sometimes\nspeakers: Sam\n---\n# Home\n",
        "empty.md": "---\ninterview: true\n---\nNo speaker lines here.\n",
    }
    site = make_site(tmp_path, pages).build()
    assert site.warnings == [
        "interview: index.md:3: front matter: 'speakers' must be a list of names, not 'Sam'",
        "interview: index.md:2: front matter: 'interview' must be true or false, not 'sometimes'",
        "interview: empty.md: marked as an interview, but no speaker line found",
    ]


def test_edit_between_rebuilds(tmp_path: Path) -> None:
    """What `mkdocs serve` does on save: the same plugin instance builds the changed page."""
    site = make_site(tmp_path, {"index.md": TAGGED})
    config = site.config()
    before = site.build(config).html("index.md").select(".interview-turn")
    (tmp_path / "docs" / "index.md").write_text(
        TAGGED.replace("tags: [", "interview: false\ntags: [")
    )
    assert not site.build(config).html("index.md").select(".interview-turn")
    (tmp_path / "docs" / "index.md").write_text(TAGGED)
    assert site.build(config).html("index.md").select(".interview-turn") == before


@pytest.mark.skipif(find_spec("properdocs") is None, reason="ProperDocs is not installed")
def test_properdocs_builds_the_site(tmp_path: Path) -> None:
    make_site(tmp_path, {"index.md": TAGGED}, theme="mkdocs")
    subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-q"], cwd=tmp_path, check=True
    )
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="interview-turn"') == EXPECTED["tags-list.md"]["turns"]
    assert (tmp_path / "site" / "interview" / "interview.css").is_file()
    shutil.rmtree(tmp_path / "site")


@pytest.mark.parametrize("where", ["docs", "custom_dir"])
def test_own_stylesheet_replaces_the_shipped_one(tmp_path: Path, where: str) -> None:
    pages = {"index.md": TAGGED}
    if where == "docs":
        pages["interview/interview.css"] = "/* mine */"
        site = make_site(tmp_path, pages)
    else:
        (tmp_path / "overrides" / "interview").mkdir(parents=True)
        (tmp_path / "overrides" / "interview" / "interview.css").write_text("/* mine */")
        site = make_site(tmp_path, pages, theme={"name": "mkdocs", "custom_dir": "overrides"})
    site.build()
    assert (site.site_dir / "interview" / "interview.css").read_text() == "/* mine */"


def test_question_headings_keep_toc_and_permalinks(tmp_path: Path) -> None:
    page = "---\ninterview: true\n---\n## Q: Why clocks?\n\nBecause.\n\n### Is that all?\n\nYes.\n"
    site = make_site(
        tmp_path,
        {"index.md": page},
        theme="material",
        markdown_extensions=[{"toc": {"permalink": True}}],
    ).build()
    html = site.html("index.md")
    turns = content_of(html).select(".interview-turn")
    assert [turn["data-side"] for turn in turns] == ["host", "guest", "host", "guest"]
    heading = turns[0].select_one("h2#q-why-clocks")
    assert heading is not None and heading.select_one("a.headerlink[href='#q-why-clocks']")
    toc = {link["href"] for link in html.select("nav.md-nav--secondary a.md-nav__link")}
    assert toc == {"#q-why-clocks", "#is-that-all"}
