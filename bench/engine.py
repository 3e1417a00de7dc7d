"""The engine alone: megabytes of Markdown per second through Python-Markdown, with and
without the interview extension, and which stage of the conversion the difference lands in;
what the chat markup costs the search indexer; and the extension's own processors' CPU time
per turn, beside a wrap-only pass that does the least any chat renderer must do."""

from __future__ import annotations

import functools
import math
import re
import time
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown
import yaml
from corpus import markdown_files, spread
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from synth import MARKDOWN_EXTENSIONS, interview_page

if TYPE_CHECKING:
    from mkdocs_interview.transcript import PageOptions

INTERVIEW = "interview: "
"""The prefix of the stages that are the extension's own tree processors."""


@dataclass(frozen=True)
class Throughput:
    """Best CPU time to convert the corpus, in all and by stage of the conversion."""

    label: str
    seconds: float
    megabytes: float
    stages: dict[str, float] = field(default_factory=dict)
    """Best CPU seconds of each tree processor (by class), of `serializer`, and of
    `preprocessors` and `postprocessors` taken together."""

    @property
    def rate(self) -> float:
        """Megabytes (10^6 bytes) of Markdown per second."""
        return self.megabytes / self.seconds


@dataclass(frozen=True)
class IndexerCost:
    """Best CPU milliseconds per page that Material's search indexer takes to parse the pages'
    HTML (converted with the site's extensions)."""

    plain: float
    """Without the interview extension."""
    interview: float
    """With it."""
    bare: float
    """With the least markup a chat can have: the extension's HTML with the transcript and
    each turn reduced to a bare `<div>`, the speaker's name to a bare `<p>`, and timestamps
    and stage notes to their text."""


@dataclass(frozen=True)
class PerTurn:
    """The extension's own processors over some pages, best CPU time, per turn they found;
    and a wrap-only pass over the same pages, per the same turns."""

    label: str
    pages: int
    megabytes: float
    turns: int
    """Turns the extension found (`transcript.turns`, summed over the pages)."""
    transcripts: int
    """Pages with at least one turn."""
    extension: float
    """Best CPU seconds in the extension's own processors, over all pages."""
    wrap_only: float
    """Best CPU seconds of the wrap-only pass (`WrapOnly`), over all pages."""
    wrapped: int
    """The turns the wrap-only pass opened."""

    @property
    def us_per_turn(self) -> float:
        return 1e6 * self.extension / self.turns if self.turns else math.nan

    @property
    def wrap_us_per_turn(self) -> float:
        return 1e6 * self.wrap_only / self.turns if self.turns else math.nan

    @property
    def us_per_page(self) -> float:
        return 1e6 * self.extension / self.pages if self.pages else math.nan


WRAP_PRIORITY = 12
"""The interview extension's tree processor's priority, after inline parsing."""
_LABEL = re.compile(r"\s*[^:\n]{1,40}:\s")


class WrapOnly(Treeprocessor):
    """The least a chat renderer does: one pass over the top-level blocks, no detection. Each
    `<p>` that opens with `<strong>` or with a `Name: ` label starts a `<div class="turn">`,
    which takes it and the blocks after it, up to the next such paragraph."""

    wrapped = 0
    """The turns opened on the last page."""

    def run(self, root: etree.Element) -> None:
        blocks: list[etree.Element] = []
        turn: etree.Element | None = None
        self.wrapped = 0
        for block in root:
            if block.tag == "p" and (
                (len(block) and block[0].tag == "strong" and not (block.text or "").strip())
                or _LABEL.match(block.text or "")
            ):
                turn = etree.Element("div", {"class": "turn"})
                blocks.append(turn)
                self.wrapped += 1
            if turn is None:
                blocks.append(block)
            else:
                turn.append(block)
        root[:] = blocks


class _WrapOnlyExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's)
        md.treeprocessors.register(WrapOnly(md), "wrap-only", WRAP_PRIORITY)


_TURN_START = re.compile(
    r'<div class="interview-turn"[^>]*>(?:<img class="interview-avatar"[^>]*>)?'
    r'<p class="interview-speaker">'
)
_MARKER = re.compile(r'<(span|a|time) class="interview-(?:note|time)"[^>]*>(.*?)</\1>')


def corpus(pages: int, seed: int) -> list[tuple[str, PageOptions]]:
    """The first `pages` interview pages: the Markdown after the front matter, and the page's
    options as the plugin would make them from the front matter."""
    from mkdocs_interview.transcript import page_options

    documents = []
    for index in range(pages):
        _, front, body = interview_page(index, seed).text.split("---\n", 2)
        options, _ = page_options(yaml.safe_load(front))
        documents.append((body, options))
    return documents


def corpus_pages(docs_dir: Path, pages: int) -> list[tuple[str, PageOptions]]:
    """`pages` Markdown pages of a folder, evenly spaced in path order: the Markdown after the
    front matter (split off as MkDocs does) and the page's options from the front matter."""
    from mkdocs.utils.meta import get_data

    from mkdocs_interview.transcript import page_options

    documents = []
    for path in spread(markdown_files(docs_dir), pages):
        body, meta = get_data(path.read_text(encoding="utf-8-sig", errors="replace"))
        options, _ = page_options(meta)
        documents.append((body, options))
    return documents


