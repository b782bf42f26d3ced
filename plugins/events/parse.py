"""From the header of an event source to an :class:`Event`, or French problems.

Every check names the line of the field at fault and says what to write instead;
all the problems of a file are reported together, so one round of fixes is enough.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import unicodedata
import zoneinfo
from decimal import Decimal, InvalidOperation

from cmcore.french import NBSP, quoted
from cmcore.headers import Field, Header
from cmcore.problems import Problem

from .listing import recurrence_rule
from .model import DEFAULT_STATUS, EVENT_TYPES, STATUSES, Event, Place, Price

FIELDS = (
    "Event-Start",
    "Event-End",
    "Event-Duration",
    "Event-Timezone",
    "Event-Type",
    "Event-Recurrence",
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:h](\d{2}))?$")
_DURATION_ISO = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$", re.I)
_DURATION_FR = re.compile(
    r"^(?:(?P<days>\d+)\s*(?:j|jours?))?\s*"
    r"(?:(?P<hours>\d+)\s*h\s*(?P<hmin>\d{1,2})?)?\s*"
    r"(?:(?P<minutes>\d+)\s*min)?$",
    re.I,
)
_PRICE = re.compile(
    r"^(?P<amount>\d[\d \u00a0\u202f.]*)(?:,(?P<cents>\d{1,2}))?"
    r"\s*(?P<currency>F\s?CFA|XOF|EUR|€)$",
    re.I,
)
_CURRENCIES = {"fcfa": "XOF", "f cfa": "XOF", "xof": "XOF", "eur": "EUR", "€": "EUR"}
_FREE = {"gratuit", "gratuite", "libre", "entrée libre"}
_GEO = re.compile(r"^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)


class EventError(Exception):
    """An event source that cannot be published; ``problems`` says why, line by line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _plain(value: str) -> str:
    # Authors compare statuses and types without thinking of accents or case.
    decomposed = unicodedata.normalize("NFD", value.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def describe(content_html: str) -> str:
    """Plain text of the first paragraph of an event's HTML, for calendars and cards."""
    match = _PARAGRAPH.search(content_html)
    text = match.group(1) if match else content_html
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def parse_date(value: str) -> tuple[dt.datetime, bool]:
    """``AAAA-MM-JJ HH:MM`` (or ``AAAA-MM-JJ`` for a whole day): naive value, and whether timed."""
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(value)
    year, month, day, hour, minute = match.groups()
    timed = hour is not None
    moment = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    return moment, timed


def parse_duration(value: str) -> dt.timedelta:
    """« 2 h 30 », « 90 min », « 3 jours », or ISO 8601 « PT2H30M »; never zero."""
    text = value.strip()
    match = _DURATION_ISO.match(text)
    if match and text.upper() not in ("P", "PT"):
        days, hours, minutes = (int(g or 0) for g in match.groups())
    else:
        match = _DURATION_FR.match(text)
        if not match or not text:
            raise ValueError(value)
        days = int(match["days"] or 0)
        hours = int(match["hours"] or 0)
        minutes = int(match["hmin"] or 0) + int(match["minutes"] or 0)
    duration = dt.timedelta(days=days, hours=hours, minutes=minutes)
    if duration <= dt.timedelta(0):
        raise ValueError(value)
    return duration


def parse_price(value: str) -> Price:
    """« gratuit » or an amount and currency: « 5000 FCFA », « 5 000 F CFA », « 20 € »."""
    text = " ".join(value.split())
    if _plain(text) in _FREE:
        return Price(Decimal(0))
    match = _PRICE.match(text)
    if not match:
        raise ValueError(value)
    digits = re.sub(r"[ \u00a0\u202f.]", "", match["amount"])
    try:
        amount = Decimal(f"{digits}.{match['cents'] or 0}")
    except InvalidOperation as error:
        raise ValueError(value) from error
    currency = _CURRENCIES[" ".join(match["currency"].casefold().split())]
    return Price(amount.normalize() if amount == amount.to_integral() else amount, currency)


def parse_place(value: str) -> Place:
    """« Nom | adresse | latitude, longitude », the last two parts optional."""
    parts = [part.strip() for part in value.split("|")]
    if not parts[0] or len(parts) > 3:
        raise ValueError(value)
    latitude = longitude = None
    if len(parts) == 3:
        match = _GEO.match(parts[2])
        if not match:
            raise ValueError(parts[2])
        latitude, longitude = float(match[1]), float(match[2])
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValueError(parts[2])
    return Place(parts[0], parts[1] if len(parts) > 1 else "", latitude, longitude)


class _Checker:
    """Collects the problems of one source while its fields are read."""

    def __init__(self, path: str, header: Header):
        self.path = path
        self.header = header
        self.problems: list[Problem] = []

    def field(self, key: str) -> Field | None:
        found = self.header.get(key)
        return found if found is not None and found.value else None

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


def parse_event(
    path: str,
    header: Header,
    *,
    title: str,
    slug: str,
    default_timezone: str,
    description: str = "",
    announced: dt.datetime | None = None,
) -> Event:
    """The event described by ``header``; raises :class:`EventError` listing every problem."""
    check = _Checker(path, header)
    _unknown_fields(check)
    zone_name, zone = _timezone(check, default_timezone)
    kind = _kind(check)
    status = _status(check)
    place, online = _where(check)
    registration = _url(check, "Registration")
    price = _price(check)
    capacity = _capacity(check)
    when = _when(check, zone)
    recurrence = _recurrence(check, when[0]) if when else ""
    if check.problems or when is None:
        raise EventError(check.problems)
    start, end, all_day = when
    return Event(
        slug=slug,
        title=title,
        source=path,
        start=start,
        end=end,
        timezone=zone_name,
        kind=kind,
        status=status,
        all_day=all_day,
        place=place,
        online=online,
        registration=registration,
        price=price,
        capacity=capacity,
        recurrence=recurrence,
        description=description,
        announced=announced,
    )


def _unknown_fields(check: _Checker) -> None:
    known = {name.lower() for name in FIELDS}
    for field in check.header.fields:
        if field.key.startswith("event-") and field.key not in known:
            name = "-".join(part.capitalize() for part in field.key.split("-"))
            close = difflib.get_close_matches(name, FIELDS, n=1)
            if close:
                advice = f"vouliez-vous dire {close[0]}{NBSP}?"
            else:
                advice = f"les champs reconnus sont {', '.join(FIELDS)}"
            check.fail(field.line, f"champ {quoted(name)} inconnu{NBSP}; {advice}")


def _timezone(check: _Checker, default: str) -> tuple[str, zoneinfo.ZoneInfo | None]:
    field = check.field("event-timezone")
    name = field.value if field else default
    try:
        return name, zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, zoneinfo.available_timezones(), n=1)
        example = close[0] if close else "Africa/Abidjan"
        check.fail(
            field.line if field else 0,
            f"fuseau horaire {quoted(name)} inconnu{NBSP}; écrivez un nom de la base IANA, "
            f"par exemple {quoted(example)}",
        )
        return name, None


