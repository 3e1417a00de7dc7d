"""A deterministic synthetic site of interview pages, for the benchmark.

Page `i` is the same whatever the site's size: each page has its own seeded random generator.
"""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SECTION_SIZE = 100
"""Interview pages per section; each section has an index page listing them."""
NAV_ALL_PAGES_BELOW = 1000
"""From this many pages up, `nav` lists only the index pages."""
PHOTOS = 6
HOSTS = (
    ("Maren Holt", "host-1"),
    ("Tom Reyes", "host-2"),
    ("Lena Ortiz", "host-3"),
    ("Ruth Abebe", "host-4"),
)
MARKDOWN_EXTENSIONS: list[Any] = [
    {"toc": {"permalink": True}},
    "attr_list",
    "admonition",
    "tables",
    "pymdownx.highlight",
    "pymdownx.superfences",
]
"""The site's extensions, a common Material set; the engine benchmark uses them too."""

_FIRST = """Ada Sam Zoë Karl Ines Omar Priya Jonas Mei Aiko Lars Nadia Tomás Ife Hugo Rosa Emil
Sana Yusuf Greta Paolo Chen Malik Astrid Diego Leila Bram Noor Felix Ilse""".split()
_LAST = """Quinn Rivera Müller Jensen Costa Haddad Raman Berg Lin Sato Olsen Farah Silva Okafor
Moreau Vega Lund Iqbal Demir Novak Ricci Wang Osei Holm Ramos Karimi Visser Aziz Weber
Dahl""".split()
_TOPICS = """pottery bookbinding clocks organs boats bread printing glass weaving ceramics
lighthouses radio gardens bridges typefaces cheese violins maps bicycles archives""".split()
_WORDS = """the a of to and in that it was for on with as at by from but not what all were we
when your can said there use an each which she do how their if will up other about out many
then them these so some her would make like him into time has look two more write go see
number no way could people my than first water been call who oil its now find long down day
did get come made may part over new sound take only little work know place year live me back
give most very after thing our just name good sentence man think say great where help through
much before line right too mean old any same tell boy follow came want show also around form
three small set put end does another well large must big even such because turn here why ask
went men read need land different home us move try kind hand picture again change off play
spell air away animal house point page letter mother answer found study still learn should
world high every near add food between own below country plant last school father keep tree
never start city earth eye light thought head under story saw left few while along might close
something seem next hard open example begin life always those both paper together got group
often run important until children side feet car mile night walk white sea began grow took
river four carry state once book hear stop without second later miss idea enough eat face
watch far really almost let above girl sometimes mountain cut young talk soon list song
workshop bench chisel kiln glaze thread loom press ink furnace timber mould lathe varnish""".split()
_CODE = (
    (
        "python",
        "def {w}(items):\n    total = 0\n    for item in items:\n"
        "        total += item.{v}\n    return total\n",
    ),
    ("bash", 'for f in *.{w}; do\n  {v} "$f" > "out/$f"\ndone\n'),
    ("yaml", "{w}:\n  enabled: true\n  {v}: [one, two, three]\n"),
)


@dataclass(frozen=True)
class Page:
    """One generated interview page."""

    title: str
    teaser: str
    text: str
    turns: int


@dataclass(frozen=True)
class Site:
    """A generated site: its root, its two configs and what it holds."""

    root: Path
    plain_config: Path
    plugin_config: Path
    pages: int
    nav_index_only: bool
    markdown_bytes: int
    turns: int
    words: int

    def interview_path(self, index: int) -> Path:
        """The source file of interview page `index`."""
        return self.root / "docs" / _page_uri(index)


def generate(root: Path, pages: int, seed: int = 1) -> Site:
    """Write a site of `pages` interview pages, index pages and two configs under `root`."""
    docs = root / "docs"
    (docs / "assets" / "people").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "photos").mkdir(parents=True, exist_ok=True)
    for number in range(PHOTOS):
        _write_png(docs / "assets" / "photos" / f"photo-{number}.png", number)
    for number, (_, slug) in enumerate(HOSTS):
        _write_png(docs / "assets" / "people" / f"{slug}.png", number + PHOTOS)

    size = turns = words = 0
    sections = (pages + SECTION_SIZE - 1) // SECTION_SIZE
    for section in range(sections):
        listed = []
        for index in range(section * SECTION_SIZE, min(pages, (section + 1) * SECTION_SIZE)):
            page = interview_page(index, seed)
            path = docs / _page_uri(index)
            path.parent.mkdir(parents=True, exist_ok=True)
            size += path.write_bytes(page.text.encode("utf-8"))
            turns += page.turns
            words += len(page.text.split())
            listed.append(f"- [{page.title}]({path.name}): {page.teaser}")
        (docs / _section_dir(section) / "index.md").write_text(
            f"# Interviews, part {section + 1}\n\n" + "\n".join(listed) + "\n", encoding="utf-8"
        )
    home = [f"- [Part {number + 1}]({_section_dir(number)}/index.md)" for number in range(sections)]
    (docs / "index.md").write_text(
        "# Interviews\n\nConversations with makers, by part:\n\n" + "\n".join(home) + "\n",
        encoding="utf-8",
    )

    nav_index_only = pages >= NAV_ALL_PAGES_BELOW
    base: dict[str, Any] = {
        "site_name": f"Benchmark: {pages} interviews",
        "site_url": "https://example.org/",
        "theme": {"name": "material"},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
    }
    if nav_index_only:
        base["nav"] = [
            {"Home": "index.md"},
            {"Interviews": [f"{_section_dir(number)}/index.md" for number in range(sections)]},
        ]
    speakers = [
        {"name": name, "avatar": f"assets/people/{slug}.png", "side": "host"}
        for name, slug in HOSTS
    ]
    configs = {
        "plain": {**base, "site_dir": "site-plain", "plugins": ["search"]},
        "plugin": {
            **base,
            "site_dir": "site-plugin",
            "plugins": ["search", {"interview": {"speakers": speakers}}],
        },
    }
    for name, config in configs.items():
        (root / f"mkdocs-{name}.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return Site(
        root=root,
        plain_config=root / "mkdocs-plain.yml",
        plugin_config=root / "mkdocs-plugin.yml",
        pages=pages,
        nav_index_only=nav_index_only,
        markdown_bytes=size,
        turns=turns,
        words=words,
    )


