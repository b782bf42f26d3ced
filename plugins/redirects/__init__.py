"""Redirects plugin: old addresses (WordPress, renamed articles) keep leading somewhere."""

from .redirects import register

__all__ = ["register"]
