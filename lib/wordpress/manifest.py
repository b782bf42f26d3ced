"""What earlier imports wrote: ``content/import-wordpress.json``, kept with the content.

    {"format": 1,
     "files": {"conseils/mon-article.md": "<sha256 of the text the import wrote>"},
     "items": {"carnet.example:123": "conseils/mon-article.md"},
     "inputs": {"carnet.example:123": {"digest": "<sha256 of the item>", "uploads": [...],
                                       "missing": [...], "shortcodes": [...], "old_links": [...]}},
     "context": "<sha256 of what every conversion depends on>"}

It tells a file the import wrote and nobody touched since (it may be updated when the
export changed) from a file the author edited (never overwritten: a conflict), and gives
every WordPress item the same file at every run, whatever else the export gained. An item
whose inputs and context did not change, and whose file is as written, is not converted
again: its needs (images, the report's lists) are read back from ``inputs``. Paths
are relative to the content folder. Without it (deleted), every existing file counts as
edited: nothing is overwritten, the import only adds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from cmcore.files import write_atomically

NAME = "import-wordpress.json"
FORMAT = 1


def digest(data: bytes) -> str:
    """The fingerprint of a file's bytes as the import wrote them."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    path: Path
    files: dict[str, str] = field(default_factory=dict)
    items: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, dict] = field(default_factory=dict)
    context: str = ""
    text: str = ""

    @classmethod
    def load(cls, content: Path) -> Manifest:
        path = Path(content) / NAME
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls(path)
        files = {str(k): str(v) for k, v in (data.get("files") or {}).items()}
        items = {str(k): str(v) for k, v in (data.get("items") or {}).items()}
        inputs = {str(k): v for k, v in (data.get("inputs") or {}).items() if isinstance(v, dict)}
        return cls(path, files, items, inputs, str(data.get("context") or ""), text)

    def dumps(self) -> str:
        data = {
            "context": self.context,
            "files": self.files,
            "format": FORMAT,
            "inputs": self.inputs,
            "items": self.items,
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"

    def save(self) -> bool:
        """Write the manifest when it changed; True when it did."""
        text = self.dumps()
        if text == self.text:
            return False
        write_atomically(self.path, text)
        self.text = text
        return True
