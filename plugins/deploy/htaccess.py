"""The published ``.htaccess``: redirects, compressed siblings and security headers, together.

A shared host has no virtual host to edit, and a hand-edited ``.htaccess`` would be
replaced by the next deploy: the publish build writes the whole file. Three blocks, in
this order, each inside ``<IfModule>`` so that a host without a module still serves the
site (without that block's help):

1. the redirects of ``content/redirections.csv``, as the redirects plugin wrote them
   (``mod_rewrite``; first, so an old address is redirected before anything else);
2. the ``.gz``/``.br`` siblings (:func:`compression_rules`), sent to browsers that accept
   them with the original file's type, ``Content-Encoding`` and ``Vary: Accept-Encoding``
   (``mod_rewrite`` and ``mod_headers``; ``mod_mime`` when present);
3. the security headers and cache lifetimes of ``_headers.apache.conf`` (plugins/security,
   ``mod_headers``).

The separate snippets stay in the output for a virtual host (``Include``, ``<Directory>``).
"""

from __future__ import annotations

import re
from pathlib import Path

from cmcore.files import write_atomically
from cmcore.french import NBSP

from .compress import EXTENSIONS

# Content types of the compressed files, by extension (Apache's mime.types agrees).
TYPES = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "json": "application/json",
    "txt": "text/plain",
    "ics": "text/calendar",
}
# Each block starts with one of these lines: the next build finds what it wrote before.
MARK = "# --- {} (écrit par la construction de production) ---\n"
COMPRESSION = MARK.format("Copies compressées .br et .gz")
HEADERS = MARK.format("En-têtes de sécurité et durées de cache")
ABOUT = (
    f"# Fichier écrit à chaque construction de production{NBSP}: ne le modifiez pas, "
    "il serait remplacé.\n"
)


def compression_rules(extensions: tuple[str, ...]) -> str:
    """Rules for a ``<Directory>`` or ``.htaccess``: each file of ``extensions`` (``.html``…)
    is sent as its ``.br`` sibling, else its ``.gz`` one, to a browser that accepts it.

    Pretty addresses (``/slug/``, whose file is ``slug/index.html``) get them too: mod_dir
    would look for ``index.html`` only after the rewriting, so the folder's request is
    rewritten here. The compressed answer keeps the original type, and neither mod_deflate
    nor mod_brotli compresses it again.
    """
    names = [e.lstrip(".") for e in extensions if e.lstrip(".") in TYPES]
    group = "|".join(names)
    lines = [
        "<IfModule mod_rewrite.c>\n<IfModule mod_headers.c>\n",
        "RewriteEngine On\n",
    ]
    for encoding, suffix in (("br", "br"), ("gzip", "gz")):
        lines += [
            f"RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b\n",
            f"RewriteCond %{{REQUEST_FILENAME}}.{suffix} -s\n",
            f'RewriteRule "^(.+\\.({group}))$" "$1.{suffix}" [L]\n',
        ]
        if "html" in names:
            lines += [
                f"RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b\n",
                "RewriteCond %{REQUEST_FILENAME} -d\n",
                f"RewriteCond %{{REQUEST_FILENAME}}/index.html.{suffix} -s\n",
                f'RewriteRule "^(.*/)?$" "$1index.html.{suffix}" [L]\n',
            ]
    for name in names:
        flags = f"T={TYPES[name]},E=no-gzip:1,E=no-brotli:1"
        lines.append(f'RewriteRule "\\.{re.escape(name)}\\.(br|gz)$" "-" [{flags}]\n')
    lines += [
        f'<FilesMatch "\\.({group})\\.br$">\n',
        "    Header set Content-Encoding br\n",
        "</FilesMatch>\n",
        f'<FilesMatch "\\.({group})\\.gz$">\n',
        "    Header set Content-Encoding gzip\n",
        "</FilesMatch>\n",
        # Compressed or not, the answer depends on Accept-Encoding: caches must know it.
        f'<FilesMatch "\\.({group})(\\.br|\\.gz)?$">\n',
        "    Header merge Vary Accept-Encoding\n",
        "</FilesMatch>\n",
        "</IfModule>\n</IfModule>\n",
        # Debian's mime.conf reads .br as Breton (Content-Language: br), and a host may
        # have .gz as an encoding of its own: the headers above say it all.
        "<IfModule mod_mime.c>\n",
        "RemoveLanguage .br\n",
        "RemoveEncoding .br .gz\n",
        "</IfModule>\n",
    ]
    return "".join(lines)


def _own_part(text: str) -> str:
    """What the redirects plugin wrote: the file up to the first block added here."""
    text = text.removeprefix(ABOUT)
    cuts = [text.find(mark) for mark in (COMPRESSION, HEADERS) if mark in text]
    return text[: min(cuts)] if cuts else text


def compose(redirects: str, compression: str, headers: str) -> str:
    """The whole ``.htaccess``: the blocks that are not empty, in order."""
    blocks = [redirects.strip()] if redirects.strip() else []
    if compression:
        blocks.append(COMPRESSION + compression.strip())
    if headers:
        blocks.append(HEADERS + headers.strip())
    return ABOUT + "\n\n".join(blocks) + "\n" if blocks else ""


def write_htaccess(output: Path, name: str, extensions: tuple[str, ...], headers: str) -> None:
    """Complete ``output/name`` (the redirects, if any) with the siblings' rules and the
    ``headers`` block (the security plugin's Apache lines, or ``""``)."""
    path = output / name
    redirects = _own_part(path.read_text(encoding="utf-8")) if path.is_file() else ""
    text = compose(redirects, compression_rules(extensions) if extensions else "", headers)
    if text:
        write_atomically(path, text)


def complete_htaccess(pelican) -> None:
    """Pelican ``finalized`` handler: the published ``.htaccess`` (``DEPLOY_HTACCESS``)."""
    from security import settings as security

    name = pelican.settings.get("DEPLOY_HTACCESS", ".htaccess")
    if not name:
        return
    output = Path(pelican.output_path)
    compressed = pelican.settings.get("DEPLOY_COMPRESS", True)
    extensions = pelican.settings.get("DEPLOY_COMPRESS_EXTENSIONS") or EXTENSIONS
    snippet = security.get(pelican.settings, "SECURITY_APACHE")
    headers = output / snippet if snippet else None
    write_htaccess(
        output,
        name,
        tuple(extensions) if compressed else (),
        headers.read_text(encoding="utf-8") if headers and headers.is_file() else "",
    )
