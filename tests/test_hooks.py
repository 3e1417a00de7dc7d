"""The hooks' shortcuts write what the long way writes: the export's turns as the JSON encoder
writes them, one copy of a page for what goes into its `<head>`, each page read once, and no
YAML parsed where the front matter cannot mark a page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File, Files

from mkdocs_interview.encoding import read_pages
from mkdocs_interview.export import turns_json
from mkdocs_interview.frontmatter import front_matter_of, may_mark
from mkdocs_interview.stylesheet import HEAD_END, into_head
from mkdocs_interview.transcript import Turn, page_options

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

times = st.none() | st.integers() | st.floats() | st.booleans()
turns = st.builds(
    Turn,
    id=st.text(),
    speaker=st.sampled_from(["Ana", 'Bo "B"', "Cé\\d", ""]) | st.text(),
    side=st.sampled_from(["host", "guest"]),
    time=times,
    text=st.text(),
)


@given(st.lists(turns, max_size=6))
def test_turns_are_written_as_the_json_encoder_writes_them(page: list[Turn]) -> None:
    expected = [
        {"id": t.id, "speaker": t.speaker, "side": t.side, "time": t.time, "text": t.text}
        for t in page
    ]
    assert turns_json(page) == _ENCODE(expected)


heads = st.lists(
    st.sampled_from(["<head>", "</head>", "</HEAD >", "</head\n>", "</hea", "<link", "x", "\n"]),
    max_size=8,
).map("".join)


@given(heads, st.data())
def test_into_head_inserts_where_the_slices_would(output: str, data: st.DataObject) -> None:
    end = HEAD_END.search(output)
    if end is None:
        return
    at = data.draw(st.integers(0, end.start()))
    expected = output[:at] + "<L>" + output[at : end.start()] + "<M>" + output[end.start() :]
    assert into_head(output, end, at, "<L>", "<M>") == expected


KEYS = ["interview", "Interview", "tags", "categories", "speakers", "title", "date"]
VALUES = st.recursive(
    st.none() | st.booleans() | st.sampled_from(["interview", "INTERVIEW", "a b"]) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner),
    max_leaves=6,
)


@given(st.dictionaries(st.sampled_from(KEYS) | st.text(), VALUES), st.booleans())
def test_front_matter_that_may_not_mark_does_not(meta: dict[str, object], unicode: bool) -> None:
    text = f"---\n{yaml.safe_dump(meta, allow_unicode=unicode)}---\n\nBody: an interview\n"
    if not may_mark(text):
        options, _ = page_options(front_matter_of(text), "auto")
        assert options.mode != "on"


def test_what_may_mark() -> None:
    assert may_mark("---\ninterview: true\n---\n")
    assert may_mark("---\ntags: [Interview]\n---\n")
    assert may_mark('---\ntags: ["\\x49nterview"]\n---\n')  # an escape
    assert may_mark("---\nspeakers: [a, b]\n---\n")
    assert may_mark("Tags: interview\nTitle: x\n\nBody\n")  # MultiMarkdown
    assert not may_mark("Title: x\n\nAn interview, speakers and all.\n")
    assert not may_mark("---\ntitle: x\n---\n\nAn interview\n")
    assert not may_mark("**Ana:** Hello.\n\n**Bo:** Hi, and welcome to the interview.\n")


def test_pages_are_read_as_mkdocs_reads_them(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    contents = {
        "crlf.md": b"a\r\nb\r\n",
        "cr.md": b"a\rb\r\r\n",
        "bom.md": b"\xef\xbb\xbfa\n",
        "latin.md": b"caf\xe9\r\n",
    }
    for name, data in contents.items():
        (docs / name).write_bytes(data)
    files = Files([File(name, str(docs), str(tmp_path / "site"), False) for name in contents])
    texts, problems = read_pages(files)
    assert texts == {file.src_uri: file.content_string for file in files}
    assert texts["latin.md"] == "café\n"
    assert [re.sub(r":.*", "", problem) for problem in problems] == ["latin.md"]
