"""An export is untrusted: its paths never read or write outside their folders, and its
names never become markup in the built site."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import build_site
from tests.wordpress.test_import import header, run_import, snapshot
from tests.wordpress.wxr import Post, write

SITE = "https://carnet.example"


def _attachment(number: int, attached: str, url: str = "") -> Post:
    return Post(
        number,
        f"pièce {number}",
        f"piece-{number}",
        type="attachment",
        status="inherit",
        attachment_url=url or f"{SITE}/wp-content/uploads/2024/01/piece-{number}.jpg",
        meta={"_wp_attached_file": attached},
    )


def test_paths_of_the_export_never_leave_uploads_or_content(tmp_path):
    content = tmp_path / "site" / "content"
    (content / "conseils").mkdir(parents=True)
    uploads = tmp_path / "site" / "uploads"
    (uploads / "2024" / "01").mkdir(parents=True)
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"SECRET")
    # A link inside the copy of uploads pointing outside it.
    os.symlink(secret, uploads / "2024" / "01" / "lien.jpg")
    # A folder of content/ that is a link to elsewhere: copies never go through it.
    (uploads / "2023" / "02").mkdir(parents=True)
    (uploads / "2023" / "02" / "photo.jpg").write_bytes(b"PHOTO")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (content / "images").mkdir()
    os.symlink(elsewhere, content / "images" / "2023")
    posts = [
        _attachment(5, "../../secret.jpg"),
        _attachment(6, str(secret)),
        _attachment(7, "2024/01/lien.jpg"),
        _attachment(8, "../../../../../../tmp/ailleurs.jpg"),
        _attachment(9, "2023/02/photo.jpg"),
        Post(10, "Relatif", "relatif", meta={"_thumbnail_id": "5"}),
        Post(11, "Absolu", "absolu", meta={"_thumbnail_id": "6"}),
        Post(12, "Lien", "lien", meta={"_thumbnail_id": "7"}),
        Post(13, "Écriture", "ecriture", meta={"_thumbnail_id": "8"}),
        Post(15, "Par un lien", "par-un-lien", meta={"_thumbnail_id": "9"}),
        Post(
            14,
            "Dans le texte",
            "dans-le-texte",
            content=(
                f'<p><img src="{SITE}/wp-content/uploads/%2e%2e/%2e%2e/secret.jpg" alt="a">'
                f'<a href="{SITE}/?attachment_id=5">la pièce</a></p>'
            ),
        ),
    ]
    export = write(tmp_path / "export.xml", posts)
    before = snapshot(tmp_path / "ailleurs") | snapshot(uploads)
    found, summary = run_import(content, export, uploads=uploads)
    assert snapshot(tmp_path / "ailleurs") | snapshot(uploads) == before
    assert not (tmp_path / "ailleurs.jpg").exists() and not Path("/tmp/ailleurs.jpg").exists()
    for data in snapshot(content).values():
        assert b"SECRET" not in data
    assert found.unsafe_paths == {
        "conseils/relatif.md": ["../../secret.jpg"],
        "conseils/absolu.md": [str(secret)],
        "conseils/lien.md": ["2024/01/lien.jpg"],
        "conseils/ecriture.md": ["../../../../../../tmp/ailleurs.jpg"],
        "conseils/dans-le-texte.md": ["../../secret.jpg"],
        "conseils/par-un-lien.md": ["2023/02/photo.jpg"],
    }
    for name in ("relatif", "absolu", "lien", "ecriture", "par-un-lien"):
        assert "Image" not in header(content / "conseils" / f"{name}.md")
    assert "Chemins refusés" in summary
    assert "content/conseils/relatif.md : « ../../secret.jpg »" in summary
    # A second run says the same (the refusals are remembered with the item).
    again, _ = run_import(content, export, uploads=uploads)
    assert again.unsafe_paths == found.unsafe_paths


HOSTILE_TITLE = (
    '<script>alert("pirate")</script>Les <b>bons</b> &amp; mauvais conseils '
    '<img src=x onerror=alert("pirate")> à Dakar'
)


def test_names_and_titles_of_the_export_never_become_markup(tmp_path):
    content = tmp_path / "content"
    for folder in ("conseils", "pages"):
        (content / folder).mkdir(parents=True)
    posts = [
        Post(
            10,
            HOSTILE_TITLE,
            "bons-conseils",
            excerpt='<script>alert("pirate")</script>Un résumé <em>utile</em> &amp; court',
            categories=[("astuces", 'Astuces <script>alert("pirate")</script>')],
            tags=[("dakar", '<img src=x onerror=alert("pirate")>Dakar')],
            author="pirate",
        ),
        # A « < » that is text, not a tag.
        Post(11, "Nos fans &lt;3 les lives", "nos-fans", author="pirate"),
        Post(12, '<svg onload=alert("pirate")>À propos', "a-propos-du-carnet", type="page"),
    ]
    export = write(
        tmp_path / "export.xml",
        posts,
        authors={"pirate": 'Aïcha <script>alert("pirate")</script><b onmouseover=x>D.</b>'},
        categories={"astuces": 'Astuces <script>alert("pirate")</script>'},
        tags={"dakar": '<img src=x onerror=alert("pirate")>Dakar'},
    )
    run_import(content, export, uploads=None)
    fields = header(content / "conseils" / "bons-conseils.md")
    assert fields["Title"] == "Les bons & mauvais conseils à Dakar"
    assert fields["Author"] == "Aïcha D."
    assert fields["Summary"] == "Un résumé utile & court"
    assert fields["Tags"] == "Dakar, Astuces"
    site = build_site(tmp_path, content, SEARCH_INDEX=False)
    for page in site.output.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lowered = text.lower()
        assert "pirate" not in lowered, page
        for marker in ("onerror", "onload", "onmouseover", "<svg", "<b>"):
            assert marker not in lowered, (page, marker)
    article = site.html("/bons-conseils/")
    assert article.h1.get_text() == "Les bons & mauvais conseils à Dakar"
    assert "Aïcha D." in article.get_text()
    assert site.html("/nos-fans/").h1.get_text() == "Nos fans <3 les lives"
    assert site.html("/a-propos-du-carnet/").h1.get_text() == "À propos"


def test_media_of_other_sites_become_links_and_are_listed(tmp_path):
    content = tmp_path / "content"
    (content / "conseils").mkdir(parents=True)
    body = (
        '<!-- wp:image --><figure class="wp-block-image"><img src="https://cdn.autre.example/'
        'graphique.png" alt="Graphique des abonnés"/><figcaption>Les abonnés en 2024'
        "</figcaption></figure><!-- /wp:image -->\n"
        '<!-- wp:paragraph --><p>Écoutez <audio controls src="https://podcasts.autre.example/'
        'episode.mp3"></audio> puis regardez.</p><!-- /wp:paragraph -->\n'
        '<!-- wp:video --><figure class="wp-block-video"><video controls '
        'src="https://videos.autre.example/atelier.mp4"></video></figure><!-- /wp:video -->\n'
        # The old site's own image, outside wp-content/uploads.
        f'<!-- wp:paragraph --><p><img src="{SITE}/logos/carnet.png" alt="Logo du carnet"></p>'
        "<!-- /wp:paragraph -->"
    )
    export = write(tmp_path / "export.xml", [Post(10, "Médias", "medias", content=body)])
    found, said = run_import(content, export, uploads=None)
    assert found.external_media == {
        "conseils/medias.md": [
            "https://cdn.autre.example/graphique.png",
            "https://podcasts.autre.example/episode.mp3",
            "https://videos.autre.example/atelier.mp4",
        ]
    }
    assert found.images_missing == {"conseils/medias.md": [f"{SITE}/logos/carnet.png"]}
    assert "Images et médias d’autres sites, devenus des liens" in said
    site = build_site(tmp_path, content, SEARCH_INDEX=False)
    main = site.html("/medias/").select_one("main")
    for element in main.select("img[src], audio, video, source, iframe"):
        assert "autre.example" not in str(element) and "carnet.example" not in str(element)
    links = {a["href"]: a.get_text(" ", strip=True) for a in main.select("a[href]")}
    assert links["https://cdn.autre.example/graphique.png"] == "Graphique des abonnés"
    assert links["https://podcasts.autre.example/episode.mp3"] == (
        "Fichier audio hébergé sur podcasts.autre.example"
    )
    assert links["https://videos.autre.example/atelier.mp4"] == (
        "Vidéo hébergée sur videos.autre.example"
    )
    assert links[f"{SITE}/logos/carnet.png"] == "Logo du carnet"
    assert "Les abonnés en 2024" in main.get_text()
