"""Where a profiled build spends its time: by phase of the build, and by package."""

from __future__ import annotations

import pstats
import re
from collections import Counter
from pathlib import Path

_PLUGIN_FILE = "mkdocs_interview/plugin.py"
_PLUGIN_HOOKS = "interview plugin hooks"
PHASES: tuple[tuple[str, str, str], ...] = (
    ("load config (plugins, theme)", "mkdocs/config/base.py", "load_config"),
    ("read pages and front matter", "mkdocs/structure/pages.py", "read_source"),
    ("Markdown to HTML (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("  of which the interview extension", "mkdocs_interview/transcript/extension.py", "run"),
    ("  of which serialising the tree", "markdown/serializers.py", "_write_html"),
    (_PLUGIN_HOOKS, _PLUGIN_FILE, "on_.*"),
    ("search index (page_context, post_build)", "material/plugins/search/plugin.py", "on_.*"),
    ("templates (Jinja render)", "jinja2/environment.py", "render"),
    ("writing files", "mkdocs/utils/__init__.py", "write_file"),
    ("copying static files", "mkdocs/structure/files.py", "copy_static_files"),
    ("checking anchor links", "mkdocs/structure/pages.py", "validate_anchor_links"),
)
"""Label, file (path suffix) and function name (a regular expression) of each phase; its time
is the function's cumulative time. The rows are disjoint, except the indented ones (parts of the
row above: the plugin's hooks are listed one by one) and the search index file, which is also
among the files written."""

_SITE_PACKAGES = re.compile(r"site-packages/([^/]+)/")
_STDLIB = re.compile(r"/python3\.\d+/([^/]+?)(?:\.py)?(?:/|$)")


def phases(profile: Path) -> dict[str, float]:
    """Seconds per phase, with "total" and "other"."""
    stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    seconds = dict.fromkeys((label for label, _, _ in PHASES), 0.0)
    hooks: Counter[str] = Counter()
    for (filename, _, function), (_, _, _, cumulative, _) in stats.items():
        for label, suffix, pattern in PHASES:
            if filename.endswith(suffix) and re.fullmatch(pattern, function):
                seconds[label] += cumulative
        if filename.endswith(_PLUGIN_FILE) and function.startswith("on_"):
            hooks[f"  {function}"] += cumulative
    seconds = _after(seconds, _PLUGIN_HOOKS, dict(sorted(hooks.items())))
    total = float(pstats.Stats(str(profile)).total_tt)  # type: ignore[attr-defined]
    top_level = sum(value for label, value in seconds.items() if not label.startswith(" "))
    return {**seconds, "other": total - top_level, "total": total}


def packages(profile: Path) -> Counter[str]:
    """Own time (not counting callees) per package or standard-library module."""
    stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    own: Counter[str] = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.items():
        own[_package_of(filename)] += tottime
    return own


def _package_of(filename: str) -> str:
    if filename == "~":
        return "built-ins (C: str, re, json, ...)"
    if filename.endswith(".html"):
        return "templates (compiled Jinja)"
    if "mkdocs_interview/" in filename:
        return "mkdocs_interview"
    if match := _SITE_PACKAGES.search(filename):
        return match.group(1)
    if match := _STDLIB.search(filename):
        return f"{match.group(1)} (stdlib)"
    return "other"


def _after(rows: dict[str, float], label: str, more: dict[str, float]) -> dict[str, float]:
    """`rows` with `more` inserted after the row `label`."""
    result: dict[str, float] = {}
    for key, value in rows.items():
        result[key] = value
        if key == label:
            result.update(more)
    return result
