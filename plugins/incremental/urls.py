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
arguments; a plain string's slug is computed once per process, and the slugs a build used
are kept on disk for the next one (every title is slugified again at every build).
"""

from __future__ import annotations

import functools
import json
import string
import sys
import unicodedata
from importlib import metadata

from .seam import pelican_expand_settings, pelican_slugify

_SIMPLE = frozenset({"slug", "lang"})


@functools.lru_cache(maxsize=256)
def _simple(pattern: str) -> bool:
    """Whether ``pattern`` reads no field but slug and lang (with no attribute or index)."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name]
    except ValueError:
        return False
    return all(name in _SIMPLE for name in fields)


def expand_settings(self, key: str, klass: str | None = None) -> str:
    """Pelican's ``Content._expand_settings``, without ``url_format`` for slug/lang patterns."""
    klass = klass or self.__class__.__name__
    pattern = str(self.settings[f"{klass}_{key}".upper()])
    if _simple(pattern):
        # The values url_format gives these two fields, without building the rest.
        return pattern.format(slug=getattr(self, "slug", ""), lang=getattr(self, "lang", "en"))
    return pelican_expand_settings(self, key, klass)


# Slugs by (value, substitutions, preserve_case, use_unicode); those this build asked for.
_SLUGS: dict[tuple, str] = {}
_USED: set[tuple] = set()
# The file the slugs were last loaded from or saved to, and the keys it holds.
_ON_DISK: tuple[object, frozenset] = (None, frozenset())


def slugify(value, regex_subs=(), preserve_case=False, use_unicode=False):
    """Pelican's ``slugify``, remembered for plain strings."""
    if type(value) is not str:  # Markup, or an object with its own __html__
        return pelican_slugify(value, regex_subs, preserve_case, use_unicode)
    subs = tuple((str(source), str(target)) for source, target in regex_subs)
    key = (value, subs, bool(preserve_case), bool(use_unicode))
    slug = _SLUGS.get(key)
    if slug is None:
        if len(_SLUGS) > 65536:  # a very long dev-server session
            _SLUGS.clear()
        slug = _SLUGS[key] = pelican_slugify(value, subs, key[2], key[3])
    _USED.add(key)
    return slug


@functools.cache
def _version() -> str:
    """What a slug depends on besides its arguments: Pelican, Unidecode and Unicode."""
    return "|".join(
        (
            metadata.version("pelican"),
            metadata.version("unidecode"),
            unicodedata.unidata_version,
            f"{sys.version_info[0]}.{sys.version_info[1]}",
        )
    )


def load_slugs(path) -> None:
    """Add the slugs a previous build saved in ``path`` (nothing when absent or damaged)."""
    global _ON_DISK
    _USED.clear()
    _ON_DISK = (None, frozenset())
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("version") != _version():
            return
        table = {}
        for group in saved["groups"]:
            subs = tuple((str(a), str(b)) for a, b in group["subs"])
            flags = (bool(group["preserve_case"]), bool(group["use_unicode"]))
            for value, slug in group["slugs"].items():
                if isinstance(slug, str):
                    table[(value, subs, *flags)] = slug
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return
    _SLUGS.update(table)
    _ON_DISK = (path, frozenset(table))


def save_slugs(path) -> None:
    """Keep in ``path`` the slugs this build used, when they differ from what it holds."""
    global _ON_DISK
    used = frozenset(key for key in _USED if key in _SLUGS)
    _USED.clear()
    if _ON_DISK[0] == path and used == _ON_DISK[1]:
        return
    groups: dict[tuple, dict[str, str]] = {}
    for key in used:
        groups.setdefault(key[1:], {})[key[0]] = _SLUGS[key]
    data = {
        "version": _version(),
        "groups": [
            {"subs": subs, "preserve_case": case, "use_unicode": uni, "slugs": slugs}
            for (subs, case, uni), slugs in groups.items()
        ],
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
    _ON_DISK = (path, used)
