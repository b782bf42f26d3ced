"""Related posts are remembered between builds, and always those the library would give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, copy_content
from tests.incremental.test_identity import FAST, assert_same_as_clean, edit


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path)


def test_the_library_runs_only_when_tags_or_order_change(tmp_path, content, monkeypatch):
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
    assert calls == [1, 1]  # a tag edit: computed again
    assert_same_as_clean(tmp_path, content, site.output, "étiquette")


def test_a_damaged_answer_is_computed_again(tmp_path, content):
    site = build_site(tmp_path / "inc", content=content, **FAST)
    saved = Path(site.settings["CACHE_PATH"]) / "incremental-related.json"
    assert saved.is_file()
    saved.write_text('{"key": ', encoding="utf-8")
    edit(content / "conseils" / "veille.md", "La veille est", "La veille reste")
    build_site(tmp_path / "inc", content=content, **FAST)
    assert_same_as_clean(tmp_path, content, site.output, "réponse abîmée")
