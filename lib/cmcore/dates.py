"""French dates and times for readers, formatted with Babel.

Nothing here depends on the system locale: a build under ``LANG=C`` prints the
same French dates as one under ``fr_FR.UTF-8``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import babel
from babel.dates import format_date as _babel_date

from cmcore.files import write_atomically
from cmcore.french import NBSP

LOCALE = "fr_FR"

# What Babel said of a month or a weekday, by pattern and date: Babel is asked once per
# month name, and, with the table kept between builds (load_memo, save_memo), a build
# that formats only known months does not load Babel's French data (3.6 MB, 25 ms).
_SAID: dict[str, str] = {}
_NEW: set[str] = set()
_MEMO_FORMAT = 1


def _babel(pattern: str, date: dt.date) -> str:
    key = f"{pattern}|{date.isoformat()}"
    text = _SAID.get(key)
    if text is None:
        text = _SAID[key] = _babel_date(date, pattern, locale=LOCALE)
        _NEW.add(key)
    return text


def _memo_stamp() -> list:
    return [_MEMO_FORMAT, babel.__version__, LOCALE]


def load_memo(path: Path) -> None:
    """Take what Babel said in earlier builds (a damaged or outdated file is ignored)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("babel") == _memo_stamp():
            said = data["said"]
            if all(isinstance(k, str) and isinstance(v, str) for k, v in said.items()):
                _SAID.update(said)
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return


def save_memo(path: Path) -> None:
    """Keep what Babel said, when it said anything new."""
    if not _NEW:
        return
    write_atomically(
        path,
        json.dumps({"babel": _memo_stamp(), "said": _SAID}, ensure_ascii=False, sort_keys=True),
    )
    _NEW.clear()


def _day(day: int) -> str:
    # French writes the first day of a month as an ordinal: « 1er juin ».
    return "1er" if day == 1 else str(day)


def _month_year(year: int, month: int) -> str:
    # Every card of every listing page shows a date.
    return _babel("MMMM y", dt.date(year, month, 1))


def _month(month: int) -> str:
    return _babel("MMMM", dt.date(2000, month, 1))


def _weekday(value: dt.date) -> str:
    # 3 January 2000 was a Monday: the same weekday, one date per weekday.
    return _babel("EEEE", dt.date(2000, 1, 3 + value.weekday()))


def format_date(value: dt.date | dt.datetime, weekday: bool = False) -> str:
    """« 1er juin 2019 », or « samedi 5 décembre 2026 » with ``weekday``."""
    text = f"{_day(value.day)}{NBSP}{_month_year(value.year, value.month)}"
    if weekday:
        text = f"{_weekday(value)} {text}"
    return text


def format_month(value: dt.date | dt.datetime) -> str:
    """« juin 2019 »."""
    return _month_year(value.year, value.month)


def format_time(value: dt.time | dt.datetime) -> str:
    """« 18 h 30 », « 9 h » (French style: no leading zero, no minutes when round)."""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


def iso(value: dt.date | dt.datetime) -> str:
    """Machine-readable date for ``<time datetime="…">``."""
    return value.isoformat()


EN_DASH = "\u2013"
# An evening that ends before this hour on the next day is still read as one evening:
# « samedi 5 décembre 2026, 19 h – 1 h », not « du 5 au 6 décembre 2026 ».
_NIGHT_ENDS = dt.time(6, 0)


def format_range(start: dt.date | dt.datetime, end: dt.date | dt.datetime) -> str:
    """French date range of an event, ``end`` included.

    - same day, with times: « samedi 5 décembre 2026, 18 h 30 – 21 h »
    - same day, no times: « samedi 5 décembre 2026 »
    - several days: « du 12 au 14 mars 2027 », « du 30 mars au 2 avril 2027 »,
      « du 30 décembre 2026 au 2 janvier 2027 »

    Pass ``datetime`` values for timed events and ``date`` values for whole days;
    both ends are read in their own wall-clock time.
    """
    timed = isinstance(start, dt.datetime) and isinstance(end, dt.datetime)
    first = start.date() if isinstance(start, dt.datetime) else start
    last = end.date() if isinstance(end, dt.datetime) else end
    if timed and last == first + dt.timedelta(days=1) and end.time() <= _NIGHT_ENDS:
        last = first
    if last <= first:
        text = format_date(first, weekday=True)
        if timed:
            times = format_time(start)
            if end != start:
                # No-break space before the dash so that a line never starts with it.
                times = f"{times}{NBSP}{EN_DASH} {format_time(end)}"
            text = f"{text}, {times}"
        return text
    if (first.year, first.month) == (last.year, last.month):
        return f"du {_day(first.day)} au {format_date(last)}"
    if first.year == last.year:
        month = _month(first.month)
        return f"du {_day(first.day)}{NBSP}{month} au {format_date(last)}"
    return f"du {format_date(first)} au {format_date(last)}"
