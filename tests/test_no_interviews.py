"""A site without interviews is built as if the plugin were not there: no pages, export or
stylesheet link of its own, and its navigation as the author's docs make it."""

from __future__ import annotations

import subprocess
import sys
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
ENGINE_MODULES = (
    "detect",
    "labels",
    "segment",
    "render",
    "excerpt",
    "markers",
    "rawhtml",
    "colours",
)
"""The engine's modules that read and rewrite a page's tree."""
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
    assert sorted(set(ours) - set(theirs)) == ["interview/interview.css", "interview/player.js"]
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


LAZY = (
    *(f"mkdocs_interview.transcript.{name}" for name in ENGINE_MODULES),
    "mkdocs_interview.captions",
    "mkdocs_interview.cards",
    "mkdocs_interview.export",
    "mkdocs_interview.head",
    "frontmatter",
)
"""What a build of a site without interviews has no use for: the engine's tree work, the
caption parsers, the cards, the export, the social meta, python-frontmatter."""
_MODULES_AFTER_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config("mkdocs.yml"))
print("\\n".join(sorted(sys.modules)))
"""
ORDINARY_SITE = {
    "index.md": "# Home\n\nA site about boats. See the [guide](guide.md).\n",
    "guide.md": (
        "---\ntitle: Guide\ntags: [boats, sails]\ndescription: How to sail\n---\n"
        "# Guide\n\nNote: read this first.\n\n<!-- a comment -->\n\n"
        "```yaml\nsite_name: Boats\ntheme: material\nnav: []\nplugins: []\n```\n\n"
        "| Part | Use |\n| --- | --- |\n| Mast | Holds the sail |\n"
    ),
    "data/boats.json": '{"boats": ["sloop", "ketch"]}\n',
}


def _modules_after_build(root: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER_BUILD],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


def test_a_site_without_interviews_never_loads_what_renders_them(tmp_path: Path) -> None:
    site = make_site(tmp_path, ORDINARY_SITE, plugins=["search", "interview"])
    loaded = _modules_after_build(site.root)
    assert "mkdocs_interview.plugin" in loaded
    assert sorted(loaded.intersection(LAZY)) == []


def test_an_interview_loads_the_engine(tmp_path: Path) -> None:
    pages = {**ORDINARY_SITE, "talk.md": "---\ntags: [interview]\n---\n# Talk\n\n" + CHAT}
    site = make_site(tmp_path, pages, plugins=["search", "interview"])
    loaded = _modules_after_build(site.root)
    assert {"mkdocs_interview.transcript.detect", "mkdocs_interview.cards"} <= loaded
