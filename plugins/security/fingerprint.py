"""Theme assets under names that carry their content's hash, with their SRI digest.

Pure: given the theme's static folders, :class:`Assets` tells the templates which name
to link for ``css/site.css`` (``theme/css/site.3f2a9c1b.css``) and which
``integrity="sha384-…"`` goes with it. A changed file gets a new name, so a browser may
keep each name for a year; the HTML, which names it, is revalidated at every visit.

Only CSS and JavaScript are fingerprinted: other theme files (the icon) keep their name,
as pages outside the templates (the redirect pages) link to them by that name.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

FINGERPRINTED = (".css", ".js")
HASH_LENGTH = 8  # hexadecimal digits in a name: site.3f2a9c1b.css
# A fingerprinted name, for server rules: "<anything>.<8 hex digits>.css|js".
NAME_PATTERN = rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.(?:css|js)$"


@dataclass(frozen=True)
class Asset:
    """A theme file as the pages link it."""

    name: str  # as the templates ask for it: "css/site.css"
    source: Path  # the theme's file
    path: str  # from the output folder's root: "theme/css/site.3f2a9c1b.css"
    integrity: str = ""  # "sha384-…"; empty when not fingerprinted

    @property
    def sri(self) -> Markup:
        """The attributes that make the browser check the file: empty when not fingerprinted.

        ``crossorigin="anonymous"``: a site served from a CDN origin still gets its files
        checked (same origin, it changes nothing).
        """
        if not self.integrity:
            return Markup("")
        return Markup(' integrity="%s" crossorigin="anonymous"') % escape(self.integrity)


def hashed_name(name: str, digest: bytes) -> str:
    """``css/site.css`` with its digest: ``css/site.3f2a9c1b.css``."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest.hex()[:HASH_LENGTH]}{dot}{suffix}"


def integrity(digest: bytes) -> str:
    """The SRI value of a SHA-384 digest."""
    return "sha384-" + base64.b64encode(digest).decode("ascii")


# Digests by file, kept while the file is unchanged (the dev server builds many times).
_DIGESTS: dict[Path, tuple[int, int, bytes]] = {}


def _digest(path: Path) -> bytes:
    stat = path.stat()
    known = _DIGESTS.get(path)
    if known and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]
    digest = hashlib.sha384(path.read_bytes()).digest()
    _DIGESTS[path] = (stat.st_mtime_ns, stat.st_size, digest)
    return digest


class Assets:
    """The theme's static files, as ``asset("css/site.css")`` links them.

    ``roots`` are the theme's static folders (``theme/static``), copied by Pelican into
    ``static_dir`` (``THEME_STATIC_DIR``) of the output; ``fingerprint`` turns the hashed
    names and the integrity on.
    """

    def __init__(self, roots: list[Path], static_dir: str, fingerprint: bool):
        self.roots = roots
        self.static_dir = static_dir.strip("/")
        self.fingerprint = fingerprint
        self._found: dict[str, Asset | None] = {}

    def find(self, name: str) -> Asset | None:
        """The asset ``name`` (relative to a static folder), or None when no folder has it."""
        if name not in self._found:
            self._found[name] = self._make(name.lstrip("/"))
        return self._found[name]

    def _make(self, name: str) -> Asset | None:
        # The last folder wins, as when Pelican copies them one after the other.
        for root in reversed(self.roots):
            source = root / name
            if ".." not in Path(name).parts and source.is_file():
                break
        else:
            return None
        if not (self.fingerprint and name.endswith(FINGERPRINTED)):
            return Asset(name, source, self.site_path(name))
        digest = _digest(source)
        return Asset(name, source, self.site_path(hashed_name(name, digest)), integrity(digest))

    def site_path(self, name: str) -> str:
        return f"{self.static_dir}/{name}" if self.static_dir else name

    def fingerprinted(self) -> list[Asset]:
        """Every CSS and JS file of the theme under its hashed name (none when off)."""
        if not self.fingerprint:
            return []
        names = set()
        for root in self.roots:
            for folder, _, files in os.walk(root):
                for file in files:
                    if file.endswith(FINGERPRINTED):
                        names.add(Path(folder, file).relative_to(root).as_posix())
        return [asset for name in sorted(names) if (asset := self.find(name))]
