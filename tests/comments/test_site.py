"""Imported comments on the built site: exact threads, French labels and dates, counts on cards."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil

import pytest

from comments import threads
from comments.model import Comment
from tests.comments.conftest import DATA, ISSO_WXR, PELICAN_WXR, import_file, plain, shape
from tests.comments.test_import import make_isso_db
from tests.conftest import build_site

SOURCES = [PELICAN_WXR, ISSO_WXR, DATA / "disqus-export.xml", DATA / "isso-generic.json"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("comments-site")
    content = tmp / "content"
    shutil.copytree(DATA / "site", content)
    for source in [*SOURCES, DATA / "commentaires.csv", make_isso_db(tmp / "comments.db")]:
        for _ in range(2):
            import_file(content, source)
    return build_site(tmp, content=content)


def thread_of(site, url):
    section = site.html(url).select_one("section.comments")
    assert section is not None, url
    top = section.find("ol", class_="comment-list", recursive=False)
    return section, shape(top) if top else []


def test_wordpress_threads_exactly(site):
    _, found = thread_of(site, "/test/")
    assert found == [
        ("wordpress:example.tld:2", []),
        (
            "wordpress:example.tld:6",
            [
                (
                    "wordpress:example.tld:7",
                    [("wordpress:example.tld:8", []), ("wordpress:example.tld:9", [])],
                )
            ],
        ),
        ("wordpress:example.tld:10", []),
        ("wordpress:example.tld:11", []),
    ]
    section, found = thread_of(site, "/with-comments/")
    # 122 answers 121, which the export lacks: it is shown at the top, never lost.
    assert found == [
        ("wordpress:thisisa.test:116", [("wordpress:thisisa.test:117", [])]),
        ("wordpress:thisisa.test:122", []),
    ]
    assert section.h2.get_text() == "3 commentaires"


def test_disqus_isso_csv_threads(site):
    section, found = thread_of(site, "/animer-un-forum-de-discussion/")
    assert found == [
        ("disqus:carnet-cm:5", [("disqus:carnet-cm:6", [("disqus:carnet-cm:10", [])])]),
        ("disqus:carnet-cm:7", [("disqus:carnet-cm:8", [])]),
    ]
    deleted = section.select_one('[data-comment-id="disqus:carnet-cm:7"]')
    meta = deleted.select_one(".comment-meta").get_text()
    assert "Commentaire supprimé" in meta and "Xavier" not in meta
    assert "Un message retiré par son auteur" not in section.get_text()
    assert section.h2.get_text() == "4 commentaires"
    assert "casino" not in section.get_text()  # spam skipped
    section, found = thread_of(site, "/premiers-pas-de-moderateur/")
    assert found == [("isso:1", [])]  # the pending reply waits
    assert section.h2.get_text() == "1 commentaire"
    section, found = thread_of(site, "/parole-aux-membres/")
    assert found == [("csv:1", [("csv:2", [])])]  # pending csv:3 and pingback csv:4 hidden
    assert "revue de presse" not in section.get_text().lower()
    section, found = thread_of(site, "/un-guide-sans-commentaire/")
    assert found == [] and section.h2.get_text() == "Aucun commentaire"


def test_comment_details(site):
    section, _ = thread_of(site, "/test/")
    first = section.select_one('[data-comment-id="wordpress:example.tld:2"]')
    author = first.select_one(".comment-author")
    assert author.name == "a" and author["href"] == "http://example.tld/"
    assert author["rel"] == ["nofollow", "ugc"]
    # French date in the site's time zone (Abidjan, UTC+0), permalink anchor.
    permalink = first.select_one("a.comment-permalink")
    assert (
        permalink["href"] == "#commentaire-wordpress-example-tld-2"
        and first["id"] == "commentaire-wordpress-example-tld-2"
    )
    assert plain(permalink.get_text()) == "14 janvier 2014 à 17 h 32"
    assert permalink.time["datetime"] == "2014-01-14T17:32:12+00:00"
    text = site.text("/test/")
    assert "test@example.org" not in text and "82.119.20.0" not in text
    isso = thread_of(site, "/moderer-sans-censurer/")[0]
    jean = isso.select_one('[data-comment-id="isso:/moderer-sans-censurer/#2"] .comment-author')
    assert jean.name == "span"  # its javascript: URL is not a link
    # Ordinary criticism is published.
    assert "cet article est décevant" in isso.get_text()


def test_listing_counts(site):
    cards = {
        card.select_one(".card-title a").get_text(): plain(
            card.select_one(".card-comments").get_text()
        )
        for url in ("/", "/page/2/")
        if site.path(url).exists()
        for card in site.html(url).select(".card")
    }
    assert cards["Bonjour tout le monde"] == "7 commentaires"
    assert cards["Premiers pas de modérateur"] == "1 commentaire"
    assert cards["Un guide sans commentaire"] == "Aucun commentaire"


def _imported_with(tmp_path, number: int, html: str):
    """The test site with the WordPress fixture imported, one comment's HTML edited by hand."""
    content = tmp_path / "content"
    shutil.copytree(DATA / "site", content)
    import_file(content, PELICAN_WXR)
    path = content / "comments" / "with-comments.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["comments"][number]["html"] = html
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return content


