"""The ``SECURITY_*`` settings and their defaults, declared once (documented in README.md)."""

from __future__ import annotations

from cmcore.settings import getter

DEFAULTS = {
    # Theme CSS and JS under content-hashed names (site.3f2a9c1b.css), referenced with
    # integrity="sha384-…". Off in development, on in publishconf.py.
    "SECURITY_FINGERPRINT": False,
    # Headers for Netlify and Cloudflare Pages, in the output folder; None: not written.
    "SECURITY_HEADERS": "_headers",
    # nginx lines for the server { } block, in the output folder; None: not written.
    "SECURITY_NGINX": "_headers.nginx.conf",
    # Apache lines (mod_headers) for the virtual host or .htaccess; None: not written.
    "SECURITY_APACHE": "_headers.apache.conf",
    # Sources added to the Content-Security-Policy, by directive:
    # {"img-src": ["https://images.example.org"]}. Every addition weakens the policy.
    "SECURITY_CSP_SOURCES": {},
    "SECURITY_REFERRER_POLICY": "strict-origin-when-cross-origin",
    # Browser features no page of the site uses, refused to every page and frame.
    "SECURITY_PERMISSIONS_POLICY": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
}


get = getter(DEFAULTS)  # get(settings, "SECURITY_HEADERS"): the value, or its default
