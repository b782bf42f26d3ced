"""The ``REDIRECTS_*`` settings and their defaults, declared once (documented in README.md)."""

from __future__ import annotations

from cmcore.settings import getter

DEFAULTS = {
    # The table of old addresses, relative to the content folder (PATH); None: no redirects.
    "REDIRECTS_FILE": "redirections.csv",
    # A small HTML page at each old path (meta refresh), for hosts without server rules.
    "REDIRECTS_PAGES": True,
    # Rules for Netlify and Cloudflare Pages, in the output folder; None: not written.
    "REDIRECTS_NETLIFY": "_redirects",
    # Netlify serves an existing file before its rules: "301!" makes the rule win over the
    # page written above (Cloudflare Pages ignores such lines, and always applies its rules).
    "REDIRECTS_NETLIFY_FORCE": False,
    # Apache rules (mod_rewrite), in the output folder; None: not written.
    "REDIRECTS_APACHE": ".htaccess",
    # nginx ``map`` block, to include from the server's configuration; None: not written.
    "REDIRECTS_NGINX": "_redirections.nginx.conf",
    # Old query addresses of the home page (``/?p=123``) for the home page's script;
    # None: neither this file nor the script.
    "REDIRECTS_JSON": "redirections.json",
}


get = getter(DEFAULTS)  # get(settings, "REDIRECTS_FILE"): the value, or its default
