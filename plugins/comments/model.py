"""The records of the comments core: a comment, an incoming comment, a fatal input error."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Statuses as stored. "deleted" covers WordPress "trash", Disqus isDeleted, Isso mode 4.
APPROVED = "approved"
PENDING = "pending"
SPAM = "spam"
DELETED = "deleted"
STATUSES = (APPROVED, PENDING, SPAM, DELETED)
# Kinds: pingbacks and trackbacks are kept apart and not shown by default.
COMMENT = "comment"
PINGBACK = "pingback"
TRACKBACK = "trackback"
KINDS = (COMMENT, PINGBACK, TRACKBACK)


@dataclass(frozen=True)
class Comment:
    """One reader's comment, as kept in the store.

    ``id`` is the stable source id (``wordpress:116``); ``parent`` is the id of the
    comment it answers (``None`` at the top of a thread); ``thread`` is the address
    of the discussion in the source (URL, path or Isso URI), kept for matching and
    reports; ``html`` is already sanitised; ``date`` is timezone-aware (UTC).
    """

    id: str
    thread: str
    parent: str | None
    author: str
    author_url: str
    date: dt.datetime
    html: str
    status: str = APPROVED
    kind: str = COMMENT
    reason: str = ""
    reviewed: bool = False

    @property
    def source(self) -> str:
        """``wordpress`` for ``wordpress:116``."""
        return self.id.split(":", 1)[0]


@dataclass(frozen=True)
class Incoming:
    """A comment read from an export, before matching: ``targets`` are the keys that may
    name its article (slug, permalink, link path), best first."""

    comment: Comment
    targets: tuple[str, ...]


class CommentInputError(Exception):
    """An export that cannot be read safely (hostile, broken or unknown): fatal for the import.

    ``str()`` is one French line naming the file (and the line when known) and what to do.
    """

    exitcode = 1

    def __init__(self, path: str, message: str, line: int = 0):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}\u00a0: {message}")
