"""Run Pagefind over a built site (the binary ships in the ``pagefind[bin]`` wheel)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

# Indexers started in the background, each waiting for this process to end (see below).
_WAITING: list[subprocess.Popen] = []


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message is for the author."""


def index_site(output: Path, language: str = "fr", background: bool = False) -> None:
    """Write the search index to ``output/pagefind/``.

    In the ``background``, Pagefind runs on after the build returns (its own process, its
    own session): pages are served at once, the index follows a moment later. It starts
    when this process ends, so that the build's memory is given back before Pagefind takes
    its own: a shell waits for the end of its standard input, a pipe whose other end only
    this process holds. A process that lives on (the dev server) calls :func:`start_waiting`.
    """
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(output),
        "--force-language",
        language,
        "--silent",
    ]
    if background:
        # Runs for the same output take turns (flock): in the dev server, a save during
        # an indexing must not have two Pagefinds write one bundle; the last run sees the
        # last build.
        lock = index_lock(output)
        waiting = subprocess.Popen(
            ["sh", "-c", 'cat >/dev/null; exec flock "$0" "$@"', str(lock), *command],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        _WAITING.append(waiting)
        return
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(
            "l’index de recherche n’a pas pu être construit "
            f"({detail[-1] if detail else 'Pagefind a échoué'}) ; relancez la construction"
        )


def index_lock(output: Path) -> Path:
    """The lock background indexers of ``output`` take turns on (outside the site)."""
    key = hashlib.blake2b(str(Path(output).resolve()).encode(), digest_size=8).hexdigest()
    return Path(tempfile.gettempdir()) / f"pagefind-{key}.lock"


def start_waiting() -> None:
    """Let the indexers waiting for this process start now."""
    while _WAITING:
        _WAITING.pop().stdin.close()
