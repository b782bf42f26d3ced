"""The comment store: plain JSON files under ``content/comments/``, one per article.

``<slug>.json`` holds the comments of the article whose slug is ``<slug>``;
``_orphelins.json`` holds the comments whose article was not found (quarantine).
Each file is ``{"article": slug, "comments": [...], "format": 1}`` written with
sorted keys, two-space indents and comments ordered by date then id, so that a
re-import rewrites nothing and a diff shows one block per comment.

Each comment record carries ``imported``: the fingerprint of the record as the
import wrote it. A record whose fingerprint no longer matches was edited by hand
(or approved), and an import never overwrites it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from cmcore.french import NBSP

from .model import Comment, CommentInputError

FORMAT = 1
ORPHANS = "_orphelins.json"
SUFFIX = ".json"
FIELDS = (
    "author",
    "author_url",
    "date",
    "html",
    "id",
    "kind",
    "parent",
    "reason",
    "reviewed",
    "status",
    "thread",
)


def format_date(value: dt.datetime) -> str:
    """``2012-05-06T20:46:06Z``: UTC, to the second."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(value: str) -> dt.datetime:
    """The inverse of :func:`format_date` (any ISO 8601 date is accepted)."""
    date = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return date if date.tzinfo else date.replace(tzinfo=dt.UTC)


def to_record(comment: Comment) -> dict:
    """A comment as a store record (without its ``imported`` fingerprint)."""
    return {
        "author": comment.author,
        "author_url": comment.author_url,
        "date": format_date(comment.date),
        "html": comment.html,
        "id": comment.id,
        "kind": comment.kind,
        "parent": comment.parent,
        "reason": comment.reason,
        "reviewed": comment.reviewed,
        "status": comment.status,
        "thread": comment.thread,
    }


def from_record(record: dict) -> Comment:
    """A store record as a comment (``KeyError``/``ValueError`` when a field is broken)."""
    return Comment(
        id=str(record["id"]),
        thread=str(record.get("thread") or ""),
        parent=record.get("parent") or None,
        author=str(record.get("author") or ""),
        author_url=str(record.get("author_url") or ""),
        date=parse_date(str(record["date"])),
        html=str(record.get("html") or ""),
        status=str(record.get("status") or "approved"),
        kind=str(record.get("kind") or "comment"),
        reason=str(record.get("reason") or ""),
        reviewed=bool(record.get("reviewed", False)),
    )


def fingerprint(record: dict) -> str:
    """A short hash of a record's fields (``imported`` excluded)."""
    data = {name: record.get(name) for name in FIELDS}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def dumps(article: str | None, records: list[dict]) -> str:
    """The text of one store file: stable order, one block per comment."""
    ordered = sorted(records, key=lambda r: (str(r.get("date", "")), str(r.get("id", ""))))
    data = {"article": article, "comments": ordered, "format": FORMAT}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


@dataclass
class StoreFile:
    """One file of the store, as read."""

    path: Path
    article: str | None
    records: list[dict]
    text: str = ""


@dataclass
class Store:
    """Every file of the store folder, with an index of record ids."""

    folder: Path
    files: dict[str, StoreFile] = field(default_factory=dict)

    def find(self, comment_id: str) -> tuple[StoreFile, dict] | None:
        """The file and record holding ``comment_id``."""
        for store_file in self.files.values():
            for record in store_file.records:
                if record.get("id") == comment_id:
                    return store_file, record
        return None

    def ids(self) -> dict[str, tuple[StoreFile, dict]]:
        """Every record by id."""
        return {r.get("id"): (f, r) for f in self.files.values() for r in f.records}

    def file_for(self, article: str | None) -> StoreFile:
        """The file of ``article`` (``None``: the quarantine), created empty when new."""
        name = ORPHANS if article is None else f"{article}{SUFFIX}"
        if name not in self.files:
            self.files[name] = StoreFile(self.folder / name, article, [])
        return self.files[name]

    def changed(self) -> dict[Path, str]:
        """The files whose text would change, with their new text."""
        result = {}
        for store_file in self.files.values():
            if not store_file.records and not store_file.text:
                continue
            text = dumps(store_file.article, store_file.records)
            if text != store_file.text:
                result[store_file.path] = text
        return result

    def save(self) -> list[Path]:
        """Write the changed files; return their paths."""
        changed = self.changed()
        if changed:
            self.folder.mkdir(parents=True, exist_ok=True)
        for path, text in changed.items():
            path.write_text(text, encoding="utf-8")
            self.files[path.name].text = text
        return sorted(changed)


def read_file(path: Path) -> StoreFile:
    """One store file, or :class:`CommentInputError` naming the line."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CommentInputError(
            str(path),
            f"JSON cassé ({error.msg}, colonne {error.colno}){NBSP}: corrigez la modification "
            "faite à la main (une virgule ou un guillemet manque souvent)",
            error.lineno,
        ) from None
    records = data.get("comments") if isinstance(data, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) and "id" in r for r in records):
        raise CommentInputError(
            str(path),
            f"fichier de commentaires mal formé{NBSP}: il faut "
            '{"article": ..., "comments": [{"id": ...}, ...]}',
        )
    default = None if path.name == ORPHANS else path.name[: -len(SUFFIX)]
    return StoreFile(path, data.get("article", default), records, text)


def load(folder: Path) -> Store:
    """The store in ``folder`` (empty when the folder does not exist)."""
    store = Store(Path(folder))
    if store.folder.is_dir():
        for path in sorted(store.folder.glob(f"*{SUFFIX}")):
            store.files[path.name] = read_file(path)
    return store
