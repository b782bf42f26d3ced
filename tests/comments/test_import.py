"""Every source imported twice: exact threads and statuses, and a second run changes nothing."""

from __future__ import annotations

import json

import pytest

from comments import cli, store
from comments.model import CommentInputError
from tests.comments.conftest import (
    DATA,
    ISSO_WXR,
    PELICAN_WXR,
    import_file,
    plain,
    run_cli,
    settings_for,
    snapshot,
)


def records(content, article: str) -> dict[str, dict]:
    data = json.loads((content / "comments" / f"{article}.json").read_text(encoding="utf-8"))
    return {r["id"]: r for r in data["comments"]}


def parents(content, article: str) -> dict[str, tuple[str | None, str]]:
    return {i: (r["parent"], r["status"]) for i, r in records(content, article).items()}


def make_isso_db(path):
    """A real Isso database, written by Isso's own code (its schema, its modes)."""
    from isso import config
    from isso.db import SQLite3

    db = SQLite3(str(path), config.load(config.default_file()))
    uri = "/premiers-pas-de-moderateur/"
    db.threads.new(uri, "Premiers pas de modérateur")

    def add(text, author, parent, created, mode, website=None):
        return db.comments.add(
            uri,
            {
                "text": text,
                "author": author,
                "email": "lecteur@example.org",
                "website": website,
                "created": created,
                "mode": mode,
                "parent": parent,
                "remote_addr": "192.0.2.30",
            },
        )

    first = add(
        "Premier jour : *tenir bon*.", "Nadia", None, 1683200000.0, 1, "https://nadia.example/"
    )
    add("Ma réponse attend la validation.", None, first["id"], 1683200600.0, 2)
    add("Retiré.", "Omar", None, 1683201200.0, 4)
    return path


@pytest.fixture
def isso_db(tmp_path):
    return make_isso_db(tmp_path / "comments.db")


def test_pelican_export_threads_and_statuses(content):
    result, summary = import_file(content, PELICAN_WXR)
    assert parents(content, "with-comments") == {
        "wordpress:thisisa.test:116": (None, "approved"),
        "wordpress:thisisa.test:117": ("wordpress:thisisa.test:116", "approved"),
        # Its parent 121 is not in the export: kept as the source says, shown at the top.
        "wordpress:thisisa.test:122": ("wordpress:thisisa.test:121", "approved"),
    }
    # The trashed pingback 156 is skipped, and said so.
    assert "with-comments : 3 importés, 0 inchangé, 0 en attente (modération), 1 ignoré" in summary
    assert "wordpress:thisisa.test:122 (répond à wordpress:thisisa.test:121)" in summary
    assert result.orphans == []
    stored = records(content, "with-comments")["wordpress:thisisa.test:116"]
    # No e-mail, no IP address in the store.
    assert "User2@mail.test" not in json.dumps(stored) and "127.0.0.1" not in json.dumps(stored)
    assert stored["date"] == "2012-05-06T20:46:06Z"  # the GMT date, not the local one
    assert stored["html"] == "<p>Comment content.</p>"


