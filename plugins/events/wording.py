"""The French words readers see for an event: dates, price, type, status, places."""

from __future__ import annotations

import datetime as dt
import unicodedata

from babel.dates import get_timezone_location
from babel.numbers import format_currency, format_decimal

from cmcore.dates import LOCALE, format_range
from cmcore.french import NBSP

from .listing import Entry
from .model import EVENT_TYPES, STATUSES, Occurrence, Price


def dates(occurrence: Occurrence) -> str:
    """« samedi 5 décembre 2026, 18 h 30 – 21 h », « du 12 au 14 mars 2027 »."""
    if occurrence.all_day:
        return format_range(occurrence.first_day, occurrence.last_day)
    return format_range(occurrence.start, occurrence.end)


def price(value: Price | None) -> str:
    """« Gratuit », « 5 000 FCFA » (narrow no-break space between thousands), « 20,00 € »."""
    if value is None:
        return ""
    if value.free:
        return "Gratuit"
    if value.currency == "XOF":
        # Readers write and read « FCFA »; Babel's « F CFA » is rarely seen in the region.
        return f"{format_decimal(value.amount, locale=LOCALE)}{NBSP}FCFA"
    return format_currency(value.amount, value.currency, locale=LOCALE)


def kind(key: str) -> str:
    """« Afterwork », « Webinaire »…"""
    return EVENT_TYPES[key][0]


def kinds(key: str) -> str:
    """The plural, for filters: « Afterworks », « Webinaires »…"""
    return EVENT_TYPES[key][1]


def status(key: str) -> str:
    """« Prévu », « Annulé », « Reporté », « Complet »."""
    return STATUSES[key]


def capacity(count: int | None) -> str:
    """« 40 places », « 1 place »."""
    if not count:
        return ""
    return f"{format_decimal(count, locale=LOCALE)}{NBSP}place{'s' if count > 1 else ''}"


def zone(occurrence: Occurrence, name: str) -> str:
    """« Abidjan (UTC+0) », « Paris (UTC+1) »: the city of the time zone and its offset then."""
    city = get_timezone_location(name, locale=LOCALE, return_city=True)
    offset = occurrence.start.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"  # a real minus sign, as French typography wants
    hours, rest = divmod(abs(minutes), 60)
    return f"{city} (UTC{sign}{hours}{f':{rest:02d}' if rest else ''})"


def badge(entry: Entry) -> str:
    """The status badge: the author's status, or « Terminé » once a held event is over."""
    if not entry.upcoming and entry.event.status in ("prévu", "complet"):
        return "Terminé"
    return status(entry.event.status)


def badge_key(entry: Entry) -> str:
    """The badge as an ASCII word for a CSS class: « prevu », « annule », « termine »…"""
    decomposed = unicodedata.normalize("NFD", badge(entry).casefold())
    return "".join(c for c in decomposed if c.isascii())
