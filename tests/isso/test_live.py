"""Live comments with a real Isso: the widget on the built site, moderation, the pull.

The round trip is the author's: a reader posts through the widget in chromium, the
comment waits (pending, not pulled), the author approves it in Isso's admin
interface, pulls, rebuilds, and the comment is plain HTML in the static page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from comments import cli
from comments.model import CommentInputError
from quality.browser import axe_script
from quality.validity import check_html
from tests.comments.conftest import plain, run_cli, settings_for, snapshot
from tests.conftest import ROOT, Site, build_site, copy_content, serve_folder
from tests.isso.conftest import Isso, running_isso

ARTICLE = "organiser-sa-veille-sans-y-passer-ses-journees"
ARTICLE_URI = f"/{ARTICLE}/"
LESSON_URI = "/formations/devenir-community-manager/moderer/"
LESSON_SLUG = "devenir-community-manager-moderer"
OTHER_URI = "/repondre-a-un-troll-sans-perdre-son-calme/"


@dataclass
class Live:
    """The site (content copy, build, local server) and its Isso."""

    tmp: Path
    content: Path
    site: Site
    site_url: str
    isso: Isso

    def pull(self, origin: str | None = None, dry_run: bool = False):
        return cli.pull_isso(origin or self.isso.url, settings_for(self.content), dry_run)

    def stored(self, slug: str = ARTICLE) -> dict[str, dict]:
        path = self.content / "comments" / f"{slug}.json"
        if not path.is_file():
            return {}
        return {c["id"]: c for c in json.loads(path.read_text(encoding="utf-8"))["comments"]}

    def rebuild(self) -> Site:
        self.site = build_site(self.tmp, content=self.content, COMMENTS_ISSO_URL=self.isso.url)
        return self.site


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("isso-live")
    (tmp / "output").mkdir()
    # The static server comes first: Isso needs the site's origin for CORS, the
    # build needs Isso's URL.
    site_url, web = serve_folder(tmp / "output")
    content = copy_content(tmp)
    try:
        # Guard relaxed: this module posts more than 2 comments a minute from 127.0.0.1.
        with running_isso(tmp / "var", site_url, ratelimit=100, direct_reply=100) as isso:
            site = build_site(tmp, content=content, COMMENTS_ISSO_URL=isso.url)
            yield Live(tmp, content, site, site_url, isso)
    finally:
        web.shutdown()
        web.server_close()


# --- The widget in the built pages ----------------------------------------------------------


def test_widget_on_articles_and_lessons_only(live):
    for uri, title in ((ARTICLE_URI, "Organiser sa veille"), (LESSON_URI, "Modérer")):
        html = live.site.html(uri)
        thread = html.select_one("section.comments #isso-thread")
        assert thread is not None, uri
        assert thread["data-isso-id"] == uri
        assert thread["data-title"].startswith(title)
        script = html.select_one("script[data-isso]")
        assert script["src"] == f"{live.isso.url}/js/embed.min.js"
        assert script["data-isso"] == live.isso.url
        assert script["data-isso-lang"] == "fr" and script.has_attr("defer")
        note = html.select_one("#commentaires-en-direct noscript").get_text()
        assert "JavaScript" in note and "restent lisibles" in note
    assert "embed.min.js" not in live.site.text("/a-propos/")
    assert "embed.min.js" not in live.site.text("/")


def test_no_widget_and_no_isso_without_the_setting(sample_site):
    for uri in (ARTICLE_URI, LESSON_URI):
        text = sample_site.text(uri)
        assert "isso" not in text.lower(), uri
        assert sample_site.html(uri).select_one("section.comments") is not None


def test_environment_variable_overrides_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMENTS_ISSO_URL", "http://127.0.0.1:9/isso/")
    site = build_site(tmp_path, COMMENTS_ISSO_URL="http://ignored.example")
    script = site.html(ARTICLE_URI).select_one("script[data-isso]")
    assert script["src"] == "http://127.0.0.1:9/isso/js/embed.min.js"
    monkeypatch.setenv("COMMENTS_ISSO_URL", "")  # empty: off, whatever the settings say
    site = build_site(tmp_path, COMMENTS_ISSO_URL="http://ignored.example")
    assert site.html(ARTICLE_URI).select_one("script[data-isso]") is None


# --- The reader's and the author's round trip ------------------------------------------------


@pytest.mark.browser
def test_round_trip_widget_moderation_pull_rebuild(live, page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(live.site_url + ARTICLE_URI)
    static = page.locator("section.comments ol.comment-list > li")
    before = static.count()
    assert before > 0  # the imported comments are there, as HTML
    postbox = page.locator("#isso-thread .isso-postbox")
    postbox.wait_for(timeout=15_000)
    assert page.locator("#isso-thread").get_attribute("lang") in (None, "fr")
    text = "Merci pour la méthode des trente minutes, je l’essaie dès lundi."
    postbox.locator("textarea").fill(text)
    postbox.locator("input[name=author]").fill("Fatou Ndiaye")
    with page.expect_response(lambda r: "/new?" in r.url) as answer:
        postbox.locator("input[type=submit]").click()
    assert answer.value.status == 202  # accepted, held for moderation
    comment_id = answer.value.json()["id"]
    # French widget, and every request went to the site or to Isso, nowhere else.
    assert "Commentaire" in page.locator("#isso-thread").inner_text()
    assert hosts <= {urlsplit(live.site_url).netloc, urlsplit(live.isso.url).netloc}, hosts

    assert live.isso.modes()[comment_id] == 2  # pending
    live.pull()
    assert f"isso:{comment_id}" not in live.stored()

    # The author approves it in Isso's admin interface.
    page.goto(f"{live.isso.url}/admin/")
    page.locator("input[name=password]").fill(live.isso.password)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    page.on("dialog", lambda dialog: dialog.accept())
    validate = page.locator(f"#isso-{comment_id} a.validate")
    with page.expect_response(lambda r: f"/id/{comment_id}/activate/" in r.url):
        validate.click()
    assert live.isso.modes()[comment_id] == 1

    _, summary = live.pull()
    stored = live.stored()[f"isso:{comment_id}"]
    assert stored["status"] == "approved" and stored["author"] == "Fatou Ndiaye"
    assert stored["thread"] == ARTICLE_URI
    assert f"{ARTICLE}\u00a0: 1 importé" in summary

    html = live.rebuild().html(ARTICLE_URI)
    item = html.select_one(f'li[data-comment-id="isso:{comment_id}"]')
    assert item is not None, "the approved comment is plain HTML after the rebuild"
    assert item.select_one(".comment-author").get_text() == "Fatou Ndiaye"
    assert "trente minutes" in item.select_one(".comment-body").get_text()


@pytest.mark.browser
def test_without_javascript_the_static_comments_and_the_note_show(live, browser):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(live.site_url + ARTICLE_URI)
        assert page.locator("section.comments ol.comment-list > li").count() > 0
        note = page.locator("#commentaires-en-direct")
        assert "Le formulaire de commentaire a besoin de JavaScript" in note.inner_text()
        assert not [url for url in requested if url.startswith(live.isso.url)]
    finally:
        context.close()


@pytest.mark.browser
def test_pages_with_the_widget_are_valid_and_accessible(live, page):
    for uri in (ARTICLE_URI, LESSON_URI):
        page.goto(live.site_url + uri)
        page.locator("#isso-thread .isso-postbox").wait_for(timeout=15_000)
        # Isso inserts its heading first, then fills it once the thread is fetched.
        page.wait_for_function(
            "(document.querySelector('.isso-thread-heading') || {}).textContent", timeout=15_000
        )
        page.evaluate(axe_script())
        found = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
        )
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found] == [], uri
    assert not page.errors
    html = check_html(live.site.output)
    assert html.ok, html.lines()


# --- The pull: accepted only, idempotent, from a database or a server -----------------------


@pytest.fixture(scope="module")
def moderated(live):
    """On the lesson and another article: accepted, pending, deleted, and a reply to a
    deleted comment, through Isso's own API and moderation keys."""
    ids = {}
    for name, uri in (("accepted", LESSON_URI), ("pending", LESSON_URI), ("gone", OTHER_URI)):
        status, answer = live.isso.post(uri, f"Commentaire {name} : *merci* pour ce cours.")
        assert status == 202, answer
        ids[name] = answer["id"]
    status, answer = live.isso.post(
        OTHER_URI, "Ma réponse à un message retiré.", parent=ids["gone"], reader="192.0.2.7"
    )
    assert status == 202, answer
    ids["reply"] = answer["id"]
    for name in ("accepted", "gone", "reply"):
        live.isso.moderate(ids[name], "activate")
    live.isso.moderate(ids["gone"], "delete")  # it has a reply: Isso keeps it as mode 4
    status, answer = live.isso.post(OTHER_URI, "Éphémère : publié puis supprimé.")
    ids["deleted"] = answer["id"]
    live.isso.moderate(ids["deleted"], "activate")
    live.isso.moderate(ids["deleted"], "delete")  # no reply: Isso removes the row
    modes = live.isso.modes()
    assert modes[ids["gone"]] == 4 and modes[ids["pending"]] == 2 and ids["deleted"] not in modes
    return ids


