"""Shared, Pelican-free core of the site's plugins.

- ``dates``: every French date and time a reader sees (Babel, never the system locale).
- ``problems``: content problems as one French line naming the file and the line.
- ``plugins``: the order of PLUGINS that matters, checked when a build starts.
- ``headers``: the metadata header of a Markdown source, with line numbers.
- ``french``: no-break spaces, « guillemets » and plurals, for every message and page.
- ``files``: writing a file atomically; whether the incremental build already wrote it.
- ``sources``: walking the content folder for sources, and the slug a name gets.
- ``settings``: a plugin's settings read with their declared defaults.
- ``perbuild``: what belongs to one build (its problems, its comment threads), by its settings.
- ``content``: which article or lesson a slug names, and its URL, read from the sources.
"""
