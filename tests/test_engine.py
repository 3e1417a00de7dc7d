"""Golden tests of the engine: Markdown in, turns and HTML out."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from mkdocs_interview.transcript import (
    InterviewExtension,
    PageOptions,
    Transcript,
    transcript_of,
)
from mkdocs_interview.transcript import convert as convert_page

from .conftest import GOLDEN, UPDATE_GOLDEN, convert

GOLDEN_INPUTS = sorted(GOLDEN.glob("*.md"))


def summary(transcript: Transcript) -> str:
    turns = "\n".join(
        f"  {turn.id} {turn.side}: {turn.speaker}" + (f" @{turn.time}" if turn.time else "")
        for turn in transcript.turns
    )
    problems = "".join(
        f"\n  ! {d.level}{f' line {d.line}' if d.line else ''}: {d.message}"
        for d in transcript.diagnostics
    )
    return f"<!-- regions: {transcript.regions}\n{turns}{problems}\n-->\n"


_TURN_PARTS = re.compile(r'(?=<div class="interview-turn[ "]|<p class="interview-speaker")')


def golden_output(path: Path) -> str:
    """The transcript's summary and the HTML, with a line break before each part of a turn
    for the reader's sake: the engine writes none between its own elements."""
    html, transcript = convert(path.read_text(encoding="utf-8"))
    return summary(transcript) + _TURN_PARTS.sub("\n", html) + "\n"


def test_no_whitespace_between_the_turns_own_elements() -> None:
    html, _ = convert("---\ninterview: true\n---\n**Sam:** Hi.\n\n**Ann:** Hello.\n\nAnd more.\n")
    assert html == (
        '<div class="interview">'
        '<div class="interview-turn" data-initials="S" data-side="host" data-speaker="Sam"'
        ' id="turn-1" style="--interview-person-bg: #3c2bab; --interview-person-fg: #ffffff">'
        '<p class="interview-speaker">Sam</p><p>Hi.</p></div>'
        '<div class="interview-turn" data-initials="A" data-side="guest" data-speaker="Ann"'
        ' id="turn-2" style="--interview-person-bg: #218374; --interview-person-fg: #ffffff">'
        '<p class="interview-speaker">Ann</p><p>Hello.</p>\n<p>And more.</p></div></div>'
    )


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=lambda path: path.stem)
def test_golden(path: Path) -> None:
    expected_path = path.with_suffix(".html")
    actual = golden_output(path)
    if UPDATE_GOLDEN:
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=lambda path: path.stem)
def test_crlf_changes_nothing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert convert(text.replace("\n", "\r\n")) == convert(text)


def test_bom_before_first_speaker_line() -> None:
    html, transcript = convert("\ufeff**Sam Rivera**: Hi?\n\n**Ann Lee**: Hello.\n", plugin=True)
    assert [turn.speaker for turn in transcript.turns] == []  # auto: too short to be a dialogue
    html, transcript = convert(
        "---\ninterview: true\n---\n\ufeff**Sam Rivera**: Hi?\n\n**Ann Lee**: Hello.\n"
    )
    assert [turn.speaker for turn in transcript.turns] == ["Sam Rivera", "Ann Lee"]
    assert "\ufeff" not in html


def test_plain_extension_by_name_with_meta() -> None:
    """The engine works in any Python-Markdown pipeline, reading `meta` front matter."""
    source = "interview: true\n\n**Sam Rivera**: Hi?\n\n**Ann Lee**: Hello.\n"
    md = markdown.Markdown(extensions=["meta", "mkdocs_interview.markdown"])
    html = md.convert(source)
    assert html.count('class="interview-turn"') == 2
    assert markdown.markdown(source, extensions=["meta", "interview"]) == html


