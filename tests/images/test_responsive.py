"""Responsive images: sizes, lazy loading, WebP and smaller copies, made once and cached."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from pelican.log import LimitFilter
from PIL import Image

from blog import responsive
from quality.links import check_links
from tests.conftest import build_site, copy_content, warnings_said
from tests.incremental.test_identity import FAST, edit

WITH_FEATURE = "/une-photo-a-la-une/"
BODY_ONLY = "/des-photos-dans-le-texte/"
ARTICLES = {
    "conseils/photo-a-la-une.md": (
        "Title: Une photo à la une\nDate: 2026-11-20 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Une grande photo en tête.\n"
        "Image: {static}/images/essai/grande.jpg\nImage-Alt: Une salle de réunion\n\n"
        "Un court texte.\n\n![Un tableau blanc]({static}/images/essai/schema.png)\n"
    ),
    "guides/photos.md": (
        "Title: Des photos dans le texte\nDate: 2026-11-19 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Plusieurs images dans le corps.\n\n"
        "![Une foule]({static}/images/essai/grande.jpg)\n\n"
        "Un paragraphe.\n\n![Un tableau blanc]({static}/images/essai/schema.png)\n\n"
        "![Une animation](/images/essai/anime.gif)\n\n"
        "![Un logo]({static}/images/veille.svg)\n\n"
        "![Une photo ailleurs](https://exemple.org/photo.jpg)\n"
    ),
}


def photo(path: Path, size: tuple[int, int], seed: int = 1, mode: str = "RGB") -> Path:
    """A photo-like image (noise over a gradient): copies have something to compress."""
    path.parent.mkdir(parents=True, exist_ok=True)
    noise = Image.effect_noise(size, 40 + seed).convert("L")
    image = Image.merge("RGB", (noise, noise.rotate(90, expand=False), noise)).convert(mode)
    image.save(path)
    return path


def add_images(content: Path) -> Path:
    folder = content / "images" / "essai"
    photo(folder / "grande.jpg", (2000, 1200))
    photo(folder / "schema.png", (900, 600), mode="RGBA")
    Image.new("P", (120, 80)).save(folder / "anime.gif")
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("responsive")
    return build_site(folder, content=add_images(copy_content(folder)), **FAST)


def srcset(value: str) -> list[tuple[str, int]]:
    return [
        (url, int(width.rstrip("w")))
        for url, width in (entry.strip().split() for entry in value.split(","))
    ]


def assert_copies(site, value: str, fmt: str, widths: list[int], ratio: float) -> None:
    entries = srcset(value)
    assert [w for _, w in entries] == widths
    for url, width in entries:
        file = site.path(url)
        with Image.open(file) as image:
            assert image.format == fmt
            assert image.width == width
            assert image.height == round(width * ratio)


def test_the_featured_image_is_a_picture_with_webp_and_jpeg_copies(site):
    image = site.html(WITH_FEATURE).select_one("figure.post-image picture img")
    assert (image["width"], image["height"]) == ("2000", "1200")
    assert image["src"] == "/images/essai/grande.jpg"
    assert site.path(image["src"]).is_file()
    assert not image.has_attr("loading")  # at the top: what the reader waits for
    assert image["decoding"] == "async"
    source = image.find_previous_sibling("source")
    assert source["type"] == "image/webp"
    assert source["sizes"] == image["sizes"] == "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
    # Never wider than 1200 px here, never upscaled.
    assert_copies(site, source["srcset"], "WEBP", [375, 750, 1200], 0.6)
    assert_copies(site, image["srcset"], "JPEG", [375, 750, 1200], 0.6)


def test_link_previews_get_the_widest_jpeg_copy_with_its_size(site):
    page = site.html(WITH_FEATURE)
    og = page.find("meta", property="og:image")["content"]
    assert og.startswith(site.settings["SITE_ORIGIN"] + "/images/variantes/grande-1200-")
    assert og.endswith(".jpg")
    assert page.find("meta", property="og:image:width")["content"] == "1200"
    assert page.find("meta", property="og:image:height")["content"] == "720"
    assert site.path(og.removeprefix(site.settings["SITE_ORIGIN"])).is_file()


def test_below_a_featured_image_every_body_image_is_lazy(site):
    image = site.html(WITH_FEATURE).select_one(".post-body picture img")
    assert image["loading"] == "lazy"
    assert (image["width"], image["height"]) == ("900", "600")
    # A PNG narrower than the largest width: copies up to its own width, no wider.
    assert_copies(site, image["srcset"], "PNG", [375, 750, 900], 600 / 900)
    webp = image.find_previous_sibling("source")["srcset"]
    assert_copies(site, webp, "WEBP", [375, 750, 900], 600 / 900)


def test_the_first_body_image_is_eager_the_others_lazy_gif_svg_and_remote_as_they_are(site):
    body = site.html(BODY_ONLY).select_one(".post-body")
    images = body.find_all("img")
    first, png, gif, svg, remote = images
    assert not first.has_attr("loading") and first.parent.name == "picture"
    assert png["loading"] == "lazy" and png.parent.name == "picture"
    # GIF (maybe animated) and SVG: sized and lazy, no copies.
    for image, size in ((gif, ("120", "80")), (svg, ("640", "400"))):
        assert (image["width"], image["height"]) == size
        assert image["loading"] == "lazy"
        assert not image.has_attr("srcset") and image.parent.name == "p"
    # A web address is left exactly as written.
    assert remote.attrs == {"alt": "Une photo ailleurs", "src": "https://exemple.org/photo.jpg"}


def test_cards_offer_a_small_copy_of_the_featured_image(site):
    card = next(
        c for c in site.html("/").select("article.card") if "Une photo à la une" in c.get_text()
    )
    image = card.select_one("picture img.card-image")
    assert image["loading"] == "lazy" and image["alt"] == ""
    assert (image["width"], image["height"]) == ("2000", "1200")
    assert srcset(image["srcset"])[0][1] == 375
    assert image["sizes"] == "(min-width: 48rem) 9rem, 6rem"  # a 6rem thumbnail on a phone
    assert card.select_one("picture source[type='image/webp']")


def test_copies_are_named_after_the_content_and_kept_under_the_cache(site):
    cache = Path(site.settings["CACHE_PATH"]) / "images"
    names = sorted(p.name for p in cache.iterdir())
    published = sorted(p.name for p in (site.output / "images" / "variantes").iterdir())
    assert names == published
    assert all(re.fullmatch(r"[\w-]+-\d+-[0-9a-f]{12}\.(webp|jpg|png)", n) for n in names)
    # Relative keys only: the project can move.
    memo = (Path(site.settings["CACHE_PATH"]) / "images-sizes.json").read_text(encoding="utf-8")
    assert str(site.settings["PATH"]) not in memo


# --- Made once ----------------------------------------------------------------------------


def said(caplog) -> tuple[int, int]:
    """(made, reused) from the build's « Images : … » line."""
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Images")]
    assert lines, [r.getMessage() for r in caplog.records]
    made, reused = re.findall(r"\d+", lines[-1])
    caplog.clear()
    return int(made), int(reused)


