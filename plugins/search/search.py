"""Pelican glue: index the site for search once everything is written."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from cmcore.plugins import connect

from .index import BUNDLE_PAGES, SearchIndexError, index_site

logger = logging.getLogger(__name__)


def index(pelican) -> None:
    # SEARCH_INDEX: True (index, then return), "background" (return at once), False.
    # SEARCH_BUNDLE_PAGES: pages per bundle of the index (see index.py).
    mode = pelican.settings.get("SEARCH_INDEX", True)
    if not mode:
        return
    try:
        index_site(
            Path(pelican.output_path),
            pelican.settings.get("DEFAULT_LANG", "fr"),
            background=mode == "background",
            bundle_pages=int(pelican.settings.get("SEARCH_BUNDLE_PAGES", BUNDLE_PAGES)),
            cache=Path(pelican.settings["CACHE_PATH"]),
        )
    except SearchIndexError as error:
        logger.error("%s", error)


def register() -> None:
    connect(
        "search",
        (signals.finalized, index),
    )
