"""Problems in the author's content, reported as one French line each.

A problem names the file and the line, says what is wrong and what to do::

    content/conseils/veille.md:3 : date « 32/13/2019 » illisible, écrivez AAAA-MM-JJ HH:MM

Plugins record problems with :func:`report`; development builds warn and go on,
strict builds (``CONTENT_STRICT = True``, as in ``publishconf.py``) stop at the
end with :class:`ContentError`, whose message lists every problem. The problems of a
build belong to that build (:mod:`cmcore.perbuild`), found from its settings.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from cmcore.french import quoted as quoted  # where messages long imported it from

from .perbuild import PerBuild

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """One problem in one source file, at one line (``0`` when the whole file is at fault)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        return f"{where} : {self.message}"


# The problems of each build, by the build's settings.
_RECORDED: PerBuild[list[Problem]] = PerBuild(list)


class ContentError(Exception):
    """Bad content that a strict build refuses; ``str()`` is ready for the author."""

    exitcode = 1

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: str) -> str:
    """The path as the author types it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def start(settings: dict) -> list[Problem]:
    """Begin a build: a fresh list of problems, kept for the build of ``settings``."""
    return _RECORDED.start(settings)


def report(settings: dict, problem: Problem) -> None:
    """Record a problem for this build and warn the author now."""
    _RECORDED.get(settings).append(problem)
    logger.warning("%s", problem)


def recorded(settings: dict) -> list[Problem]:
    """The problems recorded so far in this build."""
    return list(_RECORDED.peek(settings) or ())


def told(settings: dict, path: str) -> bool:
    """Whether this build recorded a problem in the source at ``path``."""
    return any(problem.path == path for problem in _RECORDED.peek(settings) or ())


def finish(settings: dict) -> None:
    """End a build: in strict mode, refuse it when any problem was recorded."""
    problems = recorded(settings)
    if problems and settings.get("CONTENT_STRICT"):
        raise ContentError(problems)
