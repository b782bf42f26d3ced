"""The inputs every page depends on: settings, theme, plugins, data files, the day."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from pathlib import Path

import pelican

from .fingerprint import Unknown, digest, value_of

# Settings that change every build or say nothing about the output (by prefix, then by
# name): the dev server's quick pages are written before a build, never by it, so
# `make serve` and `make build` share one incremental state.
_VOLATILE = ("_", "JINJA_ENVIRONMENT")
_NOT_OUTPUT = frozenset({"INCREMENTAL_QUICK_PAGES"})


# Digests of folders already walked in this build (see :func:`walking_once`).
_WALKED: dict[tuple, str] | None = None


@contextlib.contextmanager
def walking_once():
    """Within this block, each folder is walked once.

    A build asks for its inputs twice: to learn whether anything changed at all, then when
    Pelican starts. A file saved in between is seen by the next build, as one saved just
    after both walks would be.
    """
    global _WALKED
    _WALKED = {}
    try:
        yield
    finally:
        _WALKED = None


def _tree(folder: Path, suffixes: tuple[str, ...] | None = None, skip=()) -> str:
    """Digest of the files under ``folder``: names, sizes and modification times.

    ``skip`` names top-level subfolders to leave out.
    """
    key = (str(folder), suffixes, tuple(skip))
    if _WALKED is not None and key in _WALKED:
        return _WALKED[key]
    digest_ = _walk(folder, suffixes, skip)
    if _WALKED is not None:
        _WALKED[key] = digest_
    return digest_


def _walk(folder: Path, suffixes: tuple[str, ...] | None, skip) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    if not folder.is_dir():
        return "absent"
    # Every path os.walk gives starts with the folder as given: the relative path is the
    # rest (os.path.relpath, for each of thousands of sources, cost more than the stat).
    start = len(os.path.join(str(folder), ""))
    for root, subfolders, names in os.walk(folder):
        top = root == str(folder)
        subfolders[:] = sorted(
            s for s in subfolders if not (top and s in skip) and s != "__pycache__"
        )
        for name in sorted(names):
            if suffixes and not name.endswith(suffixes):
                continue
            path = os.path.join(root, name)
            stat = os.stat(path)
            hasher.update(f"{path[start:]}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return hasher.hexdigest()


def base_key(settings: dict) -> str | None:
    """What all pages share; None when the settings cannot be fingerprinted reliably."""
    try:
        picture = value_of(
            {
                k: v
                for k, v in settings.items()
                if not k.startswith(_VOLATILE) and k not in _NOT_OUTPUT
            },
            own=False,
        )
    except Unknown:
        return None
    content = Path(settings["PATH"])
    theme = Path(settings["THEME"])
    plugins = tuple(_tree(Path(p), (".py",)) for p in settings.get("PLUGIN_PATHS", ()))
    today = settings.get("EVENTS_TODAY") or dt.date.today().isoformat()
    return digest(
        (
            pelican.__version__,
            picture,
            _tree(theme),
            plugins,
            # Comments, events, courses, images, the dictionary: any change renders all pages.
            _tree(content, skip=_sources(settings)),
            str(today),
        )
    )


def _sources(settings: dict) -> tuple[str, ...]:
    """The content folders of articles and pages, tracked page by page, not in the base."""
    return tuple(settings.get("ARTICLE_PATHS", ())) + tuple(settings.get("PAGE_PATHS", ()))


def inputs_key(settings: dict, base: str | None = None) -> str | None:
    """Everything a build reads: the base (computed unless given), plus the articles and pages."""
    base = base or base_key(settings)
    if base is None:
        return None
    content = Path(settings["PATH"])
    return digest((base, tuple(_tree(content / folder) for folder in _sources(settings))))
