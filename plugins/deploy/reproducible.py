"""Reproducible publish builds: the same sources, the same day, give the same bytes.

A deploy sends what differs from the server, so a build must not stamp "now" where the
content did not change: a second deploy would send those files every time. Two stamps do:
- the calendars' DTSTAMP (plugins/events): ``EVENTS_TODAY`` fixes it to the day;
- pelican-sitemap's ``lastmod`` of index pages (home, categories, tags...), the time of the
  build: the newest article's date instead, when the site last changed for a reader.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from incremental import seam


def fix_today(pelican) -> None:
    """``initialized``: the events plugin's "today" is the day, not the second."""
    settings = pelican.settings
    if settings.get("EVENTS_TODAY") is None:
        zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
        settings["EVENTS_TODAY"] = dt.datetime.now(zone).date().isoformat()


def fix_sitemap_date(generators) -> None:
    """``all_generators_finalized``: index pages' lastmod is the newest article's date."""
    dates = [
        getattr(article, "modified", None) or article.date
        for generator in generators
        for article in getattr(generator, "articles", [])
    ]
    if dates:
        # pelican-sitemap has no setting for it (the tested version only: see the seam).
        seam.set_sitemap_now(max(dates))
