"""``invoke deploy``: build for production, check, then send only what changed."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from . import checks, gitbranch, report, rsync
from .changes import Changes
from .targets import DeployError, Target, resolve


def _say(text: str = "", error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def load(settings_file: Path) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(settings_file))


def _guard(target: Target, output: Path) -> None:
    """A folder target must not hold the built site, nor be inside it: --delete would eat it."""
    if target.kind != "dossier":
        return
    destination = Path(target.destination).resolve()
    output = output.resolve()
    if (
        destination == output
        or destination.is_relative_to(output)
        or output.is_relative_to(destination)
    ):
        raise DeployError(
            f"la cible {destination} et le site construit ({output}) se recouvrent : "
            "choisissez un dossier à part"
        )


def send(target: Target, output: Path, cache: Path, dry_run: bool) -> Changes:
    """Mirror the built site onto ``target``."""
    if target.kind == "git":
        # Babel's French date for the commit title: « 4 décembre 2026 à 05:12 ».
        from cmcore.dates import format_date, format_time

        now = dt.datetime.now().astimezone()
        when = f"{format_date(now)} à {format_time(now)}"
        return gitbranch.deploy(output, cache, target, dry_run, when)
    return rsync.sync(output, target, dry_run)


def run(
    settings_file: Path,
    to: str | None = None,
    dry_run: bool = False,
    force: bool = False,
    gates: str = "tous",
) -> int:
    """The whole deploy; the exit code (0 done, 1 stopped)."""
    started = time.perf_counter()
    try:
        if gates not in checks.GATES:
            raise DeployError(f"--gates {gates} : choisissez tous, liens ou aucun (défaut : tous)")
        settings = load(settings_file)
        target = resolve(to, settings)
        output = Path(settings["OUTPUT_PATH"])
        cache = Path(settings["CACHE_PATH"])
        _guard(target, output)
        if force:
            _say(report.FORCE_WARNING, error=True)
        if gates in report.GATES_WARNINGS:
            _say(report.GATES_WARNINGS[gates], error=True)
        overridden = []  # what --force went past, for the closing lines
        _say(f"1/3 Construction de production ({settings_file.name})…")
        if checks.build(settings_file, force) != 0:
            if not force:
                raise DeployError(
                    "déploiement arrêté : la construction de production a refusé le site "
                    "(problèmes ci-dessus). Corrigez-les puis relancez."
                )
            _say("ATTENTION : construction en échec, déploiement forcé malgré tout.", error=True)
            overridden.append("une construction en échec")
        if not (output / "index.html").is_file():
            raise DeployError(f"déploiement arrêté : {output}/index.html n’a pas été construit")
        if gates == "aucun":
            _say("2/3 Contrôles qualité : non lancés (--gates aucun).")
        else:
            _say(f"2/3 Contrôles qualité ({gates})…")
            lines, ok = checks.run_gates(output, settings.get("SITEURL", ""), cache, gates)
            _say("\n".join(lines))
            if not ok and not force:
                raise DeployError(
                    "déploiement arrêté : des contrôles qualité ont échoué (ci-dessus). "
                    "Corrigez le site puis relancez."
                )
            if not ok:
                overridden.append("des contrôles qualité en échec")
                _say(
                    "ATTENTION : contrôles en échec, déploiement forcé malgré tout.",
                    error=True,
                )
        _say(f"3/3 {'Simulation de l’envoi' if dry_run else 'Envoi'} vers {target.describe()}…")
        sending = time.perf_counter()
        changes = send(target, output, cache, dry_run)
        sent_in = time.perf_counter() - sending
    except DeployError as error:
        _say(f"erreur : {error}", error=True)
        return error.exitcode
    if dry_run:
        _say(report.dry_run(changes, target.describe()))
    else:
        _say(report.summary(changes, target.describe(), sent_in, settings.get("SITEURL", "")))
        total = report.seconds(time.perf_counter() - started)
        counted = (
            "construction et contrôles compris" if gates != "aucun" else "construction comprise"
        )
        _say(f"  durée totale ({counted})\u00a0: {total}")
    # The closing lines say it again: a forced or unchecked deploy is never a quiet one.
    for line in report.warnings(force, gates, overridden):
        _say(f"  {line}")
    return 0
