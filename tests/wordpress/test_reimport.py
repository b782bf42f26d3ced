"""Imports that follow one another: later exports, other sites, a corrected map."""

from __future__ import annotations

import json

from tests.conftest import build_site
from tests.conftest import plain as plain_text
from tests.wordpress.test_import import header, run_import, snapshot
from tests.wordpress.wxr import Comment, Post, write
from wordpress.manifest import NAME as MANIFEST


def empty_site(tmp_path):
    content = tmp_path / "content"
    for folder in ("conseils", "guides", "interviews", "pages"):
        (content / folder).mkdir(parents=True)
    return content


def refresh_target(site, url: str) -> str:
    return site.html(url).select_one('meta[http-equiv="refresh"]')["content"].split("url=")[-1]


def test_a_later_export_never_lands_on_an_imported_post(tmp_path):
    content = empty_site(tmp_path)
    first = Post(10, "Bilan de janvier", "bilan", content="<p>Le bilan de janvier.</p>")
    run_import(content, write(tmp_path / "janvier.xml", [first]), uploads=None)
    kept = (content / "conseils" / "bilan.md").read_bytes()
    # A later export with only the new post, whose WordPress slug is the same.
    later = Post(
        20, "Bilan de mars", "bilan", content="<p>Le bilan de mars.</p>", date="2024-03-02 08:00:00"
    )
    found, summary = run_import(content, write(tmp_path / "mars.xml", [later]), uploads=None)
    assert (content / "conseils" / "bilan.md").read_bytes() == kept
    assert "Le bilan de mars." in (content / "conseils" / "bilan-2.md").read_text("utf-8")
    assert found.posts == {"new": 1}
    assert "adresse « bilan » déjà prise, devenue « bilan-2 »" in summary
    table = (content / "redirections.csv").read_text(encoding="utf-8")
    assert "/2024/01/bilan/,{filename}/conseils/bilan.md" in table
    assert "/2024/03/bilan/,{filename}/conseils/bilan-2.md" in table
    assert "/?p=10,{filename}/conseils/bilan.md" in table
    assert "/?p=20,{filename}/conseils/bilan-2.md" in table
    # The whole export imported again, and again: each item keeps its file, nothing changes.
    both = write(tmp_path / "tout.xml", [first, later])
    run_import(content, both, uploads=None)
    before = snapshot(content)
    again, _ = run_import(content, both, uploads=None)
    assert snapshot(content) == before and again.written == []
    site = build_site(tmp_path, content, SEARCH_INDEX=False)
    assert refresh_target(site, "/2024/01/bilan/").endswith("/bilan/")
    assert refresh_target(site, "/2024/03/bilan/").endswith("/bilan-2/")
    assert site.html("/bilan/").h1.get_text() == "Bilan de janvier"
    assert site.html("/bilan-2/").h1.get_text() == "Bilan de mars"


def test_a_second_site_never_takes_the_first_sites_page(tmp_path):
    content = empty_site(tmp_path)
    about = Post(5, "À propos", "a-propos", content="<p>Le carnet d’Aïcha.</p>", type="page")
    run_import(content, write(tmp_path / "a.xml", [about], site="https://aicha.example"))
    other = Post(5, "À propos", "a-propos", content="<p>Le blog de Koffi.</p>", type="page")
    found, _ = run_import(
        content, write(tmp_path / "b.xml", [other], site="https://koffi.example"), uploads=None
    )
    assert "Le carnet d’Aïcha." in (content / "pages" / "a-propos.md").read_text("utf-8")
    assert "Le blog de Koffi." in (content / "pages" / "a-propos-2.md").read_text("utf-8")
    assert header(content / "pages" / "a-propos-2.md")["Slug"] == "a-propos-2"
    items = json.loads((content / MANIFEST).read_text(encoding="utf-8"))["items"]
    assert items == {
        "aicha.example:5": "pages/a-propos.md",
        "koffi.example:5": "pages/a-propos-2.md",
    }
    # The second site's /a-propos/ is a page of the site now: never a redirect.
    assert ("/a-propos/", "{filename}/pages/a-propos-2.md") in found.redirect_conflicts


def test_comment_conflicts_are_listed_and_a_second_run_counts_as_the_first(tmp_path):
    content = empty_site(tmp_path)
    post = Post(
        10,
        "Bilan",
        "bilan",
        comments=[
            Comment(1, "Merci pour ce bilan."),
            Comment(2, "Et pour Lomé ?", approved="0"),
            Comment(3, "Super.", parent=1),
        ],
    )
    export = write(tmp_path / "export.xml", [post])
    first, _ = run_import(content, export, uploads=None)
    assert (first.comments["imported"], first.comments["pending"]) == (2, 1)
    again, said = run_import(content, export, uploads=None)
    assert (again.comments["unchanged"], again.comments["pending"]) == (2, 1)
    assert "2 inchangés, 1 en attente (modération)" in said
    # The author corrects a comment by hand; the export changes it too.
    store = content / "comments" / "bilan.json"
    store.write_text(
        store.read_text(encoding="utf-8").replace("Merci pour ce bilan.", "Merci, bilan lu."),
        encoding="utf-8",
    )
    post.comments[0].content = "Merci pour ce bilan !"
    _, said = run_import(content, write(tmp_path / "export.xml", [post]), uploads=None)
    assert "Merci, bilan lu." in store.read_text(encoding="utf-8")
    assert "1 conflit" in said
    lines = said.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("Conflits : 1 commentaire"))
    assert "votre version est gardée" in lines[heading]
    assert lines[heading + 1].startswith("  wordpress:carnet.example:1 (")
    assert lines[heading + 1].endswith("bilan.json)")


