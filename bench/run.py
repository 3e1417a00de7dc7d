"""Benchmark: what the interview plugin adds to a MkDocs build.

Generates a deterministic site of N interview pages (or takes a folder of Markdown, with
--corpus), builds it with and without the plugin (Material theme, search plugin), alternating,
each build in a fresh process, and prints the times, the peak memory, where the time goes, the
engine's time per turn and whether the targets are met.

    python bench/run.py                       # N = 100, 1000, 5000; 5 pairs each
    python bench/run.py --sizes 100 --pairs 7
    python bench/run.py --corpus path/to/docs # a folder of Markdown, or one with an mkdocs.yml
    python bench/run.py --quick               # a smoke run of a few seconds
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import breakdown
import corpus
import engine
import synth

CHILD = Path(__file__).with_name("child.py")
REPOSITORY = Path(__file__).resolve().parent.parent
KINDS = ("plain", "plugin")
LABELS = {"plain": "plain MkDocs", "plugin": "with the plugin"}
SYNTHETIC = "synthetic pages"
"""The label of the engine's figures on the synthetic pages (bench/child.py's default)."""
MAX_OVERHEAD = 0.10
MAX_OVERHEAD_NO_TRANSCRIPTS = 0.02
"""On a --corpus folder where the plugin finds no transcript: a docs site without interviews."""
MAX_PER_PAGE_DRIFT = 0.10
MAX_RSS_OVERHEAD = 0.10
MAX_SERVE_OVERHEAD = 0.10
MAX_US_PER_TURN = 8.0
"""The extension's own processors, CPU microseconds per turn (bench/engine.py)."""


