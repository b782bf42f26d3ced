"""The featured image's core: header fields, paths, sizes read from files, the sizes memo."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from blog import images, validation
from blog.images import ImageField, ImageSizes
from cmcore.headers import parse_header
from tests.conftest import plain


@pytest.mark.parametrize(
    ("written", "folder", "path"),
    [
        ("{static}/images/2019/06/photo.jpg", "conseils", "images/2019/06/photo.jpg"),
        ("|static|/images/photo.jpg", "conseils", "images/photo.jpg"),
        ("images/2019/06/photo.jpg", "conseils", "images/2019/06/photo.jpg"),
        ("/images/photo.jpg", "conseils", "images/photo.jpg"),
        # {static} without a leading slash: beside the article, as in Pelican's links.
        ("{static}photo.jpg", "conseils", "conseils/photo.jpg"),
        ("{static}../images/photo.jpg", "conseils", "images/photo.jpg"),
        ("{static}/images/ma%20photo.jpg", "conseils", "images/ma photo.jpg"),
        ("https://exemple.org/photo.jpg", "conseils", None),
        ("../../etc/passwd", "conseils", None),
        ("{static}/../photo.jpg", "conseils", None),
    ],
)
def test_the_image_path_is_relative_to_content(written, folder, path):
    assert images.content_path(written, folder) == path


@given(st.text(), st.sampled_from(["", "conseils", "guides/2019"]))
def test_an_image_path_never_leaves_the_content_folder(written, folder):
    path = images.content_path(written, folder)
    assert path is None or not (path.startswith(("/", "../")) or path in ("", ".", ".."))


def test_the_header_says_the_path_the_alt_and_the_line():
    header = parse_header(
        "Title: Titre\nImage: {static}/images/a.jpg\nImage-Alt: Une salle pleine\n\nTexte.\n"
    )
    assert images.declared(header, "conseils") == ImageField(
        "{static}/images/a.jpg", "images/a.jpg", "Une salle pleine", 2
    )
    decorative = parse_header("Title: Titre\nImage: images/a.jpg\nImage-Alt:\n\nTexte.\n")
    assert images.declared(decorative, "conseils").alt == ""
    missing = parse_header("Title: Titre\nImage: images/a.jpg\n\nTexte.\n")
    assert images.declared(missing, "conseils").alt is None
    assert images.declared(parse_header("Title: Titre\nImage:\n\nTexte.\n"), "conseils") is None


def svg(tmp_path: Path, root: str, prolog: str = "") -> Path:
    path = tmp_path / "dessin.svg"
    path.write_text(f'{prolog}<svg xmlns="http://www.w3.org/2000/svg" {root}/>', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("root", "size"),
    [
        ('width="320" height="200"', (320, 200)),
        ('width="320px" height="200.4px" viewBox="0 0 10 10"', (320, 200)),
        ('viewBox="0 0 320 200"', (320, 200)),
        ('width="100%" viewBox="0,0,640,360"', (640, 360)),
        ('width="640" viewBox="0 0 320 200"', (640, 400)),
        ('height="100" viewBox="0 0 320 200"', (160, 100)),
        ('width="10em" height="5em"', None),
        ("", None),
    ],
)
def test_svg_size_from_width_height_and_view_box(tmp_path, root, size):
    assert images.measure(svg(tmp_path, root)) == size


def test_svg_with_entities_or_not_svg_is_left_without_size(tmp_path):
    bomb = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    assert images.measure(svg(tmp_path, 'width="1" height="1"', bomb)) is None
    other = tmp_path / "autre.svg"
    other.write_text('<html width="10" height="10"/>', encoding="utf-8")
    assert images.measure(other) is None
    broken = tmp_path / "casse.svg"
    broken.write_text("<svg", encoding="utf-8")
    assert images.measure(broken) is None


def jpeg(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    """A plain JPEG of ``size``, with an EXIF orientation when given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    Image.new("RGB", size, (233, 196, 106)).save(path, "JPEG", exif=exif)
    return path


@pytest.mark.parametrize(
    ("orientation", "size"), [(None, (400, 300)), (3, (400, 300)), (6, (300, 400)), (8, (300, 400))]
)
def test_raster_size_as_browsers_turn_it(tmp_path, orientation, size):
    assert images.measure(jpeg(tmp_path / "photo.jpg", (400, 300), orientation)) == size


def test_an_unreadable_raster_has_no_size(tmp_path):
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"pas une image")
    assert images.measure(fake) is None


def test_sizes_are_measured_once_and_again_when_the_file_changes(tmp_path, monkeypatch):
    content, memo = tmp_path / "content", tmp_path / "cache" / "images-sizes.json"
    (content / "images").mkdir(parents=True)
    photo = jpeg(content / "images" / "photo.jpg", (1200, 630))
    jpeg(content / "images" / "autre.jpg", (10, 10))
    measured = []
    measure = images.measure
    monkeypatch.setattr(images, "measure", lambda path: measured.append(path) or measure(path))

    first = ImageSizes(content, memo)
    assert first.size("images/photo.jpg") == (1200, 630)
    assert first.size("images/autre.jpg") == (10, 10)
    first.save()
    saved = json.loads(memo.read_text(encoding="utf-8"))["sizes"]
    assert sorted(saved) == ["images/autre.jpg", "images/photo.jpg"]  # relative, never absolute
    assert len(measured) == 2

    # The next build: nothing opened; an image no longer asked for is forgotten.
    second = ImageSizes(content, memo)
    assert second.size("images/photo.jpg") == (1200, 630)
    second.save()
    assert len(measured) == 2
    assert sorted(json.loads(memo.read_text(encoding="utf-8"))["sizes"]) == ["images/photo.jpg"]

    # The image replaced by another: measured again.
    jpeg(photo, (800, 600))
    stat = photo.stat()
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert ImageSizes(content, memo).size("images/photo.jpg") == (800, 600)
    assert len(measured) == 3


@pytest.mark.parametrize("damage", ["{", '{"format": 1, "sizes": {"a.jpg": "x"}}', "[]"])
def test_a_damaged_memo_is_measured_again(tmp_path, damage):
    content, memo = tmp_path / "content", tmp_path / "images-sizes.json"
    content.mkdir()
    jpeg(content / "a.jpg", (30, 20))
    memo.write_text(damage, encoding="utf-8")
    assert ImageSizes(content, memo).size("a.jpg") == (30, 20)


def test_an_image_browsers_do_not_show_is_a_problem(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "scan.tiff").write_bytes(b"II*\x00")
    image = ImageField("images/scan.tiff", "images/scan.tiff", "Un scan", 6)
    [problem] = validation.check_image("content/conseils/a.md", image, str(tmp_path))
    assert plain(str(problem)) == (
        "content/conseils/a.md:6 : image « images/scan.tiff » dans un format que les "
        "navigateurs n’affichent pas : enregistrez-la en JPEG, PNG, WebP, AVIF, GIF ou SVG"
    )
    outside = ImageField("https://exemple.org/a.jpg", None, "", 6)
    assert "introuvable" in str(validation.check_image("a.md", outside, str(tmp_path))[0])
