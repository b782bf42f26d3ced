"""The redirects as rules for hosts and web servers, and as a map for the home page's script.

- :func:`netlify`: ``_redirects`` for Netlify and Cloudflare Pages;
- :func:`apache`: ``.htaccess`` rules for Apache's mod_rewrite;
- :func:`nginx`: a ``map $request_uri $carnet_redirect { ... }`` block for nginx;
- :func:`query_map`: the home page's old query addresses, for ``redirections.js``.

Server rules give a real ``301``: better than the static pages and the script, which
they make unnecessary. Old path rules also match the path with or without its trailing
slash (a folder), and keep the reader's query string (``?utm_source=...``); old query
addresses match when their parameters come first, whatever follows.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from cmcore.french import NBSP

from .targets import Resolved, has_page

VARIABLE = "carnet_redirect"


def _about(table: str) -> str:
    return (
        f"# Redirections des anciennes adresses, écrites à chaque construction depuis {table}"
        f"{NBSP}:\n# modifiez cette table, pas ce fichier.\n"
    )


def netlify(resolved: list[Resolved], table: str, force: bool = False) -> str:
    """``_redirects``: ``/old /new 301``, and ``/ p=123 /new 301!`` for a query address.

    Netlify serves an existing file before a rule unless the rule ends with ``!``: the
    home page exists, so query rules always end with it; path rules only with ``force``
    (Cloudflare Pages, which ignores such lines, always applies its rules).
    """
    lines = [_about(table)]
    for redirect in resolved:
        if redirect.query:
            parameters = " ".join(redirect.query.split("&"))
            lines.append(f"{redirect.path} {parameters} {redirect.url} 301!\n")
        else:
            lines.append(f"{redirect.path} {redirect.url} {'301!' if force else '301'}\n")
    return "".join(lines)


def _path_pattern(path: str) -> str:
    """The regular expression of an old path, from its first character after ``/``."""
    folder = has_page(path) and not path.lower().endswith((".html", ".htm"))
    body = path.rstrip("/") if folder else path
    return re.escape(body.lstrip("/")) + ("/?" if folder and body else "")


def apache(resolved: list[Resolved], table: str) -> str:
    """``.htaccess``: one ``RewriteRule`` per old path, with a ``RewriteCond`` on the query
    string for a query address."""
    lines = [_about(table), "<IfModule mod_rewrite.c>\n", "RewriteEngine On\n"]
    for redirect in resolved:
        # Apache matches the decoded path, and the query string as it was sent.
        pattern = _path_pattern(unquote(redirect.path)).replace('"', '\\"')
        # "$N" and "%N" are back-references in a substitution.
        target = re.sub(r"([$%\\])", r"\\\1", redirect.url)
        flags = "R=301,L,NE"
        if redirect.query:
            query = re.escape(redirect.query)
            lines.append(f'RewriteCond %{{QUERY_STRING}} "^{query}(&|$)"\n')
            flags += ",QSD"  # the old query would follow the reader to the new page
        lines.append(f'RewriteRule "^/?{pattern}$" "{target}" [{flags}]\n')
    lines.append("</IfModule>\n")
    return "".join(lines)


def nginx(resolved: list[Resolved], table: str, include: str) -> str:
    """A ``map`` of ``$request_uri`` (path and query, as sent) to the new URL.

    ``include`` is the file's name in the output folder, for the instructions.
    """
    lines = [
        _about(table),
        f"# Dans le bloc http {{ }}{NBSP}:\n#     include /chemin/du/site/{include};\n",
        f"# Dans le bloc server {{ }}{NBSP}:\n"
        f"#     if (${VARIABLE}) {{ return 301 ${VARIABLE}; }}\n",
        f"map $request_uri ${VARIABLE} {{\n",
        '    default "";\n',
    ]
    for redirect in resolved:
        if redirect.query:
            key = f"^{re.escape(redirect.path)}\\?{re.escape(redirect.query)}(&.*)?$"
        else:
            key = f"^/{_path_pattern(redirect.path)}(\\?.*)?$"
        # "$name" in a value is an nginx variable: "$" is written encoded.
        value = redirect.url.replace("$", "%24")
        lines.append(f'    "~{key}" "{value}";\n')
    lines.append("}\n")
    return "".join(lines)


def query_map(resolved: list[Resolved]) -> dict[str, str]:
    """The old query addresses of the home page: ``{"?p=123": "/mon-article/"}``."""
    return {f"?{r.query}": r.url for r in resolved if r.query and r.path == "/"}


def query_json(resolved: list[Resolved]) -> str:
    """:func:`query_map` as the JSON the script reads."""
    return json.dumps(query_map(resolved), ensure_ascii=False, indent=1) + "\n"