@dataclass
class Runs:
    """The measured builds of one config."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)
    plugin_cpu: list[float] = field(default_factory=list)
    plugin_gc_cpu: list[float] = field(default_factory=list)
    gc_cpu: list[float] = field(default_factory=list)
    gc_full: list[int] = field(default_factory=list)
    parts: list[dict[str, float]] = field(default_factory=list)
    html_files: int = 0
    generated_pages: int = 0


@dataclass
class SizeResult:
    """Everything measured at one N."""

    pages: int
    nav_index_only: bool
    markdown_mb: float
    turns: int
    words: int
    runs: dict[str, Runs]
    serve: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    """Rebuild times by "mode kind" (`full plain`, `dirty plugin`...) and metric."""
    phases: dict[str, dict[str, float]] = field(default_factory=dict)
    packages: dict[str, dict[str, float]] = field(default_factory=dict)
    plugin_log: list[str] = field(default_factory=list)
    plugin_info_lines: int = 0
    """The plugin's other INFO lines in a build (notes on pages)."""
    name: str = ""
    """The name of a --corpus folder; empty for the synthetic site."""
    source: str = ""
    """A --corpus folder's path and where its configs come from."""
    transcripts: int | None = None
    """The pages the plugin rendered as transcripts (its log line), if known."""
    edited: str = ""
    """The page edited under `mkdocs serve`."""

    @property
    def label(self) -> str:
        return self.name or f"N = {self.pages}"

    def max_overhead(self) -> float:
        """The build overhead allowed: less on a folder with no transcript."""
        return MAX_OVERHEAD_NO_TRANSCRIPTS if self.name and self.transcripts == 0 else MAX_OVERHEAD

    def median(self, kind: str, metric: str) -> float:
        return float(statistics.median(getattr(self.runs[kind], metric)))

    def ratio(self, metric: str, pick: Callable[[list[float]], float] = statistics.median) -> float:
        plain, plugin = (pick(getattr(self.runs[kind], metric)) for kind in KINDS)
        return float(plugin / plain)

    def paired_ratio(self, metric: str) -> float:
        """The median of the ratios of the two builds of each pair, built back to back."""
        plain, plugin = (getattr(self.runs[kind], metric) for kind in KINDS)
        ratios = [after / before for before, after in zip(plain, plugin, strict=True)]
        return float(statistics.median(ratios))

    def part(self, kind: str, name: str) -> float:
        """Median CPU seconds of one part of the build (see `PARTS`)."""
        runs = self.runs[kind]
        if name == "rest":
            pairs = zip(runs.cpu, runs.parts, strict=True)
            values = [cpu - sum(parts.values()) for cpu, parts in pairs]
        elif name == "total":
            values = runs.cpu
        else:
            values = [parts.get(name, 0.0) for parts in runs.parts]
        return float(statistics.median(values))

    def plugin_ms_per_page(self, metric: str = "plugin_cpu") -> float:
        return 1000 * self.median("plugin", metric) / self.pages

    def plugin_work_ms_per_page(self) -> float:
        """The plugin's CPU time per page outside the garbage collector's pauses."""
        runs = self.runs["plugin"]
        in_gc = runs.plugin_gc_cpu or [0.0] * len(runs.plugin_cpu)  # not in older reports
        pairs = zip(runs.plugin_cpu, in_gc, strict=True)
        return 1000 * float(statistics.median(cpu - gc for cpu, gc in pairs)) / self.pages

    def serve_median(self, mode: str, kind: str, metric: str) -> float:
        return float(statistics.median(self.serve[f"{mode} {kind}"][metric]))

    def serve_ratio(self, mode: str, metric: str) -> float:
        plain, plugin = (self.serve_median(mode, kind, metric) for kind in KINDS)
        return plugin / plain


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 0 when every target measured is met, else 1."""
    args = _arguments(argv)
    if args.report:
        return _report(args.report, args.judge)
    if args.cpu is not None and args.cpu >= 0:
        os.sched_setaffinity(0, {args.cpu})  # the builds inherit it
    about = _machine(args)
    print("\n".join(about) + "\n")
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="interview-bench-"))
    results: list[SizeResult] = []
    engine_results: list[tuple[engine.Throughput, engine.Throughput]] = []
    indexer: engine.IndexerCost | None = None
    per_turn: list[engine.PerTurn] = []
    try:
        package, measured = _snapshot(args.ref, workdir / "package")
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, (str(package), os.environ.get("PYTHONPATH")))
        )  # every build imports this copy, whatever happens to the working tree meanwhile
        about.append(f"mkdocs-interview measured: {measured}")
        print(about[-1] + "\n")
        folder = corpus.prepare(args.corpus, workdir / "corpus") if args.corpus else None
        if args.engine_pages:
            engine_results, indexer, turns = _engine(
                args.engine_pages, args.engine_repeats, args.seed
            )
            per_turn.append(turns)
            if folder:
                per_turn.append(_engine_corpus(folder, args.engine_pages, args.engine_repeats))
        for pages in args.sizes:
            results.append(_size(pages, args, workdir / f"n{pages}"))
        if folder:
            results.append(_corpus(folder, args, workdir / "corpus"))
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    _print_summary(results, args.judge)
    met = _print_targets(results, per_turn, args.judge)
    print(f"\nload average at the end: {_load()}")
    if args.json:
        data = {
            "about": [*about, f"load average at the end: {_load()}"],
            "engine": {
                "pages": args.engine_pages,
                "repeats": args.engine_repeats,
                "pairs": [[asdict(item) for item in pair] for pair in engine_results],
                "indexer": asdict(indexer) if indexer else None,
                "per_turn": [asdict(item) for item in per_turn],
            },
            "sizes": [asdict(result) for result in results],
        }
        args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0 if met else 1


def _report(files: list[Path], judge: str) -> int:
    """Print the figures saved by earlier runs with --json, as one report."""
    sizes: dict[tuple[str, int], SizeResult] = {}
    per_turn: dict[str, engine.PerTurn] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        print(f"{path}:\n" + "\n".join(f"  {line}" for line in data.get("about", [])) + "\n")
        for item in data["engine"].get("per_turn", []):  # not in older reports
            per_turn[item["label"]] = engine.PerTurn(**item)
        if data["engine"]["pairs"]:
            pairs = [
                (engine.Throughput(**without), engine.Throughput(**with_))
                for without, with_ in data["engine"]["pairs"]
            ]
            indexer = data["engine"].get("indexer")  # not in older reports
            _print_engine(
                pairs,
                engine.IndexerCost(**indexer) if indexer else None,
                data["engine"]["pages"],
                data["engine"]["repeats"],
                per_turn.get(SYNTHETIC),
            )
        for label, item in per_turn.items():
            if label != SYNTHETIC:
                _print_per_turn(item, data["engine"]["repeats"])
        for item in data["sizes"]:
            item["runs"] = {kind: Runs(**runs) for kind, runs in item["runs"].items()}
            result = SizeResult(**item)
            sizes[result.name, result.pages] = result
    results = [sizes[key] for key in sorted(sizes, key=lambda key: (bool(key[0]), key))]
    for result in results:
        _print_size(result)
    _print_summary(results, judge)
    return 0 if _print_targets(results, list(per_turn.values()), judge) else 1


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add(
        "--sizes",
        type=int,
        nargs="+",
        metavar="N",
        help="numbers of interview pages (default: 100 1000 5000; none with --corpus)",
    )
    add(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="also build this folder of Markdown, or this folder's mkdocs.yml, with and without "
        "the plugin (never written to); the synthetic site is then built only at --sizes",
    )
    add("--pairs", type=int, help="timed builds of each config (default: 5)")
    add(
        "--serve-edits",
        type=int,
        metavar="K",
        help="one-page edits timed under a simulated `mkdocs serve`, 0 for none (default: 3)",
    )
    add(
        "--serve-dirty",
        action="store_true",
        help="also time the edit under `mkdocs serve --dirty` (reported, not judged)",
    )
    add("--no-profile", action="store_true", help="skip the two profiled builds")
    add(
        "--engine-pages",
        type=int,
        metavar="P",
        help="pages for the engine-alone timing, 0 to skip it; with --corpus, also the corpus's "
        "pages, evenly spaced (default: 200)",
    )
    add("--engine-repeats", type=int, metavar="R", help="best of R (default: 5)")
    add(
        "--judge",
        choices=("cpu", "wall"),
        default="cpu",
        help="the time the targets are judged on (default: cpu, steadier on a busy machine)",
    )
    add("--seed", type=int, default=1, help="the site generator's seed (default: 1)")
    add(
        "--cpu",
        type=int,
        default=_last_cpu(),
        help="pin the benchmark and its builds to this CPU, -1 for none (default: the last one)",
    )
    add(
        "--ref",
        help="measure the package as committed at this git ref (default: the working tree)",
    )
    add("--workdir", type=Path, help="generate the sites here, and keep them")
    add("--keep", action="store_true", help="keep the temporary sites")
    add("--json", type=Path, help="also write the raw figures to this file")
    add(
        "--report",
        type=Path,
        nargs="+",
        metavar="JSON",
        help="build nothing: print the figures of earlier --json files as one report",
    )
    add(
        "--quick",
        action="store_true",
        help="smoke run: N = 20 (none with --corpus), one pair, one edit, 10 engine pages, best "
        "of 3; options given explicitly win",
    )
    args = parser.parse_args(argv)
    explicit_sizes = args.sizes is not None
    defaults = QUICK if args.quick else DEFAULTS
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.corpus and not explicit_sizes:
        args.sizes = []
    return args


DEFAULTS: dict[str, Any] = {
    "sizes": [100, 1000, 5000],
    "pairs": 5,
    "serve_edits": 3,
    "engine_pages": 200,
    "engine_repeats": 5,
}
QUICK: dict[str, Any] = {
    "sizes": [20],
    "pairs": 1,
    "serve_edits": 1,
    "engine_pages": 10,
    "engine_repeats": 3,
}


def _last_cpu() -> int | None:
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    return cpus[-1] if len(cpus) > 1 else None


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _machine(args: argparse.Namespace) -> list[str]:
    """What the figures come from: the machine, the software, the package measured."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    packages = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
    pinned = f", pinned to CPU {args.cpu}" if args.cpu is not None and args.cpu >= 0 else ""
    return [
        f"machine: {os.cpu_count()} CPUs, {model}{pinned}; load average {_load()}",
        f"Python {platform.python_version()} ({platform.python_implementation()}); "
        + ", ".join(f"{name} {version(name)}" for name in packages),
        f"checked out: {_revision()}; targets judged on {args.judge} time",
    ]


