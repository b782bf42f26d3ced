"""The Atom feed of events: one entry per event, in the order of the listing."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from feedgenerator import Atom1Feed

from cmcore.french import NBSP

from . import wording
from .listing import Entry


def _summary(entry: Entry) -> str:
    event = entry.event
    lines = [
        f"{wording.kind(event.kind)} – {wording.status(event.status)}",
        wording.dates(entry.occurrence),
    ]
    if event.place is not None:
        lines.append(str(event.place))
    if event.online:
        lines.append(f"En ligne{NBSP}: {event.online}")
    if event.price is not None:
        lines.append(wording.price(event.price))
    if event.description:
        lines.append(event.description)
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def atom(
    listed: Sequence[Entry],
    *,
    title: str,
    link: str,
    feed_url: str,
    url_of: Callable[[Entry], str],
) -> str:
    """The feed as text; an entry is dated by its ``Date`` (announcement), else by its start.

    Nothing depends on the build time, so two builds write the same feed.
    """
    feed = Atom1Feed(
        title=title,
        link=link,
        feed_url=feed_url,
        description="",
        language="fr",
        feed_guid=feed_url,
    )
    for entry in listed:
        event = entry.event
        url = url_of(entry)
        feed.add_item(
            title=event.title,
            link=url,
            unique_id=url,
            description=_summary(entry),
            pubdate=event.announced or event.start,
            updateddate=event.announced or event.start,
            categories=[wording.kind(event.kind)],
        )
    return feed.writeString("utf-8")
