"""Broken content gets one French line naming the file and the line; the rest still builds."""

from __future__ import annotations

import logging
import shutil

import pytest

from cmcore.problems import ContentError
from tests.conftest import (
    ROOT,
    assert_told_once_each,
    build_site,
    plain,
    run_task,
    warnings_said,
)

DATA = ROOT / "tests" / "data" / "blog" / "site"
NBSP = "\u00a0"

BROKEN = {
    "conseils/date-illisible.md": (
        "Title: Une date impossible\nAuthor: Koffi Mensah\nDate: 32/13/2019\n\nTexte.\n"
    ),
    "conseils/entete-casse.md": (
        "Title: Un en-tête cassé\nDate 2025-01-01 10:00\nTags: essai\n\nTexte.\n"
    ),
    "guides/sans-titre.md": "Date: 2025-02-01 10:00\nTags: essai\n\nTexte sans titre.\n",
    "interviews/categorie-inconnue.md": (
        "Title: Une catégorie inconnue\nDate: 2025-03-01 10:00\nCategory: Recettes\n\nTexte.\n"
    ),
}
EXPECTED = [
    "date-illisible.md:3 : date « 32/13/2019 » illisible, écrivez AAAA-MM-JJ HH:MM",
    "entete-casse.md:2 : en-tête cassé : la ligne « Date 2025-01-01 10:00 » n'est pas de la forme "
    "« Clé: valeur » ; ajoutez les deux-points, ou une ligne vide avant le texte",
    "sans-titre.md:1 : titre manquant : ajoutez en tête du fichier une ligne "
    "« Title: Le titre de l’article »",
    "categorie-inconnue.md:3 : catégorie « Recettes » inconnue : choisissez parmi interviews, "
    "conseils, guides, ou ajoutez-la à BLOG_CATEGORIES dans pelicanconf.py",
]


@pytest.fixture
def broken_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA, content)
    for name, text in BROKEN.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def test_development_build_warns_once_per_problem_and_builds_the_rest(
    tmp_path, broken_content, caplog
):
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, content=broken_content)
    # Each problem said once, naming its file; nothing else, in English or otherwise.
    assert_told_once_each(warnings_said(caplog), EXPECTED, broken_content)
    # The 14 good articles are all there; the broken ones are not published.
    cards = {a.text for url in ("/", "/page/2/") for a in site.html(url).select(".card-title a")}
    assert len(cards) == 14
    assert not site.path("/une-date-impossible/").exists()


def test_strict_build_refuses_and_writes_nothing(tmp_path, broken_content):
    with pytest.raises(ContentError) as refused:
        build_site(tmp_path, content=broken_content, CONTENT_STRICT=True)
    assert len(refused.value.problems) == 4
    assert not (tmp_path / "output" / "index.html").exists()


def test_publish_exits_non_zero_with_french_lines_and_no_traceback(tmp_path, broken_content):
    result = run_task("publishconf.py", broken_content, tmp_path / "out")
    assert result.returncode == 1
    err = plain(result.stderr)
    assert "Traceback" not in err
    for expected in EXPECTED:
        assert expected in err
    assert "Publication refusée : 4 problèmes dans le contenu" in err


def test_a_refused_publish_leaves_the_last_site_as_it_was(tmp_path, broken_content):
    good = tmp_path / "bon"
    shutil.copytree(DATA, good)
    out = tmp_path / "out"
    assert run_task("publishconf.py", good, out).returncode == 0
    (out / "mon-fichier.txt").write_text("à moi\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert out / "index.html" in before
    result = run_task("publishconf.py", broken_content, out)
    assert result.returncode == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # An accepted publish starts from an empty folder, as Pelican's own would.
    assert run_task("publishconf.py", good, out).returncode == 0
    assert (out / "index.html").exists()
    assert not (out / "mon-fichier.txt").exists()


def test_the_summary_tells_skipped_files_from_files_published_with_a_problem(
    tmp_path, broken_content
):
    (broken_content / "conseils" / "image-absente.md").write_text(
        "Title: Une image absente\nDate: 2025-05-01 10:00\n\n"
        "Voici ![un schéma]({static}/images/absent.png) du tunnel.\n",
        encoding="utf-8",
    )
    result = run_task("pelicanconf.py", broken_content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    said = plain(result.stdout)
    assert "4 fichiers en erreur, non publiés ; 1 fichier publié avec des problèmes" in said
    assert (tmp_path / "out" / "une-image-absente" / "index.html").exists()


def test_build_task_exits_zero_and_says_what_was_skipped(tmp_path, broken_content):
    result = run_task("pelicanconf.py", broken_content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "attention : " in result.stderr
    assert "4 fichiers en erreur, non publiés" in plain(result.stdout)


def test_a_link_to_a_missing_source_is_told_with_its_line_and_the_page_still_built(
    tmp_path, caplog
):
    content = tmp_path / "content"
    shutil.copytree(DATA, content)
    (content / "conseils" / "liens.md").write_text(
        "Title: Des liens\nDate: 2025-04-01 10:00\n\nUn premier paragraphe.\n\n"
        "Lisez [ce guide]({filename}/guides/absent.md) et "
        "[celui-ci]({filename}../guides/premier-juin.md).\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, content=content)
    warnings = warnings_said(caplog)
    assert any(
        w.endswith(
            "liens.md:6 : lien interne vers « /guides/absent.md » introuvable : vérifiez "
            "le chemin, relatif au dossier content/ s’il commence par /"
        )
        for w in warnings
    ), warnings
    assert not any("Unable to find" in w for w in warnings)
    page = site.html("/des-liens/")
    assert page.find("a", string="celui-ci")["href"] == "/un-guide-publie-le-premier-juin/"
