"""A source outside every content folder is told, never ignored in silence."""

from __future__ import annotations

import logging

from blog.placement import unclaimed
from tests.conftest import build_site, copy_content, plain, run_task, warnings_said

ARTICLE = "Title: Mon premier article\nDate: 2025-05-02 09:00\n\nBonjour à toutes et à tous.\n"
ADVICE = (
    "premier-article.md : fichier ignoré par la construction, ni article, ni page, "
    "ni événement, ni formation ; déplacez-le dans content/interviews/, content/conseils/ "
    "ou content/guides/ (ou content/pages/ pour une page), ou ajoutez son dossier à "
    "BLOG_IGNORED_PATHS dans pelicanconf.py"
)


def test_an_article_at_the_top_of_content_is_told_once(tmp_path, caplog):
    content = copy_content(tmp_path)
    (content / "premier-article.md").write_text(ARTICLE, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, content=content, PROOFREAD_ENABLED=False)
    said = [w for w in warnings_said(caplog) if "ignoré par la construction" in w]
    assert len(said) == 1 and said[0].endswith(ADVICE), said
    assert said[0].startswith(str(content))
    # Everything else is built, and nothing else is said of the sample site.
    assert site.path("/organiser-sa-veille-sans-y-passer-ses-journees/").is_file()
    assert warnings_said(caplog) == said


def test_publishing_refuses_while_a_source_is_misplaced(tmp_path):
    content = copy_content(tmp_path)
    (content / "premier-article.md").write_text(ARTICLE, encoding="utf-8")
    result = run_task("publishconf.py", content, tmp_path / "out")
    assert result.returncode == 1
    assert ADVICE in plain(result.stderr)
    assert not (tmp_path / "out" / "index.html").exists()


def test_declared_folders_and_ignored_files_are_left_alone(tmp_path, caplog):
    content = copy_content(tmp_path)
    (content / "notes").mkdir()
    (content / "notes" / "idees.md").write_text("Des idées en vrac.\n", encoding="utf-8")
    (content / ".brouillon.md").write_text(ARTICLE, encoding="utf-8")
    # The comment store's folder: the author's notes on moderation beside the threads.
    (content / "comments" / "LISEZMOI.md").write_text("Règles maison.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        build_site(tmp_path, content=content, PROOFREAD_ENABLED=False, BLOG_IGNORED_PATHS=["notes"])
    assert not [w for w in warnings_said(caplog) if "ignoré par la construction" in w]


def test_unclaimed_sources_are_found_anywhere_but_where_they_belong(tmp_path):
    for name in ("a.md", "conseils/b.md", "images/c.rst", "notes/d.md", "x/.e.md", "f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "g.md.swp").write_text("x", encoding="utf-8")
    found = unclaimed(tmp_path, {"conseils/b.md"}, ["notes/"], ["*.swp"])
    assert found == ["a.md", "images/c.rst"]
