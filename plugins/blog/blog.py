"""Pelican glue of the blog plugin: signal handlers only, the work is in the modules."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from cmcore import dates, problems

from .reader import FrenchMarkdownReader

DATES_MEMO = "dates-fr.json"


def start_build(pelican) -> None:
    problems.start(pelican.settings)
    _reset_sitemap()
    _french_link_warnings()
    # First of the plugins: the comments plugin formats dates at this same signal.
    dates.load_memo(Path(pelican.settings["CACHE_PATH"]) / DATES_MEMO)


def end_build(pelican) -> None:
    dates.save_memo(Path(pelican.settings["CACHE_PATH"]) / DATES_MEMO)


class _LinkWarningInFrench(logging.Filter):
    """Pelican's « Unable to find 'x', skipping url replacement. », said in French.

    The reader already named the file and the line of a link to a missing file; what is
    left is a link to a source that exists but was not published (it had problems).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Unable to find '%s', skipping url replacement.":
            record.msg = (
                "lien interne vers «\u00a0%s\u00a0» sans page\u00a0: le fichier lié "
                "n’a pas été publié (voir les problèmes signalés plus haut)"
            )
        return True


def _french_link_warnings() -> None:
    contents = logging.getLogger("pelican.contents")
    if not any(isinstance(f, _LinkWarningInFrench) for f in contents.filters):
        contents.addFilter(_LinkWarningInFrench())


def _reset_sitemap() -> None:
    # pelican-sitemap keeps its queue in a module global and clears it only when a
    # build finishes; after a build that stopped early (a refused publish, a template
    # error in the dev server) every later build in the process would lose its sitemap.
    try:
        from pelican.plugins.sitemap.sitemap import generator
    except ImportError:
        return
    generator._main_pelican = None
    generator.page_queue = []


def use_french_reader(readers) -> None:
    for extension in FrenchMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrenchMarkdownReader
    # A source with problems (refused, or with a broken link) is never cached: the next
    # build reads it again and tells the author again, instead of staying silent.
    cache_data = readers.cache_data

    def cache_unless_told(path, data):
        if not problems.told(readers.settings, path):
            cache_data(path, data)

    readers.cache_data = cache_unless_told


def add_filters(generator) -> None:
    generator.env.filters.update(
        date_fr=dates.format_date,
        day_fr=lambda value: dates.format_date(value, weekday=True),
        month_fr=dates.format_month,
        time_fr=dates.format_time,
        iso=dates.iso,
    )
    generator.env.globals.setdefault("BLOG_AUTHORS", generator.settings.get("BLOG_AUTHORS", {}))


def refuse_bad_content(generators) -> None:
    # Strict builds stop here, before anything is written to the output folder.
    if generators:
        problems.finish(generators[0].settings)


def register() -> None:
    signals.initialized.connect(start_build)
    signals.readers_init.connect(use_french_reader)
    signals.generator_init.connect(add_filters)
    signals.all_generators_finalized.connect(refuse_bad_content)
    signals.finalized.connect(end_build)
