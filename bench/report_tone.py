"""Accuracy of the report's tone classifier on a labelled set (``python bench/report_tone.py``).

Prints the accuracy and the confusion matrix only, never a comment: the labelled set
(tests/data/report/ton-commentaires.csv, see its README) measures, it does not tune.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from report import tone  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "report" / "ton-commentaires.csv"
# The set writes labels without accents.
LABELS = {"positif": tone.POSITIVE, "neutre": tone.NEUTRAL, "negatif": tone.NEGATIVE}


def measure(path: Path = LABELLED) -> tuple[float, Counter, int]:
    """(accuracy, confusion counts keyed by (expected, found), number of comments)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    confusion = Counter((LABELS[r["ton"]], tone.classify(r["texte"])) for r in rows)
    right = sum(n for (want, got), n in confusion.items() if want == got)
    return right / len(rows), confusion, len(rows)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else LABELLED
    accuracy, confusion, count = measure(path)
    print(f"{count} commentaires, exactitude : {accuracy:.1%}".replace(".", ","))
    width = 10
    print("attendu \\ trouvé".ljust(18) + "".join(label.rjust(width) for label in tone.LABELS))
    for want in tone.LABELS:
        cells = "".join(str(confusion[(want, got)]).rjust(width) for got in tone.LABELS)
        print(want.ljust(18) + cells)
    for label in tone.LABELS:
        found = sum(n for (_, got), n in confusion.items() if got == label)
        expected = sum(n for (want, _), n in confusion.items() if want == label)
        right = confusion[(label, label)]
        precision = right / found if found else 0
        recall = right / expected if expected else 0
        print(f"{label} : précision {precision:.0%}, rappel {recall:.0%}".replace("%", "\u00a0%"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