def test_an_image_is_processed_once_across_builds_edits_and_only_again_when_it_changes(
    tmp_path, caplog, monkeypatch
):
    caplog.set_level(logging.INFO, logger="blog.blog")
    content = add_images(copy_content(tmp_path))

    def build():
        # Pelican says a repeated line once per process: each build here must say it.
        monkeypatch.setattr(LimitFilter, "_raised_messages", set())
        return build_site(tmp_path / "inc", content=content, **FAST)

    site = build()
    made, reused = said(caplog)
    # grande.jpg and schema.png: 3 widths in 2 formats; the sample photo too.
    assert made == 18 and reused == 0
    cache = Path(site.settings["CACHE_PATH"]) / "images"
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}

    build()  # nothing changed
    assert said(caplog) == (0, 18)
    edit(content / "guides" / "photos.md", "Un paragraphe.", "Un paragraphe réécrit.")
    site = build()  # an article edited: its images are not processed again
    assert said(caplog) == (0, 18)
    assert "réécrit" in site.text(BODY_ONLY)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps

    old = {p.name for p in (site.output / "images" / "variantes").iterdir()}
    photo(content / "images" / "essai" / "schema.png", (600, 300), seed=7, mode="RGBA")
    site = build()  # a changed image: its copies only, under new names
    assert said(caplog) == (4, 12)  # 375 and 600 px, PNG and WebP
    image = site.html(BODY_ONLY).select(".post-body img")[1]
    assert (image["width"], image["height"]) == ("600", "300")
    assert_copies(site, image["srcset"], "PNG", [375, 600], 0.5)
    now = {p.name for p in (site.output / "images" / "variantes").iterdir()}
    assert not any(name.startswith("schema-") for name in old & now)  # old copies removed
    assert len(now) == 16

    # A clean publish-like build reuses the cache; a lost cache is made again.
    shutil.rmtree(cache)
    build()
    assert said(caplog) == (16, 0)


def test_a_published_build_uses_absolute_addresses_for_copies(tmp_path):
    content = add_images(copy_content(tmp_path))
    for name in os.listdir(content / "guides"):
        if name != "photos.md":
            (content / "guides" / name).unlink()
    site = build_site(tmp_path, content=content, SITEURL="https://carnet.example.org", **FAST)
    image = site.html(BODY_ONLY).select_one(".post-body picture img")
    for url, _ in srcset(image["srcset"]):
        assert url.startswith("https://carnet.example.org/images/variantes/")


# --- The core -----------------------------------------------------------------------------


