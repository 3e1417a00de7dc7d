"""The tag scanner that reads stashed raw HTML: how deep a piece leaves the page, and its text."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from mkdocs_interview.transcript.rawhtml import depth_change, stashed_text

from .conftest import convert

ON = "---\ninterview: true\n---\n"


def placeholder_paragraph() -> etree.Element:
    paragraph = etree.Element("p")
    paragraph.text = "\x02wzxhzdk:0\x03"
    return paragraph


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("<div>", 1),
        ("</div>", -1),
        ('<div markdown="1"><p>x</p>', 1),
        ("<div><p>x</p></div>", 0),
        ("<br><img src=x><hr/><input type=checkbox>", 0),
        ("<div/>", 0),
        ("<a href=\"x>y\" title='</a>'>", 1),
        ("<!-- <div> -->", 0),
        ("<!-- <div> never closed", 0),
        ("<script>if (a<b && c>d) {}</script>", 0),
        ("<STYLE>p > a { }</style>", 0),
        ("<script>never closed", 1),
        ("<DIV CLASS=x>", 1),
        ("a < b and c > d", 0),
    ],
)
def test_depth_of_a_stashed_piece(html: str, depth: int) -> None:
    assert depth_change(placeholder_paragraph(), [html]) == depth


def test_only_a_paragraph_that_is_one_placeholder_counts() -> None:
    paragraph = placeholder_paragraph()
    paragraph.text = "see \x02wzxhzdk:0\x03"
    assert depth_change(paragraph, ["<div>"]) == 0
    assert depth_change(etree.Element("div"), ["<div>"]) == 0
    assert depth_change(placeholder_paragraph(), [object()]) == 0


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            '<div class="highlight"><pre><span></span><code><span class="n">a</span>'
            " &lt;b&gt; &amp; c</code></pre></div>",
            "  a <b> & c  ",
        ),
        ("<p>one</p><p>two</p>", " one  two "),
        ("x<!-- hidden -->y<script>var z = '<p>';</script><style>p{}</style>", "xy"),
        ('<span title="a > b">inline</span> text', "inline text"),
    ],
)
def test_the_text_a_reader_sees(html: str, text: str) -> None:
    assert stashed_text(html) == text


def test_code_in_a_turn_keeps_its_text_and_no_markup() -> None:
    _, transcript = convert(
        ON + "**Sam**: Look:\n\n```python\nif a < b:\n    print('<p>')\n```\n\n**Ann**: Yes.\n"
    )
    assert transcript.turns[0].text == "Look: if a < b: print('<p>')"
