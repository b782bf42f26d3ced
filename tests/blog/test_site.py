"""What a reader gets from a built site: URLs, French dates, reading time, pages, feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.conftest import ROOT, build_site

DATA = ROOT / "tests" / "data" / "blog" / "site"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("blog"), content=DATA)


def norm(text: str) -> str:
    """Text as a reader sees it, no-break spaces shown as spaces."""
    return " ".join(text.replace(NBSP, " ").replace("\u202f", " ").split())


LONG = "/un-guide-publie-le-premier-juin/"


def test_article_page_shows_french_date_author_category_and_reading_time(site):
    meta = site.html(LONG).select_one(".post-header .meta")
    assert meta.time["datetime"].startswith("2019-06-01T08:30:00")
    assert norm(meta.time.text) == "1er juin 2019"
    assert "Koffi Mensah" in meta.text and "Guides pratiques" in meta.text
    # 780 words at 195 words per minute; a no-break space before the colon.
    assert meta.select_one(".reading-time").text == f"Temps de lecture{NBSP}: 4{NBSP}minutes"


def test_short_article_reads_in_one_minute_without_table_of_contents(site):
    page = site.html("/article-numero-2/")
    assert norm(page.select_one(".reading-time").text) == "Temps de lecture : 1 minute"
    assert page.select_one("nav.toc") is None


def test_long_article_has_a_table_of_contents_that_points_at_its_headings(site):
    page = site.html(LONG)
    links = page.select("nav.toc a")
    assert [a.text for a in links] == ["Partie 1", "Partie 2", "Partie 3"]
    for link in links:
        assert page.find(id=link["href"][1:]).name == "h2"


def test_dates_do_not_depend_on_the_system_locale(tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "C")
    built = build_site(tmp_path, content=DATA, LOCALE=("C",))
    assert "1er juin 2019" in norm(built.html(LONG).select_one("time").text)
    assert "juin" in norm(built.html("/archives/").text)


def test_urls_in_french_exist(site):
    for url in (
        "/",
        "/page/2/",
        "/categorie/interviews/",
        "/categorie/conseils/",
        "/categorie/guides/",
        "/etiquette/communaute/",
        "/auteur/koffi-mensah/",
        "/auteur/aicha-diallo/",
        "/archives/",
        "/categories/",
        "/etiquettes/",
        "/auteurs/",
        "/a-propos/",
        "/feeds/all.atom.xml",
        "/feeds/all.rss.xml",
        "/feeds/categorie/guides.atom.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/404.html",
        "/theme/images/favicon.svg",
    ):
        assert site.path(url).is_file(), url


def test_home_is_paginated_in_french(site):
    home = site.html("/")
    pager = home.select_one("nav.pagination")
    assert norm(pager.p.text) == "Page 1 sur 2"
    older = pager.find("a", rel="next")
    assert older.text == "Articles plus anciens" and older["href"] == "/page/2/"
    last = site.html("/page/2/").select_one("nav.pagination")
    assert norm(last.p.text) == "Page 2 sur 2"
    assert last.find("a", rel="prev").text == "Articles plus récents"
    assert last.find("a", rel="next") is None
    assert not site.path("/page/3/").exists()
    # 14 articles, 10 a page: every article is listed exactly once.
    titles = [a.text for url in ("/", "/page/2/") for a in site.html(url).select(".card-title a")]
    assert len(titles) == len(set(titles)) == 14


def test_article_has_neighbours_related_articles_and_tags(site):
    page = site.html("/article-numero-4/")
    nav = page.select_one("nav.post-nav")
    assert nav.find("a", rel="prev") or nav.find("a", rel="next")
    related = [a.text for a in page.select(".related a")]
    assert related and "Article numéro 4" not in related
    assert [a.text for a in page.select(".tags a")] == ["communauté", "série paire"]


def test_head_has_language_canonical_open_graph_and_favicon(site):
    page = site.html(LONG)
    assert page.html["lang"] == "fr"
    assert page.find("link", rel="canonical")["href"].endswith(LONG)
    assert page.find("meta", property="og:type")["content"] == "article"
    assert page.find("meta", property="og:title")["content"].startswith("Un guide publié")
    assert page.find("meta", attrs={"name": "twitter:card"})
    assert site.path(page.find("link", rel="icon")["href"]).is_file()
    assert page.find("a", class_="skip-link")["href"] == "#contenu"


def test_images_keep_their_alt_text(site):
    image = site.html(LONG).select_one(".post-body img")
    assert image["alt"] == "Un schéma de la communauté"
    assert site.path(image["src"]).is_file()


def test_feeds_parse_with_absolute_links(site):
    feed = feedparser.parse(site.text("/feeds/all.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith("Le carnet")
    assert len(feed.entries) == 14
    # Development feeds link to site paths; publishconf.py makes them absolute (below).
    assert all(site.path(entry.link).is_file() for entry in feed.entries)
    rss = feedparser.parse(site.text("/feeds/all.rss.xml"))
    assert not rss.bozo and len(rss.entries) == 14
    guides = feedparser.parse(site.text("/feeds/categorie/guides.atom.xml"))
    assert {entry.title for entry in guides.entries} >= {"Un guide publié le premier juin"}


def test_sitemap_lists_articles_and_skips_404(site):
    tree = ET.fromstring(site.text("/sitemap.xml"))
    locations = [el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith(LONG) for loc in locations)
    assert not any("404" in loc for loc in locations)
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in site.text("/robots.txt")


def test_404_page_is_in_french_and_leads_back(site):
    page = site.html("/404.html")
    assert page.h1.text == "Page introuvable"
    assert page.find("a", string="Revenir à l’accueil")["href"] == "/"


def test_published_feeds_and_canonical_urls_are_absolute(tmp_path):
    built = build_site(tmp_path, content=DATA, settings_file="publishconf.py")
    feed = feedparser.parse(built.text("/feeds/all.atom.xml"))
    origin = built.settings["SITEURL"]
    assert origin.startswith("https://")
    assert all(entry.link.startswith(origin + "/") for entry in feed.entries)
    canonical = built.html(LONG).find("link", rel="canonical")["href"]
    assert canonical == origin + LONG
