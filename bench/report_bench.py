"""Speed and memory of the monthly report on a large site (``python bench/report_bench.py``).

Generates, under ``bench/results/report/`` (git-ignored): a year (2026) of ``--articles``
articles, ``--comments`` comments and ``--log-mb`` megabytes of access logs (uncompressed
size, written gzip), then runs the report for the year twice in a fresh process each time,
without and with the logs, and prints time and peak memory (the process's peak resident
set, Chromium's PDF printing excluded: it runs in a process of its own, reported apart).
The logs' share is extrapolated linearly to 1 GB: they are streamed, so time grows with
the lines and memory only with the distinct visitors of a day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "results" / "report"
sys.path.insert(0, str(ROOT / "bench"))
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

CATEGORIES = ("conseils", "guides", "interviews")
AUTHORS = ("Koffi Mensah", "Aïcha Diallo")
SENTENCES = (
    "Merci pour cet article, vraiment utile pour mon travail !",
    "Je ne suis pas d'accord avec la partie sur les alertes.",
    "Est-ce que la formation sera en ligne ?",
    "Super idée, je vais essayer dès demain 👍",
    "Pas terrible, rien de nouveau par rapport au mois dernier.",
    "Je partage avec mon équipe.",
    "Bravo pour cette interview, très inspirante.",
    "Le lien ne marche pas sur mobile :(",
)
AGENTS = (
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def make_site(target: Path, articles: int, comments: int, seed: int = 2026) -> None:
    """A year of articles and comments, plus the sample site's events and courses."""
    import shutil

    from corpus import _paragraphs

    rng = random.Random(seed)
    pool = _paragraphs()
    if target.exists():
        shutil.rmtree(target)
    for name in ("evenements", "formations", "images"):
        shutil.copytree(ROOT / "content" / name, target / name)
    start = dt.datetime(2026, 1, 1, 8)
    slugs = []
    for number in range(articles):
        when = start + dt.timedelta(minutes=int(number * 525_000 / articles))
        folder = target / CATEGORIES[number % 3]
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(rng.sample(pool, k=min(len(pool), rng.randint(5, 8))))
        slug = f"carnet-{number:05d}"
        slugs.append((slug, when))
        (folder / f"{slug}.md").write_text(
            f"Title: Carnet {number}\nSlug: {slug}\nDate: {when:%Y-%m-%d %H:%M}\n"
            f"Author: {AUTHORS[number % 2]}\n\n{body}\n",
            encoding="utf-8",
        )
    threads: dict[str, list[dict]] = {}
    for number in range(comments):
        slug, published = rng.choice(slugs)
        when = published + dt.timedelta(hours=rng.randint(1, 24 * 20))
        thread = threads.setdefault(slug, [])
        reply = thread and rng.random() < 0.2
        thread.append(
            {
                "author": AUTHORS[0] if reply else f"Lecteur {rng.randint(1, 3000)}",
                "author_url": "",
                "date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "html": f"<p>{rng.choice(SENTENCES)}</p>",
                "id": f"bench:{number}",
                "kind": "comment",
                "parent": thread[-1]["id"] if reply else None,
                "reason": "",
                "reviewed": False,
                "status": "approved",
                "thread": slug,
            }
        )
    folder = target / "comments"
    folder.mkdir()
    for slug, records in threads.items():
        (folder / f"{slug}.json").write_text(
            json.dumps({"article": slug, "comments": records, "format": 1}, ensure_ascii=False),
            encoding="utf-8",
        )


def make_logs(path: Path, megabytes: int, articles: int, seed: int = 2026) -> int:
    """Combined-format lines over 2026 until ``megabytes`` of text; returns the line count.

    In the order of the days, as a web server writes them; every request from a new
    address (the worst case for counting visitors: as many as page views).
    """
    rng = random.Random(seed)
    limit = megabytes * 1_000_000
    written = lines = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        batch = []
        while written < limit:
            day = min(364, written * 365 // limit)
            date = dt.date(2026, 1, 1) + dt.timedelta(days=day)
            roll = rng.random()
            if roll < 0.05:
                target, status = "/ancien-article/", 404
            elif roll < 0.1:
                target, status = f"/recherche/?q=mot{rng.randint(1, 50)}", 200
            elif roll < 0.3:
                target, status = "/theme/css/style.css", 200
            else:
                target, status = f"/carnet-{rng.randrange(articles):05d}/", 200
            line = (
                f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)} - - "
                f"[{date.day:02d}/{MONTHS[date.month - 1]}/2026:{rng.randint(0, 23):02d}:"
                f'{rng.randint(0, 59):02d}:00 +0000] "GET {target} HTTP/1.1" {status} '
                f'{rng.randint(200, 40000)} "https://www.facebook.com/" '
                f'"{rng.choice(AGENTS)}"\n'
            )
            batch.append(line)
            written += len(line)
            lines += 1
            if len(batch) == 10_000:
                out.write("".join(batch))
                batch = []
        out.write("".join(batch))
    return lines


