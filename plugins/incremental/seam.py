"""The one seam between our plugins and what Pelican and pelican-sitemap keep private.

Pelican's public surface is its signals, its settings and subclassing. Everything in
``plugins/`` that reaches past it does so through this module, and nothing else does.
Each entry says what is touched, why, and when; ``tests/incremental/test_seam.py`` holds
one test per entry that fails when Pelican changes the behaviour the entry relies on.

Process-wide patches: installed at each build's ``initialized`` while ``INCREMENTAL`` is
on, taken back for any other build (``make publish`` runs stock Pelican): :func:`patch`.

- ``Content._expand_settings`` -> ``urls.expand_settings``: a ``{slug}``/``{lang}`` URL
  pattern is formatted without ``url_format``'s copy of all the metadata.
- ``pelican.contents.slugify``, ``pelican.urlwrappers.slugify`` -> ``urls.slugify``: a
  plain string's slug is computed once, and kept on disk between builds.
- ``pelican.utils.strftime`` -> ``dates.strftime``: C89 formats in one C call;
  ``SafeDatetime.strftime`` looks the module's function up at each call.
- ``pelican.generators.process_translations`` -> ``members.process_translations``: the
  same, but its last ``in`` over every article is a set lookup (quadratic in Pelican's).

Per build, only while ``INCREMENTAL`` is on:

- the writer (``get_writer`` signal, a subclass): :class:`SkippingWriter` overrides
  ``Writer._open_w`` so that an unchanged page is not written; Pelican still records it
  in ``_written_files``.
- the articles generator's cache (``_cache``, ``_cache_data_policy``) is given the kept
  articles, and its ``get_cached_data``, ``cache_data``, ``save_cache`` are replaced on the
  instance (:func:`use_generator_cache`, :func:`hook_cache`); its readers' cache
  (``_cache``, ``_cache_data_policy``, ``_cache_path``) is emptied
  (:func:`forget_reader_cache`). ``ArticlesGenerator`` cannot be subclassed: Pelican
  makes it itself.
- kept articles (:class:`LazyTextArticle`): Pelican's ``_content`` is a property, so the
  text stays UTF-8 bytes until read; :func:`take_text` takes it out of a pickled state.
- the tag, category and author lists of the articles generator become ``Members``
  (``members.py``): public attributes, but lists Pelican made and scans.
- Pelican's content cache files (``<Generator>``, ``<Generator>-Readers`` in
  ``CACHE_PATH``) are removed when the settings change (:func:`is_content_cache`).

Reads of private attributes, in any build (no public accessor gives the same value):

- ``Content._content`` (the text before links are resolved): the fingerprint, the events'
  descriptions (:func:`text`); ``Content._context``: the fingerprint's site links
  (:func:`build_context`); ``_summary``: left out of the fingerprint (:data:`CONTENT_PRIVATE`).
- ``Writer._written_files``: the redirects plugin (:func:`written_files`).

In any build, because the feature that needs them is on in every build:

- ``Readers.cache_data`` replaced on the instance (blog): a source with problems is not
  cached, so the next build tells it again (:func:`hook_cache`).
- ``MarkdownReader._parse_metadata``, ``_md`` and ``_source_path`` (blog's reader, a
  subclass that keeps one Markdown instance for every file: :func:`read_markdown`).
- ``Content.get_content`` and ``get_summary``'s memo (``pelican.utils.memoized.cache``),
  emptied at the start of each build (blog, :func:`forget_content_memos`): it kept every
  earlier build's contents alive in the dev server.
- pelican-sitemap's module-level ``generator``: ``_main_pelican`` and ``page_queue`` reset
  at the start of each build (blog, :func:`reset_sitemap`); ``now`` set to the newest
  article's date in publish builds, for the tested pelican-sitemap only (deploy,
  :func:`set_sitemap_now`).

Public, so left where it is: ``pelican.log.console.quiet`` (``sitebuild``: our French
summary replaces Pelican's).

Replaced by public API: the proofread plugin's typography replaced ``read`` on every reader
instance; each generator's readers are now instances of a subclass of their class
(``proofread._typeset``). The incremental writer is asked for through ``get_writer`` only
for incremental builds (it used to be for every build).

Version guard: :func:`guard` turns incremental builds off, with one French line, outside
the Pelican versions tested (:data:`TESTED_PELICAN`).
"""

from __future__ import annotations

import io
import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pelican
import pelican.contents
import pelican.generators
import pelican.urlwrappers
import pelican.utils
from pelican.contents import Article, Content
from pelican.writers import Writer

logger = logging.getLogger(__name__)

# Pelican versions (major, minor), both ends included, whose private behaviour was read
# and is tested by tests/incremental/test_seam.py.
TESTED_PELICAN = ((4, 12), (4, 12))
# pelican-sitemap's version whose module-level generator was read.
SITEMAP_TESTED = "1.2.2"

