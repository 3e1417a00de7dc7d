"""Files a real repository holds: broken front matter, odd encodings and line endings, empty
pages, huge transcripts, deep lists. Every page is built; a problem is a warning naming the
file (and the line where known), which `--strict` turns into a failed build; never a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .conftest import FIXTURES
from .sites import Site, content_of, make_site, turn_body

INTERVIEW = (FIXTURES / "interviews" / "jekyll-post.md").read_text(encoding="utf-8")
TURNS = 14  # in INTERVIEW
TURN = (
    "**Sam Rivera**: How did the {n}th winter go, and what did you learn from it?\n\n"
    "**Ann Lee**: Cold, as ever; the lamp needed oil every night and the wind never stopped.\n\n"
)
BIG_TURNS = 2 * (5_000_000 // len(TURN.format(n=0)) + 1)
NESTED_DEPTH = 50


def _big() -> str:
    """A transcript of more than 5 MB."""
    pairs = (TURN.format(n=n) for n in range(BIG_TURNS // 2))
    return "---\ninterview: true\n---\n" + "".join(pairs)


def _many() -> str:
    """10,000 turns, most of them a single short line."""
    names = ("Sam Rivera", "Ann Lee")
    return "---\ninterview: true\n---\n" + "".join(
        f"**{names[n % 2]}**: Turn {n + 1}?\n\n" for n in range(10_000)
    )


def _nested() -> str:
    """A turn holding a list nested 50 deep, the next speaker line glued to its end."""
    items = "".join("    " * depth + f"- level {depth}\n" for depth in range(NESTED_DEPTH))
    return (
        "---\ninterview: true\n---\n**Sam Rivera**: What is in the box?\n\n"
        f"**Ann Lee**: Boxes:\n\n{items}**Sam Rivera**: All the way down?\n"
    )


PAGES: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "invalid-yaml.md": "---\ntitle: [unclosed\ninterview: true\n---\n**Sam Rivera**: Hi?\n",
    "list-yaml.md": "---\n- interview\n- true\n---\n**Sam Rivera**: Hi?\n",
    "lf.md": INTERVIEW,
    "bom.md": "\ufeff" + INTERVIEW,
    "crlf.md": INTERVIEW.replace("\n", "\r\n").encode(),
    "bom-crlf.md": ("\ufeff" + INTERVIEW.replace("\n", "\r\n")).encode(),
    "latin-1.md": INTERVIEW.encode("latin-1"),
    "utf-16.md": INTERVIEW.encode("utf-16"),
    "empty.md": "",
    "front-matter-only.md": "---\ninterview: true\n---\n",
    "title-only.md": "---\ntitle: Nothing else\n---\n",
    "big.md": _big(),
    "many.md": _many(),
    "nested.md": _nested(),
}
FIRST_NON_ASCII_LINE = next(
    number for number, line in enumerate(INTERVIEW.split("\n"), start=1) if not line.isascii()
)
WARNINGS = {
    "invalid-yaml.md": [
        "interview: invalid-yaml.md: front matter is not valid YAML at line 3: "
        "did not find expected ',' or ']'"
    ],
    "list-yaml.md": ["interview: list-yaml.md: front matter must be a mapping of keys to values"],
    "latin-1.md": [
        f"interview: latin-1.md:{FIRST_NON_ASCII_LINE}: not UTF-8 (byte 0xe1); "
        "read as Windows-1252. Save the file as UTF-8."
    ],
    "utf-16.md": [
        "interview: utf-16.md: read as UTF-16 (little-endian), as its byte-order mark says"
    ],
    "front-matter-only.md": [
        "interview: front-matter-only.md: marked as an interview, but no speaker line found"
    ],
}
"""What each bad file is warned about; the others build without a word."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return make_site(tmp_path_factory.mktemp("bad"), PAGES).build()


def chat(site: Site, page: str) -> str:
    found = content_of(site.html(page)).select_one(".interview")
    return str(found) if found is not None else ""


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_page_is_built(site: Site, page: str) -> None:
    assert site.page_path(page).is_file()


def test_warnings_name_the_file(site: Site) -> None:
    assert sorted(site.warnings) == sorted(w for ws in WARNINGS.values() for w in ws)


@pytest.mark.parametrize("page", sorted(WARNINGS))
def test_strict_fails_with_the_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, page: str
) -> None:
    strict = make_site(tmp_path, {"index.md": "# Home\n", page: PAGES[page]}, strict=True)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="1 warnings"):
        strict.build()
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == (
        WARNINGS[page]
    )
    assert not [record for record in caplog.records if record.exc_info]


def test_encodings_and_line_endings_change_nothing(site: Site) -> None:
    """A BOM, CRLF line endings, Latin-1 or UTF-16 give the same chat as plain UTF-8."""
    assert len(site.html("lf.md").select(".interview-turn")) == TURNS
    for page in ("bom.md", "crlf.md", "bom-crlf.md", "latin-1.md", "utf-16.md"):
        assert chat(site, page) == chat(site, "lf.md"), page
    assert "Tomás Ferreira" in chat(site, "latin-1.md")


def test_a_re_read_page_keeps_its_place_on_disk(tmp_path: Path) -> None:
    """Plugins that read a page's history (git dates) need its source path."""
    hook = tmp_path / "hook.py"
    hook.write_text(
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    return markdown + f'\\n\\nsource: {page.file.abs_src_path}\\n'\n"
    )
    pages = {"index.md": "# Home\n", "latin-1.md": PAGES["latin-1.md"]}
    site = make_site(tmp_path, pages, hooks=[str(hook)]).build()
    shown = content_of(site.html("latin-1.md")).get_text()
    assert f"source: {tmp_path / 'docs' / 'latin-1.md'}" in shown
    assert "Tomás Ferreira" in shown


def test_empty_pages(site: Site) -> None:
    for page in ("empty.md", "front-matter-only.md", "title-only.md"):
        assert not site.html(page).select(".interview"), page
    assert content_of(site.html("title-only.md")).get_text().strip() == ""


def test_big_transcript(site: Site) -> None:
    assert len(PAGES["big.md"]) > 5_000_000
    html = site.page_path("big.md").read_text(encoding="utf-8")
    assert html.count('class="interview-turn"') == BIG_TURNS
    assert f'id="turn-{BIG_TURNS}"' in html
    assert html.count("the wind never stopped.</p>") == BIG_TURNS // 2


def test_ten_thousand_turns(site: Site) -> None:
    html = site.page_path("many.md").read_text(encoding="utf-8")
    assert html.count('class="interview-turn"') == 10_000
    assert html.count('data-side="host"') == html.count('data-side="guest"') == 5_000
    assert "<p>Turn 10000?</p>" in html and 'id="turn-10000"' in html


def test_list_nested_fifty_deep(site: Site) -> None:
    turns = content_of(site.html("nested.md")).select(".interview-turn")
    assert [turn["data-speaker"] for turn in turns] == ["Sam Rivera", "Ann Lee", "Sam Rivera"]
    deepest = turn_body(turns[1]).find_all("li")
    assert len(deepest) == NESTED_DEPTH
    assert deepest[-1].get_text(strip=True) == f"level {NESTED_DEPTH - 1}"
    assert turn_body(turns[2]).get_text(strip=True) == "All the way down?"
