"""Play from here: each timestamp links to its moment of the page's `media` (a file, YouTube
or Vimeo), and a page with a transcript and `media` shows a player above it, with the script
that plays from a timestamp on that page alone. The browser side is `browser/test_player.py`."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import Abort

from mkdocs_interview.player import with_player
from mkdocs_interview.transcript import InterviewExtension, PageOptions, convert
from mkdocs_interview.transcript.media import moment_url, read_media

from .sites import Site, content_of, make_site

TRANSCRIPT = "**Ann Lee**: [00:04:22] Hi?\n\n**Bo Chen**: (01:02:03.5) Yes.\n"
EPISODE = "---\ninterview: true\nmedia: {media}\n---\n# Episode\n\nAn intro.\n\n" + TRANSCRIPT


@pytest.mark.parametrize(
    ("media", "kind", "moment"),
    [
        ("episode.mp3", "audio", "episode.mp3#t=262"),
        ("../audio/ep.m4a?v=2", "audio", "../audio/ep.m4a?v=2#t=262"),
        ("https://cdn.example.org/ep.mp3#t=10", "audio", "https://cdn.example.org/ep.mp3#t=262"),
        ("https://example.org/feed/ep-12", "audio", "https://example.org/feed/ep-12#t=262"),
        ("talk.MP4", "video", "talk.MP4#t=262"),
        ("/media/talk.webm", "video", "/media/talk.webm#t=262"),
        # YouTube as people link it: a page, a short link (with a share id and a time), an
        # embed, a live stream, a short, the mobile site, a playlist's entry
        (
            "https://www.youtube.com/watch?v=AbCdEfGhIj0",
            "youtube",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0&t=262s",
        ),
        (
            "https://youtu.be/AbCdEfGhIj0?si=xYz-123_abc&t=240",
            "youtube",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0&t=262s",
        ),
        (
            "https://www.youtube-nocookie.com/embed/AbCdEfGhIj0?start=5",
            "youtube",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0&t=262s",
        ),
        (
            "https://www.youtube.com/live/AbCdEfGhIj0?feature=share",
            "youtube",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0&t=262s",
        ),
        (
            "https://youtube.com/shorts/AbCdEfGhIj0",
            "youtube",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0&t=262s",
        ),
        (
            "http://m.youtube.com/watch?feature=share&v=AbCdEfGhIj0&list=PLxyz",
            "youtube",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0&t=262s",
        ),
        # Vimeo: a page, an unlisted video's page and player (with its hash), a channel's
        ("https://vimeo.com/76979871", "vimeo", "https://vimeo.com/76979871#t=262s"),
        (
            "https://vimeo.com/76979871/0a1b2c3d4e",
            "vimeo",
            "https://vimeo.com/76979871/0a1b2c3d4e#t=262s",
        ),
        (
            "https://player.vimeo.com/video/76979871?h=0a1b2c3d4e&badge=0",
            "vimeo",
            "https://vimeo.com/76979871/0a1b2c3d4e#t=262s",
        ),
        (
            "https://vimeo.com/channels/staffpicks/76979871",
            "vimeo",
            "https://vimeo.com/76979871#t=262s",
        ),
        # a provider's page that names no video: linked as it is, and no player plays it
        ("https://www.youtube.com/@smalltrades", "page", "https://www.youtube.com/@smalltrades"),
        ("https://www.youtube.com/watch?v=short", "page", "https://www.youtube.com/watch?v=short"),
        ("https://vimeo.com/smalltrades", "page", "https://vimeo.com/smalltrades"),
    ],
)
def test_the_moment_of_each_kind_of_media(media: str, kind: str, moment: str) -> None:
    found = read_media(media)
    assert found is not None and found.kind == kind
    assert moment_url(media, 262.9) == moment


@pytest.mark.parametrize("media", ["javascript:alert(1)", "data:audio/wav;base64,AA", "", 12, None])
def test_no_moment_of_what_is_no_safe_url(media: object) -> None:
    assert read_media(media) is None
    assert moment_url(media, 3) is None


def test_every_timestamp_links_to_its_moment_of_a_video() -> None:
    md = markdown.Markdown(extensions=[InterviewExtension()])
    options = PageOptions(mode="on", media="https://youtu.be/AbCdEfGhIj0")
    html, transcript = convert(md, TRANSCRIPT, options)
    assert [turn.time for turn in transcript.turns] == [262, 3723.5]
    assert 'href="https://www.youtube.com/watch?v=AbCdEfGhIj0&amp;t=262s"' in html
    assert 'href="https://www.youtube.com/watch?v=AbCdEfGhIj0&amp;t=3723s"' in html
    vimeo = PageOptions(mode="on", media="https://vimeo.com/76979871")
    assert 'href="https://vimeo.com/76979871#t=3723s"' in convert(md, TRANSCRIPT, vimeo)[0]


def build(tmp_path: Path, pages: dict[str, str | bytes], **options: object) -> Site:
    return make_site(tmp_path, pages, plugins=[{"interview": options}]).build()


def test_a_player_above_the_chat_plays_a_file_of_the_docs(tmp_path: Path) -> None:
    episode = EPISODE.format(media="../../audio/ep.mp3")
    pages = {"shows/ep/index.md": episode, "audio/ep.mp3": b"ID3", "index.md": "# Home\n"}
    site = build(tmp_path, pages)
    assert site.warnings == []
    content = content_of(site.html("shows/ep/index.md"))
    players = content.select(".interview-player")
    assert len(players) == 1
    player = players[0]
    audio = player.select_one("audio")
    assert audio["src"] == "../../audio/ep.mp3"
    assert audio["preload"] == "none" and audio.has_attr("controls")
    assert audio["aria-label"] == "Recording: Episode"
    # above the chat, after what comes before it
    assert player.find_previous_sibling("p").get_text() == "An intro."
    script = player.find_next_sibling()
    assert script.name == "script" and script["src"] == "../../interview/player.js"
    assert script.find_next_sibling()["class"] == ["interview"]
    links = [link["href"] for link in content.select("a.interview-time")]
    assert links == ["../../audio/ep.mp3#t=262", "../../audio/ep.mp3#t=3723"]
    assert (site.site_dir / "interview" / "player.js").is_file()
    # no other page has a player, or the script
    assert "player.js" not in site.page_path("index.md").read_text(encoding="utf-8")


def test_a_video_file_plays_in_a_video_element(tmp_path: Path) -> None:
    pages = {"index.md": EPISODE.format(media="https://cdn.example.org/talk.mp4")}
    player = content_of(build(tmp_path, pages).html("index.md")).select_one(".interview-player")
    assert player["data-kind"] == "video"
    assert player.select_one("video")["src"] == "https://cdn.example.org/talk.mp4"


@pytest.mark.parametrize(
    ("media", "page", "embed"),
    [
        (
            "https://youtu.be/AbCdEfGhIj0",
            "https://www.youtube.com/watch?v=AbCdEfGhIj0",
            "https://www.youtube-nocookie.com/embed/AbCdEfGhIj0?autoplay=1",
        ),
        (
            "https://vimeo.com/76979871/0a1b2c3d4e",
            "https://vimeo.com/76979871/0a1b2c3d4e",
            "https://player.vimeo.com/video/76979871?autoplay=1&h=0a1b2c3d4e",
        ),
    ],
)
def test_a_providers_player_loads_only_when_the_reader_asks(
    tmp_path: Path, media: str, page: str, embed: str
) -> None:
    site = build(tmp_path, {"index.md": EPISODE.format(media=media)})
    assert site.warnings == []
    player = content_of(site.html("index.md")).select_one(".interview-player")
    assert player.select_one("a.interview-player-link")["href"] == page
    assert player.select_one("button.interview-player-load").has_attr("hidden")
    # the provider's player is inert in its template: nothing is fetched on the page's load
    html = site.page_path("index.md").read_text(encoding="utf-8")
    assert html.count("<iframe") == 1
    template = html[html.index('<template class="interview-player-embed">') :]
    assert template.index("<iframe") < template.index("</template>")
    assert f'<iframe src="{embed.replace("&", "&amp;")}"' in template
    assert html.count("youtube-nocookie.com") + html.count("player.vimeo.com") == 1


def test_player_false_ships_no_script(tmp_path: Path) -> None:
    pages = {"index.md": EPISODE.format(media="ep.mp3"), "ep.mp3": b"ID3"}
    site = build(tmp_path, pages, player=False)
    html = site.page_path("index.md").read_text(encoding="utf-8")
    content = content_of(site.html("index.md"))
    assert "player.js" not in html and not content.select("script")
    assert content.select_one(".interview-player audio")["src"] == "ep.mp3"


def test_media_a_player_cannot_play_is_a_warning_naming_the_file(tmp_path: Path) -> None:
    pages = {
        "missing.md": EPISODE.format(media="audio/missing.mp3"),
        "outside.md": EPISODE.format(media="../../ep.mp3"),
        "channel.md": EPISODE.format(media="https://www.youtube.com/@smalltrades"),
    }
    site = build(tmp_path, pages)
    # MkDocs warns of each timestamp's link to a missing file; the plugin, of the player
    assert sorted(w for w in site.warnings if w.startswith("interview:")) == [
        "interview: channel.md:3: front matter: 'media' is a page of www.youtube.com that "
        "names no video: no player",
        "interview: missing.md:3: front matter: 'media' names no file in the docs: "
        "'audio/missing.mp3'; no player",
        "interview: outside.md:3: front matter: 'media' names no file in the docs: "
        "'../../ep.mp3'; no player",
    ]
    for page in pages:
        content = content_of(site.html(page))
        assert content.select(".interview-turn") and not content.select(".interview-player")
        assert "player.js" not in site.page_path(page).read_text(encoding="utf-8")


def test_strict_build_fails_on_media_no_player_can_play(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": EPISODE.format(media="https://vimeo.com/someone")})
    config = site.config()
    config["strict"] = True
    with pytest.raises(Abort):
        site.build(config)


def test_no_player_without_a_transcript(tmp_path: Path) -> None:
    pages = {"index.md": "---\nmedia: ep.mp3\n---\n# A page about an episode\n", "ep.mp3": b""}
    site = build(tmp_path, pages)
    assert site.warnings == []
    assert "interview-player" not in site.page_path("index.md").read_text(encoding="utf-8")


def test_a_theme_overrides_the_player(tmp_path: Path) -> None:
    pages = {"index.md": EPISODE.format(media="ep.mp3"), "ep.mp3": b""}
    site = make_site(tmp_path, pages, theme={"name": "mkdocs", "custom_dir": "overrides"})
    (tmp_path / "overrides" / "interview").mkdir(parents=True)
    (tmp_path / "overrides" / "interview" / "player.html").write_text(
        '<figure class="interview-player"><audio src="{{ src }}" data-title="{{ title }}">'
        "</audio></figure>",
        encoding="utf-8",
    )
    page = EPISODE.format(media="ep.mp3").replace("# Episode", "# Episode <3 & more")
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    site.build()
    audio = content_of(site.html("index.md")).select_one("figure.interview-player audio")
    assert audio["src"] == "ep.mp3"
    assert audio["data-title"] == "Episode <3 & more"
    assert "Episode &lt;3 &amp; more" in site.page_path("index.md").read_text(encoding="utf-8")


def test_with_material_instant_navigation_the_script_is_in_the_content(tmp_path: Path) -> None:
    """Material's instant navigation runs the scripts of the content it swaps in, alone."""
    theme = {"name": "material", "features": ["navigation.instant"]}
    pages = {"index.md": EPISODE.format(media="ep.mp3"), "ep.mp3": b""}
    site = make_site(tmp_path, pages, theme=theme).build()
    content = content_of(site.html("index.md"))
    assert content.select_one(".interview-player + script[src='interview/player.js']")


def test_prose_with_timestamps_gets_the_player_before_its_first_timestamp() -> None:
    content = '<h1>Episode</h1>\n<p>Intro.</p>\n<p><a class="interview-time" href="x">…</a></p>'
    assert with_player(content, "<div>P</div>") == (
        '<h1>Episode</h1>\n<p>Intro.</p>\n<div>P</div>\n<p><a class="interview-time" href="x">'
        "…</a></p>"
    )
    assert with_player("<p>No transcript.</p>", "<div>P</div>") == (
        "<div>P</div>\n<p>No transcript.</p>"
    )