def pulled_ids(live) -> set[str]:
    found = set()
    for path in (live.content / "comments").glob("*.json"):
        found.update(c["id"] for c in json.loads(path.read_text(encoding="utf-8"))["comments"])
    return found


@pytest.mark.parametrize("origin", ["server", "database"])
def test_pull_takes_accepted_comments_only_and_is_idempotent(live, moderated, origin):
    source = live.isso.url if origin == "server" else str(live.isso.db)
    live.pull(source)
    found = pulled_ids(live)
    assert {f"isso:{moderated[n]}" for n in ("accepted", "reply")} <= found
    for name in ("pending", "gone", "deleted"):
        assert f"isso:{moderated[name]}" not in found, name
    lesson = live.stored(LESSON_SLUG)[f"isso:{moderated['accepted']}"]
    assert "<em>merci</em>" in lesson["html"]  # the reader's Markdown, as HTML
    assert lesson["thread"] == LESSON_URI
    reply = live.stored(OTHER_URI.strip("/"))[f"isso:{moderated['reply']}"]
    assert reply["parent"] == f"isso:{moderated['gone']}"  # shown at the top of its thread
    before = snapshot(live.content / "comments")
    result, summary = live.pull(source)
    assert snapshot(live.content / "comments") == before, "a second pull changes no file"
    assert "Aucun fichier modifié." in summary, summary
    assert not result.conflicts


