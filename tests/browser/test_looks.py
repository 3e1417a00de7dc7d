"""Each theme, on a laptop and a phone: sides, overflow, avatars and contrast, with screenshots."""

from __future__ import annotations

import pytest

from .checks import avatar_problems, contrast_problems, overflow_problems, side_problems
from .support import INTERVIEWS, PAGES, PLUGIN_MARKUP, THEMES, WIDTHS, OpenPage, Sites, artifact

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_page_looks_right(
    sites: Sites, open_page: OpenPage, theme: str, path: str, width: int
) -> None:
    page = open_page(sites[theme], path, width)
    page.screenshot(path=artifact("screenshots", theme, path, f"{width}px.png"), full_page=True)

    problems = overflow_problems(page.evaluate("interviewProbes.overflow()"))
    measured = page.evaluate("selectors => interviewProbes.contrast(selectors)", PLUGIN_MARKUP)
    problems += contrast_problems(measured)
    if path in INTERVIEWS:
        problems += side_problems(
            page.evaluate("interviewProbes.turns()"), bubbles_apart=width >= 1000
        )
        problems += avatar_problems(page.evaluate("interviewProbes.avatars()"))
        expected = {".interview-avatar", ".interview-speaker", ".interview-turn", ".interview-meta"}
    elif path == "people/":
        expected = {".interview-people"}
    elif path.startswith("people/"):
        expected = {".interview-person", ".interview-card"}
    else:
        expected = {".interview-card"}
    missed = expected - {item["part"] for item in measured}
    problems += [f"no text of {part} measured" for part in sorted(missed)]
    assert not problems, "\n".join(problems)
