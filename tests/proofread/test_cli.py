"""The `invoke proofread` command: JSON, compiler-like text, exit codes, --fix-typography."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from proofread.cli import run
from proofread.finding import CATEGORIES, JSON_FIELDS

from .conftest import ROOT

TYPO = "Title: Un essai\n\nLa publiccation du programme est prête.\n"
AUTOFIX_ONLY = "Title: Un essai\n\nBonjour! L'équipe répond `a:b` vite...\n"


def _run(paths, **options):
    out = io.StringIO()
    code = run([str(p) for p in paths], ROOT, out=out, **options)
    return code, out.getvalue()


def test_json_contract(tmp_path):
    source = tmp_path / "x.md"
    source.write_text(TYPO, encoding="utf-8")
    code, out = _run([source], fmt="json")
    assert code == 0
    findings = json.loads(out)
    assert isinstance(findings, list) and findings
    for finding in findings:
        assert tuple(finding) == JSON_FIELDS
        assert finding["category"] in CATEGORIES
        assert isinstance(finding["suggestions"], list)
        assert isinstance(finding["autofix"], bool)
    (spelling,) = [f for f in findings if f["category"] == "spelling"]
    assert (spelling["line"], spelling["column"], spelling["end_column"]) == (3, 4, 16)
    assert spelling["suggestions"][0] == "publication"
    assert "publiccation" in spelling["message"]


def test_text_reads_like_a_compiler(tmp_path):
    source = tmp_path / "x.md"
    source.write_text(TYPO, encoding="utf-8")
    _code, out = _run([source])
    line = out.splitlines()[0]
    assert line.endswith(":3:4: orthographe\u00a0: «\u00a0publiccation\u00a0» → publication")


def test_strict_exit_codes(tmp_path):
    bad, fine = tmp_path / "bad.md", tmp_path / "fine.md"
    bad.write_text(TYPO, encoding="utf-8")
    fine.write_text(AUTOFIX_ONLY, encoding="utf-8")
    assert _run([bad], strict=True)[0] == 1
    assert _run([bad])[0] == 0
    code, out = _run([fine], strict=True)
    assert code == 0  # typography fixed at render time never blocks
    assert "corrigé" in out


def test_fix_typography_keeps_a_backup_and_changes_only_typography(tmp_path):
    source = tmp_path / "x.md"
    source.write_text(AUTOFIX_ONLY, encoding="utf-8")
    code, out = _run([source], fix_typography=True)
    assert code == 0
    assert (tmp_path / "x.md.bak").read_text(encoding="utf-8") == AUTOFIX_ONLY
    fixed = source.read_text(encoding="utf-8")
    assert fixed == "Title: Un essai\n\nBonjour\u202f! L’équipe répond `a:b` vite…\n"
    assert "-Bonjour! L'équipe" in out and "+Bonjour\u202f! L’équipe" in out


def test_html_report_is_standalone(tmp_path):
    source = tmp_path / "x.md"
    source.write_text(TYPO, encoding="utf-8")
    report = tmp_path / "rapport.html"
    code, _ = _run([source], fmt="html", html_path=str(report))
    html = report.read_text(encoding="utf-8")
    assert code == 0 and html.startswith("<!doctype html>")
    assert "<mark>publiccation</mark>" in html


def test_invoke_command_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(TYPO, encoding="utf-8")
    fine = tmp_path / "fine.md"
    fine.write_text(AUTOFIX_ONLY, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "proofread",
            str(bad),
            str(fine),
            "--format",
            "json",
            "--strict",
        ],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    files = {f["file"] for f in json.loads(result.stdout)}
    assert len(files) == 2


def test_site_content_passes_strict():
    out = io.StringIO()
    assert run([], ROOT, strict=True, out=out) == 0, out.getvalue()
