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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .cards import Entry

EXPORT_VERSION = 1


def export_data(entries: Iterable[Entry]) -> dict[str, Any]:
    """The export's content, as JSON-ready data."""
    interviews = [
        {
            "url": entry.page.url,
            "canonical_url": entry.page.canonical_url,
            "title": entry.title,
            "date": entry.date.isoformat() if entry.date else None,
            "tags": [tag.name for tag in entry.tags],
            "speakers": list(entry.speakers),
            "turns": [
                {
                    "id": turn.id,
                    "speaker": turn.speaker,
                    "side": turn.side,
                    "time": turn.time,
                    "text": turn.text,
                }
                for turn in entry.turns
            ],
        }
        for entry in sorted(entries, key=lambda entry: entry.page.url)
    ]
    return {"version": EXPORT_VERSION, "interviews": interviews}


def write_export(path: Path, entries: Iterable[Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # No indent: an indented dump runs in pure Python, several times slower on a large site.
    text = json.dumps(export_data(entries), ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
