"""`make serve` shows each page's proofreading findings in place; a built site never does."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from pelican.settings import read_settings

from proofread.baseline import record
from quality.browser import MIN_BODY_PX, MOBILE, axe_script
from tests.conftest import ROOT, copy_content, plain, run_task
from tests.devserver.test_devserver import _get, running_server

SOURCE = "conseils/essai-relecture.md"
URL = "/essai-de-relecture-dans-la-page/"
TYPO_LINE = 7  # the line of the first « publiccation » in ARTICLE
ARTICLE = """Title: Essai de relecture dans la page
Date: 2025-03-01 10:00
Author: Koffi Mensah
Summary: Un article pour voir les remarques de relecture dans la page servie.
Tags: modération

Une publiccation bâclée se remarque tout de suite, même par les lecteurs pressés.

## Relire avant de publier

Relisez chaque phrase : une publication soignée inspire confiance, et chaque publiccation compte.
"""
FIXED = ARTICLE.replace("publiccation", "publication")
# An old article whose one mistake is recorded as known (content/fautes-connues.json).
OLD_SOURCE = "conseils/ancien-billet.md"
OLD_URL = "/un-ancien-billet-importe/"
OLD_ARTICLE = """Title: Un ancien billet importé
Date: 2019-05-02 10:00
Author: Koffi Mensah
Summary: Un billet d’avant, avec sa faute connue.

Ce vieux billet garde une publiccation d’époque, à corriger plus tard.
"""
# Marks of the preview, as the page's script writes them; the built site must have none.
TRACES = ("__relecture", "relecture-marque", "relecture-bouton", "relecture-panneau")
# The dev server's own: its first build proofreads everything, a cold cache with grammar
# would make each server start slow. Grammar findings are marked as spelling ones are.
SETTINGS = {"PROOFREAD_GRAMMAR": False}


def _content(tmp_path, text=ARTICLE):
    content = copy_content(tmp_path)
    (content / SOURCE).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One dev server, left unchanged, for the tests that only look."""
    tmp_path = tmp_path_factory.mktemp("apercu")
    content = _content(tmp_path)
    old = content / OLD_SOURCE
    old.write_text(OLD_ARTICLE, encoding="utf-8")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), **SETTINGS},
    )
    assert record(settings, [old]) == 1
    with running_server(tmp_path, content, **SETTINGS) as (base, _):
        yield base


def _steady(target) -> None:
    """No live reload in this page or context: a colleague saving a plugin of the repo (the
    dev server watches them) must not reload a page under a test that only looks."""
    target.route(
        "**/__rechargement",
        # The stream ends at once, and EventSource waits ten minutes to try again.
        lambda route: route.fulfill(content_type="text/event-stream", body="retry: 600000\n\n"),
    )


def _open(page, base, url=URL, steady=True):
    if steady:
        _steady(page)
    page.goto(base + url)
    button = page.locator(".relecture-bouton")
    button.wait_for()
    return button


def _axe(page) -> list[str]:
    page.evaluate(axe_script())
    found = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [f"{v['id']}: {', '.join(' '.join(n['target']) for n in v['nodes'][:3])}" for v in found]


def test_the_page_data_names_each_finding_where_it_is(served):
    status, body = _get(f"{served}/__relecture.json?page={urllib.parse.quote(URL)}")
    assert status == 200
    data = json.loads(body)
    assert data["proofread"] is True
    typos = [f for f in data["findings"] if f["span"] == "publiccation"]
    assert len(typos) == 2
    first = typos[0]
    assert first["where"].endswith(f"{SOURCE}:{TYPO_LINE}:5") and first["label"] == "orthographe"
    assert first["suggestions"][0] == "publication" and first["after"].startswith(" bâclée")
    # Another page has none of them.
    assert json.loads(_get(f"{served}/__relecture.json?page=/")[1])["findings"] == []


