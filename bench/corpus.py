"""A folder of Markdown to benchmark instead of the synthetic site (`run.py --corpus DIR`).

A folder with an `mkdocs.yml` is built with that config as it is (the plugin added to its
`plugins` if it is not there) and with the same config without the plugin: the builds load
the folder's own file, with `plugins` and `site_dir` overridden (see `plugins_for`), so every
path in it means what it means there. A plain folder of Markdown gets two configs like the
synthetic site's, written next to the builds. Nothing is ever written into the folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import markdown_extensions
from synth import MARKDOWN_EXTENSIONS

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
PLUGIN = "interview"


@dataclass(frozen=True)
class Corpus:
    """A folder prepared for the builds: its configs and what it holds."""

    name: str
    source: Path
    docs_dir: Path
    plain_config: Path
    plugin_config: Path
    options: dict[str, list[str]] = field(default_factory=dict)
    """bench/child.py's options for each kind of build (`plain`, `plugin`)."""
    pages: int = 0
    markdown_bytes: int = 0
    words: int = 0
    described: str = ""
    """Where the configs come from, for the report."""


def prepare(source: Path, root: Path) -> Corpus:
    """The builds of the folder `source`, their sites and configs under `root`."""
    source = source.resolve()
    if not source.is_dir():
        raise SystemExit(f"--corpus: {source} is not a folder")
    root.mkdir(parents=True, exist_ok=True)
    config = next((source / name for name in CONFIG_NAMES if (source / name).is_file()), None)
    if config is not None:
        docs_dir = docs_dir_of(config)
        listed = PLUGIN in (name for name, _ in _entries(raw_config(config).get("plugins")))
        plain_config = plugin_config = config
        options = {
            kind: ["--interview", action, "--site-dir", str(root / f"site-{kind}")]
            for kind, action in (("plain", "drop"), ("plugin", "add"))
        }
        described = f"its {config.name}" + (
            "" if listed else f", which does not list `{PLUGIN}`: added to its plugins"
        )
    else:
        docs_dir = source
        plain_config, plugin_config = _write_configs(source, root)
        options = {"plain": [], "plugin": []}
        described = "a config like the synthetic site's (material, search, its extensions)"
    size = words = 0
    files = markdown_files(docs_dir)
    for path in files:
        data = path.read_bytes()
        size += len(data)
        words += len(data.split())
    return Corpus(
        name=name_of(source),
        source=source,
        docs_dir=docs_dir,
        plain_config=plain_config,
        plugin_config=plugin_config,
        options=options,
        pages=len(files),
        markdown_bytes=size,
        words=words,
        described=described,
    )


def name_of(source: Path) -> str:
    """The folder's name; with its parent's when it is called `docs`."""
    return f"{source.parent.name}/{source.name}" if source.name == "docs" else source.name


def markdown_files(docs_dir: Path) -> list[Path]:
    """The Markdown files MkDocs would read in `docs_dir` (not hidden ones), sorted."""
    return sorted(
        path
        for path in docs_dir.rglob("*")
        if path.suffix.lower() in markdown_extensions  # what MkDocs reads as Markdown
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


def spread(items: list[Path], count: int) -> list[Path]:
    """`count` of `items`, evenly spaced (all of them when there are fewer)."""
    if count >= len(items):
        return items
    return [items[index * len(items) // count] for index in range(count)]


def raw_config(config: Path) -> dict[str, Any]:
    """The config file's values as MkDocs reads them, before validation (with `INHERIT`
    merged and MkDocs's own YAML tags)."""
    from mkdocs.config.defaults import MkDocsConfig

    loaded = MkDocsConfig(config_file_path=str(config))
    with config.open("rb") as file:
        loaded.load_file(file)
    return dict(loaded.data)


def docs_dir_of(config: Path) -> Path:
    """The config's `docs_dir`, relative to the config file as MkDocs reads it."""
    path = Path(os.fspath(raw_config(config).get("docs_dir") or "docs"))
    return (path if path.is_absolute() else config.parent / path).resolve()


def plugins_for(config: Path, interview: str, report_dir: Path | None) -> list[Any]:
    """The config's `plugins`, as a list, with the interview plugin dropped (`drop`) or there
    (`add`: kept, or added last). With `report_dir`, its `report` is written there."""
    listed = _entries(raw_config(config).get("plugins"))
    entries = [(name, value) for name, value in listed if name != PLUGIN]
    if interview == "add":
        settings = next((value for name, value in listed if name == PLUGIN), None)
        if isinstance(settings, dict) and settings.get("report") and report_dir is not None:
            settings = {**settings, "report": str(report_dir / "interview-report.txt")}
        entries.append((PLUGIN, settings))
    return [name if value is None else {name: value} for name, value in entries]


def _entries(plugins: Any) -> list[tuple[str, Any]]:
    """A `plugins` value (a list of names and one-key mappings, or a mapping) as pairs."""
    if plugins is None:
        return [("search", None)]  # MkDocs's default
    if isinstance(plugins, dict):
        return list(plugins.items())
    entries: list[tuple[str, Any]] = []
    for item in plugins:
        if isinstance(item, dict):
            entries.extend(item.items())
        else:
            entries.append((str(item), None))
    return entries


def _write_configs(docs_dir: Path, root: Path) -> tuple[Path, Path]:
    """A config without and one with the plugin, like the synthetic site's, no `nav`."""
    base: dict[str, Any] = {
        "site_name": f"Benchmark: {name_of(docs_dir)}",
        "site_url": "https://example.org/",
        "theme": {"name": "material"},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "docs_dir": str(docs_dir),
    }
    paths = []
    for kind, plugins in (("plain", ["search"]), ("plugin", ["search", PLUGIN])):
        path = root / f"mkdocs-{kind}.yml"
        config = {**base, "site_dir": str(root / f"site-{kind}"), "plugins": plugins}
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
        paths.append(path)
    return paths[0], paths[1]
