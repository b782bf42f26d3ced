"""Which article or lesson a slug names, and its address, read from the sources without a build.

What a plugin needs to know about another plugin's pages goes through here: the
comments plugin files a lesson's comments under the lesson's slug, and asks a live
comment server for the thread of every page by its URL. The rules of a lesson's name
and address are the training plugin's, kept here so that it and its readers agree.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .headers import parse_header
from .settings import getter
from .sources import slugify, walk_sources

# Sources of pages (Pelican's readers, and the HTML a WordPress import may leave).
PAGE_SUFFIXES = (".md", ".markdown", ".mkd", ".html", ".htm", ".rst")
# The training portal's settings (declared once, here, because plugins other than
# ``training`` read them): its source folder inside PATH, and where it is published.
TRAINING_DEFAULTS = {"TRAINING_PATH": "formations", "TRAINING_URL": "formations/"}
COURSE_INDEX = "index.md"
_LESSON_PREFIX = re.compile(r"^(?P<order>\d+)[-_.](?P<name>.+)$")

training_setting = getter(TRAINING_DEFAULTS)  # training_setting(settings, "TRAINING_URL")
# The comment store's folder inside PATH (the comments plugin's; the blog plugin leaves
# the notes kept there alone).
COMMENTS_DEFAULTS = {"COMMENTS_DIR": "comments"}
comments_setting = getter(COMMENTS_DEFAULTS)


@dataclass(frozen=True)
class Entry:
    """A page of the site as its source names it: slug, URL (relative to the site)."""

    slug: str
    url: str


def lesson_order_and_name(path: str, order_value: str | None) -> tuple[int | None, str]:
    """The order of the lesson at ``path`` and its URL name.

    ``Lesson-Order`` (``order_value``) wins over a numeric prefix of the file name
    (``03-moderer.md``); the order is ``None`` when neither gives a whole number. The
    name is the file name without prefix and extension.
    """
    stem = os.path.splitext(os.path.basename(path))[0]
    prefix = _LESSON_PREFIX.match(stem)
    name = prefix["name"] if prefix else stem
    if order_value is not None:
        return (int(order_value) if order_value.strip().isdigit() else None), name
    return (int(prefix["order"]) if prefix else None), name


def lesson_slug(course: str, name: str) -> str:
    """A lesson's slug, unique across the site (two courses may both have an ``introduction``)."""
    return f"{course}-{name}"


def lesson_url(base_url: str, course: str, name: str) -> str:
    """``formations/<course>/<name>/``: where a lesson is published."""
    return f"{base_url}{course}/{name}/"


def articles(settings: Mapping, folders: Iterable[str]) -> list[Entry]:
    """Every source under ``folders`` (inside ``PATH``) with a ``Slug:`` or a title.

    The slug is ``Slug:``, else the title slugified as Pelican does; the URL is
    ``ARTICLE_URL`` with that slug.
    """
    root = Path(settings["PATH"])
    found = []
    for folder in folders:
        relpaths = walk_sources(root / folder, PAGE_SUFFIXES)
        for relpath in sorted(relpaths, key=lambda path: path.split("/")):
            path = root / folder / relpath
            if not path.is_file():
                continue
            header = parse_header(path.read_text(encoding="utf-8", errors="replace"))
            slug_field, title = header.get("slug"), header.get("title")
            if slug_field and slug_field.value:
                slug = slug_field.value
            elif title and title.value:
                slug = slugify(title.value, settings)
            else:
                continue
            try:
                url = settings.get("ARTICLE_URL", "{slug}.html").format(slug=slug)
            except (KeyError, IndexError):
                url = slug
            found.append(Entry(slug, url))
    return found


def lessons(settings: Mapping) -> list[Entry]:
    """Every lesson of the training portal that the build would publish, by its headers.

    A lesson without a readable order has no page (the build says why), so it is left out.
    """
    root = Path(settings["PATH"]) / training_setting(settings, "TRAINING_PATH")
    base_url = training_setting(settings, "TRAINING_URL")
    found = []
    for index_file in sorted(root.glob(f"*/{COURSE_INDEX}")):
        course = index_file.parent.name
        for path in sorted(index_file.parent.iterdir()):
            if path == index_file or path.suffix.lower() not in PAGE_SUFFIXES:
                continue
            header = parse_header(path.read_text(encoding="utf-8", errors="replace"))
            slug_field, order_field = header.get("slug"), header.get("lesson-order")
            order, name = lesson_order_and_name(
                str(path), order_field.value if order_field else None
            )
            if order is None:
                continue
            if slug_field and slug_field.value:
                name = slug_field.value
            found.append(Entry(lesson_slug(course, name), lesson_url(base_url, course, name)))
    return found
