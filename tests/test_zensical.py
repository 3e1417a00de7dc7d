"""Without the plugin: the extension under Zensical, MkDocs and Python-Markdown alone reads a
page's front matter as the plugin does, fills the markers from a docs folder, and tells what is
wrong; the example site builds under Zensical with MkDocs' turns; ProperDocs builds MkDocs'
site byte for byte but for the generator tag."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_interview.__main__ import STYLESHEET, main
from mkdocs_interview.markdown import SiteExtension
from mkdocs_interview.transcript import InterviewExtension, transcript_of

from .sites import make_site

ROOT = Path(__file__).parent.parent
EXAMPLE_SITE = ROOT / "example-site"
TWO_TURNS = "**Sam Lee**: Hi?\n\n**Ann Park**: Hello.\n"
LISTED = "---\ninterview: true\nspeakers:\n  - Sam Lee\n  - Ann Park\n---\n" + TWO_TURNS


def run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command with this checkout's package first on the path."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True, text=True)


def turns(html: str) -> list[tuple[str, str, str | None]]:
    """Each turn's speaker, side and media link, in order."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for turn in soup.select(".interview-turn"):
        link = turn.select_one("a.interview-time")
        found.append((turn["data-speaker"], turn["data-side"], link["href"] if link else None))
    return found


# Python-Markdown alone


def test_a_yaml_front_matter_is_read_as_the_plugin_reads_it() -> None:
    md = markdown.Markdown(extensions=["mkdocs_interview.markdown"])
    html = md.convert(LISTED)
    assert [turn.speaker for turn in transcript_of(md).turns] == ["Sam Lee", "Ann Park"]
    assert "<ul>" not in html and "<hr" not in html and "speakers" not in html
    tagged = "---\ntags: [interview, craft]\n---\n**Sam**: Hi.\n\nA line.\n"
    assert transcript_of(_converted(tagged)).turns  # a tag marks it; one label is enough then
    jekyll = "---\ntags: interview career\n---\n**Sam**: Hi.\n\nA line.\n"
    assert transcript_of(_converted(jekyll)).turns
    off = "---\ninterview: false\n---\n" + TWO_TURNS + "\n" + TWO_TURNS
    assert not transcript_of(_converted(off)).turns


def test_the_meta_extension_listed_too_changes_nothing() -> None:
    md = markdown.Markdown(extensions=["meta", "mkdocs_interview.markdown"])
    assert markdown.markdown(LISTED, extensions=["mkdocs_interview.markdown"]) == md.convert(LISTED)


def test_warnings_name_the_line_of_the_file(caplog: pytest.LogCaptureFixture) -> None:
    page = "---\nspeakers: [Sam Lee, Ann Park]\n---\n" + TWO_TURNS + "\n**Sam Leee**: Oops.\n"
    _converted(page)
    assert "interview: line 8: 'Sam Leee' speaks but is not among the page's speakers; did you" in (
        caplog.text
    )
    _converted("---\ninterview: true\n---\nNo one speaks.\n")
    assert "interview: marked as an interview, but no speaker line found" in caplog.text
    _converted("---\ntitle: [unclosed\n---\n" + TWO_TURNS)
    assert "interview: front matter is not valid YAML at line 3" in caplog.text


def _converted(text: str) -> markdown.Markdown:
    md = markdown.Markdown(extensions=[InterviewExtension()])
    md.convert(text)
    return md


# MkDocs without the plugin


def test_mkdocs_without_the_plugin_reads_the_page_front_matter(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = "---\ntags: interview craft\nspeakers: [Sam Lee, Ann Park]\n---\n" + TWO_TURNS
    site = make_site(
        tmp_path,
        {"index.md": page, "talk.md": page + "\n**Sam Leee**: Oops.\n"},
        plugins=[],
        markdown_extensions=["mkdocs_interview.markdown"],
    ).build()
    assert turns(str(site.html("index.md"))) == [
        ("Sam Lee", "host", None),
        ("Ann Park", "guest", None),
    ]
    assert "interview: talk.md:9: 'Sam Leee' speaks but is not among" in caplog.text


# A docs folder's cards and tags


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "talks").mkdir(parents=True)
    (docs / "talks" / "ada.md").write_text(
        "---\ntitle: Ada <b>Quinn</b>\ndate: 2024-05-02\ntags: [organs, interview]\n---\n"
        "Ada repairs organs.\n\n" + TWO_TURNS,
        encoding="utf-8",
    )
    (docs / "talks" / "bo.md").write_text(
        "---\ninterview: true\ntags: bees\n---\n# Bo Chen\n\n" + TWO_TURNS, encoding="utf-8"
    )
    (docs / "plain.md").write_text(TWO_TURNS * 2, encoding="utf-8")  # by content alone
    return docs


