"""Featured images (``Image:``, ``Image-Alt:``): article page, cards, link previews, checks."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from pelican.log import LimitFilter

from blog import images
from cmcore.problems import ContentError
from quality import browser as in_browser
from quality.links import check_links
from quality.serve import serve_folder
from quality.validity import check_html
from tests.blog.test_images import jpeg
from tests.conftest import (
    assert_told_once_each,
    build_site,
    copy_content,
    plain,
    warnings_said,
)
from tests.incremental.test_identity import FAST, assert_same_as_clean, edit, incremental_build

SHOWN = "/une-image-a-la-une/"
PORTRAIT = "/un-portrait-tourne/"
SCHEMA = "/un-schema-a-cote-du-texte/"
VEILLE = "Organiser sa veille sans y passer ses journées"  # the sample's own illustrated article
WITH_IMAGES = {"Une image à la une", "Un portrait tourné", "Un schéma à côté du texte"}
# With a double quote, which must not end the attribute.
ALT = 'Six personnes autour d’une table, devant un écran qui affiche "Bienvenue"'

ARTICLES = {
    "conseils/image-a-la-une.md": (
        "Title: Une image à la une\nDate: 2026-11-20 10:00\nTags: veille\n"
        "Author: Koffi Mensah\nSummary: Un article illustré.\n"
        "Image: {static}/images/2019/06/photo.jpg\n"
        f"Image-Alt: {ALT}\n"
        "\nUn court texte sous l’image.\n"
    ),
    # A path relative to content/, an empty Image-Alt (decorative), a photo taken upright.
    "guides/portrait.md": (
        "Title: Un portrait tourné\nDate: 2026-11-19 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Une photo prise en hauteur.\n"
        "Image: images/2019/06/portrait.jpg\nImage-Alt:\n\nUn court texte.\n"
    ),
    # {static} relative to the article's folder: a file outside STATIC_PATHS.
    "interviews/schema.md": (
        "Title: Un schéma à côté du texte\nDate: 2026-11-18 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Un schéma rangé avec l’article.\n"
        "Image: {static}schema-local.svg\nImage-Alt: Trois cercles reliés par des flèches\n"
        "\nUn court texte.\n"
    ),
}
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360">'
    '<rect width="640" height="360" fill="#eef4f7"/></svg>\n'
)


def add_articles(content: Path) -> Path:
    jpeg(content / "images" / "2019" / "06" / "photo.jpg", (1200, 630))
    jpeg(content / "images" / "2019" / "06" / "portrait.jpg", (400, 300), orientation=6)
    (content / "interviews" / "schema-local.svg").write_text(SVG, encoding="utf-8")
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images")
    return build_site(folder, content=add_articles(copy_content(folder)), **FAST)


def meta(page, prop: str) -> str | None:
    tag = page.find("meta", property=prop) or page.find("meta", attrs={"name": prop})
    return tag["content"] if tag else None


# --- The article page ------------------------------------------------------------------------


def test_article_page_shows_the_image_before_the_text_with_its_size_and_alt(site):
    page = site.html(SHOWN)
    image = page.select_one("article.post figure.post-image img")
    assert image["src"] == "/images/2019/06/photo.jpg"
    assert site.path(image["src"]).is_file()
    assert image["alt"] == ALT
    assert (image["width"], image["height"]) == ("1200", "630")
    assert image["decoding"] == "async"
    # The largest thing at the top of the page: never loaded late.
    assert not image.has_attr("loading")
    figure = image.find_parent("figure")  # the <img> sits in a <picture> (WebP copies)
    assert figure.find_next_sibling("div", class_="post-body") is not None
    assert figure.find_previous_sibling("header", class_="post-header") is not None


def test_link_previews_get_the_absolute_image_its_alt_and_a_large_card(site):
    page = site.html(SHOWN)
    origin = site.settings["SITE_ORIGIN"]
    assert origin.startswith("http")
    assert meta(page, "og:image") == f"{origin}/images/2019/06/photo.jpg"
    assert meta(page, "og:image:alt") == ALT
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "twitter:card") == "summary_large_image"


def test_a_path_relative_to_content_an_upright_photo_and_an_empty_alt(site):
    page = site.html(PORTRAIT)
    image = page.select_one("figure.post-image img")
    assert image["src"] == "/images/2019/06/portrait.jpg"
    # Stored 400 × 300 with EXIF orientation 6: browsers show it 300 × 400.
    assert (image["width"], image["height"]) == ("300", "400")
    assert image["alt"] == ""
    assert meta(page, "og:image").endswith("/images/2019/06/portrait.jpg")
    assert meta(page, "og:image:alt") is None


def test_an_svg_beside_its_article_is_copied_and_sized_but_not_offered_to_previews(site):
    page = site.html(SCHEMA)
    image = page.select_one("figure.post-image img")
    assert image["src"] == "/interviews/schema-local.svg"
    assert site.path(image["src"]).is_file()
    assert (image["width"], image["height"]) == ("640", "360")
    # Link previews do not show SVG: the page keeps the small card.
    assert meta(page, "og:image") is None
    assert meta(page, "twitter:card") == "summary"


def test_an_article_without_image_has_no_figure_and_the_small_card(site):
    page = site.html("/repondre-a-un-troll-sans-perdre-son-calme/")
    assert page.select_one("figure.post-image") is None
    assert meta(page, "og:image") is None
    assert meta(page, "twitter:card") == "summary"


# --- Cards on listing pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/", "/categorie/conseils/", "/etiquette/veille/", "/auteur/koffi-mensah/"]
)
def test_cards_show_a_lazy_thumbnail(site, url):
    cards = {
        card.select_one(".card-title a").get_text(): card
        for card in site.html(url).select(".card:has(.card-title)")
    }
    thumbnail = cards["Une image à la une"].select_one("img.card-image")
    assert thumbnail["src"] == "/images/2019/06/photo.jpg"
    assert thumbnail["loading"] == "lazy"
    assert thumbnail["decoding"] == "async"
    assert (thumbnail["width"], thumbnail["height"]) == ("1200", "630")
    # Beside the title it illustrates, the thumbnail is not read aloud.
    assert thumbnail["alt"] == ""
    # Only articles with an image get one.
    assert {title for title, card in cards.items() if card.select_one("img")} <= WITH_IMAGES | {
        VEILLE
    }
    assert url != "/" or any(not card.select_one("img") for card in cards.values())


def test_sizes_are_kept_by_relative_path_and_an_unchanged_image_is_not_opened_again(
    site, monkeypatch, tmp_path
):
    memo = Path(site.settings["CACHE_PATH"]) / "images-sizes.json"
    sizes = json.loads(memo.read_text(encoding="utf-8"))["sizes"]
    assert sizes["images/2019/06/photo.jpg"][2:] == [1200, 630]
    assert not any(os.path.isabs(path) for path in sizes)

    def never(path):
        raise AssertionError(f"{path} opened again")

    monkeypatch.setattr(images, "measure", never)
    again = images.ImageSizes(Path(site.settings["PATH"]), memo)
    assert again.size("images/2019/06/photo.jpg") == (1200, 630)


# --- What the author is told ----------------------------------------------------------------

MISTAKES = {
    "conseils/image-absente.md": (
        "Title: Une image absente\nDate: 2026-11-20 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Le fichier manque.\nImage: {static}/images/absente.jpg\n"
        "Image-Alt: Une photo qui n’existe pas\n\nUn court texte.\n"
    ),
    "guides/sans-alt.md": (
        "Title: Une image sans description\nDate: 2026-11-19 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Le texte alternatif manque.\nImage: images/veille.svg\n\nUn court texte.\n"
    ),
}
TOLD = [
    "image-absente.md:5 : image introuvable « {static}/images/absente.jpg » : ajoutez le "
    "fichier dans content/images/ ou corrigez le chemin",
    "sans-alt.md:5 : image « images/veille.svg » sans texte alternatif : décrivez-la sur une "
    "ligne « Image-Alt: ce que montre l’image », ou laissez « Image-Alt: » vide si elle est "
    "purement décorative",
]


@pytest.fixture
def mistaken(tmp_path):
    content = copy_content(tmp_path)
    for name, text in MISTAKES.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def test_a_missing_image_and_a_missing_alt_are_told_at_every_build(
    tmp_path, mistaken, caplog, monkeypatch
):
    for build in ("première", "seconde"):  # the second one keeps its articles: told again
        caplog.clear()
        # Pelican says a warning once per process; each `make build` is a new process.
        monkeypatch.setattr(LimitFilter, "_raised_messages", set())
        with caplog.at_level(logging.WARNING):
            site = build_site(tmp_path, content=mistaken, **FAST)
        assert_told_once_each(warnings_said(caplog), TOLD, mistaken), build
    # Published, without the image that is not there.
    page = site.html("/une-image-absente/")
    assert page.select_one("figure.post-image") is None
    assert meta(page, "og:image") is None
    assert meta(page, "twitter:card") == "summary"
    # Published with its image, described as nothing until the author says what it shows.
    assert (
        site.html("/une-image-sans-description/").select_one("figure.post-image img")["alt"] == ""
    )


def test_a_strict_build_refuses_a_missing_image_but_not_a_missing_alt(tmp_path, mistaken):
    with pytest.raises(ContentError) as refused:
        build_site(tmp_path, content=mistaken, CONTENT_STRICT=True, **FAST)
    [problem] = refused.value.problems
    assert plain(str(problem)).endswith(TOLD[0])
    assert not (tmp_path / "output" / "index.html").exists()


# --- Incremental builds ---------------------------------------------------------------------


def test_incremental_builds_follow_every_change_of_the_image(tmp_path):
    content = copy_content(tmp_path)
    site = incremental_build(tmp_path, content)
    veille = content / "conseils" / "veille.md"
    trolls = content / "conseils" / "trolls.md"
    # Beside the article: a folder whose files are tracked page by page, not with the
    # data files whose change renders every page.
    photo = content / "conseils" / "troll.jpg"

    def replace_photo():
        jpeg(photo, (640, 480))
        stat = photo.stat()
        os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    steps = [
        (
            "texte alternatif",
            lambda: edit(veille, "Image-Alt: Un ordinateur", "Image-Alt: Un portable"),
        ),
        ("image retirée", lambda: edit(veille, "Image: {static}/images/veille.svg\n", "")),
        (
            "image ajoutée",
            lambda: (
                jpeg(photo, (1200, 630)),
                edit(
                    trolls,
                    "Summary:",
                    "Image: {static}troll.jpg\nImage-Alt: Une salle\nSummary:",
                ),
            ),
        ),
        ("image remplacée", replace_photo),
    ]
    for step, change in steps:
        change()
        incremental_build(tmp_path, content)
        assert_same_as_clean(tmp_path, content, site.output, step)
    image = site.html("/repondre-a-un-troll-sans-perdre-son-calme/").select_one(".post-image img")
    assert (image["width"], image["height"]) == ("640", "480")


# --- Quality gates on pages with images ------------------------------------------------------


@pytest.mark.browser
def test_pages_with_images_pass_the_quality_gates(site, browser):
    pages = {"article": SHOWN, "article décoratif": PORTRAIT, "accueil": "/"}
    links, _ = check_links(site.output)
    results = [links, check_html(site.output)]
    with serve_folder(site.output) as base:
        results.append(in_browser.check_accessibility(browser, base, pages))
        results.extend(in_browser.check_requests_and_console(browser, base, pages))
        results.append(in_browser.check_mobile(browser, base, pages))
    report = "\n".join(line for r in results for line in r.lines())
    assert all(r.ok for r in results), report
