"""A small site with known articles, comments, events, a lesson and an access log."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zoneinfo
from pathlib import Path

import pytest
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=zoneinfo.ZoneInfo("Africa/Abidjan"))
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PUBLIC = "https://carnet.exemple.net"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _article(title: str, date: str, author: str, words: int) -> str:
    return f"Title: {title}\nDate: {date}\nAuthor: {author}\n\n" + " ".join(["mot"] * words) + "\n"


def _comment(cid, author, date, text, parent=None, status="approved", reason=""):
    return {
        "author": author,
        "author_url": "",
        "date": date,
        "html": f"<p>{text}</p>",
        "id": cid,
        "kind": "comment",
        "parent": parent,
        "reason": reason,
        "reviewed": False,
        "status": status,
        "thread": "",
    }


def _store(path: Path, slug: str, comments: list[dict]) -> None:
    _write(path, json.dumps({"article": slug, "comments": comments, "format": 1}))


def make_content(folder: Path) -> Path:
    """The content folder of the test site (period under test: November 2026)."""
    _write(
        folder / "conseils/a1.md",
        _article("Premier conseil", "2026-11-03 09:00", "Koffi Mensah", 390),
    )
    _write(folder / "guides/a2.md", _article("Un guide", "2026-11-17 10:00", "Aïcha Diallo", 195))
    _write(
        folder / "conseils/a3.md",
        _article("Conseil d’octobre", "2026-10-10 09:00", "Koffi Mensah", 100),
    )
    _write(
        folder / "interviews/a0.md",
        _article("Ancienne interview", "2025-01-01 09:00", "Koffi Mensah", 50),
    )
    comments = folder / "comments"
    _store(
        comments / "premier-conseil.json",
        "premier-conseil",
        [
            _comment("t:1", "Awa", "2026-11-03T10:00:00Z", "Merci, article vraiment utile !"),
            _comment("t:2", "Koffi Mensah", "2026-11-03T12:00:00Z", "Avec plaisir.", "t:1"),
            _comment("t:3", "Bob", "2026-11-04T08:00:00Z", "Je ne suis pas d'accord, c'est faux."),
            _comment("t:4", "Troll", "2026-11-05T08:00:00Z", "Ferme ta gueule"),
            _comment(
                "t:5", "Spammeur", "2026-11-18T08:00:00Z", "Quelle est la date ?",
                status="pending", reason="spam\u00a0: 3 liens (maximum 2)",
            ),
        ],
    )  # fmt: skip
    _store(
        comments / "conseil-doctobre.json",
        "conseil-doctobre",
        [
            _comment("t:6", "Bob", "2026-10-11T08:00:00Z", "Bien vu."),
            _comment("t:7", "Koffi Mensah", "2026-10-11T12:00:00Z", "Merci Bob.", "t:6"),
        ],
    )
    _store(
        comments / "cours-intro.json",
        "cours-intro",
        [_comment("t:8", "Awa", "2026-11-20T08:00:00Z", "Cette leçon m'a aidée, merci !")],
    )
    _write(
        folder / "formations/cours/index.md",
        "Title: Un cours\nSummary: Pour apprendre.\nLevel: Débutant\n\nTexte du cours.\n",
    )
    _write(
        folder / "formations/cours/01-intro.md",
        "Title: Introduction\nDate: 2026-11-10 09:00\nSummary: Le début.\n\nTexte de la leçon.\n",
    )
    event = (
        "Title: {title}\nDate: {date}\nEvent-Start: {start}\nEvent-End: {end}\n"
        "Event-Type: {kind}\nLocation: {place}\nPrice: {price}\nStatus: {status}\n\nDescription.\n"
    )
    _write(
        folder / "evenements/e1.md",
        event.format(
            title="Afterwork de novembre", date="2026-10-20 10:00", start="2026-11-12 18:00",
            end="2026-11-12 21:00", kind="afterwork", place="Le Baobab | Cocody, Abidjan",
            price="5000 FCFA", status="prévu",
        ),
    )  # fmt: skip
    _write(
        folder / "evenements/e2.md",
        event.format(
            title="Meetup annulé", date="2026-11-02 10:00", start="2026-11-28 18:00",
            end="2026-11-28 20:00", kind="meetup", place="Espace Ablodé | Lomé",
            price="gratuit", status="annulé",
        ),
    )  # fmt: skip
    _write(
        folder / "evenements/e3.md",
        event.format(
            title="Webinaire de décembre", date="2026-11-20 10:00", start="2026-12-10 15:00",
            end="2026-12-10 16:00", kind="webinaire", place="Salle A | Dakar",
            price="gratuit", status="prévu",
        ),
    )  # fmt: skip
    return folder


def log_line(ip: str, day: str, path: str, status: int = 200, agent: str = FIREFOX, ref: str = "-"):
    return f'{ip} - - [{day}:10:00:00 +0000] "GET {path} HTTP/1.1" {status} 512 "{ref}" "{agent}"\n'


def make_log(path: Path) -> Path:
    lines = [
        log_line("1.1.1.1", "04/Nov/2026", "/premier-conseil/"),
        log_line("1.1.1.1", "04/Nov/2026", "/premier-conseil/"),
        log_line("1.1.1.1", "04/Nov/2026", "/premier-conseil/"),
        log_line("2.2.2.2", "04/Nov/2026", "/premier-conseil/", ref="https://www.facebook.com/x"),
        log_line("1.1.1.1", "05/Nov/2026", "/recherche/?q=Mod%C3%A9ration"),
        log_line("3.3.3.3", "05/Nov/2026", "/premier-conseil/", agent=GOOGLEBOT),
        log_line("1.1.1.1", "05/Nov/2026", "/theme/css/style.css"),
        log_line("4.4.4.4", "06/Nov/2026", "/ancien/", status=404),
        # The site's own hosts, public and development, are not outside referrers.
        log_line("6.6.6.6", "07/Nov/2026", "/un-guide/", ref=f"{PUBLIC}/premier-conseil/"),
        log_line("6.6.6.6", "07/Nov/2026", "/premier-conseil/", ref="http://127.0.0.1:8000/"),
        "ceci n'est pas une ligne de journal\n",
        log_line("5.5.5.5", "12/Oct/2026", "/conseil-doctobre/"),
        log_line("5.5.5.5", "12/Jan/2026", "/premier-conseil/"),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(lines)
    return path


def settings_for(content: Path, tmp_path: Path) -> dict:
    """The public site's settings (as ``invoke rapport`` reads them) for the test site."""
    return read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "SITEURL": PUBLIC,
            "SITE_ORIGIN": PUBLIC,
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
        },
    )


@pytest.fixture(scope="module")
def november(tmp_path_factory):
    """The report of November 2026, with logs, written once for the module's tests."""
    from report.cli import run

    tmp = tmp_path_factory.mktemp("rapport")
    content = make_content(tmp / "content")
    log = make_log(tmp / "access.log.gz")
    folder = run(
        settings_for(content, tmp),
        tmp,
        ["--du", "2026-11-01", "--au", "2026-11-30", "--logs", str(log)],
        now=NOW,
    )
    return folder
