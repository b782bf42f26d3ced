"""The author's source files: walking the content folder, and the slug a name gets."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
SOURCE_SUFFIXES = (*MARKDOWN_SUFFIXES, ".rst")


def walk_sources(
    root: str | os.PathLike,
    suffixes: tuple[str, ...] | None = SOURCE_SUFFIXES,
    skip: Callable[[str], bool] | None = None,
) -> list[str]:
    """Paths, relative to ``root`` and written with ``/``, of the files under ``root`` whose
    name ends (in any case) with one of ``suffixes`` (``None``: every file).

    ``skip(relative_path)`` leaves out a file, or a folder (its path then ends with ``/``)
    and all it holds. The order is
    the walk's: a folder's files, sorted, then its subfolders, sorted; sort the result with
    ``key=lambda path: path.split("/")`` for the order of ``sorted(Path(root).rglob(...))``.
    """
    found = []
    for folder, subfolders, names in os.walk(root):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        relative = "" if relative == "." else relative + "/"
        subfolders[:] = sorted(
            name for name in subfolders if not (skip and skip(f"{relative}{name}/"))
        )
        for name in sorted(names):
            if suffixes and not name.lower().endswith(suffixes):
                continue
            if not (skip and skip(relative + name)):
                found.append(relative + name)
    return found


def slugify(text: str, settings: Mapping, *, preserve_case: bool | None = None) -> str:
    """The slug Pelican gives ``text`` with the site's ``SLUG_REGEX_SUBSTITUTIONS``,
    ``SLUGIFY_PRESERVE_CASE`` (unless ``preserve_case`` says) and ``SLUGIFY_USE_UNICODE``."""
    # Imported here: the rest of this core runs without Pelican.
    from pelican.utils import slugify as pelican_slugify

    if preserve_case is None:
        preserve_case = settings.get("SLUGIFY_PRESERVE_CASE", False)
    return pelican_slugify(
        text,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", ()),
        preserve_case=preserve_case,
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