def test_a_misspelling_is_marked_counted_and_listed(served, page):
    button = _open(page, served)
    assert plain(button.inner_text()) == "2 remarques"
    assert button.get_attribute("aria-expanded") == "false"
    marks = page.locator(".post-body mark.relecture-marque")
    assert marks.all_inner_texts() == ["publiccation", "publiccation"]
    # Each in its own sentence, not on the correct « publication » between them.
    assert "bâclée" in marks.nth(0).evaluate("m => m.parentElement.textContent")
    assert "compte" in marks.nth(1).evaluate("m => m.parentElement.textContent")
    assert page.locator(".site-header mark, footer mark").count() == 0

    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    panel = page.locator("#relecture-panneau")
    assert panel.is_visible()
    entries = panel.locator(":scope > .relecture-liste > li")
    assert entries.count() == 2
    first = plain(entries.nth(0).inner_text())
    assert "Orthographe : « publiccation » inconnu du dictionnaire" in first
    assert "Suggestion : « publication »" in first
    link = entries.nth(0).locator("a")
    assert link.inner_text().endswith(f"{SOURCE}:{TYPO_LINE}:5")
    # Typography fixed at render time (« phrase : ») is listed apart, folded.
    folded = panel.locator("details.relecture-apart")
    assert "corrigé au rendu" in plain(folded.locator("summary").inner_text())
    assert folded.get_attribute("open") is None

    # The link takes the author to the word.
    link.click()
    assert page.evaluate("document.activeElement.textContent") == "publiccation"
    assert page.evaluate("document.activeElement === document.querySelector('mark')")
    assert page.errors == []


def test_the_panel_is_reached_opened_and_closed_with_the_keyboard(served, page):
    button = _open(page, served)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('relecture-bouton')"):
            break
    else:
        pytest.fail("le bouton de relecture n’est pas atteint au clavier")
    # Focus is visible.
    assert button.evaluate("b => getComputedStyle(b).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")  # into the panel
    assert page.evaluate("!!document.activeElement.closest('#relecture-panneau')")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#relecture-panneau").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('relecture-bouton')")


def test_axe_finds_nothing_panel_closed_or_open_and_375_px_do_not_scroll_sideways(served, browser):
    for viewport in ({"width": 1280, "height": 800}, MOBILE):
        context = browser.new_context(locale="fr-FR", viewport=viewport)
        try:
            page = context.new_page()
            button = _open(page, served)
            assert _axe(page) == []
            button.click()
            page.locator("#relecture-panneau details summary").click()  # unfolded too
            assert _axe(page) == []
            panel = page.locator("#relecture-panneau").bounding_box()
            assert panel["x"] >= 0 and panel["x"] + panel["width"] <= viewport["width"]
            size = page.locator(".relecture-remarque p").first.evaluate(
                "p => parseFloat(getComputedStyle(p).fontSize)"
            )
            assert size >= MIN_BODY_PX
            wide = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert wide <= 0, f"défilement horizontal de {wide} px à {viewport['width']} px"
        finally:
            context.close()


def test_a_known_mistake_is_marked_apart(served, page):
    button = _open(page, served, OLD_URL)
    assert plain(button.inner_text()) == "1 faute connue"
    assert page.locator("mark.relecture-connue").all_inner_texts() == ["publiccation"]
    button.click()
    folded = page.locator("#relecture-panneau details.relecture-apart")
    assert plain(folded.locator("summary").inner_text()) == "1 faute connue, à corriger peu à peu"
    # Unfolded: the button counts them, no new finding comes first.
    assert folded.get_attribute("open") is not None
    folded.locator("a").click()
    assert page.evaluate("document.activeElement.classList.contains('relecture-connue')")
    assert page.errors == []


def _settled(page, action) -> None:
    """Do ``action`` (which loads a page) and let the preview's script use its data."""
    with page.expect_response(lambda answer: "/__relecture.json" in answer.url):
        action()
    page.wait_for_timeout(300)


def test_a_page_without_findings_has_no_button(served, page):
    _steady(page)
    _settled(page, lambda: page.goto(served + "/repondre-a-un-troll-sans-perdre-son-calme/"))
    assert page.locator(".relecture, mark").count() == 0
    assert page.errors == []


