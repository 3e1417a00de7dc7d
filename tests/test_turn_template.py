"""A theme's own `interview/turn.html` replaces the head of every turn."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader

from mkdocs_interview.plugin import THEME_DIR
from mkdocs_interview.transcript import Speaker
from mkdocs_interview.transcript.labels import initials
from mkdocs_interview.transcript.render import avatar_colours, speaker_head

from .sites import content_of, make_site

PEOPLE = [
    Speaker("Ann Lee"),
    Speaker("Bo & Co", role="Host <b>", url="https://example.org/?a=1&b=2", colour="#ffd84d"),
    Speaker("Zoë Müller", avatar="https://example.org/z.png"),
]


def test_the_shipped_template_writes_what_the_engine_writes() -> None:
    env = Environment(loader=FileSystemLoader(str(THEME_DIR)))
    template = env.get_template("interview/turn.html")
    for person in PEOPLE:
        background, foreground = avatar_colours(person)
        rendered = template.render(
            speaker=person,
            avatar=person.avatar,
            initials=initials(person.name),
            background=background,
            foreground=foreground,
        )
        assert _dom(rendered) == _dom(speaker_head(person))


def test_a_theme_overrides_the_head_of_turns(tmp_path: Path) -> None:
    own = tmp_path / "overrides" / "interview"
    own.mkdir(parents=True)
    (own / "turn.html").write_text(
        '<b class="who">{{ speaker.name | e }}</b>'
        '{% if avatar %}<img class="face" src="{{ avatar | e }}">{% endif %}'
    )
    page = (
        "---\ninterview: true\n---\n**Ann Lee**: Hi?\n\n**Bo Chen**: Hello.\n\n**Ann Lee**: Bye?\n"
    )
    registry = [{"name": "Ann Lee", "avatar": "people/ann.svg"}]
    site = make_site(
        tmp_path,
        {"index.md": "# Home\n", "talks/one.md": page, "people/ann.svg": "<svg/>"},
        theme={"name": "mkdocs", "custom_dir": "overrides"},
        plugins=[{"interview": {"speakers": registry}}],
    ).build()
    turns = content_of(site.html("talks/one.md")).select(".interview-turn")
    assert [turn.select_one("b.who").get_text() for turn in turns] == [
        "Ann Lee",
        "Bo Chen",
        "Ann Lee",
    ]
    assert not content_of(site.html("talks/one.md")).select(".interview-speaker")
    assert turns[0].select_one("img.face")["src"] == "../../people/ann.svg"
    assert [p.get_text() for p in turns[1].select(":scope > p")] == ["Hello."]
    assert site.warnings == []


def _dom(html: str) -> list[tuple[str, dict[str, str], str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        (
            tag.name,
            {key: " ".join(v) if isinstance(v, list) else v for key, v in tag.attrs.items()},
            tag.get_text(),
        )
        for tag in soup.find_all(True)
        if tag.name != "div"
    ]
