"""Blog plugin: French metadata checks, reading time, table of contents, French dates."""

from .blog import register

__all__ = ["register"]
