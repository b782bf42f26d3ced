"""A re-run replaces the report's folder: this run's files only, the author's kept."""

from __future__ import annotations

import shutil

import pytest

from report.cli import run
from report.document import MANIFEST
from report.period import ReportError

from .conftest import NOW, make_content, settings_for


def test_a_rerun_leaves_no_stale_file(november, tmp_path):
    folder = tmp_path / "rapports" / "2026-11"
    shutil.copytree(november, folder)  # a run with logs and a PDF
    assert (folder / "rapport.pdf").is_file() and (folder / "pages-les-plus-vues.csv").is_file()
    (folder / "notes.txt").write_text("À dire au directeur.\n", encoding="utf-8")
    (folder / "annexes").mkdir()
    (folder / "annexes" / "photo.jpg").write_bytes(b"jpg")
    content = make_content(tmp_path / "content")

    written = run(
        settings_for(content, tmp_path),
        tmp_path,
        ["--du", "2026-11-01", "--au", "2026-11-30", "--sans-pdf"],
        now=NOW,
    )

    assert written == folder
    names = {p.name for p in folder.iterdir()}
    listed = set((folder / MANIFEST).read_text(encoding="utf-8").split())
    assert names == listed | {MANIFEST, "notes.txt", "annexes"}
    assert "rapport.pdf" not in names  # it would no longer match the HTML
    assert not [n for n in names if n.startswith(("pages-", "sites-", "recherches"))]
    assert {"rapport.html", "rapport.json", "articles.csv"} <= names
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "À dire au directeur.\n"
    assert (folder / "annexes" / "photo.jpg").read_bytes() == b"jpg"
    # Nothing left beside it: no temporary folder, no old copy.
    assert [p.name for p in folder.parent.iterdir()] == ["2026-11"]
    # Readable as any folder the author makes (not a private temporary one).
    (tmp_path / "témoin").mkdir()
    assert folder.stat().st_mode == (tmp_path / "témoin").stat().st_mode


def test_a_failed_run_leaves_the_folder_as_it_was(november, tmp_path, monkeypatch):
    def broken_printer(html, pdf):
        pdf.write_bytes(b"%PDF-1.7 (moiti")
        raise RuntimeError("le navigateur s’est arrêté")

    monkeypatch.setattr("report.pdf.print_pdf", broken_printer)
    folder = tmp_path / "rapports" / "2026-11"
    shutil.copytree(november, folder)
    before = sorted(p.name for p in folder.iterdir())
    content = make_content(tmp_path / "content")
    with pytest.raises(RuntimeError):
        run(settings_for(content, tmp_path), tmp_path, ["--du", "2026-11-01"], now=NOW)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert [p.name for p in folder.parent.iterdir()] == ["2026-11"]


def test_a_folder_that_is_not_a_reports_is_left_alone(tmp_path):
    content = make_content(tmp_path / "content")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "budget.ods").write_bytes(b"ods")
    with pytest.raises(ReportError) as raised:
        run(
            settings_for(content, tmp_path),
            tmp_path,
            ["--du", "2026-11-01", "--sortie", str(elsewhere), "--sans-pdf"],
            now=NOW,
        )
    assert "n’est pas celui d’un rapport" in str(raised.value)
    assert [p.name for p in elsewhere.iterdir()] == ["budget.ods"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ailleurs", "cache", "content"]
