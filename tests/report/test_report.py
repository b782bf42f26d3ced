"""The report of a known site: every figure, every chart's table, bad input, empty period."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from report.cli import run
from report.period import Period, ReportError, choose

from .conftest import NOW, ROOT, make_content, settings_for


def _figures(folder, section):
    data = json.loads((folder / "rapport.json").read_text(encoding="utf-8"))
    found = data["sections"][section]["chiffres"]
    return {key: (v["periode"], v["periode_precedente"]) for key, v in found.items()}


def _table(folder, section, key):
    data = json.loads((folder / "rapport.json").read_text(encoding="utf-8"))
    return [tuple(row) for row in data["sections"][section]["tableaux"][key]["lignes"]]


def _html_rows(folder, key):
    soup = BeautifulSoup((folder / "rapport.html").read_text(encoding="utf-8"), "html.parser")
    table = soup.find("table", id=f"tableau-{key}")
    return [
        tuple(cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"]))
        for tr in table.tbody.find_all("tr")
    ]


def test_files_written(november):
    assert november.name == "2026-11"
    for name in ("rapport.html", "rapport.pdf", "rapport.json", "articles.csv", "moderation.csv"):
        assert (november / name).is_file(), name
    csv = (november / "articles-par-categorie.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines() == [
        "Catégorie;Période;Période précédente;Évolution",
        "Conseils;1;1;=",
        "Guides pratiques;1;0;nouveau",
    ]


def test_the_build_cache_is_left_alone(november):
    # The report reads without the proofreading plugin: its reader cache is its own.
    cache = november.parents[1] / "cache"
    assert [p.name for p in cache.iterdir()] == ["rapport"]


def test_publications(november):
    figures = _figures(november, "publications")
    assert figures["articles"] == (2, 1)
    assert figures["mots"] == (585, 100)
    assert figures["lecture"] == (3, 1)  # 390 words: 2 min, 195: 1 min; 100: 1 min
    assert figures["evenements_annonces"] == (2, 1)
    assert figures["lecons"] == (1, 0)
    assert _table(november, "publications", "articles-par-auteur") == [
        ("Aïcha Diallo", 1, 0, "nouveau"),
        ("Koffi Mensah", 1, 1, "="),
    ]
    weeks = _table(november, "publications", "publications-par-semaine")
    assert [n for _, n in weeks] == [0, 1, 0, 1, 0, 0]
    assert _html_rows(november, "publications-par-semaine")[1] == ("sem. du 2 nov.", "1")


def test_conversation(november):
    figures = _figures(november, "conversation")
    assert figures["commentaires"] == (5, 1)
    assert figures["retenus"] == (2, 0)
    assert figures["publies"] == (3, 1)
    assert figures["commentateurs"] == (4, 1)
    assert figures["nouveaux"] == (3, 1)
    assert figures["fideles"] == (1, 0)
    assert figures["reponses"] == (1, 1)
    assert figures["delai_median"] == (2.0, 4.0)
    assert _table(november, "conversation", "moderation") == [("insulte", 1), ("spam", 1)]
    assert _table(november, "conversation", "retours-lecons") == [("Introduction", 1, 0, "nouveau")]
    assert _table(november, "conversation", "articles-les-plus-commentes") == [
        ("Premier conseil", 4)
    ]
    weeks = _table(november, "conversation", "commentaires-par-semaine")
    assert [n for _, n in weeks] == [0, 3, 0, 2, 0, 0]
    assert [row[1] for row in _html_rows(november, "commentaires-par-semaine")] == [
        "0", "3", "0", "2", "0", "0"
    ]  # fmt: skip


def test_tone(november):
    figures = _figures(november, "ton")
    assert figures["ton_positif"] == (2, 1)
    assert figures["ton_neutre"] == (1, 0)
    assert figures["ton_négatif"] == (2, 0)
    examples = _table(november, "ton", "ton-exemples")
    quoted = " ".join(row[2] for row in examples)
    assert "gueule" not in quoted  # held back by moderation: never quoted
    assert "Awa" not in quoted and "@" not in quoted
    html = (november / "rapport.html").read_text(encoding="utf-8")
    assert "pas un sondage" in html


def test_events(november):
    figures = _figures(november, "evenements")
    assert figures["tenus"] == (1, 0)
    assert figures["annules"] == (1, 0)
    assert figures["a_venir"] == (0, 0)
    assert _table(november, "evenements", "evenements-par-type") == [
        ("Afterwork", 1, 0, 0, 0, "nouveau"),
        ("Meetup", 0, 0, 1, 0, "nouveau"),
    ]
    rows = _table(november, "evenements", "evenements")
    assert [(r[0], r[3], r[5]) for r in rows] == [
        ("Afterwork de novembre", "Le Baobab", "tenu"),
        ("Meetup annulé", "Espace Ablodé", "annulé"),
    ]


def test_audience(november):
    figures = _figures(november, "audience")
    assert figures["pages_vues"] == (7, 1)
    assert figures["visiteurs"] == (4, 1)
    assert figures["robots"] == (1, 0)
    assert figures["erreurs_404"] == (1, 0)
    assert _table(november, "audience", "sites-referents") == [("facebook.com", 1)]
    assert _table(november, "audience", "recherches") == [("modération", 1)]
    assert _table(november, "audience", "pages-introuvables") == [("/ancien/", 1)]
    data = json.loads((november / "rapport.json").read_text(encoding="utf-8"))
    notes = " ".join(data["sections"]["audience"]["notes"])
    assert "13 lignes de journal lues, dont 1 illisible" in notes.replace("\u00a0", " ")
    text = (november / "rapport.json").read_text(encoding="utf-8")
    assert "1.1.1.1" not in text and "2.2.2.2" not in text


def test_comparison_tables_have_an_evolution_column(november):
    assert _table(november, "conversation", "commentaires-par-article") == [
        ("Premier conseil", 4, 0, "nouveau")
    ]
    # The same format as the key figures; a number column in the document.
    assert _html_rows(november, "articles-par-categorie") == [
        ("Conseils", "1", "1", "="),
        ("Guides pratiques", "1", "0", "nouveau"),
    ]
    soup = BeautifulSoup((november / "rapport.html").read_text(encoding="utf-8"), "html.parser")
    header = soup.find("table", id="tableau-articles-par-auteur").thead.find_all("th")
    assert (header[-1].get_text(), header[-1]["class"]) == ("Évolution", ["num"])


def test_key_figures_as_csv(november):
    lines = (november / "chiffres-conversation.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Indicateur;Période;Période précédente;Évolution"
    assert "Commentaires reçus;5;1;+4 (+400\u00a0%)" in lines
    assert "Réponses de l’auteur;1;1;=" in lines
    assert "Délai médian de première réponse (h);2,0;4,0;\u22122 (\u221250\u00a0%)" in lines
    events = (november / "chiffres-evenements.csv").read_text(encoding="utf-8-sig").splitlines()
    assert "Événements tenus;1;0;nouveau" in events
    for section in ("publications", "ton", "audience"):
        assert (november / f"chiffres-{section}.csv").is_file()
    data = json.loads((november / "rapport.json").read_text(encoding="utf-8"))
    assert data["sections"]["publications"]["chiffres"]["articles"]["evolution"] == (
        "+1 (+100\u00a0%)"
    )


def test_charts_are_accessible_svg(november):
    soup = BeautifulSoup((november / "rapport.html").read_text(encoding="utf-8"), "html.parser")
    svgs = soup.find_all("svg")
    assert len(svgs) == 5
    for svg in svgs:
        assert svg["role"] == "img"
        labelled = svg["aria-labelledby"].split()
        assert svg.find("title", id=labelled[0]).get_text()
        assert svg.find("desc", id=labelled[1]).get_text()
        assert not svg.find("script")
        # The data table comes right after the chart.
        assert svg.find_parent("figure").find_next_sibling("table")["id"].startswith("tableau-")


def test_chart_tables_in_the_document(november):
    # Each chart's data table, as the reader of the HTML (and the PDF) sees it.
    assert _html_rows(november, "ton-par-semaine") == [
        ("sem. du 26 oct.", "0", "0", "0"),
        ("sem. du 2 nov.", "1", "0", "2"),
        ("sem. du 9 nov.", "0", "0", "0"),
        ("sem. du 16 nov.", "1", "1", "0"),
        ("sem. du 23 nov.", "0", "0", "0"),
        ("sem. du 30 nov.", "0", "0", "0"),
    ]
    assert _html_rows(november, "evenements-par-type") == [
        ("Afterwork", "1", "0", "0", "0", "nouveau"),
        ("Meetup", "0", "0", "1", "0", "nouveau"),
    ]
    assert _html_rows(november, "articles-les-plus-commentes") == [("Premier conseil", "4")]


def test_empty_period_is_an_honest_empty_report(tmp_path):
    content = make_content(tmp_path / "content")
    folder = run(
        settings_for(content, tmp_path),
        tmp_path,
        ["--du", "2020-01-01", "--au", "2020-01-31", "--sans-pdf"],
        now=NOW,
    )
    for section in ("publications", "conversation", "ton", "evenements"):
        assert all(cur == 0 or cur is None for cur, _ in _figures(folder, section).values())
    html = (folder / "rapport.html").read_text(encoding="utf-8")
    assert "Aucun article publié sur la période." in html
    assert "Aucun commentaire reçu sur la période." in html
    assert "Aucun événement sur la période." in html


def test_period_choice():
    assert choose(None, None, dt.date(2026, 12, 4)) == Period(
        dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    )
    assert Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31)).previous() == Period(
        dt.date(2026, 9, 1), dt.date(2026, 9, 30)
    )
    assert Period(dt.date(2026, 11, 3), dt.date(2026, 11, 16)).previous() == Period(
        dt.date(2026, 10, 20), dt.date(2026, 11, 2)
    )
    try:
        choose("2026-11-30", "2026-11-01", dt.date(2026, 12, 4))
    except ReportError as error:
        assert "est après" in str(error)
    else:
        raise AssertionError("période à l’envers acceptée")


def test_wrong_date_format_gets_a_french_line():
    completed = subprocess.run(
        [sys.executable, "-m", "report.cli", "--du", "01/11/2026", "--sans-pdf"],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.replace("\u00a0", " ").strip() == (
        "erreur : --du « 01/11/2026 » : date illisible, écrivez AAAA-MM-JJ "
        "(par exemple --du 2026-11-01)"
    )


def test_missing_log_file_gets_a_french_line(tmp_path):
    content = make_content(tmp_path / "content")
    try:
        run(
            settings_for(content, tmp_path),
            tmp_path,
            ["--logs", "absent.log", "--sans-pdf"],
            now=NOW,
        )
    except ReportError as error:
        assert "fichier de journal introuvable" in str(error)
    else:
        raise AssertionError("journal absent accepté")


def test_empty_dates_get_a_french_line(monkeypatch, tmp_path, capsys):
    # « invoke rapport --du "" »: passed on and refused, not taken for « no date ».
    import tasks
    from report import cli

    seen = []
    monkeypatch.setattr(cli, "main", lambda argv: seen.append(argv) or 0)
    for options, argv in (({"du": ""}, ["--du", ""]), ({"au": ""}, ["--au", ""])):
        with pytest.raises(SystemExit):
            tasks.rapport.body(None, **options)
        assert seen.pop() == argv
    monkeypatch.undo()
    for option in ("--du", "--au"):
        # (--sortie: were it accepted, nothing would be written in the project)
        assert cli.main([option, "", "--sortie", str(tmp_path / "r"), "--sans-pdf"]) == 2
        assert capsys.readouterr().err.strip() == (
            f"erreur\u00a0: {option} est vide\u00a0: écrivez une date AAAA-MM-JJ "
            f"(par exemple {option} 2026-11-01) ou retirez l’option"
        )
    assert cli.parse_args(["--au=", "--sans-pdf"]) == {
        "du": None, "au": "", "logs": [], "pdf": False, "sortie": None
    }  # fmt: skip
