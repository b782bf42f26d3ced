"""The ``COMMENTS_*`` settings and their defaults, declared once (documented in README.md)."""

from __future__ import annotations

from collections.abc import Mapping

DEFAULTS = {
    # Folder of the store, relative to the content folder (PATH).
    "COMMENTS_DIR": "comments",
    # Content folders whose sources can receive comments (None: ARTICLE_PATHS).
    "COMMENTS_PATHS": None,
    # Replies nest up to this depth; deeper replies are listed flat under the last level.
    "COMMENTS_MAX_DEPTH": 4,
    # Pingbacks and trackbacks are kept in the store; show them under the comments?
    "COMMENTS_SHOW_PINGBACKS": False,
    # Images in comments (off: no third-party request, no tracking pixel).
    "COMMENTS_ALLOW_IMAGES": False,
    # Moderation: word lists (label → file; None: the lists in plugins/comments/lists/),
    # extra words (label → list of words), and the most links a comment may hold.
    "COMMENTS_MODERATION_LISTS": None,
    "COMMENTS_MODERATION_WORDS": {},
    "COMMENTS_MAX_LINKS": 2,
    # Old addresses that no longer name an article: old URL or path → slug.
    "COMMENTS_ALIASES": {},
}


def get(settings: Mapping, name: str):
    """The value of a ``COMMENTS_*`` setting, or its default."""
    return settings.get(name, DEFAULTS[name])
