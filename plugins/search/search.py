"""Pelican glue: index the site for search once everything is written."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .index import SearchIndexError, index_site

logger = logging.getLogger(__name__)


def index(pelican) -> None:
    # SEARCH_INDEX: True (index, then return), "background" (return at once), False.
    mode = pelican.settings.get("SEARCH_INDEX", True)
    if not mode:
        return
    try:
        index_site(
            Path(pelican.output_path),
            pelican.settings.get("DEFAULT_LANG", "fr"),
            background=mode == "background",
        )
    except SearchIndexError as error:
        logger.error("%s", error)


def register() -> None:
    signals.finalized.connect(index)