def test_isso_wordpress_export_threads_and_orphan(content):
    result, summary = import_file(content, ISSO_WXR)
    assert parents(content, "test") == {
        "wordpress:example.tld:2": (None, "approved"),
        "wordpress:example.tld:6": (None, "approved"),
        "wordpress:example.tld:7": ("wordpress:example.tld:6", "approved"),
        "wordpress:example.tld:8": ("wordpress:example.tld:7", "approved"),
        "wordpress:example.tld:9": ("wordpress:example.tld:7", "approved"),
        "wordpress:example.tld:10": (None, "approved"),
        "wordpress:example.tld:11": (None, "approved"),
    }
    test = records(content, "test")
    assert test["wordpress:example.tld:10"]["html"] == (
        "<p>When you have a comment with multiple lines:<br>\nWordPress exports it like this.</p>"
    )
    assert test["wordpress:example.tld:10"]["date"] == "2022-06-06T02:13:14Z"
    assert (
        test["wordpress:example.tld:7"]["date"] == "2014-04-29T15:21:35Z"
    )  # only a GMT date in the export
    assert test["wordpress:example.tld:2"]["author_url"] == "http://example.tld/"
    # The second post repeats comment id 11: kept apart, qualified by its post, quarantined.
    assert result.orphans == [("wordpress:example.tld:11@4", "http://example.tld/?p=4")]
    assert "wordpress:example.tld:11@4 → http://example.tld/?p=4" in summary
    quarantine = json.loads((content / "comments" / "_orphelins.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in quarantine["comments"]] == ["wordpress:example.tld:11@4"]
    assert quarantine["article"] is None


@pytest.mark.parametrize(
    "source",
    [
        PELICAN_WXR,
        ISSO_WXR,
        DATA / "disqus-export.xml",
        DATA / "isso-generic.json",
        DATA / "commentaires.csv",
    ],
    ids=["wxr-pelican", "wxr-isso", "disqus", "isso-json", "csv"],
)
def test_second_import_changes_nothing(content, source):
    import_file(content, source)
    before = snapshot(content / "comments")
    assert before
    result, summary = import_file(content, source)
    assert snapshot(content / "comments") == before
    assert "Aucun fichier modifié." in summary
    assert all(c.imported == c.updated == c.pending == 0 for c in result.articles.values())


def test_isso_database_second_import_changes_nothing(content, isso_db):
    import_file(content, isso_db)
    before = snapshot(content / "comments")
    _, summary = import_file(content, isso_db)
    assert snapshot(content / "comments") == before and "Aucun fichier modifié." in summary


def test_disqus_threads_deleted_parent_spam_and_orphan(content):
    result, summary = import_file(content, DATA / "disqus-export.xml")
    found = records(content, "animer-un-forum-de-discussion")
    assert {i: (r["parent"], r["status"]) for i, r in found.items()} == {
        "disqus:carnet-cm:5": (None, "approved"),
        "disqus:carnet-cm:6": ("disqus:carnet-cm:5", "approved"),
        "disqus:carnet-cm:7": (None, "deleted"),  # deleted, kept empty because 8 answers it
        "disqus:carnet-cm:8": ("disqus:carnet-cm:7", "approved"),
        "disqus:carnet-cm:10": ("disqus:carnet-cm:6", "approved"),
    }
    assert found["disqus:carnet-cm:7"]["author"] == "" and found["disqus:carnet-cm:7"]["html"] == ""
    assert found["disqus:carnet-cm:8"]["author"] == "Anonyme"
    assert "2 ignorés" in summary  # the spam and the deleted post
    assert result.orphans == [
        ("disqus:carnet-cm:11", "https://ancien-carnet.example/2018/01/un-article-disparu/")
    ]


def test_isso_database_modes(content, isso_db):
    import_file(content, isso_db)
    found = records(content, "premiers-pas-de-moderateur")
    assert {i: (r["parent"], r["status"]) for i, r in found.items()} == {
        "isso:1": (None, "approved"),
        "isso:2": ("isso:1", "pending"),
    }
    assert found["isso:1"]["html"] == "<p>Premier jour : <em>tenir bon</em>.</p>"
    assert found["isso:1"]["thread"] == "/premiers-pas-de-moderateur/"
    assert found["isso:2"]["author"] == "Anonyme"


def test_isso_json_and_csv(content):
    import_file(content, DATA / "isso-generic.json")
    isso = records(content, "moderer-sans-censurer")
    assert list(isso) == ["isso:/moderer-sans-censurer/#1", "isso:/moderer-sans-censurer/#2"]
    assert isso["isso:/moderer-sans-censurer/#2"]["author_url"] == ""  # javascript: dropped
    assert "<strong>Aïcha</strong>" in isso["isso:/moderer-sans-censurer/#1"]["html"]
    _, summary = import_file(content, DATA / "commentaires.csv")
    csv = records(content, "parole-aux-membres")
    assert {i: (r["parent"], r["status"], r["kind"]) for i, r in csv.items()} == {
        "csv:1": (None, "approved", "comment"),
        "csv:2": ("csv:1", "approved", "comment"),
        "csv:3": (None, "pending", "comment"),
        "csv:4": (None, "approved", "pingback"),
    }
    assert csv["csv:2"]["date"] == "2022-02-11T09:30:00Z"
    assert (
        "parole-aux-membres : 2 importés, 0 inchangé, 1 en attente (modération), 1 ignoré"
        in summary
    )


def test_newer_export_adds_only_what_is_new(content, tmp_path):
    older = tmp_path / "older.xml"
    text = ISSO_WXR.read_text(encoding="utf-8")
    start = text.index("<wp:comment>\n                <wp:comment_id>10<")
    end = text.index("</wp:comment>", start) + len("</wp:comment>")
    older.write_text(text[:start] + text[end:], encoding="utf-8")
    import_file(content, older)
    before = (content / "comments" / "test.json").read_text(encoding="utf-8")
    _, summary = import_file(content, ISSO_WXR)
    assert "test : 1 importé, 6 inchangés" in summary
    after = (content / "comments" / "test.json").read_text(encoding="utf-8")
    old_blocks = json.loads(before)["comments"]
    assert all(block in json.loads(after)["comments"] for block in old_blocks)


def test_hand_edit_is_kept_and_reported(content, tmp_path):
    import_file(content, PELICAN_WXR)
    path = content / "comments" / "with-comments.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["comments"][0]["html"] = "<p>Texte corrigé à la main.</p>"
    path.write_text(store.dumps(data["article"], data["comments"]), encoding="utf-8")
    # Same export again: the hand edit is kept, nothing to report.
    _, summary = import_file(content, PELICAN_WXR)
    assert (
        "Texte corrigé à la main." in path.read_text(encoding="utf-8") and "Conflits" not in summary
    )
    # The source changed too: conflict, reported, the store wins.
    changed = tmp_path / "changed.xml"
    # Comment 116 is the first "Comment content." of the export.
    changed.write_text(
        PELICAN_WXR.read_text(encoding="utf-8").replace(
            "Comment content.", "Contenu modifié dans WordPress.", 1
        ),
        encoding="utf-8",
    )
    before = path.read_bytes()
    result, summary = import_file(content, changed)
    assert [c.id for c in result.conflicts] == ["wordpress:thisisa.test:116"]
    assert "Conflits : 1 commentaire modifié à la main" in summary
    assert "wordpress:thisisa.test:116 (" in summary
    assert path.read_bytes() == before


def test_source_change_updates_an_untouched_comment(content, tmp_path):
    import_file(content, PELICAN_WXR)
    changed = tmp_path / "changed.xml"
    changed.write_text(
        PELICAN_WXR.read_text(encoding="utf-8").replace("[CDATA[User2]]", "[CDATA[User Deux]]"),
        encoding="utf-8",
    )
    _, summary = import_file(content, changed)
    assert "1 mis à jour" in summary
    assert records(content, "with-comments")["wordpress:thisisa.test:116"]["author"] == "User Deux"


def test_orphan_leaves_quarantine_when_its_address_is_known(content):
    import_file(content, ISSO_WXR)
    aliases = {"COMMENTS_ALIASES": {"http://example.tld/?p=4": "with-comments"}}
    result, _ = import_file(content, ISSO_WXR, settings=aliases)
    assert result.orphans == []
    assert "wordpress:example.tld:11@4" in records(content, "with-comments")
    quarantine = json.loads((content / "comments" / "_orphelins.json").read_text(encoding="utf-8"))
    assert quarantine["comments"] == []


def test_dry_run_writes_nothing(content):
    _, summary = import_file(content, ISSO_WXR, dry_run=True)
    assert not (content / "comments").exists()
    assert "Essai (--dry-run) : rien n'a été écrit ; 2 fichiers seraient modifiés." in summary


def test_cli_import_then_approve(content):
    done = run_cli("comments-import", str(DATA / "commentaires.csv"), "--content", str(content))
    assert done.returncode == 0, done.stderr
    assert "parole-aux-membres" in plain(done.stdout) and "Traceback" not in done.stderr
    approved = run_cli("comments-approve", "csv:3", "--content", str(content))
    assert approved.returncode == 0, approved.stderr
    assert "Commentaire csv:3 approuvé" in plain(approved.stdout)
    record = records(content, "parole-aux-membres")["csv:3"]
    assert (record["status"], record["reason"], record["reviewed"]) == ("approved", "", True)
    # The approval is a hand edit: the same import does not take it back.
    import_file(content, DATA / "commentaires.csv")
    assert records(content, "parole-aux-membres")["csv:3"]["status"] == "approved"
    with pytest.raises(CommentInputError) as unknown:
        cli.approve("csv:999", settings_for(content))
    assert plain(str(unknown.value)).startswith("csv:999 : commentaire introuvable")
