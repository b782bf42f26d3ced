"""The proofreading cache: findings per paragraph and per file, in one SQLite file.

Keys hash the text with everything that changes the answer: the code of this plugin,
the dictionaries and Grammalecte's version. A warm run over unchanged files costs a
stat and one query per file (each file's stat maps to its key); a changed file re-checks
only its changed paragraphs.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

FILE_NAME = "proofread.sqlite3"


def key_of(*parts: str) -> str:
    """A cache key: the hash of its parts."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def untold_key(key: str) -> str:
    """Where the cache says whether a per-file entry was shown by a build yet."""
    return key_of(key, "untold")


class Cache:
    """A key → JSON store; in memory when no folder is given."""

    def __init__(self, folder: str | Path | None = None):
        self._memory: dict[str, str] = {}
        self._pending: dict[str, str] = {}
        self._db = None
        self._path = None
        self._pid = os.getpid()
        if folder:
            path = Path(folder)
            path.mkdir(parents=True, exist_ok=True)
            self._path = str(path / FILE_NAME)
            self._db = sqlite3.connect(self._path, timeout=30)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT)"
            )

    def _connection(self):
        # A SQLite connection must not cross a fork: a worker opens its own (read only).
        if self._db is not None and self._pid != os.getpid():
            self._db = sqlite3.connect(self._path, timeout=30)
            self._pid = os.getpid()
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, object]:
        """The cached values of those keys that are known."""
        found: dict[str, object] = {}
        missing = []
        for key in keys:
            raw = self._pending.get(key) or self._memory.get(key)
            if raw is not None:
                found[key] = json.loads(raw)
            else:
                missing.append(key)
        if self._connection() is not None and missing:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk
                )
                for key, raw in rows:
                    self._memory[key] = raw
                    found[key] = json.loads(raw)
        return found

    def known(self, keys: list[str]) -> set[str]:
        """Those of ``keys`` that have a value, without reading the values."""
        found = {key for key in keys if key in self._pending or key in self._memory}
        missing = [key for key in keys if key not in found]
        if self._connection() is not None and missing:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key FROM entries WHERE key IN ({marks})", chunk)
                found.update(key for (key,) in rows)
        return found

    def get(self, key: str):
        """One cached value, or None."""
        return self.get_many([key]).get(key)

    def put(self, key: str, value: object) -> None:
        """Remember a value; written to disk by :meth:`flush`."""
        self._pending[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def take_pending(self) -> dict[str, str]:
        """Entries not yet flushed, handed over (by a worker to the parent process).

        They stay known here, so that a paragraph met again in the same worker is not
        checked twice.
        """
        taken = self._pending
        self._memory.update(taken)
        self._pending = {}
        return taken

    def put_raw(self, items: dict[str, str]) -> None:
        """Take entries computed elsewhere."""
        self._pending.update(items)

    def flush(self) -> None:
        """Write pending entries in one transaction."""
        if not self._pending:
            return
        if self._db is not None:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)",
                    list(self._pending.items()),
                )
        self._memory.update(self._pending)
        self._pending.clear()

    def close(self) -> None:
        """Flush and close."""
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None
