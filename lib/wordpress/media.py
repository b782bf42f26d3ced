"""The files of ``wp-content/uploads/``: which one a URL names, where its copy goes.

A post names an upload by URL: ``https://carnet.example/wp-content/uploads/2019/06/
photo-300x200.jpg``, or on WordPress.com ``https://carnet.files.wordpress.com/2019/06/
photo.jpg?w=640``. The copy keeps the upload's year and month
(``content/images/2019/06/photo.jpg``) and is the original file, not a resized variant
(``-300x200``), whenever the original (or its ``-scaled`` main copy) is in the uploads
folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

UPLOADS_MARK = "/wp-content/uploads/"
_DRIVE = re.compile(r"^[A-Za-z]:")
_VARIANT = re.compile(r"^(?P<stem>.+?)(?:-\d+x\d+|-scaled|-rotated|-e\d{10,13})+(?P<ext>\.\w+)$")
_DATED = re.compile(r"^\d{4}/\d{2}/")
IMAGES = "images"


def upload_path(url: str, hosts: set[str]) -> str | None:
    """The path under ``uploads/`` that ``url`` names (``2019/06/photo.jpg``), or ``None``.

    ``hosts`` are the old site's hosts, without ``www.``: an upload on another site is not
    ours to copy. The path is as the URL spells it, maybe hostile (``../``): the caller
    goes through :class:`Uploads` and :func:`target_for`, which refuse those.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path)
    if host.endswith(".files.wordpress.com"):
        relative = path.lstrip("/")
    elif UPLOADS_MARK in path and (not host or host in hosts or host.endswith(".wp.com")):
        relative = path.split(UPLOADS_MARK, 1)[1]
    else:
        return None
    return relative if relative.strip("/.") else None


class UnsafePath(ValueError):
    """A path from the export that leaves the uploads folder or the content folder."""


def safe_relative(path: str) -> str | None:
    """``path`` as a plain relative POSIX path (``2019/06/photo.jpg``), or ``None`` when
    the export names something no upload can be: an absolute path, a ``..``, a drive."""
    text = (path or "").strip().replace("\\", "/")
    if not text or text.startswith("/") or _DRIVE.match(text) or "\x00" in text:
        return None
    parts = [part for part in PurePosixPath(text).parts if part != "."]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def inside(folder: Path, relative: str) -> Path:
    """``folder/relative``, or :class:`UnsafePath` when it is not a safe relative path or,
    links followed, resolves outside ``folder``."""
    clean = safe_relative(relative)
    if clean is None:
        raise UnsafePath(relative)
    path = Path(folder) / clean
    if not path.resolve().is_relative_to(Path(folder).resolve()):
        raise UnsafePath(relative)
    return path


def original_of(relative: str) -> str:
    """``2019/06/photo.jpg`` for ``2019/06/photo-300x200.jpg`` (or the path itself)."""
    folder, _, name = relative.rpartition("/")
    match = _VARIANT.match(name)
    if not match:
        return relative
    name = match.group("stem") + match.group("ext")
    return f"{folder}/{name}" if folder else name


@dataclass(frozen=True)
class Upload:
    """One file of the uploads the import needs: where it is, where its copy goes."""

    relative: str  # under uploads/, the file chosen (the original when present)
    source: Path | None  # the file in --uploads, None when missing
    target: str  # relative to content/: images/2019/06/photo.jpg

    @property
    def link(self) -> str:
        """How Markdown names the copy: ``{static}/images/2019/06/photo.jpg``."""
        return "{static}/" + self.target


class Uploads:
    """The author's copy of ``wp-content/uploads/`` (or none)."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None

    def find(self, relative: str) -> Upload:
        """The upload for a path named by a post: the original when it is in the folder,
        else its ``-scaled`` copy, else the file named, else (missing) where the original's
        copy would go. :class:`UnsafePath` for a path that leaves the folder."""
        clean = safe_relative(relative)
        if clean is None:
            raise UnsafePath(relative)
        relative = clean
        original = original_of(relative)
        # Since WordPress 5.3 a large upload's main file is its « -scaled » copy.
        stem, dot, extension = original.rpartition(".")
        scaled = f"{stem}-scaled.{extension}" if dot else original
        for candidate in dict.fromkeys((original, scaled, relative)):
            source = self._present(candidate)
            if source is not None:
                return Upload(candidate, source, target_for(candidate))
        return Upload(original, None, target_for(original))

    def _present(self, relative: str) -> Path | None:
        if self.folder is None:
            return None
        path = inside(self.folder, relative)  # a link inside the copy may point anywhere
        return path if path.is_file() else None


def target_for(relative: str) -> str:
    """``images/2019/06/photo.jpg``: year and month kept, other paths under ``wordpress/``
    (:class:`UnsafePath` for a path that would climb out of ``images/``)."""
    clean = safe_relative(relative)
    if clean is None:
        raise UnsafePath(relative)
    relative = clean
    if _DATED.match(relative):
        return f"{IMAGES}/{relative}"
    return f"{IMAGES}/wordpress/{relative}"
