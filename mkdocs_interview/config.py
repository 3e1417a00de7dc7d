"""The plugin's options, as written under `plugins: - interview:` in `mkdocs.yml`."""

from __future__ import annotations

import posixpath

from mkdocs.config import config_options as opt
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from .transcript import Speaker
from .transcript.model import DEFAULT_INTERVIEWEE, DEFAULT_INTERVIEWER
from .transcript.options import DETECTION_MODES, image_problem, shown, speakers_from, text_of
from .transcript.urls import CONTROL


class Speakers(BaseConfigOption[list[Speaker]]):
    """A list of speakers: names, or mappings with `name`, `aliases`, `role`, `avatar`,
    `url`, `side` and `colour`."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list[Speaker] = []

    def run_validation(self, value: object) -> list[Speaker]:
        speakers, problems = speakers_from(value, "speakers")
        if problems:
            raise ValidationError("; ".join(problems))
        return speakers


_LONGEST_NAME = 200
"""Bytes of a file or folder name: file systems allow 255, less what MkDocs adds."""


class InnerPath(BaseConfigOption[str | None]):
    """A relative path that stays inside a folder (the docs, or the built site), such as
    `interviews/index.md`, with names a file system takes; empty or `false` for none."""

    def __init__(self, default: str, *, inside: str, example: str, suffix: str = "") -> None:
        super().__init__()
        self.default = default
        self.inside = inside
        self.example = example
        self.suffix = suffix

    def run_validation(self, value: object) -> str | None:
        if value in (None, False, ""):
            return None
        path = posixpath.normpath(value.replace("\\", "/")) if isinstance(value, str) else ""
        if (
            path in ("", ".", "..")
            or path.startswith(("/", "../"))
            or not path.endswith(self.suffix)
            or CONTROL.search(path)
            or any(len(part.encode("utf-8")) > _LONGEST_NAME for part in path.split("/"))
        ):
            raise ValidationError(
                f"Expected a path inside {self.inside}, such as '{self.example}', "
                f"not {shown(value)}"
            )
        return path


class Name(opt.Type[str]):
    """A text that names something the reader sees, such as a speaker or a page title: never
    blank. Surrounding spaces are dropped."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = text_of(super().run_validation(value))
        if not text:
            raise ValidationError(f"Expected a name, such as '{self.default}', not {shown(value)}")
        return text


class Image(BaseConfigOption[str | None]):
    """An image: a URL with a safe scheme, or a path inside the docs; none by default."""

    def run_validation(self, value: object) -> str | None:
        if value is None:
            return None
        if problem := image_problem(value, self._name or "image"):
            raise ValidationError(problem)
        return str(value).strip()


class InterviewConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves __init_subclass__ unannotated
    """Options of the `interview` plugin."""

    enabled = opt.Type(bool, default=True)
    """Turn the plugin off without removing it, e.g. `enabled: !ENV [INTERVIEW, true]`."""

    detection = opt.Choice(DETECTION_MODES, default="auto")
    """Which pages are interviews.

    - `auto`: pages whose front matter says so (`interview: true`, `interview` among `categories`
      or `tags`, a `speakers:` list), and pages whose content is clearly a dialogue.
    - `front-matter`: only pages whose front matter says so.
    - `always`: every page (a site of interviews), unless its front matter says
      `interview: false`.
    - `off`: no page is rendered as a chat.

    `interview: false` in a page's front matter always turns that page off.
    """

    speakers = Speakers()
    """People who speak across the site, so that each page need not declare them:

    ```yaml
    speakers:
      - name: Sam Rivera
        aliases: [Sam, SR]
        role: Host
        avatar: images/sam.jpg     # a docs path or a URL
        url: https://example.org/sam
        side: host                 # or guest
        colour: "#2458b8"          # the initials' background
    ```
    """

    interviewer = Name(DEFAULT_INTERVIEWER)
    """Who asks in `Q:` lines, bold questions and heading questions, when a page does not say
    (with `interviewer:` or a `speakers:` list)."""

    interviewee = Name(DEFAULT_INTERVIEWEE)
    """Who answers in `A:` lines and after bold or heading questions, when a page does not say."""

    liquid = opt.Choice(("remove", "keep"), default="remove")
    """What to do with Jekyll Liquid tags on a line of their own (`{% include toc %}`) in
    interview pages: `remove` them, with one INFO line per page, or `keep` them as text."""

    index_page = InnerPath("interviews/index.md", inside="the docs", example="a/b.md", suffix=".md")
    """The page that shows every interview as a card, newest first; `false` for none. A page
    the docs already have there is kept, and its `<!-- interview:cards -->` marker filled."""

    index_title = Name("Interviews")
    """The title of the generated interviews page."""

    tags_page = InnerPath("tags/index.md", inside="the docs", example="a/b.md", suffix=".md")
    """The page listing every tag with its count; the page of each tag sits beside it
    (`tags/career.md`, shown at `tags/career/`). `false` for no tag pages."""

    tags_title = Name("Tags")
    """The title of the generated tag index."""

    hidden_tags = opt.ListOfItems(opt.Type(str), default=["interview"])
    """Tags that only mark a page as an interview, and get no tag page."""

    people = InnerPath("people/index.md", inside="the docs", example="a/b.md", suffix=".md")
    """The page listing everyone named who speaks in the interviews, by name, with their number
    of interviews ("host of 12 episodes" for a host); the page of each person, with their
    interviews' cards under their avatar, role and link from [`speakers`](#speakers), sits
    beside it (`people/ada-quinn.md`, shown at `people/ada-quinn/`). Generic labels (`Speaker
    0`, `Guest`, `Interviewer`, `Audience`, `Q`) name no one and are left out. `false` for no
    people pages."""

    people_title = Name("People")
    """The title of the generated people index."""

    default_image = Image()
    """A card image for interviews that have none (a path in the docs, or a URL)."""

    page_meta = opt.Type(bool, default=True)
    """Show each interview's date and tags, linking to the tag pages, at the top of the page."""

    social_meta = opt.Type(bool, default=True)
    """Add Open Graph and Twitter meta to interview pages, where the theme has not."""

    captions = opt.Type(bool, default=True)
    """Turn caption files in the docs (`.vtt`, `.srt`, Podcasting 2.0 `.json`) into interview
    pages: `episode-1.vtt` becomes `episode-1/`, or goes into `episode-1.md` if there is one."""

    export = InnerPath("interviews.json", inside="the site", example="interviews.json")
    """Where in the built site to write every interview as JSON; `false` for nowhere."""

    report = opt.Optional(opt.Type(str))
    """A file, from the directory of `mkdocs.yml`, to write the detection report to at each
    build: per page, whether it is an interview and why, its speakers and their turns, and
    the labels that speak for no one (`python -m mkdocs_interview report docs` prints it)."""

    stylesheet = opt.Type(bool, default=True)
    """Link the shipped `interview/interview.css` from the pages that show the plugin's markup
    (chats, cards, tag lists), or from every page under Material's instant navigation. Turn it
    off to style the chat with your own `extra_css` alone."""

    player = opt.Type(bool, default=True)
    """Ship `interview/player.js` to the pages that show a player (a page with `media` and a
    transcript): a click on a timestamp plays the recording from there in the page, and the
    turn being spoken is highlighted while it plays. `false` ships no script: the player still
    plays, and every timestamp still links to its moment of the recording."""
