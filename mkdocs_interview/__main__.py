"""`python -m mkdocs_interview report DOCS_DIR`: which pages are interviews, and why;
`scaffold DOCS_DIR`: the interviews index and tag pages as Markdown files, for a generator that
cannot add pages (Zensical); `css [DIR]`: the stylesheet's path, or a copy of it in `DIR`."""

from __future__ import annotations

import argparse
import html
import io
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .plugin import InterviewPlugin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mkdocs_interview")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="report what the plugin finds on each page")
    report.add_argument("docs_dir", type=Path, help="the docs to read")
    report.add_argument(
        "-f", "--config-file", type=Path, help="the site's mkdocs.yml (default: plain settings)"
    )
    scaffold = commands.add_parser(
        "scaffold", help="write the interviews index and tag pages as Markdown files"
    )
    scaffold.add_argument("docs_dir", type=Path, help="the docs to read and write into")
    css = commands.add_parser("css", help="print the stylesheet's path, or copy it into DIR")
    css.add_argument("dir", type=Path, nargs="?", help="where to copy interview/interview.css")
    arguments = parser.parse_args(argv)
    if arguments.command == "scaffold":
        for line in scaffold_pages(arguments.docs_dir):
            print(line)
    elif arguments.command == "css":
        print(copy_stylesheet(arguments.dir) if arguments.dir else STYLESHEET)
    else:
        sys.stdout.write(report_of(arguments.docs_dir, arguments.config_file))
    return 0


STYLESHEET = Path(__file__).parent / "templates" / "interview" / "interview.css"


def copy_stylesheet(folder: Path) -> Path:
    """Copy the stylesheet to `folder/interview/interview.css`, the path the plugin serves it
    at; return where it went."""
    target = folder / "interview" / "interview.css"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, target)
    return target


def scaffold_pages(docs_dir: Path) -> list[str]:
    """Write the pages the plugin would add (the interviews index, the tag index, a page per
    tag) into `docs_dir` as Markdown files holding its markers; a page already there is kept.
    Return what was done, a line a page."""
    from .config import InterviewConfig
    from .folder import folder
    from .tags import tag_page_path

    settings = InterviewConfig()
    settings.load_dict({})
    settings.validate()
    index_page, tags_page = settings.index_page, settings.tags_page
    assert index_page is not None and tags_page is not None  # the defaults
    read = folder(docs_dir)
    pages = [
        (index_page, settings.index_title, "<!-- interview:cards -->"),
        (tags_page, settings.tags_title, "<!-- interview:tags -->"),
    ]
    pages += [
        (
            tag_page_path(tags_page, tag),
            tag.name,
            f"<!-- interview:cards tag={tag.slug} -->",
        )
        for tag in read.catalog.tags.sorted()
    ]
    done = []
    for path, title, marker in pages:
        target = docs_dir / path
        if target.exists():
            done.append(f"kept {path}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        front_matter = yaml.safe_dump({"title": title}, allow_unicode=True)
        heading = html.escape(title).replace("*", "\\*").replace("_", "\\_")
        target.write_text(f"---\n{front_matter}---\n\n# {heading}\n\n{marker}\n", encoding="utf-8")
        done.append(f"wrote {path}")
    return done


def report_of(docs_dir: Path, config_file: Path | None = None) -> str:
    """Build the docs into a scratch folder and return the plugin's report on them."""
    with tempfile.TemporaryDirectory() as site_dir:
        overrides = {"docs_dir": str(docs_dir.resolve()), "site_dir": site_dir}
        if config_file is not None:
            config = load_config(str(config_file), **overrides)
        else:
            settings = yaml.safe_dump({"site_name": "report", "plugins": ["interview"]})
            config = load_config(io.StringIO(settings), **overrides)
        plugin = next((p for p in config.plugins.values() if isinstance(p, InterviewPlugin)), None)
        if plugin is None:
            raise SystemExit("the site does not use the interview plugin")
        plugin.reporting = True
        build(config)
        return plugin.report.text()


if __name__ == "__main__":
    raise SystemExit(main())
