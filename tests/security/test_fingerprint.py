"""Theme files under content-hashed names: the pages follow a changed file, published or
built incrementally, with absolute or relative URLs."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from quality.pages import html_pages, site_url
from tests.conftest import ROOT, build_site, warnings_said

ORIGIN = "https://carnet.example.org"
HASHED_CSS = re.compile(r"theme/css/site\.([0-9a-f]{8})\.css")


def own_theme(tmp_path: Path) -> Path:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return theme


def edit(stylesheet: Path) -> None:
    """One more rule at the end of the stylesheet."""
    text = stylesheet.read_text(encoding="utf-8") + "\nmark { color: inherit; }\n"
    stylesheet.write_text(text, encoding="utf-8")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def stylesheets(output: Path) -> dict[str, tuple[str, str | None]]:
    """Each page's stylesheet link: site URL → (href, integrity)."""
    found = {}
    for file in html_pages(output):
        link = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one(
            "link[rel=stylesheet]"
        )
        found[site_url(output, file)] = (link["href"], link.get("integrity"))
    return found


def test_published_stylesheet_is_named_and_checked_by_its_content(tmp_path):
    theme = own_theme(tmp_path)
    site = build_site(
        tmp_path / "un", settings_file="publishconf.py", THEME=str(theme), SITEURL=ORIGIN,
        SEARCH_INDEX=False,
    )  # fmt: skip
    css = (theme / "static" / "css" / "site.css").read_bytes()
    name = f"site.{hashlib.sha384(css).hexdigest()[:8]}.css"
    assert (site.output / "theme" / "css" / name).read_bytes() == css
    links = stylesheets(site.output)
    assert set(links.values()) == {(f"{ORIGIN}/theme/css/{name}", sri(css))}
    # Each script of the theme too, where a page uses it.
    script = site.html("/recherche/").select_one("script[type=module]")
    source = (theme / "static" / "js" / "search.js").read_bytes()
    assert script["integrity"] == sri(source) and script["crossorigin"] == "anonymous"
    assert (site.output / urlsplit(script["src"]).path.lstrip("/")).read_bytes() == source
    headers = (site.output / "_headers").read_text(encoding="utf-8")
    assert f"/theme/css/{name}\n  Cache-Control: public, max-age=31536000, immutable" in headers

    # One rule changed: a new name, every page follows, the old name is not published.
    stylesheet = theme / "static" / "css" / "site.css"
    edit(stylesheet)
    again = build_site(
        tmp_path / "deux", settings_file="publishconf.py", THEME=str(theme), SITEURL=ORIGIN,
        SEARCH_INDEX=False,
    )  # fmt: skip
    [(href, integrity)] = set(stylesheets(again.output).values())
    assert href != f"{ORIGIN}/theme/css/{name}"
    assert integrity == sri(stylesheet.read_bytes())
    assert not (again.output / "theme" / "css" / name).exists()
    assert f"/theme/css/{name}" not in (again.output / "_headers").read_text(encoding="utf-8")


def test_incremental_build_with_relative_urls_follows_a_changed_stylesheet(tmp_path):
    theme = own_theme(tmp_path)
    options = {
        "THEME": str(theme),
        "SECURITY_FINGERPRINT": True,
        "RELATIVE_URLS": True,
        "SEARCH_INDEX": False,
    }
    site = build_site(tmp_path, **options)
    first = {HASHED_CSS.search(href).group(1) for href, _ in stylesheets(site.output).values()}
    assert len(first) == 1
    stylesheet = theme / "static" / "css" / "site.css"
    edit(stylesheet)
    site = build_site(tmp_path, **options)
    links = stylesheets(site.output)
    for url, (href, integrity) in links.items():
        assert not href.startswith(("/", "http")), (url, href)  # relative
        # The link, resolved from the page, is the file, and its integrity is the file's.
        target = urlsplit(urljoin(f"http://site{url}", href)).path.lstrip("/")
        assert integrity == sri((site.output / target).read_bytes()), url
    [second] = {HASHED_CSS.search(href).group(1) for href, _ in links.values()}
    assert second != next(iter(first))
    # The outdated copy is gone; nothing else of the old name is left.
    assert sorted(p.name for p in (site.output / "theme" / "css").glob("site.*.css")) == [
        f"site.{second}.css"
    ]


def test_unknown_asset_is_one_french_line(tmp_path, caplog):
    theme = own_theme(tmp_path)
    base = theme / "templates" / "base.html"
    text = base.read_text(encoding="utf-8").replace("css/site.css", "css/sites.css")
    base.write_text(text, encoding="utf-8")
    caplog.set_level(logging.WARNING)
    build_site(tmp_path, THEME=str(theme), SEARCH_INDEX=False)
    said = [w for w in warnings_said(caplog) if "sites.css" in w]
    assert said == [
        f"{theme} : asset(« css/sites.css ») ne trouve pas ce fichier dans le thème ; "
        "corrigez le nom dans le gabarit (chemin relatif à theme/static)"
    ]
