"""A reader opens the home page and an article in Debian's chromium."""

import pytest

pytestmark = pytest.mark.browser


def test_home_then_article_without_console_error(page, sample_url):
    page.goto(sample_url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    first = page.locator(".card-title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert "Temps de lecture" in page.locator(".reading-time").inner_text()
    assert page.errors == []


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page, sample_url):
    page.goto(sample_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenu"
