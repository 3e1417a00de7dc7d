"""Property tests: no value of any type, in any key the plugin reads, crashes a build.

Random values of every type YAML writes (null, booleans, small integers and integers of
thousands of digits, floats with nan and the infinities, any text with control characters and
markup, dates and times, and lists and mappings of them a few levels deep) go into every front
matter key the plugin reads, on three interview pages and on the sidecar of a caption file, all
in one real MkDocs site per example. Its build never raises; every warning of the plugin names
the file of the docs it is about (the page, the caption file or its sidecar, whose front matter
holds the key the warning is about, and a line inside it); and built again with `strict: true`,
it aborts exactly when the plain build warned, and never raises anything else.

The site's settings get random values too: loading the configuration either succeeds, and the
build then never raises, or is a configuration error (`Abort`) whose log names the option.
"""

from __future__ import annotations

import datetime
import logging
import math
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from mkdocs.utils.meta import get_data

from . import test_properties as _profiles  # noqa: F401 (registers and loads the profiles)
from .sites import Site, make_site

EXAMPLES = 40 if settings().max_examples >= 2000 else 10
"""Each example is a real build (two for the pages): a few dozen, whatever the profile."""

PAGE_KEYS = (
    "interview categories tags speakers host interviewer interviewee media title date "
    "description excerpt image teaser header"
).split()
SPEAKER_KEYS = "name aliases role avatar url side colour color".split()
HEADER_KEYS = "teaser og_image overlay_image".split()
SIDECAR_ONLY_KEYS = ["hide", "search"]
SETTING_KEYS = (
    "speakers interviewer interviewee index_page index_title tags_page tags_title hidden_tags "
    "default_image detection liquid page_meta social_meta captions export stylesheet enabled"
).split()
NAMES = ["Ann Lee", "Bo Chen"]

BODY = "**Ann Lee**: Hi?\n\n**Bo Chen**: Yes.\n\n**Ann Lee**: Sure?\n\n**Bo Chen**: Yes.\n"
VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Hi?\n\n"
    "00:00:02.000 --> 00:00:03.000\n<v Bo Chen>Yes.\n"
)
INDEX = "# Home\n\n<!-- interview:cards -->\n\n<!-- interview:tags -->\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
PAGES = ["talks/a.md", "talks/b.md", "talks/c.md"]
CAPTION, SIDECAR = "shows/ep.vtt", "shows/ep.yml"

# --- Values -----------------------------------------------------------------------------------

MARKUP = [
    "",
    " ",
    "<script>alert(1)</script>",
    "{: onclick=x}",
    '[laughs]{: onmouseover="alert(1)" }',
    "javascript:alert(1)",
    " JaVaScRiPt:alert(2)",
    "java\tscript:alert(3)",
    "data:text/html,<b>x</b>",
    '"><img src=x onerror=alert(4)>',
    "' onmouseover='alert(5)",
    "&#106;avascript:alert(6)",
    "\x02wzxhzdk:0\x03",
    "<!-- interview:cards -->",
    "<!-- interview:tags -->",
    "<!-- interview:transcript -->",
    "{% include toc %}",
    "**Ann Lee**: Hi?",
    "---",
    "...",
    "a\n---\nb",
    "http://[x",
    "https://example.org/a.png",
    "mailto:ann@example.org",
    "images/a.png",
    "/images/a.png",
    "../outside.png",
    "missing.png",
    "#2458b8",
    "#xyz",
    "host",
    "guest",
    "interview",
    "Interview",
    "index",
    "README",
    "C++",
    "!!!",
    "😀",
    "2024-05-02",
    "2024-02-30",
    "2020-03-28 10:00:00 +0100",
    "true",
    "null",
    *NAMES,
]
CONTROLS = "\x00\x01\x02\x03\x08\x0b\x0c\x1b\x7f\x80\x85\x9f\t\n\r \u2028\ufeff"

texts = st.one_of(
    st.text(),
    st.sampled_from(MARKUP),
    st.text(alphabet=st.sampled_from(CONTROLS + "ab<>\"'&:/#{}*[]"), max_size=20),
    # Long ones, cheaply: a short text repeated to a few thousand characters.
    st.builds(lambda text, size: (text * size)[:size], st.text(min_size=1), st.integers(1, 4000)),
)
huge_integers = st.builds(
    lambda digits, lead, sign: sign * (lead * 10 ** (digits - 1) + digits),
    st.integers(30, 5000),
    st.integers(1, 9),
    st.sampled_from([1, -1]),
)
floats = st.one_of(st.floats(), st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308]))
dates = st.one_of(
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(datetime.timezone.utc)),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.integers(),
    huge_integers,
    floats,
    texts,
    dates,
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from([*PAGE_KEYS, *SPEAKER_KEYS, *HEADER_KEYS]),
    st.integers(),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)
    ),
    max_leaves=8,
)

