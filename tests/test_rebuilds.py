"""Builds are reproducible: two builds of a site are byte-identical, and `mkdocs serve`
rebuilding with one plugin instance gives the same output every time without holding on to
memory."""

from __future__ import annotations

import gc
import itertools
import logging
import os
import pathlib
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .sites import make_site
from .test_build import fixture_pages

CARDS = "# Home\n\n<!-- interview:cards -->\n\n<!-- interview:tags -->\n"
CAPTIONS = FIXTURES / "captions" / "organ-builder.vtt"
REBUILDS = 20
MEASURED_AT = (5, 12, 20)
MEMORY_TOLERANCE = 128 * 1024
"""Bytes the traced memory may grow over seven or eight rebuilds: MkDocs and Jinja keep a few
small caches; one page's tree, or a catalog kept from build to build, is more."""
NOT_INTERNED = tracemalloc.Filter(False, pathlib.__file__)
"""pathlib interns every part of every path; the interpreter's table of interned strings grows
by reallocating itself whole (megabytes, after a test session's many paths), in whichever
build happens to fill it: no memory a build keeps."""


def site_pages() -> dict[str, str | bytes]:
    """Every fixture and golden page, dated and tagged interviews for cards and tag pages, and
    a caption file that becomes a page."""
    pages: dict[str, str | bytes] = {**fixture_pages(), "index.md": CARDS}
    pages["talks/organ-builder.vtt"] = CAPTIONS.read_bytes()
    pages["talks/organ-builder.yml"] = "title: The organ builder\ndate: 2024-05-02\ntags: [craft]\n"
    return pages


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Two checkouts in different folders, built by two processes with different hash seeds:
    no set order, absolute path or build-time stamp gets into the output."""
    builds = []
    for seed in ("1", "2"):
        make_site(tmp_path / seed, site_pages(), theme="material")
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        builds.append(subprocess.Popen(command, cwd=tmp_path / seed, env=env))
    assert [build.wait(timeout=300) for build in builds] == [0, 0]
    first, second = (
        {
            str(path.relative_to(tmp_path / seed / "site")): path.read_bytes()
            for path in sorted((tmp_path / seed / "site").rglob("*"))
            if path.is_file()
        }
        for seed in ("1", "2")
    )
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert "interviews.json" in first and "tags/craft/index.html" in first
    for seed in ("1", "2"):
        shutil.rmtree(tmp_path / seed / "site")


def test_rebuilds_with_one_plugin_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty builds with one configuration, as `mkdocs serve` does: the same files and log
    every time, and no memory kept from one build to the next."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the mkdocs theme stamps the date
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # pytest would keep every record
    interviews = sorted((FIXTURES / "interviews").glob("*.md"))[:4]
    pages = {f"interviews/{path.name}": path.read_text(encoding="utf-8") for path in interviews}
    pages |= {"index.md": CARDS, "organ-builder.vtt": CAPTIONS.read_text(encoding="utf-8")}
    site = make_site(tmp_path, pages)
    config = site.config()
    first = site.build(config).output()
    first_log = site.logs
    assert first_log[-1][1].startswith("interview: 5 transcripts")
    assert len(site.html("index.md").select("link[href$='interview.css']")) == 1
    snapshots = []
    for build in range(2, REBUILDS + 1):
        if build == MEASURED_AT[0] - 1:
            tracemalloc.start()  # what the fourth build leaves is settled by the fifth
        assert site.build(config).output() == first, f"build {build}"
        assert site.logs == first_log, f"build {build}"
        if build in MEASURED_AT:
            gc.collect()
            snapshots.append(tracemalloc.take_snapshot().filter_traces([NOT_INTERNED]))
    tracemalloc.stop()
    # Memory kept by every build grows in both spans; a table the interpreter reallocates whole
    # once (a dict of interned names, filled by whatever ran before in the process) in one.
    spans = [
        later.compare_to(earlier, "lineno") for earlier, later in itertools.pairwise(snapshots)
    ]
    growths = [sum(stat.size_diff for stat in span) for span in spans]
    largest = [max(span, key=lambda stat: stat.size_diff) for span in spans]
    assert min(growths) < MEMORY_TOLERANCE, f"{growths} bytes more; most at {largest}"
