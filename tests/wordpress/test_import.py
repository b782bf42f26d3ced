"""A whole WordPress blog imported in one command, then built: what the author and readers get.

The facts asserted come from tests/data/wordpress/README.md (counted from the exports).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, SHARED_FIXTURES, build_site, copy_content, plain
from wordpress import importer, report
from wordpress.manifest import NAME as MANIFEST

DATA = ROOT / "tests" / "data" / "wordpress"
UPLOADS = DATA / "uploads"
GUTENBERG = DATA / "gutenberg.xml"
CLASSIC = DATA / "classic.xml"
WPCOM = DATA / "wordpress-com.xml"
PELICAN_WXR = SHARED_FIXTURES / "wordpress" / "pelican-wordpressexport.xml"


def settings_for(content, **overrides) -> dict:
    from pelican.settings import read_settings

    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "CACHE_PATH": str(content.parent / "cache"), **overrides},
    )


def run_import(content, export, uploads=UPLOADS, **options):
    found = importer.run(settings_for(content), export, uploads, **options)
    return found, plain(report.render_text(found))


def snapshot(folder) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def header(path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The sample site with gutenberg.xml imported, and built once."""
    tmp_path = tmp_path_factory.mktemp("wp")
    content = copy_content(tmp_path)
    found, summary = run_import(content, GUTENBERG)
    site = build_site(tmp_path, content=content, SEARCH_INDEX=False)
    return content, found, summary, site


def test_every_item_is_accounted_for(imported):
    content, found, summary, _ = imported
    # 8 published posts and 5 kept as drafts (draft, pending, private, future), 2 pages.
    assert found.posts == {"new": 12}
    assert found.pages == {"new": 2}
    assert sorted(why for _, why in found.drafts) == [
        "brouillon",
        "en attente de relecture",
        "privé",
        "programmé",
    ]
    assert found.skipped == {
        "articles (trash)": 1,
        "nav_menu_item": 1,
        "pièces jointes": 3,
        "portfolio": 1,
        "revision": 1,
        "wp_block": 1,
    }
    for path, _ in found.drafts:
        assert header(content / path)["Status"] == "draft"
    recorded = json.loads((content / MANIFEST).read_text(encoding="utf-8"))
    assert len(recorded["files"]) == 14
    assert "articles : 12 nouveaux" in summary and "pages : 2 nouveaux" in summary


def test_headers_categories_and_featured_image(imported):
    content, found, _, _ = imported
    interview = content / "interviews" / "interview-fatou-ndiaye-cm-banque-dakar.md"
    fields = header(interview)
    assert fields["Title"] == "Interview : Fatou Ndiaye, CM d'une banque à Dakar"
    assert fields["Slug"] == "interview-fatou-ndiaye-cm-banque-dakar"
    assert fields["Author"] == "Aïcha Diallo"
    assert fields["Image"] == "{static}/images/2024/01/fatou-ndiaye.jpg"
    assert fields["Image-Alt"] == "Fatou Ndiaye dans son bureau à Dakar"
    # The original file, not its resized variant.
    assert (content / "images" / "2024" / "01" / "fatou-ndiaye.jpg").is_file()
    assert not list((content / "images").rglob("*-1024x683*"))
    decisions = {d.source: (d.target, plain(d.why)) for d in found.categories}
    assert decisions["Tutoriels & guides"] == ("guides", "règle : contient « guide »")
    assert decisions["Interviews"][0] == "interviews"


def test_duplicate_slugs_untitled_posts_and_missing_images_are_reported(imported):
    content, found, summary, _ = imported
    assert (content / "conseils" / "bilan-de-la-semaine.md").is_file()
    assert (content / "conseils" / "bilan-de-la-semaine-2.md").is_file()
    assert (
        "content/conseils/bilan-de-la-semaine-2.md : adresse « bilan-de-la-semaine » déjà prise, "
        "devenue « bilan-de-la-semaine-2 »"
    ) in summary
    assert "sans titre, devenu « Article du 19 avril 2024 »" in summary
    assert found.images_missing == {
        "conseils/astuces-tiktok-abidjan.md": ["2024/05/statistiques-tiktok.png"]
    }
    assert found.shortcodes == {"conseils/astuces-tiktok-abidjan.md": ["contact-form-7"]}
    assert "[contact-form-7 id=" in (content / "conseils" / "astuces-tiktok-abidjan.md").read_text(
        encoding="utf-8"
    )


