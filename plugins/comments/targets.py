"""Which article a comment belongs to: slugs, permalinks and link paths, plus aliases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit


def key(value: str) -> str:
    """The comparable form of a slug, a path or a URL: its path without slashes, lower case.

    ``http://example.tld/?p=4`` (a permalink without a path) becomes ``?p=4``.
    """
    value = (value or "").strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return value.lower()
    path = unquote(parts.path).strip("/").lower()
    if not path and parts.query:
        return "?" + parts.query
    return path


@dataclass(frozen=True)
class ArticleIndex:
    """The site's articles, by every key that can name them."""

    keys: Mapping[str, str]
    aliases: Mapping[str, str]
    slugs: frozenset[str]

    def match(self, targets: Iterable[str]) -> str | None:
        """The slug of the article named by the first target that names one, or ``None``."""
        targets = [t for t in targets if t]
        for target in targets:
            found = self.aliases.get(target) or self.aliases.get(key(target))
            if found:
                return found
        for target in targets:
            found = self.keys.get(key(target))
            if found:
                return found
        # An old permalink such as /2014/05/with-comments/ ends with the slug.
        for target in targets:
            last = key(target).rsplit("/", 1)[-1]
            if last in self.slugs:
                return last
        return None


def index(
    articles: Iterable[tuple[str, str]], aliases: Mapping[str, str] | None = None
) -> ArticleIndex:
    """An index of ``(slug, url)`` pairs; ``aliases`` maps old URLs or paths to slugs."""
    keys: dict[str, str] = {}
    slugs = set()
    for slug, url in articles:
        slugs.add(slug)
        keys.setdefault(slug.lower(), slug)
        if url:
            keys.setdefault(key(url), slug)
    cleaned = {}
    for old, slug in (aliases or {}).items():
        cleaned[old] = slug
        cleaned[key(old)] = slug
    return ArticleIndex(keys, cleaned, frozenset(slugs))