def _kind(check: _Checker) -> str:
    field = check.field("event-type")
    choices = ", ".join(EVENT_TYPES)
    if field is None:
        check.fail(
            1,
            f"type d’événement manquant{NBSP}: ajoutez une ligne {quoted('Event-Type: meetup')} "
            f"(au choix{NBSP}: {choices})",
        )
        return ""
    kind = _plain(field.value)
    if kind not in EVENT_TYPES:
        check.fail(
            field.line,
            f"type {quoted(field.value)} inconnu{NBSP}; choisissez parmi {choices}",
        )
    return kind


def _status(check: _Checker) -> str:
    field = check.field("status")
    if field is None:
        return DEFAULT_STATUS
    by_plain = {_plain(status): status for status in STATUSES}
    status = by_plain.get(_plain(field.value))
    if status is None:
        check.fail(
            field.line,
            f"statut {quoted(field.value)} inconnu{NBSP}; choisissez parmi {', '.join(STATUSES)}",
        )
        return DEFAULT_STATUS
    return status


def _url(check: _Checker, key: str) -> str:
    field = check.field(key)
    if field is None:
        return ""
    if not _URL.match(field.value):
        check.fail(
            field.line,
            f"adresse {quoted(field.value)} invalide pour {key}{NBSP}; écrivez une adresse "
            "complète qui commence par https://",
        )
        return ""
    return field.value


def _where(check: _Checker) -> tuple[Place | None, str]:
    field = check.field("location")
    online = _url(check, "Online")
    place = None
    if field is not None:
        try:
            place = parse_place(field.value)
        except ValueError:
            check.fail(
                field.line,
                f"lieu {quoted(field.value)} illisible{NBSP}; écrivez "
                f"{quoted('Nom | adresse | latitude, longitude')}, par exemple "
                f"{quoted('Studio Akwaba | Rue des Jardins, Cocody, Abidjan | 5.3536, -3.9870')} "
                "(adresse et coordonnées facultatives, degrés décimaux avec un point)",
            )
    elif not online and check.field("online") is None:
        check.fail(
            1,
            f"lieu manquant{NBSP}: ajoutez une ligne {quoted('Location: Nom | adresse')} "
            f"ou, pour un événement en ligne, {quoted('Online: https://…')}",
        )
    return place, online


def _price(check: _Checker) -> Price | None:
    field = check.field("price")
    if field is None:
        return None
    try:
        return parse_price(field.value)
    except ValueError:
        check.fail(
            field.line,
            f"prix {quoted(field.value)} illisible{NBSP}; écrivez {quoted('gratuit')} "
            f"ou un montant et sa devise, par exemple {quoted('5000 FCFA')}",
        )
        return None


