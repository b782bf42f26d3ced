"""Featured images of articles (WordPress's « image mise en avant »): the header fields,
where the file is, and its width and height.

An article declares its image in its header::

    Image: {static}/images/2019/06/photo.jpg
    Image-Alt: Six personnes autour d’une table, devant un écran

The width and height come from the file itself (Pillow for raster images, the root
element for SVG), so that the page does not move when the image arrives. They are kept
between builds in a small JSON file (:class:`ImageSizes`): an unchanged image is not
opened again.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, unquote

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from cmcore.files import write_atomically
from cmcore.headers import Header

from .responsive import Responsive

# Formats browsers show in an <img>, and, among them, those social networks show in a
# link preview (Open Graph): no SVG nor AVIF there.
BROWSER_FORMATS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})
SHARED_FORMATS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp"})

# Pelican's link prefix, in either of its spellings: {static} and |static|.
_STATIC = re.compile(r"^(?:\{static\}|\|static\|)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # https:, data:...
_EXIF_ORIENTATION = 0x0112
_SVG = "{http://www.w3.org/2000/svg}svg"
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:px)?\s*$")


@dataclass(frozen=True)
class ImageField:
    """The featured image as the header declares it.

    ``path`` is relative to the content folder, with ``/`` (None when the value cannot
    name a file of it: a web address, a path that climbs out); ``alt`` is None when there
    is no ``Image-Alt`` line, ``""`` when the author left it empty (a decorative image).
    """

    written: str
    path: str | None
    alt: str | None
    line: int


@dataclass(frozen=True)
class FeaturedImage:
    """The featured image as pages show it: ``url`` relative to the site, quoted."""

    source: str
    url: str
    alt: str
    width: int | None
    height: int | None
    shared: bool  # a format link previews show: worth an og:image
    # Smaller copies (responsive.py); None for SVG, GIF, AVIF.
    responsive: Responsive | None = None
    # What link previews get: the original, or its widest copy when the original is wider
    # (a phone camera's 4000 px photo is no preview).
    preview_url: str = ""
    preview_width: int | None = None
    preview_height: int | None = None

    def moved_to(self, url: str) -> FeaturedImage:
        """The same image, served at ``url`` (as Pelican placed the file)."""
        moved = quote(url)
        preview = moved if self.preview_url == self.url else self.preview_url
        return replace(self, url=moved, preview_url=preview)


def declared(header: Header, folder: str) -> ImageField | None:
    """The featured image of a header, for a source in ``folder`` (relative to content/)."""
    field = header.get("image")
    if field is None or not field.value:
        return None
    alt = header.get("image-alt")
    return ImageField(
        written=field.value,
        path=content_path(field.value, folder),
        alt=None if alt is None else alt.value,
        line=field.line,
    )


def content_path(value: str, folder: str) -> str | None:
    """The file ``value`` names, relative to the content folder; None if outside it.

    ``{static}/a/b.jpg``, ``/a/b.jpg`` and ``a/b.jpg`` are relative to the content
    folder; ``{static}b.jpg`` is relative to the source's ``folder``, as in Pelican links.
    """
    value = unquote(value.strip().split("#", 1)[0].split("?", 1)[0])
    linked = _STATIC.match(value)
    if linked:
        value = value[linked.end() :]
    if not value or _EXTERNAL.match(value):
        return None
    if linked and not value.startswith("/"):
        value = posixpath.join(folder.replace(os.sep, "/"), value)
    path = posixpath.normpath(value.lstrip("/"))
    if path == "." or path == ".." or path.startswith("../"):
        return None
    return path


def shown_by_browsers(path: str) -> bool:
    """Whether browsers display a file of this format in an ``<img>``."""
    return posixpath.splitext(path)[1].lower() in BROWSER_FORMATS


def featured(
    image: ImageField, size: tuple[int, int] | None, copies: Responsive | None = None
) -> FeaturedImage:
    """What pages show of a declared image whose file exists, ``size`` read from it,
    ``copies`` made of it (responsive.py)."""
    assert image.path is not None
    width, height = size or (None, None)
    preview = (quote(image.path), width, height)
    if copies is not None and copies.fallback != "webp":
        largest = copies.largest(copies.fallback)
        if width and largest.width < width:
            preview = (quote(largest.path), largest.width, largest.height)
    return FeaturedImage(
        source=image.path,
        url=quote(image.path),
        alt=image.alt or "",
        width=width,
        height=height,
        shared=posixpath.splitext(image.path)[1].lower() in SHARED_FORMATS,
        responsive=copies,
        preview_url=preview[0],
        preview_width=preview[1],
        preview_height=preview[2],
    )


def measure(path: Path) -> tuple[int, int] | None:
    """Width and height of the image at ``path`` as browsers show it; None if unreadable."""
    if path.suffix.lower() == ".svg":
        return svg_size(path)
    return raster_size(path)


def raster_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a raster image, turned as its EXIF orientation says."""
    # Imported on first need: most builds find every size in the memo.
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Only the header is read: a very large image is no threat here.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                orientation = image.getexif().get(_EXIF_ORIENTATION)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    # Browsers apply the orientation (CSS image-orientation: from-image): 5 to 8 turn
    # the picture by a quarter.
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return width, height


