"""Pelican glue of the blog plugin: signal handlers only, the work is in the modules."""

from __future__ import annotations

from pelican import signals

from cmcore import dates, problems

from .reader import FrenchMarkdownReader


def start_build(pelican) -> None:
    problems.start(pelican.settings)
    _reset_sitemap()


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
    # A source refused for its problems is never cached: the next build reads it again
    # and tells the author again, instead of silently skipping it.
    cache_data = readers.cache_data

    def cache_unless_refused(path, data):
        if data[1].get("status") != "skip":
            cache_data(path, data)

    readers.cache_data = cache_unless_refused


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
