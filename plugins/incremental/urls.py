"""Content URLs without copying the metadata at every access.

Pelican formats a content's URL and output path from ``url_format``: a copy of all its
metadata plus its relative source path (two ``os.path`` walks), built again at every
access of ``url`` or ``save_as``, tens of thousands of times per build. When a pattern
uses only ``{slug}`` and ``{lang}`` (``"{slug}/"``, ``"categorie/{slug}/"``...), the
same string comes from those two values, which ``url_format`` takes as they are.
Other patterns go through Pelican unchanged.
"""

from __future__ import annotations

import functools
import string

from pelican.contents import Content

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


def install() -> None:
    """Use the fast path for every content class (Article and Draft go through it too)."""
    Content._expand_settings = _expand_settings
