"""The dev server's quick pages: a saved article's page, rendered before the whole build.

When an author saves an article, the page they are looking at is the one they want to
see again. The whole incremental build still has to read every source and picture every
page (about two seconds at 5,000 articles); Hugo's "fast render mode" answers the same
need. So the dev server, before that build, renders the saved articles' own pages from
what the previous build left in memory: the article read again through Pelican's readers
(our reader, typography and all), the attributes plugins gave it at the previous build
(neighbours, related posts, comments, reading time) carried over, written by Pelican's
own writer. The browser reloads; the whole build follows at once, rewrites the page with
everything up to date (a new reading time, new neighbours) and reloads it again. The
output after that build is the clean build's, byte for byte: the quick page is never
the last word.

Only when it is safe to be quick: an article the previous build published, saved under
the same URL and status, that reads without error. Anything else (a new article, a
renamed one, a draft, a template, a setting) waits for the whole build.

On only with ``INCREMENTAL_QUICK_PAGES`` (the dev server sets it; a build from the
command line never keeps its generators).
"""

from __future__ import annotations

import logging
import os

from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

logger = logging.getLogger(__name__)

# The generators of the last build, while the dev server waits for the next change.
_last: list | None = None


def keep(generators) -> None:
    """``all_generators_finalized``: keep the build's generators (dev server only)."""
    global _last
    if generators and generators[0].settings.get("INCREMENTAL_QUICK_PAGES"):
        _last = generators


def forget(pelican=None) -> None:
    """``initialized``: a build starts; what the previous one read is no longer needed."""
    global _last
    _last = None


def render(paths) -> list[str]:
    """Render the pages of the published articles among ``paths`` (changed source files);
    return the output files written. Never raises: whatever fails is left to the build."""
    generators = _last
    if not generators:
        return []
    generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if generator is None:
        return []
    published = {article.source_path: article for article in generator.articles}
    written = []
    for path in paths:
        old = published.get(os.path.abspath(path))
        if old is None:
            continue
        try:
            new = _read_again(generator, old)
            if new is None:
                continue
            _write(generator, new)
        except Exception as error:  # the whole build that follows tells what is wrong
            logger.debug("page rapide abandonnée pour %s : %s", path, error)
            continue
        written.append(os.path.join(generator.output_path, new.save_as))
    return written


def _read_again(generator: ArticlesGenerator, old: Article) -> Article | None:
    """The article as its file now reads, with what plugins gave the old one; None when
    the change may touch other pages' files (new URL or status) or the file is invalid."""
    new = generator.readers.read_file(
        base_path=generator.path,
        path=os.path.relpath(old.source_path, generator.path),
        content_class=Article,
        context=generator.context,
    )
    if not isinstance(new, Article) or not new.is_valid():
        return None
    if new.status != old.status or new.save_as != old.save_as or new.url != old.url:
        return None
    mine = vars(new)
    for name, value in vars(old).items():
        # What the readers made is the new article's own; the rest came from plugins at
        # the previous build (kept-article internals excepted: see objects.py).
        if name not in mine and not name.startswith("_kept"):
            setattr(new, name, value)
    return new


def _write(generator: ArticlesGenerator, article: Article) -> None:
    # As ArticlesGenerator.generate_articles writes an article, with Pelican's own writer.
    writer = Writer(generator.output_path, settings=generator.settings)
    writer.write_file(
        article.save_as,
        generator.get_template(article.template),
        generator.context,
        article=article,
        category=getattr(article, "category", None),
        override_output=hasattr(article, "override_save_as"),
        url=article.url,
        blog=True,
    )