def test_saving_the_fix_takes_the_findings_away_after_the_live_reload(tmp_path, page):
    content = _content(tmp_path)
    with running_server(tmp_path, content, **SETTINGS) as (base, _):
        _open(page, base, steady=False)
        page.evaluate("window.avantRechargement = true")  # gone once the page reloads

        def fix_and_wait_for_the_reload():
            (content / SOURCE).write_text(FIXED, encoding="utf-8")
            page.wait_for_function(
                "!window.avantRechargement && document.body.innerText.includes('Une publication')",
                timeout=30_000,
            )

        _settled(page, fix_and_wait_for_the_reload)
        assert page.locator(".relecture-bouton, mark.relecture-marque").count() == 0
        assert page.errors == []


def test_built_and_published_sites_carry_no_trace_of_the_preview(tmp_path):
    with_typo = _content(tmp_path / "avec-faute")
    built = run_task("pelicanconf.py", with_typo, tmp_path / "build", SEARCH_INDEX=False)
    assert built.returncode == 0, built.stderr
    # A strict build refuses the typo: publish the fixed article.
    fixed = _content(tmp_path / "corrige", FIXED)
    published = run_task("publishconf.py", fixed, tmp_path / "publish", SEARCH_INDEX=False)
    assert published.returncode == 0, published.stderr
    for output in (tmp_path / "build", tmp_path / "publish"):
        assert (output / URL.strip("/") / "index.html").is_file()
        for path in output.rglob("*"):
            assert path.name not in ("relecture.js", "relecture.css"), path
            assert "__relecture" not in path.name, path
            if path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".xml"):
                text = path.read_text(encoding="utf-8", errors="replace")
                assert not [t for t in TRACES if t in text], path


# --- The pure core: what the build keeps, what a page gets ----------------------------------


class _Source:
    def __init__(self, source_path, url):
        self.source_path, self.url = source_path, url


class _Generator:
    def __init__(self, **lists):
        self.__dict__.update(lists)


def test_findings_are_kept_by_source_and_given_by_page(tmp_path, monkeypatch):
    from proofread import preview
    from proofread.finding import Finding

    monkeypatch.setattr(preview, "_findings", preview._Findings())
    monkeypatch.setattr(preview, "_pages", preview.MappingProxyType({}))
    article, draft = tmp_path / "a.md", tmp_path / "b.md"
    article.write_text("Title: A\n\nUne publiccation bâclée.\n", encoding="utf-8")
    draft.write_text("Title: B\n\nRien.\n", encoding="utf-8")
    assert preview.page_findings("/a/") == {"proofread": False, "findings": []}
    assert not preview.built()
    preview.remember_pages(
        [_Generator(articles=[_Source(str(article), "a/")], drafts=[_Source(str(draft), "b/")])]
    )
    typo = Finding("content/a.md", 3, 5, 17, "spelling", "orthographe", "inconnu", ("publication",))
    preview.keep({str(article): [typo], str(draft): []})
    assert preview.built()
    assert preview.sources_by_page() == {"/a/": (str(article),), "/b/": (str(draft),)}
    assert preview.findings_by_source() == {str(article): [typo], str(draft): []}
    for url in ("/a/", "/a/index.html", "a/", "/a/?x=1#y"):
        shown = preview.page_findings(url)["findings"]
        assert [f["where"] for f in shown] == ["content/a.md:3:5"], url
    (shown,) = preview.page_findings("/a/")["findings"]
    assert shown["span"] == "publiccation"
    assert (shown["before"], shown["after"]) == ("Une ", " bâclée.")
    assert shown["label"] == "orthographe" and shown["suggestions"] == ["publication"]
    assert preview.page_findings("/b/") == {"proofread": True, "findings": []}
    # Proofreading failed: nothing is shown rather than stale findings.
    preview.keep(None)
    assert preview.page_findings("/a/") == {"proofread": False, "findings": []}
