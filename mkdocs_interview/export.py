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
      "turns": [
        {"id": "turn-1", "speaker": "Tomás Ferreira", "side": "host", "time": 262.21,
         "text": "How does somebody become a lighthouse keeper?"}
      ]
    }
  ]
}
```

Interviews are ordered by URL, turns as they are spoken; `date`, `canonical_url` and `time`
are null when unknown. The file is the same for the same site, byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from .cards import Entry
from .transcript import Turn

EXPORT_VERSION = 1

_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def turns_json(turns: Sequence[Turn]) -> str:
    """A page's turns as the export writes them. Each page's are encoded as soon as it is
    rendered: a string is all a large site keeps of them until the end of the build."""
    return _compact(
        [
            {
                "id": turn.id,
                "speaker": turn.speaker,
                "side": turn.side,
                "time": turn.time,
                "text": turn.text,
            }
            for turn in turns
        ]
    )


def write_export(path: Path, entries: Iterable[Entry]) -> None:
    """Write the export, one interview at a time, ordered by URL."""
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
                }
            )
            file.write(f'{"," if index else ""}{interview[:-1]},"turns":{entry.turns_json}}}')
        file.write("]}\n")
