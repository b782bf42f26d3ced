"""Sources the build never reads because they sit outside every content folder.

Pelican reads articles only from ``ARTICLE_PATHS`` and pages only from ``PAGE_PATHS``:
``content/premier-article.md``, where Pelican's own quickstart puts articles, would be
neither built nor proofread, without a word. Every Markdown or reStructuredText file
that no generator claimed is one problem, unless its folder is in
``BLOG_IGNORED_PATHS`` (notes, drafts kept aside) or Pelican ignores it
(``IGNORE_FILES``, hidden files).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection, Iterable

from cmcore.french import NBSP
from cmcore.problems import Problem
from cmcore.sources import walk_sources


def unclaimed(
    root: str,
    claimed: Collection[str],
    ignored_folders: Iterable[str] = (),
    ignore_files: Iterable[str] = (),
) -> list[str]:
    """Paths (relative to ``root``, with ``/``) of the sources no generator ``claimed``."""
    ignored = {folder.strip("/") for folder in ignored_folders if folder.strip("/")}
    patterns = tuple(ignore_files)

    def skipped(path: str) -> bool:
        # Hidden files and Pelican's IGNORE_FILES, by name; BLOG_IGNORED_PATHS, by folder.
        name = path.rstrip("/").rpartition("/")[2]
        return (
            name.startswith(".")
            or any(fnmatch.fnmatch(name, p) for p in patterns)
            or (path.endswith("/") and path[:-1] in ignored)
        )

    return [path for path in walk_sources(root, skip=skipped) if path not in claimed]


def problem(path: str, article_folders: Iterable[str]) -> Problem:
    """What the author reads about the source at ``path`` that the build does not read."""
    folders = [f"content/{folder.strip('/')}/" for folder in article_folders if folder]
    where = ", ".join(folders[:-1]) + f" ou {folders[-1]}" if len(folders) > 1 else "".join(folders)
    return Problem(
        path,
        0,
        f"fichier ignoré par la construction, ni article, ni page, ni événement, ni formation"
        f"{NBSP}; déplacez-le dans {where or 'un dossier d’articles'} (ou content/pages/ pour "
        "une page), ou ajoutez son dossier à BLOG_IGNORED_PATHS dans pelicanconf.py",
    )