speaker_entries = st.one_of(
    st.sampled_from(NAMES),
    values,
    st.fixed_dictionaries(
        {},
        optional={
            key: st.one_of(st.sampled_from(NAMES if key == "name" else MARKUP), values)
            for key in SPEAKER_KEYS
        },
    ),
)
speakers = st.one_of(values, st.lists(speaker_entries, max_size=4))
headers = st.one_of(values, st.fixed_dictionaries({}, optional=dict.fromkeys(HEADER_KEYS, values)))


def value_of(key: str) -> st.SearchStrategy[Any]:
    """Any value, and for keys with a shape of their own, values of about that shape too."""
    if key == "speakers":
        return speakers
    if key == "header":
        return headers
    if key in ("tags", "categories", "aliases"):
        return st.one_of(values, st.lists(st.one_of(texts, scalars), max_size=5))
    if key == "interview":
        return st.one_of(st.just(True), values)
    return values


front_matters = st.fixed_dictionaries({}, optional={key: value_of(key) for key in PAGE_KEYS})
sidecars = st.one_of(
    st.builds(
        lambda extra, own: {**extra, **own},
        st.dictionaries(keys, values, max_size=2),
        st.fixed_dictionaries(
            {},
            optional={key: value_of(key) for key in [*PAGE_KEYS, *SIDECAR_ONLY_KEYS]},
        ),
    ),
    values,  # not a mapping, or one of any keys
)


def dumped(value: object) -> str:
    """`value` as YAML; the example is skipped when `yaml.safe_dump` cannot write it (an
    integer of more than 4,300 digits, which Python will not turn into text)."""
    try:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    except (ValueError, TypeError, yaml.YAMLError):
        assume(False)
        raise  # never reached


def page(meta: object) -> str:
    return f"---\n{dumped(meta)}---\n\n# A talk\n\n{BODY}"


# --- Checking the log -------------------------------------------------------------------------

PLUGIN = "interview: "
PLACE = re.compile(r"interview: (?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?: (?P<problem>.*)", re.S)
EXPORT_KEPT = re.compile(r"interview: .+: kept; the export is not written over it \(export: '.*'\)")
FRONT_MATTER_KEY = re.compile(r"front matter: (?:'(?P<key>[^'.]+)[.'])?")


def meta_of(name: str, text: str) -> dict[Any, Any]:
    """The front matter MkDocs (or the plugin, for a sidecar) reads from a file of the docs."""
    if name.endswith(".yml"):
        try:
            data = yaml.safe_load(text)
        except (yaml.YAMLError, ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}
    return get_data(text)[1]


def check_places(site: Site, docs: dict[str, str | bytes], *, settings: bool = False) -> None:
    """Every warning of the plugin names a file of the docs, a line inside it, and for a
    problem of front matter, a file whose front matter holds the key it is about. With
    `settings`, a warning may be about the settings (`mkdocs.yml: speakers: …`) or the export
    instead."""
    for message in site.warnings:
        if not message.startswith(PLUGIN):
            continue
        if settings and (
            message.startswith((f"{PLUGIN}mkdocs.yml: speakers: ", f"{PLUGIN}export: "))
            or EXPORT_KEPT.fullmatch(message)
        ):
            continue
        match = PLACE.fullmatch(message)
        assert match, f"names no file: {message!r}"
        name, line, problem = match["file"], match["line"], match["problem"]
        assert name in docs, f"names {name!r}, not a file of the docs: {message!r}"
        text = docs[name]
        if line is not None:
            assert isinstance(text, str), message
            assert 1 <= int(line) <= text.count("\n") + 1, f"no such line: {message!r}"
        if problem.startswith("front matter: ") and (key := FRONT_MATTER_KEY.match(problem)):
            assert name in (*PAGES, SIDECAR), f"a file without front matter: {message!r}"
            assert isinstance(text, str)
            if key["key"] is not None:
                assert key["key"] in meta_of(name, text), f"not its front matter: {message!r}"


def warned(site: Site) -> bool:
    return any(level in ("WARNING", "ERROR", "CRITICAL") for level, _ in site.logs)


