"""The pure core of the events plugin: French ranges, parsing, ordering, calendars, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from decimal import Decimal

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmcore.dates import format_range
from cmcore.headers import parse_header
from events import calendar, jsonld, listing, wording
from events.model import Event, Occurrence, Place, Price
from events.parse import (
    EventError,
    describe,
    parse_duration,
    parse_event,
    parse_place,
    parse_price,
)
from tests.conftest import plain

NBSP, NNBSP = "\u00a0", "\u202f"
ABIDJAN = zoneinfo.ZoneInfo("Africa/Abidjan")


# --- French date ranges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (
            dt.datetime(2026, 12, 5, 18, 30),
            dt.datetime(2026, 12, 5, 21, 0),
            "samedi 5 décembre 2026, 18 h 30 – 21 h",
        ),
        (
            dt.datetime(2026, 12, 5, 19),
            dt.datetime(2026, 12, 6, 1),
            "samedi 5 décembre 2026, 19 h – 1 h",
        ),
        (dt.date(2027, 3, 12), dt.date(2027, 3, 14), "du 12 au 14 mars 2027"),
        (dt.date(2027, 3, 1), dt.date(2027, 3, 3), "du 1er au 3 mars 2027"),
        (dt.date(2027, 3, 30), dt.date(2027, 4, 2), "du 30 mars au 2 avril 2027"),
        (dt.date(2027, 3, 30), dt.date(2027, 4, 1), "du 30 mars au 1er avril 2027"),
        (dt.date(2026, 12, 30), dt.date(2027, 1, 2), "du 30 décembre 2026 au 2 janvier 2027"),
        (dt.date(2026, 6, 1), dt.date(2026, 6, 1), "lundi 1er juin 2026"),
        (dt.datetime(2026, 9, 15, 9), dt.datetime(2026, 9, 16, 17), "du 15 au 16 septembre 2026"),
    ],
)
def test_format_range(start, end, expected):
    assert plain(format_range(start, end)) == expected


def test_same_day_range_keeps_the_dash_off_the_start_of_a_line():
    text = format_range(dt.datetime(2026, 12, 5, 18, 30), dt.datetime(2026, 12, 5, 21))
    assert f"18{NBSP}h{NBSP}30{NBSP}– 21{NBSP}h" in text
    assert f"5{NBSP}décembre" in text


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=1, max_value=800),
)
def test_several_day_ranges_name_both_ends_and_the_last_year(first, length):
    last = first + dt.timedelta(days=length)
    text = plain(format_range(first, last))
    assert text.startswith("du ") and " au " in text
    assert text.endswith(str(last.year))
    # The year of the start is written only when it differs from the end's.
    assert (str(first.year) in text.split(" au ")[0]) == (first.year != last.year)
    day = "1er" if last.day == 1 else str(last.day)
    assert f" au {day} " in text


@given(
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2080, 1, 1)),
    st.integers(min_value=1, max_value=600),
)
def test_timed_ranges_are_one_day_with_times_or_several_days(start, minutes):
    end = start + dt.timedelta(minutes=minutes)
    text = plain(format_range(start, end))
    if end.date() == start.date():
        assert text.count(" h") == 2 and " – " in text and not text.startswith("du ")
    else:
        assert text.startswith("du ") or end.time() <= dt.time(6)


# --- Parsing -----------------------------------------------------------------------------------


def test_price_free_and_amounts():
    assert parse_price("Gratuit").free
    assert parse_price("5000 FCFA") == Price(Decimal(5000), "XOF")
    assert parse_price("75 000 F CFA") == Price(Decimal(75000), "XOF")
    assert parse_price("20 €").currency == "EUR"
    for bad in ("cinq mille", "5000", "5000 dollars"):
        with pytest.raises(ValueError):
            parse_price(bad)
    assert wording.price(Price(Decimal(5000))) == f"5{NNBSP}000{NBSP}FCFA"
    assert wording.price(Price(Decimal(0))) == "Gratuit"


def test_durations():
    assert parse_duration("2 h 30") == dt.timedelta(hours=2, minutes=30)
    assert parse_duration("90 min") == dt.timedelta(minutes=90)
    assert parse_duration("3 jours") == dt.timedelta(days=3)
    assert parse_duration("PT1H30M") == dt.timedelta(hours=1, minutes=30)
    for bad in ("", "deux heures", "PT", "0 h"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_place_with_and_without_coordinates():
    assert parse_place("Le Baobab | Cocody, Abidjan | 5.36, -3.99") == Place(
        "Le Baobab", "Cocody, Abidjan", 5.36, -3.99
    )
    assert parse_place("Le Baobab") == Place("Le Baobab")
    with pytest.raises(ValueError):
        parse_place("Le Baobab | Cocody | 95, 3")


def test_describe_takes_the_first_paragraph_as_plain_text():
    assert describe("<p>Un <em>verre</em> &amp; des rencontres.</p><p>Suite</p>") == (
        "Un verre & des rencontres."
    )


def event_from(text: str, **options):
    options.setdefault("default_timezone", "Africa/Abidjan")
    return parse_event(
        "content/evenements/x.md", parse_header(text), title="Essai", slug="x", **options
    )


GOOD = (
    "Title: Essai\n"
    "Event-Start: 2026-12-05 18:30\n"
    "Event-End: 2026-12-05 21:00\n"
    "Event-Type: Afterwork\n"
    "Location: Le Baobab | Cocody, Abidjan | 5.36, -3.99\n"
    "Status: Annule\n"
    "\nTexte.\n"
)


def test_a_good_header_gives_an_aware_event():
    event = event_from(GOOD)
    assert event.start == dt.datetime(2026, 12, 5, 18, 30, tzinfo=ABIDJAN)
    assert event.end - event.start == dt.timedelta(hours=2, minutes=30)
    assert (event.kind, event.status, event.all_day) == ("afterwork", "annulé", False)


def test_whole_days_end_the_day_after_the_last_one():
    event = event_from(
        "Title: T\nEvent-Start: 2027-03-12\nEvent-End: 2027-03-14\nEvent-Type: techcamp\n"
        "Location: Dakar\n"
    )
    assert event.all_day and event.end.date() == dt.date(2027, 3, 15)
    assert plain(wording.dates(event.first)) == "du 12 au 14 mars 2027"


def problems_of(text: str) -> list[str]:
    with pytest.raises(EventError) as failed:
        event_from(text)
    return [plain(str(problem)) for problem in failed.value.problems]


@pytest.mark.parametrize(
    ("line", "replacement", "expected"),
    [
        (
            "Event-End: 2026-12-05 21:00",
            "Event-End: 2026-12-05 17:00",
            "x.md:3 : fin « 2026-12-05 17:00 » avant le début « 2026-12-05 18:30 » ; "
            "corrigez Event-End ou Event-Start",
        ),
        (
            "Event-Type: Afterwork",
            "Event-Type: conférence",
            "x.md:4 : type « conférence » inconnu ; choisissez parmi afterwork, meetup, "
            "techcamp, formation, webinaire",
        ),
        (
            "Event-Start: 2026-12-05 18:30",
            "Event-Start: 5 décembre 2026",
            "x.md:2 : date de début « 5 décembre 2026 » illisible ; écrivez Event-Start: "
            "AAAA-MM-JJ HH:MM, par exemple « 2026-12-05 18:30 », ou AAAA-MM-JJ pour une "
            "journée entière",
        ),
        (
            "Status: Annule",
            "Event-Timezone: Africa/Abidjn",
            "x.md:6 : fuseau horaire « Africa/Abidjn » inconnu ; écrivez un nom de la base "
            "IANA, par exemple « Africa/Abidjan »",
        ),
        (
            "Status: Annule",
            "Event-Recurrence: FREQ=SOMETIMES",
            "x.md:6 : règle de répétition « FREQ=SOMETIMES » illisible ; écrivez une RRULE "
            "iCalendar, par exemple « FREQ=MONTHLY;BYDAY=1TH;COUNT=6 »",
        ),
        (
            "Status: Annule",
            "Event-Recurrence: FREQ=MONTHLY;BYDAY=1TH",
            "x.md:6 : le début « 2026-12-05 18:30 » ne suit pas la règle de répétition "
            "« FREQ=MONTHLY;BYDAY=1TH » ; choisissez pour Event-Start la première date de la "
            "série",
        ),
        (
            "Status: Annule",
            "Status: reprogrammé",
            "x.md:6 : statut « reprogrammé » inconnu ; choisissez parmi prévu, annulé, "
            "reporté, complet",
        ),
        (
            "Status: Annule",
            "Price: cinq mille",
            "x.md:6 : prix « cinq mille » illisible ; écrivez « gratuit » ou un montant et sa "
            "devise, par exemple « 5000 FCFA »",
        ),
        (
            "Status: Annule",
            "Event-Ends: 2026-12-05 21:00",
            "x.md:6 : champ « Event-Ends » inconnu ; vouliez-vous dire Event-End ?",
        ),
        (
            "Event-End: 2026-12-05 21:00",
            "Event-Duration: deux heures",
            "x.md:3 : durée « deux heures » illisible ; écrivez par exemple « 2 h 30 », "
            "« 90 min » ou « 3 jours »",
        ),
    ],
)
def test_each_bad_field_gets_one_french_line(line, replacement, expected):
    assert line in GOOD
    found = problems_of(GOOD.replace(line, replacement))
    assert found == [f"content/evenements/x.md:{expected.split('x.md:', 1)[1]}"]


def test_every_problem_of_a_file_is_reported_at_once():
    text = GOOD.replace("Event-Type: Afterwork", "Event-Type: gala").replace(
        "Event-End: 2026-12-05 21:00", "Event-End: 2026-12-05 17:00"
    )
    lines = [p.split(" : ")[0] for p in problems_of(text)]
    assert lines == ["content/evenements/x.md:4", "content/evenements/x.md:3"]


def test_missing_fields_say_what_to_add():
    found = problems_of("Title: T\nEvent-Start: 2026-12-05 18:30\n\nTexte.\n")
    assert any("type d’événement manquant" in p for p in found)
    assert any("lieu manquant" in p for p in found)
    assert any("fin manquante" in p for p in found)


# --- Listing -----------------------------------------------------------------------------------


def make(slug, start, hours=2, **fields):
    start = start.replace(tzinfo=ABIDJAN)
    return Event(
        slug=slug,
        title=slug,
        source=f"{slug}.md",
        start=start,
        end=start + dt.timedelta(hours=hours),
        timezone="Africa/Abidjan",
        kind=fields.pop("kind", "meetup"),
        **fields,
    )


NOW = dt.datetime(2026, 11, 24, tzinfo=ABIDJAN)


def test_upcoming_soonest_first_then_past_latest_first():
    events = [
        make("passe-ancien", dt.datetime(2026, 1, 10, 18)),
        make("bientot", dt.datetime(2026, 11, 30, 18)),
        make("plus-tard", dt.datetime(2027, 2, 1, 18)),
        make("passe-recent", dt.datetime(2026, 11, 20, 18)),
        make("aujourdhui-fini", dt.datetime(2026, 11, 23, 23), hours=0.5),
    ]
    listed = listing.entries(events, NOW)
    assert [e.event.slug for e in listed] == [
        "bientot",
        "plus-tard",
        "aujourdhui-fini",
        "passe-recent",
        "passe-ancien",
    ]
    assert [e.upcoming for e in listed] == [True, True, False, False, False]


def test_an_event_is_upcoming_until_it_ends():
    ongoing = make("en-cours", dt.datetime(2026, 11, 23, 23), hours=3)
    assert listing.entries([ongoing], NOW)[0].upcoming


def test_recurring_event_is_listed_at_its_next_date_and_past_at_its_last():
    monthly = make(
        "mensuel", dt.datetime(2026, 10, 1, 18, 30), recurrence="FREQ=MONTHLY;BYDAY=1TH;COUNT=3"
    )
    entry = listing.entries([monthly], NOW)[0]
    assert entry.upcoming
    assert entry.occurrence.start == dt.datetime(2026, 12, 3, 18, 30, tzinfo=ABIDJAN)
    assert len(entry.next_dates) == 1
    later = listing.entries([monthly], dt.datetime(2027, 6, 1, tzinfo=ABIDJAN))[0]
    assert not later.upcoming
    assert later.occurrence.start == dt.datetime(2026, 12, 3, 18, 30, tzinfo=ABIDJAN)


def test_an_endless_rule_is_bounded():
    weekly = make("hebdo", dt.datetime(2020, 1, 2, 18), recurrence="FREQ=WEEKLY")
    entry = listing.entries([weekly], NOW, next_count=4)[0]
    assert len(entry.next_dates) == 4 and entry.occurrence.start > NOW


def test_home_leaves_cancelled_events_out():
    events = [
        make("a", dt.datetime(2026, 12, 1, 18)),
        make("annule", dt.datetime(2026, 12, 2, 18), status="annulé"),
        make("b", dt.datetime(2026, 12, 3, 18)),
        make("c", dt.datetime(2026, 12, 4, 18)),
        make("d", dt.datetime(2026, 12, 5, 18)),
    ]
    home = listing.for_home(listing.entries(events, NOW), 3)
    assert [e.event.slug for e in home] == ["a", "b", "c"]


def test_today_setting_accepts_dates_and_strings():
    assert listing.parse_today("2026-11-24", ABIDJAN) == NOW
    assert listing.parse_today(dt.date(2026, 11, 24), ABIDJAN) == NOW
    assert listing.parse_today("2026-11-24 10:00", ABIDJAN).hour == 10


# --- Calendar and JSON-LD ----------------------------------------------------------------------


def test_calendar_round_trip_keeps_zone_status_and_geo():
    event = make(
        "annule",
        dt.datetime(2026, 12, 5, 18, 30),
        status="annulé",
        place=Place("Le Baobab", "Cocody, Abidjan", 5.36, -3.99),
    )
    data = calendar.calendar(
        [event], name="Essai", urls={"annule": "https://x.org/e/"}, domain="x.org", stamp=NOW
    )
    parsed = icalendar.Calendar.from_ical(data)
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Africa/Abidjan"]
    (vevent,) = parsed.walk("VEVENT")
    assert vevent.start == event.start and str(vevent.start.tzinfo) == "Africa/Abidjan"
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["UID"]) == "annule@x.org"
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (5.36, -3.99)
    assert vevent["DTSTAMP"].dt == NOW


def test_google_link_is_a_plain_template_url_in_utc():
    event = make("a", dt.datetime(2026, 12, 5, 18, 30), place=Place("Le Baobab"))
    url = calendar.google_url(event, url="https://x.org/a/")
    assert url.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
    assert "dates=20261205T183000Z%2F20261205T203000Z" in url


def test_jsonld_cannot_close_its_script_and_maps_status_and_price():
    event = make(
        "complet",
        dt.datetime(2026, 12, 5, 18, 30),
        status="complet",
        price=Price(Decimal(5000)),
        online="https://x.org/live",
        description="</script><script>alert(1)</script>",
    )
    text = jsonld.script_json(
        jsonld.event_data(
            event, url="https://x.org/a/", occurrence=event.first, organizer={"name": "Moi"}
        )
    )
    assert "</" not in text
    data = json.loads(text)
    assert data["description"] == "</script><script>alert(1)</script>"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert (data["offers"]["price"], data["offers"]["priceCurrency"]) == (5000, "XOF")
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://x.org/live"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_occurrence_iso_for_whole_days_is_a_date():
    start = dt.datetime(2027, 3, 12, tzinfo=ABIDJAN)
    occurrence = Occurrence(start, start + dt.timedelta(days=3), all_day=True)
    assert (occurrence.start_iso, occurrence.end_iso) == ("2027-03-12", "2027-03-14")
