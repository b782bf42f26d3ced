"""Post bodies as the reader sees them once imported: line breaks, galleries."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import build_site, plain
from tests.wordpress.test_import import run_import
from tests.wordpress.wxr import Post, write
from wordpress.convert import to_markdown
from wordpress.export import ExportError

SITE = "https://carnet.example"


def test_line_breaks_of_a_preformatted_block_are_kept():
    body = (
        '<!-- wp:preformatted -->\n<pre class="wp-block-preformatted">Lundi : atelier<br>'
        "Mardi : live<br/>Mercredi : bilan</pre>\n<!-- /wp:preformatted -->"
    )
    assert to_markdown(body).markdown == (
        "```\nLundi : atelier\nMardi : live\nMercredi : bilan\n```\n"
    )


def _photo(number: int, parent: int, order: int, alt: str = "") -> Post:
    return Post(
        number,
        f"photo {number}",
        f"photo-{number}",
        type="attachment",
        status="inherit",
        parent=parent,
        menu_order=order,
        attachment_url=f"{SITE}/wp-content/uploads/2024/01/photo-{number}.jpg",
        meta={"_wp_attachment_image_alt": alt} if alt else {},
    )


def test_a_gallery_without_ids_shows_the_images_attached_to_the_post(tmp_path):
    content = tmp_path / "content"
    (content / "conseils").mkdir(parents=True)
    uploads = tmp_path / "uploads"
    (uploads / "2024" / "01").mkdir(parents=True)
    for number in (21, 22, 23, 31):
        (uploads / "2024" / "01" / f"photo-{number}.jpg").write_bytes(b"\xff\xd8photo")
    posts = [
        Post(10, "Atelier", "atelier", content="<p>Les photos :</p>\n\n[gallery]"),
        _photo(22, 10, 2, alt="La salle pleine"),
        _photo(21, 10, 1, alt="L’accueil des participants"),
        _photo(23, 10, 3),
        _photo(31, 99, 0, alt="Une autre fête"),  # attached to another post
        Post(11, "Galerie", "galerie", content='[gallery ids="23,21"]'),
    ]
    found, _ = run_import(content, write(tmp_path / "export.xml", posts), uploads=uploads)
    assert found.shortcodes == {}
    site = build_site(tmp_path, content, SEARCH_INDEX=False)
    images = site.html("/atelier/").select("main figure img")
    assert [img["src"].rsplit("/", 1)[1] for img in images] == [
        "photo-21.jpg",
        "photo-22.jpg",
        "photo-23.jpg",
    ]
    assert [img["alt"] for img in images] == ["L’accueil des participants", "La salle pleine", ""]
    named = site.html("/galerie/").select("main figure img")
    assert [img["alt"] for img in named] == ["", "L’accueil des participants"]


def test_numbered_headings_and_quotes_with_their_source_read_cleanly():
    body = (
        "<!-- wp:heading --><h2>1. Choisir son réseau</h2><!-- /wp:heading -->\n"
        "<!-- wp:paragraph --><p>2024. Une année de lives.</p><!-- /wp:paragraph -->\n"
        "<blockquote><p>Écoutez d’abord.</p>\n\n<cite>Aïcha Diallo</cite></blockquote>"
    )
    assert to_markdown(body).markdown == (
        "## 1. Choisir son réseau\n\n"
        "2024\\. Une année de lives.\n\n"  # « 2024. » would start a numbered list
        "> Écoutez d’abord.\n>\n> <cite>Aïcha Diallo</cite>\n"
    )


def test_an_rss_feed_or_a_zip_is_refused_with_what_to_do(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    feed = tmp_path / "flux.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Carnet</title>'
        "<link>https://carnet.example</link><item><title>Un article</title></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    archive = tmp_path / "carnet.wordpress.2024-06-14.zip"
    with zipfile.ZipFile(archive, "w") as written:
        written.writestr("carnet.wordpress.2024-06-14.xml", "<rss/>")
    with pytest.raises(ExportError) as refused:
        run_import(content, feed, uploads=None)
    assert plain(str(refused.value)) == (
        f"{feed} : c’est un flux RSS, pas un export WordPress (il ne garde que les derniers "
        "articles, sans pages, images ni commentaires) ; dans WordPress, Outils → Exporter → "
        "Tout le contenu"
    )
    with pytest.raises(ExportError) as refused:
        run_import(content, archive, uploads=None)
    assert plain(str(refused.value)) == (
        f"{archive} : c’est une archive .zip, pas le fichier de l’export ; décompressez-la, "
        "puis donnez le fichier .xml qu’elle contient"
    )
    assert list(content.iterdir()) == []
