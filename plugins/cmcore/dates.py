"""French dates and times for readers, formatted with Babel.

Nothing here depends on the system locale: a build under ``LANG=C`` prints the
same French dates as one under ``fr_FR.UTF-8``.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_date

LOCALE = "fr_FR"
NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"


def _day(day: int) -> str:
    # French writes the first day of a month as an ordinal: « 1er juin ».
    return "1er" if day == 1 else str(day)


def format_date(value: dt.date | dt.datetime, weekday: bool = False) -> str:
    """« 1er juin 2019 », or « samedi 5 décembre 2026 » with ``weekday``."""
    month_year = _babel_date(value, "MMMM y", locale=LOCALE)
    text = f"{_day(value.day)}{NBSP}{month_year}"
    if weekday:
        text = f"{_babel_date(value, 'EEEE', locale=LOCALE)} {text}"
    return text


def format_month(value: dt.date | dt.datetime) -> str:
    """« juin 2019 »."""
    return _babel_date(value, "MMMM y", locale=LOCALE)


def format_time(value: dt.time | dt.datetime) -> str:
    """« 18 h 30 », « 9 h » (French style: no leading zero, no minutes when round)."""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


def iso(value: dt.date | dt.datetime) -> str:
    """Machine-readable date for ``<time datetime="…">``."""
    return value.isoformat()
