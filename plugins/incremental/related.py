"""Related posts (the ``pelican.plugins.related_posts`` library), remembered between builds.

The library scores every article against every other one that shares a tag: at 10,000
articles, some thirty million counts at each build (three seconds), though an edit changes
the answer of only a few articles. This plugin replaces the library's entry in
``PLUGINS`` and works from the previous build's answer:

- nothing that decides it changed (every article's tags, category, slug, forced related
  posts and place in the list): the answer is reused as it is;
- some articles were added, removed or changed (new tags, new slug...), the others kept
  their order: each unchanged article keeps its list, with the changed articles that now
  score well enough put in their place, by the library's own ranking; an unchanged
  article whose list held a changed or removed one, and each changed one, is scored
  again the library's way;
- anything else (another order of the articles, other settings, no usable previous
  answer): the library computes it all.

The ranking, as the library's: the number of tags shared, then the first place in the
article's tags' lists (``Counter.most_common``, stable on ties). Adding, removing or
changing an article never changes the order of the others in those lists, so an
unchanged article's runners-up stay behind its kept list, and the answer is the one the
library would give (``tests/incremental/test_related.py`` checks it on random edits).
Builds without ``INCREMENTAL`` call the library directly.

The answer is kept in the cache folder as plain JSON:
``{"key": "<digest>", "settings": [max, skip], "inputs": {"<source path>": [...]},
"related": {"<source path>": ["<source path>", ...] | null}}`` (paths relative to the
content folder; ``null``: the article has no ``related_posts`` at all, as the library
leaves it).
"""

from __future__ import annotations

import json
import os
from collections import Counter
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


def _inputs_of(kind: str, article) -> list:
    """What an article's own answer, and its place in others', is made of (JSON-ready)."""
    category = getattr(article, "category", None)
    return [
        kind,
        str(article.slug),
        _forced(article),
        [str(t.slug) for t in article.tags] if hasattr(article, "tags") else None,
        str(category or ""),
        getattr(category, "slug", None),
    ]


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
    choice = [
        settings.get("RELATED_POSTS_MAX", 5),
        bool(settings.get("RELATED_POSTS_SKIP_SAME_CATEGORY", False)),
    ]
    contents = list(chain(generator.articles, generator.drafts))
    names = [named(content) for content in contents]
    kinds = chain(("a" for _ in generator.articles), ("d" for _ in generator.drafts))
    inputs = {
        name: _inputs_of(kind, content)
        for name, kind, content in zip(names, kinds, contents, strict=True)
    }
    key = digest((choice, list(inputs.items())))
    by_path = dict(zip(names, contents, strict=True))
    saved = _load(path)
    _read_tags(generator.tags, contents)
    if saved.get("key") == key and _reuse(saved, contents, names, by_path):
        return
    if not (
        saved.get("settings") == choice
        and _update(generator, saved, inputs, names, by_path, *choice)
    ):
        library.add_related_posts(generator)
    related = {
        name: [named(other) for other in content.related_posts]
        if hasattr(content, "related_posts")
        else None
        for name, content in zip(names, contents, strict=True)
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(
        json.dumps({"key": key, "settings": choice, "inputs": inputs, "related": related}),
        encoding="utf-8",
    )
    temporary.replace(path)


def _load(path: Path) -> dict:
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) else {}


def _reuse(saved: dict, contents: list, names: list, by_path: dict) -> bool:
    """Give every content the related posts the file holds; False if it can't."""
    try:
        related = saved["related"]
        answers = []
        for name, content in zip(names, contents, strict=True):
            others = related[name]
            if others is None and hasattr(content, "related_posts"):
                return False  # the library would have changed it: let it
            answers.append(None if others is None else [by_path[other] for other in others])
    except (KeyError, TypeError):
        return False
    for content, others in zip(contents, answers, strict=True):
        if others is not None:
            content.related_posts = others
    return True


