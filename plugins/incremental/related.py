"""Related posts (the ``pelican.plugins.related_posts`` library), remembered between builds.

The library scores every article against every other one that shares a tag: at 1,000
articles, a few hundred thousand counts at each build, though the result only changes
when an article's tags, category, slug or place in the list does. This plugin replaces
the library's entry in ``PLUGINS``: it digests those inputs, reuses the previous build's
answer when they are the same, and otherwise lets the library compute it. Builds
without ``INCREMENTAL`` call the library directly.

The answer is kept in the cache folder as plain JSON:
``{"key": "<digest>", "related": {"<source path>": ["<source path>", ...] | null}}``
(paths relative to the content folder; ``null``: the article has no ``related_posts`` at
all, as the library leaves it).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from itertools import chain
from pathlib import Path

from pelican import signals
from pelican.plugins.related_posts import related_posts as library

from cmcore.plugins import connect

from .fingerprint import digest

FILE = "incremental-related.json"
_MISSING = object()


def _named(generator) -> Callable[[object], str]:
    """A content's source path relative to the content folder: what the file records, so
    that a copied or moved project keeps its answers (cut as text: relpath per article
    would cost more than the answers save)."""
    prefix = os.path.join(os.path.abspath(generator.settings["PATH"]), "")

    def named(content) -> str:
        path = content.source_path
        return path[len(prefix) :] if path.startswith(prefix) else path

    return named


def _inputs(generator, named: Callable[[object], str]) -> str:
    settings = generator.settings
    return digest(
        (
            settings.get("RELATED_POSTS_MAX", 5),
            bool(settings.get("RELATED_POSTS_SKIP_SAME_CATEGORY", False)),
            tuple(
                (
                    kind,
                    named(article),
                    str(article.slug),
                    _forced(article),
                    tuple(str(t.slug) for t in article.tags) if hasattr(article, "tags") else None,
                    str(getattr(article, "category", "")),
                    getattr(getattr(article, "category", None), "slug", None),
                )
                for kind, articles in (("a", generator.articles), ("d", generator.drafts))
                for article in articles
            ),
        )
    )


def _forced(article) -> str | None:
    forced = getattr(article, "related_posts", None)
    return forced if isinstance(forced, str) else None


def add_related_posts(generator) -> None:
    settings = generator.settings
    if not settings.get("INCREMENTAL") or not settings.get("LOAD_CONTENT_CACHE"):
        library.add_related_posts(generator)
        return
    path = Path(settings["CACHE_PATH"]) / FILE
    named = _named(generator)
    key = _inputs(generator, named)
    contents = list(chain(generator.articles, generator.drafts))
    by_path = {named(content): content for content in contents}
    if _reuse(path, key, contents, by_path, named):
        return
    library.add_related_posts(generator)
    related = {
        named(content): [named(other) for other in content.related_posts]
        if hasattr(content, "related_posts")
        else None
        for content in contents
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"key": key, "related": related}), encoding="utf-8")
    temporary.replace(path)


def _reuse(path: Path, key: str, contents: list, by_path: dict, named) -> bool:
    """Give every content the related posts the file holds for ``key``; False if it can't."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("key") != key:
            return False
        related = saved["related"]
        answers = {}
        for content in contents:
            others = related[named(content)]
            if others is None and hasattr(content, "related_posts"):
                return False  # the library would have changed it: let it
            answers[id(content)] = None if others is None else [by_path[other] for other in others]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    for content in contents:
        others = answers[id(content)]
        if others is not None:
            content.related_posts = others
    return True


def register() -> None:
    connect(
        "incremental.related",
        (signals.article_generator_finalized, add_related_posts),
    )
