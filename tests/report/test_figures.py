"""Figures and tables of the known site that the other tests do not check."""

from __future__ import annotations

import json

import pytest

from report.cli import run
from report.period import ReportError

from .conftest import NOW, PUBLIC, _comment, _store, make_content, settings_for
from .test_report import _figures, _html_rows, _table


def test_free_events(november):
    # The cancelled meetup was free; the afterwork cost 5,000 FCFA.
    assert _figures(november, "evenements")["gratuits"] == (1, 0)
    rows = _table(november, "evenements", "evenements")
    assert [r[4] for r in rows] == ["5\u202f000\u00a0FCFA", "Gratuit"]


def test_tone_per_article(november):
    # Premier conseil: Awa thanks (positive), Bob disagrees (negative), the troll's insult
    # (negative whatever its words), the held question (neutral); the lesson's thanks.
    assert _table(november, "ton", "ton-par-article") == [
        ("Premier conseil", 1, 1, 2, 25, 50),
        ("Leçon\u00a0: Introduction", 1, 0, 0, 100, 0),
    ]


def test_articles_and_lessons_tables(november):
    assert _table(november, "publications", "articles") == [
        ("Premier conseil", "3\u00a0novembre 2026", "Conseils", "Koffi Mensah", 390, 2),
        ("Un guide", "17\u00a0novembre 2026", "Guides pratiques", "Aïcha Diallo", 195, 1),
    ]
    data = json.loads((november / "rapport.json").read_text(encoding="utf-8"))
    tables = data["sections"]["publications"]["tableaux"]
    assert tables["articles"]["adresses"] == [f"{PUBLIC}/premier-conseil/", f"{PUBLIC}/un-guide/"]
    assert _table(november, "publications", "lecons") == [
        ("Introduction", "Un cours", "10\u00a0novembre 2026")
    ]
    assert tables["lecons"]["adresses"] == [f"{PUBLIC}/formations/cours/intro/"]
    assert _html_rows(november, "articles")[0] == (
        "Premier conseil", "3\u00a0novembre 2026", "Conseils", "Koffi Mensah", "390", "2"
    )  # fmt: skip


def test_most_viewed_pages(november):
    # Robots, style sheets and 404s are not page views.
    assert _table(november, "audience", "pages-les-plus-vues") == [
        ("/premier-conseil/", 5),
        ("/recherche/", 1),
        ("/un-guide/", 1),
    ]


def test_racism_is_held_and_negative(tmp_path):
    content = make_content(tmp_path / "content")
    store = content / "comments" / "un-guide.json"
    racist = "Retourne dans ton pays, sale nègre."
    _store(store, "un-guide", [_comment("t:9", "Anonyme", "2026-11-18T09:00:00Z", racist)])
    folder = run(
        settings_for(content, tmp_path),
        tmp_path,
        ["--du", "2026-11-01", "--au", "2026-11-30", "--sans-pdf"],
        now=NOW,
    )
    assert _table(folder, "conversation", "moderation") == [
        ("insulte", 1),
        ("propos raciste", 1),
        ("spam", 1),
    ]
    assert _figures(folder, "ton")["ton_négatif"] == (3, 0)
    quoted = " ".join(row[2] for row in _table(folder, "ton", "ton-exemples"))
    assert "pays" not in quoted


def test_missing_chromium_gets_a_french_line(tmp_path, monkeypatch):
    monkeypatch.setattr("quality.serve.CHROMIUM", tmp_path / "absent" / "chromium")
    content = make_content(tmp_path / "content")
    with pytest.raises(ReportError) as raised:
        run(settings_for(content, tmp_path), tmp_path, ["--du", "2026-11-01"], now=NOW)
    folder = tmp_path / "rapports" / "2026-11"
    assert str(raised.value) == (
        "PDF non imprimé\u00a0: Chromium est absent de cette machine\u202f; le rapport HTML et "
        f"les CSV sont dans {folder}/. Installez Chromium (make test, ou apt-get install "
        "chromium) ou relancez avec --sans-pdf"
    )
    assert (folder / "rapport.html").is_file() and not (folder / "rapport.pdf").exists()


def test_events_by_place(november):
    # The cancelled meetup in Lomé took place nowhere.
    assert _table(november, "evenements", "evenements-par-lieu") == [("Abidjan", "Le Baobab", 1, 0)]
    csv = (november / "evenements-par-lieu.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines() == ["Ville;Lieu;Tenus;À venir", "Abidjan;Le Baobab;1;0"]
