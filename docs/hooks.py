"""Build hooks of the documentation site (`mkdocs.yml` beside this file).

- **Live examples.** A fenced `markdown` block right after a line `<!-- live -->` is shown as
  it is, then rendered by the plugin as part of the page, then closed by a rule. The build
  warns (and `--strict` fails) when a live example does not become a chat, or when a chat
  appears anywhere else on a page with live examples. `<!-- live: not a chat -->` is an
  example that must stay as it is; `<!-- live: with this page's front matter -->` shows the
  page's own front matter above the example, since that is what it renders with.
- **The options.** `<!-- options -->` becomes the reference of every option of the plugin,
  read from `InterviewConfig` in `mkdocs_interview/config.py`: its default, its choices and
  the docstring under it. An option without a docstring is a warning.
- **Files shown.** `<!-- file: examples/night-shift.vtt -->` becomes a code block with that
  file of the docs, as it is.
- **The images.** `docs/images/`, beside this file and shared with the README, is served as
  `images/`.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from mkdocs_interview import config as config_module

log = get_plugin_logger("docs")

HERE = Path(__file__).parent
IMAGES = HERE / "images"

START = "<!-- live example -->"
END = "<!-- end of live example -->"
"""Around the rendered copy of each live example: the built HTML keeps them, so that the
build, and the tests, can tell what each example became."""
TURN = 'class="interview-turn"'

LIVE = re.compile(
    r"^<!-- live(?:: (?P<kind>[^>]*?))? -->[ \t]*\n"
    r"(?P<fence>`{3,}|~{3,})markdown[ \t]*\n"
    r"(?P<source>.*?)"
    r"^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
KINDS = ("", "not a chat", "with this page's front matter")
OPTIONS = "<!-- options -->"
FILE = re.compile(r"^<!-- file: (?P<path>[^>]+?) -->[ \t]*$", re.MULTILINE)
LANGUAGES = {".yml": "yaml", ".json": "json", ".md": "markdown"}


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    for image in sorted(IMAGES.iterdir()):
        if image.is_file():
            files.append(
                File(
                    f"images/{image.name}",
                    src_dir=str(HERE),
                    dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                )
            )
    return files


@event_priority(100)  # before the plugin reads the page
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.src_uri
    if OPTIONS in markdown:
        markdown = markdown.replace(OPTIONS, options_reference(source))

    def shown_file(found: re.Match[str]) -> str:
        path = Path(config.docs_dir) / found["path"]
        if not path.is_file():
            log.warning(f"{source}: no file {found['path']!r} in the docs")
            return found[0]
        text = path.read_text(encoding="utf-8")
        fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`+", text))])
        language = LANGUAGES.get(path.suffix, "text")
        return f'{fence}{language} title="{found["path"]}"\n{text.rstrip()}\n{fence}'

    markdown = FILE.sub(shown_file, markdown)

    def live(found: re.Match[str]) -> str:
        kind, fence, text = found["kind"] or "", found["fence"], found["source"]
        if kind not in KINDS:
            log.warning(f"{source}: unknown kind of live example {kind!r}")
        shown = text
        if kind == "with this page's front matter":
            front = YAML_RE.match(page.file.content_string)  # as MkDocs reads it
            if front is None:
                log.warning(f"{source}: a live example with this page's front matter, but none")
            else:
                shown = front[0] + "\n" + text
        title = "Markdown" if kind != "with this page's front matter" else "This page's Markdown"
        shown_fence = f'{fence}markdown title="{title}"\n{shown}{fence}'
        return f"{shown_fence}\n\n{START}\n\n{text}\n---\n\n{END}"

    return LIVE.sub(live, markdown)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.src_uri
    kinds = [found["kind"] or "" for found in LIVE.finditer(page.file.content_string)]
    pieces = html.split(START)
    outside = [pieces[0]]
    for number, (kind, piece) in enumerate(zip(kinds, pieces[1:], strict=False), start=1):
        example, _, rest = piece.partition(END)
        outside.append(rest)
        if kind == "not a chat" and TURN in example:
            log.warning(f"{source}: live example {number} became a chat, and should not")
        elif kind != "not a chat" and TURN not in example:
            log.warning(f"{source}: live example {number} did not become a chat")
    if len(pieces) - 1 != len(kinds):
        log.warning(f"{source}: {len(kinds)} live examples, {len(pieces) - 1} rendered")
    if kinds and any(TURN in piece for piece in outside):
        log.warning(f"{source}: a chat outside the live examples")
    return html


def options_reference(source: str) -> str:
    """Every option of `InterviewConfig`: a `mkdocs.yml` excerpt with the defaults, and a
    section per option with its default, its choices and its docstring."""
    docs = option_docstrings()
    schema: list[tuple[str, Any]] = list(config_module.InterviewConfig._schema)
    for name, _ in schema:
        if not docs.get(name):
            log.warning(f"{source}: option {name!r} has no docstring in config.py")
    settings = []
    for name, option in schema:
        if option.default is None:
            settings.append(f"      # {name}:  (none by default)")
        else:
            settings.append(f"      {name}: {as_yaml(option.default)}")
    sections = []
    for name, option in schema:
        doc = docs.get(name, "")
        default = f"`{as_yaml(option.default)}`" if option.default is not None else "none"
        facts = [f"Default: {default}."]
        if choices := getattr(option, "choices", None):
            facts.append("One of " + ", ".join(f"`{choice}`" for choice in choices) + ".")
        sections.append(f"## `{name}` {{#{name}}}\n\n{' '.join(facts)}\n\n{doc}\n")
    return "\n".join(
        [
            "```yaml",
            "plugins:",
            "  - interview:",
            *settings,
            "```",
            "",
            *sections,
        ]
    )


def option_docstrings() -> dict[str, str]:
    """The string literal under each option of `InterviewConfig`, by option name."""
    tree = ast.parse(Path(inspect.getfile(config_module)).read_text(encoding="utf-8"))
    docs: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "InterviewConfig":
            body = node.body
            for statement, after in itertools.pairwise(body):
                targets = statement.targets if isinstance(statement, ast.Assign) else []
                if (
                    len(targets) == 1
                    and isinstance(targets[0], ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[targets[0].id] = inspect.cleandoc(after.value.value)
    return docs


def as_yaml(value: object) -> str:
    text: str = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True)
    return text.removesuffix("\n...\n").strip()
