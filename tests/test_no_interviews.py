"""A site without interviews is built as if the plugin were not there: no pages, export or
stylesheet link of its own, and its navigation as the author's docs make it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES
from .sites import THEMES, make_site

ORDINARY = {
    f"ordinary/{path.name}": path.read_text(encoding="utf-8")
    for path in sorted((FIXTURES / "ordinary").glob("*.md"))
    if path.stem != "jekyll-page"  # its `tags: a b` become a list, which Material's search reads
}
PAGES = {"index.md": "# Home\n\nSee the [guide](ordinary/).\n", **ORDINARY}
CHAT = "**Sam Rivera**: Why?\n\n**Ann Lee**: Because.\n\n" * 2


@pytest.mark.parametrize("theme", THEMES)
def test_a_site_without_interviews_is_built_as_without_the_plugin(
    tmp_path: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the mkdocs theme stamps the date
    plain = make_site(tmp_path / "plain", PAGES, theme=theme, plugins=["search"]).build()
    site = make_site(tmp_path / "with", PAGES, theme=theme, plugins=["search", "interview"])
    site.build()
    assert site.warnings == []
    ours = site.output()
    theirs = plain.output()
    assert sorted(set(ours) - set(theirs)) == ["interview/interview.css"]
    assert [name for name in theirs if ours[name] != theirs[name]] == []


@pytest.mark.parametrize("theme", THEMES)
def test_one_interview_brings_the_index_into_the_navigation(tmp_path: Path, theme: str) -> None:
    pages = {
        **PAGES,
        "talks/first.md": "---\ncategories: [interview]\ntags: [craft]\n---\n# First\n\n" + CHAT,
    }
    site = make_site(tmp_path, pages, theme=theme).build()
    assert (site.site_dir / "interviews" / "index.html").is_file()
    assert (site.site_dir / "tags" / "craft" / "index.html").is_file()
    assert (site.site_dir / "interviews.json").is_file()
    home = str(site.html("index.md"))
    assert 'href="interviews/"' in home