def test_internal_links_follow_the_sources(imported):
    content, _, _, site = imported
    text = (content / "conseils" / "moderer-commentaires-whatsapp-facebook.md").read_text(
        encoding="utf-8"
    )
    assert "({filename}/interviews/interview-fatou-ndiaye-cm-banque-dakar.md)" in text
    assert "({filename}/conseils/bilan-de-la-semaine.md#chiffres)" in text
    assert "carnet-afrique.example" not in text
    page = site.html("/moderer-commentaires-whatsapp-facebook/")
    hrefs = {a["href"] for a in page.select("main a[href]")}
    assert "/interview-fatou-ndiaye-cm-banque-dakar/" in hrefs
    # The anchor WordPress gave the heading is kept, so the link lands on it.
    assert "/bilan-de-la-semaine/#chiffres" in hrefs
    assert site.html("/bilan-de-la-semaine/").select_one("h2#chiffres").get_text() == "Les chiffres"


def test_hostile_html_never_reaches_the_site(imported):
    content, found, _, site = imported
    source = next(
        p for p in (content / "conseils").glob("*.md") if "partenariat" in p.name
    ).read_text(encoding="utf-8")
    page = site.text(f"/{'partenariat-widget-sponsor'}/")
    article = str(BeautifulSoup(page, "html.parser").select_one("main"))
    for text in (source, article):
        lowered = text.lower()
        for marker in ("<script", "onerror", "onload", "javascript:", "<iframe", "style=", "<form"):
            assert marker not in lowered, marker
        assert "data:text/html" not in lowered
    # An image that names no file (« <img src=x onerror=…> ») is left out, and said.
    assert 'src="x"' not in article
    assert "<img src='x'>" in found.old_links["conseils/partenariat-widget-sponsor.md"]


def test_comments_are_attached_threaded_and_never_duplicated(imported):
    content, found, _, site = imported
    store = json.loads(
        (content / "comments" / "interview-fatou-ndiaye-cm-banque-dakar.json").read_text(
            encoding="utf-8"
        )
    )
    by_id = {r["id"]: r for r in store["comments"]}
    # The 14-deep thread: each comment answers the one before.
    chain = [f"wordpress:carnet-afrique.example:{n}" for n in range(1, 15)]
    assert all(by_id[c]["parent"] == (chain[i - 1] if i else None) for i, c in enumerate(chain))
    assert found.comments["imported"] == 21 and found.comments["pending"] == 1
    assert found.comment_orphans == []
    shown = site.html("/interview-fatou-ndiaye-cm-banque-dakar/").select("[data-comment-id]")
    assert {li["data-comment-id"] for li in shown} >= set(chain)
    # WordPress allows comments on pages: the page shows its own, other pages none.
    on_page = site.html("/a-propos-2/").select("[data-comment-id]")
    assert [li["data-comment-id"] for li in on_page] == ["wordpress:carnet-afrique.example:23"]
    assert not site.html("/charte-de-moderation/").select("#commentaires")


def test_old_addresses_lead_to_the_new_pages(imported):
    content, found, _, site = imported
    table = (content / "redirections.csv").read_text(encoding="utf-8")
    for line in (
        "/2024/01/interview-fatou-ndiaye-cm-banque-dakar/,"
        "{filename}/interviews/interview-fatou-ndiaye-cm-banque-dakar.md",
        "/2024/01/interview-fatou-ndiaye/,{filename}/interviews/interview-fatou-ndiaye-cm-banque-dakar.md",
        "/?p=12,{filename}/interviews/interview-fatou-ndiaye-cm-banque-dakar.md",
        "/2024/04/bilan-de-la-semaine/,{filename}/conseils/bilan-de-la-semaine-2.md",
        "/category/interviews/,/categorie/interviews/",
        "/feed/,/feeds/all.atom.xml",
    ):
        assert line in table, line
    # Drafts have no old address to keep; the site's own /a-propos/ is never taken over.
    assert "?p=36" not in table
    assert ("/a-propos/", "{filename}/pages/a-propos-2.md") in found.redirect_conflicts
    page = site.html("/2024/01/interview-fatou-ndiaye/")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh.endswith("/interview-fatou-ndiaye-cm-banque-dakar/")


def test_a_second_import_changes_nothing(tmp_path, content):
    run_import(content, GUTENBERG)
    before = snapshot(content)
    found, summary = run_import(content, GUTENBERG)
    assert snapshot(content) == before
    assert found.written == [] and "Aucun fichier modifié." in summary
    assert found.posts == {"unchanged": 12}


def test_a_post_edited_after_the_import_is_never_overwritten(tmp_path, content):
    run_import(content, GUTENBERG)
    post = content / "interviews" / "interview-fatou-ndiaye-cm-banque-dakar.md"
    edited = post.read_text(encoding="utf-8").replace("quatre ans", "cinq ans")
    post.write_text(edited, encoding="utf-8")
    export = tmp_path / "export.xml"
    export.write_text(
        GUTENBERG.read_text(encoding="utf-8").replace("quatre ans", "quatre années"),
        encoding="utf-8",
    )
    found, summary = run_import(content, export)
    assert post.read_text(encoding="utf-8") == edited
    assert (
        "content/interviews/interview-fatou-ndiaye-cm-banque-dakar.md : modifié depuis "
        "l’import, gardé tel quel"
    ) in summary
    assert found.posts["conflict"] == 1


