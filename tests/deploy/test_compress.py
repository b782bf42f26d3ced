"""Compressed siblings: the same bytes at every build, and they follow their files."""

from __future__ import annotations

import gzip
import os

import brotli
from hypothesis import given, settings
from hypothesis import strategies as st

from deploy.compress import brotli_bytes, compress_folder, gzip_bytes


@given(st.binary(max_size=2000))
@settings(max_examples=30, deadline=None)
def test_compressed_bytes_are_reproducible_and_lossless(data):
    assert gzip_bytes(data) == gzip_bytes(data)  # no time nor name in the gzip header
    assert gzip.decompress(gzip_bytes(data)) == data
    assert brotli.decompress(brotli_bytes(data)) == data


def test_siblings_follow_their_files(tmp_path):
    (tmp_path / "a").mkdir()
    page, style = tmp_path / "a" / "index.html", tmp_path / "style.css"
    page.write_text("<p>Bonjour</p>" * 50, encoding="utf-8")
    style.write_text("body { color: black; }", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" * 100)
    (tmp_path / "sauvegarde.tar.gz").write_bytes(b"not ours")

    first = compress_folder(tmp_path)
    assert (first.written, first.unchanged, first.removed) == (2, 0, 0)
    assert gzip.decompress((tmp_path / "a" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "photo.jpg.gz").exists()  # already compressed formats are left

    again = compress_folder(tmp_path)
    assert (again.written, again.unchanged, again.removed) == (0, 2, 0)

    page.write_text("<p>Changé</p>", encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    style.unlink()
    third = compress_folder(tmp_path)
    assert (third.written, third.unchanged, third.removed) == (1, 0, 2)
    assert (
        brotli.decompress((tmp_path / "a" / "index.html.br").read_bytes())
        == b"<p>Chang\xc3\xa9</p>"
    )
    assert not (tmp_path / "style.css.gz").exists() and not (tmp_path / "style.css.br").exists()
    assert (tmp_path / "sauvegarde.tar.gz").read_bytes() == b"not ours"


def test_a_content_is_compressed_once_across_builds(tmp_path):
    kept = tmp_path / "cache"
    first, second = tmp_path / "build1", tmp_path / "build2"
    for build, text in ((first, "<p>Premier</p>"), (second, "<p>Second</p>")):
        build.mkdir()
        (build / "index.html").write_text("<p>Accueil</p>" * 40, encoding="utf-8")
        (build / "page.html").write_text(text, encoding="utf-8")
    compress_folder(first, kept=kept)
    assert len(list(kept.iterdir())) == 4  # two contents, .gz and .br
    # What the next build finds kept is taken as it is, not compressed again: a kept
    # entry changed by hand shows through.
    for stored in kept.glob("*.br"):
        if brotli.decompress(stored.read_bytes()) == (first / "index.html").read_bytes():
            stored.write_bytes(brotli_bytes(b"kept"))
    compress_folder(second, kept=kept)
    assert brotli.decompress((second / "index.html.br").read_bytes()) == b"kept"
    assert brotli.decompress((second / "page.html.br").read_bytes()) == b"<p>Second</p>"
    # The first build's page, unused by the second, is no longer kept.
    assert len(list(kept.iterdir())) == 4
