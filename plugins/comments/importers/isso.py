"""Isso: its SQLite database (``threads``, ``comments``) and its generic JSON format.

Isso stores the Markdown a reader typed; it is turned into HTML here and sanitised
like every other source. Ids are ``isso:<id>`` for a database (Isso's ids are
global) and ``isso:<uri>#<id>`` for the JSON format (whose ids are per thread).
Threads are named by their URI, which is the article's path on the site.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from urllib.parse import quote, urlsplit

import markdown

from cmcore.french import NBSP

from ..model import APPROVED, DELETED, PENDING, CommentInputError, RawComment

SOURCE = "isso"
SQLITE_MAGIC = b"SQLite format 3\x00"
MODES = {1: APPROVED, 2: PENDING, 4: DELETED}
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


def from_row(row: Mapping, uri: str) -> RawComment:
    """One Isso comment (a database row or an API answer) as a raw comment.

    The follow-up import from a live Isso server reuses this for each accepted comment.
    """
    parent = row.get("parent")
    created = float(row.get("created") or 0)
    mode = int(row.get("mode") or 1)
    return RawComment(
        id=f"{SOURCE}:{row['id']}",
        thread=uri,
        parent=f"{SOURCE}:{parent}" if parent else None,
        author=row.get("author") or "",
        # Isso stores the website HTML-escaped (``&amp;`` in a query string).
        author_url=html.unescape(row.get("website") or ""),
        date=dt.datetime.fromtimestamp(created, dt.UTC).replace(microsecond=0),
        html=render_markdown(row.get("text") or ""),
        status=MODES.get(mode, PENDING),
        reason="en attente dans Isso" if mode == 2 else "",
        targets=(uri,),
    )


def render_markdown(text: str) -> str:
    """Isso's Markdown as HTML (raw HTML in it is sanitised later, like any comment)."""
    return markdown.markdown(text, output_format="html")


def read_database(path: Path, accepted_only: bool = False) -> list[RawComment]:
    """Every comment of an Isso SQLite database, opened read-only.

    ``accepted_only`` keeps the published ones (mode 1): what a live pull takes.
    """
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise CommentInputError(str(path), f"base Isso illisible ({error})") from None
    connection.row_factory = sqlite3.Row
    try:
        where = " WHERE c.mode = 1" if accepted_only else ""
        rows = connection.execute(
            f"SELECT {COLUMNS} FROM comments c JOIN threads t ON c.tid = t.id{where} ORDER BY c.id"
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


def read_json(path: Path, data: Iterable[Mapping]) -> list[RawComment]:
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


def is_server_url(value: str) -> bool:
    """True for ``http://…`` or ``https://…``: a live Isso server rather than a file."""
    return urlsplit(value).scheme in ("http", "https")


def read_server(base_url: str, uris: Iterable[str], timeout: float = 10) -> list[RawComment]:
    """The accepted comments of a live Isso server, thread by thread (``uris``).

    Isso's public API (``GET /?uri=…``) lists only published comments (and the empty
    shells of deleted ones that have replies, dropped here); ``plain=1`` gives the
    Markdown the reader typed, rendered and sanitised like the database's.
    """
    base = base_url.rstrip("/")
    incoming = []
    for uri in dict.fromkeys(uris):
        for row in _thread_rows(base, uri, timeout):
            if int(row.get("mode") or 0) == 1:
                incoming.append(from_row(row, uri))
    incoming.sort(key=lambda comment: int(comment.id.split(":", 1)[1]))
    return incoming


def _thread_rows(base: str, uri: str, timeout: float) -> Iterator[Mapping]:
    url = f"{base}/?uri={quote(uri, safe='/')}&plain=1"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        if error.code == 404:  # no thread yet for this page
            return
        raise CommentInputError(
            base, f"le serveur Isso répond {error.code} pour {uri}{NBSP}: vérifiez l'adresse"
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise CommentInputError(
            base,
            f"serveur Isso injoignable ({reason}){NBSP}: lancez « invoke comments-server » "
            "ou vérifiez l'adresse",
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise CommentInputError(
            base,
            f"réponse illisible pour {uri}{NBSP}: est-ce bien l'adresse d'un serveur Isso{NBSP}?",
        ) from None
    if not isinstance(answer, dict):
        raise CommentInputError(base, f"réponse inattendue pour {uri}{NBSP}: ce n'est pas Isso")
    # Isso nests one level: replies to replies are attached to the top-level comment.
    for top in answer.get("replies") or []:
        yield top
        yield from top.get("replies") or []
