"""Pelican glue of the events plugin: read ``content/evenements/``, write pages and calendars.

The work is in the pure modules (``parse``, ``listing``, ``calendar``, ``jsonld``, ``feed``,
``wording``); this module only reads files with Pelican's readers, reports problems and
hands the results to the templates.
"""

from __future__ import annotations

import logging
import os
import zoneinfo
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from pelican import signals
from pelican.contents import Page, SkipStub
from pelican.generators import Generator
from pelican.utils import pelican_open

from cmcore import problems
from cmcore.files import same_as_last_build, write_atomically
from cmcore.headers import parse_header
from cmcore.plugins import connect
from cmcore.settings import getter
from cmcore.sources import slugify
from incremental import seam

from . import calendar, feed, jsonld, listing, wording
from .model import EVENT_TYPES, Event
from .parse import EventError, describe, parse_event

logger = logging.getLogger(__name__)

# Every setting of the plugin, with its default (documented in README.md).
DEFAULTS: dict[str, Any] = {
    "EVENTS_PATH": "evenements",  # content/<path>/*.md, published under /<path>/
    "EVENTS_TIMEZONE": "Africa/Abidjan",  # when an event has no Event-Timezone
    "EVENTS_TODAY": None,  # "AAAA-MM-JJ" to fix "today" (tests, reproducible builds)
    "EVENTS_HOME_COUNT": 3,  # upcoming events on the home page
    "EVENTS_NEXT_DATES": 5,  # next dates listed for a recurring event
    "EVENTS_ORGANIZER": None,  # {"name": ..., "url": ...}; None: the site itself
    "EVENTS_FEED_ATOM": "feeds/evenements.atom.xml",
    "EVENTS_CALENDAR_NAME": None,  # None: "Événements – <SITENAME>"
}


setting = getter(DEFAULTS)  # setting(settings, "EVENTS_PATH"): the value, or its default


@dataclass(frozen=True)
class Urls:
    """Where the plugin writes, relative to the site root (no leading slash)."""

    root: str

    def index(self) -> str:
        return f"{self.root}/"

    def kind(self, kind: str) -> str:
        return f"{self.root}/type/{kind}/"

    def page(self, slug: str) -> str:
        return f"{self.root}/{slug}/"

    def ics(self, slug: str) -> str:
        return f"{self.root}/{slug}.ics"

    def calendar(self) -> str:
        return f"{self.root}/calendrier.ics"