def _read_tags(tags, contents: list) -> None:
    """Look up each article's tags as the library does: ``generator.tags`` is a
    defaultdict, and a tag only drafts bear gets its (empty) list, hence its page."""
    for content in contents:
        if _forced(content) is None:
            for tag in getattr(content, "tags", ()):
                tags[tag]


def _update(generator, saved, inputs, names, by_path, most: int, skip: bool) -> bool:
    """Bring the previous answer up to date with the articles that changed; False when the
    previous answer cannot be the start (the library then computes it all)."""
    try:
        before, related = saved["inputs"], saved["related"]
        changed = {name for name, value in inputs.items() if before.get(name) != value}
        gone = before.keys() - inputs.keys()
        # The tag lists follow the published articles' order: the others must keep theirs.
        survivors = [
            n for n, v in before.items() if v[0] == "a" and n not in changed and n not in gone
        ]
        if survivors != [n for n, v in inputs.items() if v[0] == "a" and n not in changed]:
            return False
        moved = changed | gone
        answers = {}
        for name in names:
            if name in changed:
                continue
            others = related[name]
            if others is not None and not moved.intersection(others):
                answers[name] = [by_path[other] for other in others]
    except (KeyError, TypeError, AttributeError):
        return False
    tags = generator.tags
    rivals = [by_path[name] for name in changed if inputs[name][0] == "a"]
    places: dict = {}
    for name, content in zip(names, chain(generator.articles, generator.drafts), strict=True):
        forced = _forced(content)
        if forced is not None:
            content.related_posts = _chosen(generator, forced, most)
            continue
        if not hasattr(content, "tags"):
            continue  # the library leaves it without related posts
        lists = [tags[tag] for tag in content.tags]  # as the library reads them
        kept = answers.get(name)
        if kept is None:
            content.related_posts = _scored(content, lists, most, skip)
            continue
        category = getattr(content, "category", None)
        newcomers = [
            other
            for other in rivals
            if other is not content and not (skip and other.category == category)
        ]
        if newcomers:
            kept = _ranked(content, lists, kept + newcomers, places, most)
        content.related_posts = kept
    return True


def _chosen(generator, forced: str, most: int) -> list:
    """The articles an author named in ``related_posts:`` metadata, as the library finds
    them: for each slug, the first ``most`` articles that bear it."""
    posts = []
    for slug in forced.split(","):
        slug = slug.strip()
        posts.extend([a for a in generator.articles if a.slug == slug][:most])
    return posts


def _scored(content, lists: list[list], most: int, skip: bool) -> list:
    """The library's own scoring, for one article."""
    related = chain(*lists)
    if skip:
        related = (other for other in related if other.category != content.category)
    scores = Counter(related)
    scores.pop(content, None)
    return [other for other, _ in scores.most_common(most)]


def _ranked(content, lists: list[list], candidates: list, places: dict, most: int) -> list:
    """The best ``most`` of ``candidates`` by the library's ranking: more tags shared
    first, then the earliest place in the chain of the article's tags' lists."""
    where = []
    for items in lists:
        place = places.get(id(items))
        if place is None:
            # Each item's first index in the list and how often it is there (an article
            # that bears a tag twice is counted twice, as the library's Counter does).
            place = places[id(items)] = (items, {})
            for index, item in enumerate(items):
                first, times = place[1].get(id(item), (index, 0))
                place[1][id(item)] = (first, times + 1)
        where.append(place[1])
    ranks = []
    for candidate in candidates:
        shared, first, offset = 0, None, 0
        for items, place in zip(lists, where, strict=True):
            found = place.get(id(candidate))
            if found is not None:
                shared += found[1]
                if first is None:
                    first = offset + found[0]
            offset += len(items)
        if shared:
            ranks.append((-shared, first, candidate))
    ranks.sort(key=lambda rank: rank[:2])
    return [candidate for _, _, candidate in ranks[:most]]


def register() -> None:
    connect(
        "incremental.related",
        (signals.article_generator_finalized, add_related_posts),
    )
