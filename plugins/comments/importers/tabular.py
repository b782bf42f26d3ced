"""CSV and JSON files for any other source, with the documented columns.

Columns (CSV header or JSON keys): ``id`` and ``thread`` required; ``parent``,
``author``, ``author_url``, ``date`` (ISO 8601, UTC when no offset), ``text`` (HTML or
plain text), ``status`` (approved, pending, spam, deleted), ``kind`` (comment,
pingback, trackback), ``source`` (id prefix, default ``csv`` or ``json``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from cmcore.french import NBSP, quoted

from ..model import APPROVED, KINDS, PENDING, STATUSES, CommentInputError, RawComment

COLUMNS = (
    "id",
    "thread",
    "parent",
    "author",
    "author_url",
    "date",
    "text",
    "status",
    "kind",
    "source",
)
REQUIRED = ("id", "thread")


def detect_json(data: object) -> bool:
    """True for a list of comment objects, or ``{"comments": [...]}``."""
    rows = data.get("comments") if isinstance(data, dict) else data
    return isinstance(rows, list) and all(isinstance(r, dict) and "thread" in r for r in rows)


def read_csv(path: Path) -> list[RawComment]:
    """Every row of a CSV file (UTF-8, comma or semicolon separated, header line first)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
            reader = csv.DictReader(handle, dialect=dialect)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise CommentInputError(
                    str(path),
                    f"colonne{'s' if len(missing) > 1 else ''} {', '.join(missing)} manquante"
                    f"{'s' if len(missing) > 1 else ''}{NBSP}: la première ligne doit nommer "
                    f"les colonnes ({', '.join(COLUMNS)})",
                    1,
                )
            return rows_to_comments(path, reader, "csv", first_line=2)
    except csv.Error as error:
        raise CommentInputError(str(path), f"CSV illisible ({error})") from None
    except UnicodeDecodeError:
        raise CommentInputError(
            str(path), f"encodage illisible{NBSP}: enregistrez en UTF-8"
        ) from None


def read_json(path: Path, data: object) -> list[RawComment]:
    """Every object of a JSON list (or of its ``comments`` key)."""
    rows = data.get("comments") if isinstance(data, dict) else data
    return rows_to_comments(path, rows, "json")


def rows_to_comments(
    path: Path, rows: Iterable[Mapping], default_source: str, first_line: int = 0
) -> list[RawComment]:
    """Rows with the documented columns as raw comments."""
    incoming = []
    for number, row in enumerate(rows):
        line = first_line + number if first_line else 0
        where = "" if first_line else f"commentaire n°{NBSP}{number + 1}{NBSP}: "

        def fail(message: str, line: int = line, where: str = where) -> CommentInputError:
            return CommentInputError(str(path), where + message, line)

        values = {key: str(row.get(key) or "").strip() for key in COLUMNS}
        for column in REQUIRED:
            if not values[column]:
                raise fail(f"la colonne {quoted(column)} est vide")
        status = values["status"] or APPROVED
        if status not in STATUSES:
            raise fail(f"statut {quoted(status)} inconnu, choisissez parmi {', '.join(STATUSES)}")
        kind = values["kind"] or "comment"
        if kind not in KINDS:
            raise fail(f"type {quoted(kind)} inconnu, choisissez parmi {', '.join(KINDS)}")
        source = values["source"] or default_source
        comment = RawComment(
            id=_qualified(source, values["id"]),
            thread=values["thread"],
            parent=_qualified(source, values["parent"]) if values["parent"] else None,
            author=values["author"],
            author_url=values["author_url"],
            date=_date(values["date"], fail),
            html=values["text"],
            status=status,
            kind=kind,
            reason="en attente dans la source" if status == PENDING else "",
            targets=(values["thread"],),
        )
        incoming.append(comment)
    return incoming


def _qualified(source: str, value: str) -> str:
    return value if ":" in value else f"{source}:{value}"


def _date(value: str, fail) -> dt.datetime:
    if not value:
        raise fail(f"la colonne {quoted('date')} est vide (écrivez AAAA-MM-JJ HH:MM)")
    try:
        date = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise fail(f"date {quoted(value)} illisible, écrivez AAAA-MM-JJ HH:MM") from None
    return date.astimezone(dt.UTC) if date.tzinfo else date.replace(tzinfo=dt.UTC)
