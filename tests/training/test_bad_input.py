"""Broken course sources: one French line naming file and line; the rest still builds."""

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

NBSP = "\u00a0"
COURSE = "formations/devenir-community-manager"

BROKEN = {
    # No index.md in this folder: the lesson has no course.
    "formations/orpheline/01-seule.md": "Title: Une leçon seule\n\nTexte.\n",
    # Order 3 is already taken by 03-ecouter-et-veiller.md.
    f"{COURSE}/doublon.md": (
        "Title: Une leçon en double\nDuration: 10 min\nLesson-Order: 3\n\nTexte.\n"
    ),
    # The second question has no right answer; the first one is fine.
    f"{COURSE}/09-bilan.md": (
        "Title: Faire le bilan\n"
        "Duration: 15 min\n"
        "Skills: analyse\n"
        "\n"
        "Texte de la leçon.\n"
        "\n"
        "```autoevaluation\n"
        "? Un bilan se fait une fois par an.\n"
        "Réponse : faux\n"
        "Explication : une fois par mois, c’est mieux.\n"
        "\n"
        "? Quel chiffre regarder ?\n"
        "- [ ] Les abonnés\n"
        "- [ ] Les mentions\n"
        "Explication : aucune réponse n’est cochée.\n"
        "```\n"
    ),
}
EXPECTED = [
    "formations/orpheline/01-seule.md:1 : leçon sans cours : formations/orpheline/index.md "
    "n’existe pas ; créez-le (Title, Summary, Level…) ou rangez la leçon dans le dossier "
    "de son cours",
    f"{COURSE}/doublon.md:3 : ordre 3 déjà pris par 03-ecouter-et-veiller.md ; donnez à "
    "chaque leçon un numéro différent (préfixe du nom de fichier ou Lesson-Order)",
    f"{COURSE}/09-bilan.md:12 : question sans bonne réponse ; cochez-en une avec [x]",
]


@pytest.fixture
def broken_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "formations", content / "formations")
    for name, text in BROKEN.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    return content


def test_development_build_names_file_and_line_and_builds_the_rest(
    tmp_path, broken_content, caplog
):
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, content=broken_content)
    assert_told_once_each(warnings_said(caplog), EXPECTED, broken_content)
    # The good lessons are all there, the bilan lesson with its one good question.
    course = site.html(f"/{COURSE}/")
    assert len(course.select("ol.syllabus > li")) == 9
    assert site.html(f"/{COURSE}/ecouter-et-veiller/").h1.text.startswith("Écouter")
    assert not site.path(f"/{COURSE}/doublon/").exists()
    assert not site.path("/formations/orpheline/").exists()
    bilan = site.html(f"/{COURSE}/bilan/")
    assert bilan.select_one(".lesson-count").text == "Leçon 9 sur 9"
    assert len(bilan.select("fieldset.question")) == 1
    assert len(site.html("/formations/").select(".course-card")) == 1


def test_strict_build_refuses_and_writes_nothing(tmp_path, broken_content):
    with pytest.raises(ContentError) as refused:
        build_site(tmp_path, content=broken_content, CONTENT_STRICT=True)
    assert sorted(plain(str(p)).split("/content/", 1)[1] for p in refused.value.problems) == (
        sorted(EXPECTED)
    )
    assert not (tmp_path / "output" / "formations").exists()


def test_publish_stops_with_french_lines_and_no_traceback(tmp_path, broken_content):
    result = run_task("publishconf.py", broken_content, tmp_path / "out")
    assert result.returncode == 1
    err = plain(result.stderr)
    assert "Traceback" not in err
    for expected in EXPECTED:
        assert expected in err
    assert "Publication refusée : 3 problèmes dans le contenu" in err
    assert not (tmp_path / "out" / "formations").exists()
