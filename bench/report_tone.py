"""Accuracy of the report's tone classifier on a labelled set (``python bench/report_tone.py``).

``python bench/report_tone.py [SET | FILE.csv]``: SET is one of the names of ``SETS``
(default ``heldout``), FILE any CSV with the columns ``texte`` and ``ton`` (``positif``,
``neutre``, ``négatif`` or ``negatif``; an ``id`` column and any column order are accepted).
Prints the accuracy with its 95 % Wilson interval, per-class precision and recall and the
confusion matrix; never a comment: the held-out set measures, it does not tune.
"""

from __future__ import annotations

import csv
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from report import tone  # noqa: E402

DATA = ROOT / "tests" / "data" / "report"
SETS = {
    # Written on 2026-12-04 by someone who never saw the classifier; never tuned on.
    "heldout": DATA / "ton-2026-12" / "heldout.csv",
    # Same writer, same day, random half: the classifier is tuned on it.
    "dev": DATA / "ton-2026-12" / "dev.csv",
    # The first « held-out » set: it leaked into the lexicon, so it is development data now.
    "ancien": DATA / "ton-commentaires.csv",
    # The 60 comments the first lexicon was written against.
    "ancien-dev": DATA / "ton-developpement.csv",
}
DEFAULT = "heldout"
# The old sets write the label without its accent.
LABELS = {
    "positif": tone.POSITIVE,
    "neutre": tone.NEUTRAL,
    "négatif": tone.NEGATIVE,
    "negatif": tone.NEGATIVE,
}
Z95 = 1.959964


@dataclass(frozen=True)
class Measure:
    """What the classifier got right on one labelled set."""

    count: int
    confusion: Counter  # (expected, found) -> comments

    @property
    def right(self) -> int:
        return sum(n for (want, got), n in self.confusion.items() if want == got)

    @property
    def accuracy(self) -> float:
        return self.right / self.count if self.count else 0.0

    def precision(self, label: str) -> float:
        found = sum(n for (_, got), n in self.confusion.items() if got == label)
        return self.confusion[(label, label)] / found if found else 0.0

    def recall(self, label: str) -> float:
        expected = sum(n for (want, _), n in self.confusion.items() if want == label)
        return self.confusion[(label, label)] / expected if expected else 0.0


def wilson(right: int, count: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion (95 % by default)."""
    if not count:
        return 0.0, 1.0
    share = right / count
    centre = (share + z * z / (2 * count)) / (1 + z * z / count)
    half = z * math.sqrt(share * (1 - share) / count + z * z / (4 * count * count))
    half /= 1 + z * z / count
    return max(0.0, centre - half), min(1.0, centre + half)


def read(path: Path) -> list[tuple[str, str]]:
    """(text, label) pairs of a labelled CSV, labels as ``tone.LABELS`` spells them."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pairs = []
    for line, row in enumerate(rows, start=2):
        label = (row.get("ton") or "").strip()
        if label not in LABELS or row.get("texte") is None:
            raise SystemExit(f"{path}:{line}: ton inconnu {label!r} (positif, neutre, négatif)")
        pairs.append((row["texte"], LABELS[label]))
    return pairs


def measure(path: Path = SETS[DEFAULT]) -> Measure:
    """The classifier's answers on a labelled CSV against its labels."""
    pairs = read(path)
    return Measure(len(pairs), Counter((want, tone.classify(text)) for text, want in pairs))


def _percent(value: float) -> str:
    return f"{value:.1%}".replace(".", ",").replace("%", "\u00a0%")


def report(result: Measure, name: str) -> str:
    """The figures of one measure as printed lines."""
    low, high = wilson(result.right, result.count)
    lines = [
        f"{name} : {result.count} commentaires, exactitude {_percent(result.accuracy)} "
        f"({result.right}/{result.count}, IC 95 % Wilson {_percent(low)} – {_percent(high)})",
    ]
    for label in tone.LABELS:
        lines.append(
            f"  {label:8} précision {_percent(result.precision(label)):>8}"
            f"  rappel {_percent(result.recall(label)):>8}"
        )
    width = 10
    lines.append("  attendu \\ trouvé".ljust(20) + "".join(g.rjust(width) for g in tone.LABELS))
    for want in tone.LABELS:
        cells = "".join(str(result.confusion[(want, got)]).rjust(width) for got in tone.LABELS)
        lines.append(f"  {want}".ljust(20) + cells)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0] in {"-h", "--help"}):
        print(__doc__.strip() + "\n\nJeux : " + ", ".join(SETS), file=sys.stderr)
        return 2
    name = argv[0] if argv else DEFAULT
    path = SETS.get(name, Path(name))
    if not path.is_file():
        print(f"{name} : ni un jeu connu ({', '.join(SETS)}) ni un fichier CSV", file=sys.stderr)
        return 2
    print(report(measure(path), name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
