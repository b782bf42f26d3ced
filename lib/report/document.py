"""The report as files: ``rapport.html``, one CSV per table, ``rapport.json``."""

from __future__ import annotations

import csv
import io
import json
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2

from cmcore import dates
from cmcore.files import write_atomically
from cmcore.french import NBSP, NNBSP

from . import charts
from .figures import EVOLUTION, Figure, Report, Section, Table, evolution, number
from .period import ReportError

# The names of the files a run wrote, one a line, kept in its folder: the next run into the
# same folder replaces exactly these and moves every other file (the author's) along.
MANIFEST = ".fichiers-du-rapport"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def change(figure: Figure) -> str:
    """A key figure's evolution: « +3 (+50 %) », « nouveau »... (:func:`figures.evolution`)."""
    return evolution(figure.current, figure.previous)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=number, change=change, date_fr=dates.format_date)
    env.globals.update(EVOLUTION=EVOLUTION)
    return env


def html(report: Report) -> str:
    """The standalone HTML document."""
    svgs = {}
    count = 0
    for section in report.sections:
        for table in section.tables:
            if table.chart is not None and table.rows:
                count += 1
                svgs[table.key] = charts.render(table, count)
    return _environment().get_template("rapport.html").render(report=report, svgs=svgs)


def _cell(value):
    # A French spreadsheet reads « 2,5 » as a number and « 2.5 » as text.
    return str(value).replace(".", ",") if isinstance(value, float) else value


def csv_text(table: Table) -> str:
    """A table as CSV for a French spreadsheet: semicolons, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(table.columns + (("Adresse",) if table.links else ()))
    for index, row in enumerate(table.rows):
        writer.writerow(tuple(map(_cell, row)) + ((table.links[index],) if table.links else ()))
    return "\ufeff" + out.getvalue()


def key_figures(section: Section) -> Table:
    """A section's « Chiffres clés » as a table (written as ``chiffres-<section>.csv``)."""
    return Table(
        f"chiffres-{section.key}",
        f"Chiffres clés{NBSP}: {section.title.lower()}",
        ("Indicateur", "Période", "Période précédente", EVOLUTION),
        tuple(
            (
                f"{f.label} ({f.unit})" if f.unit else f.label,
                "" if f.current is None else f.current,
                "" if f.previous is None else f.previous,
                change(f),
            )
            for f in section.figures
        ),
    )


def as_data(report: Report) -> dict:
    """Every figure and table, for other tools."""
    return {
        "site": report.site,
        "periode": {"du": report.period.start.isoformat(), "au": report.period.end.isoformat()},
        "periode_precedente": {
            "du": report.previous.start.isoformat(),
            "au": report.previous.end.isoformat(),
        },
        "genere_le": report.generated.isoformat(timespec="seconds"),
        "sections": {
            section.key: {
                "titre": section.title,
                "chiffres": {
                    f.key: {
                        "libelle": f.label,
                        "periode": f.current,
                        "periode_precedente": f.previous,
                        "unite": f.unit,
                        "evolution": change(f),
                    }
                    for f in section.figures
                },
                "tableaux": {
                    t.key: {
                        "titre": t.caption,
                        "colonnes": list(t.columns),
                        "lignes": [list(row) for row in t.rows],
                        **({"adresses": list(t.links)} if t.links else {}),
                    }
                    for t in section.tables
                },
                "notes": section.notes,
            }
            for section in report.sections
        },
    }


def write(report: Report, folder: Path) -> list[Path]:
    """Write the HTML, the CSV files and the JSON into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    target = folder / "rapport.html"
    write_atomically(target, html(report))
    written.append(target)
    for section in report.sections:
        for table in [key_figures(section)] * bool(section.figures) + section.tables:
            target = folder / f"{table.key}.csv"
            write_atomically(target, csv_text(table))
            written.append(target)
    target = folder / "rapport.json"
    data = json.dumps(as_data(report), ensure_ascii=False, indent=2, default=str)
    write_atomically(target, data + "\n")
    written.append(target)
    return written


def _written_by_a_run(folder: Path) -> set[str]:
    try:
        return set((folder / MANIFEST).read_text(encoding="utf-8").split("\n")) - {""}
    except FileNotFoundError:
        # A folder written before the list existed: its report files are these.
        return {
            p.name
            for p in folder.iterdir()
            if p.name.startswith("rapport.") or (p.suffix == ".csv" and p.is_file())
        }


@contextmanager
def fresh_folder(folder: Path) -> Iterator[Path]:
    """A new empty folder beside ``folder``, swapped in for it when the block ends.

    ``folder`` then holds exactly the files written in the block, listed in
    :data:`MANIFEST`, and the files someone else put in the old ``folder`` (those no run
    listed), moved over unchanged. If the block fails, ``folder`` is left as it was.
    """
    folder = folder.resolve()
    if (
        folder.is_dir()
        and not (folder / MANIFEST).is_file()
        and not (folder / "rapport.html").is_file()
        and any(folder.iterdir())
    ):
        # Never empty a folder that is not a report's (« --sortie . »).
        raise ReportError(
            f"{folder}{NBSP}: ce dossier n’est pas celui d’un rapport et n’est pas vide"
            f"{NNBSP}; donnez à --sortie un dossier nouveau ou vide"
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Not tempfile.mkdtemp: its folder is private (0700); this one gets the umask's mode.
    fresh = folder.parent / f".{folder.name}.nouveau-{secrets.token_hex(4)}"
    fresh.mkdir()
    try:
        yield fresh
        names = sorted(p.name for p in fresh.iterdir())
        write_atomically(fresh / MANIFEST, "".join(f"{name}\n" for name in names))
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if not folder.is_dir():
        fresh.rename(folder)
        return
    ours = _written_by_a_run(folder) | {MANIFEST}
    for kept in folder.iterdir():
        if kept.name not in ours:
            target = fresh / kept.name
            if target.exists():  # an author's file named like a new report file
                target = fresh / f"{kept.stem} (copie){kept.suffix}"
            kept.rename(target)
    old = folder.rename(folder.with_name(f"{fresh.name}.ancien"))
    fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
