"""The events of the sample site, as a reader gets them: lists, pages, calendars, feed, home."""

from __future__ import annotations

import json

import feedparser
import icalendar
import pytest

from tests.conftest import build_site, copy_content

TODAY = "2026-11-24"
NBSP, NNBSP = "\u00a0", "\u202f"

UPCOMING = [
    "Meetup mensuel des CM de Lomé",
    "Afterwork des community managers d’Abidjan",
    "Modérer les commentaires sans fâcher sa communauté",
    "Afterwork des CM de Yamoussoukro",
    "Techcamp Communautés numériques de Dakar",
]
PAST = [
    "Techcamp de Lomé sur les communautés en ligne",
    "Formation à la gestion de crise sur les réseaux sociaux",
]
AFTERWORK = "/evenements/afterwork-cm-abidjan-decembre/"
# An extra event over the new year, only in the second build.
NEW_YEAR = """Title: Retraite des animateurs de communautés
Event-Start: 2026-12-30
Event-End: 2027-01-02
Event-Type: techcamp
Location: Assinie | Assinie-Mafia, Côte d’Ivoire

Quatre jours pour préparer l’année.
"""


def norm(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").replace(NNBSP, " ").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("events"), EVENTS_TODAY=TODAY)


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    """Another build, one event more, another day: what must not change does not."""
    tmp = tmp_path_factory.mktemp("events-again")
    content = copy_content(tmp)
    (content / "evenements" / "retraite-nouvel-an.md").write_text(NEW_YEAR, encoding="utf-8")
    return build_site(tmp, content=content, EVENTS_TODAY="2026-12-01")


def titles(soup, selector: str) -> list[str]:
    return [norm(a.text) for a in soup.select(f"{selector} .event-title a")]


def card(soup, title: str):
    for found in soup.select(".event-card"):
        if norm(found.select_one(".event-title").text) == title:
            return found
    raise AssertionError(title)


def test_list_shows_upcoming_soonest_first_then_past_latest_first(site):
    page = site.html("/evenements/")
    assert titles(page, ".events-upcoming") == UPCOMING
    assert titles(page, ".events-past") == PAST


def test_french_date_ranges_in_cards(site):
    page = site.html("/evenements/")
    expected = {
        "Afterwork des community managers d’Abidjan": "samedi 5 décembre 2026, 18 h 30 – 21 h",
        UPCOMING[2]: "jeudi 10 décembre 2026, 15 h – 16 h 30",
        "Techcamp Communautés numériques de Dakar": "du 12 au 14 mars 2027",
        "Techcamp de Lomé sur les communautés en ligne": "du 30 octobre au 1er novembre 2026",
        # A recurring event is listed at its next date.
        "Meetup mensuel des CM de Lomé": "jeudi 3 décembre 2026, 18 h 30 – 20 h 30",
    }
    for title, dates in expected.items():
        time = card(page, title).select_one("time")
        assert norm(time.text) == dates
    assert card(page, "Techcamp Communautés numériques de Dakar").time["datetime"] == "2027-03-12"
    assert (
        card(page, "Afterwork des community managers d’Abidjan").time["datetime"]
        == "2026-12-05T18:30:00+00:00"
    )
    raw = card(page, "Afterwork des community managers d’Abidjan").select_one("time").text
    assert f"18{NBSP}h{NBSP}30{NBSP}– 21{NBSP}h" in raw


def test_cards_show_place_type_price_and_a_status_in_words(site):
    page = site.html("/evenements/")
    afterwork = card(page, "Afterwork des community managers d’Abidjan")
    facts = norm(afterwork.select_one(".event-facts").text)
    assert "Afterwork" in facts and "Le Baobab Café" in facts
    assert f"5{NNBSP}000{NBSP}FCFA" in afterwork.text
    badges = {
        title: norm(card(page, title).select_one(".event-status").text)
        for title in (*UPCOMING, *PAST)
    }
    assert badges["Afterwork des CM de Yamoussoukro"] == "Annulé"
    assert badges["Afterwork des community managers d’Abidjan"] == "Prévu"
    assert badges["Formation à la gestion de crise sur les réseaux sociaux"] == "Terminé"


def test_filters_by_type_are_plain_links_to_static_pages(site):
    page = site.html("/evenements/")
    links = {norm(a.text): a["href"] for a in page.select(".event-filters a")}
    assert links["Tous"] == "/evenements/"
    assert links["Techcamps"] == "/evenements/type/techcamp/"
    techcamps = site.html(links["Techcamps"])
    assert titles(techcamps, ".events-upcoming") == ["Techcamp Communautés numériques de Dakar"]
    assert titles(techcamps, ".events-past") == ["Techcamp de Lomé sur les communautés en ligne"]
    assert techcamps.select_one('.event-filters a[aria-current="page"]').text == "Techcamps"
    assert norm(techcamps.h1.text) == "Techcamps"


def test_home_shows_the_next_three_events_not_the_cancelled_one(site):
    home = site.html("/")
    assert titles(home, ".home-events") == UPCOMING[:3]
    assert home.select_one(".home-events a[href='/evenements/']")
    nav = {norm(a.text): a["href"] for a in home.select(".site-nav a")}
    assert nav["Événements"] == "/evenements/"


def test_event_page_with_agenda_links_and_details(site):
    page = site.html(AFTERWORK)
    assert norm(page.h1.text) == "Afterwork des community managers d’Abidjan"
    when = norm(page.select_one(".event-when time").text)
    assert when == "samedi 5 décembre 2026, 18 h 30 – 21 h"
    details = norm(page.select_one(".event-details").get_text(" "))
    assert "Lieu Le Baobab Café" in details and "Capacité 40 places" in details
    assert "Fuseau horaire Abidjan (UTC+0)" in details
    agenda = page.select_one(".event-agenda")
    assert norm(agenda.h2.text) == "Ajouter à mon agenda"
    ics, google = (a["href"] for a in agenda.select("a"))
    assert ics == "/evenements/afterwork-cm-abidjan-decembre.ics"
    assert site.path(ics).exists()
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
    assert page.select_one("link[rel=canonical]")["href"].endswith(AFTERWORK)
    assert not page.select("script[src]"), "no third-party or page script"


def jsonld(site, url: str) -> dict:
    scripts = site.html(url).select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_structured_data_of_each_event(site):
    data = jsonld(site, AFTERWORK)
    assert data["@type"] == "Event" and data["name"] == UPCOMING[1]
    assert data["startDate"] == "2026-12-05T18:30:00+00:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 5.36,
        "longitude": -3.992,
    }
    assert data["offers"]["price"] == 5000 and data["offers"]["priceCurrency"] == "XOF"
    assert data["organizer"]["name"] == "Le carnet du Community Manager"

    cancelled = jsonld(site, "/evenements/afterwork-cm-yamoussoukro/")
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    online = jsonld(site, "/evenements/webinaire-moderer-les-commentaires/")
    assert online["location"]["@type"] == "VirtualLocation"
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["offers"]["price"] == 0
    full = jsonld(site, "/evenements/formation-gestion-de-crise/")
    assert full["offers"]["availability"] == "https://schema.org/SoldOut"
    dakar = jsonld(site, "/evenements/techcamp-communautes-dakar-2027/")
    assert (dakar["startDate"], dakar["endDate"]) == ("2027-03-12", "2027-03-14")


