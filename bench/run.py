"""The site's benchmark against bare Pelican, on a generated French corpus.

    .venv/bin/invoke bench [--articles 1000]      (or: python bench/run.py --articles 1000)

Steps, each in a fresh process so that memory and caches are its own:

1. bare Pelican, cold: same version, default theme, no plugin, the same articles;
2. our build, cold: every plugin, proofreading with grammar as by default; Grammalecte's
   pass on new paragraphs and the search index (Pagefind) both start once the build has
   ended and run side by side: each is timed from the build's end and measured on a line
   of its own, their joint peak of memory on a third, and both are waited for before the
   next step;
3. our build, warm, nothing changed;
4. our build after editing one article, then after adding, deleting and renaming one and
   changing one article's tags;
5. the dev server (``make serve``): from saving an article to the new page being served;
6. proofreading alone: words per second, cold without grammar and with grammar (both
   cores), and warm.

``--fautes`` makes every article carry dozens of proofreading findings (spelling,
typography, repetition, grammar: ``corpus.with_mistakes``), as an imported blog's do.

Steps 1, 2 and 4 run three times (``--repeat``): the table shows the median time and the
highest peak of memory, the JSON file every run. Prints a table of seconds, ratios to bare
Pelican and peak memory (the highest total PSS of the step's processes, its ratio to bare
Pelican's, and the sum of the processes' peak RSS as an upper bound: see ``measure.py``),
and writes the same figures to ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

import corpus  # noqa: E402

from proofread.settings import default_lexicon_dir  # noqa: E402
from proofread.spelling import load_lexicon  # noqa: E402

# As `make build` runs: the search index is refreshed in the background, once the build's
# process has ended; it is timed on its own line.
SEARCH = ("--search", '"background"')

# Each step runs as on an author's machine, where Python keeps compiled modules
# (__pycache__): a container or CI job that turns that off would time the compiling of
# our plugins at every step, which no author pays twice.
STEP_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Every step imports this checkout's code, whatever the virtual environment points at.
STEP_ENVIRONMENT["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT / "plugins"), str(ROOT / "lib"), *filter(None, [os.environ.get("PYTHONPATH")])]
)


def step(*args: str) -> dict:
    """Run one ``measure.py`` step and return what it printed."""
    # What earlier steps wrote (a whole site, a search index) goes to disk first: no step
    # pays for the writeback of the one before.
    os.sync()
    done = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=STEP_ENVIRONMENT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"étape {args[0]} en échec :\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def wait_for_search_index(output: Path, timeout: float = 120) -> float:
    """Pagefind runs in the background in development: let it finish before timing more.

    Returns its peak memory (total PSS of its processes, in MB). It starts once the build's
    process has ended, so this peak and the build's never add up.
    """
    return wait_for_background(output, None, timeout)["index"][1]


def wait_for_background(output: Path | None, cache: Path | None, timeout: float = 900) -> dict:
    """What a build leaves running after its end: the search index (Pagefind, for
    ``output``) and Grammalecte's pass on new paragraphs (for ``cache``).

    Both start when the build ends and run side by side. Returns, for each, the seconds
    from now until it ended and its peak memory (total PSS of its processes, in MB), and
    under ``together`` the peak of both at once.
    """
    from measure import _descendants, total_pss_kb

    patterns = {}
    if output is not None:
        # The indexer (python -m search.index OUTPUT, under flock) and its Pagefind runs.
        patterns["index"] = f"search.index {output} "
    if cache is not None:
        patterns["grammar"] = f"proofread.background {cache}"
    started = time.monotonic()
    found = {name: [0.0, 0] for name in patterns}
    together = 0
    running = dict(patterns)
    # Each starts with a shell that execs its program (cmcore.waiting), at the moment the
    # build's process ends, when this starts looking: for a few milliseconds, mid-exec,
    # no command line matches. Done means not seen for a quarter of a second.
    missed: dict[str, float] = {}
    while running and time.monotonic() - started < timeout:
        total = 0
        for name, pattern in list(running.items()):
            busy = subprocess.run(
                ["pgrep", "-f", pattern], capture_output=True, text=True, check=False
            )
            if busy.returncode != 0:
                first = missed.setdefault(name, time.monotonic() - started)
                if time.monotonic() - started - first >= 0.25:
                    found[name][0] = first
                    del running[name]
                continue
            missed.pop(name, None)
            pids = {tree for pid in busy.stdout.split() for tree in _descendants(int(pid))}
            kb = total_pss_kb(sorted(pids))
            found[name][1] = max(found[name][1], kb)
            total += kb
        together = max(together, total)
        time.sleep(0.05)
    result = {name: (seconds, kb / 1024) for name, (seconds, kb) in found.items()}
    result["together"] = (time.monotonic() - started, together / 1024)
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dev_server_latency(content: Path, output: Path, cache: Path, tries: int = 3) -> dict:
    """Seconds from saving an article to the dev server serving its new text."""
    port = free_port()
    code = (
        "import tasks; "
        f"tasks.dev_server({port}, PATH={str(content)!r}, OUTPUT_PATH={str(output)!r}, "
        f"CACHE_PATH={str(cache)!r}, PROOFREAD_CACHE_PATH={str(cache / 'proofread')!r})"
    )
    errors = cache.parent / "serveur-erreurs.txt"
    # What the server prints: one "Site construit" line per build, which tells when the
    # whole build after a save (and its quick page) has ended.
    printed = cache.parent / "serveur-sortie.txt"
    with errors.open("w", encoding="utf-8") as said, printed.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            stdout=out,
            stderr=said,
            env={**STEP_ENVIRONMENT, "PYTHONUNBUFFERED": "1"},
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}/carnet-de-terrain-numero-2/"
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if server.poll() is not None:
                said = errors.read_text(encoding="utf-8", errors="replace")
                raise SystemExit(f"le serveur de développement s’est arrêté :\n{said[-2000:]}")
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        wait_for_search_index(output)

        def builds() -> int:
            return printed.read_text(encoding="utf-8", errors="replace").count("Site construit")

        latencies, whole = [], []
        for attempt in range(tries):
            built = builds()
            marker = f"Relecture numéro {attempt + 1} terminée."
            source = next(content.glob("*/carnet-00002.md"))
            text = source.read_text(encoding="utf-8")
            os.sync()
            saved = time.monotonic()
            source.write_text(text.rstrip("\n") + f" {marker}\n", encoding="utf-8")
            while time.monotonic() - saved < 60:
                page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
                if marker in page:
                    latencies.append(time.monotonic() - saved)
                    break
                time.sleep(0.05)
            # Each save is timed with the server idle: its whole build, then the search
            # index, have ended before the next one.
            while builds() == built and time.monotonic() - saved < 120:
                time.sleep(0.05)
            whole.append(time.monotonic() - saved)
            wait_for_search_index(output)
            time.sleep(1)
        return {
            "seconds": sorted(latencies)[len(latencies) // 2],
            "all": latencies,
            "whole_build": whole,
        }
    finally:
        subprocess.run(["kill", "--", f"-{server.pid}"], check=False, capture_output=True)
        server.wait(timeout=10)


def same_as_clean(output: Path, content: Path, work: Path) -> dict:
    """Compare the output of the sequence of incremental builds with a clean build of the
    same content, byte for byte (the search index aside: Pagefind’s own folders).

    Not a timed step: printed on its own line, and in the JSON file.
    """
    clean = work / "clean"
    done = step(
        "ours",
        "--clean",
        "--grammar",
        "--content",
        str(content),
        "--output",
        str(clean),
        "--cache",
        str(work / "clean-cache"),
        "--search",
        "false",
    )
    if done.get("exit"):
        raise SystemExit(f"le build propre a échoué : {done.get('said', '')[-2000:]}")

    def tree(folder: Path) -> dict[str, Path]:
        return {
            str(p.relative_to(folder)): p
            for p in folder.rglob("*")
            if p.is_file() and not p.relative_to(folder).parts[0].startswith("pagefind")
        }

    # A dev build stamps two things with the moment it writes them (publish builds do not):
    # a calendar's DTSTAMP, and the sitemap's lastmod of the listing pages.
    today = time.strftime("%Y-%m-%d")
    moments = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z|<lastmod>" + today.encode() + rb"[^<]*</lastmod>")

    def same(one: Path, other: Path) -> bool:
        first, second = one.read_bytes(), other.read_bytes()
        if first == second:
            return True
        return moments.sub(b"", first) == moments.sub(b"", second)

    expected, found = tree(clean), tree(output)
    different = sorted(set(expected) ^ set(found)) + sorted(
        name for name in set(expected) & set(found) if not same(expected[name], found[name])
    )
    print(
        f"  identité avec un build propre : {len(expected)} fichiers, "
        + (f"{len(different)} différents : {different[:10]}" if different else "tous identiques"),
        flush=True,
    )
    return {"files": len(expected), "different": different}


def print_table(results: dict[str, dict]) -> None:
    """Each step's time, speed and memory, and their ratios to Pelican alone."""
    bare = results["pelican seul, à froid"]
    print()
    print(
        f"{'étape':44} {'secondes':>9} {'× Pelican':>10} {'mots/s':>10} {'mémoire':>9}"
        f" {'× Pelican':>10} {'borne haute':>12}"
    )
    for name, figures in results.items():
        if "seconds" not in figures:
            continue
        ratio = figures["seconds"] / bare["seconds"]
        speed = (
            f"{figures['words_per_second']:,.0f}".replace(",", "\u202f")
            if "words" in figures
            else ""
        )
        memory = f"{figures['peak_mb']:.0f} Mo" if "peak_mb" in figures else ""
        memory_ratio = f"{figures['peak_mb'] / bare['peak_mb']:.2f}" if "peak_mb" in figures else ""
        upper = f"{figures['peak_rss_sum_mb']:.0f} Mo" if "peak_rss_sum_mb" in figures else ""
        print(
            f"{name:44} {figures['seconds']:9.2f} {ratio:10.2f} {speed:>10} {memory:>9}"
            f" {memory_ratio:>10} {upper:>12}"
        )


