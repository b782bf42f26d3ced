"""Every internal href and src resolves, anchors included; external links are listed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from .pages import html_pages, site_url
from .report import Failure, GateResult


def check_links(output: Path) -> tuple[GateResult, list[str]]:
    """The links gate, and the sorted external URLs (never fetched)."""
    pages = html_pages(output)
    soups = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages}
    ids = {p: {tag["id"] for tag in soup.find_all(id=True)} for p, soup in soups.items()}
    result = GateResult("liens", len(pages), "pages")
    external: set[str] = set()
    for page, soup in soups.items():
        where = site_url(output, page)
        for tag in soup.find_all(["a", "link", "img", "script", "source", "iframe", "form"]):
            url = tag.get("href") or tag.get("src") or tag.get("action")
            # Each candidate of a srcset (responsive images) must resolve too.
            candidates = [c.split()[0] for c in tag.get("srcset", "").split(",") if c.strip()]
            for link in ([url] if url else []) + candidates:
                parts = urlsplit(link)
                if parts.scheme in ("mailto", "tel", "data"):
                    continue
                if parts.scheme or parts.netloc:
                    external.add(link)
                    continue
                target = _target(output, page, parts.path)
                if target is None or not target.is_file():
                    result.failures.append(Failure(where, f"lien cassé vers {link}"))
                elif parts.fragment and target in ids and parts.fragment not in ids[target]:
                    result.failures.append(Failure(where, f"ancre absente : {link}"))
    return result, sorted(external)


def _target(output: Path, page: Path, path: str) -> Path | None:
    if not path:
        return page
    base = output if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve()
    if not target.is_relative_to(output.resolve()):
        return None
    return target / "index.html" if target.is_dir() else target
