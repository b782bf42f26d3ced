"""Article objects kept between builds, so that an unchanged source is not made again.

Pelican's reader cache keeps what a reader returned for each source, and every build
makes each article again from it: about a tenth of a build that changed one article
(the content object, its URLs and dates, the signals each new article sends). Pelican's
other layer, ``CONTENT_CACHING_LAYER = "generator"``, keeps the articles themselves but
pickles with each one the whole context of the build that made it, and gives it back
instead of the current one: links to other content are then resolved against a stale
site. This module keeps the articles of the articles generator, as that layer does, but
pickles the build's context and settings as names and gives each article (and each of
its tags, categories and authors) the current ones when it comes back.

What an article holds when it is kept is what Pelican's own generator layer keeps:
everything done while reading and up to the end of the articles generator's context,
before ``article_generator_finalized`` (neighbours, related posts, which are made again
at every build). An article is made again when its source changed (its modification
time), when the settings, the theme or the plugins changed (the incremental build then
clears every content cache). Two kinds of articles are not kept, and are made again at
each build: those dated in the future when ``WITH_FUTURE_DATES`` is off (Pelican decides
when it makes one whether it is a draft until that date, which may have come by the next
build; with it on, Pelican's default, the date decides nothing), and those whose source
has problems (the next build tells them again instead of staying silent). When pickle
refuses the articles (an attribute a plugin added), the author is told once and Pelican's
reader cache keeps them instead, until the settings, theme or plugins change.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import pickle
from pathlib import Path

from pelican.contents import Article

from cmcore import problems

from . import seam

logger = logging.getLogger(__name__)

FILE_NAME = "incremental-articles.pickle"
REFUSED = "incremental-articles.refused"
VERSION = 3


# How the file starts: the build's context and settings, by name (pickle's persistent
# ids), each put in the memo (indices 0 and 1). Articles and their tags, categories and
# authors refer to them through the memo, in C, as any object seen twice in a pickle:
# asking Python about each pickled object (``persistent_id``) made saving three times
# slower.
_SEED = b"\x80\x05\x8c\x07contextQ\x94\x8c\x08settingsQ\x94\x86."


class KeptArticle(seam.LazyTextArticle):
    """An article given back by the build that kept it.

    Its text stays the UTF-8 bytes it was kept as until something reads it: a build
    renders a few articles, and the text of the others, half the memory of the kept
    articles once decoded, is never decoded. The static files it links to, which every
    build asks every article for (a regex over its text), were found when it was kept.
    """

    def get_static_links(self) -> set[str]:
        links = self.__dict__.get("_kept_links")
        return set(links) if links is not None else super().get_static_links()


def _new_kept_article() -> KeptArticle:
    return KeptArticle.__new__(KeptArticle)


def text_bytes(content) -> bytes | None:
    """The text of a kept article as the UTF-8 bytes it was kept as, when still undecoded."""
    text = getattr(content, "__dict__", {}).get("_kept_text")
    return text if type(text) is bytes else None


class _Pickler(pickle.Pickler):
    """Keeps articles as :class:`KeptArticle`: text as UTF-8 bytes, static links found."""

    def reducer_override(self, obj):
        kind = type(obj)
        if kind is not Article and kind is not KeptArticle:
            return NotImplemented
        state = obj.__dict__
        if (
            kind is KeptArticle
            and type(state.get("_kept_text")) is bytes
            and "_kept_links" in state
        ):
            # Kept as it came back, its text never read: nothing to change, nothing to copy
            # (this runs for every article of the site at every build).
            return (_new_kept_article, (), state)
        state = dict(state)
        text = seam.take_text(state) if kind is Article else state.get("_kept_text")
        if "_kept_links" not in state:
            state["_kept_links"] = tuple(sorted(obj.get_static_links()))
        state["_kept_text"] = text.encode("utf-8") if isinstance(text, str) else text
        return (_new_kept_article, (), state)


class _Unpickler(pickle.Unpickler):
    def __init__(self, stream, live: dict[str, object]):
        super().__init__(stream)
        self._live = live

    def persistent_load(self, pid):
        return self._live[pid]


def enabled(settings: dict) -> bool:
    return bool(
        settings.get("INCREMENTAL")
        and settings.get("LOAD_CONTENT_CACHE")
        and settings.get("CACHE_CONTENT")
        and settings.get("CONTENT_CACHING_LAYER") == "reader"
    )


def _live(generator) -> dict[str, object]:
    return {"context": generator.context, "settings": generator.settings}


def load(path: Path, generator) -> dict:
    """The kept articles, by source path: ``{path: (stamp, article)}``; {} when none."""
    try:
        with open(path, "rb") as stream:
            unpickler = _Unpickler(stream, _live(generator))
            live = unpickler.load()  # the seed: fills the memo with the live objects
            data = unpickler.load()  # the same unpickler, the same memo
    except FileNotFoundError:
        return {}
    except Exception as error:  # a damaged or outdated file: made again, said in debug
        logger.debug("articles gardés illisibles (%s), relus : %s", error, path)
        return {}
    if live[0] is not generator.context or live[1] is not generator.settings:
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    return data["entries"]


def save(path: Path, generator, seen: set[str]) -> None:
    """Keep the articles of the sources this build saw; a failure only costs the next
    build its reading."""
    entries = {
        name: entry for name, entry in seam.generator_cache(generator).items() if name in seen
    }
    context, settings = generator.context, generator.settings
    buffer = io.BytesIO()
    buffer.write(_SEED)
    pickler = _Pickler(buffer, protocol=5)
    pickler.memo = {id(context): (0, context), id(settings): (1, settings)}
    try:
        pickler.dump({"version": VERSION, "entries": entries})
    except Exception as error:  # an attribute a plugin added that pickle refuses
        logger.warning(
            "les articles ne peuvent être gardés d’une construction à l’autre (%s) : "
            "la prochaine construction les relira tous, puis le cache de Pelican les gardera",
            error,
        )
        path.unlink(missing_ok=True)
        # Until the settings, the theme or the plugins change (every content cache is
        # cleared then), articles are left to Pelican's reader cache.
        path.with_name(REFUSED).write_text(f"{error}\n", encoding="utf-8")
        return
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(buffer.getbuffer())
    os.replace(temporary, path)


def _now_for(date: dt.datetime) -> dt.datetime:
    if date.tzinfo is None:
        return dt.datetime.now()
    return dt.datetime.now(dt.UTC)


def keep_articles(generator) -> None:
    """Make the articles generator keep its articles between builds (its content cache)."""
    settings = generator.settings
    if not enabled(settings):
        return
    path = Path(settings["CACHE_PATH"]) / FILE_NAME
    if path.with_name(REFUSED).exists():
        return  # pickle refused these articles: Pelican's reader cache serves instead
    seam.use_generator_cache(generator, load(path, generator))
    # The kept articles stand for Pelican's reader cache of this generator, which would
    # hold their text a second time: it is neither filled, nor kept, nor loaded again.
    seam.forget_reader_cache(generator.readers)
    kept = type(generator).get_cached_data
    seen: set[str] = set()  # sources of this build: a removed one is not kept

    def get_cached_data(filename, default=None):
        seen.add(filename)
        return kept(generator, filename, default)

    cache_data = generator.cache_data

    def cache_unless_told(filename, article):
        # A source with problems (a broken link...) is read again at the next build,
        # which tells the author again instead of staying silent.
        if problems.told(settings, getattr(article, "source_path", None)):
            return
        # Without WITH_FUTURE_DATES, Pelican decides when it makes an article dated in the
        # future whether it is a draft until that date: it is made again at each build
        # until the date has come. With it (Pelican's default), the date decides nothing.
        date = getattr(article, "date", None)
        if (
            not settings.get("WITH_FUTURE_DATES", True)
            and isinstance(date, dt.datetime)
            and date > _now_for(date)
        ):
            return
        cache_data(filename, article)

    seam.hook_cache(
        generator,
        get_cached_data=get_cached_data,
        cache_data=cache_unless_told,
        save_cache=lambda: save(path, generator, seen),
    )
