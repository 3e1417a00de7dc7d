"""The engine alone: megabytes of Markdown per second through Python-Markdown, with and
without the interview extension."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import markdown
import yaml
from synth import MARKDOWN_EXTENSIONS, interview_page

from mkdocs_interview.transcript import InterviewExtension, PageOptions, page_options


@dataclass(frozen=True)
class Throughput:
    """Best CPU time to convert the corpus, as megabytes (10^6 bytes) per second."""

    label: str
    seconds: float
    megabytes: float

    @property
    def rate(self) -> float:
        return self.megabytes / self.seconds


def corpus(pages: int, seed: int) -> list[tuple[str, PageOptions]]:
    """The first `pages` interview pages: the Markdown after the front matter, and the page's
    options as the plugin would make them from the front matter."""
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
    extensions. One `Markdown` instance per run, reset between pages."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    for item in MARKDOWN_EXTENSIONS:
        if isinstance(item, dict):
            ((name, config),) = item.items()
            configs[name] = config
        else:
            name = item
        names.append(name)
    megabytes = sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6
    results = []
    for label, extensions in (("Python-Markdown alone", []), ("with the site's extensions", names)):
        pair = []
        for interview in (False, True):
            best = min(
                _convert_all(documents, extensions, configs, interview) for _ in range(repeats)
            )
            pair.append(Throughput(label + (" + interview" if interview else ""), best, megabytes))
        results.append((pair[0], pair[1]))
    return results


def _convert_all(
    documents: list[tuple[str, PageOptions]],
    extensions: list[str],
    configs: dict[str, Any],
    interview: bool,
) -> float:
    extension = InterviewExtension()
    md = markdown.Markdown(
        extensions=[*extensions, extension] if interview else extensions,
        extension_configs=configs,
    )
    start = time.process_time()
    for text, options in documents:
        extension.page = options
        md.reset()
        md.convert(text)
    return time.process_time() - start