def test_pulled_lesson_comment_is_on_the_lesson_page(live, moderated):
    live.pull(str(live.isso.db))
    html = live.rebuild().html(LESSON_URI)
    ids = [li["data-comment-id"] for li in html.select("section.comments li[data-comment-id]")]
    assert f"isso:{moderated['accepted']}" in ids
    assert f"isso:{moderated['pending']}" not in ids


def test_pull_errors_are_one_french_line(live, tmp_path):
    with pytest.raises(CommentInputError, match="base Isso introuvable"):
        live.pull(str(tmp_path / "absent.db"))
    with pytest.raises(CommentInputError, match="injoignable"):
        live.pull("http://127.0.0.1:9")
    (tmp_path / "pas-une-base.db").write_text("bonjour", encoding="utf-8")
    with pytest.raises(CommentInputError, match="illisible"):
        live.pull(str(tmp_path / "pas-une-base.db"))


def test_cli_pull_from_the_default_database(live, moderated):
    done = run_cli("comments-import", "--from-isso", str(live.isso.db), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert re.search(
        r"Import de « .*comments\.db » \(Isso, \d+ commentaires? lus?\)", plain(done.stdout)
    )
    # Without a path: var/comments.db of `invoke comments-server` (a dry run: the repo's
    # own content is never written by a test).
    default = run_cli("comments-import", "--from-isso", "--dry-run")
    if (ROOT / "var" / "comments.db").is_file():
        assert default.returncode == 0 and "var/comments.db" in default.stdout, default.stderr
    else:
        assert default.returncode == 1 and "var/comments.db" in default.stderr
        assert default.stderr.startswith("erreur") and "Traceback" not in default.stderr
