"""The documentation site (`docs/`) builds under --strict with the plugin itself: every live
example is shown as Markdown and then rendered as a chat, and the options page documents
every option of `InterviewConfig`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_interview.config import InterviewConfig

REPO = Path(__file__).parent.parent
DOCS = REPO / "docs"
PAGES = DOCS / "pages"
LIVE = re.compile(
    r"^<!-- live(?:: (?P<kind>[^>]*?))? -->\n(?P<fence>`{3,})markdown\n(?P<source>.*?)^(?P=fence)$",
    re.MULTILINE | re.DOTALL,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs built with --strict: any warning, such as a live example that is not a chat
    or an option without a docstring, aborts the build."""
    site_dir = tmp_path_factory.mktemp("docs-site")
    build(load_config(str(DOCS / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def html_of(site: Path, page: Path) -> BeautifulSoup:
    path = page.relative_to(PAGES).with_suffix("")
    built = site / ("index.html" if path.name == "index" else path / "index.html")
    return BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")


def live_pages() -> list[Path]:
    return sorted(page for page in PAGES.rglob("*.md") if LIVE.search(page.read_text("utf-8")))


def rendered_examples(soup: BeautifulSoup) -> list[tuple[Tag | None, list[Tag]]]:
    """For each live example, the block shown just before it and the blocks it rendered to."""
    examples = []
    for start in soup.find_all(string=lambda text: isinstance(text, Comment)):
        if start.strip() != "live example":
            continue
        shown = start.find_previous_sibling(True)
        blocks = []
        for sibling in start.next_siblings:
            if isinstance(sibling, Comment) and sibling.strip() == "end of live example":
                break
            if isinstance(sibling, Tag):
                blocks.append(sibling)
        examples.append((shown, blocks))
    return examples


def test_the_docs_have_live_examples_of_every_kind() -> None:
    kinds = {found["kind"] for page in live_pages() for found in LIVE.finditer(page.read_text())}
    assert kinds == {None, "not a chat", "with this page's front matter"}
    assert len(live_pages()) >= 6


@pytest.mark.parametrize("page", live_pages(), ids=lambda page: str(page.relative_to(PAGES)))
def test_live_examples_are_shown_then_rendered(site: Path, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    sources = list(LIVE.finditer(text))
    front_matter = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
    soup = html_of(site, page)
    examples = rendered_examples(soup)
    assert len(examples) == len(sources)
    for found, (shown, blocks) in zip(sources, examples, strict=True):
        source = found["source"]
        assert shown is not None and "highlight" in (shown.get("class") or [])
        assert source.splitlines()[0] in shown.get_text()  # the Markdown, shown as it is
        turns = [turn for block in blocks for turn in block.select(".interview-turn")]
        if found["kind"] == "not a chat":
            assert not turns, source
            continue
        assert turns, source
        assert {turn["data-side"] for turn in turns} == {"host", "guest"}
        for turn in turns:  # a speaker of this example, named in it or in the page's front matter
            speaker = str(turn["data-speaker"])
            assert speaker in source + front_matter or speaker in ("Interviewer", "Guest")
    # A chat only where an example is.
    all_turns = soup.select(".interview-turn")
    assert len(all_turns) == sum(
        len(block.select(".interview-turn")) for _, blocks in examples for block in blocks
    )


def test_the_options_page_documents_every_option(site: Path) -> None:
    soup = html_of(site, PAGES / "options.md")
    defaults = soup.select_one("article .highlight")
    assert defaults is not None
    for name, option in InterviewConfig._schema:
        heading = soup.find(id=name)
        assert heading is not None and heading.name == "h2", name
        assert name in heading.get_text()
        section = ""
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section += sibling.get_text() + "\n"
        default = "none" if option.default is None else yaml_text(option.default)
        assert f"Default: {default}." in section, name
        assert name in defaults.get_text(), name
        docstring = docstring_of(name)
        first_line = re.sub(r"[`*]", "", docstring.splitlines()[0])
        assert " ".join(first_line.split()) in " ".join(section.split()), name


def yaml_text(value: object) -> str:
    return str(yaml.safe_dump(value, default_flow_style=True)).removesuffix("\n...\n").strip()


def docstring_of(name: str) -> str:
    """The string literal under an option in `config.py`, as written."""
    source = (REPO / "mkdocs_interview" / "config.py").read_text(encoding="utf-8")
    found = re.search(rf'^    {name} = .*?\n    """(.+?)"""', source, re.MULTILINE | re.DOTALL)
    assert found, f"{name} has no docstring"
    return found[1].strip()


def test_the_readme_images_are_files_of_the_repository() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert images
    for image in images:
        assert (REPO / image).is_file(), image