def run_report(content: Path, output: Path, logs: Path | None, pdf: bool) -> None:
    """December's report, as ``invoke rapport`` makes it (in this process)."""
    from pelican.settings import read_settings

    from report.cli import run

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "CACHE_PATH": str(WORK / "cache")},
    )
    # The monthly report of the year's last month (compared with November).
    argv = ["--du", "2026-12-01", "--au", "2026-12-31", "--sortie", str(output)]
    argv += ["--logs", str(logs)] if logs else []
    argv += [] if pdf else ["--sans-pdf"]
    run(settings, ROOT, argv)


def _step(argv: list[str]) -> dict:
    """One step in this fresh process: ``report CONTENT LOGS|- PDF``, ``logs LOGS month|year``."""
    started = time.perf_counter()
    if argv[0] == "report":
        logs = None if argv[2] == "-" else Path(argv[2])
        run_report(Path(argv[1]), WORK / "rapport", logs, argv[3] == "pdf")
        result = {}
    else:
        from report import audience
        from report.period import Period

        if argv[2] == "year":
            span = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        else:
            span = Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31))
        result = {"lines": audience.read([Path(argv[1])], span).lines}
    result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _measured(*step: str) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--step", *step],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def measured(content: Path, logs: Path | None, pdf: bool) -> dict:
    """Time and peak memory of one report, in a fresh process."""
    return _measured("report", str(content), str(logs) if logs else "-", "pdf" if pdf else "-")


def measured_logs(logs: Path, span: str) -> dict:
    """Time and peak memory of reading the logs alone (``month``, ``year``) in a fresh process."""
    return _measured("logs", str(logs), span)


def main() -> int:
    if sys.argv[1:2] == ["--step"]:
        print(json.dumps(_step(sys.argv[2:])))
        return 0
    parser = argparse.ArgumentParser(description="Banc d’essai du rapport mensuel")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument(
        "--log-mb", type=int, default=100, help="taille des journaux, en Mo non compressés"
    )
    parser.add_argument("--pdf", action="store_true", help="imprime aussi le PDF (Chromium)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    content, logs = WORK / "content", WORK / "access.log.gz"
    started = time.perf_counter()
    make_site(content, args.articles, args.comments)
    lines = make_logs(logs, args.log_mb, args.articles)
    print(
        f"Corpus : {args.articles} articles, {args.comments} commentaires, {lines} lignes de "
        f"journal ({args.log_mb} Mo, {logs.stat().st_size / 1e6:.0f} Mo en gzip), "
        f"généré en {time.perf_counter() - started:.0f} s"
    )
    cold = measured(content, None, args.pdf)  # the report's reader cache is written here
    without = measured(content, None, args.pdf)
    with_logs = measured(content, logs, args.pdf)
    month = measured_logs(logs, "month")
    year = measured_logs(logs, "year")
    scale = 1000 / args.log_mb
    at_1gb = cold["seconds"] + month["seconds"] * scale
    print(
        "Rapport de décembre 2026 (comparé à novembre), sur l’année de données, "
        f"PDF {'compris' if args.pdf else 'non imprimé'} :"
    )
    print(
        f"  sans journaux, premier passage (cache de lecture vide) : {cold['seconds']:.1f} s, "
        f"pic {cold['peak_mb']:.0f} Mo"
    )
    print(f"  sans journaux : {without['seconds']:.1f} s, pic {without['peak_mb']:.0f} Mo")
    print(
        f"  avec {args.log_mb} Mo de journaux : {with_logs['seconds']:.1f} s, "
        f"pic {with_logs['peak_mb']:.0f} Mo"
    )
    for name, found in (("deux mois", month), ("une année", year)):
        print(
            f"Lecture seule des journaux, période de {name} : {found['seconds']:.1f} s "
            f"({lines / found['seconds']:,.0f} lignes/s), pic {found['peak_mb']:.0f} Mo ; "
            f"extrapolé à 1 Go : {found['seconds'] * scale:.0f} s"
        )
    print(
        f"Rapport mensuel extrapolé à 1 Go de journaux non compressés : {at_1gb:.0f} s "
        f"(premier passage sans journaux + {scale:g} × lecture des journaux)"
    )
    results = {
        "sans_journaux_premier_passage": cold,
        "sans_journaux": without,
        "avec_journaux": with_logs,
        "journaux_mois": month,
        "journaux_annee": year,
        "lignes": lines,
        "journaux_mo": args.log_mb,
        "extrapole_1go_s": at_1gb,
    }
    (WORK / "resultats.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
