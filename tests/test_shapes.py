"""The engine on each transcript shape's traps, beyond what the golden files pin."""

from __future__ import annotations

import frontmatter
import markdown
import pytest

from mkdocs_interview.transcript import InterviewExtension, Speaker, page_options
from mkdocs_interview.transcript import convert as convert_page
from mkdocs_interview.transcript.colours import colour_for, contrast, text_colour_on

from .conftest import convert

ON = "---\ninterview: true\n---\n"


def speakers(source: str) -> list[str]:
    return [turn.speaker for turn in convert(source)[1].turns]


def test_plain_name_once_after_the_conversation_is_no_speaker_unless_declared() -> None:
    source = "Lee Park: Hi?\n\nLee Park: Again.\n\nDana Kim: Hello.\n"
    assert speakers(ON + source) == ["Lee Park", "Lee Park"]
    declared = "---\ninterview: true\nspeakers: [Dana Kim]\n---\n"
    assert speakers(declared + source) == ["Lee Park", "Lee Park", "Dana Kim"]


def test_plain_name_once_opening_the_conversation_speaks() -> None:
    source = "Dana Kim: Hello?\n\nLee Park: Hi.\n\nLee Park: Again.\n"
    assert speakers(ON + source) == ["Dana Kim", "Lee Park", "Lee Park"]


def test_sentences_with_colons_are_no_labels() -> None:
    source = (
        ON + "**Ann Lee**: Hi.\n\nThe rule is simple: ask.\n\nThe Rule: ask.\n\nThe Rule: again.\n"
    )
    assert speakers(source) == ["Ann Lee", "The Rule", "The Rule"]
    assert speakers(ON + "**Ann Lee**: Hi.\n\nSee http://example.org: a link.\n") == ["Ann Lee"]


@pytest.mark.parametrize("label", ["Note", "Update", "Source", "Edit", "Warning"])
def test_one_off_and_known_labels_stay_text(label: str) -> None:
    source = ON + f"**Ann Lee**: Hi.\n\n{label}: one.\n\n{label}: two.\n\n**Bo Chen**: Yes.\n"
    assert speakers(source) == ["Ann Lee", "Bo Chen"]


def test_short_name_is_the_full_name_it_begins() -> None:
    source = ON + "**Sam Rivera**: A?\n\n**Ann Lee**: B.\n\n**Sam**: C?\n\n**Ann**: D.\n"
    assert speakers(source) == ["Sam Rivera", "Ann Lee", "Sam Rivera", "Ann Lee"]


def test_short_name_of_two_full_names_stays_itself() -> None:
    source = ON + "**Sam Rivera**: A?\n\n**Sam Lee**: B.\n\n**Sam**: C?\n"
    assert speakers(source) == ["Sam Rivera", "Sam Lee", "Sam"]


def test_qa_needs_an_interview_page() -> None:
    source = "Q: Does it work?\n\nA: Yes.\n\nQ: Really?\n\nA: Really.\n"
    assert speakers(source) == []
    assert speakers("---\ntags: [interview]\n---\n" + source) == ["Interviewer", "Guest"] * 2


def test_qa_names_from_a_speakers_list() -> None:
    source = "---\nspeakers: [Maria Gomez, Tom Baker]\n---\nQ: Why?\n\nA: Because.\n"
    assert speakers(source) == ["Maria Gomez", "Tom Baker"]


def test_bold_questions_need_an_interview_page() -> None:
    source = "**How do I install it?**\n\nWith pip.\n\n**Q: Does it need a network?**\n\nNo.\n"
    assert speakers(source) == []
    assert speakers(ON + source) == ["Interviewer", "Guest"] * 2


def test_question_headings_keep_their_ids() -> None:
    html, transcript = convert(ON + "## Q: Why clocks?\n\nBecause.\n\n### Is that all?\n\nYes.\n")
    assert len(transcript.turns) == 4
    # the `Q:` stays in the heading's text, marked for the stylesheet to hide
    assert '<h2 id="q-why-clocks"><span class="interview-label">Q: </span>Why clocks?</h2>' in html
    assert '<h3 id="is-that-all">Is that all?</h3>' in html


def test_speaker_line_inside_a_loose_list_item() -> None:
    source = (
        ON + "**Ann Lee**: Two things?\n\n**Bo Chen**: Yes.\n\n- one\n\n- two\n**Ann Lee**: And?\n"
    )
    html, transcript = convert(source)
    assert [turn.speaker for turn in transcript.turns] == ["Ann Lee", "Bo Chen", "Ann Lee"]
    assert "<p>two</p>" in html and "And?" in html.split('id="turn-3"')[1]


def test_many_glued_lines_each_become_one_turn() -> None:
    lines = [f"**{'Ann Lee' if n % 2 else 'Bo Chen'}**: line {n}?" for n in range(300)]
    _, transcript = convert(ON + "\n".join(lines) + "\n")
    assert len(transcript.turns) == 300
    assert [turn.id for turn in transcript.turns][-1] == "turn-300"


