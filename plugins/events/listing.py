"""Which events are upcoming, which are past, and in what order readers see them."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateutil.rrule import rrule, rrulestr

from .model import Event, Occurrence

# A rule without COUNT or UNTIL never ends; pages list at most this many dates of it,
# and looking for the last past date stops after this many occurrences.
MAX_OCCURRENCES = 500


@dataclass(frozen=True)
class Entry:
    """An event as listed: the occurrence shown, whether it is to come, and its next dates."""

    event: Event
    occurrence: Occurrence
    upcoming: bool
    next_dates: tuple[Occurrence, ...] = ()


def recurrence_rule(text: str, start: dt.datetime) -> rrule:
    """The dateutil rule of an ``Event-Recurrence`` value; raises ValueError when unreadable."""
    rule = rrulestr(text, dtstart=start)
    if not isinstance(rule, rrule):  # an RRULE line only, not a whole rule set
        raise ValueError(text)
    return rule


def parse_today(value: object, timezone: dt.tzinfo) -> dt.datetime:
    """The moment that splits upcoming from past events.

    ``value`` is a ``date`` (or ``"AAAA-MM-JJ"``: midnight at the start of that day, so
    that events of that day are still upcoming), a ``datetime`` (or
    ``"AAAA-MM-JJ HH:MM"``), or None for now.
    """
    if value is None:
        return dt.datetime.now(timezone)
    if isinstance(value, str):
        value = (
            dt.datetime.fromisoformat(value)
            if len(value.strip()) > 10
            else dt.date.fromisoformat(value)
        )
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=timezone)
    raise TypeError(f"EVENTS_TODAY: {value!r} is not a date")


def occurrences(event: Event, after: dt.datetime, limit: int) -> tuple[Occurrence, ...]:
    """Up to ``limit`` occurrences of ``event`` that end after ``after``, soonest first."""
    if not event.recurrence:
        return (event.first,) if event.end > after else ()
    rule = recurrence_rule(event.recurrence, event.start)
    starts = rule.xafter(after - event.duration, count=limit)
    return tuple(Occurrence(s, s + event.duration, event.all_day) for s in starts)


def last_occurrence(event: Event, before: dt.datetime) -> Occurrence | None:
    """The latest occurrence of ``event`` that ended by ``before``."""
    if not event.recurrence:
        return event.first if event.end <= before else None
    rule = recurrence_rule(event.recurrence, event.start)
    bounded = itertools.islice(rule, MAX_OCCURRENCES)
    last = None
    for start in bounded:
        if start + event.duration > before:
            break
        last = start
    return None if last is None else Occurrence(last, last + event.duration, event.all_day)


def entries(events: Iterable[Event], now: dt.datetime, next_count: int = 5) -> list[Entry]:
    """Every event as listed at ``now``: upcoming ones soonest first, then past ones latest first.

    An event is upcoming while one of its occurrences has not ended, so today's events
    stay listed as upcoming until they end.
    """
    upcoming: list[Entry] = []
    past: list[Entry] = []
    for event in events:
        coming = occurrences(event, now, next_count)
        if coming:
            upcoming.append(Entry(event, coming[0], True, coming))
            continue
        last = last_occurrence(event, now)
        if last is not None:
            past.append(Entry(event, last, False))
    upcoming.sort(key=lambda e: (e.occurrence.start, e.occurrence.end, e.event.slug))
    past.sort(key=lambda e: (e.occurrence.start, e.occurrence.end, e.event.slug), reverse=True)
    return upcoming + past


def of_kind(listed: Sequence[Entry], kind: str) -> list[Entry]:
    """The entries of one event type, in the same order."""
    return [entry for entry in listed if entry.event.kind == kind]


def for_home(listed: Sequence[Entry], count: int) -> list[Entry]:
    """The next ``count`` upcoming events worth announcing: cancelled ones are left out."""
    return [e for e in listed if e.upcoming and not e.event.cancelled][:count]
