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
    error: str = ""  # why the gate could not run at all (then it failed)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.error

    def summary(self) -> str:
        """« ✓ liens : 58 pages, aucun problème » or « ✗ liens : 58 pages, 2 problèmes »."""
        if self.error:
            return f"✗ {self.name}\u00a0: le contrôle n’a pas pu s’exécuter ({self.error})"
        mark = "✓" if self.ok else "✗"
        found = "aucun problème" if self.ok else plural(len(self.failures), "problème")
        note = f" ({self.note})" if self.note else ""
        return f"{mark} {self.name}\u00a0: {self.checked} {self.unit}{note}, {found}"

    def lines(self) -> list[str]:
        """The summary, then one indented line per failure."""
        return [self.summary()] + [f"    {f.page}\u00a0: {f.detail}" for f in self.failures]


def first_line(error: BaseException) -> str:
    """An error in one line: Playwright's messages go on with a call log."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def gate_error(name: str, error: BaseException) -> GateResult:
    """A gate that raised, as a failed gate: its name and the error's first line."""
    return GateResult(name, 0, "", error=first_line(error))
