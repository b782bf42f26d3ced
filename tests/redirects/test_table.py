"""The table of redirections as the importer and the author use it: load, add, save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from redirects import table
from redirects.table import RedirectsError, normalise_new, normalise_old
from tests.conftest import plain

AUTHOR = (
    "# Mes redirections, à la main\n"
    "ancienne,nouvelle\n"
    "/2019/06/veille/,{filename}/conseils/veille.md\n"
    "\n"
    "# Les catégories de WordPress\n"
    "/category/conseils/,/categorie/conseils/\n"
)


@pytest.fixture
def authored(tmp_path) -> Path:
    path = tmp_path / "redirections.csv"
    path.write_text(AUTHOR, encoding="utf-8")
    return path


def test_missing_file_is_an_empty_table_and_nothing_is_written(tmp_path):
    path = tmp_path / "redirections.csv"
    redirections = table.load(path)
    assert len(redirections) == 0
    assert redirections.save() is False
    assert not path.exists()


def test_add_says_added_same_or_conflict_and_the_authors_line_wins(authored):
    redirections = table.load(authored)
    assert redirections.add("/?p=123", "{filename}/conseils/veille.md") == "added"
    assert redirections.add("/?p=123", "{filename}conseils/veille.md") == "same"
    assert redirections.add("2019/06/veille/", "{filename}/conseils/veille.md") == "same"
    assert redirections.add("/2019/06/veille/", "/ailleurs/") == "conflict"
    assert redirections.get("/2019/06/veille/").new == "{filename}/conseils/veille.md"
    assert [r.old for r in redirections] == ["/2019/06/veille/", "/category/conseils/", "/?p=123"]


def test_save_keeps_comments_order_and_appends_at_the_end(authored):
    redirections = table.load(authored)
    redirections.add("/?p=123", "{filename}/conseils/veille.md")
    redirections.add("/2019/06/veille/", "/ailleurs/")  # conflict: not written
    redirections.add("https://ancien.example/feed/", "/feeds/all.atom.xml")
    assert redirections.save() is True
    assert authored.read_text(encoding="utf-8") == AUTHOR + (
        "/?p=123,{filename}/conseils/veille.md\n/feed/,/feeds/all.atom.xml\n"
    )
    again = table.load(authored)
    assert [(r.old, r.line) for r in again][-2:] == [("/?p=123", 7), ("/feed/", 8)]


def test_save_writes_nothing_when_nothing_changed(authored):
    before = authored.stat().st_mtime_ns
    os.utime(authored, ns=(before - 10**9, before - 10**9))
    redirections = table.load(authored)
    assert redirections.add("/2019/06/veille/", "{filename}/conseils/veille.md") == "same"
    assert redirections.save() is False
    assert authored.stat().st_mtime_ns == before - 10**9
    redirections.add("/?p=1", "/")
    assert redirections.save() is True
    assert redirections.save() is False  # saved once, then nothing more to write


def test_save_is_atomic_and_leaves_no_temporary_file(authored):
    authored.chmod(0o640)
    redirections = table.load(authored)
    redirections.add("/?p=1", "/")
    redirections.save()
    assert sorted(p.name for p in authored.parent.iterdir()) == ["redirections.csv"]
    assert authored.stat().st_mode & 0o777 == 0o640


def test_a_new_table_starts_with_its_header(tmp_path):
    path = tmp_path / "content" / "redirections.csv"
    redirections = table.load(path)
    redirections.add("/?p=123", "{filename}/conseils/veille.md")
    assert redirections.save() is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert text.endswith("ancienne,nouvelle\n/?p=123,{filename}/conseils/veille.md\n")
    assert table.load(path).get("/?p=123").line == text.count("\n")


def test_a_table_changed_since_load_is_not_overwritten(authored):
    redirections = table.load(authored)
    redirections.add("/?p=1", "/")
    authored.write_text(AUTHOR + "/nouveau/,/\n", encoding="utf-8")
    with pytest.raises(RedirectsError) as refused:
        redirections.save()
    assert "a changé depuis sa lecture" in plain(str(refused.value))
    assert authored.read_text(encoding="utf-8").endswith("/nouveau/,/\n")


def test_crlf_bom_and_semicolons_of_a_spreadsheet_are_kept(tmp_path):
    path = tmp_path / "redirections.csv"
    original = "\ufeffancienne;nouvelle\r\n/a/;/b/\r\n"
    path.write_bytes(original.encode("utf-8"))
    redirections = table.load(path)
    assert [(r.old, r.new) for r in redirections] == [("/a/", "/b/")]
    redirections.add("/c/", "/d/")
    redirections.save()
    assert path.read_bytes() == (original + "/c/;/d/\r\n").encode("utf-8")


def test_an_address_with_a_comma_is_quoted(tmp_path):
    path = tmp_path / "redirections.csv"
    redirections = table.load(path)
    redirections.add("/a,b/", "/c/")
    redirections.save()
    assert path.read_text(encoding="utf-8").endswith('"/a,b/",/c/\n')
    assert table.load(path).get("/a,b/").new == "/c/"


def test_every_broken_line_is_named_with_what_to_do(tmp_path):
    path = tmp_path / "redirections.csv"
    path.write_text(
        "ancienne,nouvelle\n/a/,/b/\n/seule-colonne/\n/c/,veille.md\n/../etc/,/\n/a/,/autre/\n",
        encoding="utf-8",
    )
    with pytest.raises(RedirectsError) as broken:
        table.load(path)
    lines = plain(str(broken.value)).splitlines()
    assert lines == [
        f"{path}:3 : ligne illisible : il faut deux colonnes, « ancienne,nouvelle » ; entourez "
        "de guillemets droits une adresse qui contient une virgule",
        f"{path}:4 : nouvelle adresse « veille.md » illisible ; écrivez "
        "« {filename}/conseils/mon-article.md », un chemin du site commençant par / ou une "
        "adresse http(s)://",
        f"{path}:5 : ancienne adresse « /../etc/ » avec un segment « . » ou « .. » ; écrivez un "
        "chemin comme « /2019/06/mon-article/ » ou « /?p=123 »",
        f"{path}:6 : ancienne adresse « /a/ » déjà redirigée ligne 2 ; gardez une seule de ces "
        "deux lignes",
    ]
    assert [p.line for p in broken.value.problems] == [3, 4, 5, 6]
    # French typography: no-break spaces before the colon and the semicolon, in guillemets.
    assert "illisible\u00a0: il faut" in str(broken.value)
    assert "«\u00a0ancienne,nouvelle\u00a0»\u00a0;" in str(broken.value)


def test_a_table_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "redirections.csv"
    path.write_bytes("ancienne,nouvelle\n/caf\u00e9/,/\n".encode("latin-1"))
    with pytest.raises(RedirectsError) as broken:
        table.load(path)
    assert plain(str(broken.value)) == (
        f"{path}:2 : texte illisible en UTF-8 ; enregistrez le fichier en UTF-8"
    )


def test_add_refuses_an_unreadable_address(tmp_path):
    redirections = table.load(tmp_path / "redirections.csv")
    with pytest.raises(RedirectsError):
        redirections.add("", "/")
    with pytest.raises(RedirectsError):
        redirections.add("/a/", "ftp://example.org/")
    assert len(redirections) == 0


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("/2019/06/mon-article/", "/2019/06/mon-article/"),
        ("2019/06/mon-article", "/2019/06/mon-article"),
        ("?p=123", "/?p=123"),
        ("/?page_id=7", "/?page_id=7"),
        ("http://ancien.example/2019/06/x/?p=1#commentaires", "/2019/06/x/?p=1"),
        ("https://ancien.example", "/"),
        ("/caf%c3%a9/", "/caf%C3%A9/"),
        ("/café/", "/caf%C3%A9/"),
        ("/100%/", "/100%25/"),
        ("/mon article.html", "/mon%20article.html"),
    ],
)
def test_old_addresses_are_normalised(given, kept):
    assert normalise_old(given) == kept


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("{filename}conseils/veille.md", "{filename}/conseils/veille.md"),
        ("{filename}/./conseils//veille.md", "{filename}/conseils/veille.md"),
        ("/categorie/conseils/#debut", "/categorie/conseils/#debut"),
        ("/été/", "/%C3%A9t%C3%A9/"),
        ("HTTPS://example.org/a b", "https://example.org/a%20b"),
    ],
)
def test_new_addresses_are_normalised(given, kept):
    assert normalise_new(given) == kept


@pytest.mark.parametrize("given", ["{filename}", "{filename}/../secret.md", "veille.md", "//x/"])
def test_unreadable_new_addresses_are_refused(given):
    with pytest.raises(ValueError):
        normalise_new(given)


@given(st.one_of(st.text(max_size=40), st.text(max_size=20).map("http://{}".format)))
@example("HTTP:////")  # a path of two slashes, once read again as a host
def test_normalising_an_old_address_twice_changes_nothing(text):
    try:
        once = normalise_old(text)
    except ValueError as refused:
        assert str(refused).startswith("ancienne adresse")  # French, for the author
        return
    assert once.startswith("/")
    assert normalise_old(once) == once
    assert " " not in once and "#" not in once
