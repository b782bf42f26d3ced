"""Audience from the web server's access logs (nginx/Apache combined format, gzip accepted).

The logs are read line by line and never kept. Visitors are estimated by counting, per
day, distinct hashes of (address, browser) salted with a random secret drawn for this run
only: neither the addresses nor the salt are stored, and the hashes are dropped once
counted. Robots are recognised by the ``crawler-user-agents`` list (PyPI).
"""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from cmcore.french import NBSP

from .period import Period, ReportError

_LINE = re.compile(
    r"^\S+ \S+ \S+ \[(?P<day>\d{2}/\w{3}/\d{4}):[^\]]*\] "
    r'"(?P<method>[A-Z]+) (?P<target>\S+)(?: HTTP/[\d.]+)?" (?P<status>\d{3}) \S+ '
    r'"(?P<referrer>[^"]*)" "(?P<agent>[^"]*)"'
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# Requests for files that are not pages a reader reads.
_ASSET = re.compile(
    r"\.(?:css|js|mjs|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|xml|json|txt|ics|pf_\w+|map)$"
    r"|^/pagefind",
    re.I,
)
SEARCH_PATH = "/recherche/"


@dataclass
class Traffic:
    """What the logs say about one period."""

    views: int = 0
    visitors: int = 0
    pages: Counter = field(default_factory=Counter)
    referrers: Counter = field(default_factory=Counter)
    not_found: Counter = field(default_factory=Counter)
    searches: Counter = field(default_factory=Counter)
    robots: int = 0
    days: dict = field(default_factory=dict)  # day → set of hashes, emptied when counted


@dataclass
class LogReading:
    """The logs read for a period and the one before it."""

    current: Traffic
    previous: Traffic
    lines: int = 0
    unreadable: int = 0
    files: tuple[str, ...] = ()


@cache
def _robot_patterns() -> list[re.Pattern]:
    # The package's own loader reads its JSON in the locale's encoding and fails under the
    # C locale (servers, CI): read the same file as UTF-8 and compile it the same way.
    # (importing the package would run that loader: find its folder without importing it)
    folder = Path(importlib.util.find_spec("crawleruseragents").origin).parent
    data = (folder / "crawler-user-agents.json").read_text(encoding="utf-8")
    patterns = [entry["pattern"] for entry in json.loads(data)]
    return [re.compile("|".join(patterns[i : i + 25])) for i in range(0, len(patterns), 25)]


@lru_cache(maxsize=4096)
def is_robot(agent: str) -> bool:
    """Whether a user agent is a known robot (few distinct agents: cached)."""
    return not agent or agent == "-" or any(p.search(agent) for p in _robot_patterns())


@lru_cache(maxsize=512)
def _day(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[7:11]), _MONTHS[text[3:6]], int(text[0:2]))
    except (KeyError, ValueError):
        return None


def _open(path: Path):
    with open(path, "rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    if gzipped:
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def read(paths: Iterable[Path], period: Period, own_hosts: Iterable[str] = ()) -> LogReading:
    """Read every log file once, for ``period`` and the period before it."""
    previous = period.previous()
    reading = LogReading(Traffic(), Traffic())
    own = frozenset(h.lower().removeprefix("www.") for h in own_hosts if h)
    # Drawn for this run only, never written: Python's string hash (SipHash, itself keyed
    # per process) of the salt, the address and the browser cannot be traced back.
    salt = os.urandom(16).hex()
    spans: dict[str, Traffic | None] = {}  # « 04/Nov/2026 » → the period's traffic, or None

    def span(text: str) -> Traffic | None:
        day = _day(text)
        if day is None:
            raise ValueError(text)
        if day in period:
            found = reading.current
        elif day in previous:
            found = reading.previous
        else:
            found = None
        spans[text] = found
        return found

    files = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ReportError(
                f"{path}{NBSP}: fichier de journal introuvable{NBSP}; donnez le chemin d’un "
                "journal d’accès nginx ou Apache (.log ou .gz)"
            )
        files.append(str(path))
        try:
            with _open(path) as lines:
                for line in lines:
                    # The day is read first: lines of other days are not parsed further.
                    bracket = line.find("[")
                    day_text = line[bracket + 1 : bracket + 12]
                    if bracket < 0 or day_text not in spans:
                        try:
                            span(day_text)
                        except ValueError:
                            if line.strip():
                                reading.lines += 1
                                reading.unreadable += 1
                            continue
                    reading.lines += 1
                    traffic = spans[day_text]
                    if traffic is None:
                        continue
                    match = _LINE.match(line)
                    if match is None:
                        reading.unreadable += 1
                        continue
                    _count(match, line, traffic, day_text, own, salt)
        except (OSError, EOFError) as error:
            raise ReportError(
                f"{path}{NBSP}: journal illisible ({error}){NBSP}; vérifiez que c’est un "
                "fichier texte ou gzip complet"
            ) from None
    for traffic in (reading.current, reading.previous):
        traffic.visitors = sum(len(hashes) for hashes in traffic.days.values())
        traffic.days = {}
    reading.files = tuple(files)
    return reading


@lru_cache(maxsize=4096)
def _referrer_host(referrer: str) -> str:
    try:
        return (urlsplit(referrer).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def _count(match: re.Match, line: str, traffic: Traffic, day: str, own, salt: str) -> None:
    agent = match["agent"]
    if is_robot(agent):
        traffic.robots += 1
        return
    if match["method"] not in ("GET", "HEAD"):
        return
    path, _, query = match["target"].partition("?")
    if "%" in path:
        path = unquote(path)
    status = match["status"]
    if status == "404":
        traffic.not_found[path] += 1
        return
    if not ("200" <= status < "400") or _ASSET.search(path):
        return
    traffic.views += 1
    traffic.pages[path] += 1
    if query and path == SEARCH_PATH:
        terms = parse_qs(query).get("q", [""])[0].strip().lower()
        if terms:
            traffic.searches[" ".join(terms.split())] += 1
    referrer = match["referrer"]
    if referrer and referrer != "-":
        host = _referrer_host(referrer)
        if host and host not in own:
            traffic.referrers[host] += 1
    address = line[: line.index(" ")]
    traffic.days.setdefault(day, set()).add(hash((salt, address, agent)))
