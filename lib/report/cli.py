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

from cmcore.french import NBSP, NNBSP, quoted

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
""".replace(" :", f"{NBSP}:").replace(" ;", f"{NNBSP};")


def parse_args(argv: list[str]) -> dict:
    """The options, or a French :class:`ReportError` (no argparse: its messages are English)."""
    options: dict = {"du": None, "au": None, "logs": [], "pdf": True, "sortie": None}
    index = 0
    while index < len(argv):
        arg = argv[index]
        name, equals, inline = arg.partition("=")
        if name in ("--du", "--au", "--logs", "--sortie"):
            if equals:  # « --du= » is an empty value, not the next argument
                value = inline
            elif index + 1 < len(argv):
                index += 1
                value = argv[index]
            else:
                raise ReportError(f"{name} attend une valeur{NNBSP}; voir invoke rapport --help")
            if name == "--logs":
                options["logs"] += [v for v in value.split(",") if v]
            else:
                options[name[2:]] = value
        elif arg == "--sans-pdf":
            options["pdf"] = False
        elif arg in ("-h", "--help"):
            options["help"] = True
        else:
            raise ReportError(f"argument inconnu {quoted(arg)}{NNBSP}; voir invoke rapport --help")
        index += 1
    return options


# A referrer on these hosts is the author browsing his own site, never an outside site.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def own_hosts(*all_settings: dict) -> frozenset[str]:
    """The site's own host names: those of ``SITEURL`` and ``SITE_ORIGIN`` and the loopback."""
    return LOOPBACK_HOSTS | {
        urlsplit(url).hostname
        for settings in all_settings
        for url in (settings.get("SITEURL"), settings.get("SITE_ORIGIN"))
        if url and urlsplit(url).hostname
    }


def load_settings(
    settings_file: Path | None = None, dev_file: Path | None = None
) -> tuple[dict, frozenset[str]]:
    """The public site's settings and the site's own hosts, public and development.

    The report is read by people who follow its links: they go to the published site
    (``publishconf.py``, whose ``SITEURL`` honours the environment), not to the author's
    development server (``pelicanconf.py``), whose host is still the site's own.
    """
    from pelican.settings import read_settings

    from sitebuild import SETTINGS_DEV, SETTINGS_PUBLISH

    settings_file = Path(settings_file or SETTINGS_PUBLISH)
    dev_file = Path(dev_file or SETTINGS_DEV)
    # publishconf.py imports pelicanconf.py by name, from the project's folder.
    for folder in {str(settings_file.parent.resolve()), str(dev_file.parent.resolve())}:
        if folder not in sys.path:
            sys.path.append(folder)
    settings = read_settings(str(settings_file))
    return settings, own_hosts(settings, read_settings(str(dev_file)))


def run(
    settings: dict,
    root: Path,
    argv: list[str],
    *,
    hosts: frozenset[str] = frozenset(),
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write the report asked for by ``argv``; return its folder.

    ``hosts``: more host names of the site (its development server's), besides those of
    ``settings``; referrers on them are not outside sites.
    """
    options = parse_args(argv)
    zone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    now = now or dt.datetime.now(zone)
    period = choose(options["du"], options["au"], today or now.date())
    data = site.read(settings, since=period.previous().start)
    reading = None
    if options["logs"]:
        reading = audience.read(
            [Path(p) for p in options["logs"]], period, own_hosts(settings) | hosts
        )
    report = figures.build(data, period, now, reading)
    folder = Path(options["sortie"]) if options["sortie"] else root / "rapports" / period.slug
    # Written into a new folder swapped in at the end: the folder then holds this run's
    # files only, never a CSV or a PDF left by an earlier run with other options.
    printed = True
    with document.fresh_folder(folder) as fresh:
        document.write(report, fresh)
        if options["pdf"]:
            from .pdf import print_pdf

            try:
                print_pdf(fresh / "rapport.html", fresh / "rapport.pdf")
            except FileNotFoundError:  # no chromium on this machine
                printed = False
    if not printed:
        raise ReportError(
            f"PDF non imprimé{NBSP}: Chromium est absent de cette machine{NNBSP}; le rapport "
            f"HTML et les CSV sont dans {folder}/. Installez Chromium (make test, ou "
            "apt-get install chromium) ou relancez avec --sans-pdf"
        )
    return folder


def main(argv: list[str] | None = None, settings_file: str | None = None) -> int:
    from sitebuild import ROOT, setup_logging

    argv = sys.argv[1:] if argv is None else argv
    setup_logging()
    try:
        if "-h" in argv or "--help" in argv:
            print(USAGE, end="")
            return 0
        started = time.perf_counter()
        settings, hosts = load_settings(settings_file)
        folder = run(settings, ROOT, argv, hosts=hosts)
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
