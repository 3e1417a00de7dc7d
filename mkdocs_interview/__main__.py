"""`python -m mkdocs_interview report DOCS_DIR`: which pages are interviews, and why."""

from __future__ import annotations

import argparse
import io
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
    arguments = parser.parse_args(argv)
    sys.stdout.write(report_of(arguments.docs_dir, arguments.config_file))
    return 0


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
