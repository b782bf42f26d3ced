"""WordPress WXR exports (``wp:comment``): threads, statuses, pingbacks and trackbacks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .. import xmlsafe
from ..model import (
    APPROVED,
    COMMENT,
    DELETED,
    PENDING,
    PINGBACK,
    SPAM,
    TRACKBACK,
    CommentInputError,
    RawComment,
    site_key,
    source_id,
)

SOURCE = "wordpress"
NAMESPACE_PREFIX = "http://wordpress.org/export/"
STATUSES = {"1": APPROVED, "0": PENDING, "spam": SPAM, "trash": DELETED, "post-trashed": DELETED}
KINDS = {"pingback": PINGBACK, "trackback": TRACKBACK}
NO_DATE = {"", "0000-00-00 00:00:00"}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def detect(root_tag: str, namespaces: str) -> bool:
    """True for the start of a WXR file (an RSS feed with WordPress's export namespace)."""
    return root_tag == "rss" and NAMESPACE_PREFIX in namespaces


def read(path: Path) -> list[RawComment]:
    """Every comment of a WXR export, in document order."""
    return from_root(xmlsafe.parse(path), path)


def from_root(root, path: Path) -> list[RawComment]:
    """Every comment of a WXR export already parsed (``root``), in document order."""
    channel = xmlsafe.child(root, "channel")
    if xmlsafe.local(root.tag) != "rss" or channel is None:
        raise CommentInputError(
            str(path), "ce n'est pas un export WordPress (pas de <rss><channel>)"
        )
    site = export_site(channel)
    incoming: list[RawComment] = []
    seen: set[str] = set()
    for number, item in enumerate(xmlsafe.children(channel, "item"), start=1):
        comments = xmlsafe.children(item, "comment")
        if not comments:
            continue
        link = xmlsafe.text(item, "link")
        guid = xmlsafe.text(item, "guid")
        post_name = xmlsafe.text(item, "post_name")
        post_key = (
            xmlsafe.text(item, "post_id") or _query_id(link) or _query_id(guid) or f"item{number}"
        )
        targets = tuple(dict.fromkeys(t for t in (post_name, link, guid) if t))
        thread = link or guid or post_name
        post_date = _date(xmlsafe.text(item, "post_date_gmt")) or EPOCH
        # WordPress comment ids are unique per site (ids carry the site); an export
        # stitched from several sites can repeat one: the later ones name their post.
        local_ids: dict[str, str] = {}
        for element in comments:
            raw_id = xmlsafe.text(element, "comment_id")
            key = source_id(SOURCE, site, raw_id)
            if key in seen:
                key = source_id(SOURCE, site, f"{raw_id}@{post_key}")
            seen.add(key)
            local_ids[raw_id] = key
        for element in comments:
            raw_id = xmlsafe.text(element, "comment_id")
            parent = xmlsafe.text(element, "comment_parent")
            parent_id = None
            if parent and parent != "0":
                parent_id = local_ids.get(parent, source_id(SOURCE, site, parent))
            date = (
                _date(xmlsafe.text(element, "comment_date_gmt"))
                or _date(xmlsafe.text(element, "comment_date"))
                or post_date
            )
            approved = xmlsafe.text(element, "comment_approved")
            status = STATUSES.get(approved, PENDING)
            comment = RawComment(
                id=local_ids[raw_id],
                thread=thread,
                parent=parent_id,
                author=xmlsafe.text(element, "comment_author"),
                author_url=xmlsafe.text(element, "comment_author_url"),
                date=date,
                html=xmlsafe.text(element, "comment_content"),
                status=status,
                kind=KINDS.get(xmlsafe.text(element, "comment_type"), COMMENT),
                reason="en attente dans l'export WordPress" if status == PENDING else "",
                targets=targets,
            )
            incoming.append(comment)
    return incoming


def export_site(channel) -> str:
    """The site an export comes from, as comment ids name it (:func:`site_key`): the blog's
    address (``wp:base_blog_url``, else the channel's ``<link>``), else the network's,
    else the host of its posts' links."""
    for name in ("base_blog_url", "link", "base_site_url"):
        site = site_key(xmlsafe.text(channel, name))
        if site:
            return site
    # A trimmed export without the channel's address: the host its posts live on.
    for item in xmlsafe.children(channel, "item"):
        link = site_key(xmlsafe.text(item, "link") or xmlsafe.text(item, "guid"))
        if link:
            return link.split("/", 1)[0]
    return ""


def _date(value: str) -> dt.datetime | None:
    if value in NO_DATE:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def _query_id(url: str) -> str:
    # ``http://example.tld/?p=4`` → ``4``: WordPress's permalink for posts without a slug.
    if not url:
        return ""
    values = parse_qs(urlsplit(url).query).get("p") or parse_qs(urlsplit(url).query).get("page_id")
    return values[0] if values else ""
