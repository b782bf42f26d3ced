"""What templates show: French labels and dates, anchors, safe HTML, for a thread."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from markupsafe import Markup

from cmcore import dates

from . import sanitize
from .model import DELETED, Comment
from .threads import Node, Thread


def count_label(count: int) -> str:
    """« Aucun commentaire », « 1 commentaire », « 3 commentaires »."""
    if count == 0:
        return "Aucun commentaire"
    return f"{count} commentaire{'s' if count > 1 else ''}"


def anchor(comment_id: str) -> str:
    """The HTML id of a comment: ``commentaire-wordpress-116``."""
    return "commentaire-" + re.sub(r"[^A-Za-z0-9_-]+", "-", comment_id).strip("-")


def date_text(value: dt.datetime, zone: dt.tzinfo) -> str:
    """« 6 mai 2012 à 20 h 46 » in the site's time zone."""
    local = value.astimezone(zone)
    return f"{dates.format_date(local)} à {dates.format_time(local)}"


@dataclass(frozen=True)
class CommentView:
    """One comment ready for ``partials/comment.html``; text fields still need escaping."""

    id: str
    anchor: str
    author: str
    url: str
    date_iso: str
    date_text: str
    html: Markup
    deleted: bool
    replies: tuple[CommentView, ...]
    reply_to: str = ""
    reply_to_anchor: str = ""


@dataclass(frozen=True)
class PingbackView:
    """A pingback or trackback: a link to the page that cited the article."""

    title: str
    url: str
    date_text: str


@dataclass(frozen=True)
class ThreadView:
    """The comments of one content object, for ``partials/comments.html``."""

    count: int
    label: str
    comments: tuple[CommentView, ...]
    pingbacks: tuple[PingbackView, ...] = ()


EMPTY = ThreadView(0, count_label(0), ())


def view(
    thread: Thread, timezone: str = "UTC", show_pingbacks: bool = False, allow_images: bool = False
) -> ThreadView:
    """The view of a thread; author, URL and HTML are sanitised once more on the way out,
    because the store they were read from is edited by hand."""
    zone = ZoneInfo(timezone)

    def one(node: Node) -> CommentView:
        comment = node.comment
        deleted = comment.status == DELETED
        return CommentView(
            id=comment.id,
            anchor=anchor(comment.id),
            author="" if deleted else sanitize.author_name(comment.author),
            url="" if deleted else sanitize.safe_url(comment.author_url),
            date_iso=comment.date.isoformat(),
            date_text=date_text(comment.date, zone),
            html=Markup("" if deleted else sanitize.clean_html(comment.html, allow_images)),
            deleted=deleted,
            replies=tuple(one(reply) for reply in node.replies),
            reply_to=_name(node.reply_to),
            reply_to_anchor=anchor(node.reply_to.id) if node.reply_to else "",
        )

    pingbacks = ()
    if show_pingbacks:
        pingbacks = tuple(
            PingbackView(
                sanitize.author_name(c.author),
                sanitize.safe_url(c.author_url),
                date_text(c.date, zone),
            )
            for c in thread.pingbacks
        )
    return ThreadView(
        thread.count, count_label(thread.count), tuple(one(n) for n in thread.roots), pingbacks
    )


def _name(comment: Comment | None) -> str:
    if comment is None:
        return ""
    return (
        "un commentaire supprimé"
        if comment.status == DELETED
        else sanitize.author_name(comment.author)
    )
