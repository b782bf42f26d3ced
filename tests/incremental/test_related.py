"""Related posts are remembered between builds, and always those the library would give."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_content
from tests.incremental.test_identity import FAST, assert_same_as_clean, edit


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path)


def test_the_library_runs_only_when_the_order_changes(tmp_path, content, monkeypatch):
    from pelican.plugins.related_posts import related_posts as library

    calls = []
    real = library.add_related_posts
    monkeypatch.setattr(library, "add_related_posts", lambda g: (calls.append(1), real(g)))
    site = build_site(tmp_path / "inc", content=content, **FAST)
    assert calls == [1]
    veille = content / "conseils" / "veille.md"
    edit(veille, "La veille est", "La veille reste")
    build_site(tmp_path / "inc", content=content, **FAST)
    assert calls == [1]  # a body edit: the previous answer is used
    edit(veille, "Tags: ", "Tags: nouveauté, ")
    build_site(tmp_path / "inc", content=content, **FAST)
    assert calls == [1]  # a tag edit: the previous answer, brought up to date
    assert_same_as_clean(tmp_path, content, site.output, "étiquette")  # (a clean build)
    calls.clear()
    edit(veille, "Date: 2026-10-12", "Date: 2020-10-12")
    build_site(tmp_path / "inc", content=content, **FAST)
    assert calls == [1]  # another order: computed again
    assert_same_as_clean(tmp_path, content, site.output, "date")


def test_a_damaged_answer_is_computed_again(tmp_path, content):
    site = build_site(tmp_path / "inc", content=content, **FAST)
    saved = Path(site.settings["CACHE_PATH"]) / "incremental-related.json"
    assert saved.is_file()
    saved.write_text('{"key": ', encoding="utf-8")
    edit(content / "conseils" / "veille.md", "La veille est", "La veille reste")
    build_site(tmp_path / "inc", content=content, **FAST)
    assert_same_as_clean(tmp_path, content, site.output, "réponse abîmée")


# Random edits against the library itself: the remembered answer must always be its answer.
from collections import defaultdict  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pelican.urlwrappers import Category, Tag  # noqa: E402

TAGS = ["seo", "instagram", "veille", "emploi", "video", "marque"]
_SETTINGS = {"SLUGIFY_SOURCE": "title", "SLUG_REGEX_SUBSTITUTIONS": []}


class _Article:
    """An article as the library sees it (hashed by identity, as Pelican's are)."""

    def __init__(self, **attributes):
        self.__dict__.update(attributes)


def _generator(path: Path, spec: dict, most: int, skip: bool):
    """A generator as Pelican's would be after reading ``spec`` (name: article), fresh
    objects each time, as each build reads the files again."""
    articles, drafts = [], []
    for name, (_order, tags, category, slug, status, forced) in sorted(
        spec.items(), key=lambda item: item[1][0]
    ):
        article = _Article(
            source_path=str(path / "content" / name),
            slug=slug,
            category=Category(category, _SETTINGS),
        )
        if tags is not None:
            article.tags = [Tag(tag, _SETTINGS) for tag in tags]
        if forced:
            article.related_posts = forced
        (articles if status == "a" else drafts).append(article)
    tags = defaultdict(list)
    for article in articles:
        for tag in getattr(article, "tags", []):
            tags[tag].append(article)
    settings = {
        "INCREMENTAL": True,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(path / "cache"),
        "PATH": str(path / "content"),
        "RELATED_POSTS_MAX": most,
        "RELATED_POSTS_SKIP_SAME_CATEGORY": skip,
    }
    return SimpleNamespace(settings=settings, articles=articles, drafts=drafts, tags=tags)


def _answer(generator) -> dict:
    return {
        article.source_path: [other.source_path for other in article.related_posts]
        if hasattr(article, "related_posts")
        else None
        for article in chain(generator.articles, generator.drafts)
    }


_article = st.tuples(
    st.integers(0, 30),  # place in the list (date)
    st.one_of(st.none(), st.lists(st.sampled_from(TAGS), max_size=4)),
    st.sampled_from(["conseils", "entretiens"]),
    st.sampled_from(["a", "b", "c", "d"]),  # slug (repeated on purpose)
    st.sampled_from(["a", "a", "a", "d"]),  # published or draft
    st.sampled_from([None, None, None, None, "b", "c, d"]),  # forced related posts
)
_names = st.sampled_from([f"{n}.md" for n in range(12)])


@settings(max_examples=150, deadline=None)
@given(
    first=st.dictionaries(_names, _article, max_size=12),
    edits=st.lists(st.tuples(_names, st.one_of(st.none(), _article)), min_size=1, max_size=5),
    most=st.integers(1, 4),
    skip=st.booleans(),
)
def test_remembered_related_posts_are_the_librarys_after_any_edits(
    tmp_path_factory, first, edits, most, skip
):
    """Any sequence of edits (an article added, removed, retagged, moved, renamed,
    published or drafted): each build gives what the library gives on the same articles."""
    from pelican.plugins.related_posts import related_posts as library

    from incremental.related import add_related_posts

    path = tmp_path_factory.mktemp("related")
    spec = dict(first)
    for name, article in [(None, None), *edits]:
        if name is not None:
            if article is None:
                spec.pop(name, None)
            else:
                spec[name] = article
        ours = _generator(path, spec, most, skip)
        add_related_posts(ours)
        theirs = _generator(path, spec, most, skip)
        library.add_related_posts(theirs)
        assert _answer(ours) == _answer(theirs)
        assert list(ours.tags) == list(theirs.tags)  # the library's empty lists too
