"""One measured step of the benchmark, in its own process; prints JSON on stdout.

    python bench/measure.py bare --content DIR --output DIR
    python bench/measure.py ours --content DIR --output DIR --cache DIR
    python bench/measure.py proofread --content DIR --cache DIR [--grammar] [--jobs N]

``--profile FILE`` (``ours`` only) runs the build under cProfile and writes its statistics
to FILE (``python -m pstats FILE``), with the top entries by cumulative time beside it
(``FILE.txt``); ``bench/results/`` is ignored by git.

Each step reports ``seconds`` (the work itself: Pelican's own imports are excluded from
both ``bare`` and ``ours``, our plugins' imports count) and two peaks of memory:

- ``peak_mb``: the highest total, sampled every 20 ms, of the proportional set size (PSS)
  of this process and every process it started (the proofreader beside the build, its
  workers, Pagefind): pages shared between processes (a forked worker, the mapped
  dictionary) are counted once, split between them;
- ``peak_rss_sum_mb``: this process's peak resident memory plus the largest child's, an
  upper bound that counts shared pages twice.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import resource
import sys
import threading
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]


def bare(args) -> dict:
    """Pelican alone: same version, default theme, no plugin, the same articles."""
    from pelican import Pelican, log
    from pelican.settings import read_settings

    logging.basicConfig(level=logging.ERROR)
    log.console.quiet = True
    settings = read_settings(
        None,
        override={
            "PATH": args.content,
            "OUTPUT_PATH": args.output,
            "ARTICLE_PATHS": ["interviews", "conseils", "guides"],
            "PAGE_PATHS": ["pages"],
            "LOCALE": ("C",),
            "TIMEZONE": "Africa/Abidjan",
            "SITEURL": "",
        },
    )
    started = time.perf_counter()
    Pelican(settings).run()
    return {"seconds": time.perf_counter() - started}


def ours(args) -> dict:
    """Our build as `make build` runs it: every plugin, incremental; grammar with
    ``--grammar`` (as by default), else off."""
    # Pelican's own modules are imported before the clock starts, as in ``bare``: both
    # steps time the same thing. Our plugins are imported while the clock runs.
    import pelican.generators  # noqa: F401
    from pelican import Pelican, log  # noqa: F401
    from pelican.settings import read_settings  # noqa: F401

    from sitebuild import SETTINGS_DEV, run_pelican

    overrides = {
        "PATH": args.content,
        "OUTPUT_PATH": args.output,
        "CACHE_PATH": args.cache,
        "PROOFREAD_GRAMMAR": args.grammar,
        # Each step's own proofreading cache (by default it is the site's, beside CACHE_PATH).
        "PROOFREAD_CACHE_PATH": str(Path(args.cache) / "proofread"),
        "SEARCH_INDEX": json.loads(args.search),
    }
    if args.clean:  # the reference a sequence of incremental builds is compared with
        overrides.update(INCREMENTAL=False, LOAD_CONTENT_CACHE=False)
    said = io.StringIO()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    started = time.perf_counter()
    with redirect_stdout(said):
        if profiler is None:
            code = run_pelican(SETTINGS_DEV, **overrides)
        else:
            code = profiler.runcall(run_pelican, SETTINGS_DEV, **overrides)
    if profiler is not None:
        _write_profile(profiler, Path(args.profile))
    return {"seconds": time.perf_counter() - started, "exit": code, "said": said.getvalue().strip()}


def _write_profile(profiler, target: Path, top: int = 60) -> None:
    """The statistics (for pstats) and, beside them, the top entries by cumulative time."""
    import pstats

    target.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(str(target))
    listing = io.StringIO()
    pstats.Stats(profiler, stream=listing).sort_stats("cumulative").print_stats(top)
    target.with_name(target.name + ".txt").write_text(listing.getvalue(), encoding="utf-8")


def proofread(args) -> dict:
    """The proofreader alone over every Markdown file of the content."""
    from proofread.checker import Options, Proofreader
    from proofread.settings import default_lexicon_dir

    files = sorted(str(p) for p in Path(args.content).rglob("*.md"))
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    started = time.perf_counter()
    checker = Proofreader(
        Options(
            grammar=args.grammar,
            dictionary=str(Path(args.content) / "dictionnaire.txt"),
            cache_dir=args.cache,
            lexicon_dir=default_lexicon_dir(),
            jobs=args.jobs,
        )
    )
    checker.check_files(files)
    checker.close()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "words": words, "words_per_second": words / seconds}


def _descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rollup(pid: int) -> tuple[int, ...]:
    """The numbers of ``/proc/PID/smaps_rollup`` (Rss, Pss, ...), in kB; () when gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            return tuple(
                int(parts[1]) for parts in (line.split() for line in handle) if parts[-1] == "kB"
            )
    except (OSError, ValueError, IndexError):
        return ()


def total_pss_kb(pids: list[int]) -> int:
    """The PSS of these processes, each address space once.

    Between fork and exec, a child started with vfork (what ``subprocess`` does on Linux)
    shares its parent's address space and reports the very same figures: counted twice,
    a busy machine, on which that moment lasts, showed a build at twice its memory.
    """
    seen = set()
    total = 0
    for pid in pids:
        numbers = _rollup(pid)
        if len(numbers) > 1 and numbers not in seen:
            seen.add(numbers)
            total += numbers[1]
    return total


class PeakMemory(threading.Thread):
    """Samples the total PSS of this process tree until stopped; keeps the highest."""

    def __init__(self, interval: float = 0.02):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._done.is_set():
            total = total_pss_kb(_descendants(me))
            self.peak_kb = max(self.peak_kb, total)
            self._done.wait(self.interval)

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=("bare", "ours", "proofread"))
    parser.add_argument("--content", required=True)
    parser.add_argument("--output")
    parser.add_argument("--cache")
    parser.add_argument("--search", default="true", help="SEARCH_INDEX as JSON")
    parser.add_argument("--grammar", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--clean", action="store_true", help="ours: a clean, full build")
    parser.add_argument("--profile", help="ours: cProfile statistics to this file")
    args = parser.parse_args()
    sampler = PeakMemory()
    sampler.start()
    result = {"bare": bare, "ours": ours, "proofread": proofread}[args.step](args)
    result["peak_mb"] = sampler.stop()
    # ru_maxrss: this process, and the largest of its children (proofreading workers, Pagefind).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_rss_sum_mb"] = (own + children) / 1024  # an upper bound: both peaks added
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
