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
import os
from collections.abc import Collection, Iterable

from cmcore.problems import Problem

NBSP = "\u00a0"
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst")


def unclaimed(
    root: str,
    claimed: Collection[str],
    ignored_folders: Iterable[str] = (),
    ignore_files: Iterable[str] = (),
) -> list[str]:
    """Paths (relative to ``root``, with ``/``) of the sources no generator ``claimed``."""
    ignored = {folder.strip("/") for folder in ignored_folders if folder.strip("/")}
    patterns = tuple(ignore_files)

    def skipped(name: str) -> bool:
        return name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in patterns)

    found = []
    for folder, dirs, files in os.walk(root):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        relative = "" if relative == "." else relative + "/"
        dirs[:] = sorted(d for d in dirs if not skipped(d) and f"{relative}{d}" not in ignored)
        for name in sorted(files):
            if name.lower().endswith(SOURCE_SUFFIXES) and not skipped(name):
                path = relative + name
                if path not in claimed:
                    found.append(path)
    return found


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
