"""Articles kept between builds: the next build gets them back, as if it had read them."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from pelican import signals

from tests.conftest import copy_content
from tests.incremental.test_identity import assert_same_as_clean, edit, incremental_build

KEPT = "incremental-articles.pickle"


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path)


def test_links_of_a_kept_article_follow_the_page_they_link_to(tmp_path, content):
    site = incremental_build(tmp_path, content)
    assert (Path(site.settings["CACHE_PATH"]) / KEPT).is_file()
    # savoir-etre.md links to veille.md; only veille.md changes, and its URL with it.
    edit(
        content / "conseils" / "veille.md",
        "Title: Organiser sa veille",
        "Title: Organiser enfin sa veille",
    )
    incremental_build(tmp_path, content)
    page = (site.output / "les-savoir-etre-du-community-manager" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="/organiser-enfin-sa-veille-sans-y-passer-ses-journees/"' in page
    assert_same_as_clean(tmp_path, content, site.output, "lien suivi")


def test_an_article_dated_in_the_future_is_published_when_its_date_comes(tmp_path, content):
    # Without WITH_FUTURE_DATES, Pelican makes such an article a draft until its date.
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3)
    (content / "conseils" / "programme.md").write_text(
        f"Title: Un article programmé\nDate: {soon:%Y-%m-%d %H:%M:%S}\n"
        "Summary: Publié à son heure.\n\nIl paraît tout seul.\n",
        encoding="utf-8",
    )
    site = incremental_build(tmp_path, content, WITH_FUTURE_DATES=False)
    page = site.output / "un-article-programme" / "index.html"
    assert not page.exists()
    time.sleep(max(0.0, (soon - dt.datetime.now(dt.UTC)).total_seconds()) + 1)
    incremental_build(tmp_path, content, WITH_FUTURE_DATES=False)  # its source did not change
    assert "Un article programmé" in page.read_text(encoding="utf-8")
    assert "Un article programmé" in (site.output / "index.html").read_text(encoding="utf-8")


def test_an_article_dated_in_the_future_is_kept_when_such_dates_are_published(tmp_path, content):
    # With WITH_FUTURE_DATES (Pelican's default) the date decides nothing: the article is
    # kept like any other, not read again at every build.
    (content / "conseils" / "programme.md").write_text(
        "Title: Un article programmé\nDate: 2049-01-01 09:00\n"
        "Summary: Publié à son heure.\n\nIl paraît tout seul.\n",
        encoding="utf-8",
    )
    site = incremental_build(tmp_path, content)
    assert b"programme.md" in (Path(site.settings["CACHE_PATH"]) / KEPT).read_bytes()
    edit(content / "conseils" / "programme.md", "Il paraît", "Il paraîtra")
    incremental_build(tmp_path, content)
    assert_same_as_clean(tmp_path, content, site.output, "article programmé gardé")
    incremental_build(tmp_path, content, WITH_FUTURE_DATES=False)
    assert b"programme.md" not in (Path(site.settings["CACHE_PATH"]) / KEPT).read_bytes()


def test_a_damaged_file_of_kept_articles_changes_nothing(tmp_path, content):
    site = incremental_build(tmp_path, content)
    kept = Path(site.settings["CACHE_PATH"]) / KEPT
    kept.write_bytes(kept.read_bytes()[:1000])
    edit(content / "conseils" / "veille.md", "La veille est", "La veille reste")
    incremental_build(tmp_path, content)
    assert_same_as_clean(tmp_path, content, site.output, "articles gardés abîmés")


def test_articles_pickle_refuses_are_left_to_pelicans_cache(tmp_path, content, caplog):
    def unpicklable(generator):
        for article in generator.articles:
            article.mood = lambda: "gai"  # a plugin's attribute that pickle refuses

    signals.article_generator_pretaxonomy.connect(unpicklable)
    try:
        site = incremental_build(tmp_path, content)
        cache = Path(site.settings["CACHE_PATH"])
        assert "ne peuvent être gardés" in caplog.text
        assert not (cache / KEPT).exists()
        incremental_build(tmp_path, content)  # read once more, into Pelican's cache
        assert (cache / "ArticlesGenerator-Readers").is_file()
        caplog.clear()
        edit(content / "conseils" / "veille.md", "La veille est", "La veille reste")
        incremental_build(tmp_path, content)
        assert "ne peuvent être gardés" not in caplog.text  # told once
    finally:
        signals.article_generator_pretaxonomy.disconnect(unpicklable)
    assert_same_as_clean(tmp_path, content, site.output, "articles refusés")
