"""The plugin's options, as written under `plugins: - interview:` in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class InterviewConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves __init_subclass__ unannotated
    """Options of the `interview` plugin."""

    enabled = opt.Type(bool, default=True)
    """Turn the plugin off without removing it, e.g. `enabled: !ENV [INTERVIEW, true]`."""

    detection = opt.Choice(("auto", "front-matter", "off"), default="auto")
    """Which pages are interviews.

    - `auto`: pages whose front matter says so (`interview: true`, `interview` among `categories`
      or `tags`, a `speakers:` list), and pages whose content is clearly a dialogue.
    - `front-matter`: only pages whose front matter says so.
    - `off`: no page is rendered as a chat.

    `interview: false` in a page's front matter always turns that page off.
    """

    stylesheet = opt.Type(bool, default=True)
    """Link the shipped `interview/interview.css` in every page. Turn it off to style the chat
    with your own `extra_css` alone."""
