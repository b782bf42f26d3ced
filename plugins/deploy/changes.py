"""What a deploy changed (or would change) on its target, as one record."""

from __future__ import annotations

from dataclasses import dataclass

from .compress import SIBLINGS


@dataclass(frozen=True)
class Changes:
    """Paths added, changed and removed on the target (relative, POSIX), and bytes sent."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    bytes_sent: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def files(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


def is_page(path: str) -> bool:
    """A page a reader opens: an HTML file (its .gz/.br siblings are not pages)."""
    return path.endswith(".html")


def pages(paths: tuple[str, ...]) -> list[str]:
    return [path for path in paths if is_page(path)]


def without_siblings(paths: tuple[str, ...]) -> list[str]:
    """The paths less the compressed copies, for lists a reader scans."""
    return [path for path in paths if not path.endswith(SIBLINGS)]
