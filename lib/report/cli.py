"""``python -m report.cli [--du AAAA-MM-JJ] [--au AAAA-MM-JJ] [--logs FICHIER...]``.

What ``invoke rapport`` runs. Errors are one French line and exit code 2; never a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import zoneinfo
from pathlib import Path
from urllib.parse import urlsplit

from cmcore.french import NBSP, quoted

from . import audience, document, figures, site
from .period import ReportError, choose

USAGE = """\
utilisation : invoke rapport [--du AAAA-MM-JJ] [--au AAAA-MM-JJ] [--logs FICHIER...]

Écrit le rapport d’activité de la période (par défaut : le dernier mois complet) dans
rapports/<période>/ : rapport.html, rapport.pdf, un CSV par tableau et rapport.json.

  --du AAAA-MM-JJ   premier jour de la période
  --au AAAA-MM-JJ   dernier jour de la période
  --logs FICHIER    journaux d’accès nginx ou Apache (format combined, .gz accepté),
                    pour la partie Audience ; plusieurs fichiers séparés par des virgules
  --sans-pdf        n’imprime pas le PDF
"""


def parse_args(argv: list[str]) -> dict:
    """The options, or a French :class:`ReportError` (no argparse: its messages are English)."""
    options: dict = {"du": None, "au": None, "logs": [], "pdf": True, "sortie": None}
    index = 0
    while index < len(argv):
        arg = argv[index]
        name, _, inline = arg.partition("=")
        if name in ("--du", "--au", "--logs", "--sortie"):
            if inline:
                value = inline
            elif index + 1 < len(argv):
                index += 1
                value = argv[index]
            else:
                raise ReportError(f"{name} attend une valeur{NBSP}; voir invoke rapport --help")
            if name == "--logs":
                options["logs"] += [v for v in value.split(",") if v]
            else:
                options[name[2:]] = value
        elif arg == "--sans-pdf":
            options["pdf"] = False
        elif arg in ("-h", "--help"):
            options["help"] = True
        else:
            raise ReportError(f"argument inconnu {quoted(arg)}{NBSP}; voir invoke rapport --help")
        index += 1
    return options


def run(
    settings: dict,
    root: Path,
    argv: list[str],
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write the report asked for by ``argv``; return its folder."""
    options = parse_args(argv)
    zone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    now = now or dt.datetime.now(zone)
    period = choose(options["du"], options["au"], today or now.date())
    data = site.read(settings, since=period.previous().start)
    reading = None
    if options["logs"]:
        hosts = {
            urlsplit(u).hostname
            for u in (settings.get("SITEURL"), settings.get("SITE_ORIGIN"))
            if u
        }
        reading = audience.read([Path(p) for p in options["logs"]], period, hosts)
    report = figures.build(data, period, now, reading)
    folder = Path(options["sortie"]) if options["sortie"] else root / "rapports" / period.slug
    document.write(report, folder)
    if options["pdf"]:
        from .pdf import print_pdf

        try:
            print_pdf(folder / "rapport.html", folder / "rapport.pdf")
        except FileNotFoundError as error:  # no chromium on this machine
            raise ReportError(
                f"PDF non imprimé ({error}) ; le rapport HTML et les CSV sont dans "
                f"{folder}/, ou relancez avec --sans-pdf"
            ) from None
    return folder


def main(argv: list[str] | None = None, settings_file: str | None = None) -> int:
    from pelican.settings import read_settings

    from sitebuild import ROOT, SETTINGS_DEV, setup_logging

    argv = sys.argv[1:] if argv is None else argv
    setup_logging()
    try:
        if "-h" in argv or "--help" in argv:
            print(USAGE, end="")
            return 0
        started = time.perf_counter()
        settings = read_settings(str(settings_file or SETTINGS_DEV))
        folder = run(settings, ROOT, argv)
    except ReportError as error:
        print(f"erreur{NBSP}: {error}", file=sys.stderr)
        return error.exitcode
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    try:
        shown = folder.resolve().relative_to(Path.cwd())
    except ValueError:
        shown = folder
    print(f"Rapport écrit dans {shown}/ en {seconds}{NBSP}s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
