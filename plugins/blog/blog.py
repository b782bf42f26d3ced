"""Pelican glue of the blog plugin: signal handlers only, the work is in the modules."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.utils import clean_output_dir

from cmcore import dates, problems
from cmcore.content import comments_setting
from cmcore.plugins import check_order, connect
from cmcore.problems import display_path
from incremental import seam

from . import images, placement, responsive, validation
from .reader import FrenchMarkdownReader

logger = logging.getLogger(__name__)

DATES_MEMO = "dates-fr.json"
IMAGE_SIZES = "images-sizes.json"
IMAGE_CACHE = "images"  # copies of the content's images, under CACHE_PATH
_ARTICLE_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
)


def start_build(pelican) -> None:
    check_order(pelican.settings.get("PLUGINS") or [])
    problems.start(pelican.settings)
    seam.reset_sitemap()
    seam.forget_content_memos()
    _french_link_warnings()
    # First of the plugins: the comments plugin formats dates at this same signal.
    dates.load_memo(Path(pelican.settings["CACHE_PATH"]) / DATES_MEMO)
    settings = pelican.settings
    cache = Path(settings["CACHE_PATH"])
    responsive.LIBRARIES.start(
        settings,
        responsive.Library(
            Path(settings["PATH"]),
            images.ImageSizes(Path(settings["PATH"]), cache / IMAGE_SIZES),
            cache / IMAGE_CACHE,
            widths=settings.get("BLOG_IMAGE_WIDTHS", responsive.DEFAULT_WIDTHS),
            folder=settings.get("BLOG_IMAGE_FOLDER", "images/variantes"),
            quality=settings.get("BLOG_IMAGE_QUALITY"),
            siteurl=settings["SITEURL"],
        ),
    )


def end_build(pelican) -> None:
    dates.save_memo(Path(pelican.settings["CACHE_PATH"]) / DATES_MEMO)
    library = responsive.LIBRARIES.peek(pelican.settings)
    if library is None:
        return
    library.publish(library.static_paths, Path(pelican.output_path))
    library.sizes.save()
    for source, error in library.cache.failed:
        logger.warning(
            "%s\u00a0: image illisible, publiée sans copies réduites (%s)\u00a0; "
            "remplacez-la par un fichier JPEG, PNG ou WebP valide",
            display_path(str(source)),
            error,
        )
    logger.info(
        "Images\u00a0: %d copies réduites produites, %d reprises du cache",
        library.cache.made,
        library.cache.reused,
    )


def remember_static_files(generator) -> None:
    # Every image the site copies gets its smaller copies, linked from kept articles too.
    library = responsive.LIBRARIES.peek(generator.settings)
    if library is not None:
        library.static_paths = [
            static.get_relative_source_path().replace(os.sep, "/")
            for static in generator.staticfiles
        ]


class _PelicanWarningsInFrench(logging.Filter):
    """Pelican's reader and static file warnings that matter to an author, in French; those
    our own checks already told (a missing file, named with its line) are not said twice."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Empty alt attribute for image %s in %s":
            record.msg = (
                "%s : image «\u00a0%s\u00a0» sans texte alternatif\u00a0: décrivez-la pour "
                'les lecteurs qui ne la voient pas (![description](…) ou alt="…")'
            )
            record.args = (display_path(str(record.args[1])), record.args[0])
        elif record.msg == "Other images have empty alt attributes":
            record.msg = "d’autres images sont sans texte alternatif"
        elif str(record.msg).startswith("Cannot get modification stamp for"):
            return False  # a {static} link to a missing file: told by the blog checks
        return True


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
    for name in ("pelican.readers", "pelican.cache"):
        found = logging.getLogger(name)
        if not any(isinstance(f, _PelicanWarningsInFrench) for f in found.filters):
            found.addFilter(_PelicanWarningsInFrench())


def use_french_reader(readers) -> None:
    for extension in FrenchMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrenchMarkdownReader
    # A source with problems (refused, or with a broken link) is never cached: the next
    # build reads it again and tells the author again, instead of staying silent.
    cache_data = readers.cache_data

    def cache_unless_told(path, data):
        if not problems.told(readers.settings, path):
            cache_data(path, data)

    seam.hook_cache(readers, cache_data=cache_unless_told)


