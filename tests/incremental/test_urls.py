"""The URL fast path gives exactly Pelican's URLs, and leaves other patterns to Pelican."""

from __future__ import annotations

import datetime as dt

import pytest
from pelican.contents import Article, Content, Page
from pelican.settings import read_settings
from pelican.urlwrappers import Category

from incremental import seam, urls
from tests.conftest import ROOT

PATTERNS = {
    "ARTICLE_URL": "{slug}/",
    "ARTICLE_SAVE_AS": "{slug}/index.html",
    "ARTICLE_LANG_URL": "{lang}/{slug}/",
    "ARTICLE_LANG_SAVE_AS": "{lang}/{slug}/index.html",
    "PAGE_URL": "pages/{date:%Y}/{slug}.html",  # reads another field: Pelican's own way
    "PAGE_SAVE_AS": "pages/{category}/{slug}.html",
}


def _urls(settings, key: str) -> list[str]:
    folder = ROOT / "content"
    base = {
        "title": "Un titre",
        "date": dt.datetime(2024, 5, 1),
        "category": Category("Conseils", settings),
    }
    contents = [
        Article("<p>Corps</p>", {**base, "slug": "mon-article"}, settings, str(folder / "a.md")),
        Article(
            "<p>Body</p>", {**base, "slug": "my-post", "lang": "en"}, settings, str(folder / "b.md")
        ),
        Page("<p>Page</p>", {**base, "slug": "a-propos"}, settings, str(folder / "c.md")),
    ]
    return [getattr(content, key) for content in contents]


@pytest.mark.parametrize("key", ["url", "save_as"])
def test_fast_urls_are_pelicans(key):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=PATTERNS)
    try:
        seam.patch(True)
        assert Content._expand_settings is urls.expand_settings
        fast = _urls(settings, key)
        seam.patch(False)
        slow = _urls(settings, key)
    finally:
        seam.patch(False)
    assert fast == slow
    assert fast[0] in ("mon-article/", "mon-article/index.html")
    assert fast[1].startswith("en/my-post/")
    assert fast[2].startswith("pages/")


def test_only_slug_and_lang_patterns_take_the_fast_path():
    assert urls._simple("{slug}/") and urls._simple("categorie/{slug}/index.html")
    assert urls._simple("{lang}/{slug}/")
    assert not urls._simple("{date:%Y}/{slug}/")
    assert not urls._simple("{category}/{slug}.html")
    assert not urls._simple("{slug.upper}/")


@pytest.mark.parametrize(
    "value",
    [
        "Réseaux sociaux : la modération",
        "  <em>Community</em> management  ",
        "Ça déménage ! Œuvre & co",
        "Événements à Abidjan",
    ],
)
@pytest.mark.parametrize("preserve_case", [False, True])
def test_remembered_slugs_are_pelicans(value, preserve_case):
    from markupsafe import Markup
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    for argument in (value, Markup(value)):
        for _ in range(2):  # computed, then remembered
            assert urls.slugify(argument, subs, preserve_case) == slugify(
                argument, subs, preserve_case
            )
    assert urls.slugify(value, [], use_unicode=True) == slugify(value, [], use_unicode=True)


def test_slugs_kept_on_disk_are_used_and_a_damaged_file_is_ignored(tmp_path):
    from pelican.settings import DEFAULT_CONFIG

    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    table = tmp_path / "slugs.json"
    urls.load_slugs(table)  # absent: nothing
    assert urls.slugify("Une veille efficace", subs) == "une-veille-efficace"
    urls.save_slugs(table)
    saved = table.read_text(encoding="utf-8")
    assert "une-veille-efficace" in saved

    # What the file says is what a later build gets, without slugifying again.
    table.write_text(saved.replace("une-veille-efficace", "lue-sur-le-disque"), encoding="utf-8")
    urls._SLUGS.clear()
    urls.load_slugs(table)
    assert urls.slugify("Une veille efficace", subs) == "lue-sur-le-disque"

    # Damaged, or written by other versions: ignored, the slug is computed again.
    for damaged in ('{"version": ', saved.replace('"version": "', '"version": "autre')):
        table.write_text(damaged, encoding="utf-8")
        urls._SLUGS.clear()
        urls.load_slugs(table)
        assert urls.slugify("Une veille efficace", subs) == "une-veille-efficace"
    urls._SLUGS.clear()