def interview_page(index: int, seed: int = 1) -> Page:
    """Interview page `index`, its Markdown with front matter."""
    rng = random.Random(f"{seed}:{index}")
    host = HOSTS[index % len(HOSTS)][0]
    guest = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    topic = rng.choice(_TOPICS)
    title = f"{guest} on {topic}"
    teaser = _sentence(rng, ".")
    shape = rng.choices(("bold", "bold-inside", "qa", "heading", "auto"), (60, 10, 15, 5, 10))[0]
    meta: dict[str, Any] = {
        "title": title,
        "description": teaser,
        "date": f"20{10 + index % 15:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "tags": [topic, rng.choice(_TOPICS)] if shape == "auto" else ["interview", topic],
    }
    if shape == "qa":
        meta["speakers"] = [host, guest]
    elif shape == "heading":
        meta.update(interview=True, interviewer=host, interviewee=guest)
    elif shape == "bold-inside":
        meta["interview"] = True
    stamped = rng.random() < 0.3
    if stamped and rng.random() < 0.5:
        meta["media"] = f"https://example.org/audio/{index}.mp3"

    lines = [_paragraph(rng, 2, 4), ""]
    if rng.random() < 0.5:
        lines += [f"![{topic}](../../assets/photos/photo-{rng.randrange(PHOTOS)}.png)", ""]
    turns = rng.randint(30, 60)
    clock = rng.randrange(60)
    for turn in range(turns):
        asking = turn % 2 == 0
        if turn and turn % 16 == 0 and shape != "heading":
            lines += [f"## {_sentence(rng, '').title()}", ""]
        clock += rng.randint(20, 200)
        stamp = f"[{clock // 3600:02d}:{clock // 60 % 60:02d}:{clock % 60:02d}] " if stamped else ""
        if asking:
            question = _sentence(rng, "?")
            stamp = "" if shape == "heading" else stamp
            lines += [*_question(shape, host, stamp + question), ""]
        else:
            lines += _answer(rng, shape, guest, stamp)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return Page(title, teaser, f"---\n{front}---\n\n" + "\n".join(lines), turns)


def _question(shape: str, host: str, text: str) -> list[str]:
    if shape == "qa":
        return [f"Q: {text}"]
    if shape == "heading":
        return [f"### {text}"]
    if shape == "bold-inside":
        return [f"**{host}:** {text}"]
    return [f"**{host}**: {text}"]


def _answer(rng: random.Random, shape: str, guest: str, stamp: str) -> list[str]:
    first = stamp + _paragraph(rng, 2, 5)
    if rng.random() < 0.1:
        first += " [laughs]"
    if shape == "qa":
        lines = [f"A: {first}", ""]
    elif shape == "heading":
        lines = [first, ""]
    elif shape == "bold-inside":
        lines = [f"**{guest}:** {first}", ""]
    else:
        lines = [f"**{guest}**: {first}", ""]
    for _ in range(rng.choices((0, 1, 2, 3), (25, 35, 25, 15))[0]):
        lines += [_paragraph(rng, 2, 5), ""]
    extra = rng.random()
    if extra < 0.12:
        items = rng.randint(2, 5)
        bullet = rng.choice(("-", "1."))
        lines += [f"{bullet} {_sentence(rng, '')}" for _ in range(items)] + [""]
    elif extra < 0.18:
        language, template = rng.choice(_CODE)
        code = template.format(w=rng.choice(_WORDS[-12:]), v=rng.choice(_WORDS[-12:]))
        lines += [f"```{language}", code.rstrip("\n"), "```", ""]
    elif extra < 0.22:
        lines += [f"![A photo](../../assets/photos/photo-{rng.randrange(PHOTOS)}.png)", ""]
    elif extra < 0.25:
        lines += [f"> {_sentence(rng, '.')}", ""]
    return lines


def _paragraph(rng: random.Random, low: int, high: int) -> str:
    return " ".join(_sentence(rng, ".") for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random, end: str) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 18))
    if rng.random() < 0.15:
        position = rng.randrange(len(words))
        words[position] = f"*{words[position]}*"
    return " ".join(words).capitalize() + end


def _page_uri(index: int) -> str:
    return f"{_section_dir(index // SECTION_SIZE)}/interview-{index:05d}.md"


def _section_dir(section: int) -> str:
    return f"interviews/part-{section + 1:02d}"


def _write_png(path: Path, shade: int) -> None:
    """A tiny valid PNG, a flat grey."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)
    pixels = zlib.compress((b"\x00" + bytes([40 * shade % 256]) * 8) * 8)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
