"""People pages in real builds: the index of everyone named who speaks, each person's page of
cards, the registry's avatars, roles and aliases, slugs, and the author's own pages."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from mkdocs_interview.people import base_slug, is_generic

from .conftest import convert
from .sites import THEMES, Site, content_of, make_site
from .test_serve import fetch, serving

AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'
REGISTRY = [
    {
        "name": "Maren Holt",
        "aliases": ["Maren", "MH"],
        "role": "Editor <i>of</i> Workbench",
        "avatar": "assets/maren.svg",
        "url": "https://example.org/maren/",
        "side": "host",
    },
    {"name": "Lena Ortiz", "role": "Presenter"},
]


def talk(title: str, date: str, *turns: tuple[str, str]) -> str:
    lines = ["---", f"title: {title}", f"date: {date}", "categories: interview", "---", ""]
    lines.append(f"{title}: a conversation.")
    for name, text in turns:
        lines += ["", f"**{name}**: {text}"]
    return "\n".join(lines) + "\n"


ZOE = unicodedata.normalize("NFD", "Zoë Ångström")
"""Written with combining marks, as some editors save it."""


def pages(**extra: str) -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "assets/maren.svg": AVATAR,
        "talks/organs.md": talk(
            "Organs",
            "2024-03-01",
            ("Maren", "Where did you start?"),
            ("Ada Quinn", "In a workshop."),
            ("Maren", "And then?"),
            ("Ada Quinn", "Pipes."),
        ),
        "talks/bells.md": talk(
            "Bells",
            "2024-04-01",
            ("Maren Holt", "How do bells ring?"),
            ("ADA QUINN", "With a clapper."),
            ("Maren Holt", "Always?"),
            ("ADA QUINN", "Mostly."),
            ("Speaker 0", "Can I ask something?"),
            ("ADA QUINN", "Go on."),
        ),
        "talks/clocks.md": talk(
            "Clocks",
            "2024-05-01",
            ("MH", "Why clocks?"),
            (ZOE, "They tick."),
            ("MH", "Loudly?"),
            (ZOE, "Softly."),
            ("Audience member 2", "How old is the oldest?"),
            (ZOE, "Six hundred years."),
        ),
        "talks/radio.md": talk(
            "Radio",
            "2024-06-01",
            ("Lena Ortiz", "Who is on the line?"),
            ("José Núñez", "Hello from Quito."),
            ("Lena Ortiz", "And you?"),
            ("Jose Nunez", "Hello from Leeds."),
        ),
        "talks/qa.md": (
            "---\ntitle: Questions\ndate: 2024-01-01\ninterview: true\n---\n\n"
            "Q: What do you make?\n\nA: Frames.\n\nQ: For whom?\n\nA: For anyone.\n"
        ),
        **extra,
    }


def build(tmp_path: Path, extra: dict[str, str] | None = None, **settings: Any) -> Site:
    options = settings.pop("options", {})
    plugins = [{"interview": {"speakers": REGISTRY, **options}}]
    plugins = settings.pop("plugins", plugins)
    return make_site(tmp_path, pages(**(extra or {})), plugins=plugins, **settings).build()


def index_of(site: Site, page: str = "people/index.md") -> list[tuple[str, str | None, str]]:
    """Each person of a people index: name, link, and what the count says."""
    listed = content_of(site.html(page)).select("ul.interview-people > li")
    return [
        (
            li.select_one(".interview-person-name").get_text(),
            li.select_one(".interview-person-name").get("href"),
            li.select_one(".interview-person-count").get_text(),
        )
        for li in listed
    ]


def card_titles(site: Site, page: str) -> list[str]:
    cards = content_of(site.html(page)).select(".interview-cards .interview-card-title")
    return [title.get_text() for title in cards]


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp(request.param)
    return build(root, theme=request.param, strict=True)


def test_the_index_lists_everyone_named_by_name(site: Site) -> None:
    assert index_of(site) == [
        ("Ada Quinn", "ada-quinn/", "2 interviews"),
        ("Jose Nunez", "jose-nunez/", "1 interview"),
        ("José Núñez", "jose-nunez-43884fd3/", "1 interview"),
        ("Lena Ortiz", "lena-ortiz/", "1 interview"),
        ("Maren Holt", "maren-holt/", "host of 3 episodes"),
        (unicodedata.normalize("NFC", ZOE), "zoe-angstrom/", "1 interview"),
    ]
    hosts = content_of(site.html("people/index.md")).select("li.interview-person-host")
    assert [li.a.get_text() for li in hosts] == ["Maren Holt"]
    roles = content_of(site.html("people/index.md")).select(".interview-person-role")
    assert [role.get_text() for role in roles] == ["Presenter", "Editor <i>of</i> Workbench"]
    assert site.warnings == []


def test_generic_labels_get_no_page(site: Site) -> None:
    made = sorted(path.name for path in (site.site_dir / "people").iterdir())
    assert made == [
        "ada-quinn",
        "index.html",
        "jose-nunez",
        "jose-nunez-43884fd3",
        "lena-ortiz",
        "maren-holt",
        "zoe-angstrom",
    ]
    # the chat still shows them
    bells = content_of(site.html("talks/bells.md")).select(".interview-turn")
    assert "Speaker 0" in [turn["data-speaker"] for turn in bells]


def test_a_persons_page_shows_their_interviews(site: Site) -> None:
    page = site.html("people/ada-quinn.md")
    assert page.title is not None and page.title.get_text().startswith("Ada Quinn")
    assert content_of(page).h1.get_text() == "Ada Quinn"
    # two spellings of one name, newest first
    assert card_titles(site, "people/ada-quinn.md") == ["Bells", "Organs"]
    link = content_of(page).select_one(".interview-card-title a")["href"]
    assert link == "../../talks/bells/"
    initials = content_of(page).select_one("span.interview-person-avatar")
    assert initials is not None and initials.get_text() == "AQ"
    assert content_of(page).select_one(".interview-person-link") is None


def test_the_registry_makes_aliases_one_person_and_heads_their_page(site: Site) -> None:
    assert card_titles(site, "people/maren-holt.md") == ["Clocks", "Bells", "Organs"]
    head = content_of(site.html("people/maren-holt.md")).select_one(".interview-person")
    assert head.select_one("img.interview-person-avatar")["src"] == "../../assets/maren.svg"
    assert head.select_one(".interview-person-role").get_text() == "Editor <i>of</i> Workbench"
    assert head.select_one(".interview-person-count").get_text() == "host of 3 episodes"
    link = head.select_one("a.interview-person-link")
    assert (link["href"], link.get_text()) == ("https://example.org/maren/", "example.org/maren")


def test_the_index_is_in_the_navigation_and_people_are_not(site: Site) -> None:
    hrefs = [a.get("href", "") for a in site.html("index.md").select("a")]
    assert "people/" in hrefs
    assert not [href for href in hrefs if "ada-quinn" in href]


def test_the_export_names_each_persons_page(site: Site) -> None:
    export = json.loads((site.site_dir / "interviews.json").read_text(encoding="utf-8"))
    people = {item["url"]: item["people"] for item in export["interviews"]}
    assert people["talks/bells/"] == {
        "Maren Holt": "people/maren-holt/",
        "ADA QUINN": "people/ada-quinn/",
    }
    assert people["talks/radio/"] == {
        "Lena Ortiz": "people/lena-ortiz/",
        "José Núñez": "people/jose-nunez-43884fd3/",
        "Jose Nunez": "people/jose-nunez/",
    }
    assert people["talks/qa/"] == {}


def test_without_directory_urls(tmp_path: Path) -> None:
    site = build(tmp_path, use_directory_urls=False)
    index = BeautifulSoup((site.site_dir / "people" / "index.html").read_text(), "html.parser")
    links = [a["href"] for a in content_of(index).select("a.interview-person-name")]
    assert links[0] == "ada-quinn.html"
    page = BeautifulSoup((site.site_dir / "people" / "ada-quinn.html").read_text(), "html.parser")
    assert content_of(page).select_one(".interview-card-title a")["href"] == "../talks/bells.html"
    avatar = (site.site_dir / "people" / "maren-holt.html").read_text()
    assert 'src="../assets/maren.svg"' in avatar
    assert site.warnings == []


def test_people_false_makes_no_people_pages(tmp_path: Path) -> None:
    home = "# Home\n\n<!-- interview:people -->\n\n<!-- interview:cards person=Maren -->\n"
    site = build(tmp_path, {"index.md": home}, options={"people": False})
    assert not (site.site_dir / "people").exists()
    assert [name for name, href, _ in index_of(site, "index.md") if href] == []
    assert [name for name, _, _ in index_of(site, "index.md")][:2] == ["Ada Quinn", "Jose Nunez"]
    assert card_titles(site, "index.md") == ["Clocks", "Bells", "Organs"]
    export = json.loads((site.site_dir / "interviews.json").read_text(encoding="utf-8"))
    assert all("people" not in item for item in export["interviews"])
    assert site.warnings == []


def test_the_index_moves_with_its_option(tmp_path: Path) -> None:
    options = {"people": "team/everyone.md", "people_title": "Our voices"}
    site = build(tmp_path, options=options)
    assert content_of(site.html("team/everyone.md")).h1.get_text() == "Our voices"
    assert index_of(site, "team/everyone.md")[0][:2] == ("Ada Quinn", "../ada-quinn/")
    assert card_titles(site, "team/ada-quinn.md") == ["Bells", "Organs"]
    assert not (site.site_dir / "people").exists()


def test_markers_ask_for_a_persons_cards(tmp_path: Path) -> None:
    home = (
        "# Home\n\n<!-- interview:cards person=ADA-QUINN -->\n\n"
        '<!-- interview:cards person="Maren Holt" limit=1 -->\n\n'
        "<!-- interview:cards person=zoe-angstrom -->\n\n"
        "<!-- interview:cards person=Nobody -->\n"
    )
    site = build(tmp_path, {"index.md": home})
    grids = content_of(site.html("index.md")).select(".interview-cards")
    assert [[h2.get_text() for h2 in grid.select("h2")] for grid in grids] == [
        ["Bells", "Organs"],
        ["Clocks"],
        ["Clocks"],
        [],
    ]
    assert site.warnings == ["interview: index.md:9: no one named 'Nobody' speaks"]


def test_the_authors_own_pages_win(tmp_path: Path) -> None:
    own = {
        "people/ada-quinn.md": "# Ada, in her words\n\n<!-- interview:cards person=ada-quinn -->\n",
        "people/lena-ortiz/index.md": "# Lena\n\nOur presenter.\n",
    }
    site = build(tmp_path, own)
    assert content_of(site.html("people/ada-quinn.md")).h1.get_text() == "Ada, in her words"
    assert card_titles(site, "people/ada-quinn.md") == ["Bells", "Organs"]
    assert "Our presenter." in site.html("people/lena-ortiz.md").get_text()
    assert site.warnings == [
        "interview: people/lena-ortiz/index.md: kept; the page of 'Lena Ortiz' "
        "(people/lena-ortiz.md) is not made, since it would be served at the same URL "
        "'people/lena-ortiz/'"
    ]
    assert dict((name, href) for name, href, _ in index_of(site))["Lena Ortiz"] == "lena-ortiz/"
    with pytest.raises(Abort, match="strict"):
        build(tmp_path / "strict", own, strict=True)


def test_a_site_where_no_one_is_named_has_no_people_index(tmp_path: Path) -> None:
    only_qa = {name: text for name, text in pages().items() if name in ("index.md", "talks/qa.md")}
    site = make_site(tmp_path, only_qa).build()
    assert (site.site_dir / "interviews" / "index.html").exists()
    assert not (site.site_dir / "people").exists()
    assert "people/" not in (site.site_dir / "index.html").read_text()
    assert site.warnings == []


def test_names_are_escaped_everywhere(tmp_path: Path) -> None:
    odd = 'Ann "The Hammer" O\'Neil & Co'
    extra = {"talks/odd.md": talk("Odd", "2024-07-01", (odd, "Hi?"), ("Ada Quinn", "Hi."))}
    extra["talks/odd.md"] += f"\n**{odd}**: Bye?\n\n**Ada Quinn**: Bye.\n"
    site = build(tmp_path, extra, theme="material")
    slug = base_slug(odd)
    assert slug == "ann-the-hammer-o-neil-co"
    raw = site.page_path(f"people/{slug}.md").read_text(encoding="utf-8")
    assert "<h1>Ann &#34;The Hammer&#34; O&#39;Neil &amp; Co</h1>" in raw
    assert (odd, f"{slug}/", "1 interview") in index_of(site)
    title = site.html(f"people/{slug}.md").title
    assert title is not None and "<" not in title.get_text()


def test_material_search_leaves_people_pages_out(tmp_path: Path) -> None:
    site = build(tmp_path, theme="material", plugins=["search", {"interview": {}}])
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "talks/bells/" in locations
    assert not {location for location in locations if location.startswith("people/")}


def test_people_follow_the_pages_from_build_to_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the mkdocs theme prints the build time
    site = make_site(tmp_path, pages(), plugins=[{"interview": {"speakers": REGISTRY}}])
    config = site.config()
    first = site.build(config).output()
    assert site.build(config).output() == first
    organs = tmp_path / "docs" / "talks" / "organs.md"
    bells = tmp_path / "docs" / "talks" / "bells.md"
    organs.write_text(organs.read_text().replace("Ada Quinn", "Tom Reyes"))
    bells.write_text(bells.read_text().replace("ADA QUINN", "Tom Reyes"))
    site.build(config)
    assert card_titles(site, "people/tom-reyes.md") == ["Bells", "Organs"]
    assert not site.page_path("people/ada-quinn.md").exists()
    assert "Ada Quinn" not in [name for name, _, _ in index_of(site)]


def test_serve_rebuilds_people_pages(tmp_path: Path) -> None:
    make_site(tmp_path, pages())
    with serving(tmp_path) as (url, _):
        people = url + "people/"
        assert "Ada Quinn" in fetch(people, 'class="interview-people"')
        organs = tmp_path / "docs" / "talks" / "organs.md"
        organs.write_text(organs.read_text().replace("Ada Quinn", "Tom Reyes"), encoding="utf-8")
        assert "Organs" in fetch(people + "tom-reyes/", 'class="interview-card"')


@pytest.mark.parametrize("name", ["अमित शाह", "สมชาย ใจดี", ZOE, "Nguyễn Văn An"])
def test_names_with_marks_speak(name: str) -> None:
    """Vowel signs and accents written apart are marks, which `\\w` does not match."""
    _, transcript = convert(f"---\ninterview: true\n---\n\n**{name}**: Hi?\n\n**Bo**: Hi.\n")
    assert transcript.speakers == [name, "Bo"]


def test_a_dialogue_in_hindi_has_its_people(tmp_path: Path) -> None:
    """Found by its content alone: the look before the tree work reads such names too."""
    chat = "**अमित शाह**: नमस्ते, आप कैसे हैं?\n\n**सुनीता देवी**: मैं ठीक हूँ।\n\n"
    chat += "**अमित शाह**: क्या आप तैयार हैं?\n\n**सुनीता देवी**: हाँ।\n"
    site = make_site(tmp_path, {"index.md": "# बातचीत\n\n" + chat}).build()
    assert index_of(site) == [
        ("अमित शाह", quote("अमित-शाह/"), "1 interview"),
        ("सुनीता देवी", quote("सुनीता-देवी/"), "1 interview"),
    ]
    assert card_titles(site, "people/अमित-शाह.md") == ["बातचीत"]


@pytest.mark.parametrize(
    "name",
    [
        "Speaker",
        "Speaker 0",
        "SPEAKER_01",
        "Speaker B",
        "Guest",
        "Guest 2",
        "Host",
        "Co-host",
        "The Host",
        "Interviewer",
        "Interviewee",
        "Moderator",
        "Q&A moderator",
        "Audience",
        "Audience member 2",
        "Audience Response",
        "Unknown",
        "Unknown speaker",
        "New Speaker",
        "Q",
        "A",
        "M",
        "3rd person",
        "Sprecher 1",
        "Intervenant",
        "Invitée",
        "Entrevistador",
    ],
)
def test_generic_labels(name: str) -> None:
    assert is_generic(name)


@pytest.mark.parametrize(
    "name",
    ["Ada Quinn", "Lenny", "AJ", "Vi", "Al", "Mr. X", "Ghost43", "$STDOUT", "ChatGPT", "Dr Host"],
)
def test_names(name: str) -> None:
    assert not is_generic(name)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Joaquín Ibáñez", "joaquin-ibanez"),
        ("Ørjan Sæther", "orjan-saether"),
        ("Nguyễn Văn An", "nguyen-van-an"),
        ("Çağlar Yılmaz", "caglar-yilmaz"),  # noqa: RUF001 (a dotless i)
        ("Straße", "strasse"),
        (ZOE, "zoe-angstrom"),
        ("Erik St. Martin", "erik-st-martin"),
        ("山田 太郎", "山田-太郎"),
        ("Пётр Иванов", "пётр-иванов"),
        ("अमित शाह", "अमित-शाह"),
        ("Index", "index-1bc04b52"),
        ("???", ""),
    ],
)
def test_slugs(name: str, slug: str) -> None:
    assert base_slug(name) == slug
