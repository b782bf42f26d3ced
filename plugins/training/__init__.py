"""Training portal: courses and lessons from ``content/formations/``, with self-checks."""

from .training import register

__all__ = ["register"]
