"""Disqus XML exports: ``<thread>`` and ``<post>`` elements linked by ``dsq:id``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import xmlsafe
from ..model import APPROVED, DELETED, SPAM, CommentInputError, RawComment, source_id

SOURCE = "disqus"
INTERNALS = "{http://disqus.com/disqus-internals}id"


def detect(root_tag: str, namespaces: str) -> bool:
    """True for the start of a Disqus export (a ``<disqus>`` root in Disqus's namespace)."""
    return root_tag == "disqus" or 'xmlns="http://disqus.com' in namespaces


def read(path: Path) -> list[RawComment]:
    """Every post of a Disqus export, in document order."""
    root = xmlsafe.parse(path)
    if xmlsafe.local(root.tag) != "disqus":
        raise CommentInputError(str(path), "ce n'est pas un export Disqus (pas de <disqus>)")
    # Post ids are qualified by the forum (the site's Disqus short name) of their thread.
    threads: dict[str, tuple[str, tuple[str, ...]]] = {}
    for element in xmlsafe.children(root, "thread"):
        link = xmlsafe.text(element, "link")
        identifier = xmlsafe.text(element, "id")
        forum = _forum(xmlsafe.text(element, "forum"))
        threads[element.get(INTERNALS, "")] = (forum, tuple(t for t in (link, identifier) if t))
    forums = {forum for forum, _ in threads.values()}
    default_forum = forums.pop() if len(forums) == 1 else ""
    incoming = []
    for element in xmlsafe.children(root, "post"):
        post_id = element.get(INTERNALS, "")
        thread_ref = xmlsafe.child(element, "thread")
        forum, targets = threads.get(
            thread_ref.get(INTERNALS, "") if thread_ref is not None else "",
            (default_forum, ()),
        )
        parent = xmlsafe.child(element, "parent")
        parent_id = parent.get(INTERNALS) if parent is not None else None
        author = xmlsafe.child(element, "author")
        name = xmlsafe.text(author, "name") if author is not None else ""
        anonymous = author is None or xmlsafe.text(author, "isAnonymous") == "true"
        if xmlsafe.text(element, "isDeleted") == "true":
            status = DELETED
        elif xmlsafe.text(element, "isSpam") == "true":
            status = SPAM
        else:
            status = APPROVED
        comment = RawComment(
            id=source_id(SOURCE, forum, post_id),
            thread=targets[0] if targets else "",
            parent=source_id(SOURCE, forum, parent_id) if parent_id else None,
            author=name or ("Anonyme" if anonymous else xmlsafe.text(author, "username")),
            author_url="",
            date=_date(xmlsafe.text(element, "createdAt")),
            html=xmlsafe.text(element, "message"),
            status=status,
            targets=targets,
        )
        incoming.append(comment)
    return incoming


def _forum(name: str) -> str:
    # A Disqus short name is already an id of its own ([a-z0-9-]); keep it so.
    return "".join(c for c in name.lower() if c.isalnum() or c in "-_.")


def _date(value: str) -> dt.datetime:
    try:
        date = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return date.astimezone(dt.UTC) if date.tzinfo else date.replace(tzinfo=dt.UTC)