# What Pelican had, taken when this module is first imported, before any patch.
pelican_expand_settings = Content.__dict__["_expand_settings"]
pelican_slugify = pelican.utils.slugify
pelican_strftime = pelican.utils.strftime
pelican_process_translations = pelican.generators.process_translations
_STOCK = {
    (Content, "_expand_settings"): pelican_expand_settings,
    (pelican.contents, "slugify"): pelican.contents.slugify,
    (pelican.urlwrappers, "slugify"): pelican.urlwrappers.slugify,
    (pelican.utils, "strftime"): pelican_strftime,
    (pelican.generators, "process_translations"): pelican_process_translations,
}


# --- Version guard ---------------------------------------------------------------------


def pelican_tested(found: str | None = None) -> bool:
    """Whether this Pelican version (default: the installed one) is in the tested range."""
    found = pelican.__version__ if found is None else found
    try:
        major_minor = tuple(int(part) for part in found.split(".")[:2])
    except ValueError:
        return False
    low, high = TESTED_PELICAN
    return low <= major_minor <= high


def guard(settings: dict) -> bool:
    """Whether this build is incremental; outside the tested Pelican range, it is turned off
    (``INCREMENTAL = False`` for every plugin of the build) with one French line."""
    if not settings.get("INCREMENTAL"):
        return False
    if pelican_tested():
        return True
    logger.warning(
        "Pelican %s n’a pas été testé avec les constructions incrémentales : "
        "construction complète.",
        pelican.__version__,
    )
    settings["INCREMENTAL"] = False
    return False


# --- Process-wide patches --------------------------------------------------------------


def _patches() -> dict[tuple[object, str], object]:
    from . import dates, members, urls  # they import this module's originals

    return {
        # Why: url_format copies all the metadata at each access. Relies on:
        # Content.get_url_setting formats url and save_as through self._expand_settings(key).
        (Content, "_expand_settings"): urls.expand_settings,
        # Why: each tag and category wrapper slugifies its name again. Relies on: Content
        # (slug from the title) and URLWrapper call their module's global
        # slugify(value, regex_subs, preserve_case, use_unicode).
        (pelican.contents, "slugify"): urls.slugify,
        (pelican.urlwrappers, "slugify"): urls.slugify,
        # Why: Pelican formats a date directive by directive. Relies on:
        # SafeDatetime.strftime calls pelican.utils' global strftime(date, date_format).
        (pelican.utils, "strftime"): dates.strftime,
        # Why: its last step tests every article against a list of every article. Relies
        # on: ArticlesGenerator and PagesGenerator call their module's global
        # process_translations(content_list, translation_id), whose body members.py
        # repeats (Pelican 4.12).
        (pelican.generators, "process_translations"): members.process_translations,
    }


def patch(on: bool) -> None:
    """Install the process-wide patches (``on``), or give Pelican back its own functions."""
    replacements = _patches()
    for (owner, name), stock in _STOCK.items():
        setattr(owner, name, replacements[(owner, name)] if on else stock)


# --- The writer ------------------------------------------------------------------------


class SkippingWriter(Writer):
    """Pelican's writer, told which page files to leave as they are.

    Relies on: ``Writer.write_file`` renders a page, then opens its file with
    ``self._open_w(path, encoding, override=...)``, which records it in ``_written_files``.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self._left: set[str] = set()

    def leave(self, path: str) -> None:
        """Write nothing to ``path`` when Pelican next opens it; still record it as written."""
        self._left.add(path)

    def _open_w(self, filename, encoding, override=False):
        if filename in self._left:
            # Keep Pelican's bookkeeping of written files, write nothing.
            self._left.discard(filename)
            self._written_files.add(filename)
            return io.StringIO()  # Pelican writes the empty render here, and it goes nowhere
        return super()._open_w(filename, encoding, override)


def written_files(writer) -> set[str]:
    """The files a writer wrote (or left as they were) in this build: Pelican's own record,
    which has no public accessor."""
    return set(getattr(writer, "_written_files", ()))


# --- Content caches --------------------------------------------------------------------


def use_generator_cache(generator, entries: dict) -> None:
    """Give a generator's content cache these ``{path: (stamp, content)}`` entries, saved
    at the end of its context.

    Relies on: ``FileStampDataCacher`` keeps its entries in ``_cache`` and saves them only
    when ``_cache_data_policy`` is true.
    """
    generator._cache = entries
    generator._cache_data_policy = True


def generator_cache(generator) -> dict:
    """The ``{path: (stamp, content)}`` entries of a generator's content cache (``_cache``)."""
    return generator._cache


def forget_reader_cache(readers) -> None:
    """Neither load, fill nor save a generator's reader cache; remove its file.

    Relies on: ``Readers`` (a ``FileStampDataCacher``) reads ``_cache``, and saves it to
    ``_cache_path`` only when ``_cache_data_policy`` is true.
    """
    readers._cache = {}
    readers._cache_data_policy = False
    Path(readers._cache_path).unlink(missing_ok=True)


