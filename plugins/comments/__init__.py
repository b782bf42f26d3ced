"""Comments plugin: imported readers' comments, threaded, in static HTML (see README.md)."""

from .comments import register

__all__ = ["register"]
