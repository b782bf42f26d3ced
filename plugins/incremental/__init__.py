"""Incremental builds: render only the pages whose inputs changed, remove what went away."""

from .incremental import register

__all__ = ["register"]
