"""Isso: its SQLite database (``threads``, ``comments``) and its generic JSON format.

Isso stores the Markdown a reader typed; it is turned into HTML here and sanitised
like every other source. Ids are ``isso:<id>`` for a database (Isso's ids are
global) and ``isso:<uri>#<id>`` for the JSON format (whose ids are per thread).
Threads are named by their URI, which is the article's path on the site.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

import markdown

from ..model import APPROVED, DELETED, PENDING, Comment, CommentInputError, Incoming

SOURCE = "isso"
SQLITE_MAGIC = b"SQLite format 3\x00"
MODES = {1: APPROVED, 2: PENDING, 4: DELETED}
NBSP = "\u00a0"
COLUMNS = "c.id, c.parent, c.created, c.mode, c.text, c.author, c.website, t.uri"


def detect_database(head: bytes) -> bool:
    """True for the first bytes of a SQLite file."""
    return head.startswith(SQLITE_MAGIC)


def detect_json(data: object) -> bool:
    """True for Isso's generic JSON: a list of threads, each with ``id`` and ``comments``."""
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(t, dict) and "comments" in t and "id" in t for t in data)
    )


def from_row(row: Mapping, uri: str) -> Incoming:
    """One Isso comment (a database row or an API answer) as an incoming comment.

    The follow-up import from a live Isso server reuses this for each accepted comment.
    """
    parent = row.get("parent")
    created = float(row.get("created") or 0)
    mode = int(row.get("mode") or 1)
    comment = Comment(
        id=f"{SOURCE}:{row['id']}",
        thread=uri,
        parent=f"{SOURCE}:{parent}" if parent else None,
        author=row.get("author") or "",
        author_url=row.get("website") or "",
        date=dt.datetime.fromtimestamp(created, dt.UTC).replace(microsecond=0),
        html=render_markdown(row.get("text") or ""),
        status=MODES.get(mode, PENDING),
        reason="en attente dans Isso" if mode == 2 else "",
    )
    return Incoming(comment, (uri,))


def render_markdown(text: str) -> str:
    """Isso's Markdown as HTML (raw HTML in it is sanitised later, like any comment)."""
    return markdown.markdown(text, output_format="html")


def read_database(path: Path) -> list[Incoming]:
    """Every comment of an Isso SQLite database, opened read-only."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise CommentInputError(str(path), f"base Isso illisible ({error})") from None
    connection.row_factory = sqlite3.Row
    try:
        rows = connection.execute(
            f"SELECT {COLUMNS} FROM comments c JOIN threads t ON c.tid = t.id ORDER BY c.id"
        ).fetchall()
    except sqlite3.DatabaseError as error:
        raise CommentInputError(
            str(path),
            f"base Isso illisible ({error}){NBSP}: donnez le fichier comments.db "
            "indiqué par « dbpath » dans la configuration d'Isso",
        ) from None
    finally:
        connection.close()
    return [from_row(dict(row), row["uri"]) for row in rows]


def read_json(path: Path, data: Iterable[Mapping]) -> list[Incoming]:
    """Every comment of Isso's generic JSON format (``isso/migrate.py``, class ``Generic``)."""
    incoming = []
    for thread in data:
        uri = str(thread["id"])
        for raw in thread["comments"]:
            try:
                created = dt.datetime.strptime(raw["created"], "%Y-%m-%d %H:%M:%S")
                row = {
                    "id": f"{uri}#{raw['id']}",
                    "created": created.replace(tzinfo=dt.UTC).timestamp(),
                    "mode": raw.get("mode", 1),
                    "text": raw.get("text", ""),
                    "author": raw.get("author", ""),
                    "website": raw.get("website", ""),
                    "parent": f"{uri}#{raw['parent']}" if raw.get("parent") else None,
                }
            except (KeyError, TypeError, ValueError) as error:
                raise CommentInputError(
                    str(path),
                    f"commentaire {raw.get('id', '?')} du fil {uri} illisible ({error}){NBSP}: "
                    "chaque commentaire a besoin de « id », « text » et « created » "
                    "(AAAA-MM-JJ HH:MM:SS)",
                ) from None
            incoming.append(from_row(row, uri))
    return incoming