def test_old_archives_of_tags_and_authors_without_posts_lead_to_pages_that_exist(tmp_path):
    content = empty_site(tmp_path)
    posts = [
        Post(
            10,
            "Bilan",
            "bilan",
            tags=[("dakar", "Dakar")],
            content='<p>Voir <a href="https://carnet.example/tag/vide/">les autres</a>.</p>',
        ),
        # Only a draft uses this tag and this author: no page of theirs is published.
        Post(
            11, "Brouillon", "brouillon", status="draft", author="moussa", tags=[("vide", "Vide")]
        ),
    ]
    export = write(
        tmp_path / "export.xml",
        posts,
        authors={"aicha": "Aïcha Diallo", "moussa": "Moussa Traoré"},
        tags={"dakar": "Dakar", "vide": "Vide"},
    )
    found, said = run_import(content, export, uploads=None)
    table = (content / "redirections.csv").read_text(encoding="utf-8")
    assert "/tag/dakar/,/etiquette/dakar/" in table
    assert "/tag/vide/,/etiquettes/" in table
    assert "/author/aicha/,/auteur/aicha-diallo/" in table
    assert "/author/moussa/,/auteurs/" in table
    assert found.redirects_to_listings == [
        ("/tag/vide/", "/etiquettes/"),
        ("/author/moussa/", "/auteurs/"),
    ]
    assert "Étiquettes et auteurs sans article publié ici" in said
    assert "  /tag/vide/ → /etiquettes/" in said
    site = build_site(tmp_path, content, SEARCH_INDEX=False)
    for old in ("/tag/dakar/", "/tag/vide/", "/author/aicha/", "/author/moussa/"):
        target = refresh_target(site, old)
        assert site.path("/" + target.split("://", 1)[-1].split("/", 1)[-1]).is_file(), target
    links = {a["href"] for a in site.html("/bilan/").select("main a[href]")}
    assert "/etiquettes/" in links


def test_a_corrected_map_files_imported_posts_under_their_new_category(tmp_path):
    content = empty_site(tmp_path)
    posts = [
        Post(10, "Portrait de Fatou", "portrait-fatou", categories=[("portraits", "Portraits")]),
        Post(11, "Portrait de Koffi", "portrait-koffi", categories=[("portraits", "Portraits")]),
    ]
    export = write(tmp_path / "export.xml", posts, categories={"portraits": "Portraits"})
    _, said = run_import(content, export, uploads=None)
    assert "« Portraits » → conseils" in said
    # The author edits one of them, then corrects the map and imports again.
    edited = content / "conseils" / "portrait-koffi.md"
    edited.write_text(edited.read_text("utf-8") + "\nUne ligne ajoutée.\n", encoding="utf-8")
    kept = edited.read_bytes()
    table = (content / "redirections.csv").read_bytes()
    map_file = tmp_path / "correspondances.toml"
    map_file.write_text('[categories]\nportraits = "interviews"\n', encoding="utf-8")
    found, said = run_import(content, export, uploads=None, map_file=map_file)
    assert "« Portraits » → interviews (carte)" in said
    moved = content / "conseils" / "portrait-fatou.md"
    assert header(moved)["Category"] == "interviews"
    assert edited.read_bytes() == kept
    assert [(path, plain_text(why)) for path, why in found.moved_categories] == [
        (
            "conseils/portrait-fatou.md",
            "rangé dans « interviews » par son en-tête (Category), le fichier reste dans "
            "« conseils » : son adresse ne change pas",
        ),
        (
            "conseils/portrait-koffi.md",
            "reste dans « conseils » (modifié depuis l’import) ; pour le ranger dans "
            "« interviews », ajoutez « Category: interviews » à son en-tête",
        ),
    ]
    assert "Articles déjà importés que la carte range ailleurs :" in plain_text(said)
    assert (content / "redirections.csv").read_bytes() == table
    site = build_site(tmp_path, content, SEARCH_INDEX=False)
    listed = {a["href"] for a in site.html("/categorie/interviews/").select("main a[href]")}
    assert "/portrait-fatou/" in listed
    assert site.path("/portrait-fatou/").is_file()
    assert refresh_target(site, "/2024/01/portrait-fatou/").endswith("/portrait-fatou/")
    # A third run with the same map changes nothing.
    before = snapshot(content)
    run_import(content, export, uploads=None, map_file=map_file)
    assert snapshot(content) == before
