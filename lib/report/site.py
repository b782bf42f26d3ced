"""The site's data as the report needs it, read through the site's own code.

Articles, events and lessons come from Pelican's generators (the ones a build runs, with
the blog, training and events plugins, asked for their context only: nothing is
written); comments come from the comments plugin's store and moderation lists.
"""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from cmcore.headers import parse_header

# The plugins whose readers and records the report needs; the others (proofreading,
# search, incremental builds...) only serve a build's output.
READING_PLUGINS = ("blog", "training", "events")
CACHE_FOLDER = "rapport"  # under CACHE_PATH


@dataclass(frozen=True)
class Article:
    """A published article, as the report counts it."""

    slug: str
    title: str
    url: str
    date: dt.datetime
    category: str
    author: str
    words: int
    minutes: int


@dataclass(frozen=True)
class Lesson:
    """A lesson of a course; ``date`` when its header has a ``Date:`` line."""

    slug: str
    title: str
    course: str
    url: str
    date: dt.datetime | None


@dataclass(frozen=True)
class SiteData:
    """Everything the report reads, for any period."""

    name: str
    origin: str
    timezone: zoneinfo.ZoneInfo
    authors: frozenset[str]
    articles: tuple[Article, ...]
    lessons: tuple[Lesson, ...]
    events: tuple  # events.model.Event records
    event_urls: dict  # event slug → its page's address
    comments: tuple  # (slug, comments.model.Comment, held reason or "")
    category_labels: dict


def site_authors(settings: dict) -> frozenset[str]:
    """The names under which the site's own authors answer comments (compared case-free)."""
    names = {settings.get("AUTHOR") or ""} | set(settings.get("BLOG_AUTHORS") or {})
    return frozenset(name.casefold().strip() for name in names if name)


def read(settings: dict, since: dt.date | None = None) -> SiteData:
    """Read the site of ``settings`` (as ``read_settings`` gives them).

    Comments older than ``since`` are not run through moderation (the slow part): the
    report only needs to know who wrote them and when.
    """
    articles, lessons, events, event_urls = _contents(settings)
    return SiteData(
        name=settings.get("SITENAME", ""),
        origin=(settings.get("SITE_ORIGIN") or settings.get("SITEURL") or "").rstrip("/"),
        timezone=zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC"),
        authors=site_authors(settings),
        articles=articles,
        lessons=lessons,
        events=events,
        event_urls=event_urls,
        comments=_comments(settings, since),
        category_labels=dict(settings.get("BLOG_CATEGORIES") or {}),
    )


def _contents(settings: dict) -> tuple[tuple[Article, ...], tuple[Lesson, ...], tuple, dict]:
    # Content warnings are the build's business; the report only reads (Pelican resolves
    # links when an article's content is first read, so the whole function is quiet).
    logging.disable(logging.WARNING)
    try:
        return _read_contents(settings)
    finally:
        logging.disable(logging.NOTSET)


def _read_contents(
    settings: dict,
) -> tuple[tuple[Article, ...], tuple[Lesson, ...], tuple, dict]:
    from pelican import Pelican
    from pelican.generators import ArticlesGenerator

    from blog.readingtime import count_words, reading_minutes
    from events.events import EventsGenerator
    from training.training import TrainingGenerator

    settings = dict(settings)
    settings["PLUGINS"] = [p for p in settings.get("PLUGINS", []) if p in READING_PLUGINS]
    # A reader cache of its own, never the build's: what the report reads lacks what the
    # build's other plugins add (typography), and a build that found it cached would publish it.
    settings["CACHE_PATH"] = str(Path(settings.get("CACHE_PATH") or "cache") / CACHE_FOLDER)
    settings["CACHE_CONTENT"] = True
    settings["LOAD_CONTENT_CACHE"] = True
    settings["CONTENT_CACHING_LAYER"] = "reader"
    pelican = Pelican(settings)
    context = {
        **pelican.settings,
        "generated_content": {},
        "static_links": set(),
        "static_content": {},
        "localsiteurl": pelican.settings["SITEURL"],
    }
    generators = [
        cls(
            context=context,
            settings=pelican.settings,
            path=pelican.path,
            theme=pelican.theme,
            output_path=pelican.output_path,
        )
        for cls in (ArticlesGenerator, TrainingGenerator, EventsGenerator)
    ]
    for generator in generators:
        generator.generate_context()
    articles_gen, training_gen, events_gen = generators
    speed = int(settings.get("READING_SPEED_WPM", 195))
    site_url = (settings.get("SITE_ORIGIN") or settings.get("SITEURL") or "").rstrip("/")
    articles = []
    for item in articles_gen.articles:
        words = count_words(item.content)
        articles.append(
            Article(
                slug=item.slug,
                title=item.title,
                url=f"{site_url}/{item.url}",
                date=item.date,
                category=str(item.category.slug) if item.category else "",
                author=str(item.author) if getattr(item, "author", None) else "",
                words=words,
                minutes=reading_minutes(words, speed),
            )
        )
    lessons = tuple(
        Lesson(
            slug=lesson.slug,
            title=lesson.title,
            course=course.title,
            url=f"{site_url}/{lesson.url}",
            date=_header_date(lesson.path, settings),
        )
        for course in training_gen.courses
        for lesson in course.lessons
    )
    events = tuple(entry.event for entry in events_gen.entries)
    # Where the events plugin publishes each event (its EVENTS_PATH).
    event_urls = {e.slug: f"{site_url}/{events_gen.urls.page(e.slug)}" for e in events}
    articles.sort(key=lambda a: (a.date, a.slug))
    return tuple(articles), lessons, events, event_urls


def _header_date(path: str, settings: dict) -> dt.datetime | None:
    # The training plugin keeps no date in its Lesson record: read the header's Date line.
    try:
        header = parse_header(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return None
    found = header.get("date")
    if found is None:
        return None
    try:
        value = dt.datetime.fromisoformat(found.value.strip())
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC"))
    return value


def _comments(settings: dict, since: dt.date | None) -> tuple:
    from comments import store
    from comments.model import APPROVED, COMMENT, DELETED, PENDING, SPAM, CommentInputError
    from comments.moderation import moderator_for
    from comments.settings import get

    folder = Path(settings["PATH"]) / get(settings, "COMMENTS_DIR")
    try:
        current = store.load(folder)
    except CommentInputError as error:
        from .period import ReportError

        raise ReportError(f"{error}") from None
    moderator = moderator_for(settings)
    found = []
    for store_file in current.files.values():
        if store_file.article is None:
            continue
        for record in store_file.records:
            try:
                comment = store.from_record(record)
            except (KeyError, ValueError, TypeError):
                continue  # the build tells the author about it
            if comment.kind != COMMENT or comment.status == DELETED:
                continue
            held = ""
            if comment.status in (PENDING, SPAM):
                held = comment.reason or (
                    "spam" if comment.status == SPAM else "en attente de validation"
                )
            elif (
                comment.status == APPROVED
                and not comment.reviewed
                and (since is None or comment.date.date() >= since - dt.timedelta(days=1))
            ):
                held = moderator.reason(comment.html, comment.author, comment.author_url)
            found.append((store_file.article, comment, held))
    found.sort(key=lambda item: (item[1].date, item[1].id))
    return tuple(found)
