"""`invoke build` twice: the second time there is nothing to do, unless something changed."""

from __future__ import annotations

import os

from tests.conftest import copy_content, run_task

NOTHING = "Rien à reconstruire"


def test_second_build_does_nothing_until_a_file_changes(tmp_path):
    content = copy_content(tmp_path)
    output = tmp_path / "out"
    first = run_task("pelicanconf.py", content, output)
    assert first.returncode == 0, first.stderr
    assert "Site construit" in first.stdout
    second = run_task("pelicanconf.py", content, output)
    assert NOTHING in second.stdout
    article = content / "conseils" / "veille.md"
    stat = article.stat()
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    third = run_task("pelicanconf.py", content, output)
    assert "Site construit" in third.stdout and NOTHING not in third.stdout
    (output / "index.html").unlink()
    fourth = run_task("pelicanconf.py", content, output)
    assert "Site construit" in fourth.stdout
    assert (output / "index.html").is_file()


def test_problems_are_told_again_on_every_build(tmp_path):
    content = copy_content(tmp_path)
    (content / "conseils" / "casse.md").write_text(
        "Title: Cassé\nDate: 32/13/2019\n\nTexte.\n", encoding="utf-8"
    )
    # A broken link does not stop the page; it must still be told on every build.
    (content / "conseils" / "lien.md").write_text(
        "Title: Un lien\nDate: 2025-04-01 10:00\n\nVoir [ceci]({filename}/absent.md).\n",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    for _ in range(2):
        result = run_task("pelicanconf.py", content, output)
        said = result.stderr.replace("\u00a0", " ")
        assert "casse.md:2 : date" in said
        assert "lien.md:4 : lien interne" in said
        assert NOTHING not in result.stdout
