"""The site's HTTP headers, and the files that tell hosts and web servers to send them.

Pure. :func:`content_security_policy` allows the site's own origin and nothing else,
plus the Isso server's origin when the live comments are on; :func:`netlify`,
:func:`nginx` and :func:`apache` write the same headers for each kind of host.

What the pages need, and why each source is there:

- ``script-src 'self' 'wasm-unsafe-eval'``: the theme's scripts and Pagefind's; Pagefind
  compiles its WebAssembly search engine (in the page and in its worker), which is what
  ``'wasm-unsafe-eval'`` allows, and only that (no ``eval``);
- ``style-src 'self'``: one stylesheet; no ``style`` attribute, no ``<style>`` anywhere;
- JSON-LD (``<script type="application/ld+json">``) is data, never run: no source needed;
- Isso: its script, its stylesheet (``embed.min.js`` adds a ``<link>`` to ``css/isso.css``)
  and its API (``connect-src``); no image (avatars and Gravatar are off).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from cmcore.french import NBSP, quoted

from .fingerprint import NAME_PATTERN

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    "img-src": ("'self'",),
    "media-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "form-action": ("'self'",),
    "base-uri": ("'none'",),
    "frame-ancestors": ("'none'",),
}
ISSO_DIRECTIVES = ("script-src", "style-src", "connect-src")


class PolicyError(ValueError):
    """A setting the policy cannot be made from; ``str()`` is the French message."""


def isso_origin(url: str | None) -> str | None:
    """The origin to allow for Isso at ``url``: None when off or on the site's own origin
    (``/isso``); ``PolicyError`` for a value the widget could not load from."""
    if not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return None
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    raise PolicyError(
        f"COMMENTS_ISSO_URL {quoted(url)} n’est ni une adresse http(s) ni un chemin "
        f"du site{NBSP}; écrivez par exemple https://commentaires.example.org ou /isso"
    )


def content_security_policy(
    isso: str | None = None, extra: Mapping[str, Iterable[str]] | None = None
) -> str:
    """The ``Content-Security-Policy`` value: the site's origin, Isso's, and ``extra``."""
    directives = {name: list(sources) for name, sources in BASE_POLICY.items()}
    if isso:
        for name in ISSO_DIRECTIVES:
            directives[name].append(isso)
    for name, sources in (extra or {}).items():
        if not name.replace("-", "").isalpha() or any(";" in s or "," in s for s in sources):
            raise PolicyError(
                f"SECURITY_CSP_SOURCES{NBSP}: directive {quoted(name)} ou source "
                f'illisible{NBSP}; écrivez par exemple {{"img-src": ["https://images.exemple.org"]}}'
            )
        found = directives.setdefault(name, [])
        found[:] = [s for s in found if s != "'none'"]
        found.extend(s for s in sources if s not in found)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def site_headers(csp: str, referrer: str, permissions: str) -> list[tuple[str, str]]:
    """The headers every response of the site gets."""
    return [
        ("Content-Security-Policy", csp),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", referrer),
        ("Permissions-Policy", permissions),
    ]


def _about(comment: str = "#") -> str:
    return (
        f"{comment} En-têtes de sécurité et de cache du site, écrits à chaque construction"
        f"{NBSP}:\n{comment} réglez-les dans publishconf.py (SECURITY_*), pas dans ce fichier.\n"
    )


def netlify(headers: list[tuple[str, str]], immutable: Iterable[str]) -> str:
    """``_headers`` for Netlify and Cloudflare Pages.

    ``immutable``: the site paths of the fingerprinted files (``/theme/css/site.3f2a9c1b.css``),
    listed one by one. HTML keeps the hosts' default, ``max-age=0, must-revalidate`` (a
    ``Cache-Control`` on ``/*`` would be joined to the files' own on Cloudflare Pages).
    """
    lines = [_about(), "/*\n"]
    lines += [f"  {name}: {value}\n" for name, value in headers]
    for path in immutable:
        lines.append(f"\n{path}\n  Cache-Control: {IMMUTABLE}\n")
    return "".join(lines)


def _nginx_headers(headers: list[tuple[str, str]], indent: str) -> list[str]:
    return [f'{indent}add_header {name} "{value}" always;\n' for name, value in headers]


def nginx(headers: list[tuple[str, str]], static_dir: str, include: str) -> str:
    """Lines for the site's ``server { }`` block: the headers on every response, HTML
    revalidated, fingerprinted files cached for a year.

    nginx drops the ``add_header`` of a block as soon as an inner ``location`` has its own:
    the fingerprinted files' ``location`` repeats them all.
    """
    pattern = f"^/{static_dir.strip('/')}/.+{NAME_PATTERN}" if static_dir else f"^/.+{NAME_PATTERN}"
    lines = [
        _about(),
        f"# Dans le bloc server {{ }} du site{NBSP}:\n#     include /chemin/du/site/{include};\n",
        *_nginx_headers(headers, ""),
        f'add_header Cache-Control "{REVALIDATE}" always;\n',
        f'location ~ "{pattern}" {{\n',
        *_nginx_headers(headers, "    "),
        f'    add_header Cache-Control "{IMMUTABLE}" always;\n',
        "}\n",
    ]
    return "".join(lines)


def apache(headers: list[tuple[str, str]]) -> str:
    """Lines for the virtual host (``Include``) or an ``.htaccess`` (``mod_headers``)."""
    lines = [_about(), "<IfModule mod_headers.c>\n"]
    lines += [f'    Header always set {name} "{value}"\n' for name, value in headers]
    lines += [
        f'    Header set Cache-Control "{REVALIDATE}"\n',
        # The name of the file sent: the fingerprinted one, or its .br/.gz sibling (the
        # published .htaccess sends those in its place).
        f'    <FilesMatch "{NAME_PATTERN.removesuffix("$")}(?:\\.(?:br|gz))?$">\n',
        f'        Header set Cache-Control "{IMMUTABLE}"\n',
        "    </FilesMatch>\n",
        "</IfModule>\n",
    ]
    return "".join(lines)