# Long: the benchmark's steps in the order its table prints them, sharing one results dict.
def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark du site face à Pelican seul.")
    parser.add_argument("--articles", type=int, default=1000, help="articles générés")
    parser.add_argument("--no-server", action="store_true", help="sans mesure du serveur")
    parser.add_argument(
        "--fautes", action="store_true", help="des dizaines de fautes dans chaque article"
    )
    parser.add_argument("--keep", action="store_true", help="garder le dossier de travail")
    parser.add_argument(
        "--repeat", type=int, default=3, help="mesures des builds à froid et modifié (médiane)"
    )
    parser.add_argument(
        "--results", type=Path, default=HERE / "results" / "latest.json", help="fichier JSON"
    )
    args = parser.parse_args()

    # The proofreader's lexicon is built once per machine (by make setup), and our plugins
    # are compiled once (__pycache__): neither is timed, nor counted in the first step.
    load_lexicon(default_lexicon_dir())
    compileall.compile_dir(ROOT / "plugins", quiet=1)
    compileall.compile_dir(ROOT / "lib", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="bench-cm-"))
    content = work / "content"
    words = corpus.generate(content, args.articles, mistakes=args.fautes)
    print(f"Corpus : {args.articles} articles, {words} mots, dans {work}", flush=True)
    results: dict[str, dict] = {}

    def run(name: str, *arguments: str) -> dict:
        results[name] = step(*arguments)
        print(f"  {name} : {results[name]['seconds']:.2f} s", flush=True)
        return results[name]

    def repeated(name: str, arguments_of, before=None, after=None) -> dict:
        """The step ``args.repeat`` times; its median time and the highest of its peaks.

        This machine's timings move by up to a third from one minute to the next: one run
        of a step says little, the median of several says what an author would see.
        """
        runs = []
        for attempt in range(args.repeat):
            if before:
                before(attempt)
            runs.append(step(*arguments_of(attempt)))
            if after:
                after(attempt)
        middle = dict(sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2])
        for peak in ("peak_mb", "peak_rss_sum_mb"):
            if peak in middle:
                middle[peak] = max(r[peak] for r in runs)
        middle["all"] = [round(r["seconds"], 3) for r in runs]
        results[name] = middle
        shown = " ; ".join(f"{r['seconds']:.2f}" for r in runs)
        print(f"  {name} : {middle['seconds']:.2f} s (médiane de {shown})", flush=True)
        return middle

    def ours(attempt: int) -> tuple[str, ...]:
        out, cache = work / f"ours-{attempt}", work / f"cache-{attempt}"
        return (
            "ours",
            "--grammar",
            "--content",
            str(content),
            "--output",
            str(out),
            "--cache",
            str(cache),
        )

    last = args.repeat - 1
    out = work / f"ours-{last}"
    repeated(
        "pelican seul, à froid",
        lambda i: ("bare", "--content", str(content), "--output", str(work / f"bare-{i}")),
    )
    after_cold: list[dict] = []

    def background_after(attempt: int) -> None:
        after_cold.append(wait_for_background(work / f"ours-{attempt}", work / f"cache-{attempt}"))

    repeated("notre build, à froid", lambda i: ours(i) + SEARCH, after=background_after)
    # Both start at the cold build's end and run side by side: each line is timed from
    # that end; the last line is the peak of both at once.
    for name, key in (
        ("grammaire après le build à froid (arrière-plan)", "grammar"),
        ("index de recherche (arrière-plan)", "index"),
        ("grammaire et index ensemble (arrière-plan)", "together"),
    ):
        seconds = sorted(run_[key][0] for run_ in after_cold)
        results[name] = {
            "seconds": seconds[len(seconds) // 2],
            "peak_mb": max(run_[key][1] for run_ in after_cold),
            "all": [round(s, 3) for s in seconds],
        }
    run("notre build, rien de changé", *ours(last), *SEARCH)
    # A different article each time, each build on the output of the one before.
    repeated(
        "notre build, un article modifié",
        lambda i: ours(last) + SEARCH,
        before=lambda i: corpus.edit_one(content, 3 + i),
        after=lambda i: wait_for_background(out, work / f"cache-{last}"),
    )
    # The edits that change more than one page's text: a new article (the newest, so every
    # listing moves), one removed, one renamed (new title, new address), a tag list changed.
    # A different article each time, counted from the last one: the edits above took the
    # first ones.
    for kind, (name, edit) in enumerate(
        (
            ("notre build, un article ajouté", corpus.add_one),
            ("notre build, un article supprimé", corpus.delete_one),
            ("notre build, un article renommé", corpus.rename_one),
            ("notre build, tags d’un article modifiés", corpus.retag_one),
        )
    ):
        first = args.articles - kind * args.repeat
        repeated(
            name,
            lambda i: ours(last) + SEARCH,
            before=lambda i, edit=edit, first=first: edit(content, first - i),
            after=lambda i: wait_for_background(out, work / f"cache-{last}"),
        )
    results["identité avec un build propre"] = same_as_clean(out, content, work)
    if not args.no_server:
        results["serveur : enregistrement → page à jour"] = dev_server_latency(
            content, work / "served", work / "served-cache"
        )
        served = results["serveur : enregistrement → page à jour"]
        print(f"  serveur : page {served['all']}, build entier {served['whole_build']}", flush=True)

    proof = work / "proofread-cache"
    run(
        "relecture sans grammaire, à froid",
        "proofread",
        "--content",
        str(content),
        "--cache",
        str(proof),
    )
    run("relecture, à chaud", "proofread", "--content", str(content), "--cache", str(proof))
    small = work / "grammar-content"
    corpus.generate(small, max(10, args.articles // 20))
    run(
        "relecture avec grammaire, à froid",
        "proofread",
        "--content",
        str(small),
        "--cache",
        str(work / "grammar-cache"),
        "--grammar",
    )

    print_table(results)
    target = args.results
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(
            {"articles": args.articles, "words": words, "results": results},
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    print(f"\nRésultats : {target}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
