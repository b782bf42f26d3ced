"""What the previous build wrote, kept as plain JSON in the cache folder.

    {"version": 1, "base": "<digest>", "inputs": "<digest>",
     "pages": {"<output path>": "<page key>"},
     "files": {"<output path>": [size, mtime_ns]}}

``pages`` holds the key of every rendered page; ``files`` lists the files the build
produced (pages, feeds, copies, calendars) with their size and modification time, so
that the next build can tell an intact page from one changed or deleted by hand, and
remove the files that no longer belong to the site. Files put in the output folder by
hand are not listed, and never removed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 1


@dataclass
class Manifest:
    """The previous build's pages and files (empty when there was none)."""

    base: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[int]] = field(default_factory=dict)
    # Digest of every input of a build that ended without a content problem, else "".
    inputs: str = ""

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if data.get("version") != VERSION:
            return cls()
        return cls(
            data.get("base", ""),
            data.get("pages", {}),
            data.get("files", {}),
            data.get("inputs", ""),
        )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": VERSION,
            "base": self.base,
            "inputs": self.inputs,
            "pages": self.pages,
            "files": self.files,
        }
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)

    def intact(self, path: str) -> bool:
        """The file is where the previous build left it, as it left it."""
        recorded = self.files.get(path)
        if recorded is None:
            return False
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns] == recorded


def listing(
    output: Path, skip: Callable[[str], object] = lambda name: False
) -> dict[str, os.stat_result]:
    """Every file under ``output`` (but the top-level folders whose name ``skip`` accepts),
    with its stat.

    As ``os.walk`` sees them: links to folders are not followed, links to files are.
    One ``scandir`` per folder and one stat per file, without ``os.walk``'s lists: every
    page is a folder of its own, and this runs at the end of every build.
    """
    files: dict[str, os.stat_result] = {}
    top = str(output)
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                try:
                    if entry.is_dir():
                        if not entry.is_symlink() and not (folder == top and skip(entry.name)):
                            pending.append(entry.path)
                    else:
                        files[entry.path] = entry.stat()
                except OSError:  # a dangling link, a file removed meanwhile
                    continue
    return files
