"""The engine alone: megabytes of Markdown per second through Python-Markdown, with and
without the interview extension, and which stage of the conversion the difference lands in;
and what the chat markup costs the search indexer."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import markdown
import yaml
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

    from mkdocs_interview.transcript import InterviewExtension

    names, configs = _site_extensions()
    extension = InterviewExtension()
    plain_md = markdown.Markdown(extensions=names, extension_configs=configs)
    interview_md = markdown.Markdown(extensions=[*names, extension], extension_configs=configs)
    plain, interview = [], []
    for text, options in documents:
        extension.page = options
        plain.append(plain_md.reset().convert(text))
        interview.append(interview_md.reset().convert(text))
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
    from mkdocs_interview.transcript import InterviewExtension

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
        extension.page = options
        md.reset()
        md.convert(text)
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