def test_plain_extension_settings() -> None:
    source = "**Sam Rivera**: Hi?\n\n**Ann Lee**: Hello.\n"
    assert "interview" not in markdown.markdown(source, extensions=[InterviewExtension()])
    front_matter_only = InterviewExtension(detection="front-matter", speakers=["Sam Rivera"])
    assert "interview" not in markdown.markdown(source, extensions=[front_matter_only])
    always = InterviewExtension(detection="always")
    html = markdown.markdown(source, extensions=[always])
    assert 'data-side="guest" data-speaker="Ann Lee"' in html
    hosted = InterviewExtension(detection="always", host="Ann Lee")
    assert 'data-side="host" data-speaker="Ann Lee"' in markdown.markdown(
        source, extensions=[hosted]
    )
    off = InterviewExtension(detection="off", speakers=["Sam Rivera"])
    assert "interview" not in markdown.markdown(source, extensions=[off])


def test_the_bare_extension_writes_avatars_and_names_as_given() -> None:
    speakers = [{"name": "Sam Rivera", "avatar": "/img/sam & co.png", "role": "Host <b>"}]
    engine = InterviewExtension(detection="always", speakers=speakers)
    md = markdown.Markdown(extensions=[engine])
    html = md.convert("**Sam Rivera**: Hi?\n\n**Ann**: Hello.\n\n**Sam Rivera**: Bye?\n")
    head = (
        '<img class="interview-avatar" src="/img/sam &amp; co.png" alt="" loading="lazy">'
        '<p class="interview-speaker">Sam Rivera'
        ' <span class="interview-role">Host &lt;b&gt;</span></p>'
    )
    assert html.count(head) == 2
    assert '<p class="interview-speaker">Ann</p><p>Hello.</p>' in html
    assert [turn.text for turn in transcript_of(md).turns] == ["Hi?", "Hello.", "Bye?"]


@pytest.mark.parametrize(
    ("config", "error"),
    [
        ({"detection": "sometimes"}, "'detection' must be one of 'auto', 'front-matter'"),
        ({"speakers": [{"name": "Sam", "avatar": "javascript:x"}]}, "'avatar' has an unsafe URL"),
        ({"speakers": "Sam"}, "'speakers' must be a list"),
    ],
)
def test_the_bare_extension_refuses_bad_settings(config: dict[str, object], error: str) -> None:
    with pytest.raises(ValueError, match=re.escape(error)):
        markdown.markdown("Hi.", extensions=[InterviewExtension(**config)])


def test_the_bare_extension_warns_of_bad_front_matter(caplog: pytest.LogCaptureFixture) -> None:
    source = "interview: true\nmedia: javascript:x\n\n**Sam**: Hi?\n\n**Ann**: Hello.\n"
    html = markdown.markdown(source, extensions=["meta", InterviewExtension()])
    assert [record.getMessage() for record in caplog.records] == [
        "interview: front matter: 'media' has an unsafe URL, ignored: 'javascript:x'"
    ]
    assert html.count('class="interview-turn"') == 2
    assert "javascript" not in html


def test_a_turns_time_is_the_one_that_opens_it() -> None:
    """A timestamp opening a later paragraph of a turn is marked, but is not the turn's time."""
    html, transcript = convert(
        "---\ninterview: true\n---\n**Sam:** Hello.\n\n[00:01:02] Later.\n\n"
        "**Ann:** [00:02:03] Hi.\n"
    )
    assert [turn.time for turn in transcript.turns] == [None, 123]
    assert html.count('class="interview-time"') == 2


def test_options_given_to_convert_win_over_the_host_programs() -> None:
    text = "**Sam:** Hi?\n\n**Ann:** Hello.\n\n**Sam:** Bye?\n\n**Ann:** Bye.\n"
    told: list[int] = []
    off = PageOptions(mode="off")
    extension = InterviewExtension(
        page_options=lambda md: off, on_transcript=lambda md, done: told.append(len(done.turns))
    )
    md = markdown.Markdown(extensions=[extension])
    assert "interview-turn" not in md.convert(text) and transcript_of(md).turns == []
    html, transcript = convert_page(md, text, PageOptions(mode="on"))
    assert html.count('class="interview-turn"') == len(transcript.turns) == 4
    assert md.convert(text).count("interview-turn") == 0  # the host's again, once converted
    assert told == [0, 4, 0]
