"""axe-core finds nothing on our pages that the theme does not already have without the plugin."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import pytest

from .support import INTERVIEWS, PAGES, PLUGIN_MARKUP, THEMES, WIDTHS, OpenPage, Sites, artifact

pytestmark = pytest.mark.browser

BASELINE_PAGES = INTERVIEWS
"""The interviews built with the plugin disabled: the same content as plain Markdown."""


@dataclass(frozen=True)
class Violation:
    rule: str
    help: str
    target: str
    html: str
    ours: bool
    """The element lies inside the plugin's markup."""


class Baseline:
    """What axe reports on a theme without the plugin, at one width."""

    def __init__(self, violations: list[Violation]) -> None:
        self.rules = {violation.rule for violation in violations}
        self.elements = {(violation.rule, violation.html) for violation in violations}

    def new(self, violations: list[Violation]) -> list[Violation]:
        """A rule the theme never breaks, or one broken by our markup on an element the
        theme's page does not have (the same code block failing both ways is the theme's)."""
        return [
            violation
            for violation in violations
            if violation.rule not in self.rules
            or (violation.ours and (violation.rule, violation.html) not in self.elements)
        ]


@pytest.fixture(scope="session")
def baselines() -> dict[str, dict[int, Baseline]]:
    """Per theme, per width: filled by the first test of the theme."""
    return {}


def audit(
    open_page: OpenPage, axe: str, sites: Sites, variant: str, path: str
) -> dict[int, list[Violation]]:
    """axe's violations at each width: one load, then the viewport narrowed to each in turn."""
    page = open_page(sites[variant], path, WIDTHS[0])
    page.add_script_tag(content=axe)
    found: dict[int, list[Violation]] = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        script = "selectors => interviewProbes.axeViolations(selectors)"
        found[width] = [Violation(**item) for item in page.evaluate(script, PLUGIN_MARKUP)]
        report = artifact("axe", variant, path, f"{width}px.json")
        report.write_text(json.dumps([asdict(v) for v in found[width]], indent=1), encoding="utf-8")
    return found


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_no_violation_the_theme_does_not_have(
    sites: Sites,
    open_page: OpenPage,
    axe_source: str,
    baselines: dict[str, dict[int, Baseline]],
    theme: str,
    path: str,
) -> None:
    if theme not in baselines:
        without = [
            audit(open_page, axe_source, sites, f"{theme}-without-plugin", page)
            for page in BASELINE_PAGES
        ]
        baselines[theme] = {
            width: Baseline([violation for found in without for violation in found[width]])
            for width in WIDTHS
        }
    new = [
        f"{width} px: {v.rule} ({v.help}): {v.target}\n  {v.html}"
        for width, found in audit(open_page, axe_source, sites, theme, path).items()
        for v in baselines[theme][width].new(found)
    ]
    assert not new, "\n".join(new)
