"""What the previous build wrote, kept as plain JSON in the cache folder.

    {"version": 2, "output": "../output", "base": "<digest>", "inputs": "<digest>",
     "pages": {"<path in the output folder>": "<page key>"},
     "files": {"<path in the output folder>": [size, mtime_ns]}}

``pages`` holds the key of every rendered page; ``files`` lists the files the build
produced (pages, feeds, copies, calendars) with their size and modification time, so
that the next build can tell an intact page from one changed or deleted by hand, and
remove the files that no longer belong to the site. Files put in the output folder by
hand are not listed, and never removed.

Paths are kept relative to the output folder (``categorie/conseils/index.html``) and
joined to the current ``OUTPUT_PATH`` when read: a project folder copied or moved, or a
build whose ``OUTPUT_PATH`` changed, never reaches into another folder's files. A path
that would leave the output folder is dropped when the manifest is read. ``output`` is
the output folder relative to the manifest's folder: a build whose ``OUTPUT_PATH`` is
another folder reads no previous build (the files it lists are another folder's).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 2  # 1 held absolute paths: read as no previous build
# The last manifest read, with the path, output folder and stat it was read with.
_LAST: tuple[tuple, Manifest] | None = None


@dataclass
class Manifest:
    """The previous build's pages and files (empty when there was none)."""

    base: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[int]] = field(default_factory=dict)
    # Digest of every input of a build that ended without a content problem, else "".
    inputs: str = ""

    @classmethod
    def load(cls, path: Path, output: str | Path) -> Manifest:
        """The manifest at ``path``, its paths joined to the ``output`` folder.

        Read once per version of the file: a build asks for it twice (is anything to be
        done? then what did the last build write?), and it lists every page of the site.
        The caller does not change what it gets.
        """
        global _LAST
        top = os.fspath(output)
        try:
            key = _version_of(path, top)
            if _LAST is not None and _LAST[0] == key:
                return _LAST[1]
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls()
        if data.get("output", _folder(path, top)) != _folder(path, top):
            return cls()  # another output folder's build
        manifest = cls(
            data.get("base", ""),
            _inside(top, data.get("pages")),
            _inside(top, data.get("files")),
            data.get("inputs", ""),
        )
        _LAST = (key, manifest)
        return manifest

    def save(self, path: Path, output: str | Path) -> None:
        """Write the manifest, its paths relative to ``output`` (others are not kept)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        top = os.fspath(output)
        data = {
            "version": VERSION,
            "output": _folder(path, top),
            "base": self.base,
            "inputs": self.inputs,
            "pages": _relative(top, self.pages),
            "files": _relative(top, self.files),
        }
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
        # The next build in this process (the dev server) reads it back from here.
        global _LAST
        key = _version_of(path, top)
        _LAST = (
            key,
            Manifest(
                self.base, _inside(top, data["pages"]), _inside(top, data["files"]), self.inputs
            ),
        )

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


def _folder(path: Path, top: str) -> str:
    """The output folder ``top`` as the manifest at ``path`` names it."""
    return os.path.relpath(top, os.path.dirname(os.path.abspath(path))).replace(os.sep, "/")


def _version_of(path: Path, top: str) -> tuple:
    """Which manifest file this is, as read for the output folder ``top``."""
    stat = os.stat(path)
    return (os.fspath(path), top, stat.st_size, stat.st_mtime_ns, stat.st_ino)


def _relative(top: str, paths: dict) -> dict:
    prefix = os.path.join(top, "")
    return {
        name[len(prefix) :].replace(os.sep, "/"): value
        for name, value in paths.items()
        if name.startswith(prefix)
    }


def _inside(top: str, paths: object) -> dict:
    # A hand-edited or foreign manifest must not name a file outside the output folder.
    if not isinstance(paths, dict):
        return {}
    prefix = os.path.join(top, "")
    kept = {}
    for name, value in paths.items():
        # No empty, "." or ".." part: tested on the whole name, not part by part (this
        # runs for every file of the site).
        if not isinstance(name, str) or any(mark in f"/{name}/" for mark in ("//", "/./", "/../")):
            continue
        kept[prefix + name if os.sep == "/" else os.path.join(top, *name.split("/"))] = value
    return kept


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