def svg_size(path: Path) -> tuple[int, int] | None:
    """Width and height of an SVG from its root's width, height and viewBox; None if unsaid.

    Parsed with defusedxml (no entity expansion, no external resource), root only.
    """
    try:
        _event, root = next(iter(SafeElementTree.iterparse(str(path), events=("start",))))
    except (StopIteration, SafeElementTree.ParseError, DefusedXmlException, OSError, ValueError):
        return None
    if root.tag != _SVG:
        return None
    width, height = _pixels(root.get("width")), _pixels(root.get("height"))
    box = _view_box(root.get("viewBox"))
    if width and height:
        return _whole(width), _whole(height)
    if box is None:
        return None
    box_width, box_height = box
    if width:
        return _whole(width), _whole(width * box_height / box_width)
    if height:
        return _whole(height * box_width / box_height), _whole(height)
    return _whole(box_width), _whole(box_height)


def _pixels(value: str | None) -> float | None:
    # Unitless or px only: 100%, 12em... say nothing of the size in pixels.
    match = _LENGTH.match(value or "")
    number = float(match[1]) if match else 0.0
    return number or None


def _view_box(value: str | None) -> tuple[float, float] | None:
    try:
        _x, _y, width, height = (float(part) for part in (value or "").replace(",", " ").split())
    except ValueError:
        return None
    return (width, height) if width > 0 and height > 0 else None


def _whole(value: float) -> int:
    return max(1, round(value))


class ImageSizes:
    """Sizes of the content's images, kept between builds in the JSON file ``memo``.

    Keyed by the path relative to the content folder (never an absolute path, so the
    file survives a move of the project), an entry holds while the image keeps its size
    in bytes and its modification time. Images no longer asked for are forgotten. The
    same file keeps the digests of the images' content (:meth:`digest`), which name their
    smaller copies.
    """

    FORMAT = 1

    def __init__(self, root: Path, memo: Path):
        self._root = root
        self._memo = memo
        self._known, self._known_digests = self._load()
        self._asked: dict[str, list] = {}
        self._digests: dict[str, list] = {}

    def _load(self) -> tuple[dict[str, list], dict[str, list]]:
        try:
            data = json.loads(self._memo.read_text(encoding="utf-8"))
            if data.get("format") != self.FORMAT:
                return {}, {}
            digests = {
                path: entry
                for path, entry in (data.get("digests") or {}).items()
                if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str)
            }
            return {
                path: entry
                for path, entry in data["sizes"].items()
                if isinstance(entry, list)
                and len(entry) == 4
                and all(type(n) is int for n in entry[:2])
                and all(n is None or type(n) is int for n in entry[2:])
            }, digests
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            return {}, {}  # absent or damaged: the images are measured again

    def size(self, path: str) -> tuple[int, int] | None:
        """Width and height of the image at ``path`` (relative to content/, existing)."""
        stat = (self._root / path).stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        entry = self._known.get(path)
        if entry is None or entry[:2] != stamp:
            size = measure(self._root / path)
            entry = stamp + list(size or (None, None))
        self._asked[path] = entry
        width, height = entry[2:]
        return (width, height) if width and height else None

    def digest(self, path: str) -> str:
        """Digest of the content of the image at ``path`` (relative to content/, existing)."""
        stat = (self._root / path).stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        entry = self._known_digests.get(path)
        if entry is None or entry[:2] != stamp:
            with open(self._root / path, "rb") as image:
                entry = [*stamp, hashlib.file_digest(image, "blake2b").hexdigest()[:32]]
        self._digests[path] = entry
        return entry[2]

    def save(self) -> None:
        """Write the memo, when this build measured or forgot anything."""
        if self._asked == self._known and self._digests == self._known_digests:
            return
        write_atomically(
            self._memo,
            json.dumps(
                {"format": self.FORMAT, "sizes": self._asked, "digests": self._digests},
                sort_keys=True,
            ),
        )
        self._known = dict(self._asked)
        self._known_digests = dict(self._digests)
