"""Security plugin: fingerprinted theme assets with SRI, and the site's HTTP headers."""

from .security import register

__all__ = ["register"]
