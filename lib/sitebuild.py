"""One build of the site: ``python -m sitebuild [--publish]`` (what ``make build`` runs).

``tasks.py`` runs the same function for ``invoke build``; the Makefile calls this module
directly so that a build carries no task runner in its memory.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from cmcore.french import NBSP, plural

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_DEV = ROOT / "pelicanconf.py"
SETTINGS_PUBLISH = ROOT / "publishconf.py"

_LEVELS_FR = {"WARNING": "attention", "ERROR": "erreur", "CRITICAL": "erreur"}


class FrenchFormatter(logging.Formatter):
    """One line per message, level in French, no traceback for the author."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        level = _LEVELS_FR.get(record.levelname)
        return f"{level} : {message}" if level else message


def setup_logging(level: int = logging.WARNING) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(FrenchFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def return_freed_memory() -> None:
    """Have C's allocator give back the large blocks the build frees.

    glibc serves a request of 128 kB or more with a mapping of its own, returned to the
    system when freed, but it raises that threshold each time such a block is freed, up to
    32 MB: after the first images are encoded (Pillow frees blocks of several MB), their
    buffers come from the heap, which keeps them. Fixing the threshold (``mallopt``,
    ``M_MMAP_THRESHOLD``) keeps a 5,000-article build's peak 14 MB lower. Elsewhere than
    glibc, nothing is done.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt  # by name: no search (ldconfig) per build
    except (OSError, AttributeError):
        return
    m_mmap_threshold = -3  # malloc.h
    mallopt(m_mmap_threshold, 128 * 1024)


def run_pelican(settings_file: Path, *, skip_if_up_to_date: bool = True, **overrides) -> int:
    """Build the site once; return the exit code (1 when a strict build refuses content).

    ``skip_if_up_to_date``: return at once when nothing changed since the last build (the
    dev server builds anyway: its pages show the findings that build keeps in memory).
    """
    from pelican import Pelican, log, signals
    from pelican.generators import ArticlesGenerator, PagesGenerator
    from pelican.settings import read_settings

    from cmcore.plugins import ConfigurationError
    from cmcore.problems import ContentError, recorded
    from incremental.incremental import up_to_date
    from incremental.inputs import walking_once

    setup_logging()
    return_freed_memory()
    log.console.quiet = True  # Pelican's English summary; ours is below
    os.chdir(ROOT)
    settings = read_settings(str(settings_file), override=overrides)
    counts = {}

    def count(generators):
        for generator in generators:
            if isinstance(generator, ArticlesGenerator):
                counts["articles"] = len(generator.articles)
            elif isinstance(generator, PagesGenerator):
                counts["pages"] = len(generator.pages)
        counts["generators"] = generators  # their sources are listed only if a problem is

    with walking_once():
        if skip_if_up_to_date and up_to_date(settings):
            print("Rien à reconstruire : aucun fichier n’a changé depuis la dernière construction.")
            return 0
        signals.all_generators_finalized.connect(count)
        started = time.perf_counter()
        try:
            Pelican(settings).run()
        except ContentError as error:
            count = len(error.problems)
            print(
                f"Publication refusée : {plural(count, 'problème')} "
                "dans le contenu (voir ci-dessus). Corrigez-les puis relancez.",
                file=sys.stderr,
            )
            return error.exitcode
        except ConfigurationError as error:
            print(f"erreur{NBSP}: {error}", file=sys.stderr)
            return 2
    elapsed = time.perf_counter() - started
    problems = recorded(settings)
    output = os.path.relpath(settings["OUTPUT_PATH"], ROOT)
    articles, pages = counts.get("articles", 0), counts.get("pages", 0)
    seconds = f"{elapsed:.1f}".replace(".", ",")
    summary = (
        f"Site construit dans {output}/ en {seconds} s : "
        f"{plural(articles, 'article')}, {plural(pages, 'page')}"
    )
    if problems:
        # A file with a problem is left out (a broken header) or published with it (a
        # link to an image that is missing): each is said for what it is.
        read = _sources_read(counts.get("generators", ()))
        paths = {problem.path for problem in problems}
        skipped = len({path for path in paths if path not in read})
        kept = len(paths) - skipped
        if skipped:
            ending = "s" if skipped > 1 else ""
            summary += f" ; {plural(skipped, 'fichier')} en erreur, non publié{ending}"
        if kept:
            ending = "s" if kept > 1 else ""
            summary += f" ; {plural(kept, 'fichier')} publié{ending} avec des problèmes à corriger"
        summary += " (voir ci-dessus)"
    print(summary + ".")
    return 0


def _sources_read(generators) -> set[str]:
    """The source paths of every content the generators made (articles, pages, drafts,
    events, lessons...): any list attribute of content objects."""
    read = set()
    for generator in generators:
        for value in vars(generator).values():
            if isinstance(value, list) and value and hasattr(value[0], "source_path"):
                read.update(getattr(item, "source_path", None) for item in value)
    return read


USAGE = """\
utilisation : python -m sitebuild [--publish]

Construit le site dans output/ ; un fichier en erreur est signalé et ignoré.

  --publish   version de production (publishconf.py) : s’arrête au moindre problème
              de contenu
  -h, --help  affiche cette aide
"""


def main(argv: list[str] | None = None) -> int:
    # Two options only, so no argparse: its usage and errors would be in English.
    argv = sys.argv[1:] if argv is None else argv
    if argv in ([], ["--publish"]):
        return run_pelican(SETTINGS_PUBLISH if argv else SETTINGS_DEV)
    if argv in (["-h"], ["--help"]):
        print(USAGE, end="")
        return 0
    print(f"argument inconnu : {' '.join(argv)}\n\n{USAGE}", end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
