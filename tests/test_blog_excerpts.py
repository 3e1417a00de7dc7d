"""Every render of a page agrees with the page: Material's blog renders each post's excerpt
again, with its own Markdown, on the blog's index, archive and category pages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from .sites import Site, make_site

pytest.importorskip("material")

CHAT_POST = """---
date: 2024-05-02
categories: [interview]
---
# Ann meets Bo

Ann Lee talks to Bo Chen about boats.

**Ann Lee:** How did you start?

**Bo Chen:** By sweeping the floor of a boatyard.

<!-- more -->

**Ann Lee:** And then?

**Bo Chen:** Then I built one.
"""

QA_POST = """---
date: 2024-04-01
interview: true
---
# Questions for Dee

Q: What do you make?

A: Sails, mostly.

Q: For whom?

A: For anyone with a mast.

<!-- more -->

Q: And next?

A: A bigger loft.
"""

SECOND_CHAT = """---
date: 2024-03-01
tags: [interview]
---
# Cy and Eve

**Cy:** Where were you?

**Eve:** At sea, for a year.

**Cy:** Was it long?

**Eve:** Not long enough.

<!-- more -->

The rest.
"""


def blog(tmp_path: Path, posts: dict[str, str], **interview: Any) -> Site:
    pages = {"index.md": "# Home\n", "blog/index.md": "# Blog\n"}
    pages.update({f"blog/posts/{name}": text for name, text in posts.items()})
    plugin: Any = {"interview": interview} if interview else "interview"
    return make_site(tmp_path, pages, theme="material", plugins=["search", "blog", plugin]).build()


def turns_of(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (str(turn.get("data-speaker")), str(turn.get("id")))
        for turn in soup.select(".interview-turn")
    ]


def duplicate_ids(soup: BeautifulSoup) -> list[str]:
    counts = Counter(str(element["id"]) for element in soup.select("[id]"))
    return sorted(name for name, count in counts.items() if count > 1)


def test_excerpts_show_the_chat_their_posts_show(tmp_path: Path) -> None:
    site = blog(tmp_path, {"chat.md": CHAT_POST, "qa.md": QA_POST, "cy.md": SECOND_CHAT})
    posts = {  # at dated URLs
        path.parent.name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in (site.site_dir / "blog").glob("20*/**/index.html")
    }
    assert len(posts) == 3
    qa = next(soup for name, soup in posts.items() if "questions" in name)
    assert [speaker for speaker, _ in turns_of(qa)] == ["Interviewer", "Guest"] * 3
    index = site.html("blog/index.md")
    speakers = [speaker for speaker, _ in turns_of(index)]
    # Each excerpt: the turns before `<!-- more -->`, as on the post's page.
    assert speakers == [
        *("Ann Lee", "Bo Chen"),
        *("Interviewer", "Guest") * 2,
        *("Cy", "Eve") * 2,
    ]
    assert duplicate_ids(index) == []
    ids = [turn_id for _, turn_id in turns_of(index)]
    assert ids[:2] == ["blog-posts-chat-turn-1", "blog-posts-chat-turn-2"]
    for soup in posts.values():  # a post's own ids are unchanged
        assert [turn_id for _, turn_id in turns_of(soup)][:2] == ["turn-1", "turn-2"]
    assert not [w for w in site.warnings if "interview" in w.lower()]


def test_detection_off_keeps_excerpts_plain_too(tmp_path: Path) -> None:
    site = blog(tmp_path, {"chat.md": CHAT_POST, "cy.md": SECOND_CHAT}, detection="off")
    assert turns_of(site.html("blog/index.md")) == []
    for path in (site.site_dir / "blog").glob("20*/**/index.html"):
        assert "interview-turn" not in path.read_text(encoding="utf-8")


def test_a_post_left_alone_is_left_alone_in_its_excerpt(tmp_path: Path) -> None:
    plain = CHAT_POST.replace("categories: [interview]", "interview: false")
    site = blog(tmp_path, {"chat.md": plain})
    assert turns_of(site.html("blog/index.md")) == []


def test_search_reads_excerpts_without_the_chat(tmp_path: Path) -> None:
    import json

    site = blog(tmp_path, {"chat.md": CHAT_POST})
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("blog/"))
    assert "interview-turn" not in text and "By sweeping the floor" in text
