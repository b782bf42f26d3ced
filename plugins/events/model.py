"""The records of the events plugin: an event, its place, its price, one occurrence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

# Event types an author may write in ``Event-Type``, with the label and the plural
# readers see (filters, page titles).
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "afterwork": ("Afterwork", "Afterworks"),
    "meetup": ("Meetup", "Meetups"),
    "techcamp": ("Techcamp", "Techcamps"),
    "formation": ("Formation", "Formations"),
    "webinaire": ("Webinaire", "Webinaires"),
}

# Statuses an author may write in ``Status``, with the label readers see.
STATUSES: dict[str, str] = {
    "prévu": "Prévu",
    "annulé": "Annulé",
    "reporté": "Reporté",
    "complet": "Complet",
}
DEFAULT_STATUS = "prévu"


@dataclass(frozen=True)
class Place:
    """Where an event happens: a name, an address, and coordinates when known."""

    name: str
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def has_geo(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def __str__(self) -> str:
        return f"{self.name}, {self.address}" if self.address else self.name


@dataclass(frozen=True)
class Price:
    """A price: an amount in a currency (ISO 4217 code, ``XOF`` for the franc CFA)."""

    amount: Decimal
    currency: str = "XOF"

    @property
    def free(self) -> bool:
        return self.amount == 0


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an event: aware start and end in the event's time zone.

    Whole-day events start at midnight and end at midnight after their last day,
    as iCalendar counts them.
    """

    start: dt.datetime
    end: dt.datetime
    all_day: bool = False

    @property
    def first_day(self) -> dt.date:
        return self.start.date()

    @property
    def last_day(self) -> dt.date:
        """The last day the event takes place (included)."""
        if self.all_day:
            return (self.end - dt.timedelta(days=1)).date()
        return self.end.date()

    @property
    def start_iso(self) -> str:
        """Machine-readable start: a date for whole days, else date, time and offset."""
        return self.first_day.isoformat() if self.all_day else self.start.isoformat()

    @property
    def end_iso(self) -> str:
        return self.last_day.isoformat() if self.all_day else self.end.isoformat()


@dataclass(frozen=True)
class Event:
    """One event, as its author described it in ``content/evenements/<slug>.md``."""

    slug: str
    title: str
    source: str
    start: dt.datetime
    end: dt.datetime
    timezone: str
    kind: str
    status: str = DEFAULT_STATUS
    all_day: bool = False
    place: Place | None = None
    online: str = ""
    registration: str = ""
    price: Price | None = None
    capacity: int | None = None
    recurrence: str = ""
    description: str = ""
    announced: dt.datetime | None = None

    @property
    def first(self) -> Occurrence:
        """The first (or only) occurrence."""
        return Occurrence(self.start, self.end, self.all_day)

    @property
    def duration(self) -> dt.timedelta:
        return self.end - self.start

    @property
    def cancelled(self) -> bool:
        return self.status == "annulé"
