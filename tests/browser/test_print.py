"""On paper: nothing clipped, and every text readable on white, with no background printed."""

from __future__ import annotations

import pytest

from .checks import contrast_problems, overflow_problems
from .support import INTERVIEWS, PLUGIN_MARKUP, THEMES, OpenPage, Sites, artifact

pytestmark = pytest.mark.browser

PAPER_WIDTH = 718
"""A4 at 96 px to the inch, less 1 cm margins."""
PAPER_MARGIN = "1cm"


@pytest.mark.parametrize("theme", THEMES)
def test_prints_legibly(sites: Sites, open_page: OpenPage, theme: str) -> None:
    problems = []
    for path in (*INTERVIEWS, "interviews/"):
        page = open_page(sites[theme], path, PAPER_WIDTH, media="print")
        page.screenshot(path=artifact("screenshots", theme, path, "print.png"), full_page=True)
        clipped = page.evaluate(
            "selectors => interviewProbes.clipped(selectors)",
            # a turn's own overflow holds its avatar, placed beside it: measure what it says
            # (a turn that continues its speaker's has their name out of sight)
            ".interview-turn > :not(.interview-avatar, .interview-continued > .interview-speaker),"
            " .interview-turn pre,"
            " .interview-turn table, .interview-card",
        )
        problems += [f"{path}: clipped {item}" for item in clipped]
        problems += [
            f"{path}: {p}" for p in overflow_problems(page.evaluate("interviewProbes.overflow()"))
        ]
        # browsers print without backgrounds by default: measure each text on white paper
        on_paper = page.evaluate(
            "selectors => interviewProbes.contrast(selectors, 'white')", PLUGIN_MARKUP
        )
        problems += [f"{path}: {p}" for p in contrast_problems(on_paper)]
        if path in INTERVIEWS:
            page.pdf(
                path=artifact("print", theme, path, "print.pdf"),
                format="A4",
                margin={side: PAPER_MARGIN for side in ("top", "right", "bottom", "left")},
            )
    assert not problems, "\n".join(problems)
