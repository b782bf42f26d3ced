"""Comment ids are unique per source site: two WordPress sites never overwrite each other.

WordPress numbers comments from 1 on every site, Disqus posts belong to a forum; a
second export whose numbers overlap the first one's must add its comments beside them.
"""

from __future__ import annotations

import json

from comments import store
from tests.comments.conftest import DATA, ISSO_WXR, import_file, snapshot

OTHER_SITE = DATA / "autre-site.xml"


def every_record(content) -> dict[str, tuple[str, dict]]:
    """Every stored comment by id, with the file that holds it."""
    found = {}
    for path in (content / "comments").glob("*.json"):
        for record in json.loads(path.read_text(encoding="utf-8"))["comments"]:
            found[record["id"]] = (path.name, record)
    return found


def records(content, article: str) -> dict[str, dict]:
    data = json.loads((content / "comments" / f"{article}.json").read_text(encoding="utf-8"))
    return {r["id"]: r for r in data["comments"]}


def test_two_sites_with_the_same_comment_numbers_keep_every_comment(content):
    import_file(content, ISSO_WXR)
    first_site = every_record(content)
    test_file = (content / "comments" / "test.json").read_bytes()
    result, summary = import_file(content, OTHER_SITE)
    # The first site's comments are untouched, in the same files.
    now = every_record(content)
    assert {i: now[i] for i in first_site} == first_site
    assert (content / "comments" / "test.json").read_bytes() == test_file
    after = snapshot(content / "comments")
    # The second site's comments are on their own article, threaded, unchanged.
    other = records(content, "parole-aux-membres")
    assert {i: r["parent"] for i, r in other.items() if i.startswith("wordpress:")} == {
        "wordpress:autre-blog.example:2": None,
        "wordpress:autre-blog.example:6": None,
        "wordpress:autre-blog.example:7": "wordpress:autre-blog.example:6",
    }
    assert other["wordpress:autre-blog.example:6"]["author"] == "Moussa"
    assert "parole-aux-membres : 3 importés" in summary
    assert result.orphans == [
        (
            "wordpress:autre-blog.example:10",
            "https://www.autre-blog.example/2021/05/seulement-la-bas/",
        )
    ]
    assert not result.conflicts
    # Both sites again, in any order: nothing changes.
    for path in (ISSO_WXR, OTHER_SITE, ISSO_WXR):
        _, summary = import_file(content, path)
        assert "Aucun fichier modifié." in summary
    assert snapshot(content / "comments") == after


def legacy_store(content) -> None:
    """Rewrite the store as imports wrote it before ids carried their site."""
    for path in (content / "comments").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for record in data["comments"]:
            for name in ("id", "parent"):
                if record[name]:
                    record[name] = record[name].replace("wordpress:example.tld:", "wordpress:")
            record["imported"] = store.fingerprint(record)
        path.write_text(store.dumps(data["article"], data["comments"]), encoding="utf-8")


def test_ids_of_an_older_store_get_their_site_and_nothing_else_changes(content):
    import_file(content, ISSO_WXR)
    qualified = records(content, "test")
    legacy_store(content)
    old = records(content, "test")
    assert "wordpress:7" in old and old["wordpress:7"]["parent"] == "wordpress:6"
    # A hand edit made on the old store survives the renaming.
    path = content / "comments" / "test.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Ohai"', '"Ohai (corrigé)"'), encoding="utf-8"
    )
    # A build reads the old store as it is.
    loaded = store.load(content / "comments")
    assert loaded.find("wordpress:6") is not None
    result, summary = import_file(content, ISSO_WXR)
    renamed = records(content, "test")
    assert set(renamed) == set(qualified)
    for comment_id, record in qualified.items():
        expected = dict(record, author="Ohai (corrigé)") if record["author"] == "Ohai" else record
        assert renamed[comment_id] == {**expected, "imported": renamed[comment_id]["imported"]}
    assert ("wordpress:6", "wordpress:example.tld:6") in result.renamed
    assert "Identifiants complétés par le site d'origine" in summary
    assert not result.conflicts
    # Untouched records are untouched still; the edited one is still told apart.
    edited = renamed["wordpress:example.tld:2"]
    assert store.fingerprint(edited) != edited["imported"]
    assert all(
        store.fingerprint(r) == r["imported"] for i, r in renamed.items() if i != edited["id"]
    )
    before = snapshot(content / "comments")
    _, summary = import_file(content, ISSO_WXR)
    assert snapshot(content / "comments") == before and "Aucun fichier modifié." in summary


