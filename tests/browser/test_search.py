"""A reader finds an old article with the search field, in French, offline."""

import pytest

pytestmark = pytest.mark.browser


def test_search_field_in_the_header_finds_an_article(page, sample_url, sample_site):
    page.goto(sample_url + "/")
    page.fill("#site-search-q", "veille")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/recherche/?q=veille")
    results = page.locator(".search-results li a")
    results.first.wait_for()
    titles = results.all_inner_texts()
    assert any("veille" in title.lower() for title in titles)
    assert "résultat" in page.locator("[data-search-status]").inner_text()
    assert page.errors == []


def test_search_page_says_when_nothing_matches(page, sample_url):
    page.goto(sample_url + "/recherche/?q=zzzxqw")
    status = page.locator("[data-search-status]")
    status.filter(has_text="Aucun résultat").wait_for()
    assert page.locator(".search-results li").count() == 0


def test_without_javascript_the_search_page_points_at_the_archives(browser, sample_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(sample_url + "/recherche/?q=veille")
    fallback = tab.locator("[data-search-fallback]")
    assert fallback.is_visible()
    assert fallback.locator("a[href='/archives/']").is_visible()
    context.close()


def test_navigation_and_footer_are_left_out_of_the_index(page, sample_url):
    # « pisteur » appears in the footer of every page, and nowhere in the articles.
    page.goto(sample_url + "/recherche/?q=pisteur")
    page.locator("[data-search-status]").filter(has_text="Aucun résultat").wait_for()
    assert page.locator(".search-results li").count() == 0
