"""schema.org ``Event`` structured data (JSON-LD) for an event page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .model import Event, Occurrence

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "prévu": "EventScheduled",
    "annulé": "EventCancelled",
    "reporté": "EventPostponed",
    "complet": "EventScheduled",  # still takes place; the offer says it is sold out
}


def _attendance(event: Event) -> str:
    if event.place is not None and event.online:
        return "MixedEventAttendanceMode"
    return "OnlineEventAttendanceMode" if event.online else "OfflineEventAttendanceMode"


def _location(event: Event) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if event.place is not None:
        place: dict[str, Any] = {"@type": "Place", "name": event.place.name}
        if event.place.address:
            place["address"] = event.place.address
        if event.place.has_geo:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.place.latitude,
                "longitude": event.place.longitude,
            }
        places.append(place)
    if event.online:
        places.append({"@type": "VirtualLocation", "url": event.online})
    return places


def event_data(
    event: Event,
    *,
    url: str,
    occurrence: Occurrence,
    organizer: Mapping[str, str],
) -> dict[str, Any]:
    """The schema.org ``Event`` of ``occurrence`` (the next one for a recurring event)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": occurrence.start_iso,
        "endDate": occurrence.end_iso,
        "eventStatus": SCHEMA + EVENT_STATUS[event.status],
        "eventAttendanceMode": SCHEMA + _attendance(event),
        "inLanguage": "fr",
    }
    if event.description:
        data["description"] = event.description
    places = _location(event)
    data["location"] = places[0] if len(places) == 1 else places
    if event.price is not None:
        amount = event.price.amount
        offer: dict[str, Any] = {
            "@type": "Offer",
            "price": int(amount) if amount == amount.to_integral() else float(amount),
            "priceCurrency": event.price.currency,
            "availability": SCHEMA + ("SoldOut" if event.status == "complet" else "InStock"),
            "url": event.registration or url,
        }
        data["offers"] = offer
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    data["organizer"] = {"@type": "Organization", **organizer}
    return data


def script_json(data: Mapping[str, Any]) -> str:
    """JSON safe inside ``<script type="application/ld+json">``: no « </ » can close it."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
