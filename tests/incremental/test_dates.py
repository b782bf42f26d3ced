"""The fast strftime gives Pelican's text for every format, fast path or not."""

import datetime
import zoneinfo

import pytest
from pelican.utils import SafeDatetime

from incremental import dates, seam

ZONE = zoneinfo.ZoneInfo("Africa/Abidjan")
VALUES = [
    SafeDatetime(2026, 3, 5, 9, 7, 3, 120, tzinfo=ZONE),
    SafeDatetime(2026, 11, 24, 18, 30),
    datetime.datetime(2027, 1, 2, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))),
    datetime.date(2026, 7, 14),
]
FORMATS = [
    "%a %d %B %Y",  # Pelican's default
    "%Y-%m-%dT%H:%M:%S%z",  # the sitemap's
    "%d/%m/%Y à %Hh%M, %% près",
    "%-d %B %Y",  # Pelican's zero stripping
    "%e %B",  # not C89: Pelican keeps it as written
    "%x %X %c %j %U %W %w %p %y %Z %f %G %V %u",
    "sans directive",
    "100 %",  # a stray %: Pelican fails, and so must this
]


def pelican_or_error(value, date_format):
    try:
        return seam.pelican_strftime(value, date_format)
    except ValueError as error:
        return type(error)


@pytest.mark.parametrize("date_format", FORMATS)
@pytest.mark.parametrize("value", VALUES, ids=str)
def test_same_text_as_pelican(value, date_format):
    expected = pelican_or_error(value, date_format)
    if expected is ValueError:
        with pytest.raises(ValueError):
            dates.strftime(value, date_format)
    else:
        assert dates.strftime(value, date_format) == expected


def test_the_fast_path_is_taken_only_for_plain_formats():
    assert dates._plain("%a %d %B %Y") and dates._plain("%Y-%m-%d %%")
    assert not dates._plain("%-d %B") and not dates._plain("%e")
