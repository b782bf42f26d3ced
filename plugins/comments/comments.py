"""Pelican glue of the comments plugin: read the store, hold back, expose threads to templates.

Templates call ``comments_for(obj)`` with any content object that has a ``slug``
(article, page, lesson) and get a :class:`~comments.render.ThreadView`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from pelican import signals

from cmcore import problems
from cmcore.french import NBSP, quoted
from cmcore.perbuild import PerBuild
from cmcore.plugins import connect
from cmcore.problems import Problem

from . import render, store, threads
from .model import APPROVED, COMMENT, Comment, CommentInputError
from .moderation import Moderator, moderator_for
from .settings import get, live_settings

logger = logging.getLogger(__name__)


class Views(Mapping):
    """The thread views of one build by slug, each made when a page first shows it.

    Reading, moderating and threading every comment happens when the build starts (a
    comment held back is told at every build); sanitising and dating them for display
    is left to the pages that are rendered: an incremental build renders a few.
    """

    def __init__(
        self,
        threads_by_slug: dict,
        timezone: str,
        show_pingbacks: bool,
        allow_images: bool = False,
    ):
        self._threads = threads_by_slug
        self._timezone = timezone
        self._show_pingbacks = show_pingbacks
        self._allow_images = allow_images
        self._views: dict[str, render.ThreadView] = {}

    def __getitem__(self, slug):
        view = self._views.get(slug)
        if view is None:
            view = self._views[slug] = render.view(
                self._threads[slug], self._timezone, self._show_pingbacks, self._allow_images
            )
        return view

    def __iter__(self):
        return iter(self._threads)

    def __len__(self) -> int:
        return len(self._threads)


# The views of each build, made when it starts (load_store), read by its templates.
_VIEWS: PerBuild[Views] = PerBuild(lambda: Views({}, "UTC", False))


def load_store(pelican) -> None:
    """Read the store once per build and prepare every thread."""
    settings = pelican.settings
    live_settings(settings)
    folder = Path(settings["PATH"]) / get(settings, "COMMENTS_DIR")
    try:
        current = store.load(folder)
    except CommentInputError as error:
        problems.report(settings, Problem(error.path, error.line, error.message))
        current = store.Store(folder)
    moderator = moderator_for(settings)
    max_depth = int(get(settings, "COMMENTS_MAX_DEPTH"))
    found = {
        store_file.article: _thread(store_file, settings, moderator, max_depth)
        for store_file in current.files.values()
        if store_file.article is not None
    }
    timezone = settings.get("TIMEZONE") or "UTC"
    show_pingbacks = bool(get(settings, "COMMENTS_SHOW_PINGBACKS"))
    allow_images = bool(get(settings, "COMMENTS_ALLOW_IMAGES"))
    _VIEWS.start(settings, Views(found, timezone, show_pingbacks, allow_images))


def _thread(
    store_file: store.StoreFile, settings: dict, moderator: Moderator, max_depth: int
) -> threads.Thread:
    """The thread of one store file, without the comments the current lists hold back."""
    comments, held = [], set()
    for record in store_file.records:
        comment = _read(record, store_file, settings)
        if comment is None:
            continue
        comments.append(comment)
        if _held_back(comment, store_file, moderator):
            held.add(comment.id)
    return threads.build(
        comments,
        visible=lambda c: threads.published(c) and c.id not in held,
        max_depth=max_depth,
    )


def _read(record: dict, store_file: store.StoreFile, settings: dict) -> Comment | None:
    """A record of the store as a comment; a broken block is told and left out."""
    try:
        return store.from_record(record)
    except (KeyError, ValueError, TypeError) as error:
        problems.report(
            settings,
            Problem(
                str(store_file.path),
                0,
                f"commentaire {record.get('id')} illisible ({error}){NBSP}: "
                "corrigez le bloc ou supprimez-le",
            ),
        )
        return None


def _held_back(comment: Comment, store_file: store.StoreFile, moderator: Moderator) -> bool:
    """Whether the current word lists hold back an approved comment (told to the author).

    The import moderated it already; it is moderated again at every build because the
    lists (and the links limit) may have changed since, and because the store is edited
    by hand. A comment the author approved (``reviewed``) is left alone.
    """
    if comment.status != APPROVED or comment.kind != COMMENT or comment.reviewed:
        return False
    reason = moderator.reason(comment.html, comment.author, comment.author_url)
    if reason:
        logger.warning(
            f"%s{NBSP}: commentaire %s retenu par la modération (%s), non publié{NBSP}; "
            "pour le publier : invoke comments-approve %s",
            problems.display_path(str(store_file.path)),
            comment.id,
            reason,
            comment.id,
        )
    return bool(reason)


def add_template_global(generator) -> None:
    views = _VIEWS.peek(generator.settings) or {}
    generator.env.globals["comments_for"] = lambda obj: views.get(
        getattr(obj, "slug", None), render.EMPTY
    )


def warn_unknown_articles(generators) -> None:
    # A store file whose article was renamed or deleted would otherwise vanish silently.
    if not generators:
        return
    settings = generators[0].settings
    slugs = set()
    for generator in generators:
        for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages", "lessons"):
            slugs.update(getattr(item, "slug", None) for item in getattr(generator, name, []) or [])
    folder = Path(settings["PATH"]) / get(settings, "COMMENTS_DIR")
    for slug in sorted(_VIEWS.peek(settings) or ()):
        if slug not in slugs:
            logger.warning(
                f"%s{NBSP}: aucun article ou page au slug %s{NBSP}; "
                "ces commentaires ne sont pas publiés (renommez le fichier avec le nouveau slug, "
                "ou déplacez ses blocs)",
                problems.display_path(str(folder / f"{slug}{store.SUFFIX}")),
                quoted(slug),
            )


def register() -> None:
    connect(
        "comments",
        (signals.initialized, load_store),
        (signals.generator_init, add_template_global),
        (signals.all_generators_finalized, warn_unknown_articles),
    )