def test_copies_are_never_wider_than_the_original():
    small = responsive.plan("images/a.jpg", (300, 200), "d1")
    assert [(v.width, v.height, v.format) for v in small.variants] == [
        (300, 200, "webp"),
        (300, 200, "jpeg"),
    ]
    assert responsive.plan("images/a.webp", (800, 400), "d1").formats == ("webp",)
    assert responsive.plan("images/a.gif", (800, 400), "d1") is None
    assert responsive.plan("images/a.svg", (800, 400), "d1") is None
    # Another content, other names; the same content, the same names.
    assert (
        responsive.plan("images/a.jpg", (800, 400), "d1").key
        != responsive.plan("images/a.jpg", (800, 400), "d2").key
    )
    assert (
        responsive.plan("x/a.jpg", (800, 400), "d1").key
        == responsive.plan("y/b.jpg", (800, 400), "d1").key
    )


def test_rewrite_keeps_an_authors_picture_and_unknown_files_as_written():
    found = responsive.Found((40, 30), responsive.plan("a.jpg", (40, 30), "d"))

    def locate(src):
        return found if src == "{static}/a.jpg" else None

    mine = '<picture><source srcset="b.avif"><img src="{static}/a.jpg" alt="A"></picture>'
    out = responsive.rewrite(mine, locate, "", first_is_eager=False)
    assert out.count("<picture>") == 1 and 'srcset="/images' not in out
    assert 'width="40" height="30" loading="lazy"' in out
    missing = '<p><img src="{static}/absente.jpg" alt="B"></p>'
    assert responsive.rewrite(missing, locate, "", first_is_eager=True) == missing
    tricky = '<img src="{static}/a.jpg" alt="un &quot;titre&quot; &amp; plus">'
    out = responsive.rewrite(tricky, locate, "", first_is_eager=True)
    assert 'alt="un &quot;titre&quot; &amp; plus"' in out


@pytest.mark.parametrize("mode", ["CMYK", "L", "RGB"])
def test_copies_of_print_grey_and_colour_jpegs_are_plain_rgb_or_grey(tmp_path, mode):
    source = tmp_path / "photo.jpg"
    Image.new(mode, (800, 500), "white" if mode != "CMYK" else (0, 0, 0, 0)).save(source)
    cache = responsive.VariantCache(tmp_path / "cache")
    image = responsive.plan("images/photo.jpg", (800, 500), "d")
    cache.publish(image, source, tmp_path / "output")
    assert cache.made == 6 and not cache.failed
    for variant in image.variants:
        with Image.open(tmp_path / "output" / variant.path) as copy:
            assert copy.size == (variant.width, variant.height)
            assert copy.mode in ("RGB", "L")
            assert copy.getpixel((10, 10)) in ((255, 255, 255), 255)


def test_an_unreadable_image_is_said_and_published_without_copies(tmp_path):
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"pas une image")
    cache = responsive.VariantCache(tmp_path / "cache")
    cache.publish(responsive.plan("photo.jpg", (800, 500), "d"), source, tmp_path / "output")
    assert cache.made == 0
    assert [image for image, _ in cache.failed] == [source]


def test_a_damaged_photo_is_told_in_french_and_the_page_still_built(tmp_path, caplog):
    content = copy_content(tmp_path)
    whole = photo(content / "images" / "abimee.jpg", (900, 600)).read_bytes()
    (content / "images" / "abimee.jpg").write_bytes(whole[: len(whole) // 2])  # cut in half
    (content / "guides" / "abimee.md").write_text(
        "Title: Une photo abîmée\nDate: 2026-11-19 10:00\nAuthor: Koffi Mensah\n"
        "Summary: Le fichier est coupé.\n\n![Une photo]({static}/images/abimee.jpg)\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path, content=content, **FAST)
    told = [w for w in warnings_said(caplog) if "abimee.jpg" in w]
    assert len(told) == 1, warnings_said(caplog)
    assert told[0].startswith(str(content / "images" / "abimee.jpg") + " : image illisible")
    assert told[0].endswith("remplacez-la par un fichier JPEG, PNG ou WebP valide")
    image = site.html("/une-photo-abimee/").select_one(".post-body img")
    assert (image["width"], image["height"]) == ("900", "600")
    # The copies its srcset names do not exist: the links gate says so (invoke check).
    broken = [f.detail for f in check_links(site.output)[0].failures]
    assert broken and all("/images/variantes/abimee-" in d for d in broken)


def test_the_links_gate_follows_every_srcset_candidate(site):
    result, _ = check_links(site.output)
    assert result.ok, result.lines()
    copy = next((site.output / "images" / "variantes").glob("schema-750-*.webp"))
    copy.rename(copy.with_suffix(".bak"))
    try:
        broken = [f.detail for f in check_links(site.output)[0].failures]
    finally:
        copy.with_suffix(".bak").rename(copy)
    assert broken and all(d == f"lien cassé vers /images/variantes/{copy.name}" for d in broken)
