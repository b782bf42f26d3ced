"""Pelican's ``strftime``, at C speed for the formats C formats alike.

Pelican formats dates directive by directive so that ``%-d`` strips zeros and unknown
directives stay as written: a regex, a list and one ``strftime`` call per directive, for
every date of every content at every build (``locale_date``, the sitemap). A format made
only of C89 directives, none with ``-``, gives the same text in one call of
``datetime.strftime``; any other format goes through Pelican unchanged.
"""

from __future__ import annotations

import datetime
import functools
import re

from .seam import pelican_strftime

# The directives Pelican formats (pelican.utils.strftime); any other is kept as written.
_C89 = frozenset("aAbBcdfGHIjmMpSUuVwWxXyYzZ%")
_DIRECTIVE = re.compile(r"%[-]?.")


@functools.lru_cache(maxsize=256)
def _plain(date_format: str) -> bool:
    """Every directive is a C89 one, without Pelican's ``-`` flag (and no stray ``%``)."""
    directives = _DIRECTIVE.findall(date_format)
    stray = "%" in _DIRECTIVE.sub("", date_format)
    return not stray and all(len(found) == 2 and found[1] in _C89 for found in directives)


def strftime(date: datetime.date, date_format: str) -> str:
    """Pelican's ``strftime``, in one C call for plain C89 formats."""
    if _plain(date_format):
        # The C method itself: SafeDatetime's own strftime would come back here.
        if isinstance(date, datetime.datetime):
            return datetime.datetime.strftime(date, date_format)
        if isinstance(date, datetime.date):
            return datetime.date.strftime(date, date_format)
    return pelican_strftime(date, date_format)
