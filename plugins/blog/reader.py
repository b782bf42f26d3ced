"""Pelican's Markdown reader, plus French checks of the header and reading aids."""

from __future__ import annotations

import os

from markdown import Markdown
from pelican.contents import Category
from pelican.readers import MarkdownReader
from pelican.utils import get_date, pelican_open

from cmcore import problems
from cmcore.headers import parse_header
from incremental import seam

from . import images, readingtime, responsive, toc, validation

# The priority python-markdown's meta extension registers its preprocessor with.
META_PRIORITY = 27


class FrenchMarkdownReader(MarkdownReader):
    """Reads Markdown like Pelican, but refuses a broken header with a French message.

    A source with problems is skipped (``status: skip``): the rest of the site
    builds, and the strict build (``make publish``) stops at the end.
    """

    _document = None  # the Markdown instance, made once per reader: see _convert
    _meta = None

    def _convert(self, source_path: str, text: str) -> tuple[str, dict]:
        """Pelican's MarkdownReader.read, with one Markdown instance for every file.

        Pelican makes a new instance per file (a third of the reading time) because
        reading the metadata deregisters the "meta" preprocessor: it is registered
        again here, and ``reset()`` clears every extension's state between files.
        """
        if self._document is None:
            self._document = Markdown(**self.settings["MARKDOWN"])
            self._meta = self._document.preprocessors["meta"]
        md = self._document
        md.reset()
        try:
            return seam.read_markdown(self, md, source_path, text)
        finally:
            if "meta" not in md.preprocessors:
                md.preprocessors.register(self._meta, "meta", META_PRIORITY)

    def read(self, source_path):
        settings = self.settings
        with pelican_open(source_path) as text:
            header = parse_header(text)
        # A broken link is told, not fatal: the page is published with the link left as is.
        # The featured image is checked at every build instead (blog.py).
        image_field = header.get("image")
        for problem in validation.check_internal_links(
            source_path, text, settings["PATH"], skip=(image_field.line,) if image_field else ()
        ):
            problems.report(settings, problem)
        rel = os.path.relpath(source_path, settings["PATH"])
        top = rel.split(os.sep, 1)[0]
        is_article = top in settings["ARTICLE_PATHS"]
        categories = settings.get("BLOG_CATEGORIES", {})
        found = validation.check_header(
            source_path,
            header,
            is_article=is_article,
            folder=os.path.basename(os.path.dirname(source_path)),
            categories=categories,
            parse_date=get_date,
        )
        if found:
            for problem in found:
                problems.report(settings, problem)
            return "", {"status": "skip"}

        content, metadata = self._convert(source_path, text)
        words = readingtime.count_words(content)
        metadata["word_count"] = words
        metadata["reading_time"] = readingtime.reading_minutes(
            words, settings.get("READING_SPEED_WPM", 195)
        )
        entries = toc.headings(content)
        if words >= settings.get("TOC_MIN_WORDS", 600) and len(entries) >= settings.get(
            "TOC_MIN_HEADINGS", 3
        ):
            metadata["toc"] = entries
        if is_article:
            field = header.get("category")
            slug = validation.category_slug(
                field.value if field else os.path.basename(os.path.dirname(source_path)),
                categories,
            )
            category = Category(categories[slug], settings)
            category.slug = slug  # the folder name, whatever the label says
            metadata["category"] = category
            # One record for both fields; its file is checked at every build (blog.py),
            # cached article or not.
            metadata.pop("image-alt", None)
            image = images.declared(header, os.path.dirname(rel))
            if image is None:
                metadata.pop("image", None)
            else:
                metadata["image"] = image
        # Sized, lazy, in smaller copies. The first image of a page may be what its reader
        # waits for, unless a featured image comes before it.
        content = _responsive_images(
            settings, content, os.path.dirname(rel), not metadata.get("image")
        )
        return content, metadata


def _responsive_images(settings, content: str, folder: str, first_is_eager: bool) -> str:
    library = responsive.LIBRARIES.peek(settings)
    if library is None:  # read outside a build (the proofreader)
        return content

    def locate(src: str):
        src = src.replace("{attach}", "{static}", 1).replace("|attach|", "|static|", 1)
        # A plain relative address is relative to the page, not to content/: left alone.
        if not src.startswith(("{static}", "|static|", "/")):
            return None
        path = images.content_path(src, folder)
        return library.found(path) if path else None

    return responsive.rewrite(content, locate, settings["SITEURL"], first_is_eager)
