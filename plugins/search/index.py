"""Run Pagefind over a built site (the binary ships in the ``pagefind[bin]`` wheel).

Pagefind keeps its whole index in memory while it writes it, and that memory grows with
every distinct word of every page: about 0.2 MB per article, 207 MB for 1,000 articles,
four times what Pelican itself takes to build them. So a large site is indexed in
bundles of at most ``bundle_pages`` pages (250 by default, ``SEARCH_BUNDLE_PAGES``), one
Pagefind run after the other: ``pagefind/`` holds the first, ``pagefind-1/``... the
others, and ``pagefind/bundles.json`` lists them for the search page, which merges them
in the browser (Pagefind's ``mergeIndex``: each bundle is searched, the results are
ranked together by score). A page goes to the bundle its path's CRC-32 names, so the
bundles are alike and a page stays in its bundle from one build to the next. A site of
up to ``bundle_pages`` pages is one bundle, as Pagefind alone makes it.

``python -m search.index OUTPUT [LANGUAGE [BUNDLE_PAGES]]`` indexes OUTPUT this way.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from cmcore.files import write_atomically
from cmcore.waiting import after_build, hold

BUNDLE_PAGES = 250
PRIMARY = "pagefind"
LIST = "bundles.json"
_OTHER_BUNDLE = re.compile(re.escape(PRIMARY) + r"-(\d+)")
_GLOB_SPECIAL = re.compile(r"([\\{}\[\]*?,!])")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message is for the author."""


def index_site(
    output: Path,
    language: str = "fr",
    background: bool = False,
    bundle_pages: int = BUNDLE_PAGES,
    cache: Path | None = None,
) -> None:
    """Write the search index to ``output/pagefind/`` (and its other bundles).

    In the ``background``, the indexing runs on after the build returns (its own process,
    its own session): pages are served at once, the index follows a moment later. It
    starts when this process has ended, so that the build's memory is given back before
    Pagefind takes its own (``cmcore.waiting``). A process that lives on (the dev server)
    calls ``cmcore.waiting.start_all``. Their lock file is kept in ``cache`` (the build's
    ``CACHE_PATH``; default: the output's parent folder), never outside the project.
    """
    if background:
        # Runs for the same output take turns (flock): in the dev server, a save during
        # an indexing must not have two Pagefinds write one bundle; the last run sees the
        # last build.
        command = [
            sys.executable,
            "-m",
            "search.index",
            str(output),
            language,
            str(bundle_pages),
        ]
        environment = dict(os.environ)
        plugins = str(Path(__file__).resolve().parents[1])
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (plugins, environment.get("PYTHONPATH")) if p
        )
        lock = str(index_lock(output, cache))
        waiting = subprocess.Popen(
            after_build(["flock", lock, *command]),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=environment,
        )
        hold(waiting)
        return
    build_index(Path(output), language, bundle_pages)


def indexed_pages(output: Path) -> list[str]:
    """The pages Pagefind indexes (those with ``data-pagefind-body``), relative to ``output``."""
    pages = []
    for folder, subfolders, names in os.walk(output):
        if folder == str(output):
            subfolders[:] = [s for s in subfolders if not _is_bundle(s)]
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as page:
                    if "data-pagefind-body" in page.read():
                        pages.append(os.path.relpath(path, output))
    return sorted(pages)


def bundles(pages: list[str], bundle_pages: int = BUNDLE_PAGES) -> list[list[str]]:
    """The pages of each bundle: as many bundles as it takes, each page in one."""
    count = max(1, math.ceil(len(pages) / max(1, bundle_pages)))
    parts: list[list[str]] = [[] for _ in range(count)]
    for page in pages:
        parts[zlib.crc32(page.encode("utf-8")) % count].append(page)
    return parts


def build_index(output: Path, language: str = "fr", bundle_pages: int = BUNDLE_PAGES) -> None:
    """Index ``output`` in bundles, one Pagefind run after the other."""
    parts = bundles(indexed_pages(output), bundle_pages)
    names = [PRIMARY] + [f"{PRIMARY}-{number}" for number in range(1, len(parts))]
    for name, part in zip(names, parts, strict=True):
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(output),
            "--force-language",
            language,
            "--silent",
            "--output-subdir",
            name,
        ]
        if len(parts) > 1:  # else every page, as Pagefind finds them
            command += ["--glob", "{" + ",".join(_GLOB_SPECIAL.sub(r"\\\1", p) for p in part) + "}"]
        result = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", check=False
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise SearchIndexError(
                "l’index de recherche n’a pas pu être construit "
                f"({detail[-1] if detail else 'Pagefind a échoué'}) ; relancez la construction"
            )
    # The bundles of a larger site that this one no longer needs.
    for entry in output.iterdir():
        if _is_bundle(entry.name) and entry.name not in names and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
    listed = output / PRIMARY / LIST
    write_atomically(listed, json.dumps({"bundles": [f"{n}/" for n in names[1:]]}))


def _is_bundle(name: str) -> bool:
    return name == PRIMARY or bool(_OTHER_BUNDLE.fullmatch(name))


def index_lock(output: Path, cache: Path | None = None) -> Path:
    """The lock background indexers of ``output`` take turns on (outside the site, inside
    the project: in ``cache``, else beside the output folder)."""
    folder = Path(cache) if cache else Path(output).parent
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"pagefind-{Path(output).name}.lock"


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 3:
        print(
            "utilisation : python -m search.index SORTIE [LANGUE [PAGES_PAR_LOT]]", file=sys.stderr
        )
        return 2
    language = argv[1] if len(argv) > 1 else "fr"
    bundle_pages = int(argv[2]) if len(argv) > 2 else BUNDLE_PAGES
    try:
        build_index(Path(argv[0]), language, bundle_pages)
    except SearchIndexError as error:
        print(f"erreur : {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