def test_markers_are_filled_from_the_docs_folder(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    main(["scaffold", str(docs)])
    extension = SiteExtension(docs_dir=str(docs))
    index = (docs / "interviews" / "index.md").read_text(encoding="utf-8")
    cards = BeautifulSoup(markdown.markdown(index, extensions=[extension]), "html.parser")
    assert [a.get_text() for a in cards.select(".interview-card-title a")] == [
        "Ada <b>Quinn</b>",
        "Bo Chen",
    ]
    assert cards.select_one(".interview-card-title a")["href"] == "talks/ada/"
    assert cards.select_one(".interview-card-excerpt").get_text() == "Ada repairs organs."
    tags = (docs / "tags" / "index.md").read_text(encoding="utf-8")
    listed = BeautifulSoup(markdown.markdown(tags, extensions=[extension]), "html.parser")
    assert [a["href"] for a in listed.select("a")] == ["tags/bees/", "tags/organs/"]
    (docs / "talks" / "bo.md").write_text("# Bo Chen\n", encoding="utf-8")
    again = markdown.markdown(index, extensions=[SiteExtension(docs_dir=str(docs))])
    assert "Bo Chen" not in again  # a changed file is read again


def test_scaffold_keeps_pages_and_escapes_names(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "tags").mkdir()
    (docs / "tags" / "index.md").write_text("# My tags\n", encoding="utf-8")
    (docs / "talks" / "bo.md").write_text(
        "---\ninterview: true\ntags: ['<i>x</i>']\n---\n" + TWO_TURNS, encoding="utf-8"
    )
    main(["scaffold", str(docs)])
    assert (docs / "tags" / "index.md").read_text(encoding="utf-8") == "# My tags\n"
    [written] = (docs / "tags").glob("i-x-i*.md")
    page = written.read_text(encoding="utf-8")
    assert (
        "# &lt;i&gt;x&lt;/i&gt;" in page and f"<!-- interview:cards tag={written.stem} -->" in page
    )
    assert "<i>" not in markdown.markdown(page, extensions=["mkdocs_interview.markdown"])


def test_css_is_one_command_away(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["css"])
    assert Path(capsys.readouterr().out.strip()) == STYLESHEET
    main(["css", str(tmp_path)])
    assert (tmp_path / "interview" / "interview.css").read_bytes() == STYLESHEET.read_bytes()


# The example site under Zensical, and under ProperDocs


def build_example_site(program: str, site: Path) -> None:
    """Build the example site into `site` with `program` (`mkdocs`, or a program that reads
    the same `mkdocs.yml`)."""
    run(
        sys.executable,
        "-m",
        program,
        "build",
        "-q",
        "-f",
        "mkdocs.yml",
        "-d",
        str(site),
        cwd=EXAMPLE_SITE,
    )


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    build_example_site("mkdocs", site)
    return site


@pytest.mark.skipif(find_spec("zensical") is None, reason="Zensical is not installed")
def test_the_example_site_under_zensical(tmp_path: Path, mkdocs_site: Path) -> None:
    project = tmp_path / "example-site"
    shutil.copytree(EXAMPLE_SITE, project, ignore=shutil.ignore_patterns("site"))
    run(sys.executable, "-m", "mkdocs_interview", "scaffold", "docs", cwd=project)
    run(sys.executable, "-m", "mkdocs_interview", "css", "docs", cwd=project)
    built = run(sys.executable, "-m", "zensical", "build", "--clean", cwd=project)
    assert "interview:" not in built.stderr  # no warning of the extension's
    site = project / "site"
    pages = sorted((EXAMPLE_SITE / "docs").rglob("*.md"))
    compared = 0
    for source in pages:
        path = source.relative_to(EXAMPLE_SITE / "docs").with_suffix("")
        html = Path(*path.parts[:-1], "index.html") if path.name == "index" else path / "index.html"
        expected = turns((mkdocs_site / html).read_text(encoding="utf-8"))
        assert turns((site / html).read_text(encoding="utf-8")) == expected, html
        compared += len(expected)
    assert compared == 95
    cards = BeautifulSoup(
        (site / "interviews/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    theirs = BeautifulSoup(
        (mkdocs_site / "interviews/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    # Of the plugin's cards, all but a caption file's page and a page that is an interview by
    # its content alone.
    titles = [a["href"] for a in cards.select(".interview-card-title a")]
    assert titles == [
        a["href"]
        for a in theirs.select(".interview-card-title a")
        if a["href"] not in ("../shows/organ-builder/", "podcast-episode-12/")
    ]
    assert (
        len(
            BeautifulSoup(
                (site / "tags/index.html").read_text(encoding="utf-8"), "html.parser"
            ).select(".interview-tag-index a")
        )
        > 3
    )
    assert (site / "interview" / "interview.css").read_bytes() == STYLESHEET.read_bytes()


_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.skipif(find_spec("properdocs") is None, reason="ProperDocs is not installed")
def test_properdocs_builds_the_mkdocs_site_byte_for_byte(tmp_path: Path, mkdocs_site: Path) -> None:
    site = tmp_path / "site"
    build_example_site("properdocs", site)
    theirs = sorted(
        path.relative_to(mkdocs_site) for path in mkdocs_site.rglob("*") if path.is_file()
    )
    assert sorted(path.relative_to(site) for path in site.rglob("*") if path.is_file()) == theirs
    for path in theirs:
        expected = _GENERATOR.sub(b"", (mkdocs_site / path).read_bytes())
        assert _GENERATOR.sub(b"", (site / path).read_bytes()) == expected, path
