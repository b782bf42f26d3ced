"""Small WordPress exports written by tests: the items a test needs, nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Comment:
    id: int
    content: str = "Merci pour cet article."
    author: str = "Awa Koné"
    approved: str = "1"
    parent: int = 0
    date: str = "2024-01-16 10:00:00"


@dataclass
class Post:
    id: int
    title: str
    slug: str
    content: str = "<p>Un texte.</p>"
    type: str = "post"
    status: str = "publish"
    date: str = "2024-01-16 08:30:00"
    author: str = "aicha"
    excerpt: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)
    tags: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""
    parent: int = 0
    menu_order: int = 0
    link: str = ""
    comments: list[Comment] = field(default_factory=list)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write(
    path: Path,
    posts: list[Post],
    site: str = "https://carnet.example",
    authors: dict[str, str] | None = None,
    categories: dict[str, str] | None = None,
    tags: dict[str, str] | None = None,
) -> Path:
    """A WXR 1.2 file at ``path`` with ``posts`` (login -> display name for ``authors``)."""
    authors = {"aicha": "Aïcha Diallo"} if authors is None else authors
    head = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
        "<channel>",
        "<title>Carnet</title>",
        f"<link>{site}</link>",
        "<wp:wxr_version>1.2</wp:wxr_version>",
        f"<wp:base_site_url>{site}</wp:base_site_url>",
        f"<wp:base_blog_url>{site}</wp:base_blog_url>",
    ]
    for login, name in authors.items():
        head.append(
            f"<wp:author><wp:author_login>{cdata(login)}</wp:author_login>"
            f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>"
        )
    for slug, name in (categories or {}).items():
        head.append(
            f"<wp:category><wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
            f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
        )
    for slug, name in (tags or {}).items():
        head.append(
            f"<wp:tag><wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"
        )
    body = [_item(post, site) for post in posts]
    path.write_text("\n".join(head + body + ["</channel>", "</rss>", ""]), encoding="utf-8")
    return path


def _item(post: Post, site: str) -> str:
    link = post.link or (
        f"{site}/{post.date[:4]}/{post.date[5:7]}/{post.slug}/"
        if post.type == "post"
        else f"{site}/{post.slug}/"
    )
    if post.type == "attachment":
        link = post.attachment_url
    terms = [
        f'<category domain="category" nicename="{slug}">{cdata(name)}</category>'
        for slug, name in post.categories
    ] + [
        f'<category domain="post_tag" nicename="{slug}">{cdata(name)}</category>'
        for slug, name in post.tags
    ]
    meta = [
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in post.meta.items()
    ]
    comments = [
        f"<wp:comment><wp:comment_id>{c.id}</wp:comment_id>"
        f"<wp:comment_author>{cdata(c.author)}</wp:comment_author>"
        f"<wp:comment_date>{c.date}</wp:comment_date>"
        f"<wp:comment_date_gmt>{c.date}</wp:comment_date_gmt>"
        f"<wp:comment_content>{cdata(c.content)}</wp:comment_content>"
        f"<wp:comment_approved>{c.approved}</wp:comment_approved>"
        f"<wp:comment_type>comment</wp:comment_type>"
        f"<wp:comment_parent>{c.parent}</wp:comment_parent></wp:comment>"
        for c in post.comments
    ]
    guid = f"{site}/?p={post.id}" if post.type != "attachment" else post.attachment_url
    return "\n".join(
        [
            "<item>",
            f"<title>{cdata(post.title)}</title>",
            f"<link>{link}</link>",
            f"<dc:creator>{cdata(post.author)}</dc:creator>",
            f'<guid isPermaLink="false">{guid}</guid>',
            f"<content:encoded>{cdata(post.content)}</content:encoded>",
            f"<excerpt:encoded>{cdata(post.excerpt)}</excerpt:encoded>",
            f"<wp:post_id>{post.id}</wp:post_id>",
            f"<wp:post_date>{post.date}</wp:post_date>",
            f"<wp:post_date_gmt>{post.date}</wp:post_date_gmt>",
            f"<wp:post_name>{cdata(post.slug)}</wp:post_name>",
            f"<wp:status>{post.status}</wp:status>",
            f"<wp:post_parent>{post.parent}</wp:post_parent>",
            f"<wp:menu_order>{post.menu_order}</wp:menu_order>",
            f"<wp:post_type>{post.type}</wp:post_type>",
            *(
                [f"<wp:attachment_url>{post.attachment_url}</wp:attachment_url>"]
                if post.attachment_url
                else []
            ),
            *terms,
            *meta,
            *comments,
            "</item>",
        ]
    )
