"""Table of contents of an article, from the ids that Markdown's ``toc`` extension sets."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_HEADING = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Entry:
    """One heading: its level (2 or 3), anchor id and plain text."""

    level: int
    anchor: str
    text: str


def headings(content_html: str) -> list[Entry]:
    """The h2 and h3 headings of an article, in order."""
    return [
        Entry(int(level), anchor, html.unescape(_TAG.sub("", inner)).strip())
        for level, anchor, inner in _HEADING.findall(content_html)
    ]
