"""Run Pagefind over a built site (the binary ships in the ``pagefind[bin]`` wheel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message is for the author."""


def index_site(output: Path, language: str = "fr", background: bool = False) -> None:
    """Write the search index to ``output/pagefind/``.

    In the ``background``, Pagefind runs on after the build returns (its own process, its
    own session): pages are served at once, the index follows a moment later.
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
        subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(
            "l’index de recherche n’a pas pu être construit "
            f"({detail[-1] if detail else 'Pagefind a échoué'}) ; relancez la construction"
        )