def test_another_comment_under_a_taken_id_is_kept_apart_and_reported(content, tmp_path):
    import_file(content, ISSO_WXR)
    before = records(content, "test")
    # The same site, reinstalled: its numbering starts again, comment 6 is another one.
    text = ISSO_WXR.read_text(encoding="utf-8")
    text = text.replace("2014-04-29 15:21:27", "2019-09-01 10:00:00").replace(
        "Zweiter.", "Un tout autre commentaire."
    )
    reinstalled = tmp_path / "reinstalle.xml"
    reinstalled.write_text(text, encoding="utf-8")
    result, summary = import_file(content, reinstalled)
    after = records(content, "test")
    assert after["wordpress:example.tld:6"] == before["wordpress:example.tld:6"]
    apart = [i for i in after if i.startswith("wordpress:example.tld:6@")]
    assert len(apart) == 1
    assert "Un tout autre commentaire." in after[apart[0]]["html"]
    assert [(c.id, c.reason, c.other) for c in result.conflicts] == [
        (apart[0], "kept_apart", "wordpress:example.tld:6")
    ]
    assert "Conflits d'identifiant : 1 commentaire" in summary
    assert f"{apart[0]} (déjà pris : wordpress:example.tld:6)" in summary
    state = snapshot(content / "comments")
    again, summary = import_file(content, reinstalled)
    assert snapshot(content / "comments") == state and not again.conflicts


def test_a_comment_moved_by_hand_to_another_article_stays_there(content):
    import_file(content, ISSO_WXR)
    folder = content / "comments"
    source = json.loads((folder / "test.json").read_text(encoding="utf-8"))
    moved = next(r for r in source["comments"] if r["id"] == "wordpress:example.tld:10")
    source["comments"].remove(moved)
    (folder / "test.json").write_text(store.dumps("test", source["comments"]), encoding="utf-8")
    (folder / "premiers-pas.json").write_text(
        store.dumps("premiers-pas", [moved]), encoding="utf-8"
    )
    before = snapshot(folder)
    result, summary = import_file(content, ISSO_WXR)
    assert snapshot(folder) == before
    assert [(c.id, c.reason, c.article, c.other) for c in result.conflicts] == [
        ("wordpress:example.tld:10", "filed_elsewhere", "premiers-pas", "test")
    ]
    assert "Conflits de rangement : 1 commentaire" in summary


def test_disqus_posts_carry_their_forum(content):
    result, _ = import_file(content, DATA / "disqus-export.xml")
    ids = {i for f in result.store.files.values() for i in (r["id"] for r in f.records)}
    assert ids and all(i.startswith("disqus:carnet-cm:") for i in ids)


def test_two_csv_files_with_their_own_source_keep_every_comment(content, tmp_path):
    """Two tools that both number from 1: their ``source`` column keeps them apart."""
    header = "id,thread,parent,author,author_url,date,text,status,kind,source\n"
    first = tmp_path / "sondage.csv"
    first.write_text(
        header + "1,parole-aux-membres,,Awa,,2022-02-11T09:00:00Z,Merci pour le sondage.,approved,"
        "comment,sondage\n"
        + "2,parole-aux-membres,1,Koffi Mensah,,2022-02-11T10:00:00Z,Avec plaisir.,approved,"
        "comment,sondage\n",
        encoding="utf-8",
    )
    second = tmp_path / "forum.csv"
    second.write_text(
        header
        + "1,parole-aux-membres,,Moussa,,2022-03-01T08:00:00Z,Le forum est ouvert ?,approved,"
        "comment,forum\n",
        encoding="utf-8",
    )
    import_file(content, first)
    result, _ = import_file(content, second)
    stored = records(content, "parole-aux-membres")
    assert stored["sondage:1"]["author"] == "Awa"
    assert stored["sondage:2"]["parent"] == "sondage:1"
    assert stored["forum:1"]["author"] == "Moussa"
    assert not result.conflicts
    for path in (first, second):
        _, summary = import_file(content, path)
        assert "Aucun fichier modifié." in summary
