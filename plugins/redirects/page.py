"""The static page left at an old path: it sends the reader on, and tells them where."""

from __future__ import annotations

from html import escape


def render(url: str, label: str, sitename: str, icon: str = "") -> str:
    """A minimal HTML5 page that sends the reader to ``url`` at once (meta refresh).

    No script and no style: it works without JavaScript and under a Content-Security-Policy
    without ``unsafe-inline``. ``noindex`` and the canonical link tell search engines to
    keep the new address. ``icon`` is the site's icon: without it, a browser asks for
    ``/favicon.ico``, which the site does not have.
    """
    href = escape(url, quote=True)
    icon_link = f'<link rel="icon" href="{escape(icon, quote=True)}">\n' if icon else ""
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page déplacée – {escape(sitename)}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{href}">
{icon_link}</head>
<body>
<main>
<h1>Page déplacée</h1>
<p>Cette page a déménagé&nbsp;: <a href="{href}">{escape(label)}</a>.</p>
</main>
</body>
</html>
"""
