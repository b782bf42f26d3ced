"""A reader follows an old address in Debian's chromium and lands on the new article."""

from __future__ import annotations

import re
import shutil

import pytest

from quality.serve import start_server
from tests.conftest import ROOT, build_site, copy_content

pytestmark = pytest.mark.browser

VEILLE = "/organiser-sa-veille-sans-y-passer-ses-journees/"
VEILLE_TITLE = "Organiser sa veille sans y passer ses journées"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("redirects-browser")
    content = copy_content(tmp)
    shutil.copy(ROOT / "tests" / "data" / "redirects" / "redirections.csv", content)
    site = build_site(tmp, content=content, SEARCH_INDEX=False, PROOFREAD_ENABLED=False)
    url, server = start_server(site.output)
    yield url
    server.shutdown()
    server.server_close()


def landed_on(page, url: str) -> None:
    page.wait_for_url(url + VEILLE, timeout=10_000)
    assert page.locator("h1").inner_text() == VEILLE_TITLE


def test_an_old_path_lands_on_the_new_article(page, site_url):
    page.goto(site_url + "/2019/06/organiser-sa-veille/")
    landed_on(page, site_url)
    assert page.errors == []


def test_an_old_path_lands_on_the_new_article_without_javascript(browser, site_url):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "/vieille-veille/")
        landed_on(tab, site_url)
    finally:
        context.close()


def test_an_old_query_address_of_the_home_page_lands_on_the_article(page, site_url):
    page.goto(site_url + "/?p=123")
    landed_on(page, site_url)
    assert page.errors == []


def test_extra_parameters_do_not_hide_an_old_query_address(page, site_url):
    page.goto(site_url + "/?p=123&utm_source=lettre")
    landed_on(page, site_url)


def test_the_home_page_without_query_does_not_fetch_the_map(page, site_url):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/theme/js/redirections.js") for url in asked)
    assert not any("redirections.json" in url for url in asked)
    assert page.url == site_url + "/"


def test_an_unknown_query_address_stays_on_the_home_page(page, site_url):
    with page.expect_response(re.compile(r"/redirections\.json$")):
        page.goto(site_url + "/?p=999")
    page.wait_for_load_state("networkidle")
    assert page.url == site_url + "/?p=999"
    assert page.errors == []
