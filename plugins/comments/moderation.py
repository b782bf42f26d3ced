"""Moderation of comments: French word lists (insults, racism, spam) and link counting.

A list is a plain text file, one entry a line, ``#`` starts a comment. An entry is a
word or a phrase matched as whole words, without case or accents, through common
disguises (``c0nn@rd``, ``c.o.n.n.a.r.d``); a final ``*`` matches any ending
(``encul*``). A flagged comment is not dropped: it waits, with the reason, for the
author's approval.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cmcore.french import NBSP, quoted

from . import sanitize
from .settings import get

LISTS_DIR = Path(__file__).resolve().parent / "lists"
# Label shown to the author for each list, keyed by the list's name.
DEFAULT_LISTS = {
    "insulte": LISTS_DIR / "insultes.txt",
    "propos raciste": LISTS_DIR / "racisme.txt",
    "spam": LISTS_DIR / "spam.txt",
}
DEFAULT_MAX_LINKS = 2

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e"}
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_HREF = re.compile(r"href=\"([^\"]*)\"", re.IGNORECASE)
# Letters separated by dots, dashes or spaces (« c.o.n » , « c o n n a r d ») are joined.
_SPELLED = re.compile(r"\b(?:[a-z][\s._\-*]){2,}[a-z]\b")


def normalise(text: str) -> str:
    """Lower case, no accents, digits and symbols read as letters, one space between words."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").translate(_LEET)
    text = _SPELLED.sub(lambda m: re.sub(r"[\s._\-*]", "", m.group()), text)
    return " ".join(re.sub(r"[^a-z']+", " ", text).split())


@dataclass(frozen=True)
class WordList:
    """One named list, compiled to one regular expression."""

    label: str
    pattern: re.Pattern | None

    def find(self, normalised: str) -> str:
        """The first entry found in normalised text, or ``""``."""
        if self.pattern is None:
            return ""
        match = self.pattern.search(normalised)
        return match.group(0) if match else ""


def read_entries(path: Path) -> list[str]:
    """The entries of a list file."""
    entries = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def compile_list(label: str, entries: list[str]) -> WordList:
    """Compile entries into one whole-word pattern."""
    alternatives = []
    for entry in entries:
        prefix = entry.endswith("*")
        words = normalise(entry.rstrip("*")).split()
        if not words:
            continue
        body = r"\s".join(re.escape(word) for word in words)
        alternatives.append(body + (r"[a-z]*" if prefix else ""))
    if not alternatives:
        return WordList(label, None)
    # Longest first, so that the reported word is the most telling one.
    alternatives.sort(key=len, reverse=True)
    return WordList(label, re.compile(r"(?<![a-z])(?:" + "|".join(alternatives) + r")(?![a-z])"))


@dataclass(frozen=True)
class Moderator:
    """The compiled lists and the link limit of a site."""

    lists: tuple[WordList, ...]
    max_links: int = DEFAULT_MAX_LINKS

    def reason(self, html: str, author: str = "", author_url: str = "") -> str:
        """Why this comment must wait for the author's approval, in French, or ``""``."""
        text = sanitize.text_of(html)
        normalised = normalise(f"{author} {text}")
        for word_list in self.lists:
            found = word_list.find(normalised)
            if found:
                return f"{word_list.label}{NBSP}: {quoted(found)}"
        links = set(_HREF.findall(html)) | {
            m.group().rstrip(".,;:!?)") for m in _URL.finditer(text)
        }
        if self.max_links >= 0 and len(links) > self.max_links:
            return f"spam{NBSP}: {len(links)} liens (maximum {self.max_links})"
        return ""


def moderator(
    lists: Mapping[str, str | Path] | None = None,
    max_links: int = DEFAULT_MAX_LINKS,
    extra: Mapping[str, list[str]] | None = None,
) -> Moderator:
    """Build a moderator from list files (label → path) and extra entries (label → words)."""
    entries: dict[str, list[str]] = {}
    for label, path in (DEFAULT_LISTS if lists is None else lists).items():
        entries.setdefault(label, []).extend(read_entries(Path(path)))
    for label, words in (extra or {}).items():
        entries.setdefault(label, []).extend(words)
    return Moderator(
        tuple(compile_list(label, words) for label, words in entries.items()), max_links
    )


def moderator_for(settings: dict) -> Moderator:
    """The site's moderator, from the ``COMMENTS_MODERATION_*`` settings."""
    return moderator(
        get(settings, "COMMENTS_MODERATION_LISTS"),
        int(get(settings, "COMMENTS_MAX_LINKS")),
        get(settings, "COMMENTS_MODERATION_WORDS"),
    )
