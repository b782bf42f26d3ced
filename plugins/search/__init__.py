"""Search plugin: indexes the built site with Pagefind, offline, in French."""

from .search import register

__all__ = ["register"]