class EventsGenerator(Generator):
    """Reads the event sources, then writes the list, filters, pages, calendars and feed."""

    def __init__(self, *args, **kwargs):
        # Pelican's reader cache, as for articles: an unchanged source is not converted again.
        super().__init__(*args, readers_cache_name=f"{type(self).__name__}-Readers", **kwargs)

    def generate_context(self) -> None:
        settings = self.settings
        self.urls = Urls(setting(settings, "EVENTS_PATH").strip("/"))
        zone = zoneinfo.ZoneInfo(setting(settings, "EVENTS_TIMEZONE"))
        self.now = listing.parse_today(setting(settings, "EVENTS_TODAY"), zone)
        self.pages: dict[str, Page] = {}
        events = [event for event in map(self._read, self._sources()) if event is not None]
        self.entries = listing.entries(events, self.now, setting(settings, "EVENTS_NEXT_DATES"))
        home = listing.for_home(self.entries, setting(settings, "EVENTS_HOME_COUNT"))
        self.context.update(
            upcoming_events=home,
            EVENTS_URLS=self.urls,
            EVENTS_FEED_ATOM=setting(settings, "EVENTS_FEED_ATOM"),
            EVENTS_CALENDAR=self.urls.calendar(),
        )
        self.readers.save_cache()

    def _sources(self) -> list[str]:
        return sorted(self.get_files(setting(self.settings, "EVENTS_PATH"), extensions=("md",)))

    def _read(self, relative: str) -> Event | None:
        page = self.readers.read_file(
            base_path=self.path, path=relative, content_class=Page, context=self.context
        )
        if isinstance(page, SkipStub):  # the site's reader has already said why
            self._add_failed_source_path(relative)
            return None
        with pelican_open(page.source_path) as text:
            header = parse_header(text)
        try:
            event = parse_event(
                page.source_path,
                header,
                title=page.title,
                slug=self._slug(page),
                default_timezone=setting(self.settings, "EVENTS_TIMEZONE"),
                description=describe(page.metadata.get("summary") or seam.text(page) or ""),
                announced=getattr(page, "date", None),
            )
        except EventError as error:
            for problem in error.problems:
                problems.report(self.settings, problem)
            self._add_failed_source_path(relative)
            return None
        # The page keeps the rendered body (with {filename} links) and answers site links.
        page.slug = event.slug
        page.override_url = self.urls.page(event.slug)
        page.override_save_as = self.urls.page(event.slug) + "index.html"
        page.template = "event"
        self.add_source_path(page)
        self.add_static_links(page)
        self.pages[event.slug] = page
        return event

    def _slug(self, page: Page) -> str:
        # An event is named by its file (stable while the title is reworded), unless Slug says.
        if "slug" in page.metadata:
            return page.slug
        name = os.path.splitext(os.path.basename(page.source_path))[0]
        return slugify(name, self.settings, preserve_case=False)

    # --- output ---------------------------------------------------------------------------

    def _absolute(self, path: str) -> str:
        return f"{self.settings.get('SITE_ORIGIN', self.settings['SITEURL'])}/{path}"

    def _organizer(self) -> dict[str, str]:
        return setting(self.settings, "EVENTS_ORGANIZER") or {
            "name": self.settings["SITENAME"],
            "url": self._absolute(""),
        }

    def _write_bytes(self, path: str, data: bytes) -> None:
        write_atomically(os.path.join(self.output_path, path), data)

    def generate_output(self, writer) -> None:
        urls = self.urls
        kinds = [kind for kind in EVENT_TYPES if listing.of_kind(self.entries, kind)]
        template = self.get_template("events")
        common = {"event_kinds": kinds}
        writer.write_file(
            urls.index() + "index.html",
            template,
            self.context,
            entries=self.entries,
            current_kind=None,
            url=urls.index(),
            relative_urls=self.settings["RELATIVE_URLS"],
            **common,
        )
        for kind in kinds:
            writer.write_file(
                urls.kind(kind) + "index.html",
                template,
                self.context,
                entries=listing.of_kind(self.entries, kind),
                current_kind=kind,
                url=urls.kind(kind),
                relative_urls=self.settings["RELATIVE_URLS"],
                **common,
            )
        self._write_events(writer, common)
        self._write_calendars(writer)
        self._write_feed(writer)

    def _write_events(self, writer, common: dict) -> None:
        template = self.get_template("event")
        organizer = self._organizer()
        for entry in self.entries:
            event = entry.event
            url = self._absolute(self.urls.page(event.slug))
            data = jsonld.event_data(
                event, url=url, occurrence=entry.occurrence, organizer=organizer
            )
            writer.write_file(
                self.urls.page(event.slug) + "index.html",
                template,
                self.context,
                entry=entry,
                event=event,
                page=self.pages[event.slug],
                event_jsonld=jsonld.script_json(data),
                ics_url=self.urls.ics(event.slug),
                google_url=calendar.google_url(event, url=url),
                url=self.urls.page(event.slug),
                relative_urls=self.settings["RELATIVE_URLS"],
                **common,
            )

    def _write_calendars(self, writer) -> None:
        events = [entry.event for entry in self.entries]
        urls = {event.slug: self._absolute(self.urls.page(event.slug)) for event in events}
        domain = urlparse(self._absolute("")).hostname or "localhost"
        name = setting(self.settings, "EVENTS_CALENDAR_NAME") or (
            f"Événements – {self.settings['SITENAME']}"
        )
        options = {"urls": urls, "domain": domain, "stamp": self.now}
        # With incremental builds, a calendar whose events did not change is left as it is:
        # its DTSTAMP stays the moment its content was last written.
        for path, chosen, title in [
            (self.urls.ics(event.slug), [event], f"{event.title} – {name}") for event in events
        ] + [(self.urls.calendar(), events, name)]:
            if same_as_last_build(writer, path, (chosen, title, urls, domain)):
                continue
            self._write_bytes(path, calendar.calendar(chosen, name=title, **options))

    def _write_feed(self, writer) -> None:
        path = setting(self.settings, "EVENTS_FEED_ATOM")
        if not path:
            return
        title = f"Événements – {self.settings['SITENAME']}"
        link, feed_url = self._absolute(self.urls.index()), self._absolute(path)
        urls = [self._absolute(self.urls.page(entry.event.slug)) for entry in self.entries]
        # As the calendars: a feed whose entries did not change is left as it is.
        if same_as_last_build(writer, path, (self.entries, title, link, feed_url, urls)):
            return
        text = feed.atom(
            self.entries,
            title=title,
            link=link,
            feed_url=feed_url,
            url_of=lambda entry: self._absolute(self.urls.page(entry.event.slug)),
        )
        self._write_bytes(path, text.encode("utf-8"))


def get_generators(pelican) -> type[Generator]:
    return EventsGenerator


def add_filters(generator) -> None:
    generator.env.filters.update(
        event_dates=wording.dates,
        event_price=wording.price,
        event_kind=wording.kind,
        event_kinds=wording.kinds,
        event_status=wording.status,
        event_capacity=wording.capacity,
        event_zone=wording.zone,
        event_badge=wording.badge,
        event_badge_key=wording.badge_key,
    )


def register() -> None:
    connect(
        "events",
        (signals.get_generators, get_generators),
        (signals.generator_init, add_filters),
    )


def preview(pelican) -> list[listing.Entry]:
    """The events as a build would list them, without writing anything (``invoke events``).

    Problems are reported as in a build and stay recorded in ``pelican.settings``.
    """
    settings = pelican.settings
    problems.start(settings)
    context = {
        **settings,
        "generated_content": {},
        "static_content": {},
        "static_links": set(),
        "localsiteurl": settings["SITEURL"],
    }
    generator = EventsGenerator(
        context=context,
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    generator.generate_context()
    return generator.entries
