"""Caption files (WebVTT, SRT, Podcasting 2.0 JSON) read as cues, merged into turns and
written as Markdown the engine renders as a chat."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from mkdocs_interview.caption_pages import CAPTION_SUFFIXES
from mkdocs_interview.captions import (
    PARSERS,
    CaptionError,
    Cue,
    Turn,
    caption_markdown,
    merge_turns,
    paragraphs,
    parse_captions,
    parse_podcast_json,
    parse_srt,
    parse_vtt,
    read_turns,
    to_markdown,
    turns_markdown,
)
from mkdocs_interview.captions.model import clock, escape
from mkdocs_interview.transcript import Speaker

from .conftest import FIXTURES, convert
from .sites import turn_body

CAPTIONS = FIXTURES / "captions"
MEDIA = "https://example.org/episode.mp3"


def read(name: str) -> str:
    return (CAPTIONS / name).read_text(encoding="utf-8")


def render(markdown: str) -> BeautifulSoup:
    html, _ = convert(markdown)
    return BeautifulSoup(html, "html.parser")


def chat(markdown: str) -> list[tuple[str, str]]:
    """(speaker, body text) of each turn of the rendered page."""
    soup = render(markdown)
    return [
        (str(turn["data-speaker"]), text_of(_body(turn))) for turn in soup.select(".interview-turn")
    ]


def text_of(element: Tag) -> str:
    return " ".join(element.get_text().split())


def _body(turn: Tag) -> Tag:
    return turn_body(turn)


# WebVTT


def test_vtt_voices_tags_notes_styles_regions_and_settings() -> None:
    assert parse_vtt(read("organ-builder.vtt")) == [
        Cue(1.0, "Tom Reyes", "Welcome back to the workshop.", 20),
        Cue(4.5, "Tom Reyes", "Today I'm with Ada Quinn, who repairs pipe organs.", 23),
        Cue(8.0, "Ada Quinn", "Thanks, Tom. It's good to be here.", 29),
        Cue(11.25, "Tom Reyes", "How did you start?", 33),
        Cue(11.25, "Ada Quinn", "By sweeping the floor.", 33),
        Cue(14.0, "Ada Quinn", "Then tuning reeds, à la main & <slowly>.", 37),
        Cue(19.0, "Ada Quinn", "It takes years; the 笙 took me two.", 40),
        Cue(21.0, "Ada Quinn", "[organ music]", 43),  # a voice goes on until another starts
        Cue(3602.0, "Tom Reyes", "We're out of time \u2014 thank you, Ada.", 46),
        Cue(3602.0, "Ada Quinn", "Thank you.", 46),
    ]


def test_vtt_voice_closed_or_not_and_text_outside_voices() -> None:
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n"
        "- <v Ann Lee>Hi.</v> <v Bo Chen>Hello\nthere.</v> [both laugh]\n\n"
        "00:02.000 --> 00:03.000\n<v Bo Chen>Unclosed voice\n<v Ann Lee>and another.\n"
    )
    assert parse_vtt(text) == [
        Cue(1.0, "Ann Lee", "Hi.", 3),
        Cue(1.0, "Bo Chen", "Hello there.", 3),
        Cue(1.0, None, "[both laugh]", 3),
        Cue(2.0, "Bo Chen", "Unclosed voice", 7),
        Cue(2.0, "Ann Lee", "and another.", 7),
    ]


def test_vtt_entities_are_decoded_after_tags_are_stripped() -> None:
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n"
        "<v Ann &amp; Co>&lt;b&gt;not bold&lt;/b&gt; &quot;x&quot; &#x263A;\n"
    )
    assert parse_vtt(text) == [Cue(1.0, "Ann & Co", '<b>not bold</b> "x" \u263a', 3)]


def test_vtt_missing_blank_lines_still_separate_cues() -> None:
    text = (
        "WEBVTT\n00:00:01.000 --> 00:00:02.000\nOne.\n00:00:02.000 --> 00:00:03.000\nTwo.\n"
        "\nNOTE a note\non two lines\n00:00:03.000 --> 00:00:04.000\nThree.\n"
        "\nNOTE\n00:00:04.000 --> 00:00:05.000\nA cue whose identifier is NOTE.\n"
    )
    assert parse_vtt(text) == [
        Cue(1.0, None, "One.", 2),
        Cue(2.0, None, "Two.", 4),
        Cue(3.0, None, "Three.", 9),
        Cue(4.0, None, "A cue whose identifier is NOTE.", 13),
    ]


# SRT


def test_srt_speaker_carries_forward_and_style_tags_are_stripped() -> None:
    assert parse_srt(read("small-tools.srt")) == [
        Cue(
            0.5,
            "Priya Raman",
            "Welcome to Small Tools, a show about things people make by hand.",
            2,
        ),
        Cue(3.0, "Priya Raman", "Today: a chair maker from Porto.", 7),
        Cue(6.2, "Tomás Ferreira", "Thank you for having me.", 11),
        Cue(9.0, "Tomás Ferreira", "I started with a broken stool and a borrowed saw.", 15),
        Cue(12.4, "Priya Raman", "A borrowed saw?", 20),
        Cue(12.4, "Tomás Ferreira", "From my uncle.", 20),
        Cue(
            14.0,
            "Tomás Ferreira",
            "He never asked for it back. We left at 10:30: far too late.",
            25,
        ),
        Cue(17.5, "BOTH", "[laughter]", 30),
        Cue(3620.0, "Priya Raman", "Thank you, Tomás.", 34),
    ]


def test_srt_labels_that_are_no_speakers() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nAnn: Hello.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nNote: the shop closes at 5.\nWell: one word, once.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nAnn: Still me. SPEAKER_01: not at a line start.\n"
    )
    assert parse_srt(text) == [
        Cue(1.0, "Ann", "Hello.", 2),
        Cue(2.0, "Ann", "Note: the shop closes at 5. Well: one word, once.", 6),
        Cue(3.0, "Ann", "Still me. SPEAKER_01: not at a line start.", 11),
    ]


def test_srt_without_cue_numbers_and_without_blank_lines_between_cues() -> None:
    text = "00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n"
    assert parse_srt(text) == [Cue(1.0, None, "One.", 1), Cue(2.0, None, "Two.", 4)]


# Podcasting 2.0 JSON


def test_json_words_are_joined_into_sentences() -> None:
    assert parse_podcast_json(read("beekeeper.json")) == [
        Cue(0.4, "Lena Okafor", "Welcome back everyone.", 4),
        Cue(1.5, "Lena Okafor", "Joining me is Jonas Berg.", 7),
        Cue(3.0, "Lena Okafor", "Jonas, why bees?", 13),
        Cue(4.1, "Jonas Berg", "My grandmother kept hives and", 17),
        Cue(6.0, "Lena Okafor", "In Lagos?", 22),
        Cue(6.9, "Jonas Berg", "In Bergen!", 24),
        Cue(8.0, "Jonas Berg", '"It\'s cold," she said, "but bees manage."', 28),
        Cue(10.6, "Jonas Berg", "Anyway", 35),
    ]


def test_json_sentence_segments_and_missing_speakers() -> None:
    text = json.dumps(
        {
            "version": "1.0.0",
            "segments": [
                {"startTime": 0, "endTime": 2, "body": "Recorded live."},
                {"speaker": "", "startTime": 2, "endTime": 3, "body": "Still nobody."},
                {"speaker": "Ann Lee", "startTime": "3.5", "endTime": 5, "body": "Hello there."},
            ],
        }
    )
    assert parse_podcast_json(text) == [
        Cue(0.0, None, "Recorded live.", 1),
        Cue(2.0, None, "Still nobody.", 1),
        Cue(3.5, "Ann Lee", "Hello there.", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        read("chapters.json"),
        '{"name": "my-site", "dependencies": {}}',
        '{"segments": [{"startTime": 0, "body": "no version"}]}',
        '{"version": "1.0.0"}',
        "[1, 2, 3]",
        '"segments"',
        "{ not json at all",
        "",
    ],
    ids=["chapters", "package", "no-version", "no-segments", "list", "string", "broken", "empty"],
)
def test_other_json_is_no_transcript(text: str) -> None:
    assert parse_podcast_json(text) is None
    assert caption_markdown(text, ".json", {"title": "x"}) is None


def test_the_plugin_looks_for_the_files_the_parsers_read() -> None:
    # The plugin names the suffixes, and looks into a `.json` file, before loading the parsers.
    assert tuple(PARSERS) == CAPTION_SUFFIXES
    assert parse_podcast_json('{"version": "1", "segm\\u0065nts": []}') is None  # no '"segments"'


# Lenient reading


@pytest.mark.parametrize("name", ["organ-builder.vtt", "small-tools.srt", "beekeeper.json"])
def test_bom_crlf_spaces_in_blank_lines_and_no_final_newline(name: str) -> None:
    text = read(name)
    messy = "\ufeff" + text.rstrip("\n").replace("\n\n", "\n \t \n").replace("\n", "\r\n")
    suffix = Path(name).suffix
    assert parse_captions(messy, suffix) == parse_captions(text, suffix)
    assert parse_captions(text.replace("\n", "\r"), suffix) == parse_captions(text, suffix)


def test_suffix_chooses_the_parser() -> None:
    assert parse_captions(read("organ-builder.vtt"), ".VTT") == parse_vtt(read("organ-builder.vtt"))
    assert parse_captions("anything", ".txt") is None
    assert caption_markdown("anything", ".md", {}) is None


# Errors, with the line


@pytest.mark.parametrize(
    ("suffix", "text", "line", "message"),
    [
        (".vtt", "00:01.000 --> 00:02.000\nNo header.\n", 1, "starts with the line 'WEBVTT'"),
        (".vtt", "WEBVTTX\n", 1, "WEBVTT"),
        (".vtt", "WEBVTT\n\n00:01.000 --> 00:0x.000\nBad end.\n", 3, "bad cue timing"),
        (".vtt", "WEBVTT\n\n\nid\n00:01.000 -> 00:02.000\nHi.\n", 5, "expected a cue timing"),
        (".vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\nStray text.\n", 6, "cue timing"),
        (".vtt", "WEBVTT\n\n00:61.000 --> 01:02.000\nHi.\n", 3, "from 00 to 59"),
        (
            ".srt",
            "1\n00:00:01,000 --> 00:00:02,000\nA.\n\n2\n00:00:02 - 00:00:03\nB.\n",
            6,
            "timing",
        ),
        (".srt", "1\n00:00:01,000 --> 00:99:02,000\nA.\n", 2, "from 00 to 59"),
        (
            ".srt",
            "1\n00:00:01,000 --> 00:00:02,000\nA.\n\nB. after a blank line\n",
            5,
            "cue number",
        ),
        (".srt", "7\n", 1, "expected a cue timing"),
        (".json", '{"version": "1.0.0",\n "segments": [\n {"body": "x",}\n]}', 3, "not valid JSON"),
        (
            ".json",
            '{"version": "1.0.0", "segments": [\n{"startTime": 0, "body": "a"},\n{"body": "b"}\n]}',
            3,
            "'startTime'",
        ),
        (".json", '{"version": "1", "segments": [\n  {"startTime": 1, "body": 5}]}', 2, "'body'"),
        (".json", '{"version": "1", "segments": [\n  {"startTime": -1, "body": "a"}]}', 2, "bad"),
        (".json", '{"version": "1", "segments": ["text"]}', 1, "must be an object"),
        (".json", '{"version": "1",\n"segments": {"a": 1}}', 2, "must be a list"),
        (
            ".json",
            '{"version": "1", "segments": [{"speaker": 7, "startTime": 1, "body": "a"}]}',
            1,
            "'speaker'",
        ),
    ],
)
def test_malformed_files_name_the_line(suffix: str, text: str, line: int, message: str) -> None:
    with pytest.raises(CaptionError) as caught:
        parse_captions(text, suffix)
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value) == f"line {line}: {caught.value.message}"


def test_json_error_lines_count_in_a_file_with_crlf_and_a_bom() -> None:
    text = '\ufeff{\r\n "version": "1.0.0",\r\n "segments": [\r\n  {"startTime": 1}\r\n ]\r\n}'
    with pytest.raises(CaptionError) as caught:
        parse_podcast_json(text)
    assert caught.value.line == 4


def test_a_file_without_any_text_is_an_error() -> None:
    with pytest.raises(CaptionError, match="no caption text") as caught:
        caption_markdown("WEBVTT\n\nNOTE nothing yet\n", ".vtt", {})
    assert caught.value.line == 1


# Turns


def test_consecutive_cues_of_one_speaker_merge_at_the_first_time() -> None:
    cues = [
        Cue(1.0, "Ann", "One.", 3),
        Cue(2.0, "Ann", "  Two,\n  still Ann.", 6),
        Cue(3.0, "Bo", " ", 9),
        Cue(4.0, "Ann", "Three.", 12),
        Cue(5.0, "Bo", "Four.", 15),
        Cue(6.0, None, "Music.", 18),
        Cue(7.0, None, "More music.", 21),
    ]
    assert merge_turns(cues) == [
        Turn(1.0, "Ann", "One. Two, still Ann. Three.", 3),
        Turn(5.0, "Bo", "Four.", 15),
        Turn(6.0, None, "Music. More music.", 18),
    ]


def test_each_format_becomes_turns() -> None:
    assert [
        (turn.speaker, turn.start_seconds)
        for turn in merge_turns(parse_vtt(read("organ-builder.vtt")))
    ] == [
        ("Tom Reyes", 1.0),
        ("Ada Quinn", 8.0),
        ("Tom Reyes", 11.25),
        ("Ada Quinn", 11.25),
        ("Tom Reyes", 3602.0),
        ("Ada Quinn", 3602.0),
    ]
    assert [
        (turn.speaker, turn.start_seconds)
        for turn in merge_turns(parse_srt(read("small-tools.srt")))
    ] == [
        ("Priya Raman", 0.5),
        ("Tomás Ferreira", 6.2),
        ("Priya Raman", 12.4),
        ("Tomás Ferreira", 12.4),
        ("BOTH", 17.5),
        ("Priya Raman", 3620.0),
    ]
    turns = merge_turns(parse_podcast_json(read("beekeeper.json")) or [])
    assert [(turn.speaker, turn.start_seconds, turn.text) for turn in turns] == [
        ("Lena Okafor", 0.4, "Welcome back everyone. Joining me is Jonas Berg. Jonas, why bees?"),
        ("Jonas Berg", 4.1, "My grandmother kept hives and"),
        ("Lena Okafor", 6.0, "In Lagos?"),
        ("Jonas Berg", 6.9, 'In Bergen! "It\'s cold," she said, "but bees manage." Anyway'),
    ]


# Markdown


def test_markdown_page() -> None:
    turns = [Turn(4.9, "Ann Lee", "Hi *there*.", 1), Turn(3723.5, None, "[music]", 5)]
    front_matter = {"title": "Episode 1: the start", "media": MEDIA}
    assert to_markdown(turns, front_matter) == (
        "---\n"
        "title: 'Episode 1: the start'\n"
        f"media: {MEDIA}\n"
        "interview: true\n"
        "---\n\n"
        "# Episode 1: the start\n\n"
        "**Ann Lee**: [00:00:04] Hi \\*there\\*.\n\n"
        "**Speaker**: [01:02:03] \\[music\\]\n"
    )
    assert front_matter == {"title": "Episode 1: the start", "media": MEDIA}


def test_front_matter_round_trips_and_is_always_an_interview() -> None:
    front_matter = {
        "title": "---\nnot: the end\n---",
        "date": "2024-05-01",
        "tags": ["podcast", "craft"],
        "interview": False,
        "speakers": [{"name": "Ann Lee", "role": "Host"}],
    }
    page = to_markdown([Turn(0, "Ann Lee", "Hi.")], front_matter)
    header = page.split("\n---\n", 1)[0].removeprefix("---\n")
    assert yaml.safe_load(header) == {**front_matter, "interview": True}


def test_caption_pages_render_as_chats_with_linked_times() -> None:
    page = caption_markdown(read("organ-builder.vtt"), ".vtt", {"title": "Organs", "media": MEDIA})
    assert page is not None
    soup = render(page)
    turns = soup.select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == [
        "Tom Reyes",
        "Ada Quinn",
        "Tom Reyes",
        "Ada Quinn",
        "Tom Reyes",
        "Ada Quinn",
    ]
    assert [turn["data-side"] for turn in turns][:2] == ["host", "guest"]
    links = [(link["href"], link.get_text()) for link in soup.select("a.interview-time")]
    assert links[0] == (f"{MEDIA}#t=1", "00:00:01")
    assert links[-1] == (f"{MEDIA}#t=3602", "01:00:02")
    assert soup.select("time")[-1]["datetime"] == "PT1H2S"
    assert text_of(_body(turns[3])) == (
        "00:00:11 By sweeping the floor. Then tuning reeds, à la main & <slowly>. "
        "It takes years; the 笙 took me two. [organ music]"
    )
    assert [note.get_text() for note in soup.select(".interview-note")] == ["[organ music]"]


def test_times_without_media_are_plain_time_elements() -> None:
    page = caption_markdown(read("small-tools.srt"), ".srt", {"title": "Small Tools"})
    assert page is not None
    soup = render(page)
    assert not soup.select("a.interview-time")
    assert [time.get_text() for time in soup.select("time")][:3] == [
        "00:00:00",
        "00:00:06",
        "00:00:12",
    ]


def test_json_page_renders_as_chat() -> None:
    page = caption_markdown(read("beekeeper.json"), ".json", {"title": "Bees"})
    assert page is not None
    assert chat(page) == [
        (
            "Lena Okafor",
            "00:00:00 Welcome back everyone. Joining me is Jonas Berg. Jonas, why bees?",
        ),
        ("Jonas Berg", "00:00:04 My grandmother kept hives and"),
        ("Lena Okafor", "00:00:06 In Lagos?"),
        ("Jonas Berg", '00:00:06 In Bergen! "It\'s cold," she said, "but bees manage." Anyway'),
    ]


def test_turns_alone_for_an_existing_page() -> None:
    turns = merge_turns(parse_srt(read("small-tools.srt")))
    body = turns_markdown(turns, {"title": "Small Tools"})
    assert not body.startswith("---")
    assert to_markdown(turns, {"title": "Small Tools"}).endswith("\n\n" + body)
    page = "---\ninterview: true\n---\nAn intro.\n\n" + body + "\n## Afterword\n\nThanks.\n"
    assert [speaker for speaker, _ in chat(page)] == [
        "Priya Raman",
        "Tomás Ferreira",
        "Priya Raman",
        "Tomás Ferreira",
        "BOTH",
        "Priya Raman",
    ]


def test_the_default_speaker_is_configurable() -> None:
    page = to_markdown([Turn(0, None, "Music.")], {}, default_speaker="Narrator")
    assert chat(page) == [("Narrator", "00:00:00 Music.")]


# Escaping


def test_caption_text_renders_literally_and_injects_nothing() -> None:
    cues = parse_srt(read("injection.srt"))
    page = to_markdown(merge_turns(cues), {"media": MEDIA})
    soup = render(page)
    expected = [
        (turn.speaker, f"{clock(turn.start_seconds)} {turn.text}") for turn in merge_turns(cues)
    ]
    assert chat(page) == expected
    assert "<script>" in expected[0][1] and "{: onclick" in expected[2][1]
    allowed = {"p", "a", "time", "span"}
    for body in map(turn_body, soup.select(".interview-turn")):
        assert {element.name for element in body.find_all(True)} <= allowed
        for element in body.find_all(True):
            assert set(element.attrs) <= {"class", "href", "datetime"}
        for link in body.find_all("a"):
            assert link["class"] == ["interview-time"]
            assert str(link["href"]).startswith(MEDIA)


@pytest.mark.parametrize(
    "text",
    [
        "*a* _b_ **c** __d__ `e` ``f``",
        "<em>x</em> <b>y</b> <!-- z --> <?php ?> <![CDATA[w]]>",
        "[x](http://a) [y][1] ![z](i.png) <http://a.b> [TOC] [^1]",
        "# h ## h2 > q - l 1. n + p === --- *** | a | b |",
        "back\\slash \\* \\_ \\\\ \\` a\\",
        "&amp; &lt; &#60; &copy; & < > \"quote\" 'apostrophe'",
        "{: #id .class onclick='x' } {#id}",
        "line  \ntwo   spaces  ",
        "tab\there \x02 stash 1 \x03 ctrl\x00",
        "~~s~~ ==m== ^^i^^ :smile: $x$ 2*3*4",
    ],
)
def test_escaped_text_renders_as_written(text: str) -> None:
    page = to_markdown([Turn(0, "Ann Lee", text)], {})
    shown = " ".join(text.replace("\x02", "").replace("\x03", "").replace("\x00", "").split())
    soup = render(page)
    body = _body(soup.select(".interview-turn")[0])
    assert text_of(body) == f"00:00:00 {shown}"
    assert {element.name for element in body.find_all(True)} <= {"p", "time", "span"}
    assert "\n" not in escape(text)


# Speaker names


def test_a_name_that_cannot_be_a_speaker_label_is_an_error_with_the_line() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nAnn Lee: Hi.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nSPEAKER_01: Hello.\n"
    )
    with pytest.raises(CaptionError, match="SPEAKER_01") as caught:
        caption_markdown(text, ".srt", {})
    assert caught.value.line == 6
    for name in ["Speaker 2", "Note", "Verdict", "Q", "<b>Eve</b>", "Ann **x**"]:
        with pytest.raises(CaptionError, match="cannot be a speaker's name"):
            to_markdown([Turn(0, name, "Hi.", 4)], {})


def test_an_alias_in_the_front_matter_names_the_speaker() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nSPEAKER_00: Hi?\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nSPEAKER_01: Hello.\n"
    )
    front_matter = {
        "speakers": [
            {"name": "Ann Lee", "aliases": ["SPEAKER_00"]},
            {"name": "Bo Chen", "aliases": "SPEAKER_01"},
        ]
    }
    page = caption_markdown(text, ".srt", front_matter)
    assert page is not None
    assert "**Ann Lee**: [00:00:01] Hi?" in page
    assert chat(page) == [("Ann Lee", "00:00:01 Hi?"), ("Bo Chen", "00:00:02 Hello.")]
    registry = [
        Speaker("Ann Lee", aliases=("SPEAKER_00",)),
        Speaker("Bo Chen", aliases=("SPEAKER_01",)),
    ]
    assert "**Bo Chen**: [00:00:02] Hello." in (
        caption_markdown(text, ".srt", {}, registry=registry) or ""
    )


def test_a_declared_name_may_be_a_word_the_engine_would_not_take() -> None:
    page = to_markdown([Turn(0, "Note", "Hi.")], {"speakers": ["Note"]})
    assert chat(page) == [("Note", "00:00:00 Hi.")]


def test_clock() -> None:
    assert [clock(seconds) for seconds in (0, 59.999, 60, 3723.5, 36000)] == [
        "00:00:00",
        "00:00:59",
        "00:01:00",
        "01:02:03",
        "10:00:00",
    ]


# How people write captions: voices on a turn's first cue, labels, no names at all


def test_a_voice_goes_on_until_another_and_labels_name_speakers() -> None:
    cues = parse_vtt(read("turn-voices.vtt"))
    assert [(cue.speaker, cue.start_seconds) for cue in cues] == [
        ("Mara Lind", 0.2),
        ("Mara Lind", 3.1),  # no voice tag: Mara goes on
        ("Oskar Vale", 8.5),
        ("Oskar Vale", 11.0),
        ("Mara Lind", 14.0),  # `Mara:`, the first name of a voice, is that voice
        ("Oskar Vale", 16.0),  # `>> Oskar:`
        ("Mara Lind", 18.5),  # `- Mara:` and `- Oskar:` in one cue
        ("Oskar Vale", 18.5),
        ("Mara Lind", 21.0),
    ]
    assert cues[4].text == "An afternoon? For one plane?"
    assert [turn.speaker for turn in read_turns(cues)[0]] == [
        "Mara Lind",
        "Oskar Vale",
        "Mara Lind",
        "Oskar Vale",
        "Mara Lind",
        "Oskar Vale",
        "Mara Lind",
    ]


def test_a_label_names_a_speaker_by_where_and_how_often_it_occurs() -> None:
    lecture = parse_vtt(read("lecture.vtt"))
    assert {cue.speaker for cue in lecture} == {None}  # `Chapter two:` once, `Note:`
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nAnn Lee: First we sand it,\nthen step two: oil.\n\n"
        "00:02.000 --> 00:03.000\nBo: Why?\n\n00:03.000 --> 00:04.000\nAnn Lee: Grain.\n"
        "Bo: Ah.\n\n00:04.000 --> 00:05.000\nBo: Yes.\n"
    )
    assert [(cue.speaker, cue.text) for cue in parse_vtt(text)] == [
        ("Ann Lee", "First we sand it, then step two: oil."),  # within a sentence: text
        ("Bo", "Why?"),
        ("Ann Lee", "Grain."),
        ("Bo", "Ah."),  # after a finished sentence
        ("Bo", "Yes."),
    ]
    alone = "1\n00:00:01,000 --> 00:00:02,000\nChapter One: The Ferry\n\n"
    alone += "2\n00:00:02,000 --> 00:00:03,000\nIt was cold.\n"
    assert [cue.speaker for cue in parse_srt(alone)] == [None, None]


def test_film_subtitles_in_capitals_with_a_numbered_label() -> None:
    cues = parse_srt(read("night-ferry.srt"))
    assert [(cue.speaker, cue.text) for cue in cues][:4] == [
        ("CAPTAIN", "Lines off!"),
        ("DECKHAND", "Aye!"),  # a line after a finished sentence, indented
        ("CAPTAIN", "Slow ahead."),  # the label alone on its line
        ("CAPTAIN", "[ENGINE RUMBLING]"),
    ]
    page = caption_markdown(read("night-ferry.srt"), ".srt", {})
    assert page is not None
    # `GUARD 2` cannot be a speaker's label; speaking once, it stays in the text.
    assert chat(page)[3] == ("Speaker", "00:00:09 GUARD 2: Papers, please.")
    assert [speaker for speaker, _ in chat(page)] == [
        "CAPTAIN",
        "DECKHAND",
        "CAPTAIN",
        "Speaker",
        "DECKHAND",
        "CAPTAIN",
    ]


def test_prose_paragraphs_at_pauses_and_after_three_sentences() -> None:
    turns, prose = read_turns(parse_vtt(read("lecture.vtt")))
    assert prose
    assert [(turn.start_seconds, turn.text) for turn in turns] == [
        (
            0.0,
            "Good morning. Today is about the water cycle, and why rain in the hills is "
            "river water in the plain. Dr. Ames wrote the textbook.",
        ),
        (7.5, "Start with chapter two. Chapter two: evaporation. The sun warms the sea."),
        (12.0, "Water rises as vapour."),  # starts within a cue: at the cue's time
        (19.0, "After the pause, a new paragraph starts here. Note: the exam is in May."),
    ]
    words = [
        Cue(float(second), None, f"word{second}", second, second + 1.0) for second in range(200)
    ]
    long = paragraphs(words)
    assert len(long) > 1 and all(len(turn.text) <= 620 for turn in long)


def test_a_file_with_one_voice_is_prose_with_its_speaker() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann Lee>One. Two.\n\n"
    text += "00:05.000 --> 00:06.000\nThree.\n"
    page = caption_markdown(text, ".vtt", {"title": "Talk", "media": MEDIA})
    assert page is not None
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta == {"title": "Talk", "media": MEDIA, "interview": True, "speakers": ["Ann Lee"]}
    assert page.endswith("# Talk\n\n[00:00:01] One. Two.\n\n[00:00:05] Three.\n")
    soup = render(page)
    assert not soup.select(".interview-turn")
    passages = soup.select("div.interview-prose > p.interview-passage")
    assert [passage["id"] for passage in passages] == ["turn-1", "turn-2"]
    assert [link["href"] for link in soup.select("p.interview-passage > a.interview-time")] == [
        f"{MEDIA}#t=1",
        f"{MEDIA}#t=5",
    ]
    declared = caption_markdown(text, ".vtt", {"speakers": ["Bo Chen"]})
    assert declared is not None and "Bo Chen" in declared and "Ann Lee" not in declared