def add_filters(generator) -> None:
    generator.env.filters.update(
        date_fr=dates.format_date,
        day_fr=lambda value: dates.format_date(value, weekday=True),
        month_fr=dates.format_month,
        time_fr=dates.format_time,
        iso=dates.iso,
    )
    generator.env.globals.setdefault("BLOG_AUTHORS", generator.settings.get("BLOG_AUTHORS", {}))
    # The `sizes` of featured images, as responsive.py gives body images theirs.
    generator.env.globals.setdefault(
        "IMAGE_SIZES", {"contenu": responsive.CONTENT_SIZES, "carte": responsive.CARD_SIZES}
    )


def _every_article(generator):
    for name in _ARTICLE_LISTS:
        yield from getattr(generator, name, ())


def list_used_categories(generator) -> None:
    """``used_categories``: the slugs of the categories that have articles, for the menu.

    The menu could read ``categories``, but that list carries every category's articles:
    an incremental build would then render every page again for each article added or
    removed, when the menu only changes as a category gains its first article or loses
    its last one.
    """
    generator.context["used_categories"] = sorted(
        category.slug for category, _ in generator.categories
    )


def check_featured_images(generator) -> None:
    # At every build, for kept articles too: the file may have gone or changed since.
    settings = generator.settings
    library = responsive.LIBRARIES.peek(settings)
    for article in _every_article(generator):
        image = article.metadata.get("image")
        if not isinstance(image, images.ImageField):
            continue
        for advice in validation.check_image_alt(article.source_path, image):
            logger.warning("%s", advice)
        found = validation.check_image(article.source_path, image, settings["PATH"])
        for problem in found:
            problems.report(settings, problem)
        if found:
            article.featured_image = None
            continue
        # Pelican copies a file outside STATIC_PATHS only when some content links to it.
        generator.context["static_links"].add(image.path)
        found = library.found(image.path)
        article.featured_image = images.featured(
            image, found and found.size, found and found.responsive
        )


def place_featured_images(generators) -> None:
    # Static files are known now: an image another article {attach}es moves with it.
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        static = generator.context.get("static_content", {})
        for article in _every_article(generator):
            image = getattr(article, "featured_image", None)
            if image is not None and image.source in static:
                article.featured_image = image.moved_to(static[image.source].url)


def report_unclaimed_sources(generators) -> None:
    # Every generator has claimed its sources (Pelican's generated_content, read or
    # failed): a Markdown file left over is one no generator will ever read.
    if not generators:
        return
    settings, context = generators[0].settings, generators[0].context
    root = settings["PATH"]
    found = placement.unclaimed(
        root,
        context.get("generated_content", {}),
        # The comment store's folder may hold the author's notes on moderation.
        [*settings.get("BLOG_IGNORED_PATHS", ()), comments_setting(settings, "COMMENTS_DIR")],
        settings.get("IGNORE_FILES", ()),
    )
    for relative in found:
        path = os.path.join(root, relative)
        if not problems.told(settings, path):  # skipped for a problem already told
            problems.report(settings, placement.problem(path, settings.get("ARTICLE_PATHS", ())))


def refuse_bad_content(generators) -> None:
    # Strict builds stop here, before anything is written to the output folder.
    if generators:
        problems.finish(generators[0].settings)
        empty_output_folder(generators[0].settings)


def empty_output_folder(settings: dict) -> None:
    """``BLOG_EMPTY_OUTPUT``: empty the output folder once the content is accepted.

    Pelican's ``DELETE_OUTPUT_DIRECTORY`` empties it when the build starts, so a publish
    build that then refuses its content left no site at all; emptied here, a refused
    build leaves the last site as it was. Same guard as Pelican's: never the folder that
    holds the content, and ``OUTPUT_RETENTION`` is kept.
    """
    if not settings.get("BLOG_EMPTY_OUTPUT"):
        return
    output = os.path.realpath(settings["OUTPUT_PATH"])
    content = os.path.realpath(settings["PATH"])
    if os.path.commonpath([output, content]) == output:
        return
    clean_output_dir(output, settings.get("OUTPUT_RETENTION", []))


def register() -> None:
    connect(
        "blog",
        (signals.initialized, start_build),
        (signals.readers_init, use_french_reader),
        (signals.generator_init, add_filters),
        (signals.article_generator_finalized, list_used_categories),
        (signals.article_generator_finalized, check_featured_images),
        (signals.all_generators_finalized, place_featured_images),
        (signals.static_generator_finalized, remember_static_files),
        (signals.all_generators_finalized, report_unclaimed_sources),
        (signals.all_generators_finalized, refuse_bad_content),
        (signals.finalized, end_build),
    )
