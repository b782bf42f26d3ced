"""Gate results, and the French lines that tell the author what failed and where."""

from __future__ import annotations

from dataclasses import dataclass, field

from cmcore.french import plural


@dataclass(frozen=True)
class Failure:
    """One failed check: which page (site URL), and what is wrong there."""

    page: str
    detail: str


@dataclass
class GateResult:
    """What one gate looked at, and what it found."""

    name: str
    checked: int
    unit: str
    failures: list[Failure] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """« ✓ liens : 58 pages, aucun problème » or « ✗ liens : 58 pages, 2 problèmes »."""
        mark = "✓" if self.ok else "✗"
        found = "aucun problème" if self.ok else plural(len(self.failures), "problème")
        note = f" ({self.note})" if self.note else ""
        return f"{mark} {self.name}\u00a0: {self.checked} {self.unit}{note}, {found}"

    def lines(self) -> list[str]:
        """The summary, then one indented line per failure."""
        return [self.summary()] + [f"    {f.page}\u00a0: {f.detail}" for f in self.failures]
