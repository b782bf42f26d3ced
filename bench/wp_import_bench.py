"""Benchmark of the WordPress migration: import, import again, then build the imported site.

    python bench/wp_import_bench.py [--posts 1000] [--comments 10000] [--images 2000]

Generates an export with ``bench/wxr_corpus.py`` (block and classic posts, captions,
galleries, featured images, internal links, long comment threads, old posts full of
findings, and an uploads folder of small real JPEGs), imports it into an empty site (the
repo's settings, its dictionary), imports it again, then times bare Pelican and our build
(cold, then with one imported article edited) on the imported sources. Each step runs in
its own process (``bench/measure.py`` for the builds); times are wall-clock seconds, peaks
are the step's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]
sys.path.insert(0, str(HERE))

from run import step  # noqa: E402
from wxr_corpus import generate  # noqa: E402

IMPORT = """
import json, resource, sys, time
sys.path[:0] = [{plugins!r}, {lib!r}]
from pelican.settings import read_settings
from wordpress import importer
settings = read_settings({conf!r}, override={{"PATH": {content!r}, "CACHE_PATH": {cache!r}}})
started = time.perf_counter()
found = importer.run(settings, {export!r}, {uploads!r})
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "written": len(found.written),
  "posts": found.posts, "pages": found.pages, "comments": found.comments,
  "images": found.images_copied, "redirects": found.redirects,
  "known_mistakes": found.known_mistakes, "steps": found.seconds}}))
"""


def import_step(content: Path, cache: Path, export: Path, uploads: Path) -> dict:
    code = IMPORT.format(
        plugins=str(ROOT / "plugins"),
        lib=str(ROOT / "lib"),
        conf=str(ROOT / "pelicanconf.py"),
        content=str(content),
        cache=str(cache),
        export=str(export),
        uploads=str(uploads),
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"import en échec :\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark de l’import WordPress.")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10000)
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="garder le dossier de travail")
    parser.add_argument(
        "--results", type=Path, default=HERE / "results" / "wp-import.json", help="fichier JSON"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-wp-"))
    started = time.perf_counter()
    export = generate(work / "wordpress", args.posts, args.comments, args.images)
    uploads = export.parent / "uploads"
    print(f"Export généré en {time.perf_counter() - started:.1f} s : {export}", flush=True)
    content = work / "site" / "content"
    for folder in ("interviews", "conseils", "guides", "pages", "images"):
        (content / folder).mkdir(parents=True)
    shutil.copy(ROOT / "content" / "dictionnaire.txt", content)
    cache = work / "site" / "cache"
    results: dict[str, dict] = {}
    results["import"] = import_step(content, cache, export, uploads)
    print(f"  import : {results['import']['seconds']:.1f} s", json.dumps(results["import"]))
    results["import again"] = import_step(content, cache, export, uploads)
    print(f"  réimport : {results['import again']['seconds']:.1f} s")
    bare = step("bare", "--content", str(content), "--output", str(work / "bare"))
    results["bare cold"] = bare
    # As the author builds: grammar on (its pass on new paragraphs goes on after the build).
    ours = ("ours", "--grammar", "--content", str(content), "--output", str(work / "ours"))
    results["ours cold"] = step(*ours, "--cache", str(cache))
    edited = next(iter(sorted((content / "conseils").glob("*.md"))))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", "utf-8")
    results["ours one edit"] = step(*ours, "--cache", str(cache))
    for name in ("ours cold", "ours one edit"):
        results[name]["ratio"] = results[name]["seconds"] / bare["seconds"]
    print(
        f"  Pelican seul : {bare['seconds']:.2f} s ; notre build à froid : "
        f"{results['ours cold']['seconds']:.2f} s ({results['ours cold']['ratio']:.2f}×) ; "
        f"un article modifié : {results['ours one edit']['seconds']:.2f} s "
        f"({results['ours one edit']['ratio']:.2f}×)"
    )
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"Résultats : {args.results}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
