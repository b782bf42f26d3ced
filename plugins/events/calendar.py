"""iCalendar files (RFC 5545) and Google Calendar links for events."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from cmcore.french import NBSP

from .model import EVENT_TYPES, Event

PRODID = "-//Le carnet du Community Manager//Événements//FR"
# RFC 5545 STATUS of a VEVENT for each of our statuses. A full event still takes place.
ICS_STATUS = {
    "prévu": "CONFIRMED",
    "annulé": "CANCELLED",
    "reporté": "TENTATIVE",
    "complet": "CONFIRMED",
}
GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"

# icalendar takes a tenth of a second to import: a build whose calendars did not change
# never writes them, and never imports it.
if TYPE_CHECKING:
    import icalendar


def uid(event: Event, domain: str) -> str:
    """A UID that stays the same from one build to the next: it depends on the slug only."""
    return f"{event.slug}@{domain}"


def location_text(event: Event) -> str:
    """What LOCATION says: the place, or the address of an online event."""
    if event.place is not None:
        return str(event.place)
    return event.online


def vevent(event: Event, *, url: str, domain: str, stamp: dt.datetime) -> icalendar.Event:
    """The VEVENT of one event; ``stamp`` (aware) becomes DTSTAMP, in UTC."""
    import icalendar

    component = icalendar.Event()
    component.add("uid", uid(event, domain))
    component.add("dtstamp", stamp.astimezone(dt.UTC))
    component.add("summary", event.title)
    if event.all_day:
        component.add("dtstart", event.start.date())
        component.add("dtend", event.end.date())
    else:
        # Wall-clock time with its TZID: icalendar would turn GMT zones such as
        # Africa/Abidjan into UTC ("Z") and drop the zone readers expect to see.
        zone = {"TZID": event.timezone}
        component.add("dtstart", event.start.replace(tzinfo=None), parameters=zone)
        component.add("dtend", event.end.replace(tzinfo=None), parameters=zone)
    if event.recurrence:
        component.add("rrule", icalendar.vRecur.from_ical(event.recurrence))
    component.add("status", ICS_STATUS[event.status])
    component.add("url", url)
    description = "\n\n".join(part for part in (event.description, url) if part)
    component.add("description", description)
    location = location_text(event)
    if location:
        component.add("location", location)
    if event.place is not None and event.place.has_geo:
        component.add("geo", (event.place.latitude, event.place.longitude))
    component.add("categories", [EVENT_TYPES[event.kind][0]])
    if event.status == "annulé":
        # Clients that hide cancelled events by STATUS alone are rare; the title says it too.
        component["summary"] = f"Annulé{NBSP}: {event.title}"
    return component


def calendar(
    events: Sequence[Event],
    *,
    name: str,
    urls: Mapping[str, str],
    domain: str,
    stamp: dt.datetime,
) -> bytes:
    """A whole VCALENDAR, with the VTIMEZONE of every zone used; ``urls`` maps slug to page."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(vevent(event, url=urls[event.slug], domain=domain, stamp=stamp))
    # As Calendar.add_missing_timezones(), with each VTIMEZONE built once per process:
    # building one walks decades of transitions, and every event has its own calendar.
    for index, tzid in enumerate(sorted(cal.get_missing_tzids())):
        zone = _timezone(tzid)
        if zone is not None:
            cal.subcomponents.insert(index, zone)
    return cal.to_ical()


@functools.lru_cache(maxsize=64)
def _timezone(tzid: str) -> icalendar.Timezone | None:
    import icalendar

    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:  # a zone icalendar cannot describe: left out, as icalendar does
        return None


def _google_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_url(event: Event, *, url: str) -> str:
    """A Google Calendar « template » link that pre-fills the event; a plain link, no script."""
    if event.all_day:
        dates = f"{event.start:%Y%m%d}/{event.end:%Y%m%d}"
    else:
        dates = f"{_google_time(event.start)}/{_google_time(event.end)}"
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "ctz": event.timezone,
        "details": "\n\n".join(part for part in (event.description, url) if part),
        "location": location_text(event),
    }
    if event.recurrence:
        query["recur"] = f"RRULE:{event.recurrence}"
    return f"{GOOGLE_TEMPLATE}?{urlencode(query)}"
