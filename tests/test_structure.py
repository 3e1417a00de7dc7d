"""Speakers from the page's structure: each case is a small invented page in the shape of
something real transcript archives hold (handles, timed labels, parts of a show, talks with
questions from the audience, question headings over labelled turns)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_interview.__main__ import main, report_of
from mkdocs_interview.transcript import InterviewExtension, page_options
from mkdocs_interview.transcript import convert as convert_page

from .conftest import convert
from .sites import content_of, make_site, words

ON = "---\ninterview: true\n---\n"


def speakers(source: str) -> list[str]:
    return [turn.speaker for turn in convert(source)[1].turns]


def untouched(source: str) -> bool:
    html, transcript = convert(source)
    return not transcript.turns and html == convert(source, plugin=False)[0]


def alternate(first: str, second: str, label: str = "**{}:**", times: int = 2) -> str:
    """`times` exchanges of a question and an answer between `first` and `second`."""
    lines = []
    for number in range(times):
        lines.append(f"{label.format(first)} Question {number}, then?")
        lines.append(f"{label.format(second)} Answer {number}.")
    return "\n\n".join(lines) + "\n"


# Names by where and how often they occur, not by their letters


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Dana K. Osei, PhD", "Sam Rivera"),
        ("rustacean42", "sam riviera"),
        ("Speaker 0", "Speaker 1"),
        ("G7", "G12"),
        ("M", "J"),
        ("AT", "Ruth Abebe"),
        ("Audience member", "Dana Osei"),
        ("$STDOUT", "Jerod Ito"),
        ("Mike Moss, Jr.", "Andrew \u2018Boz\u2019 Bosk"),
    ],
)
def test_recurring_labels_speak_whatever_they_look_like(first: str, second: str) -> None:
    assert speakers(alternate(first, second)) == [first, second] * 2
    assert speakers(alternate(first, second, "{}:")) == [first, second] * 2


def test_a_one_off_label_in_the_speakers_form_speaks() -> None:
    source = alternate("Dana Osei", "Sam Rivera").replace(
        "**Dana Osei:** Question 1", "**Audience member:** What about cost?\n\n**Dana Osei:** Q1"
    )
    assert "Audience member" in speakers(source)


def test_a_one_off_in_another_form_or_after_the_conversation_does_not() -> None:
    source = alternate("Dana Osei", "Sam Rivera", "{}:") + "\n**Camera**: a Leica.\n"
    assert "Camera" not in speakers(source)
    bios = alternate("Dana Osei", "Sam Rivera") + "\n**About Dana Osei**: Dana writes.\n"
    html, transcript = convert(bios)
    assert [turn.speaker for turn in transcript.turns][-1] == "Sam Rivera"
    soup = BeautifulSoup(html, "html.parser")
    assert "Dana writes" not in soup.select(".interview-turn")[-1].get_text()  # after the chat


def test_enumerations_and_call_outs_are_no_one() -> None:
    source = alternate("First idea", "Second idea")
    assert untouched(source)


# Labels with times, as transcription tools write them


def test_a_timed_label_on_its_own_line_with_the_words_below() -> None:
    source = (
        "Dana Osei (00:03:20):\nWhy clay?\n\n(00:03:31):\nAnd why now?\n\n"
        "Sam Rivera (00:04:02):\nIt forgives.\n\n"
        "Dana Osei (00:05:00):\nDoes it?\n\nSam Rivera (00:05:09):\nMostly.\n"
    )
    html, transcript = convert(source)
    assert [turn.speaker for turn in transcript.turns] == ["Dana Osei", "Sam Rivera"] * 2
    assert [turn.time for turn in transcript.turns] == [200, 242, 300, 309]
    first = BeautifulSoup(html, "html.parser").select_one(".interview-turn")
    assert first is not None and "And why now?" in first.get_text()  # the same speaker goes on


@pytest.mark.parametrize(
    "shape",
    [
        "{name}: {time}\n{words}",
        "{name}:{time}\n\n{words}",
        "[{time}] {name}: {words}",
        "**{name}** {time}\n{words}",
        "{name} \u2013 {time}:\n{words}",
        "\\[unintelligible {time}\\]**{name}:** {words}",
    ],
)
def test_times_beside_a_label(shape: str) -> None:
    turns = [("Dana Osei", "00:01:02", "Why?"), ("Sam Rivera", "00:01:09", "Because.")] * 2
    source = "\n\n".join(shape.format(name=n, time=t, words=w) for n, t, w in turns) + "\n"
    assert speakers(source) == ["Dana Osei", "Sam Rivera"] * 2


def test_lines_of_one_paragraph_each_open_a_turn() -> None:
    source = "".join(
        f"[00:0{n}:00] {name}: Line {n}{'?' if name == 'Ann' else '.'}\n"
        for n, name in enumerate(["Ann", "Bo", "Ann", "Bo", "Ann"])
    )
    assert speakers(source) == ["Ann", "Bo", "Ann", "Bo", "Ann"]


# Parts of a show


def test_parts_of_a_show_are_dividers_not_speakers() -> None:
    source = alternate("Dana Osei", "Sam Rivera").replace(
        "**Dana Osei:** Question 1", "**Break:** \\[24:27\\]\n\n**Dana Osei:** Question 1"
    )
    html, transcript = convert(source + "\n**Jingle:** \\[57:10\\]\n")
    assert "Break" not in [turn.speaker for turn in transcript.turns]
    soup = BeautifulSoup(html, "html.parser")
    dividers = soup.select(".interview-break")
    assert [divider.get_text(" ", strip=True) for divider in dividers] == [
        "Break: [24:27]",
        "Jingle: [57:10]",
    ]
    assert all(divider.find_parent(class_="interview-turn") is None for divider in dividers)
    assert transcript.breaks == ["Break", "Jingle"]


def test_a_label_that_only_ever_gives_a_time_is_a_divider() -> None:
    source = alternate("Dana Osei", "Sam Rivera").replace(
        "**Dana Osei:** Question 1", "**Clip:** \\[12:00\\]\n\n**Dana Osei:** Question 1"
    )
    source += "\n**Clip:** \\[30:00\\]\n"
    assert "Clip" not in speakers(source)
    assert "Clip" in convert(source)[1].breaks


def test_a_break_is_no_speaker_whatever_else_the_page_says() -> None:
    for extra in ("", "\nWe took a break, then went on.\n"):
        source = alternate("Dana Osei", "Sam Rivera") + "\n**Break:** \\[24:27\\]\n" + extra
        assert "Break" not in speakers(source)


def test_one_voice_with_parts_of_a_show_is_no_chat() -> None:
    source = (
        "**Jerod Ito:** Welcome to the news. What happened this week?\n\n"
        "**Break:** \\[02:10\\]\n\n**Jerod Ito:** Next story.\n\n"
        "**Break:** \\[04:40\\]\n\n**Jerod Ito:** That's the news.\n"
    )
    assert untouched(source)


def test_a_label_followed_only_by_a_link_is_no_speaker() -> None:
    source = alternate("Dana Osei", "Sam Rivera") + "\nSlides of the talk: https://example.org\n"
    source = source.replace(
        "**Dana Osei:** Question 1",
        "Slides of the talk: https://example.org/a\n\n**Dana Osei:** Question 1",
    )
    assert "Slides of the talk" not in speakers(source)


# Talks, and questions in their own shapes


def test_a_talk_with_one_speaker_answers_the_audience() -> None:
    page = "---\nspeakers: [Dana Osei]\n---\nA talk.\n\n" + alternate("Q", "A", "{}:")
    assert speakers(page) == ["Interviewer", "Dana Osei"] * 2
    asked = page.replace("speakers:", "interviewer: Audience\nspeakers:")
    assert speakers(asked) == ["Audience", "Dana Osei"] * 2
    dashes = page.replace("Q:", "Q -").replace("A:", "A -")
    assert speakers(dashes) == ["Interviewer", "Dana Osei"] * 2


def test_a_talk_with_a_single_question_is_no_chat() -> None:
    page = "---\nspeakers: [Dana Osei]\n---\nA talk.\n\nQ: Why?\n\nA: Because.\n"
    assert untouched(page)


def test_two_declared_speakers_the_first_asks() -> None:
    page = "---\nspeakers: [Ruth Abebe, Karl Jensen]\n---\n" + alternate("Q", "A", "{}:")
    assert speakers(page) == ["Ruth Abebe", "Karl Jensen"] * 2


def test_one_off_named_among_questions_and_answers() -> None:
    page = "---\nspeakers: [Dana Osei]\n---\n" + alternate("Q", "A", "{}:", times=3)
    page = page.replace("A: Answer 1.", "A: Answer 1.\n\nChris Bell: I disagree.")
    assert "Chris Bell" in speakers(page)


def test_question_headings_over_labelled_turns_are_section_titles() -> None:
    page = ON + "## Why does mining centralise?\n\n" + alternate("Dana Osei", "Sam Rivera")
    html, transcript = convert(page)
    assert [turn.speaker for turn in transcript.turns] == ["Dana Osei", "Sam Rivera"] * 2
    assert BeautifulSoup(html, "html.parser").h2.find_parent(class_="interview-turn") is None


def test_a_rhetorical_heading_is_no_interview() -> None:
    assert untouched("# A talk\n\n## Why do I care?\n\nBecause it matters.\n")


def test_items_under_question_headings_are_the_answers_not_speakers() -> None:
    answer = "**Cameras:** A Leica.\n\n**Lights:** Two lamps.\n"
    page = (
        "---\ntitle: Kate Ngo\ncategories: [interview]\n---\n"
        f"### What hardware do you use?\n\n{answer}\n"
        f"### What would be your dream setup?\n\n{answer}"
    )
    assert speakers(page) == ["Interviewer", "Guest"] * 2


def test_a_bold_question_answered_on_its_next_line() -> None:
    html, transcript = convert(ON + "**Why clay?**\nIt forgives.\n\n**And glaze?**\n![](g.png)\n")
    assert [turn.speaker for turn in transcript.turns] == ["Interviewer", "Guest"] * 2
    answer = BeautifulSoup(html, "html.parser").select(".interview-turn")[1]
    assert "It forgives." in answer.get_text() and "Why clay" not in answer.get_text()


def test_bold_questions_inside_answers_under_heading_questions_stay_text() -> None:
    page = ON + (
        "## What do you use?\n\nA kiln.\n\n**Bonus: what helps you focus?**\n\nQuiet.\n\n"
        "## What would you change?\n\nNothing.\n"
    )
    assert speakers(page) == ["Interviewer", "Guest", "Interviewer", "Guest"]


# Names


def test_a_name_introduced_with_its_initials() -> None:
    source = "**Peter Osei (PO):** Hello?\n\n**Ann Lee (AL):** Hi.\n\n" + alternate("PO", "AL")
    assert speakers(source) == ["Peter Osei", "Ann Lee"] * 3


def test_initials_of_a_declared_speaker() -> None:
    page = "---\nspeakers: [Maya Fenn, Ruth Abebe]\n---\n" + alternate("MF", "RA")
    assert speakers(page) == ["Maya Fenn", "Ruth Abebe"] * 2


def test_a_doubled_colon_is_a_slip() -> None:
    source = alternate("Dana Osei", "Sam Rivera").replace(
        "**Dana Osei:** Question 1", "Dana Osei:: Q1"
    )
    assert speakers(source) == ["Dana Osei", "Sam Rivera"] * 2


# What the page says stays as it says it


def test_sounds_written_as_tags_are_text_and_the_chat_goes_on() -> None:
    source = alternate("Dana Osei", "Sam Rivera").replace("Answer 0.", "Answer 0. <crosstalk>")
    source = source.replace("**Dana Osei:** Question 1", "<laughter>\n\n**Dana Osei:** Q1")
    html, transcript = convert(source)
    assert len(transcript.turns) == 4
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "<laughter>" in text and "<crosstalk>" in text


def test_a_known_element_written_bare_is_left_to_the_browser() -> None:
    source = alternate("Dana Osei", "Sam Rivera").replace("Answer 0.", "Answer <b>0</b>.")
    assert "<b>0</b>" in convert(source)[0]


def test_a_speaker_not_declared_and_like_nobody_declared_is_only_reported() -> None:
    page = "---\nspeakers: [Dana Osei, Sam Rivera]\n---\n" + alternate("Dana Osei", "Sam Rivera")
    page = page.replace("**Dana Osei:** Question 1", "**Xu Li:** A question?\n\n**Dana Osei:** Q")
    transcript = convert(page)[1]
    assert [(d.level, d.message[:7]) for d in transcript.diagnostics] == [("info", "'Xu Li'")]
    typo = page.replace("**Xu Li:**", "**Dana Osie:**")
    assert convert(typo)[1].diagnostics[0].level == "warning"


# The report


def report_site(tmp_path: Path) -> Path:
    pages = {
        "index.md": "# Home\n\n**Note**: nothing here.\n",
        "chat.md": alternate("Dana Osei", "Sam Rivera") + "\n**Break:** \\[24:27\\]\n",
        "talk.md": "---\ninterview: true\n---\n**Camera**: a Leica.\n\n## Why?\n\nBecause.\n",
    }
    plugins = [{"interview": {"report": "interview-report.txt"}}]
    make_site(tmp_path, pages, plugins=plugins)
    return tmp_path


def test_the_report_says_what_was_found_and_why(tmp_path: Path) -> None:
    report = report_of(report_site(tmp_path) / "docs")
    assert report.splitlines()[0] == "3 pages, 2 interviews, 6 turns"
    assert "chat.md: interview (the content is a dialogue)" in report
    assert "  speakers: Dana Osei 2, Sam Rivera 2" in report
    assert "  parts of the show: Break" in report
    assert "index.md: not an interview" in report
    assert "  refused 'Note': a word that names no one" in report
    assert "  refused 'Camera': occurs once, and no one else speaks more than once" in report


def test_the_report_option_writes_it_at_each_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = report_site(tmp_path)
    site_config = make_site(
        tmp_path, {}, plugins=[{"interview": {"report": "interview-report.txt"}}]
    )
    site_config.build()
    written = (tmp_path / "interview-report.txt").read_text(encoding="utf-8")
    assert main(["report", str(site / "docs"), "-f", str(tmp_path / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out == written
    chat = content_of(site_config.html("chat.md"))
    assert words(chat)["Break"] == 1 and chat.select_one(".interview-break") is not None


def test_a_report_that_cannot_be_written_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, plugins=[{"interview": {"report": "folder"}}]
    )
    site.build()
    assert any("report: cannot write 'folder'" in message for message in site.warnings)


def test_parts_of_a_show_without_a_turn_change_nothing() -> None:
    assert untouched(ON + "**Sam Rivera**:\n\nwhy:\n")
    assert untouched(ON + "**Break:** \\[24:27\\]\n\nText.\n")


def test_an_item_in_the_last_answer_stays_in_it() -> None:
    page = ON + (
        "### What hardware do you use?\n\nA Fuji.\n\n**Lens:** 23mm.\n\n"
        "### What software?\n\nDarktable.\n\n**Backup:** Two disks.\n"
    )
    html, transcript = convert(page)
    last = BeautifulSoup(html, "html.parser").select(".interview-turn")[-1]
    assert "Two disks" in last.get_text() and len(transcript.turns) == 4


def test_a_continuing_time_keeps_no_colon() -> None:
    source = (
        "Jon Baker (00:00:20):\nReady?\n\n(00:01:02):\nMore.\n\n"
        "Ann Lee (00:01:10):\nYes.\n\nJon Baker (00:01:20):\nGo?\n\nAnn Lee (00:01:30):\nNo.\n"
    )
    html, transcript = convert(source)
    assert (
        "</time>:" not in html.replace(" ", "")
        and transcript.turns[0].text == "Ready? 00:01:02 More."
    )


def test_a_note_with_a_time_is_a_note() -> None:
    source = alternate("Ann Lee", "Bo Chen").replace(
        "Answer 0.", "\\[inaudible 00:50:27\\] Answer 0."
    )
    html, _ = convert(source)
    assert '<span class="interview-note">[inaudible 00:50:27]</span>' in html


def test_a_role_in_brackets_and_credentials_are_no_part_of_the_name() -> None:
    source = "**Priya Shah (host):** Hi?\n\n**Dana K. Osei, PhD:** Hello.\n\n"
    html, transcript = convert(source + alternate("Priya Shah", "Dana K. Osei, PhD"))
    assert transcript.speakers == ["Priya Shah", "Dana K. Osei, PhD"]
    assert 'data-initials="DO"' in html


def test_liquid_tags_on_lines_of_their_own_inside_turns_are_removed() -> None:
    source = (
        "---\ntags: interview career\n---\n{% raw %}\n**Lou Grant**: Why now?\n"
        "{% include ad.html %}\n\n**Ann Lee**: Because. {% not alone %}\n\n**Lou Grant**: Ok.\n"
        "{% endraw %}\n"
    )
    html, transcript = convert(source)
    assert len(transcript.turns) == 3
    assert "{% raw" not in html and "ad.html" not in html and "endraw" not in html
    assert "{% not alone %}" in html  # inside a sentence: the author's text
    assert transcript.diagnostics[0].message == "removed 3 Liquid tags"
    options, _ = page_options({"tags": "interview"}, keep_liquid=True)
    md = markdown.Markdown(extensions=[InterviewExtension()])
    kept, transcript = convert_page(md, source.split("---\n")[2], options)
    assert "ad.html" in kept and "endraw" in kept and len(transcript.turns) == 3
