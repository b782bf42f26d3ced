"""The period a report covers, and the period of the same length just before it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cmcore import dates
from cmcore.french import NBSP, quoted

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReportError(Exception):
    """Input the report cannot use; ``str()`` is one French line saying what to do."""

    exitcode = 2


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before; a whole calendar month
        compares with the whole month before (October has 31 days, September 30)."""
        if self.is_month():
            end = self.start - dt.timedelta(days=1)
            return Period(end.replace(day=1), end)
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)

    def is_month(self) -> bool:
        following = (self.end + dt.timedelta(days=1)).day
        return self.start.day == 1 and following == 1 and self.days <= 31

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def slug(self) -> str:
        """Folder name: ``2026-11`` for a calendar month, else ``2026-11-03_2026-11-16``."""
        if self.is_month():
            return self.start.strftime("%Y-%m")
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """« novembre 2026 », or « du 3 au 16 novembre 2026 »."""
        if self.is_month():
            return dates.format_month(self.start)
        return dates.format_range(self.start, self.end)


def parse_day(value: str, option: str) -> dt.date:
    """A day written ``AAAA-MM-JJ``; a French :class:`ReportError` otherwise."""
    text = (value or "").strip()
    if not text:
        raise ReportError(
            f"{option} est vide{NBSP}: écrivez une date AAAA-MM-JJ (par exemple "
            f"{option} 2026-11-01) ou retirez l’option"
        )
    try:
        if not _ISO_DAY.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ReportError(
            f"{option} {quoted(value)}{NBSP}: date illisible, écrivez AAAA-MM-JJ "
            f"(par exemple {option} 2026-11-01)"
        ) from None


def last_full_month(today: dt.date) -> Period:
    """The last calendar month that has ended."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    return Period(end.replace(day=1), end)


def choose(start: str | None, end: str | None, today: dt.date) -> Period:
    """The period asked for with ``--du``/``--au`` (each optional), else the last full month.

    ``--du`` alone runs to the end of its month (or today); ``--au`` alone starts on the
    first day of its month.
    """
    if start is None and end is None:
        return last_full_month(today)
    first = parse_day(start, "--du") if start is not None else None
    last = parse_day(end, "--au") if end is not None else None
    if first is None:
        first = last.replace(day=1)
    if last is None:
        month_end = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = min(month_end - dt.timedelta(days=1), max(today, first))
    if last < first:
        raise ReportError(
            f"--du {first.isoformat()} est après --au {last.isoformat()}{NBSP}: "
            "donnez le premier jour puis le dernier"
        )
    return Period(first, last)
