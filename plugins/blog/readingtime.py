"""Reading time of an article, from its rendered HTML."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<(script|style|pre|code)\b.*?</\1>|<[^>]+>", re.S | re.I)
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def count_words(content_html: str) -> int:
    """Words a reader reads: text outside tags, code left out."""
    text = html.unescape(_TAG.sub(" ", content_html))
    return len(_WORD.findall(text))


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes, rounded to the nearest, never less than one."""
    return max(1, round(words / words_per_minute))
