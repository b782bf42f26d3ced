"""The report as a document: axe finds no violation, the Nu checker no error, the PDF reads."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from quality.browser import axe_script
from quality.validity import vnu_jar


def test_pdf_has_numbered_pages_and_text(november):
    reader = PdfReader(november / "rapport.pdf")
    assert len(reader.pages) >= 3
    first = reader.pages[0]
    # A4 in points, within rounding.
    assert abs(float(first.mediabox.width) - 595) < 2
    assert abs(float(first.mediabox.height) - 842) < 2
    text = " ".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")
    assert "Rapport d’activité de la communauté" in text
    assert "Premier conseil" in text
    assert f"Page 1 sur {len(reader.pages)}" in text
    assert f"Page {len(reader.pages)} sur {len(reader.pages)}" in text


def test_html_passes_axe(november, page):
    page.goto((november / "rapport.html").as_uri())
    page.evaluate(axe_script())
    violations = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    assert [(v["id"], v["help"]) for v in violations] == []


@pytest.mark.skipif(shutil.which("java") is None, reason="Java absent (make test l’installe)")
def test_html_passes_the_nu_checker(november):
    completed = subprocess.run(
        ["java", "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
         str(november / "rapport.html")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    assert [m["message"] for m in messages if m.get("type") == "error"] == []


def test_charts_have_visible_titles_kept_with_their_tables(november):
    from bs4 import BeautifulSoup

    html = (november / "rapport.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    titles = [f.figcaption.get_text(strip=True) for f in soup.find_all("figure")]
    assert titles == [
        "Articles publiés par semaine",
        "Commentaires reçus par semaine",
        "Articles les plus commentés",
        "Ton des commentaires par semaine",
        "Événements par type",
    ]
    style = soup.style.get_text()
    assert "caption { break-after: avoid; }" in style
    assert "table.court, table.summary { break-inside: avoid; }" in style
    # Printed: the title above the chart, and the table's caption below it.
    reader = PdfReader(november / "rapport.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert text.count("Ton des commentaires par semaine") == 2
