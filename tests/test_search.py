"""Search plugins index a chat page as its HTML reads without the chat's wrappers: the same
sections, titles and text, with the speakers' names kept as text; other plugins and the
templates see the chat."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .sites import make_site

PAGE = "interviews/heading-questions.md"
HOOKS = '''
import copy
import json
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.plugins import event_priority

SEEN = {}


@event_priority(-100)
def on_page_context(context, page, config, nav):
    """What a search plugin would index if the chat's wrappers were never there."""
    if "interview-turn" not in page.content:
        return
    soup = BeautifulSoup(page.content, "html.parser")
    for wrapper in soup.select("div.interview, div.interview-turn"):
        wrapper.unwrap()
    for avatar in soup.select("img.interview-avatar"):
        avatar.decompose()
    search = next(plugin for name, plugin in config.plugins.items() if "search" in name)
    index = type(search.search_index)(**search.config)
    lean = copy.copy(page)
    lean.content = str(soup)
    index.add_entry_from_context(lean)
    entries = getattr(index, "entries", None) or getattr(index, "_entries")
    SEEN[page.url] = {"entries": entries, "chat": page.content}
    Path(config.config_file_path).with_name("expected.json").write_text(json.dumps(SEEN))


@event_priority(100)
def on_post_page(output, page, config):
    """Other plugins see the chat."""
    if page.url in SEEN:
        assert SEEN[page.url]["chat"] in output
'''

CASES = [
    ("mkdocs", ["search", "interview"]),
    ("mkdocs", ["interview", "search"]),
    ("material", ["search", "interview"]),
    ("material", ["interview", "search"]),
]


@pytest.mark.parametrize(("theme", "plugins"), CASES)
def test_search_indexes_the_page_without_chat_wrappers(
    tmp_path: Path, theme: str, plugins: list[str]
) -> None:
    source = (FIXTURES / PAGE).read_text(encoding="utf-8")
    site = make_site(tmp_path, {PAGE: source}, theme=theme, plugins=plugins, hooks=["hooks.py"])
    (tmp_path / "hooks.py").write_text(HOOKS, encoding="utf-8")
    site.build()
    assert site.warnings == []
    expected = json.loads((tmp_path / "expected.json").read_text(encoding="utf-8"))
    ((url, seen),) = expected.items()
    assert 'class="interview-turn"' in seen["chat"]
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    entries = [entry for entry in index["docs"] if entry["location"].startswith(url)]
    assert entries == seen["entries"]
    # Each question heading is its own section, its answer in it and not before it.
    sections = {entry["title"]: entry["text"] for entry in entries}
    assert "Because they were cheap" in sections["Why buy machines nobody else wanted?"]
    assert "Because they were cheap" not in sections["Q: How did the arcade start?"]
    assert "Bao Tran" in sections["Q: How did the arcade start?"]  # the speaker's name as text
    assert "interview-turn" in site.page_path(PAGE).read_text(encoding="utf-8")


def test_names_leave_their_paragraphs_only_for_an_indexer_of_text() -> None:
    from mkdocs_interview.search import SearchView
    from mkdocs_interview.transcript.lean import without_chat

    chat = (
        '<p>Intro</p><div class="interview"><div class="interview-turn" id="turn-1">'
        '<img class="interview-avatar" src="a.png" alt=""><p class="interview-speaker">'
        'Dana <span class="interview-role">host</span></p><p>Hello?</p></div></div>'
    )
    assert without_chat(chat) == (
        '<p>Intro</p><p class="interview-speaker">Dana <span class="interview-role">host</span>'
        "</p><p>Hello?</p>"
    )
    assert without_chat(chat, name_paragraphs=False) == (
        '<p>Intro</p>Dana <span class="interview-role">host</span></p><p>Hello?</p>'
    )
    assert not SearchView(["search", "interview"]).name_paragraphs
    assert SearchView(["material/search", "interview"]).name_paragraphs
    assert SearchView(["search", "material/search"]).name_paragraphs


def test_mkdocs_search_reads_the_same_text_with_names_out_of_their_paragraphs() -> None:
    from mkdocs.contrib.search.search_index import ContentParser

    from mkdocs_interview.transcript.lean import without_chat

    def turn(number: int, name: str, body: str) -> str:
        head = f'<p class="interview-speaker">{name}</p>'
        return f'<div class="interview-turn" id="turn-{number}">{head}{body}</div>'

    # A turn that says nothing puts two names side by side.
    chat = (
        '<h2 id="a">A</h2><div class="interview">'
        + turn(1, "Interviewer", "")
        + turn(2, "Elaine Ou", "<p>Ok, cool.</p><ul><li>one</li></ul>")
        + '</div><h2 id="b">B</h2><div class="interview">'
        + turn(3, "Dana", "<h3>Why?</h3><p>Because.</p>")
        + "</div>"
    )

    def sections(html: str) -> list[tuple[str, str]]:
        parser = ContentParser()
        parser.feed(html)
        parser.close()
        return [(" ".join(s.title), " ".join(s.text)) for s in parser.data]

    kept = sections(without_chat(chat))
    assert sections(without_chat(chat, name_paragraphs=False)) == kept
    assert kept[0] == ("A", "Interviewer Elaine Ou Ok, cool. one")
