"""An imported blog in Debian's chromium: old addresses land on the new pages, and the
imported pages pass the site's quality gates (links, HTML validity, axe, no third party)."""

from __future__ import annotations

import shutil

import pytest

from quality import browser as in_browser
from quality.links import check_links
from quality.serve import start_server
from quality.validity import check_html
from tests.conftest import build_site, copy_content
from tests.wordpress.test_import import GUTENBERG, UPLOADS, run_import

pytestmark = pytest.mark.browser

INTERVIEW = "/interview-fatou-ndiaye-cm-banque-dakar/"
ADVICE = "/moderer-commentaires-whatsapp-facebook/"
PAGE = "/charte-de-moderation/"


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wp-browser")
    content = copy_content(tmp)
    found, _ = run_import(content, GUTENBERG)
    # The author finds the one image the uploads folder lacked, as the report asked.
    for files in found.images_missing.values():
        for relative in files:
            target = content / "images" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(UPLOADS / "2024" / "02" / "atelier-moderation.png", target)
    site = build_site(tmp, content=content, SEARCH_INDEX=False)
    url, server = start_server(site.output)
    yield site, url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2024/01/interview-fatou-ndiaye/", INTERVIEW),  # an old slug
        ("/2024/02/moderer-commentaires-whatsapp-facebook/", ADVICE),  # the permalink
        ("/a-propos/charte-de-moderation/", PAGE),  # a child page
        ("/?p=12", INTERVIEW),  # a query address, through the home page's script
        ("/category/interviews/", "/categorie/interviews/"),
    ],
)
def test_an_old_address_lands_on_the_new_page(page, imported_site, old, new):
    _, base = imported_site
    page.goto(base + old)
    page.wait_for_url(base + new, timeout=10_000)
    assert page.locator("h1").first.inner_text()
    assert page.errors == []


def test_imported_pages_pass_the_quality_gates(browser, imported_site):
    site, base = imported_site
    links, _ = check_links(site.output)
    validity = check_html(site.output)
    pages = {"article": INTERVIEW, "article-galerie": ADVICE, "page": PAGE}
    results = [
        links,
        validity,
        in_browser.check_accessibility(browser, base, pages),
        *in_browser.check_requests_and_console(browser, base, pages),
        in_browser.check_mobile(browser, base, pages),
    ]
    report = "\n".join(line for r in results for line in r.lines())
    assert all(r.ok for r in results), report


def test_the_article_shows_its_images_captions_and_threaded_comments(page, imported_site):
    _, base = imported_site
    page.goto(base + INTERVIEW)
    figure = page.locator("main figure figcaption", has_text="responsable des réseaux sociaux")
    assert figure.count() == 1
    image = page.locator("main .post-body img").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    nested = page.locator("[data-comment-id='wordpress:carnet-afrique.example:4']")
    assert nested.count() == 1
    assert page.errors == []
