"""The report as files: ``rapport.html``, one CSV per table, ``rapport.json``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jinja2
from babel.numbers import format_decimal

from cmcore import dates
from cmcore.files import write_atomically
from cmcore.french import NBSP

from . import charts
from .figures import Figure, Report

MINUS = "\u2212"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def number(value) -> str:
    """French number: « 1 234 », « 2,5 »."""
    if value is None:
        return "–"
    return format_decimal(value, locale="fr_FR")


def change(figure: Figure) -> str:
    """« +3 (+50 %) », « −2 (−20 %) », « = », « nouveau », or « – » when not comparable."""
    cur, old = figure.current, figure.previous
    if cur is None or old is None:
        return "–"
    diff = round(cur - old, 1)
    if diff == 0:
        return "="
    sign = "+" if diff > 0 else MINUS
    text = f"{sign}{number(abs(diff))}"
    if old:
        percent = round(100 * abs(diff) / abs(old))
        text += f" ({sign}{number(percent)}{NBSP}%)"
    return text


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=number, change=change, date_fr=dates.format_date)
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


def csv_text(table) -> str:
    """A table as CSV for a French spreadsheet: semicolons, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(table.columns + (("Adresse",) if table.links else ()))
    for index, row in enumerate(table.rows):
        writer.writerow(row + ((table.links[index],) if table.links else ()))
    return "\ufeff" + out.getvalue()


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
        for table in section.tables:
            target = folder / f"{table.key}.csv"
            write_atomically(target, csv_text(table))
            written.append(target)
    target = folder / "rapport.json"
    data = json.dumps(as_data(report), ensure_ascii=False, indent=2, default=str)
    write_atomically(target, data + "\n")
    written.append(target)
    return written
