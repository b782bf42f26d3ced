"""Plugins and the builds they belong to: receivers that run only where listed, and the
order of ``PLUGINS`` that matters, declared once and checked when a build starts.

Pelican's signals belong to the process, not to a build: once a plugin's ``register()``
has connected its receivers, they would also run for a later build, in the same process,
that does not list it (the dev server, the report, the tests). :func:`connect` guards
each receiver with the build's ``PLUGINS``.

Pelican runs the receivers of one signal in the order the plugins were registered, so a
few plugins must come before or after others. Each rule says why; ``order_problems`` is
called by the blog plugin when a build starts, and a wrong order stops the build with a
French line instead of a site built half right.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .french import NBSP, NNBSP, quoted


class ConfigurationError(Exception):
    """A settings mistake; ``str()`` is ready for the author."""


@dataclass(frozen=True)
class Rule:
    plugin: str
    after: tuple[str, ...] = ()  # plugins it must come after (when they are listed)
    first: bool = False
    last: bool = False
    why: str = ""


RULES = (
    Rule(
        "blog",
        first=True,
        why="il ouvre chaque construction (problèmes de contenu, dates) avant les autres",
    ),
    Rule(
        "redirects",
        after=("training", "events", "search", "security"),
        why="il vérifie les pages que les autres extensions écrivent",
    ),
    Rule("deploy", last=True, why="il compresse les fichiers une fois tous écrits"),
)


def _name(entry) -> str:
    return entry if isinstance(entry, str) else getattr(entry, "__name__", str(entry))


def order_problems(plugins, rules=RULES) -> list[str]:
    """What is wrong with the order of ``plugins`` (PLUGINS), one French line each."""
    names = [_name(p) for p in plugins]
    found = []
    for rule in rules:
        if rule.plugin not in names:
            continue
        at = names.index(rule.plugin)
        if rule.first and at != 0:
            found.append(
                f"{quoted(rule.plugin)} doit être la première de PLUGINS{NBSP}: {rule.why}"
            )
        if rule.last and at != len(names) - 1:
            found.append(
                f"{quoted(rule.plugin)} doit être la dernière de PLUGINS{NBSP}: {rule.why}"
            )
        late = [other for other in rule.after if other in names[at + 1 :]]
        if late:
            listed = ", ".join(quoted(other) for other in late)
            found.append(
                f"{quoted(rule.plugin)} doit venir après {listed} dans PLUGINS{NBSP}: {rule.why}"
            )
    return found


def check_order(plugins) -> None:
    """Raise :class:`ConfigurationError` when the order of ``plugins`` breaks a rule."""
    found = order_problems(plugins)
    if found:
        raise ConfigurationError(
            f"Ordre des extensions incorrect (pelicanconf.py){NBSP}: "
            + f"{NNBSP}; ".join(found)
            + "."
        )


# One guarded receiver per (plugin, receiver): Pelican calls ``register()`` for every build,
# and connecting the same object twice is a no-op, so receivers never run twice.
_GUARDED: dict[tuple[str, object], object] = {}


def _settings_of(sender):
    """The build settings a signal's sender carries (a list for all_generators_finalized)."""
    if isinstance(sender, list | tuple):
        sender = sender[0] if sender else None
    return getattr(sender, "settings", None)


def listed_only(plugin: str, receiver):
    """``receiver``, run only for senders whose build lists ``plugin`` in PLUGINS.

    A sender without settings (none of Pelican's signals sends one) runs it.
    """
    key = (plugin, receiver)
    if key not in _GUARDED:

        @functools.wraps(receiver)
        def guarded(sender, *args, **kwargs):
            settings = _settings_of(sender)
            if settings is not None and plugin not in map(_name, settings.get("PLUGINS") or ()):
                return None
            return receiver(sender, *args, **kwargs)

        _GUARDED[key] = guarded
    return _GUARDED[key]


def connect(plugin: str, *pairs) -> None:
    """Connect each ``(signal, receiver)`` pair for builds that list ``plugin``.

    Held strongly (the guard is made here, nothing else would keep it alive).
    """
    for signal, receiver in pairs:
        signal.connect(listed_only(plugin, receiver), weak=False)
