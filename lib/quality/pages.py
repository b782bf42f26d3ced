"""Which built pages stand for which page type, so each gate visits every type."""

from __future__ import annotations

import re
from pathlib import Path

# Page type → site URL patterns, first match wins; checked in this order.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("accueil", re.compile(r"^/$")),
    ("catégorie", re.compile(r"^/categorie/[^/]+/$")),
    ("étiquette", re.compile(r"^/etiquette/[^/]+/$")),
    ("auteur", re.compile(r"^/auteur/[^/]+/$")),
    ("archives", re.compile(r"^/archives/$")),
    ("événements", re.compile(r"^/evenements/$")),
    ("événement", re.compile(r"^/evenements/(?!type/)[^/]+/$")),
    ("formations", re.compile(r"^/formations/$")),
    ("formation", re.compile(r"^/formations/[^/]+/$")),
    ("leçon", re.compile(r"^/formations/[^/]+/[^/]+/$")),
    ("recherche", re.compile(r"^/recherche/$")),
    ("404", re.compile(r"^/404\.html$")),
]
ARTICLE_MARK = '<meta property="og:type" content="article">'

ALL_TYPES = [name for name, _ in _PATTERNS] + ["article"]


def site_url(output: Path, file: Path) -> str:
    """The URL a reader types for a built file: ``/x/`` for ``x/index.html``."""
    rel = file.relative_to(output).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def html_pages(output: Path) -> list[Path]:
    """Every HTML page of the site, search bundle excluded."""
    return sorted(p for p in output.rglob("*.html") if "pagefind" not in p.parts)


def representatives(output: Path) -> dict[str, str]:
    """One URL per page type found in ``output`` (the first in URL order)."""
    found: dict[str, str] = {}
    for file in html_pages(output):
        url = site_url(output, file)
        for name, pattern in _PATTERNS:
            if pattern.match(url):
                found.setdefault(name, url)
                break
        else:
            if "article" not in found and ARTICLE_MARK in file.read_text(encoding="utf-8"):
                found["article"] = url
    return found
