"""A publish build, checked from the local files rather than from its public address.

``make publish`` writes absolute links (``SITEURL/…``). The gates serve the site from a
loopback port: the link gate would not follow those links, and the browser would load
them from the network (the public host, or nothing offline). ``invoke check`` and
``invoke deploy`` therefore check a view of the build whose pages say ``/…`` instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit


def published_address(output: Path) -> str:
    """The ``SITEURL`` a publish build links to, or ``""`` for a build with local links.

    Read from the home page: its canonical address is ``SITE_ORIGIN/`` (``SITEURL/`` in a
    publish build), and a publish build's own links and assets start with it, where a
    development build's start with ``/``.
    """
    from bs4 import BeautifulSoup

    home = output / "index.html"
    if not home.is_file():
        return ""
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    canonical = soup.select_one("link[rel=canonical]")
    address = (canonical.get("href", "") if canonical else "").rstrip("/")
    if not urlsplit(address).scheme:
        return ""
    for tag in soup.select(
        "link[rel=stylesheet][href], link[rel=icon][href], script[src], img[src]"
    ):
        if (tag.get("href") or tag.get("src")).startswith(address + "/"):
            return address
    return ""


def local_view(output: Path, siteurl: str, folder: Path) -> Path:
    """A copy of ``output`` in ``folder`` whose pages link to ``/…`` instead of ``SITEURL/…``.

    Only the HTML is rewritten, the other files are hard links to the built ones (copies
    across devices).
    """
    shutil.rmtree(folder, ignore_errors=True)
    prefix = siteurl.rstrip("/")

    def place(source: str, destination: str) -> None:
        if prefix and source.endswith(".html"):
            text = Path(source).read_text(encoding="utf-8")
            Path(destination).write_text(text.replace(prefix, ""), encoding="utf-8")
            return
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)

    # The pages' .gz/.br would still say SITEURL: left out, as a server would compress.
    ignored = shutil.ignore_patterns("*.html.gz", "*.html.br")
    shutil.copytree(output, folder, copy_function=place, ignore=ignored)
    return folder


@contextlib.contextmanager
def checkable(output: Path, siteurl: str, folder: Path) -> Iterator[Path]:
    """What the gates should look at: ``output`` itself when its links are local, else a
    :func:`local_view` in ``folder``, removed on leaving."""
    if not siteurl.rstrip("/"):
        yield output
        return
    try:
        yield local_view(output, siteurl, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
