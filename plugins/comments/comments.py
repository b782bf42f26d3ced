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
from cmcore.problems import Problem

from . import render, store, threads
from .model import APPROVED, COMMENT, CommentInputError
from .moderation import moderator_for
from .settings import get, live_settings

logger = logging.getLogger(__name__)
_VIEWS = "_COMMENTS_VIEWS"
NBSP = "\u00a0"


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
    views = {}
    for store_file in current.files.values():
        if store_file.article is None:
            continue
        comments, held = [], set()
        for record in store_file.records:
            try:
                comment = store.from_record(record)
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
                continue
            comments.append(comment)
            if comment.status == APPROVED and comment.kind == COMMENT and not comment.reviewed:
                reason = moderator.reason(comment.html, comment.author, comment.author_url)
                if reason:
                    held.add(comment.id)
                    logger.warning(
                        "%s\u00a0: commentaire %s retenu par la modération (%s), non publié\u00a0; "
                        "pour le publier : invoke comments-approve %s",
                        problems.display_path(str(store_file.path)),
                        comment.id,
                        reason,
                        comment.id,
                    )
        views[store_file.article] = threads.build(
            comments,
            visible=lambda c, held=held: threads.published(c) and c.id not in held,
            max_depth=int(get(settings, "COMMENTS_MAX_DEPTH")),
        )
    settings[_VIEWS] = _Views(
        views, settings.get("TIMEZONE") or "UTC", bool(get(settings, "COMMENTS_SHOW_PINGBACKS"))
    )


class _Views(Mapping):
    """The thread views by slug, each made when a page first shows it.

    Reading, moderating and threading every comment happens when the build starts (a
    comment held back is told at every build); sanitising and dating them for display
    is left to the pages that are rendered: an incremental build renders a few.
    """

    def __init__(self, threads_by_slug: dict, timezone: str, show_pingbacks: bool):
        self._threads = threads_by_slug
        self._timezone = timezone
        self._show_pingbacks = show_pingbacks
        self._views: dict[str, render.ThreadView] = {}

    def __getitem__(self, slug):
        view = self._views.get(slug)
        if view is None:
            view = self._views[slug] = render.view(
                self._threads[slug], self._timezone, self._show_pingbacks
            )
        return view

    def __iter__(self):
        return iter(self._threads)

    def __len__(self) -> int:
        return len(self._threads)


def add_template_global(generator) -> None:
    views = generator.settings.get(_VIEWS, {})
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
    for slug in sorted(settings.get(_VIEWS, {})):
        if slug not in slugs:
            logger.warning(
                "%s\u00a0: aucun article ou page au slug «\u00a0%s\u00a0»\u00a0; "
                "ces commentaires ne sont pas publiés (renommez le fichier avec le nouveau slug, "
                "ou déplacez ses blocs)",
                problems.display_path(str(folder / f"{slug}{store.SUFFIX}")),
                slug,
            )


def register() -> None:
    signals.initialized.connect(load_store)
    signals.generator_init.connect(add_template_global)
    signals.all_generators_finalized.connect(warn_unknown_articles)