def _capacity(check: _Checker) -> int | None:
    field = check.field("capacity")
    if field is None:
        return None
    text = re.sub(r"[ \u00a0\u202f]|places?$", "", field.value.strip())
    if not text.isdigit() or int(text) == 0:
        check.fail(
            field.line,
            f"capacité {quoted(field.value)} illisible{NBSP}; écrivez un nombre de places, "
            f"par exemple {quoted('40')}",
        )
        return None
    return int(text)


def _moment(check: _Checker, field: Field, what: str) -> tuple[dt.datetime, bool] | None:
    try:
        return parse_date(field.value)
    except ValueError:
        key = "Event-Start" if what == "début" else "Event-End"
        check.fail(
            field.line,
            f"date de {what} {quoted(field.value)} illisible{NBSP}; écrivez {key}: "
            f"AAAA-MM-JJ HH:MM, par exemple {quoted('2026-12-05 18:30')}, "
            f"ou AAAA-MM-JJ pour une journée entière",
        )
        return None


def _when(
    check: _Checker, zone: zoneinfo.ZoneInfo | None
) -> tuple[dt.datetime, dt.datetime, bool] | None:
    """Aware start and end, and whether the event takes whole days; None when unreadable."""
    start_field = check.field("event-start")
    end_field = check.field("event-end")
    duration_field = check.field("event-duration")
    if start_field is None:
        check.fail(
            1,
            f"date de début manquante{NBSP}: ajoutez une ligne "
            f"{quoted('Event-Start: AAAA-MM-JJ HH:MM')}",
        )
        return None
    parsed = _moment(check, start_field, "début")
    if parsed is None or zone is None:
        return None
    naive_start, timed = parsed
    start = naive_start.replace(tzinfo=zone)
    one_day = dt.timedelta(days=1)

    if end_field is not None and duration_field is not None:
        check.fail(
            duration_field.line,
            f"Event-End et Event-Duration donnés ensemble{NBSP}; gardez l’un des deux",
        )
        return None
    if end_field is not None:
        parsed_end = _moment(check, end_field, "fin")
        if parsed_end is None:
            return None
        naive_end, end_timed = parsed_end
        if end_timed != timed:
            expected = "AAAA-MM-JJ HH:MM" if timed else "AAAA-MM-JJ"
            check.fail(
                end_field.line,
                f"fin {quoted(end_field.value)} et début {quoted(start_field.value)} "
                f"n’ont pas la même forme{NBSP}; écrivez Event-End: {expected}, comme Event-Start",
            )
            return None
        end = naive_end.replace(tzinfo=zone)
        if not timed:
            end += one_day  # the author names the last day; calendars want the day after
        if end <= start:
            check.fail(
                end_field.line,
                f"fin {quoted(end_field.value)} avant le début {quoted(start_field.value)}"
                f"{NBSP}; corrigez Event-End ou Event-Start",
            )
            return None
        return start, end, not timed
    if duration_field is not None:
        try:
            duration = parse_duration(duration_field.value)
        except ValueError:
            check.fail(
                duration_field.line,
                f"durée {quoted(duration_field.value)} illisible{NBSP}; écrivez par exemple "
                f"{quoted('2 h 30')}, {quoted('90 min')} ou {quoted('3 jours')}",
            )
            return None
        if not timed and duration % one_day:
            check.fail(
                duration_field.line,
                f"durée {quoted(duration_field.value)} en heures pour un événement sur des "
                f"journées entières{NBSP}; écrivez un nombre de jours, ou une heure dans "
                "Event-Start",
            )
            return None
        return start, start + duration, not timed
    if not timed:
        return start, start + one_day, True
    check.fail(
        start_field.line,
        f"fin manquante{NBSP}: ajoutez une ligne {quoted('Event-End: AAAA-MM-JJ HH:MM')} "
        f"ou {quoted('Event-Duration: 2 h')}",
    )
    return None


def _recurrence(check: _Checker, start: dt.datetime) -> str:
    field = check.field("event-recurrence")
    if field is None:
        return ""
    text = field.value.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    try:
        rule = recurrence_rule(text, start)
        first = next(iter(rule), None)
    except (ValueError, TypeError, OverflowError) as error:
        hint = ""
        if "UNTIL" in str(error):
            hint = f" (UNTIL s’écrit en UTC{NBSP}: UNTIL=20270630T235959Z)"
        check.fail(
            field.line,
            f"règle de répétition {quoted(field.value)} illisible{hint}{NBSP}; écrivez une "
            f"RRULE iCalendar, par exemple {quoted('FREQ=MONTHLY;BYDAY=1TH;COUNT=6')}",
        )
        return ""
    if first != start:
        check.fail(
            field.line,
            f"le début {quoted(start.strftime('%Y-%m-%d %H:%M'))} ne suit pas la règle de "
            f"répétition {quoted(field.value)}{NBSP}; choisissez pour Event-Start la première "
            "date de la série",
        )
        return ""
    return text
