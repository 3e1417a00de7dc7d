"""Property tests of the engine on random documents: it never raises, never loses a word,
always writes well-formed HTML and never nests a chat in a chat.

The documents mix speaker lines of every shape with paragraphs, nested lists, code, headings,
tables, raw HTML, emphasis, links, images, entities and many scripts, with and without front
matter that marks them as interviews.

`HYPOTHESIS_PROFILE=ci` (the default when `CI` is set) runs 2,000 examples; `dev`, the local
default, runs 200.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as etree
from collections import Counter
from html import escape
from html.entities import name2codepoint
from unittest.mock import patch

import markdown
from bs4 import BeautifulSoup, CData, NavigableString, Tag
from hypothesis import HealthCheck, Phase, event, example, given, note, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from mkdocs_interview.transcript import InterviewExtension, Transcript, convert, page_options

from .sites import turn_body

_PHASES = [phase for phase in Phase if phase is not Phase.explain]  # explaining takes minutes
settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    phases=_PHASES,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "dev",
    max_examples=200,
    deadline=None,
    phases=_PHASES,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

BASE_EXTENSIONS = ["toc", "tables", "fenced_code", "footnotes", "attr_list", "md_in_html"]
WORD = re.compile(r"\w+")
LIQUID_LINE = re.compile(r"^[ \t]*\{%.*%\}[ \t]*$", re.MULTILINE)
VOID_TAG = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b([^>]*?)/?>"
)
ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
BLOCK_TAGS = frozenset(
    "blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li ol p pre table td th tr ul".split()
)
XML_ENTITIES = frozenset(("amp", "lt", "gt", "quot", "apos"))


# --- Documents -------------------------------------------------------------------------------

NAMES = [
    "Sam Rivera",
    "Sam",
    "Ann Lee",
    "Zoë Müller",
    "李明",
    "J. K. Osei",
    "Priya Nair",
    "Ludwig van Beethoven",
    "O'Brien",
    "Note",
    "Host",
    "Step 1",
    "Tom & Jerry",
    'Ann "Q" Lee',
    "<i>Bo</i> Chen",
    "Ed &amp; Co",
]
WORDS = "hello why Because café naïve Ærø 東京 Привет مرحبا x 3.14 e-mail it's über λόγος Sam Q 🎙"
MARKS = ["", "", ".", ",", "?", "!", ":", ";", " —", "…", " &", " <", " >", ' "', " '"]
FORMS = [
    "{}",
    "{}",
    "{}",
    "{}",
    "*{}*",
    "**{}**",
    "_{}_",
    "[{}](https://example.org/a?b=1&c=2)",
    "![{}](img/a.png)",
    '<span class="x">{}</span>',
]
PIECES = [
    form.format(word + mark)
    for word in WORDS.split()
    for mark in MARKS
    for form in FORMS
    if not (form.startswith("<") and "<" in mark)
] + [
    "`Sam: code`",
    "`**A**: b`",
    "`<b>`",
    "``a ` b``",
    "&amp;",
    "&copy;",
    "&nbsp;",
    "&#169;",
    "&lt;b&gt;",
    "AT&T",
    "a < b",
    "\\*",
    "\\[",
    "\\_",
    "\\`",
    "\\\\",
    "\\#",
    "[00:04:22]",
    "\\[00:04:22.21\\]",
    "(12:05)",
    "12:05 —",
    "[laughs]",
    "\\[unintelligible\\]",
    "\\&amp;",
    "\\&lt;b>",
    "[crosstalk]",
    "[^1]",
    "<br>",
    "{% raw %}",
    "Sam Rivera: glued",
    "\n**⟦1⟧**: glued",
    "\n⟦0⟧: glued",
    "\nQ: glued",
    "\nA: glued",
    "\n- item",
    "{: .x }",
    "\n{: #y }",
]
"""Inline pieces: words of many scripts, emphasis, code, links, images, entities, escapes,
inline HTML, timestamps and stage notes."""

names = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")),
        min_size=1,
        max_size=12,
    ),
)
SLOT = re.compile(r"⟦(\d)⟧")
CAST_SIZE = 4
slots = st.sampled_from([f"⟦{index}⟧" for index in range(CAST_SIZE)])
"""A speaker's name in a generated page, filled in from the page's cast once it is drawn."""

sentences = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map(" ".join)

SHAPES = [
    "**{name}**: {text}",
    "**{name}:** {text}",
    "{name}: {text}",
    "Q: {text}",
    "A: {text}",
    "**Q:** {text}",
    "**A:** {text}",
    "Q. {text}",
    "**Q: {text}?**",
    "**{text}?**",
    "## Q: {text}?",
    "### {text}?",
    "**{name}**:\n\n{text}",
    "{name}\uff1a {text}",
]
"""Speaker lines in the shapes transcripts use."""

speaker_lines = st.builds(
    lambda shape, name, text: shape.format(name=name, text=text),
    st.sampled_from(SHAPES),
    slots,
    sentences,
)


def _indented(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))


def _list(depth: int) -> st.SearchStrategy[str]:
    """A bulleted or numbered list, its items holding speaker lines or lists `depth` deep."""
    text = st.one_of(sentences, speaker_lines)
    item: st.SearchStrategy[tuple[str, str]] = st.tuples(text, st.just(""))
    if depth:
        item = st.tuples(text, st.one_of(st.just(""), _list(depth - 1).map(_indented)))
    return st.builds(
        lambda marker, items: "\n".join(
            f"{marker} {text}" + (f"\n{nested}" if nested else "") for text, nested in items
        ),
        st.sampled_from(["-", "*", "1."]),
        st.lists(item, min_size=1, max_size=3),
    )


lists = _list(3)
tables = st.builds(
    lambda head, body: f"| {head} |\n| --- | --- |\n| {body} |",
    sentences.map(lambda text: text.replace("|", "\\|") + " | x"),
    sentences.map(lambda text: "y | " + text.replace("|", "\\|")),
)
fences = st.builds(
    lambda lang, body: f"```{lang}\n{body}\n```",
    st.sampled_from(["", "python", "text"]),
    st.one_of(speaker_lines, sentences, st.just("**Sam Rivera**: not a turn\nQ: nor this")),
)
raw_html = st.one_of(
    sentences.map(lambda text: f"<div>\n{escape(text, quote=False)}\n</div>"),
    sentences.map(lambda text: f'<div markdown="1">\n{text}\n</div>'),
    speaker_lines.map(lambda text: f'<div markdown="1">\n\n{text}\n\n</div>'),
    sentences.map(lambda text: f"<p>{escape(text, quote=False)}</p>"),
    st.just("<!-- **Sam Rivera**: a comment -->"),
    st.just('<img src="a.png" alt="A">'),
)
blocks = st.one_of(
    speaker_lines,
    sentences,
    lists,
    fences,
    sentences.map(lambda text: "    " + text),  # indented code
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 6), sentences),
    tables,
    raw_html,
    st.one_of(speaker_lines, sentences).map(lambda text: "> " + text),
    st.sampled_from(["---", "***", "{% include toc %}", "[^1]: A footnote.", "Term\n: Meaning"]),
    st.sampled_from(["!!! note\n    **Sam Rivera**: in an admonition", "$$x: y$$"]),
)
"""One block of a page, of any kind Markdown has."""

separators = st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"])
FRONT_MATTER_MARKS = [
    None,
    None,
    "interview: true",
    "interview: true",
    "tags: interview",
    "categories: [interview, talk]",
    "speakers: [Sam Rivera, Ann Lee]",
    "speakers: [{name: Zoë Müller, aliases: [ZM], role: Host, url: /z/}, 李明]",
    "interview: false",
]
FRONT_MATTER_DETAILS = [
    "host: Ann Lee",
    "interviewer: Sam Rivera",
    "interviewee: 李明",
    "media: https://example.org/ep.mp3",
    "media: ../audio/ep.mp3",
    "title: A talk",
]
front_matters = st.builds(
    lambda mark, details: (
        "---\n" + "".join(f"{line}\n" for line in [mark, *details] if line) + "---\n"
        if mark or details
        else ""
    ),
    st.sampled_from(FRONT_MATTER_MARKS),
    st.lists(st.sampled_from(FRONT_MATTER_DETAILS), max_size=3, unique=True),
)
"""No front matter, or one that marks, unmarks or describes an interview."""


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A Markdown page: front matter, an intro, then speaker lines each followed by blocks of
    every kind, glued or apart, spoken by a cast of up to four."""
    cast = draw(st.lists(names, min_size=CAST_SIZE, max_size=CAST_SIZE))
    parts = draw(st.lists(blocks, max_size=2))
    for line, after in draw(
        st.lists(st.tuples(speaker_lines, st.lists(blocks, max_size=2)), min_size=1, max_size=10)
    ):
        parts += [line, *after]
    text = parts[0]
    for part in parts[1:]:
        text += draw(separators) + part
    text = SLOT.sub(lambda match: cast[int(match.group(1))], text)
    return draw(front_matters) + text + draw(st.sampled_from(["", "\n"]))


