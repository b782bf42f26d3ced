"""Audience from the web server's access logs (nginx/Apache combined format, gzip accepted).

The logs are read line by line, as bytes, and never kept: a line of a day outside the
period and the period before it is dropped after reading its date, without decoding it.
Visitors are estimated by counting, per day, distinct (address, browser) pairs as 8-byte
BLAKE2 digests keyed with a secret drawn at random for this run and never written; the day
is part of what is hashed, so that one visitor's digests of two days cannot be linked.
Once the log has moved past a day, its digests are packed into a sorted array (8 bytes
each instead of a set's ~70); they are all dropped once counted. Robots are recognised by
the ``crawler-user-agents`` list (PyPI).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import importlib.util
import io
import json
import re
import secrets
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from cmcore.french import NBSP, NNBSP

from .period import Period, ReportError

_LINE = re.compile(
    rb"^(?P<address>\S+) \S+ \S+ \[(?P<day>\d{2}/\w{3}/\d{4}):[^\]]*\] "
    rb'"(?P<method>[A-Z]+) (?P<target>\S+)(?: HTTP/[\d.]+)?" (?P<status>\d{3}) \S+ '
    rb'"(?P<referrer>[^"]*)" "(?P<agent>[^"]*)"'
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
         b"Dec"),
        1,
    )
}  # fmt: skip
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


@dataclass
class LogReading:
    """The logs read for a period and the one before it."""

    current: Traffic
    previous: Traffic
    lines: int = 0
    unreadable: int = 0
    files: tuple[str, ...] = ()


class DailyVisitors:
    """Distinct visitors of each day, as keyed 8-byte digests of (day, address, browser).

    A day the log has moved past (by more than one day: lines around midnight come in a
    little out of order) is packed into a sorted array of its digests; a line of a packed
    day (another file holding the same days) unpacks it, so each day is counted exactly.
    """

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)  # for this run only, never written
        self._open: dict[dt.date, set[int]] = {}
        self._packed: dict[dt.date, array] = {}
        self._latest: dt.date | None = None

    def add(self, day: dt.date, day_text: bytes, address: bytes, agent: bytes) -> None:
        """Count the visitor of one request of ``day`` (``day_text`` as the log writes it)."""
        digest = hashlib.blake2b(
            b"\0".join((day_text, address, agent)), key=self._key, digest_size=8
        ).digest()
        found = self._open.get(day)
        if found is None:
            found = self._open[day] = self._unpack(day)
        found.add(int.from_bytes(digest, "little"))

    def moved_to(self, day: dt.date) -> None:
        """The log has reached ``day``: pack the days before the day before it."""
        if self._latest is not None and day <= self._latest:
            return
        self._latest = day
        for old in [d for d in self._open if (day - d).days > 1]:
            self._packed[old] = array("Q", sorted(self._open.pop(old)))

    def _unpack(self, day: dt.date) -> set[int]:
        packed = self._packed.pop(day, None)
        return set(packed) if packed is not None else set()

    def count(self, period: Period) -> int:
        """Visitors of ``period``: the sum of each day's distinct visitors."""
        return sum(len(v) for d, v in (*self._open.items(), *self._packed.items()) if d in period)

    def forget(self) -> None:
        """Drop every digest."""
        self._open.clear()
        self._packed.clear()


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


@lru_cache(maxsize=4096)
def _is_robot_bytes(agent: bytes) -> bool:
    return is_robot(agent.decode("utf-8", "replace"))


def _day(text: bytes) -> dt.date | None:
    try:
        return dt.date(int(text[7:11]), _MONTHS[text[3:6]], int(text[0:2]))
    except (KeyError, ValueError):
        return None


