"""A WordPress export (WXR 1.0 to 1.2), read into plain records; no Pelican import.

The file is untrusted: it is parsed by :mod:`comments.xmlsafe` (defusedxml, any
``<!DOCTYPE>`` refused), as comment exports are. Comments are not read here: the
comment importer reads the same file (``comments.importers.wordpress``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from cmcore.french import NBSP
from comments import xmlsafe
from comments.importers.wordpress import export_site
from comments.model import CommentInputError

NO_DATE = {"", "0000-00-00 00:00:00"}
# Namespaces of the two elements whose local name is "encoded".
_CONTENT_NS = "purl.org/rss/1.0/modules/content"
_EXCERPT_NS = "/excerpt/"
_SERIALIZED_FILE = re.compile(r's:4:"file";s:\d+:"([^"]*)"')


class ExportError(CommentInputError):
    """An export that cannot be read safely: one French line naming the file."""


@dataclass(frozen=True)
class Term:
    """A category or a tag as an item names it."""

    domain: str  # "category" or "post_tag" (others: custom taxonomies)
    slug: str
    name: str


@dataclass(frozen=True)
class Item:
    """One ``<item>`` of the export: a post, a page, an attachment, a menu item..."""

    id: str
    type: str
    status: str
    title: str
    slug: str  # wp:post_name, percent-decoded ("" for many drafts)
    link: str
    guid: str
    date: dt.datetime | None  # UTC when the export has it, else the site's local time
    date_is_utc: bool
    modified: dt.datetime | None
    author: str  # login
    content: str
    excerpt: str
    terms: tuple[Term, ...]
    parent: str
    menu_order: int
    attachment_url: str
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def categories(self) -> list[Term]:
        return [t for t in self.terms if t.domain == "category"]

    @property
    def tags(self) -> list[Term]:
        return [t for t in self.terms if t.domain == "post_tag"]

    def attached_file(self) -> str:
        """An attachment's path under ``wp-content/uploads/`` (``2019/06/photo.jpg``)."""
        found = self.meta.get("_wp_attached_file", "")
        if not found:
            match = _SERIALIZED_FILE.search(self.meta.get("_wp_attachment_metadata", ""))
            found = match.group(1) if match else ""
        return found


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str


@dataclass
class Export:
    """What the importer needs of an export."""

    path: Path
    title: str
    site: str  # comment ids' site key (comments.model.site_key)
    base_url: str  # the blog's address, e.g. https://carnet.example
    version: str
    authors: dict[str, Author]
    categories: dict[str, str]  # slug -> name, as declared at the top of the export
    tags: dict[str, str]
    items: list[Item]
    root: object = field(default=None, repr=False)  # the parsed file, for the comments


def read(path: Path) -> Export:
    """The export at ``path``, or :class:`ExportError` (hostile, broken, not a WXR file)."""
    with open(path, "rb") as file:
        start = file.read(4)
    if start == b"PK\x03\x04":  # WordPress.com sends its export as a .zip
        raise ExportError(
            str(path),
            f"c’est une archive .zip, pas le fichier de l’export{NBSP}; décompressez-la, "
            "puis donnez le fichier .xml qu’elle contient",
        )
    try:
        root = xmlsafe.parse(path)
    except CommentInputError as error:
        raise ExportError(error.path, error.message, error.line) from None
    channel = xmlsafe.child(root, "channel")
    if xmlsafe.local(root.tag) != "rss" or channel is None:
        raise ExportError(
            str(path),
            f"ce n'est pas un export WordPress (pas de <rss><channel>){NBSP}; dans WordPress, "
            "Outils → Exporter → Tout le contenu",
        )
    if not xmlsafe.text(channel, "wxr_version") and not any(
        isinstance(e.tag, str) and "wordpress.org/export" in xmlsafe.namespace(e.tag)
        for e in channel.iter()
    ):
        raise ExportError(
            str(path),
            f"c’est un flux RSS, pas un export WordPress (il ne garde que les derniers "
            f"articles, sans pages, images ni commentaires){NBSP}; dans WordPress, "
            "Outils → Exporter → Tout le contenu",
        )
    authors = {}
    for element in xmlsafe.children(channel, "author"):
        login = xmlsafe.text(element, "author_login")
        if login:
            name = html.unescape(xmlsafe.text(element, "author_display_name"))
            authors[login] = Author(login, name or login)
    # WordPress writes names HTML-escaped (« Tutoriels &amp; guides » inside CDATA).
    categories = {
        unquote(xmlsafe.text(e, "category_nicename")): html.unescape(xmlsafe.text(e, "cat_name"))
        for e in xmlsafe.children(channel, "category")
    }
    tags = {
        unquote(xmlsafe.text(e, "tag_slug")): html.unescape(xmlsafe.text(e, "tag_name"))
        for e in xmlsafe.children(channel, "tag")
    }
    base_url = (
        xmlsafe.text(channel, "base_blog_url")
        or _rss_link(channel)
        or xmlsafe.text(channel, "base_site_url")
    )
    return Export(
        path=Path(path),
        title=html.unescape(xmlsafe.text(channel, "title")),
        site=export_site(channel),
        base_url=base_url.rstrip("/"),
        version=xmlsafe.text(channel, "wxr_version"),
        authors=authors,
        categories=categories,
        tags=tags,
        items=[_item(element) for element in xmlsafe.children(channel, "item")],
        root=root,
    )


def _encoded(item, namespace_part: str) -> str:
    for element in item:
        if xmlsafe.local(element.tag) == "encoded" and namespace_part in xmlsafe.namespace(
            element.tag
        ):
            return element.text or ""
    return ""


def _item(element) -> Item:
    meta = {}
    for entry in xmlsafe.children(element, "postmeta"):
        key = xmlsafe.text(entry, "meta_key")
        if key and key not in meta:
            meta[key] = _raw(entry, "meta_value")
    terms = tuple(
        Term(
            e.get("domain", ""), unquote(e.get("nicename", "")), html.unescape(e.text or "").strip()
        )
        for e in xmlsafe.children(element, "category")
    )
    gmt = _date(xmlsafe.text(element, "post_date_gmt"))
    local = _date(xmlsafe.text(element, "post_date"))
    try:
        order = int(xmlsafe.text(element, "menu_order") or 0)
    except ValueError:
        order = 0
    return Item(
        id=xmlsafe.text(element, "post_id"),
        type=xmlsafe.text(element, "post_type") or "post",
        status=xmlsafe.text(element, "status") or "publish",
        title=html.unescape(_raw(element, "title")).strip(),
        slug=unquote(xmlsafe.text(element, "post_name")),
        link=_rss_link(element),
        guid=xmlsafe.text(element, "guid"),
        date=gmt or local,
        date_is_utc=gmt is not None,
        modified=_date(xmlsafe.text(element, "post_modified_gmt"))
        or _date(xmlsafe.text(element, "post_modified")),
        author=xmlsafe.text(element, "creator"),
        content=_encoded(element, _CONTENT_NS),
        excerpt=_encoded(element, _EXCERPT_NS),
        terms=terms,
        parent=xmlsafe.text(element, "post_parent"),
        menu_order=order,
        attachment_url=xmlsafe.text(element, "attachment_url"),
        meta=meta,
    )


def _rss_link(element) -> str:
    # RSS's own <link>, not <atom:link>: both have the local name "link".
    for child in element:
        if child.tag == "link":
            return (child.text or "").strip()
    return ""


def _raw(element, name: str) -> str:
    found = xmlsafe.child(element, name)
    return (found.text or "") if found is not None else ""


def _date(value: str) -> dt.datetime | None:
    if value in NO_DATE:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