def _revision() -> str:
    """The commit checked out, and whether the package has uncommitted changes."""
    try:
        commit = _git("rev-parse", "--short", "HEAD").strip()
        changes = _git("status", "--porcelain", "mkdocs_interview")
    except (OSError, subprocess.CalledProcessError):
        return "(not a git checkout)"
    return commit + (" with uncommitted changes in mkdocs_interview/" if changes else "")


def _engine(
    pages: int, repeats: int, seed: int
) -> tuple[list[tuple[engine.Throughput, engine.Throughput]], engine.IndexerCost, engine.PerTurn]:
    options = ["--pages", str(pages), "--repeats", str(repeats), "--seed", str(seed)]
    figures = _child("engine", None, *options)
    results = [
        (engine.Throughput(**without), engine.Throughput(**with_))
        for without, with_ in figures["pairs"]
    ]
    indexer = engine.IndexerCost(**figures["indexer"])
    per_turn = engine.PerTurn(**figures["per_turn"])
    _print_engine(results, indexer, pages, repeats, per_turn)
    return results, indexer, per_turn


def _engine_corpus(folder: corpus.Corpus, pages: int, repeats: int) -> engine.PerTurn:
    """The extension's time per turn on the folder's pages, in a process of its own."""
    options = ["--pages", str(pages), "--repeats", str(repeats), "--label", folder.name]
    figures = _child("engine", None, *options, "--corpus", str(folder.docs_dir))
    per_turn = engine.PerTurn(**figures["per_turn"])
    _print_per_turn(per_turn, repeats, corpus_pages=folder.pages)
    return per_turn


