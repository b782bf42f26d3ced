"""Reading a plugin's settings: the value in the build's settings, or its declared default."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def getter(defaults: Mapping[str, Any]) -> Callable[[Mapping, str], Any]:
    """The ``get(settings, name)`` of a plugin whose settings and defaults are ``defaults``.

    A name missing from ``defaults`` raises ``KeyError``: every setting is declared once.
    """

    def get(settings: Mapping, name: str) -> Any:
        """The value of the setting ``name``, or its default."""
        return settings.get(name, defaults[name])

    return get