def test_build_moderation_holds_back_and_approve_publishes(tmp_path, caplog):
    content = _imported_with(tmp_path, 1, "<p>Espèce de connard.</p>")
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path / "a", content=content)
    _, found = thread_of(site, "/with-comments/")
    assert found == [("wordpress:thisisa.test:116", []), ("wordpress:thisisa.test:122", [])]
    warnings = [plain(r.getMessage()) for r in caplog.records if r.name.startswith("comments")]
    assert len(warnings) == 1
    assert warnings[0].endswith(
        "with-comments.json : commentaire wordpress:thisisa.test:117 retenu par la modération "
        "(insulte : « connard »), non publié ; pour le publier : "
        "invoke comments-approve wordpress:thisisa.test:117"
    )
    from comments import cli
    from tests.comments.conftest import settings_for

    cli.approve("wordpress:thisisa.test:117", settings_for(content))
    site = build_site(tmp_path / "b", content=content)
    assert thread_of(site, "/with-comments/")[1][0] == (
        "wordpress:thisisa.test:116",
        [("wordpress:thisisa.test:117", [])],
    )


@pytest.mark.parametrize("allowed", [False, True])
def test_images_in_comments_only_when_allowed(tmp_path, allowed):
    content = _imported_with(
        tmp_path, 0, '<p>Ma photo : <img src="/images/photo.jpg" alt="photo"></p>'
    )
    site = build_site(tmp_path, content=content, COMMENTS_ALLOW_IMAGES=allowed)
    section, _ = thread_of(site, "/with-comments/")
    images = [img["src"] for img in section.select(".comment img")]
    assert images == (["/images/photo.jpg"] if allowed else [])
    assert "Ma photo" in section.get_text()


def _comment(number: int, parent: int | None) -> Comment:
    return Comment(
        id=f"csv:{number}",
        thread="t",
        parent=f"csv:{parent}" if parent else None,
        author=f"A{number}",
        author_url="",
        date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=number),
        html="<p>x</p>",
    )


def test_deep_threads_are_flattened_past_the_depth():
    chain = [_comment(1, None)] + [_comment(n, n - 1) for n in range(2, 7)]
    thread = threads.build(chain, max_depth=3)

    def ids(nodes):
        return [
            (n.comment.id, n.reply_to.id if n.reply_to else None, ids(n.replies)) for n in nodes
        ]

    assert ids(thread.roots) == [
        (
            "csv:1",
            None,
            [
                (
                    "csv:2",
                    None,
                    [
                        (
                            "csv:3",
                            None,
                            [
                                ("csv:4", None, []),
                                ("csv:5", "csv:4", []),
                                ("csv:6", "csv:5", []),
                            ],
                        )
                    ],
                )
            ],
        )
    ]
    assert thread.count == 6


def test_hidden_parent_lifts_its_replies_and_cycles_do_not_hide_comments():
    pending = Comment(
        "csv:1", "t", None, "A", "", dt.datetime(2024, 1, 1, tzinfo=dt.UTC), "", "pending"
    )
    thread = threads.build([pending, _comment(2, 1)])
    assert [n.comment.id for n in thread.roots] == ["csv:2"]
    loop = [_comment(1, 2), _comment(2, 1)]
    assert threads.build(loop).count == 2
    assert sum(1 + len(n.replies) for n in threads.build(loop).roots) == 2
