"""Where the report's links lead and whose referrers count as outside sites."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from pypdf import PdfReader

from report.cli import load_settings, run

from .conftest import NOW, PUBLIC, make_content, settings_for


def test_settings_are_the_public_sites(monkeypatch):
    monkeypatch.setenv("SITEURL", "https://carnet.exemple.org")
    settings, hosts = load_settings()
    assert settings["SITEURL"] == "https://carnet.exemple.org"
    assert settings["SITE_ORIGIN"] == "https://carnet.exemple.org"
    # The development server's host is the site's own too.
    assert {"carnet.exemple.org", "127.0.0.1"} <= hosts


def test_links_lead_to_the_public_site(november):
    soup = BeautifulSoup((november / "rapport.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert f"{PUBLIC}/premier-conseil/" in hrefs
    assert f"{PUBLIC}/evenements/e1/" in hrefs
    articles = (november / "articles.csv").read_text(encoding="utf-8-sig").splitlines()
    assert articles[1].endswith(f";{PUBLIC}/premier-conseil/")
    data = json.loads((november / "rapport.json").read_text(encoding="utf-8"))
    tables = data["sections"]["publications"]["tableaux"]
    assert tables["articles"]["adresses"][0] == f"{PUBLIC}/premier-conseil/"
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(november / "rapport.pdf").pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert f"{PUBLIC}/premier-conseil/" in uris
    for path in november.iterdir():
        if path.suffix in (".html", ".csv", ".json"):
            assert "127.0.0.1" not in path.read_text(encoding="utf-8-sig"), path.name
    assert not [uri for uri in uris if "127.0.0.1" in uri]


def test_own_hosts_are_not_referrers(november):
    data = json.loads((november / "rapport.json").read_text(encoding="utf-8"))
    referrers = data["sections"]["audience"]["tableaux"]["sites-referents"]["lignes"]
    assert referrers == [["facebook.com", 1]]


def test_event_links_follow_the_events_path(tmp_path):
    content = make_content(tmp_path / "content")
    (content / "evenements").rename(content / "agenda")  # the plugin reads them there too
    settings = settings_for(content, tmp_path)
    settings["EVENTS_PATH"] = "agenda"
    folder = run(settings, tmp_path, ["--du", "2026-11-01", "--sans-pdf"], now=NOW)
    data = json.loads((folder / "rapport.json").read_text(encoding="utf-8"))
    assert data["sections"]["evenements"]["tableaux"]["evenements"]["adresses"] == [
        f"{PUBLIC}/agenda/e1/",
        f"{PUBLIC}/agenda/e2/",
    ]
