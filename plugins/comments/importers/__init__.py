"""Readers of comment exports: each turns one file into raw comments (untrusted).

:func:`read` detects the source from the file's first bytes (or takes ``source``)
and returns the comments in the file's order. Unreadable or hostile files raise
:class:`~comments.model.CommentInputError`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from cmcore.french import NBSP, quoted

from ..model import CommentInputError, RawComment
from . import disqus, isso, tabular, wordpress

SOURCES = ("wordpress", "disqus", "isso", "json", "csv")
LABELS = {
    "wordpress": "WordPress",
    "disqus": "Disqus",
    "isso": "Isso",
    "json": "JSON",
    "csv": "CSV",
}
_ROOT = re.compile(rb"<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>", re.DOTALL)


def detect(path: Path) -> str:
    """The source of the file at ``path``: one of :data:`SOURCES`."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError as error:
        raise CommentInputError(
            str(path), f"fichier illisible ({error.strerror or error}){NBSP}: vérifiez le chemin"
        ) from None
    if isso.detect_database(head):
        return "isso"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        root = _ROOT.search(stripped)
        if root:
            tag = root.group(2).decode("ascii", "replace")
            attributes = root.group(3).decode("utf-8", "replace")
            if wordpress.detect(tag, attributes):
                return "wordpress"
            if disqus.detect(tag, attributes):
                return "disqus"
        # Unknown or hostile XML: parse it safely so that the message says why.
        return "wordpress" if b"wordpress.org/export" in head else "xml"
    if stripped.startswith((b"[", b"{")):
        return "json"
    if path.suffix.lower() in {".csv", ".tsv", ".txt"}:
        return "csv"
    raise CommentInputError(
        str(path),
        "format inconnu"
        f"{NBSP}: donnez un export WordPress ou Disqus (XML), une base Isso, un fichier JSON "
        "ou CSV, ou précisez --source",
    )


def read(path: Path, source: str | None = None) -> tuple[str, list[RawComment]]:
    """The source name and the raw comments of the file at ``path``."""
    path = Path(path)
    source = source or detect(path)
    if source == "wordpress":
        return source, wordpress.read(path)
    if source == "disqus":
        return source, disqus.read(path)
    if source == "xml":
        from .. import xmlsafe

        xmlsafe.parse(path)  # raises with the reason when the file is hostile or broken
        raise CommentInputError(
            str(path), f"XML inconnu{NBSP}: ni un export WordPress ni un export Disqus"
        )
    if source == "csv":
        return source, tabular.read_csv(path)
    if source == "isso" and not path.read_bytes()[:16].startswith(isso.SQLITE_MAGIC):
        data = _json(path)
        return source, isso.read_json(path, data)
    if source == "isso":
        return source, isso.read_database(path)
    if source == "json":
        data = _json(path)
        if isso.detect_json(data):
            return "isso", isso.read_json(path, data)
        if tabular.detect_json(data):
            return source, tabular.read_json(path, data)
        raise CommentInputError(
            str(path),
            f"JSON inconnu{NBSP}: attendu une liste de commentaires (colonnes documentées "
            "dans plugins/comments/README.md) ou l'export générique d'Isso",
        )
    raise CommentInputError(str(path), f"source {quoted(source)} inconnue")


def _json(path: Path) -> object:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise CommentInputError(
            str(path), f"JSON illisible ({error.msg}, colonne {error.colno})", error.lineno
        ) from None
    except UnicodeDecodeError:
        raise CommentInputError(
            str(path), f"encodage illisible{NBSP}: enregistrez en UTF-8"
        ) from None
    except OSError as error:
        raise CommentInputError(
            str(path), f"fichier illisible ({error.strerror or error})"
        ) from None
