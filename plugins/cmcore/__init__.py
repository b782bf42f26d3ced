"""Shared, Pelican-free core of the site's plugins.

- ``dates``: every French date and time a reader sees (Babel, never the system locale).
- ``problems``: content problems as one French line naming the file and the line.
- ``build``: one build of the site, as ``make build`` and ``invoke build`` run it.
- ``headers``: the metadata header of a Markdown source, with line numbers.
"""
