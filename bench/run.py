"""Benchmark: what the interview plugin adds to a MkDocs build.

Generates a deterministic site of N interview pages, builds it with and without the plugin
(Material theme, search plugin), alternating, each build in a fresh process, and prints the
times, the peak memory, where the time goes and whether the targets are met.

    python bench/run.py                       # N = 100, 1000, 5000; 5 pairs each
    python bench/run.py --sizes 100 --pairs 7
    python bench/run.py --quick               # a smoke run of a few seconds
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
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
import engine
import synth

CHILD = Path(__file__).with_name("child.py")
REPOSITORY = Path(__file__).resolve().parent.parent
KINDS = ("plain", "plugin")
LABELS = {"plain": "plain MkDocs", "plugin": "with the plugin"}
MAX_OVERHEAD = 0.05
MAX_PER_PAGE_DRIFT = 0.10
MAX_RSS_OVERHEAD = 0.10
MAX_SERVE_OVERHEAD = 0.05


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
    try:
        package, measured = _snapshot(args.ref, workdir / "package")
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, (str(package), os.environ.get("PYTHONPATH")))
        )  # every build imports this copy, whatever happens to the working tree meanwhile
        about.append(f"mkdocs-interview measured: {measured}")
        print(about[-1] + "\n")
        if args.engine_pages:
            engine_results, indexer = _engine(args.engine_pages, args.engine_repeats, args.seed)
        for pages in args.sizes:
            results.append(_size(pages, args, workdir / f"n{pages}"))
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    _print_summary(results, args.judge)
    met = _print_targets(results, args.judge)
    print(f"\nload average at the end: {_load()}")
    if args.json:
        data = {
            "about": [*about, f"load average at the end: {_load()}"],
            "engine": {
                "pages": args.engine_pages,
                "repeats": args.engine_repeats,
                "pairs": [[asdict(item) for item in pair] for pair in engine_results],
                "indexer": asdict(indexer) if indexer else None,
            },
            "sizes": [asdict(result) for result in results],
        }
        args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0 if met else 1


def _report(files: list[Path], judge: str) -> int:
    """Print the figures saved by earlier runs with --json, as one report."""
    sizes: dict[int, SizeResult] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        print(f"{path}:\n" + "\n".join(f"  {line}" for line in data.get("about", [])) + "\n")
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
            )
        for item in data["sizes"]:
            item["runs"] = {kind: Runs(**runs) for kind, runs in item["runs"].items()}
            sizes[item["pages"]] = SizeResult(**item)
    results = [sizes[pages] for pages in sorted(sizes)]
    for result in results:
        _print_size(result)
    _print_summary(results, judge)
    return 0 if _print_targets(results, judge) else 1


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add(
        "--sizes",
        type=int,
        nargs="+",
        default=[100, 1000, 5000],
        metavar="N",
        help="numbers of interview pages (default: 100 1000 5000)",
    )
    add("--pairs", type=int, default=5, help="timed builds of each config (default: 5)")
    add(
        "--serve-edits",
        type=int,
        default=3,
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
        default=200,
        metavar="P",
        help="pages for the engine-alone timing, 0 to skip it (default: 200)",
    )
    add("--engine-repeats", type=int, default=5, metavar="R", help="best of R (default: 5)")
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
        help="smoke run: N = 20, one pair, one edit, a small engine corpus",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.pairs, args.serve_edits = [20], 1, 1
        args.engine_pages, args.engine_repeats = 10, 3
    return args


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
) -> tuple[list[tuple[engine.Throughput, engine.Throughput]], engine.IndexerCost]:
    options = ["--pages", str(pages), "--repeats", str(repeats), "--seed", str(seed)]
    figures = _child("engine", None, *options)
    results = [
        (engine.Throughput(**without), engine.Throughput(**with_))
        for without, with_ in figures["pairs"]
    ]
    indexer = engine.IndexerCost(**figures["indexer"])
    _print_engine(results, indexer, pages, repeats)
    return results, indexer


def _print_engine(
    results: list[tuple[engine.Throughput, engine.Throughput]],
    indexer: engine.IndexerCost | None,
    pages: int,
    repeats: int,
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
    if not args.no_profile:
        for kind in KINDS:  # these also warm the file cache for the timed builds
            profile = root / f"{kind}.prof"
            _child("build", configs[kind], "--profile", str(profile))
            result.phases[kind] = breakdown.phases(profile)
            result.packages[kind] = dict(breakdown.packages(profile))
    for number in range(args.pairs):
        for kind in KINDS if number % 2 == 0 else KINDS[::-1]:
            figures = _child("build", configs[kind], *(["--instrument"] * (kind == "plugin")))
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
        _progress(f"N = {pages}: pair {number + 1} of {args.pairs} built")
    modes = ["full", "dirty"] if args.serve_dirty else ["full"]
    for mode in modes if args.serve_edits else []:
        page = site.interview_path(pages // 2)
        for kind in KINDS:
            options = ["--page", str(page), "--edits", str(args.serve_edits)]
            options += ["--site-dir", str(root / f"serve-{mode}-{kind}")]
            figures = _child("serve", configs[kind], *options, *["--dirty"] * (mode == "dirty"))
            result.serve[f"{mode} {kind}"] = {
                metric: [rebuild[metric] for rebuild in figures["rebuilds"]]
                for metric in ("wall", "cpu")
            }
    _print_size(result)
    return result


def _progress(text: str) -> None:
    sys.stdout.flush()
    print(f"  ({text})", file=sys.stderr, flush=True)


def _child(mode: str, config: Path | None, *options: str) -> dict[str, Any]:
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
    for warning in figures.get("warnings", []):
        print(f"  WARNING in the {config.stem if config else mode} build: {warning}")
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
    nav = "only the index pages" if result.nav_index_only else "every page"
    print(f"== N = {result.pages} interview pages; the nav lists {nav}")
    print(
        f"  {result.markdown_mb:.1f} MB of Markdown, {result.turns} turns, "
        f"{result.words / result.turns:.0f} words per turn"
    )
    runs = len(result.runs["plain"].wall)
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
        f"{result.plugin_ms_per_page():.2f} ms per interview page{in_gc}"
    )
    plain_gc, plugin_gc = (result.runs[kind] for kind in KINDS)
    if plain_gc.gc_cpu:
        print(
            f"  the garbage collector: plain {statistics.median(plain_gc.gc_cpu):.2f} s "
            f"({statistics.median(plain_gc.gc_full):.0f} full collections), with the plugin "
            f"{statistics.median(plugin_gc.gc_cpu):.2f} s "
            f"({statistics.median(plugin_gc.gc_full):.0f}); CPU time, medians"
        )
    for line in result.plugin_log:
        print(f"  plugin log: {line}")
    for mode, what in SERVE_MODES.items():
        if f"{mode} plain" not in result.serve:
            continue
        edits = len(result.serve[f"{mode} plain"]["wall"])
        print(f"  {what}, one-page edit, median of {edits} rebuilds in one process:")
        for metric in ("wall", "cpu"):
            plain, plugin = (result.serve_median(mode, kind, metric) for kind in KINDS)
            print(
                f"    {metric:5} plain {plain:.2f} s, with the plugin {plugin:.2f} s, "
                f"ratio {plugin / plain:.3f}"
            )
    if result.phases:
        _print_breakdown(result)
    print()


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
    if not results:
        return
    print(f"== Summary: median {judge} time of the builds, the median of the pairs' ratios,")
    print("   the median peak RSS of the build process")
    print(
        f"  {'N':>6}{'plain':>10}{'plugin':>10}{'ratio':>8}{'RSS plain':>14}{'plugin':>10}"
        f"{'ratio':>8}{'plugin ms/page':>16}"
    )
    for result in results:
        print(
            f"  {result.pages:>6}{result.median('plain', judge):9.2f}s"
            f"{result.median('plugin', judge):9.2f}s{result.paired_ratio(judge):8.3f}"
            f"{result.median('plain', 'rss_mib'):10.0f} MiB"
            f"{result.median('plugin', 'rss_mib'):6.0f} MiB"
            f"{result.ratio('rss_mib'):8.3f}{result.plugin_ms_per_page():16.2f}"
        )
    if any(result.nav_index_only for result in results):
        print(f"  from N = {synth.NAV_ALL_PAGES_BELOW} up the nav lists only the index pages")
    print()


def _print_targets(results: list[SizeResult], judge: str) -> bool:
    """Print each target as met or not met; return whether all measured ones are."""
    print("== Targets")
    verdicts: list[bool] = []

    def verdict(ok: bool, text: str) -> None:
        verdicts.append(ok)
        print(f"  {'met    ' if ok else 'NOT MET'}  {text}")

    for result in results:
        overhead = result.paired_ratio(judge) - 1
        budget = MAX_OVERHEAD * 1000 * result.median("plain", judge) / result.pages
        verdict(
            overhead <= MAX_OVERHEAD,
            f"N = {result.pages}: build overhead {overhead:+.1%}"
            f" (at most {MAX_OVERHEAD:.0%}, {budget:.2f} ms per page; {judge} time,"
            " median of the pairs' ratios)",
        )
    by_size = {result.pages: result for result in results}
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
            f"N = {result.pages}: peak RSS overhead "
            f"{overhead:+.1%} (at most {MAX_RSS_OVERHEAD:.0%})",
        )
    for result in results:
        if "full plain" in result.serve:
            overhead = result.serve_ratio("full", judge) - 1
            verdict(
                overhead <= MAX_SERVE_OVERHEAD,
                f"N = {result.pages}: one-page edit under "
                f"mkdocs serve {overhead:+.1%} (at most {MAX_SERVE_OVERHEAD:.0%}, median "
                f"{judge} time)",
            )
    return all(verdicts)


if __name__ == "__main__":
    sys.exit(main())
