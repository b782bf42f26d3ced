"""Content URLs without copying the metadata at every access.

Pelican formats a content's URL and output path from ``url_format``: a copy of all its
metadata plus its relative source path (two ``os.path`` walks), built again at every
access of ``url`` or ``save_as``, tens of thousands of times per build. When a pattern
uses only ``{slug}`` and ``{lang}`` (``"{slug}/"``, ``"categorie/{slug}/"``...), the
same string comes from those two values, which ``url_format`` takes as they are.
Other patterns go through Pelican unchanged.

Slugs are remembered too: Pelican makes one wrapper per article for the same tag or
category, and each slugifies its name again (markup stripped, Unicode normalised,
transliterated, a regex per substitution). ``slugify`` is a pure function of its
arguments; a plain string's slug is computed once per process.
"""

from __future__ import annotations

import functools
import string

import pelican.contents
import pelican.urlwrappers
from pelican.contents import Content
from pelican.utils import slugify as _pelican_slugify

_SIMPLE = frozenset({"slug", "lang"})
_pelican_expand_settings = Content._expand_settings


@functools.lru_cache(maxsize=256)
def _simple(pattern: str) -> bool:
    """Whether ``pattern`` reads no field but slug and lang (with no attribute or index)."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name]
    except ValueError:
        return False
    return all(name in _SIMPLE for name in fields)


def _expand_settings(self, key: str, klass: str | None = None) -> str:
    klass = klass or self.__class__.__name__
    pattern = str(self.settings[f"{klass}_{key}".upper()])
    if _simple(pattern):
        # The values url_format gives these two fields, without building the rest.
        return pattern.format(slug=getattr(self, "slug", ""), lang=getattr(self, "lang", "en"))
    return _pelican_expand_settings(self, key, klass)


@functools.lru_cache(maxsize=16384)
def _slug_of(value: str, regex_subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return _pelican_slugify(value, regex_subs, preserve_case, use_unicode)


def slugify(value, regex_subs=(), preserve_case=False, use_unicode=False):
    """Pelican's ``slugify``, remembered for plain strings."""
    if type(value) is not str:  # Markup, or an object with its own __html__
        return _pelican_slugify(value, regex_subs, preserve_case, use_unicode)
    subs = tuple((str(source), str(target)) for source, target in regex_subs)
    return _slug_of(value, subs, bool(preserve_case), bool(use_unicode))


def install() -> None:
    """Use the fast path for every content class (Article and Draft go through it too)."""
    Content._expand_settings = _expand_settings
    pelican.contents.slugify = slugify
    pelican.urlwrappers.slugify = slugify