def _mb(megabytes: float) -> str:
    return f"{megabytes:.1f}" if megabytes >= 1 else f"{megabytes:.2f}"


def _print_per_turn(
    per_turn: engine.PerTurn, repeats: int, corpus_pages: int | None = None
) -> None:
    """The extension's CPU time per turn beside the wrap-only pass's; a block of its own for
    a corpus (`corpus_pages`: the folder's pages, when known)."""
    if per_turn.label != SYNTHETIC:
        of = f" of {corpus_pages}" if corpus_pages is not None else ""
        print(
            f"== The engine on {per_turn.label}: {per_turn.pages}{of} pages (evenly spaced), "
            f"{_mb(per_turn.megabytes)} MB of Markdown, CPU time, best of {repeats}"
        )
    if per_turn.turns:
        print(
            f"  engine: {per_turn.us_per_turn:.2f} µs per turn (wrap-only pass: "
            f"{per_turn.wrap_us_per_turn:.2f} µs per turn, ratio "
            f"{per_turn.extension / per_turn.wrap_only:.1f})"
        )
    else:
        print(
            f"  engine: no turns found; the extension's processors take "
            f"{per_turn.us_per_page:.1f} µs per page (wrap-only pass: "
            f"{1e6 * per_turn.wrap_only / max(per_turn.pages, 1):.1f} µs per page)"
        )
    print(
        f"    {per_turn.turns} turns in {per_turn.transcripts} transcripts on {per_turn.pages} "
        f"pages; the extension's own processors, with the site's extensions;"
        f"\n    the wrap-only pass opened {per_turn.wrapped} turns (a tree processor at priority "
        f"{engine.WRAP_PRIORITY}, without the extension)"
    )
    if per_turn.label != SYNTHETIC:
        print()


def _print_engine(
    results: list[tuple[engine.Throughput, engine.Throughput]],
    indexer: engine.IndexerCost | None,
    pages: int,
    repeats: int,
    per_turn: engine.PerTurn | None = None,
) -> None:
    megabytes = results[0][0].megabytes
    print(
        f"== The engine alone: {pages} pages, {megabytes:.1f} MB of Markdown, CPU time, "
        f"best of {repeats}"
    )
    for without, with_ in results:
        for item in (without, with_):
            print(f"  {item.label:44}{item.rate:6.2f} MB/s  ({item.seconds:.2f} s)")
        print(f"  {'the extension adds':44}{with_.seconds / without.seconds - 1:+7.1%}")
    without, with_ = results[-1]
    print("  where it adds, with the site's extensions (ms per page; the stages' best runs):")
    per_page = 1000 / pages
    added = {stage: with_.stages[stage] - without.stages.get(stage, 0.0) for stage in with_.stages}
    for stage in sorted(added, key=lambda stage: added[stage], reverse=True)[:6]:
        before, after = without.stages.get(stage, 0.0), with_.stages[stage]
        name = stage.replace(engine.INTERVIEW, "the extension's ")
        print(
            f"    {name:42}{before * per_page:6.2f} ->{after * per_page:6.2f}"
            f"{added[stage] * per_page:+7.2f}"
        )
    rest = (with_.seconds - sum(with_.stages.values())) - (
        without.seconds - sum(without.stages.values())
    )
    print(f"    {'block parser and the rest':42}{'':14}{rest * per_page:+7.2f}")
    if indexer:
        print("  the search indexer (Material's) on the same pages' HTML, ms per page:")
        for label, value in (
            ("without the extension", indexer.plain),
            ("with it", indexer.interview),
            ("with the least markup a chat can have *", indexer.bare),
        ):
            print(f"    {label:42}{value:6.2f}{value - indexer.plain:+7.2f}")
        print("    * a bare <div> per transcript and per turn, a bare <p> per speaker's name")
    if per_turn:
        _print_per_turn(per_turn, repeats)
    print()


