"""The published site, served with the headers of its own ``_headers`` file, in chromium:
no page breaks its Content-Security-Policy, and the theme's files arrive intact (SRI)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from quality.pages import html_pages, representatives, site_url
from security.policy import IMMUTABLE
from tests.conftest import build_site, copy_content, free_port
from tests.isso.conftest import running_isso
from tests.security.conftest import static_host

pytestmark = pytest.mark.browser

ARTICLE = "/organiser-sa-veille-sans-y-passer-ses-journees/"
OLD_PATH = "/2019/06/organiser-sa-veille/"
OLD_QUERY = "/?p=123"
LESSON = "/formations/devenir-community-manager/rediger/"
# Every violation the page sees, as the page sees it (not as chromium's console words it).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  const what = event.blockedURI || "inline";
  window.__violations.push(`${event.effectiveDirective} ${what} (${where})`);
});
"""


def publish(tmp: Path, port: int, **overrides):
    """The site as ``make publish`` builds it, for the origin the test serves it on."""
    origin = f"http://127.0.0.1:{port}"
    return build_site(
        tmp,
        settings_file="publishconf.py",
        SITEURL=origin,
        SITE_ORIGIN=origin,
        FEED_DOMAIN=origin,
        **overrides,
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csp")
    content = copy_content(tmp)
    # Old addresses: a static redirect page, and the home page's redirections.js.
    (content / "redirections.csv").write_text(
        f"ancienne,nouvelle\n{OLD_PATH},{ARTICLE}\n{OLD_QUERY},{ARTICLE}\n", encoding="utf-8"
    )
    port = free_port()
    site = publish(tmp, port, PATH=str(content))
    with static_host(site.output, port) as url:
        yield site, url


class Visitor:
    """One browser context that records, page by page, what went wrong."""

    def __init__(self, browser, origin: str):
        self.context = browser.new_context(locale="fr-FR")
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.origin = origin
        self.problems: list[str] = []
        self.responses: dict[str, object] = {}
        page = self.page
        page.on(
            "console", lambda m: self._note(f"console : {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda exc: self._note(f"erreur : {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: self.responses.__setitem__(r.url, r))

    def _failed(self, request) -> None:
        # A request cut short by the page leaving (a redirection) is no failure of the site.
        if request.failure != "net::ERR_ABORTED":
            self._note(f"échec : {request.url} {request.failure}")

    def _note(self, text: str) -> None:
        self.problems.append(f"{self.page.url} — {text}")

    def visit(self, path: str):
        answer = self.page.goto(self.origin + path, wait_until="load")
        self.check()
        return answer

    def check(self) -> None:
        # Violation events are queued as tasks: let them run first.
        seen = "new Promise((done) => setTimeout(() => done(window.__violations), 20))"
        for violation in self.page.evaluate(seen):
            self._note(f"CSP : {violation}")

    def close(self) -> None:
        self.context.close()


def assert_theme_files_checked(visitor: Visitor, site) -> None:
    """Every theme stylesheet and script of the page has its integrity, and was loaded."""
    page = visitor.page
    links = page.eval_on_selector_all(
        "link[rel=stylesheet], script[src]",
        "els => els.map(e => [e.href || e.src, e.integrity, e.crossOrigin])",
    )
    theme = [link for link in links if "/theme/" in link[0]]
    assert theme, page.url
    for url, integrity, crossorigin in theme:
        assert integrity.startswith("sha384-") and crossorigin == "anonymous", (page.url, url)
        if url in visitor.responses:  # a deferred script of a page left at once may not be
            answer = visitor.responses[url]
            assert answer.status == 200
            assert answer.headers["cache-control"] == IMMUTABLE
    # The stylesheet applies: its rules are there, and the layout uses them.
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 20
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"


def test_every_page_under_the_policy_without_violation_nor_error(published, browser):
    site, url = published
    visitor = Visitor(browser, url)
    pages = [site_url(site.output, file) for file in html_pages(site.output)]
    pages.remove(OLD_PATH)  # it leaves at once: below
    kinds = representatives(site.output)
    # Every page type of the site is among them (the fixed page too).
    assert set(kinds) >= {
        "accueil", "article", "catégorie", "étiquette", "auteur", "archives", "événements",
        "événement", "formations", "formation", "leçon", "recherche", "404",
    }  # fmt: skip
    assert "/a-propos/" in pages and len(pages) > 40
    try:
        for path in pages:
            answer = visitor.visit(path)
            headers = answer.headers
            assert "script-src 'self' 'wasm-unsafe-eval';" in headers["content-security-policy"]
            assert headers["x-content-type-options"] == "nosniff"
            assert "cache-control" not in headers  # HTML: the host's default, revalidated
            assert_theme_files_checked(visitor, site)
        # A search run: Pagefind's worker and WebAssembly under the same policy.
        visitor.visit("/recherche/?q=veille")
        visitor.page.locator(".search-results li a").first.wait_for()
        visitor.page.wait_for_load_state("networkidle")  # the excerpts, before leaving
        visitor.check()
        assert "résultat" in visitor.page.locator("[data-search-status]").inner_text()
        # Old addresses: the redirect page (meta refresh) and the home page's script.
        for old_address in (OLD_PATH, OLD_QUERY):
            visitor.page.goto(url + old_address)
            visitor.page.wait_for_url(url + ARTICLE)
            visitor.page.wait_for_load_state("load")
            visitor.check()
        # An address that does not exist: the site's 404 page, under the policy too.
        answer = visitor.visit("/cette-page-n-existe-pas/")
        assert answer.status == 404
        assert "content-security-policy" in answer.headers
    finally:
        visitor.close()
    missing = [p for p in visitor.problems if "cette-page-n-existe-pas" not in p]
    # Chromium tells the 404 status of the page itself, and nothing else.
    assert missing == [], "\n".join(missing)
    assert len(visitor.problems) <= 1, visitor.problems


def test_the_watch_sees_an_inline_script_and_style(published, browser):
    """The test above would see a violation: an inline script and a style attribute in a
    page of the same site are refused and reported."""
    site, url = published
    bad = site.output / "essai-en-ligne.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body>'
        '<p style="color: red">x</p><script>document.title = "y"</script></body></html>',
        encoding="utf-8",
    )
    visitor = Visitor(browser, url)
    try:
        visitor.visit("/essai-en-ligne.html")
        assert visitor.page.title() == "x"  # the script did not run
    finally:
        visitor.close()
        bad.unlink()
    seen = " ".join(visitor.problems)
    assert "CSP : script-src-elem inline" in seen
    assert "CSP : style-src-attr inline" in seen


def test_a_changed_theme_file_is_refused_by_the_browser(tmp_path, browser):
    """SRI at work: the hashed CSS altered on the host no longer applies."""
    port = free_port()
    site = publish(tmp_path, port, SEARCH_INDEX=False)
    css = next((site.output / "theme" / "css").glob("site.*.css"))
    with css.open("a", encoding="utf-8") as handle:
        handle.write("body { background: red }\n")
    with static_host(site.output, port) as url:
        visitor = Visitor(browser, url)
        try:
            visitor.visit("/")
            background = visitor.page.evaluate("getComputedStyle(document.body).backgroundColor")
        finally:
            visitor.close()
    assert background != "rgb(255, 0, 0)"
    assert any("integrity" in problem for problem in visitor.problems), visitor.problems


def test_with_isso_the_policy_allows_its_origin_and_nothing_more(tmp_path, browser):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with running_isso(tmp_path / "var", origin) as isso:
        site = publish(tmp_path, port, COMMENTS_ISSO_URL=isso.url, SEARCH_INDEX=False)
        headers = (site.output / "_headers").read_text(encoding="utf-8")
        policy = next(line for line in headers.splitlines() if "Content-Security-Policy" in line)
        isso_origin = f"http://{urlsplit(isso.url).netloc}"
        for directive in policy.split(":", 1)[1].split(";"):
            name, *sources = directive.split()
            allowed = name in ("script-src", "style-src", "connect-src")
            assert (isso_origin in sources) == allowed, directive
        with static_host(site.output, port) as url:
            visitor = Visitor(browser, url)
            try:
                for path in (ARTICLE, LESSON):
                    visitor.visit(path)
                    postbox = visitor.page.locator("#isso-thread .isso-postbox")
                    postbox.wait_for(timeout=15_000)
                    # Isso's own stylesheet, from its origin, applies.
                    assert visitor.page.locator("link#isso-style").count() == 1
                    visitor.check()
                # A comment sent: Isso's API under connect-src.
                postbox.locator("textarea").fill("Une question sur la modération des groupes.")
                with visitor.page.expect_response(lambda r: "/new?" in r.url) as answer:
                    postbox.locator("input[type=submit]").click()
                assert answer.value.status == 202
                visitor.check()
            finally:
                visitor.close()
    assert visitor.problems == [], "\n".join(visitor.problems)


def test_without_fingerprint_the_theme_files_keep_their_names(tmp_path):
    """Development builds (pelicanconf.py) link the files as they are, without integrity."""
    site = build_site(tmp_path, SEARCH_INDEX=False)
    link = site.html("/").select_one("link[rel=stylesheet]")
    assert link["href"] == "/theme/css/site.css" and not link.get("integrity")
    assert not list((site.output / "theme" / "css").glob("site.*.css"))
    assert "Cache-Control" not in (site.output / "_headers").read_text(encoding="utf-8")
