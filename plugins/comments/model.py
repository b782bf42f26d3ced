"""The records of the comments core: a raw comment, a clean comment, a fatal input error."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from cmcore.french import NBSP

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
# Sources whose comment numbers restart on every site (every WordPress install, every
# Disqus forum): their ids carry the site, ``wordpress:<site>:<number>``.
SITE_QUALIFIED = ("wordpress", "disqus")
_SITE_UNSAFE = re.compile(r"[^a-z0-9._/-]+")


@dataclass(frozen=True)
class RawComment:
    """A comment as a source gives it (export, Isso, CSV/JSON): nothing in it is trusted yet.

    ``html``, ``author`` and ``author_url`` are what the reader or the source's software
    wrote (markup, scripts, any URL); ``status`` may be ``spam``; ``targets`` are the keys
    that may name its article (slug, permalink, link path), best first. Only
    :func:`comments.merge.clean` (or :func:`~comments.merge.placeholder`) makes a
    :class:`Comment` of it.
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
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comment:
    """One reader's comment as the store keeps it: cleaned, moderation decided.

    ``id`` is the stable source id (``wordpress:carnet.example:116``); ``parent`` is the id of the
    comment it answers (``None`` at the top of a thread); ``thread`` is the address
    of the discussion in the source (URL, path or Isso URI), kept for matching and
    reports; ``date`` is timezone-aware (UTC). An import writes ``html`` sanitised, the
    author as text and the author URL checked; the store is plain JSON that the author
    may edit by hand, so a comment read back from it (:func:`comments.store.from_record`)
    is sanitised again when it is shown (:func:`comments.render.view`).
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


def site_key(url: str) -> str:
    """The site part of a qualified id: ``https://www.Carnet.example/blog/`` →
    ``carnet.example/blog`` (host without ``www.`` nor port, then the path), or ``""``.

    Two exports of one site agree on it whatever their scheme; two sites never do, even
    two blogs of one WordPress multisite (their paths differ).
    """
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if not host:
        return ""
    host = host.removeprefix("www.")
    path = unquote(parts.path).strip("/").lower()
    return _SITE_UNSAFE.sub("-", f"{host}/{path}" if path else host)


def source_id(source: str, site: str, number: str) -> str:
    """``wordpress:carnet.example:116``; ``wordpress:116`` when the site is unknown."""
    return f"{source}:{site}:{number}" if site else f"{source}:{number}"


def legacy_id(comment_id: str) -> str | None:
    """The id stores written before ids carried their site gave the same comment
    (``wordpress:carnet.example:116`` → ``wordpress:116``), or ``None``."""
    parts = comment_id.split(":", 2)
    if len(parts) == 3 and parts[0] in SITE_QUALIFIED:
        return f"{parts[0]}:{parts[2]}"
    return None


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
        super().__init__(f"{where}{NBSP}: {message}")