def _size(pages: int, args: argparse.Namespace, root: Path) -> SizeResult:
    site = synth.generate(root, pages, args.seed)
    result = SizeResult(
        pages=pages,
        nav_index_only=site.nav_index_only,
        markdown_mb=site.markdown_bytes / 1e6,
        turns=site.turns,
        words=site.words,
        runs={kind: Runs() for kind in KINDS},
    )
    configs = {"plain": site.plain_config, "plugin": site.plugin_config}
    options: dict[str, list[str]] = {"plain": [], "plugin": []}
    _builds(result, configs, options, args, root)
    page = site.interview_path(pages // 2)
    result.edited = page.relative_to(site.root / "docs").as_posix()
    _serve(result, configs, options, page, args, root)
    _print_size(result)
    return result


def _corpus(folder: corpus.Corpus, args: argparse.Namespace, root: Path) -> SizeResult:
    """Build a --corpus folder as the synthetic site is built, and print its block."""
    result = SizeResult(
        pages=folder.pages,
        nav_index_only=False,
        markdown_mb=folder.markdown_bytes / 1e6,
        turns=0,
        words=folder.words,
        runs={kind: Runs() for kind in KINDS},
        name=folder.name,
        source=f"{folder.source}; {folder.described}",
    )
    configs = {"plain": folder.plain_config, "plugin": folder.plugin_config}
    transcripts = _builds(result, configs, folder.options, args, root)
    summary = _SUMMARY.search(" ".join(result.plugin_log))
    if summary:
        result.transcripts, result.turns = int(summary[1]), int(summary[2])
    elif args.pairs:
        result.transcripts, result.turns = len(transcripts), sum(transcripts.values())
    if args.serve_edits:
        # The edits go to a copy of the docs: the folder itself is never written to.
        docs = root / "serve-docs"
        shutil.rmtree(docs, ignore_errors=True)
        shutil.copytree(folder.docs_dir, docs)
        if transcripts:  # a page the plugin renders as a transcript, the middle one
            edited = sorted(transcripts)[len(transcripts) // 2]
        else:
            files = corpus.markdown_files(docs)
            edited = files[len(files) // 2].relative_to(docs).as_posix() if files else ""
        if edited:
            result.edited = edited + ("" if transcripts else " (no page has a transcript)")
            options = {kind: [*folder.options[kind], "--docs-dir", str(docs)] for kind in KINDS}
            _serve(result, configs, options, docs / edited, args, root)
    _print_size(result)
    return result


_SUMMARY = re.compile(r"interview: (\d+) transcripts?, (\d+) turns?")


def _builds(
    result: SizeResult,
    configs: dict[str, Path],
    options: dict[str, list[str]],
    args: argparse.Namespace,
    root: Path,
) -> dict[str, int]:
    """The profiled and the timed builds; return the turns of each page the plugin rendered
    as a transcript (in its last timed build)."""
    transcripts: dict[str, int] = {}
    if not args.no_profile:
        for kind in KINDS:  # these also warm the file cache for the timed builds
            profile = root / f"{kind}.prof"
            _child("build", configs[kind], *options[kind], "--profile", str(profile), label=kind)
            result.phases[kind] = breakdown.phases(profile)
            result.packages[kind] = dict(breakdown.packages(profile))
    for number in range(args.pairs):
        for kind in KINDS if number % 2 == 0 else KINDS[::-1]:
            instrument = ["--instrument"] * (kind == "plugin")
            figures = _child("build", configs[kind], *options[kind], *instrument, label=kind)
            runs = result.runs[kind]
            runs.wall.append(figures["wall"])
            runs.cpu.append(figures["cpu"])
            runs.rss_mib.append(figures["max_rss_kib"] / 1024)
            runs.plugin_cpu.append(figures["plugin_seconds"])
            runs.plugin_gc_cpu.append(figures["plugin_gc_seconds"])
            runs.gc_cpu.append(figures["gc_seconds"])
            runs.gc_full.append(figures["gc_full_collections"])
            runs.parts.append(figures["page_seconds"])
            runs.html_files = figures["html_files"]
            runs.generated_pages = figures["page_counts"].get("generated", 0)
            result.plugin_log = figures["plugin_log"] or result.plugin_log
            if kind == "plugin":
                result.plugin_info_lines = figures["plugin_info_lines"]
                transcripts = figures["transcript_pages"]
        _progress(f"{result.label}: pair {number + 1} of {args.pairs} built")
    return transcripts


def _serve(
    result: SizeResult,
    configs: dict[str, Path],
    options: dict[str, list[str]],
    page: Path,
    args: argparse.Namespace,
    root: Path,
) -> None:
    """Time one-page edits of `page` under a simulated `mkdocs serve` (and `--dirty`)."""
    modes = ["full", "dirty"] if args.serve_dirty else ["full"]
    for mode in modes if args.serve_edits else []:
        for kind in KINDS:
            more = [*options[kind], "--page", str(page), "--edits", str(args.serve_edits)]
            more += ["--site-dir", str(root / f"serve-{mode}-{kind}")]
            figures = _child(
                "serve", configs[kind], *more, *["--dirty"] * (mode == "dirty"), label=kind
            )
            result.serve[f"{mode} {kind}"] = {
                metric: [rebuild[metric] for rebuild in figures["rebuilds"]]
                for metric in ("wall", "cpu")
            }


def _progress(text: str) -> None:
    sys.stdout.flush()
    print(f"  ({text})", file=sys.stderr, flush=True)


MAX_WARNINGS = 5
"""Warnings printed per build; the rest are counted."""


def _child(
    mode: str, config: Path | None, *options: str, label: str | None = None
) -> dict[str, Any]:
    """Run bench/child.py in a fresh process and return its figures."""
    command = [sys.executable, str(CHILD), mode, *([str(config)] if config else []), *options]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cwd = config.parent if config else None
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=cwd, env=environment, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout)
    warnings = list(dict.fromkeys(figures.get("warnings", [])))  # serve builds more than once
    build = f"{mode} {label or (config.stem if config else '')}".strip()
    for warning in warnings[:MAX_WARNINGS]:
        print(f"  WARNING in the {build}: {warning}")
    if len(warnings) > MAX_WARNINGS:
        print(f"  ... and {len(warnings) - MAX_WARNINGS} more warnings in the {build}")
    return figures


def _snapshot(ref: str | None, target: Path) -> tuple[Path, str]:
    """Copy the package to `target`: the working tree's, or `ref`'s from git. Return the
    folder to put on the path and what it holds."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    if ref:
        archive = subprocess.run(
            ["git", "-C", str(REPOSITORY), "archive", ref, "mkdocs_interview"],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
        described = f"commit {_git('rev-parse', '--short', ref).strip()}"
    else:
        ignored = shutil.ignore_patterns("__pycache__")
        shutil.copytree(
            REPOSITORY / "mkdocs_interview", target / "mkdocs_interview", ignore=ignored
        )
        described = f"the working tree at {_revision()}"
    digest = hashlib.sha256()
    for path in sorted(target.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(target).as_posix().encode() + path.read_bytes())
    return target, f"{described}, files {digest.hexdigest()[:12]}"


def _git(*arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(REPOSITORY), *arguments], capture_output=True, text=True, check=True
    )
    return done.stdout


def _print_size(result: SizeResult) -> None:
    if result.name:
        print(f"== {result.name}: {result.pages} pages, {_mb(result.markdown_mb)} MB of Markdown")
        print(f"  {result.source}")
        if result.transcripts is not None:
            per_turn = f", {result.words / result.turns:.0f} words per turn" if result.turns else ""
            print(f"  {result.transcripts} transcripts, {result.turns} turns{per_turn}")
    else:
        nav = "only the index pages" if result.nav_index_only else "every page"
        print(f"== N = {result.pages} interview pages; the nav lists {nav}")
        print(
            f"  {result.markdown_mb:.1f} MB of Markdown, {result.turns} turns, "
            f"{result.words / result.turns:.0f} words per turn"
        )
    runs = len(result.runs["plain"].wall)
    if not runs:
        _print_log(result)
        print()
        return
    print(f"  {runs} builds of each, alternating, each in a fresh process (load_config + build)")
    print(
        f"  {'':18}{'wall best':>10}{'median':>9}{'CPU best':>10}{'median':>9}"
        f"{'peak RSS':>10}{'HTML files':>12}"
    )
    for kind in KINDS:
        item = result.runs[kind]
        print(
            f"  {LABELS[kind]:18}{min(item.wall):9.2f}s{statistics.median(item.wall):8.2f}s"
            f"{min(item.cpu):9.2f}s{statistics.median(item.cpu):8.2f}s"
            f"{statistics.median(item.rss_mib):6.0f} MiB{item.html_files:12}"
        )
    print(
        f"  {'ratio':18}{result.ratio('wall', min):10.3f}{result.ratio('wall'):9.3f}"
        f"{result.ratio('cpu', min):10.3f}{result.ratio('cpu'):9.3f}"
        f"{result.ratio('rss_mib'):10.3f}"
    )
    print(
        f"  {'ratio, pair by pair':18}{'':10}{result.paired_ratio('wall'):9.3f}{'':10}"
        f"{result.paired_ratio('cpu'):9.3f}   (median of the ratios of the {runs} pairs)"
    )
    _print_parts(result)
    in_gc = ""
    if result.runs["plugin"].plugin_gc_cpu:
        in_gc = f", of which {result.plugin_ms_per_page('plugin_gc_cpu'):.2f} ms in the collector"
    print(
        f"  the plugin's own CPU time (its hooks and Markdown extension): "
        f"{result.plugin_ms_per_page():.2f} ms per {'' if result.name else 'interview '}"
        f"page{in_gc}"
    )
    plain_gc, plugin_gc = (result.runs[kind] for kind in KINDS)
    if plain_gc.gc_cpu:
        print(
            f"  the garbage collector: plain {statistics.median(plain_gc.gc_cpu):.2f} s "
            f"({statistics.median(plain_gc.gc_full):.0f} full collections), with the plugin "
            f"{statistics.median(plugin_gc.gc_cpu):.2f} s "
            f"({statistics.median(plugin_gc.gc_full):.0f}); CPU time, medians"
        )
    _print_log(result)
    for mode, what in SERVE_MODES.items():
        if f"{mode} plain" not in result.serve:
            continue
        edits = len(result.serve[f"{mode} plain"]["wall"])
        print(f"  {what}, one-page edit, median of {edits} rebuilds in one process:")
        if result.edited:
            print(f"    the page edited: {result.edited}")
        for metric in ("wall", "cpu"):
            plain, plugin = (result.serve_median(mode, kind, metric) for kind in KINDS)
            print(
                f"    {metric:5} plain {plain:.2f} s, with the plugin {plugin:.2f} s, "
                f"ratio {plugin / plain:.3f}"
            )
    if result.phases:
        _print_breakdown(result)
    print()


def _print_log(result: SizeResult) -> None:
    for line in result.plugin_log or ["(no summary line: interview: N transcripts, M turns)"]:
        print(f"  plugin log: {line}")
    if result.plugin_info_lines:
        print(f"  plugin log: and {result.plugin_info_lines} INFO lines on pages")


SERVE_MODES = {
    "full": "mkdocs serve (a new config and a full rebuild)",
    "dirty": "mkdocs serve --dirty (a new config, changed pages only)",
}

PARTS = (
    ("docs_populate", "docs pages: Markdown (read, page_markdown, render, page_content)"),
    ("docs_build", "docs pages: HTML (page_context: search; template; post_page; write)"),
    ("generated_populate", "generated pages: Markdown"),
    ("generated_build", "generated pages: HTML"),
    ("rest", "the rest (config, files, nav, env, static files, search index file)"),
    ("total", "total"),
)
"""The parts of a build's CPU time that bench/child.py measures in every timed build."""


def _print_parts(result: SizeResult) -> None:
    generated = result.runs["plugin"].generated_pages
    print(f"  CPU time by part of the build (medians; the plugin generates {generated} pages):")
    print(f"  {'':68}{'plain':>7}{'plugin':>8}{'added':>8}{'of plain':>9}")
    total = result.part("plain", "total")
    for name, label in PARTS:
        plain, plugin = result.part("plain", name), result.part("plugin", name)
        print(
            f"  {label:68}{plain:6.2f}s{plugin:7.2f}s{plugin - plain:+7.2f}s"
            f"{(plugin - plain) / total:+9.1%}"
        )


def _print_breakdown(result: SizeResult) -> None:
    plain, plugin = (result.phases[kind] for kind in KINDS)
    print("  where the time goes: cProfile of one build each (profiling slows Python code,")
    print("  so read the shares and differences, not the absolute times)")
    print(f"  {'':44}{'plain':>8}{'plugin':>9}{'added':>9}{'of plain':>10}")
    for label in plugin:
        added = plugin[label] - plain.get(label, 0.0)
        share = f"{added / plain['total']:+9.1%}" if label != "total" else ""
        print(
            f"  {label:44}{plain.get(label, 0.0):7.2f}s{plugin[label]:8.2f}s{added:+8.2f}s {share}"
        )
    print("  own time by package, largest additions first:")
    before, after = (result.packages[kind] for kind in KINDS)
    names = sorted(after, key=lambda name: after[name] - before.get(name, 0.0), reverse=True)
    for name in names[:8]:
        old, new = before.get(name, 0.0), after[name]
        print(f"  {name:44}{old:7.2f}s{new:8.2f}s{new - old:+8.2f}s")


def _print_summary(results: list[SizeResult], judge: str) -> None:
    results = [result for result in results if result.runs["plain"].wall]
    if not results:
        return
    print(f"== Summary: median {judge} time of the builds, the median of the pairs' ratios,")
    print("   the median peak RSS of the build process")
    width = max(6, *(len(result.name or str(result.pages)) for result in results))
    print(
        f"  {'N':>{width}}{'plain':>10}{'plugin':>10}{'ratio':>8}{'RSS plain':>14}{'plugin':>10}"
        f"{'ratio':>8}{'plugin ms/page':>16}"
    )
    for result in results:
        print(
            f"  {result.name or result.pages:>{width}}{result.median('plain', judge):9.2f}s"
            f"{result.median('plugin', judge):9.2f}s{result.paired_ratio(judge):8.3f}"
            f"{result.median('plain', 'rss_mib'):10.0f} MiB"
            f"{result.median('plugin', 'rss_mib'):6.0f} MiB"
            f"{result.ratio('rss_mib'):8.3f}{result.plugin_ms_per_page():16.2f}"
        )
    if any(result.nav_index_only for result in results):
        print(f"  from N = {synth.NAV_ALL_PAGES_BELOW} up the nav lists only the index pages")
    print()


def _print_targets(results: list[SizeResult], per_turn: list[engine.PerTurn], judge: str) -> bool:
    """Print each target as met or not met; return whether all measured ones are."""
    print("== Targets")
    verdicts: list[bool] = []

    def verdict(ok: bool, text: str) -> None:
        verdicts.append(ok)
        print(f"  {'met    ' if ok else 'NOT MET'}  {text}")

    results = [result for result in results if result.runs["plain"].wall]
    for result in results:
        overhead, allowed = result.paired_ratio(judge) - 1, result.max_overhead()
        budget = allowed * 1000 * result.median("plain", judge) / result.pages
        found = f" ({result.transcripts} transcripts)" if result.name else ""
        verdict(
            overhead <= allowed,
            f"{result.label}{found}: build overhead {overhead:+.1%}"
            f" (at most {allowed:.0%}, {budget:.2f} ms per page; {judge} time,"
            " median of the pairs' ratios)",
        )
    by_size = {result.pages: result for result in results if not result.name}
    largest = max(by_size, default=0)
    if 1000 in by_size and largest > 1000:
        # The collector's pauses are left out: a larger heap makes every full collection
        # longer, in a plain build as much as in this one; they are printed beside.
        base, large = (by_size[size].plugin_work_ms_per_page() for size in (1000, largest))
        base_gc, large_gc = (
            by_size[size].plugin_ms_per_page("plugin_gc_cpu") for size in (1000, largest)
        )
        verdict(
            abs(large / base - 1) <= MAX_PER_PAGE_DRIFT,
            f"the plugin's own CPU time per page, outside the collector: {large:.2f} ms at "
            f"N = {largest}, {base:.2f} ms at N = 1000 ({large / base - 1:+.1%}; within "
            f"{MAX_PER_PAGE_DRIFT:.0%}); in the collector {large_gc:.2f} and {base_gc:.2f} ms",
        )
    else:
        print("  -        the plugin's per-page cost at N = 5000 against N = 1000: not measured")
    for result in results:
        overhead = result.ratio("rss_mib") - 1
        verdict(
            overhead <= MAX_RSS_OVERHEAD,
            f"{result.label}: peak RSS overhead {overhead:+.1%} (at most {MAX_RSS_OVERHEAD:.0%})",
        )
    for result in results:
        if "full plain" in result.serve:
            overhead = result.serve_ratio("full", judge) - 1
            verdict(
                overhead <= MAX_SERVE_OVERHEAD,
                f"{result.label}: one-page edit under "
                f"mkdocs serve {overhead:+.1%} (at most {MAX_SERVE_OVERHEAD:.0%}, median "
                f"{judge} time)",
            )
    for turns in per_turn:
        if not turns.turns:
            print(f"  -        engine on {turns.label}: no turns found, not measured")
            continue
        verdict(
            turns.us_per_turn <= MAX_US_PER_TURN,
            f"engine on {turns.label}: {turns.us_per_turn:.2f} µs per turn (at most "
            f"{MAX_US_PER_TURN:g}; wrap-only pass {turns.wrap_us_per_turn:.2f}, ratio "
            f"{turns.extension / turns.wrap_only:.1f})",
        )
    return all(verdicts)


if __name__ == "__main__":
    sys.exit(main())