# --- Rendering and checks -------------------------------------------------------------------


def render(source: str, extensions: list[str], *, plugin: bool) -> tuple[str, Transcript]:
    """Render a page as MkDocs would: front matter split off, then Python-Markdown."""
    content, meta = get_data(source)
    if not plugin:
        return markdown.Markdown(extensions=extensions).convert(content), Transcript()
    md = markdown.Markdown(extensions=[*extensions, InterviewExtension()])
    return convert(md, content, page_options(meta)[0])


def parse(html: str) -> etree.Element:
    """Parse HTML output as XML: void elements closed, HTML entities made numeric."""

    def entity(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in XML_ENTITIES or name not in name2codepoint:
            return match.group(0)
        return f"&#{name2codepoint[name]};"

    xml = VOID_TAG.sub(r"<\1\2/>", html)
    return etree.fromstring(f"<root>{ENTITY.sub(entity, xml)}</root>")


def is_well_formed(html: str) -> bool:
    try:
        parse(html)
    except etree.ParseError:
        return False
    return True


def words_of(soup: BeautifulSoup) -> Counter[str]:
    return Counter(WORD.findall(soup.get_text(" ")))


def reader_text(element: Tag) -> str:
    """The text a reader sees: inline elements run on, blocks stand apart."""
    parts = []
    for child in element.children:
        if isinstance(child, Tag):
            apart = " " if child.name in BLOCK_TAGS else ""
            parts += [apart, reader_text(child), apart]
        elif type(child) in (NavigableString, CData):
            parts.append(str(child))
    return "".join(parts)


def code_of(soup: BeautifulSoup) -> Counter[str]:
    return Counter(str(code) for code in soup.select("code"))


# Python-Markdown can leave a broken inline placeholder in its own output (with or without
# the extension), e.g. for `* [link](url) *x*` inside a paragraph.
PLACEHOLDER_LEAK = re.compile(r"klzzw|wzxhzdk")

EXTENSION_SETS = st.sampled_from(
    [BASE_EXTENSIONS, BASE_EXTENSIONS, [*BASE_EXTENSIONS, "admonition", "def_list"], ["tables"]]
)


@given(source=documents(), extensions=EXTENSION_SETS)
@example(  # a question in bold on a page that is no interview raised a KeyError
    source="**Sam Rivera**: hi\n\n**Ann Lee**: yo\n\n" * 2 + "**Q: Why?**",
    extensions=BASE_EXTENSIONS,
)
@example(  # the second question's Q: went without a turn to name
    source="---\ninterview: true\n---\n**Q: Why?**\n\n**Q: How?**", extensions=BASE_EXTENSIONS
)
@example(  # entities, fenced code and attr_list syntax in a turn's plain text
    source="---\ninterview: true\n---\n**Sam Rivera**: AT&amp;T &lt;b&gt; `a & b`\n\n"
    "```\ncode\n```\n\n**Ann Lee**: hello\n{% include toc %}",
    extensions=BASE_EXTENSIONS,
)
@example(  # a timestamp ran into the emphasis after it
    source="---\ninterview: true\n---\n**Sam Rivera**: [00:04:22] *café*", extensions=["tables"]
)
@example(  # Python-Markdown writes a stray </div> here: no structure to judge
    source="---\ninterview: true\n---\n**Sam Rivera**: hello\n\n**Sam Rivera**: hello\n\n"
    '<div markdown="1">\n\n**Q: λόγος <?**\n\n</div>\n\n**Sam Rivera**: hello\n\n## Q: hello?',
    extensions=BASE_EXTENSIONS,
)
@example(  # Python-Markdown itself leaks a broken placeholder here ("<em> klzzw</em>h:0001")
    source="---\ninterview: true\n---\n**Sam Rivera**: hello\n\nhello\n    - ***0**: hello\n"
    "        * [hello.](https://example.org/a?b=1&c=2) *hello —*",
    extensions=BASE_EXTENSIONS,
)
def test_engine_properties(source: str, extensions: list[str]) -> None:
    """The engine never raises; a page without turns comes out untouched; a page with turns
    keeps every word and all code, is well-formed HTML when the page's own HTML is, never
    nests a chat in a chat or a turn in a turn, and each turn's plain text is what it shows."""
    without, _ = render(source, extensions, plugin=False)
    with_plugin, transcript = render(source, extensions, plugin=True)
    note(with_plugin)
    if not transcript.turns:
        event("no turns")
        assert with_plugin == without
        return
    event("turns")

    before, after = BeautifulSoup(without, "html.parser"), BeautifulSoup(with_plugin, "html.parser")
    lost = words_of(before) - words_of(after)
    replaced = " ".join([*(turn.label for turn in transcript.turns), *LIQUID_LINE.findall(source)])
    assert not lost - Counter(WORD.findall(replaced)), f"lost {sorted(lost)}"

    assert code_of(after) == code_of(before)

    if not is_well_formed(without):
        # Python-Markdown itself wrote broken HTML (a raw `<?` in md_in_html, say); a parser
        # nests what follows at random, so the structure below cannot be judged.
        event("the page's own HTML is not well-formed")
        return
    parse(with_plugin)  # raises if it is not well-formed

    assert not after.select(".interview .interview"), "a chat inside a chat"
    assert not after.select(".interview-turn .interview-turn"), "a turn inside a turn"
    turns = after.select(".interview-turn")
    assert all(
        turn.parent.name == "div" and turn.parent["class"] == ["interview"] for turn in turns
    )
    assert [turn["id"] for turn in turns] == [turn.id for turn in transcript.turns]
    assert [turn["data-speaker"] for turn in turns] == [turn.speaker for turn in transcript.turns]
    if PLACEHOLDER_LEAK.search(without):
        event("Python-Markdown leaks a placeholder of its own")
        return  # the leaked fragment shows in the page but is no text of the turn
    for element, turn in zip(turns, transcript.turns, strict=True):
        body = turn_body(element)
        shown = Counter(WORD.findall(reader_text(body)))
        if turn.time is not None:
            shown -= Counter(WORD.findall(body.select_one(".interview-time").get_text()))
        assert Counter(WORD.findall(turn.text)) == shown, f"{turn.id}: {turn.text!r}"
    assert [turn.id for turn in transcript.turns] == [
        f"turn-{number}" for number in range(1, len(turns) + 1)
    ]


@given(source=documents(), extensions=EXTENSION_SETS)
def test_the_prescreen_changes_nothing(source: str, extensions: list[str]) -> None:
    """A page the prescreen leaves alone is one the engine, reading it in full, would leave
    alone too."""
    screened = render(source, extensions, plugin=True)
    with patch("mkdocs_interview.transcript.extension.may_hold_dialogue", return_value=True):
        read_in_full = render(source, extensions, plugin=True)
    event("left alone" if not read_in_full[1].turns else "turns")
    assert screened[0] == read_in_full[0]
