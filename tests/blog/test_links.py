"""Every internal link and image of the built site resolves, anchors included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site


def broken_links(output: Path) -> list[str]:
    """``page -> target`` for each internal href/src that points at nothing."""
    ids: dict[Path, set[str]] = {}
    pages = sorted(output.rglob("*.html"))
    soups = {}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        soups[page] = soup
        ids[page] = {tag["id"] for tag in soup.find_all(id=True)}
    broken = []
    for page, soup in soups.items():
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            url = tag.get("href") or tag.get("src")
            if not url:
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:")):
                continue
            if parts.path:
                base = output if parts.path.startswith("/") else page.parent
                target = (base / unquote(parts.path).lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            if not target.is_file():
                broken.append(f"{page.relative_to(output)} -> {url}")
            elif parts.fragment and target in ids and parts.fragment not in ids[target]:
                broken.append(f"{page.relative_to(output)} -> {url} (ancre absente)")
    return broken


def test_sample_site_has_no_broken_internal_link(sample_site):
    assert broken_links(sample_site.output) == []


def test_test_site_has_no_broken_internal_link(tmp_path):
    site = build_site(tmp_path, content=ROOT / "tests" / "data" / "blog" / "site")
    assert broken_links(site.output) == []


def test_the_checker_sees_a_broken_link_and_a_missing_anchor(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="/absent/">x</a><a href="#nulle-part">y</a><p id="ici"></p><a href="#ici">z</a>'
    )
    assert broken_links(tmp_path) == [
        "index.html -> /absent/",
        "index.html -> #nulle-part (ancre absente)",
    ]
