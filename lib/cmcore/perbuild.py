"""What belongs to one build of the site, found from that build's settings.

Pelican hands the same settings dict to every reader, generator and signal of one build,
and nothing else they all share. A plugin that keeps something for the length of a build
(the problems told so far, the comment threads ready for the templates) declares a
:class:`PerBuild` and keeps it there, keyed by that dict, instead of under a private key
of the settings: a settings key is readable and writable by every plugin, and Pelican
copies it into every template's context.

The dev server builds many times in one process and the tests build many sites in one:
:meth:`PerBuild.start` gives a build its own value when it begins, and only the values of
the last few builds are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")
# Builds whose values stay reachable: the running one, a build made inside it (the monthly
# report reads the site with a Pelican of its own), and the ones just finished, which the
# caller reads after Pelican returns (``sitebuild`` counts the problems).
KEPT_BUILDS = 8


class PerBuild(Generic[T]):
    """One value per build, keyed by the identity of the build's settings dict."""

    def __init__(self, factory: Callable[[], T]):
        self._factory = factory
        # id(settings) → (settings, value). The settings are held so that their id cannot
        # be reused by another dict while the entry lives.
        self._values: OrderedDict[int, tuple[Mapping, T]] = OrderedDict()

    def start(self, settings: Mapping, value: T | None = None) -> T:
        """Begin a build: its value is ``value``, or a fresh one from the factory."""
        value = self._factory() if value is None else value
        self._values.pop(id(settings), None)
        self._values[id(settings)] = (settings, value)
        while len(self._values) > KEPT_BUILDS:
            self._values.popitem(last=False)
        return value

    def get(self, settings: Mapping) -> T:
        """The build's value, made fresh when the build has none yet."""
        found = self.peek(settings)
        return self.start(settings) if found is None else found

    def peek(self, settings: Mapping) -> T | None:
        """The build's value, or ``None`` when it has none."""
        entry = self._values.get(id(settings))
        if entry is None or entry[0] is not settings:
            return None
        self._values.move_to_end(id(settings))
        return entry[1]
