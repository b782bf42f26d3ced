"""What a published site never holds: drafts, and markup smuggled through text."""

from __future__ import annotations

import shutil

from tests.conftest import ROOT, build_site

DATA = ROOT / "tests" / "data" / "blog" / "site"

DRAFT = """\
Title: Tarifs clients, à ne pas publier
Date: 2025-03-01 10:00
Status: draft

Nos tarifs confidentiels pour 2025.
"""

CODE_IN_SUMMARY = """\
Title: Les balises à éviter dans une légende
Date: 2026-01-02 10:00

N’écrivez jamais `<script>alert("x")</script>` ni `<img src=x onerror=alert(1)>` dans
une légende : la plateforme l’affiche tel quel.
"""


def site_with(tmp_path, **sources):
    content = tmp_path / "content"
    shutil.copytree(DATA, content)
    for name, text in sources.items():
        (content / "conseils" / f"{name}.md").write_text(text, encoding="utf-8")
    return content


def test_a_draft_is_previewed_in_development_but_never_published(tmp_path):
    content = site_with(tmp_path, tarifs=DRAFT)
    dev = build_site(tmp_path / "dev", content=content)
    assert dev.path("/brouillons/tarifs-clients-a-ne-pas-publier/").exists()
    build_site(tmp_path / "pub", content=content, settings_file="publishconf.py")
    published = tmp_path / "pub" / "output"
    assert (published / "index.html").exists()
    for path in published.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "Tarifs clients" not in text, path
            assert "tarifs confidentiels" not in text, path


def test_markup_shown_as_text_stays_text_on_cards_and_in_meta_tags(tmp_path):
    content = site_with(tmp_path, balises=CODE_IN_SUMMARY)
    site = build_site(tmp_path, content=content)
    home = site.html("/")
    card = next(c for c in home.select(".card") if "Les balises à éviter" in c.get_text())
    summary = card.select_one(".card-summary")
    assert summary.find("script") is None and summary.find("img") is None
    assert '<script>alert("x")</script>' in summary.get_text()
    page = site.html("/les-balises-a-eviter-dans-une-legende/")
    assert page.head.find("img") is None
    assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
    description = page.head.find("meta", attrs={"name": "description"})["content"]
    assert "<script>" in description