@contextmanager
def errors_logged() -> Iterator[list[str]]:
    """The ERROR lines MkDocs logs meanwhile (loading a configuration logs its errors)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    messages: list[str] = []
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        messages += [record.getMessage() for record in records]


# --- Front matter ------------------------------------------------------------------------------


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    metas=st.tuples(front_matters, front_matters, st.one_of(front_matters, values)),
    sidecar=sidecars,
)
def test_no_front_matter_value_crashes_a_build(metas: tuple[object, ...], sidecar: object) -> None:
    docs: dict[str, str | bytes] = {
        "index.md": INDEX,
        "images/a.png": PNG,
        CAPTION: VTT,
        SIDECAR: dumped(sidecar),
    }
    docs.update((name, page(meta)) for name, meta in zip(PAGES, metas, strict=True))
    with tempfile.TemporaryDirectory() as root:
        site = make_site(Path(root), docs).build()
        note("\n".join(site.warnings))
        check_places(site, docs)
        strict = make_site(Path(root), {}, strict=True)
        if warned(site):
            with pytest.raises(Abort):
                strict.build()
        else:
            strict.build()


# --- Settings ----------------------------------------------------------------------------------

PATHS = [
    "interviews/index.md",
    "tags/index.md",
    "a/b.md",
    "index.md",
    "talks/a.md",
    "shows/ep.md",
    "shows/ep/index.md",
    "tags.md",
    "../x.md",
    "/x.md",
    "a\\b.md",
    "x.md/",
    "interviews.json",
    "sitemap.xml",
    "404.html",
    "index.html",
    "talks/a/index.html",
    "images/a.png",
    "images",
    "interview/interview.css",
    "a/./../b.json",
    "x\x00.json",
    "x" * 300 + ".md",
    False,
    "",
]


IMAGES = ["images/a.png", "/images/a.png", "missing.png", "https://example.org/a.png", "../a.png"]
SPEAKER_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "aliases": st.lists(st.sampled_from([*NAMES, "Ann", "AL"]), max_size=2),
    "role": texts,
    "avatar": st.sampled_from(IMAGES),
    "url": st.sampled_from(["https://example.org/ann", "mailto:ann@example.org", "javascript:x"]),
    "side": st.sampled_from(["host", "guest"]),
    "colour": st.sampled_from(["#2458b8", "#abc", "red"]),
}
settings_speakers = st.fixed_dictionaries(
    {"name": st.sampled_from([*NAMES, "Cy Diaz"])}, optional=SPEAKER_FIELDS
)


def setting_value(key: str) -> st.SearchStrategy[Any]:
    """Values of about the shape the setting takes."""
    if key == "speakers":
        return st.lists(st.one_of(st.sampled_from(NAMES), settings_speakers), max_size=3)
    if key in ("index_page", "tags_page", "export"):
        return st.one_of(st.sampled_from(PATHS), texts.map(lambda text: text + ".md"))
    if key == "default_image":
        return st.one_of(st.sampled_from(IMAGES), texts)
    if key == "detection":
        return st.sampled_from(["auto", "front-matter", "always", "off"])
    if key == "liquid":
        return st.sampled_from(["remove", "keep"])
    if key == "hidden_tags":
        return st.lists(texts, max_size=4)
    if key in ("interviewer", "interviewee", "index_title", "tags_title"):
        return texts
    if key == "enabled":
        return st.sampled_from([True, True, True, False])
    return st.booleans()


setting_maps = st.builds(
    lambda shaped, wild: {**shaped, **wild},
    st.fixed_dictionaries({}, optional={key: setting_value(key) for key in SETTING_KEYS}),
    # Now and then a setting of any value, or one the plugin does not have.
    st.one_of(
        st.just({}),
        st.dictionaries(st.one_of(st.sampled_from(SETTING_KEYS), keys), values, max_size=1),
    ),
)
site_settings = st.integers(0, 4).flatmap(lambda n: setting_maps if n else values)  # 4 maps in 5
SETTINGS_DOCS: dict[str, str | bytes] = {
    "index.md": INDEX,
    "images/a.png": PNG,
    CAPTION: VTT,
    SIDECAR: "title: An episode\ntags: [radio, interview]\n",
    "talks/a.md": "---\ntags: [career, C++]\nspeakers: [Ann Lee, Bo Chen]\n---\n\n" + BODY,
    "talks/b.md": "---\ninterview: true\ndate: 2024-05-02\n---\n\n{% include toc %}\n\n" + BODY,
    "talks/c.md": BODY,
}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(options=site_settings)
def test_no_setting_value_crashes_a_build(options: object) -> None:
    plugins = [{"interview": options}]
    dumped(plugins)  # skips what YAML cannot write
    with tempfile.TemporaryDirectory() as root:
        site = make_site(Path(root), SETTINGS_DOCS, plugins=plugins)
        with errors_logged() as errors:
            try:
                config = site.config()
            except Abort:
                config = None
        if config is None:
            note("\n".join(errors))
            if isinstance(options, dict):
                named = [key for key in options if any(f"option '{key}'" in e for e in errors)]
                assert named, f"no option named: {errors}"
            else:
                assert any("'interview' plugin" in error for error in errors), errors
            return
        assert not errors, errors
        site.build(config)
        note("\n".join(site.warnings))
        check_places(site, SETTINGS_DOCS, settings=True)
