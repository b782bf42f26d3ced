"""Reading access logs: exact visitors in little memory, private searches, broken files."""

from __future__ import annotations

import datetime as dt
import gzip
import tracemalloc

import pytest

from report import audience
from report.period import Period, ReportError

from .conftest import log_line

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _gzip(path, lines):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(lines)
    return path


def test_visitors_in_little_memory(tmp_path):
    # Ten days and the ten before, in the order of the days, every request from a new
    # visitor: the worst case. A set of hashes costs some 70 bytes a visitor, and these
    # 40,000 would take 3 MB if each day were kept as a set until the end.
    days = [dt.date(2026, 10, 22) + dt.timedelta(days=n) for n in range(20)]
    lines = (
        log_line(f"10.{n}.{i // 256}.{i % 256}", day.strftime("%d/%b/%Y"), "/a/")
        for n, day in enumerate(days)
        for i in range(2000)
    )
    log = _gzip(tmp_path / "access.log.gz", lines)
    audience.is_robot("Mozilla/5.0 Firefox/128.0")  # the robots' list, loaded once
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 10))
    tracemalloc.start()
    try:
        reading = audience.read([log], period)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (reading.current.visitors, reading.previous.visitors) == (20_000, 20_000)
    assert reading.current.views == 20_000
    assert peak < 1_200_000, f"{peak / 1e6:.1f} Mo"


def test_a_day_split_between_two_files_is_counted_once(tmp_path):
    # Rotated logs given newest first: the 5th is at the end of one and the start of the other.
    newest = _gzip(
        tmp_path / "access.log.gz",
        [log_line("1.1.1.1", "05/Nov/2026", "/a/"), log_line("2.2.2.2", "08/Nov/2026", "/a/")],
    )
    older = _gzip(
        tmp_path / "access.log.1.gz",
        [
            log_line("1.1.1.1", "04/Nov/2026", "/a/"),
            log_line("1.1.1.1", "05/Nov/2026", "/b/"),
            log_line("3.3.3.3", "05/Nov/2026", "/b/"),
        ],
    )
    reading = audience.read([newest, older], NOVEMBER)
    # 4th: 1.1.1.1; 5th: 1.1.1.1 (in both files) and 3.3.3.3; 8th: 2.2.2.2.
    assert reading.current.visitors == 4
    assert reading.current.views == 5


def test_searches_with_an_email_address_are_not_shown(tmp_path):
    log = _gzip(
        tmp_path / "access.log.gz",
        [
            log_line("1.1.1.1", "05/Nov/2026", "/recherche/?q=awa%40exemple.ci"),
            log_line("1.1.1.1", "05/Nov/2026", "/recherche/?q=Koffi@Mensah"),
            log_line("1.1.1.1", "05/Nov/2026", "/recherche/?q=afterwork"),
        ],
    )
    reading = audience.read([log], NOVEMBER)
    assert reading.current.searches == {"afterwork": 1}
    assert reading.current.views == 3


@pytest.mark.parametrize("damage", ["truncated", "corrupted"])
def test_a_broken_gzip_gets_a_french_line(tmp_path, damage):
    whole = gzip.compress(
        "".join(log_line(f"1.1.{n % 256}.1", "05/Nov/2026", f"/p{n}/") for n in range(5000))
        .encode()
    )  # fmt: skip
    if damage == "truncated":
        broken = whole[: len(whole) // 2]
    else:
        middle = len(whole) // 2
        broken = whole[:middle] + bytes(64) + whole[middle + 64 :]
    log = tmp_path / "access.log.gz"
    log.write_bytes(broken)
    with pytest.raises(ReportError) as raised:
        audience.read([log], NOVEMBER)
    assert str(raised.value) == (
        f"{log}\u00a0: journal illisible, fichier gzip abîmé ou incomplet\u202f; vérifiez que "
        "c’est un fichier texte ou gzip complet (gzip -t le teste)"
    )