def test_an_untouched_post_follows_a_changed_export(tmp_path, content):
    run_import(content, GUTENBERG)
    export = tmp_path / "export.xml"
    export.write_text(
        GUTENBERG.read_text(encoding="utf-8").replace("quatre ans", "quatre années"),
        encoding="utf-8",
    )
    found, _ = run_import(content, export)
    post = content / "interviews" / "interview-fatou-ndiaye-cm-banque-dakar.md"
    assert "depuis quatre années" in post.read_text(encoding="utf-8")
    assert found.posts == {"updated": 1, "unchanged": 11}
    assert found.written == ["interviews/interview-fatou-ndiaye-cm-banque-dakar.md"]


def test_a_dry_run_writes_nothing(content):
    before = snapshot(content)
    found, summary = run_import(content, GUTENBERG, dry_run=True)
    assert snapshot(content) == before
    assert found.posts == {"new": 12} and found.pages == {"new": 2}
    assert "Essai (--dry-run) : rien n’a été écrit." in summary
    assert found.redirects["added"] > 30


def test_classic_editor_posts_get_paragraphs_figures_and_media(content):
    found, _ = run_import(content, CLASSIC)
    texts = {
        p.name: p.read_text(encoding="utf-8")
        for folder in ("conseils", "guides", "interviews", "pages")
        for p in (content / folder).glob("*.md")
    }
    joined = "\n".join(texts.values())
    assert "<figcaption>" in joined and "<audio controls" in joined and "<video controls" in joined
    assert "wp-content/uploads" not in joined
    # Resized variants are mapped back to the upload's main file when it is present (the
    # original, else WordPress's -scaled copy); a missing one is reported.
    copied = {p.name for p in (content / "images").rglob("*") if p.is_file()}
    assert "photo-scaled.jpg" in copied and "formation-bouake.jpg" in copied
    assert not any(re.search(r"-\d+x\d+\.", name) for name in copied), copied
    assert (
        "2019/06/affiche-formation.jpg"
        in found.images_missing[
            "conseils/"
            + next(
                p.name
                for p in (content / "conseils").glob("*.md")
                if "affiche-formation" in p.read_text(encoding="utf-8")
            )
        ]
    )


def test_wordpress_com_media_are_recognised(content):
    found, _ = run_import(content, WPCOM)
    texts = "\n".join(p.read_text(encoding="utf-8") for p in content.rglob("*.md"))
    assert "files.wordpress.com" not in texts
    assert found.site == "moncarnetcm.wordpress.com"


def test_the_pelican_export_is_accounted_for(content):
    """An export nobody here wrote: every one of its 20 items is in the report."""
    found, _ = run_import(content, PELICAN_WXR, uploads=None)
    assert found.posts == {"new": 11} and found.pages == {"new": 2}
    assert len(found.drafts) == 4
    assert found.skipped == {"custom1": 2, "custom2": 1, "pièces jointes": 4}
    # 4 comments: 3 attached (2 of them replies), the trashed pingback left out.
    assert found.comments["imported"] == 3 and found.comments["skipped"] == 1
    assert not found.comment_orphans
    # Authors are matched whatever the case of their login (dc:creator says "bob"); one
    # post names "john", whom the export does not declare: kept as written.
    assert {d.target for d in found.authors} == {"Bob", "Jonh", "john"}


def test_a_post_without_author_gets_the_site_author(tmp_path, content):
    # Isso's test export: two of its three posts have no dc:creator.
    found, said = run_import(content, SHARED_FIXTURES / "wordpress" / "isso-wordpress.xml")
    assert "«  »" not in said
    assert "« sans auteur » → l’auteur du site (AUTHOR) (aucun dans l’export)" in said
    written = [content / path for path in found.written if path.endswith(".md")]
    authors = [header(path).get("Author") for path in written]
    assert sorted(authors, key=str) == sorted(["Tester", None, None], key=str)
    site = build_site(tmp_path, content)
    assert not site.path("/auteur//").exists()


@pytest.mark.parametrize("name", ["bomb.xml", "external-entity.xml"])
def test_a_hostile_export_is_refused_in_one_french_line(tmp_path, content, name):
    before = snapshot(content)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "wp-import", str(DATA / name), "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = plain(result.stderr.strip())
    assert line.startswith(f"erreur : {DATA / name}") and "refusée" in line
    assert snapshot(content) == before