def hook_cache(cacher, *, get_cached_data=None, cache_data=None, save_cache=None) -> None:
    """Replace a cacher's methods on this instance only (a generator, or its readers).

    Relies on: Pelican calls them through ``self``: ``generate_context`` (articles and pages)
    and ``Readers.read_file`` call ``self.get_cached_data`` and ``self.cache_data``;
    ``generate_context`` ends with ``self.save_cache()``.
    """
    if get_cached_data is not None:
        cacher.get_cached_data = get_cached_data
    if cache_data is not None:
        cacher.cache_data = cache_data
    if save_cache is not None:
        cacher.save_cache = save_cache


def is_content_cache(name: str) -> bool:
    """Whether a file of ``CACHE_PATH`` is one of Pelican's content caches.

    Relies on: generators save under their class name, their readers under
    ``<class name>-Readers`` (``Generator.__init__``, ``CachingGenerator``).
    """
    return name.endswith(("Generator", "Generator-Readers"))


# --- Content objects -------------------------------------------------------------------

# Content attributes that only Pelican's own code reads: not data a template shows.
CONTENT_PRIVATE = frozenset({"_content", "_context", "_summary"})


def text(content) -> str:
    """A content's text as read, before links are resolved (Pelican's ``_content``)."""
    return content._content


def has_text(value: object) -> bool:
    """Whether ``value`` looks like a Pelican content object (it has ``_content``)."""
    return hasattr(value, "_content")


def build_context(content) -> dict | None:
    """The build's context a content resolves its links against (``_context``)."""
    return getattr(content, "_context", None)


def take_text(state: dict) -> str | None:
    """Take an article's text out of the ``__dict__`` it is pickled with."""
    return state.pop("_content", None)


class LazyTextArticle(Article):
    """An article whose text may stay the UTF-8 bytes it was kept as until something reads it.

    Relies on: ``Content`` reads its text from ``self._content`` only (``get_content``,
    ``_update_content``, ``get_static_links``...), and sets it once, in ``__init__``.
    """

    @property
    def _content(self):
        kept = self.__dict__.get("_kept_text")
        if type(kept) is bytes:
            kept = self.__dict__["_kept_text"] = kept.decode("utf-8")
        return kept

    @_content.setter
    def _content(self, value):
        self.__dict__["_kept_text"] = value
        self.__dict__.pop("_kept_links", None)


# --- Readers ---------------------------------------------------------------------------


def read_markdown(reader, md, source_path: str, text: str) -> tuple[str, dict]:
    """What Pelican's ``MarkdownReader.read`` returns, with the caller's Markdown instance.

    Relies on: ``MarkdownReader._parse_metadata(meta)`` formats the fields with
    ``self._md`` (deregistering its "meta" preprocessor) and names ``self._source_path``
    in its warnings.
    """
    reader._source_path = source_path
    reader._md = md
    content = md.convert(text)
    metadata = reader._parse_metadata(md.Meta) if hasattr(md, "Meta") else {}
    return content, metadata


# --- Pelican's memo of content text ---------------------------------------------------


def forget_content_memos() -> None:
    """Empty the memo of ``Content.get_content`` and ``Content.get_summary``, at the start
    of each build.

    Relies on: both are ``pelican.utils.memoized``, whose ``cache`` is one dict per class
    keyed by ``(content, siteurl)``. Nothing ever empties it: in a process that builds
    again (the dev server), every content object of every earlier build stayed alive in
    it, and the garbage collector walked them all (at 5,000 articles, 5,000 more objects
    and a tenth of a second more per edit, build after build).
    """
    for name in ("get_content", "get_summary"):
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(cache, dict):
            cache.clear()


# --- pelican-sitemap -------------------------------------------------------------------


def _sitemap_generator():
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return None
    return getattr(sitemap, "generator", None)


def reset_sitemap() -> None:
    """Empty pelican-sitemap's queue at the start of a build.

    Relies on: its module-level ``generator`` keeps the pages in ``page_queue`` and the
    build that owns it in ``_main_pelican``, and clears both only when a build finishes;
    after a build that stopped early (a refused publish, a template error in the dev
    server) every later build in the process would lose its sitemap.
    """
    generator = _sitemap_generator()
    if generator is None:
        return
    generator._main_pelican = None
    generator.page_queue = []


def set_sitemap_now(date) -> None:
    """Make ``date`` the ``lastmod`` pelican-sitemap gives index pages (it uses ``now``).

    Relies on: pelican-sitemap 1.2.2's module-level ``generator`` writes ``self.now`` for
    pages without a date. Another version: left alone, sitemap.xml shows the build time.
    """
    generator = _sitemap_generator()
    try:
        installed = version("pelican-sitemap")
    except PackageNotFoundError:
        return
    if installed != SITEMAP_TESTED or generator is None:
        logger.debug("pelican-sitemap %s: lastmod left to the build time", installed)
        return
    generator.now = date