def _open(path: Path):
    with open(path, "rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    if gzipped:
        # GzipFile's own line iterator is a Python call per line; a buffer over it is not.
        return io.BufferedReader(gzip.GzipFile(path), 1 << 16)
    return open(path, "rb", buffering=1 << 16)


def read(paths: Iterable[Path], period: Period, own_hosts: Iterable[str] = ()) -> LogReading:
    """Read every log file once, for ``period`` and the period before it."""
    previous = period.previous()
    reading = LogReading(Traffic(), Traffic())
    own = frozenset(h.lower().removeprefix("www.") for h in own_hosts if h)
    visitors = DailyVisitors()
    # « 04/Nov/2026 » → (the day, its period's traffic or None); a few hundred entries.
    spans: dict[bytes, tuple[dt.date, Traffic | None]] = {}

    def span(text: bytes) -> tuple[dt.date, Traffic | None]:
        day = _day(text)
        if day is None:
            raise ValueError(text)
        if day in period:
            found = reading.current
        elif day in previous:
            found = reading.previous
        else:
            found = None
        spans[text] = (day, found)
        return spans[text]

    files = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ReportError(
                f"{path}{NBSP}: fichier de journal introuvable{NNBSP}; donnez le chemin d’un "
                "journal d’accès nginx ou Apache (.log ou .gz)"
            )
        files.append(str(path))
        last = b""
        try:
            with _open(path) as lines:
                for line in lines:
                    # The day is read first: lines of other days are neither decoded nor
                    # parsed further.
                    bracket = line.find(b"[")
                    day_text = line[bracket + 1 : bracket + 12]
                    found = spans.get(day_text) if bracket >= 0 else None
                    if found is None:
                        try:
                            found = span(day_text) if bracket >= 0 else span(b"")
                        except ValueError:
                            if line.strip():
                                reading.lines += 1
                                reading.unreadable += 1
                            continue
                    reading.lines += 1
                    day, traffic = found
                    if traffic is None:
                        continue
                    if day_text != last:
                        last = day_text
                        visitors.moved_to(day)
                    match = _LINE.match(line)
                    if match is None:
                        reading.unreadable += 1
                        continue
                    address, _, method, target, status, referrer, agent = match.groups()
                    if _count(traffic, own, method, target, status, referrer, agent):
                        visitors.add(day, day_text, address, agent)
        except (gzip.BadGzipFile, EOFError, zlib.error):
            raise ReportError(
                f"{path}{NBSP}: journal illisible, fichier gzip abîmé ou incomplet{NNBSP}; "
                "vérifiez que c’est un fichier texte ou gzip complet (gzip -t le teste)"
            ) from None
        except OSError:
            raise ReportError(
                f"{path}{NBSP}: journal illisible{NNBSP}; vérifiez que vous avez le droit de "
                "le lire et qu’il est bien sur le disque"
            ) from None
    reading.current.visitors = visitors.count(period)
    reading.previous.visitors = visitors.count(previous)
    visitors.forget()
    reading.files = tuple(files)
    return reading


@lru_cache(maxsize=4096)
def _referrer_host(referrer: bytes) -> str:
    try:
        text = referrer.decode("utf-8", "replace")
        return (urlsplit(text).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def _search_terms(query: str) -> str:
    terms = parse_qs(query).get("q", [""])[0].strip().lower()
    # An e-mail address typed in the search box says who searched: never shown.
    return "" if "@" in terms else " ".join(terms.split())


# One call per line read in the period: the fields are passed as they were matched.
def _count(
    traffic: Traffic,
    own: frozenset[str],
    method: bytes,
    target: bytes,
    status: bytes,
    referrer: bytes,
    agent: bytes,
) -> bool:
    """Count one request in ``traffic``; whether it is a page a reader viewed."""
    if _is_robot_bytes(agent):
        traffic.robots += 1
        return False
    if method != b"GET" and method != b"HEAD":
        return False
    path, _, query = target.decode("utf-8", "replace").partition("?")
    if "%" in path:
        path = unquote(path)
    if status == b"404":
        traffic.not_found[path] += 1
        return False
    if not (b"200" <= status < b"400") or _ASSET.search(path):
        return False
    traffic.views += 1
    traffic.pages[path] += 1
    if query and path == SEARCH_PATH:
        terms = _search_terms(query)
        if terms:
            traffic.searches[terms] += 1
    if referrer and referrer != b"-":
        host = _referrer_host(referrer)
        if host and host not in own:
            traffic.referrers[host] += 1
    return True