def test_timestamp_shapes() -> None:
    source = ON + (
        "**Ann Lee**: [00:04:22] a?\n\n**Bo Chen**: \\[00:04:22.21\\] b.\n\n"
        "**Ann Lee**: (12:05) c?\n\n**Bo Chen**: 1:02:03 — d.\n\n**Ann Lee**: 12:05 e, not one.\n"
    )
    html, _ = convert(source)
    assert html.count("<time") == 4
    for duration in ("PT4M22S", "PT4M22.21S", "PT12M5S", "PT1H2M3S"):
        assert f'datetime="{duration}"' in html
    assert "<p>12:05 e, not one.</p>" in html
    assert "href=" not in html


def test_stage_notes_are_marked_outside_code() -> None:
    html, _ = convert(ON + "**Ann Lee**: Ha \\[laughs\\] and `[code]` and [crosstalk].\n")
    assert html.count('class="interview-note"') == 2
    assert "<code>[code]</code>" in html


def test_undeclared_speaker_is_named_with_its_line() -> None:
    source = (
        "---\nspeakers: [Ruth Abebe, Karl Jensen]\n---\n**Ruth Abebe**: A?\n\n**Karl Jensn**: B.\n"
    )
    _, transcript = convert(source)
    assert [(d.line, d.message) for d in transcript.diagnostics] == [
        (3, "'Karl Jensn' speaks but is not among the page's speakers; did you mean 'Karl Jensen'?")
    ]


def test_liquid_tags_stay_on_ordinary_pages() -> None:
    html, transcript = convert("{% include toc %}\n\nText.\n")
    assert "{% include toc %}" in html and not transcript.diagnostics


@pytest.mark.parametrize("name", [f"Person {chr(65 + n % 26)}{n}" for n in range(300)])
def test_derived_colours_are_readable(name: str) -> None:
    background = colour_for(name)
    assert colour_for(name) == background
    assert contrast(background, text_colour_on(background)) >= 4.5


def test_a_long_transcript_with_every_slip() -> None:
    """Hundreds of turns in every name shape, glued to lists and to each other."""
    people = ["Ann Lee", "Bo Chen", "Cy Dube"]
    lines, expected = [], []
    for n in range(450):
        person = people[n % 3]
        short = person.split()[0] if n % 7 == 0 else person
        shape = n % 5
        if shape == 0:
            lines.append(f"**{short}**: turn {n}?\n")
        elif shape == 1:
            lines.append(f"**{short}:** turn {n}.\n\n- a point\n- another")
        elif shape == 2:
            lines.append(f"{short}: turn {n}.")  # glued to the list or line before
        elif shape == 3:
            lines.append(f"\n{person}: turn {n}, plain.\n")
        else:
            lines.append(f"**{person}**:\n\nturn {n}, on its own paragraph.\n")
        expected.append(person)
    html, transcript = convert(ON + "\n".join(lines) + "\n")
    assert [turn.speaker for turn in transcript.turns] == expected
    for n in range(450):
        assert f"turn {n}" in html.split(f'id="turn-{n + 1}"')[1].split("interview-turn")[0]
    assert html.count("<li>a point</li>") == 90


def sides(source: str, registry: tuple[Speaker, ...] = ()) -> list[tuple[str, str]]:
    post = frontmatter.loads(source)
    options, _ = page_options(post.metadata, registry=registry)
    md = markdown.Markdown(extensions=[InterviewExtension()])
    _, transcript = convert_page(md, post.content, options)
    return [(turn.speaker, turn.side) for turn in transcript.turns]


TALK = "**Lena Ortiz**: A?\n\n**Tariq Haddad**: B.\n\n**Maren Holt**: C?\n"


def test_a_registry_host_who_is_absent_changes_nothing() -> None:
    registry = (Speaker("Maren Holt", side="host"),)
    assert sides(ON + TALK.split("\n\n**Maren")[0], registry) == [
        ("Lena Ortiz", "host"),
        ("Tariq Haddad", "guest"),
    ]


def test_a_registry_host_who_speaks_hosts() -> None:
    registry = (Speaker("Maren Holt", side="host"),)
    assert [side for _, side in sides(ON + TALK, registry)] == ["guest", "guest", "host"]


def test_the_pages_host_wins_over_the_registry() -> None:
    registry = (Speaker("Maren Holt", side="host"),)
    page = "---\ninterview: true\nhost: Lena\n---\n" + TALK.replace(
        "**Lena Ortiz**: A?", "**Lena Ortiz**: A?\n\n**Lena**: A2?"
    )
    assert [side for _, side in sides(page, registry)] == ["host", "host", "guest", "guest"]


def test_a_side_in_the_pages_speakers_wins() -> None:
    page = (
        "---\nhost: Lena Ortiz\nspeakers:\n  - Lena Ortiz\n  - {name: Tariq Haddad, side: host}\n"
    )
    page += "---\n"
    assert [side for _, side in sides(page + TALK)] == ["host", "host", "guest"]


def test_markdown_inside_raw_html_left_open_stays_outside_the_chat() -> None:
    """md_in_html gives up on a block it cannot parse: its start and end tags are stashed
    apart, and the Markdown between them must not become a turn, nor be cut from them."""
    source = ON + (
        '**<A**: x\n\n**Sam Rivera**: hello\n\n<div markdown="1">\n\n'
        "**Sam Rivera**: inside\n\n</div>\n\n**Sam Rivera**: after\n"
    )
    html, transcript = convert(source)
    assert [turn.text for turn in transcript.turns] == ["hello", "after"]
    assert '</div>\n<div markdown="1">\n<p><strong>Sam Rivera</strong>: inside</p>\n</div>' in html
