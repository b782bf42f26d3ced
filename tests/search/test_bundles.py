"""A large site is indexed in bundles that the search page merges: a reader sees one search."""

from __future__ import annotations

import json

import pytest

from search.index import bundles, indexed_pages
from tests.conftest import build_site, serve_folder


def test_every_page_is_in_one_bundle_and_stays_there():
    pages = [f"article-{n}/index.html" for n in range(1001)]
    parts = bundles(pages, 250)
    assert len(parts) == 5
    assert sorted(p for part in parts for p in part) == sorted(pages)
    assert all(150 < len(part) < 260 for part in parts)  # alike, by the hash of the path
    # Each page's bundle depends on its path alone, not on the other pages or their order.
    assert [set(part) for part in bundles(list(reversed(pages)), 250)] == [set(p) for p in parts]
    assert bundles(pages[:250], 250) == [pages[:250]]  # a small site: one bundle


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The sample site indexed in bundles of 3 pages."""
    site = build_site(tmp_path_factory.mktemp("lots"), SEARCH_BUNDLE_PAGES=3)
    url, server = serve_folder(site.output)
    yield site, url
    server.shutdown()


def test_the_bundles_are_written_and_listed(bundled):
    site, _ = bundled
    pages = indexed_pages(site.output)
    count = -(-len(pages) // 3)
    listed = json.loads((site.output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert listed["bundles"] == [f"pagefind-{n}/" for n in range(1, count)]
    for name in ["pagefind", *(b.rstrip("/") for b in listed["bundles"])]:
        assert (site.output / name / "pagefind-entry.json").is_file(), name


@pytest.mark.browser
def test_one_search_finds_pages_of_every_bundle(bundled, page):
    site, url = bundled
    page.goto(url + "/recherche/?q=communauté")
    results = page.locator(".search-results li a")
    results.first.wait_for()
    found = {
        href.strip("/").split("/")[-1]
        for href in results.evaluate_all("l => l.map(a => a.getAttribute('href'))")
    }
    # Which bundle holds each page that has the word: the results come from several.
    holders = set()
    for number, part in enumerate(bundles(indexed_pages(site.output), 3)):
        for path in part:
            slug = path.rsplit("/", 2)[-2] if "/" in path else ""
            text = (site.output / path).read_text(encoding="utf-8")
            if slug in found and "communauté" in text.lower():
                holders.add(number)
    assert len(holders) >= 2, (found, holders)
    assert page.errors == []


def test_a_site_that_shrinks_keeps_only_the_bundles_it_needs(tmp_path):
    site = build_site(tmp_path, SEARCH_BUNDLE_PAGES=3, PROOFREAD_ENABLED=False)
    assert (site.output / "pagefind-1").is_dir()
    build_site(tmp_path, PROOFREAD_ENABLED=False)  # the default: one bundle for this site
    assert not list(site.output.glob("pagefind-*"))
    listed = json.loads((site.output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert listed == {"bundles": []}
