"""A page whose Markdown cannot hold a dialogue is left alone before any tree work; every page
that can is read in full, so the prescreen never changes what a page becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_interview.transcript.prescreen import may_hold_dialogue

from .conftest import FIXTURES, GOLDEN, convert

PAGES = sorted(GOLDEN.glob("*.md")) + sorted(FIXTURES.glob("*/*.md"))

SHAPES = {
    "bold, colon inside": "**{name}:** {words}",
    "bold, colon after": "**{name}**: {words}",
    "plain": "{name}: {words}",
    "double colon": "{name}:: {words}",
    "full-width colon": "{name}\uff1a{words}",
    "timed, words below": "{name} (00:0{n}:20):\n{words}",
    "timed, square": "{name} [00:0{n}:20]: {words}",
    "clock after bold": "**{name}** 00:0{n}:18\n{words}",
    "clock after a dash": "{name} \u2013 00:0{n}:20:\n{words}",
    "time before": "[00:0{n}:28] {name}: {words}",
    "escaped time before bold": "\\[unintelligible 00:0{n}:02\\]**{name}:** {words}",
    "quoted": "> **{name}:** {words}",
    "indented": "  {name}: {words}",
    "credentials": "{name}, PhD: {words}",
}
NAMES = ("Dana Osei", "rustacean42")


@pytest.mark.parametrize("shape", SHAPES.values(), ids=list(SHAPES))
def test_every_label_shape_passes(shape: str) -> None:
    lines = [
        shape.format(name=NAMES[n % 2], n=n, words="Is that so? Yes, it is.") for n in range(4)
    ]
    assert may_hold_dialogue("\n\n".join(lines).split("\n"))


@pytest.mark.parametrize(
    "letters", ["Q: {0}\n\nA: {0}", "Q. {0}\n\nA. {0}", "Q - {0}\n\nA \u2013 {0}"]
)
def test_questions_and_answers_pass(letters: str) -> None:
    assert may_hold_dialogue((letters.format("Why?") + "\n\n").split("\n") * 2)


def test_pages_with_colons_that_name_no_one_are_left_alone() -> None:
    docs = """# Setup

The following settings are available:

- `enabled`: whether the plugin runs. Default: `true`.
- `strict`: whether warnings fail the build.

| Option | Default: |
| --- | --- |

See [the reference][ref] for more.

[ref]: https://example.org/reference

```yaml
plugins:
  - search:
      lang: en
  - search:
      lang: de
```

Example: one line.
"""
    assert not may_hold_dialogue(docs.split("\n"))


def test_labels_inside_a_fence_count_only_if_it_never_closes() -> None:
    lines = ["```", "Dana: hi", "Sam: hi", "Dana: hi", "Sam: hi"]
    assert not may_hold_dialogue([*lines, "```"])
    assert may_hold_dialogue(lines)


def test_two_labels_must_recur() -> None:
    assert not may_hold_dialogue(["Ann: a", "Bea: b", "Cy: c", "Di: d"])
    assert not may_hold_dialogue(["Ann: a", "Bea: b", "ann: c", "Di: d"])
    assert may_hold_dialogue(["Ann: a", "Bea: b", "ann: c", "Bea: d"])
    # Sentences that end in a colon recur in documentation, but one alone is no cast.
    assert not may_hold_dialogue(["The options are:", "Example:", "The options are:", "Note:"])


@pytest.mark.parametrize("path", PAGES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_the_prescreen_changes_no_page(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = path.read_text(encoding="utf-8")
    screened = convert(source)
    monkeypatch.setattr(
        "mkdocs_interview.transcript.extension.may_hold_dialogue", lambda lines: True
    )
    read_in_full = convert(source)
    assert screened[0] == read_in_full[0]
    assert screened[1].turns == read_in_full[1].turns