def calendar_of(site, url: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(site.path(url).read_bytes())


def test_whole_calendar_parses_back_with_zones_statuses_and_geo(site):
    cal = calendar_of(site, "/evenements/calendrier.ics")
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert len(events) == len(UPCOMING) + len(PAST)
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"Africa/Abidjan", "Africa/Lome"}
    afterwork = events[UPCOMING[1]]
    assert str(afterwork.start.tzinfo) == "Africa/Abidjan"
    assert (afterwork.start.hour, afterwork.start.minute, afterwork.end.hour) == (18, 30, 21)
    assert str(afterwork["STATUS"]) == "CONFIRMED"
    assert str(afterwork["URL"]).endswith(AFTERWORK)
    assert "Le Baobab Café" in str(afterwork["LOCATION"])
    assert afterwork["GEO"].latitude == 5.36
    cancelled = events["Annulé\u00a0: Afterwork des CM de Yamoussoukro"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    meetup = events[UPCOMING[0]]
    assert str(meetup.start.tzinfo) == "Africa/Lome"
    assert meetup["RRULE"]["FREQ"] == ["MONTHLY"]
    dakar = events[UPCOMING[4]]
    assert (str(dakar.start), str(dakar.end)) == ("2027-03-12", "2027-03-15")
    for event in events.values():
        assert event["DTSTAMP"].dt.utcoffset().total_seconds() == 0


def test_one_calendar_per_event(site):
    for entry in site.html("/evenements/").select(".event-card .event-title a"):
        url = entry["href"].rstrip("/") + ".ics"
        (event,) = calendar_of(site, url).walk("VEVENT")
        assert norm(str(event["SUMMARY"])).endswith(norm(entry.text))


def uids(site) -> dict[str, str]:
    cal = calendar_of(site, "/evenements/calendrier.ics")
    return {str(e["URL"]): str(e["UID"]) for e in cal.walk("VEVENT")}


def test_uids_are_stable_across_builds(site, second):
    first, again = uids(site), uids(second)
    assert len(again) == len(first) + 1
    for url, uid in first.items():
        assert again[url] == uid
    assert len(set(first.values())) == len(first)


def test_range_across_years_and_today_setting(second):
    page = second.html("/evenements/")
    new_year = card(page, "Retraite des animateurs de communautés")
    assert norm(new_year.time.text) == "du 30 décembre 2026 au 2 janvier 2027"
    # On 1 December the Lomé meetup is still next on 3 December; the retreat comes later.
    upcoming = titles(page, ".events-upcoming")
    assert upcoming.index("Retraite des animateurs de communautés") == 4


def test_event_feed_parses(site):
    feed = feedparser.parse(site.text("/feeds/evenements.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == UPCOMING + PAST
    assert feed.entries[1].link.endswith(AFTERWORK)
    assert "5 000 FCFA" in norm(feed.entries[1].summary)
    head = site.html("/evenements/").select_one('link[type="application/atom+xml"][title^="Év"]')
    assert head["href"].endswith("/feeds/evenements.atom.xml")
