"""Proofreading speed: cold without grammar, cold with grammar on 2 cores, warm, build overhead.

Run with ``.venv/bin/python bench/proofread_bench.py``. The corpus is generated
deterministically from the well-typeset French of ``tests/proofread/corpus``:
sentences are shuffled into new paragraphs, so that no two paragraphs are equal and
the paragraph cache cannot cheat on cold runs.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from proofread.checker import Options, Proofreader  # noqa: E402
from proofread.settings import default_lexicon_dir  # noqa: E402

CORPUS = ROOT / "tests" / "proofread" / "corpus"


def sentences() -> list[str]:
    """Sentences of the clean corpus (prose only: no headings, lists, code or HTML)."""
    found = []
    for name in ("clean.md", "clean2.md"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1]
        for block in body.split("\n\n"):
            if block[:1] in "#-`<" or not block.strip():
                continue
            found += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", block) if s]
    return found


def write_corpus(folder: Path, articles: int, paragraphs: int, seed: int = 4) -> int:
    """Write ``articles`` Markdown files; return the number of words."""
    rng = random.Random(seed)
    pool = sentences()
    words = 0
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        body = []
        for _ in range(paragraphs):
            body.append(" ".join(rng.sample(pool, rng.randint(3, 6))))
        title = f"Article de test numéro {number + 1}"
        text = (
            f"Title: {title}\nDate: 2026-01-01 09:00\nAuthor: Koffi Mensah\n"
            f"Summary: Un article généré pour mesurer la relecture.\n\n" + "\n\n".join(body) + "\n"
        )
        words += len(text.split())
        (folder / f"article-{number:04d}.md").write_text(text, encoding="utf-8")
    return words


def run(folder: Path, cache: Path, grammar: bool, jobs: int) -> float:
    """Seconds to proofread every file of ``folder`` with a fresh proofreader."""
    started = time.perf_counter()
    proofreader = Proofreader(
        Options(
            grammar=grammar,
            dictionary=str(ROOT / "content" / "dictionnaire.txt"),
            cache_dir=str(cache),
            lexicon_dir=default_lexicon_dir(),
            jobs=jobs,
        )
    )
    results = proofreader.check_files(sorted(str(p) for p in folder.glob("*.md")))
    proofreader.close()
    elapsed = time.perf_counter() - started
    blocking = sum(1 for fs in results.values() for f in fs if f.blocking)
    if blocking:
        print(f"  (attention : {blocking} remarques sur le corpus généré)")
    return elapsed


def build(content: Path, output: Path, plugins: list[str], cache: Path) -> float:
    """Seconds for a build of ``content``: bare Pelican (default theme) and ``plugins``."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        None,
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "PLUGINS": plugins,
            "ARTICLE_PATHS": ["conseils"],
            "PAGE_PATHS": [],
            "LOCALE": ("C",),
            "TIMEZONE": "Africa/Abidjan",
            "CACHE_PATH": str(cache / "pelican"),
            "PROOFREAD_CACHE_PATH": str(cache / "proofread"),
            "PROOFREAD_DICTIONARY": str(ROOT / "content" / "dictionnaire.txt"),
            "PROOFREAD_GRAMMAR": False,
        },
    )
    started = time.perf_counter()
    Pelican(settings).run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--warm-articles", type=int, default=1000)
    parser.add_argument("--build-articles", type=int, default=100)
    args = parser.parse_args()
    import logging

    logging.basicConfig(level=logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="proofread-bench-"))
    try:
        cold = work / "cold"
        words = write_corpus(cold, args.articles, 8)
        Proofreader(Options(lexicon_dir=default_lexicon_dir()))._spelling()  # lexicon built
        seconds = run(cold, work / "cache-nogrammar-1", grammar=False, jobs=1)
        print(f"froid, sans grammaire, 1 cœur : {words / seconds:,.0f} mots/s ({words} mots)")
        seconds = run(cold, work / "cache-nogrammar-2", grammar=False, jobs=2)
        print(f"froid, sans grammaire, 2 cœurs : {words / seconds:,.0f} mots/s")
        small = work / "grammar"
        gwords = write_corpus(small, max(10, args.articles // 4), 8, seed=5)
        seconds = run(small, work / "cache-grammar", grammar=True, jobs=2)
        print(f"froid, avec grammaire, 2 cœurs : {gwords / seconds:,.0f} mots/s ({gwords} mots)")

        warm = work / "warm"
        wwords = write_corpus(warm, args.warm_articles, 4, seed=6)
        run(warm, work / "cache-warm", grammar=False, jobs=2)
        seconds = run(warm, work / "cache-warm", grammar=False, jobs=2)
        print(f"à chaud, {args.warm_articles} articles inchangés ({wwords} mots) : {seconds:.3f} s")

        # The plugin's overhead, as the issue states it: bare Pelican (same version,
        # default theme, no plugin) against bare Pelican with the proofread plugin alone.
        for count in (args.build_articles, 10 * args.build_articles):
            site = work / f"site-{count}" / "conseils"
            write_corpus(site, count, 4, seed=7)
            bare = min(build(site.parent, work / f"bare-{count}-{i}", [], work / "x") for i in "01")
            cache = work / f"cache-{count}"
            cold = build(site.parent, work / f"pr-{count}-0", ["proofread"], cache)
            warm = build(site.parent, work / f"pr-{count}-1", ["proofread"], cache)
            print(
                f"construction de {count} articles : Pelican seul {bare:.2f} s, avec le greffon "
                f"de relecture à froid {cold:.2f} s ({cold / bare:.2f}×), "
                f"à chaud {warm:.2f} s ({warm / bare:.2f}×)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
