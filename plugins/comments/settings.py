"""The ``COMMENTS_*`` settings and their defaults, declared once (documented in README.md)."""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping

from cmcore.content import COMMENTS_DEFAULTS
from cmcore.settings import getter

DEFAULTS = {
    # Folder of the store, relative to the content folder (PATH).
    **COMMENTS_DEFAULTS,
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
    # Live comments: base URL of the Isso server (``http://127.0.0.1:8080``, ``/isso``).
    # Article and lesson pages then load its widget; None: no widget, no request.
    # The environment variable of the same name overrides it (see live_settings).
    "COMMENTS_ISSO_URL": None,
}
ISSO_URL_ENV = "COMMENTS_ISSO_URL"


get = getter(DEFAULTS)  # get(settings, "COMMENTS_DIR"): the value, or its default


def live_settings(settings: MutableMapping, environ: Mapping[str, str] = os.environ) -> None:
    """Resolve ``COMMENTS_ISSO_URL`` once, for the templates: environment first, no trailing ``/``.

    An empty environment variable turns the widget off.
    """
    url = environ[ISSO_URL_ENV] if ISSO_URL_ENV in environ else get(settings, "COMMENTS_ISSO_URL")
    settings["COMMENTS_ISSO_URL"] = (url or "").strip().rstrip("/") or None
