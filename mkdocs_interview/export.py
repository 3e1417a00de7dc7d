"""`interviews.json`: every interview of the site as data, for any tool to read.

```json
{
  "version": 1,
  "interviews": [
    {
      "url": "interviews/lighthouse/",
      "canonical_url": "https://example.org/interviews/lighthouse/",
      "title": "Twenty-two winters on Skerry Point",
      "date": "2024-05-02",
      "tags": ["careers"],
      "speakers": ["Tomás Ferreira", "Ingrid Solberg"],
      "people": {"Tomás Ferreira": "people/tomas-ferreira/",
                 "Ingrid Solberg": "people/ingrid-solberg/"},
      "turns": [
        {"id": "turn-1", "speaker": "Tomás Ferreira", "side": "host", "time": 262.21,
         "text": "How does somebody become a lighthouse keeper?"}
      ]
    }
  ]
}
```

Interviews are ordered by URL, turns as they are spoken; `date`, `canonical_url` and `time`
are null when unknown. `people` gives the page of each speaker who has one (generic labels
such as `Guest` have none), by the name they speak under in the turns; it is left out with
`people: false`. The file is the same for the same site, byte for byte.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .transcript import Turn

if TYPE_CHECKING:
    from .cards import Entry
    from .catalog import Catalog
    from .people import People

EXPORT_VERSION = 1

_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_string = json.encoder.encode_basestring  # how `_compact` writes a text


class TurnSpool:
    """Every page's turns, encoded for the export as soon as the page is rendered and kept in
    a temporary file: a large site's transcripts need not stay in memory to the end."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None

    def add(self, turns: Sequence[Turn], *, prose: bool = False) -> tuple[int, int]:
        """Keep `turns` (the passages of prose, with `prose`); return where they lie, for
        `read`."""
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (open until the export is written)
        data = turns_json(turns, prose=prose).encode("utf-8")
        start = self._file.seek(0, 2)
        self._file.write(data)
        return start, len(data)

    def read(self, where: tuple[int, int] | None) -> str:
        """The turns kept at `where`, as JSON."""
        if where is None or self._file is None:
            return "[]"
        self._file.seek(where[0])
        return self._file.read(where[1]).decode("utf-8")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def turns_json(turns: Sequence[Turn], *, prose: bool = False) -> str:
    """A page's turns as the export writes them: what `_compact` makes of a list of dicts,
    written turn by turn, with each speaker's fields encoded once. The passages of prose
    (`prose`) are on no side, and of no speaker when the page names none."""
    heads: dict[tuple[str, str], str] = {}
    items = []
    for turn in turns:
        head = heads.get((turn.speaker, turn.side))
        if head is None:
            speaker = "null" if prose and not turn.speaker else _string(turn.speaker)
            side = "null" if prose else _string(turn.side)
            head = f',"speaker":{speaker},"side":{side},"time":'
            heads[turn.speaker, turn.side] = head
        time = "null" if turn.time is None else _number(turn.time)
        items.append(f'{{"id":{_string(turn.id)}{head}{time},"text":{_string(turn.text)}}}')
    return f"[{','.join(items)}]"


def _number(value: float) -> str:
    """`value` as `_compact` writes it."""
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return repr(value)
    return _compact(value)  # NaN, infinities, a bool


def export_refusal(
    export: str, site: Path, outputs: Mapping[str, File], config: MkDocsConfig
) -> str | None:
    """Why the export may not be written at `export` in the built `site`, or None. It never
    takes the place of a file of the docs or the theme (`outputs`: every file the build
    writes, by `dest_uri`), of a page the theme renders (`sitemap.xml`), or of a file another
    plugin wrote; a folder is no place for it either."""
    owner = file.src_uri if (file := outputs.get(export)) is not None else None
    if owner is None and export in (*config.theme.static_templates, *config.extra_templates):
        owner = f"the template {export}"
    path = site / export
    if owner is None and path.is_dir():
        return f"export: '{export}' is a folder of the built site; no export written"
    if owner is None and path.exists() and not _is_export(path):
        owner = f"the file {export} that the build wrote"
    if owner is not None:
        return f"{owner}: kept; the export is not written over it (export: '{export}')"
    return None


def _is_export(path: Path) -> bool:
    """Whether `path` holds an export (of an earlier build, with `--dirty`)."""
    start = f'{{"version":{EXPORT_VERSION},"interviews":['.encode()
    try:
        with path.open("rb") as file:
            return file.read(len(start)) == start
    except OSError:
        return False


def write_export(
    path: Path, entries: Iterable[Entry], spool: TurnSpool, people: People | None = None
) -> None:
    """Write the export, one interview at a time, ordered by URL; with `people`, the page of
    each person who speaks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        file.write(f'{{"version":{EXPORT_VERSION},"interviews":[')
        for index, entry in enumerate(sorted(entries, key=lambda entry: entry.page.url)):
            interview = _compact(
                {
                    "url": entry.page.url,
                    "canonical_url": entry.page.canonical_url,
                    "title": entry.title,
                    "date": entry.date.isoformat() if entry.date else None,
                    "tags": [tag.name for tag in entry.tags],
                    "speakers": list(entry.speakers),
                    **({"people": people.links(entry)} if people is not None else {}),
                }
            )
            turns = spool.read(entry.turns)
            file.write(f'{"," if index else ""}{interview[:-1]},"turns":{turns}}}')
        file.write("]}\n")


def export(catalog: Catalog, config: MkDocsConfig) -> str | None:
    """Write the export of the interviews in `catalog`, if the settings ask for one; return
    why it is not written."""
    path = catalog.settings.export
    if not path or not catalog.entries:
        return None
    site = Path(config.site_dir)
    if problem := export_refusal(path, site, catalog.outputs, config):
        return problem
    people = catalog.people if catalog.settings.people else None
    write_export(site / path, catalog.entries.values(), catalog.turn_spool(), people)
    return None
