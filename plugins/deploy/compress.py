"""Gzip and Brotli siblings of the text files of a built site (``x.html.gz``, ``x.html.br``).

Web servers send them as they are (nginx ``gzip_static``/``brotli_static``, Apache
``mod_rewrite`` rules in the README) instead of compressing each response again.
A sibling is written when it is missing or older than its file, and removed when its
file is gone: an incremental build, which writes only changed pages and removes stale
ones, gets siblings that follow it.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from cmcore.files import write_atomically

logger = logging.getLogger(__name__)

EXTENSIONS = (".html", ".css", ".js", ".mjs", ".svg", ".xml", ".json", ".txt", ".ics")
SIBLINGS = (".gz", ".br")


@dataclass(frozen=True)
class Compressed:
    """What one pass did: files given new siblings, files already up to date, orphans removed."""

    written: int
    unchanged: int
    removed: int


def gzip_bytes(data: bytes) -> bytes:
    """Gzip at the highest level, without name nor time: the same input gives the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    """Brotli at the highest quality, in text mode (files are compressed once, served often)."""
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)


def _siblings(data: bytes, kept: Path | None, used: set[str]) -> list[tuple[str, bytes]]:
    """The .gz and .br bytes of ``data``, from the folder of kept ones when they are there.

    A publish build writes every file again: keyed by content, only the files whose
    content changed are compressed again (Brotli 11 is slow: ~1 MB/s a core).
    """
    digest = hashlib.sha256(data).hexdigest()
    packed = []
    for suffix, make in ((".gz", gzip_bytes), (".br", brotli_bytes)):
        stored = kept / f"{digest}{suffix}" if kept else None
        used.add(f"{digest}{suffix}")
        if stored is not None and stored.is_file():
            blob = stored.read_bytes()
        else:
            blob = make(data)
            if stored is not None:
                write_atomically(stored, blob)
        packed.append((suffix, blob))
    return packed


def _write_siblings(path: str, kept: Path | None, used: set[str]) -> None:
    stat = os.stat(path)
    for suffix, packed in _siblings(Path(path).read_bytes(), kept, used):
        # The sibling carries its file's time: "up to date" is one stat, no decompression.
        # Atomically: a web server reading the folder sees the old bytes or the new ones.
        write_atomically(path + suffix, packed, times_ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _up_to_date(path: str, mtime_ns: int) -> bool:
    try:
        return all(os.stat(path + suffix).st_mtime_ns == mtime_ns for suffix in SIBLINGS)
    except FileNotFoundError:
        return False


def compress_folder(
    output: Path,
    extensions: tuple[str, ...] = EXTENSIONS,
    kept: Path | None = None,
    workers: int = 2,
) -> Compressed:
    """Give every text file of ``output`` its .gz and .br siblings; remove orphaned siblings.

    ``kept``: a folder of compressed contents kept between builds (keyed by content);
    what this pass did not use is removed from it.
    """
    if kept is not None:
        kept.mkdir(parents=True, exist_ok=True)
    to_write, unchanged, removed = [], 0, 0
    for folder, _dirs, files in os.walk(output):
        names = set(files)
        for name in files:
            path = os.path.join(folder, name)
            base, suffix = os.path.splitext(name)
            if suffix in SIBLINGS:
                if base.endswith(extensions) and base not in names:
                    os.unlink(path)  # its page was removed: the sibling goes too
                    removed += 1
            elif name.endswith(extensions):
                if _up_to_date(path, os.stat(path).st_mtime_ns):
                    unchanged += 1
                else:
                    to_write.append(path)
    # zlib and brotli release the GIL while they compress: threads use both cores.
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        used: set[str] = set()
        list(pool.map(lambda path: _write_siblings(path, kept, used), to_write))
    if kept is not None and to_write:
        for stored in kept.iterdir():
            if stored.name not in used:
                stored.unlink()
    return Compressed(len(to_write), unchanged, removed)


def compress_output(pelican) -> None:
    """Pelican ``finalized`` handler: compress the site just written (``DEPLOY_COMPRESS``)."""
    if not pelican.settings.get("DEPLOY_COMPRESS", True):
        return
    done = compress_folder(
        Path(pelican.output_path),
        tuple(pelican.settings.get("DEPLOY_COMPRESS_EXTENSIONS", EXTENSIONS)),
        kept=Path(pelican.settings["CACHE_PATH"]) / "compressed",
    )
    logger.info(
        "Compression : %d fichiers compressés, %d inchangés, %d copies retirées",
        done.written,
        done.unchanged,
        done.removed,
    )