def per_turn(documents: list[tuple[str, PageOptions]], repeats: int, label: str) -> PerTurn:
    """The CPU time of the extension's own processors (every pre-, tree and postprocessor
    from `mkdocs_interview`) per turn found, with the site's extensions; and of
    the wrap-only pass, in a Markdown with the same extensions but not the interview one.
    The best of `repeats` runs over all pages, alternating the two."""
    from mkdocs_interview.transcript import InterviewExtension, convert

    names, configs = _site_extensions()
    extension = InterviewExtension()
    ours = markdown.Markdown(extensions=[*names, extension], extension_configs=configs)
    plain = markdown.Markdown(extensions=[*names, _WrapOnlyExtension()], extension_configs=configs)
    seconds: dict[str, float] = {}
    for registry in (ours.preprocessors, ours.treeprocessors, ours.postprocessors):
        for processor in registry:
            if type(processor).__module__.startswith("mkdocs_interview"):
                processor.run = _timed(processor.run, "extension", seconds)  # type: ignore[method-assign]
    wrap = plain.treeprocessors["wrap-only"]
    assert isinstance(wrap, WrapOnly)
    wrap.run = _timed(wrap.run, "wrap", seconds)  # type: ignore[method-assign]
    best = {"extension": math.inf, "wrap": math.inf}
    turns = transcripts = wrapped = 0
    for _ in range(repeats):
        seconds.clear()
        turns = transcripts = wrapped = 0
        for text, options in documents:
            found = len(convert(ours, text, options)[1].turns)
            turns += found
            transcripts += found > 0
        for text, _ in documents:
            plain.reset().convert(text)
            wrapped += wrap.wrapped
        for stage in best:
            best[stage] = min(best[stage], seconds.get(stage, 0.0))
    return PerTurn(
        label=label,
        pages=len(documents),
        megabytes=sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6,
        turns=turns,
        transcripts=transcripts,
        extension=best["extension"],
        wrap_only=best["wrap"],
        wrapped=wrapped,
    )


def measure(
    documents: list[tuple[str, PageOptions]], repeats: int
) -> list[tuple[Throughput, Throughput]]:
    """Pairs of (without, with) the extension: Python-Markdown bare, then with the site's
    extensions. One `Markdown` instance per run, reset between pages, as the best of
    `repeats` runs, alternating without and with."""
    names, configs = _site_extensions()
    megabytes = sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6
    results = []
    for label, extensions in (("Python-Markdown alone", []), ("with the site's extensions", names)):
        best: list[tuple[float, dict[str, float]]] = [(float("inf"), {}), (float("inf"), {})]
        for _ in range(repeats):
            for index, interview in enumerate((False, True)):
                seconds, stages = _convert_all(documents, extensions, configs, interview)
                fastest, fastest_stages = best[index]
                for stage, value in stages.items():
                    stages[stage] = min(value, fastest_stages.get(stage, value))
                best[index] = (min(seconds, fastest), stages)
        without = Throughput(label, best[0][0], megabytes, best[0][1])
        with_ = Throughput(f"{label} + interview", best[1][0], megabytes, best[1][1])
        results.append((without, with_))
    return results


def indexer_cost(documents: list[tuple[str, PageOptions]], repeats: int) -> IndexerCost:
    """What the search indexer takes per page on the pages' HTML, as the best of `repeats`
    runs over all pages, alternating the three kinds of HTML."""
    from material.plugins.search.plugin import Parser

    from mkdocs_interview.transcript import InterviewExtension, convert

    names, configs = _site_extensions()
    extension = InterviewExtension()
    plain_md = markdown.Markdown(extensions=names, extension_configs=configs)
    interview_md = markdown.Markdown(extensions=[*names, extension], extension_configs=configs)
    plain, interview = [], []
    for text, options in documents:
        plain.append(plain_md.reset().convert(text))
        interview.append(convert(interview_md, text, options)[0])
    bare = [
        _MARKER.sub(r"\2", _TURN_START.sub("<div><p>", html)).replace(
            '<div class="interview">', "<div>"
        )
        for html in interview
    ]
    best = [float("inf")] * 3
    for _ in range(repeats):
        for index, pages in enumerate((plain, interview, bare)):
            start = time.process_time()
            for html in pages:
                parser = Parser()
                parser.feed(html)
                parser.close()
            best[index] = min(best[index], time.process_time() - start)
    return IndexerCost(*(1000 * seconds / len(documents) for seconds in best))


def _site_extensions() -> tuple[list[str], dict[str, Any]]:
    """The names of the synthetic site's Markdown extensions, and their configs."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    for item in MARKDOWN_EXTENSIONS:
        if isinstance(item, dict):
            ((name, config),) = item.items()
            configs[name] = config
        else:
            name = item
        names.append(name)
    return names, configs


def _convert_all(
    documents: list[tuple[str, PageOptions]],
    extensions: list[str],
    configs: dict[str, Any],
    interview: bool,
) -> tuple[float, dict[str, float]]:
    from mkdocs_interview.transcript import InterviewExtension, convert

    extension = InterviewExtension()
    md = markdown.Markdown(
        extensions=[*extensions, extension] if interview else extensions,
        extension_configs=configs,
    )
    stages: dict[str, float] = {}
    for processor in md.treeprocessors:
        kind = type(processor)
        ours = kind.__module__.startswith("mkdocs_interview")
        stage = f"{INTERVIEW}{kind.__name__}" if ours else kind.__name__
        processor.run = _timed(processor.run, stage, stages)  # type: ignore[method-assign]
    for group in ("preprocessors", "postprocessors"):
        for processor in getattr(md, group):
            processor.run = _timed(processor.run, group, stages)
    md.serializer = _timed(md.serializer, "serializer", stages)
    start = time.process_time()
    for text, options in documents:
        if interview:
            convert(md, text, options)
        else:
            md.reset().convert(text)
    return time.process_time() - start, stages


def _timed(
    function: Callable[..., Any], stage: str, seconds: dict[str, float]
) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args)
        finally:
            seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - start

    return timed
