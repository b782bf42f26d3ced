"""False positives on outside text: list the blocking findings for counting by hand.

    .venv/bin/python bench/proofread_outside.py FOLDER [--labels LABELS]

FOLDER holds Markdown files of French text nobody on the team wrote (a Pelican header,
a blank line, the text) and a ``sources.tsv`` (file, URL, words). The outside texts are
not kept in the repository: they belong to their authors. The script prints one line per
blocking finding (the ones that stop ``make publish``), numbered, with the word and its
context. Label each by hand, in order, in a file of letters:

- ``R``: a real mistake of the text;
- ``F``: not a mistake (a false positive);
- ``T``: not the author's text (a word cut where the excerpt ends, page furniture).

With ``--labels`` the script prints the tally and the false positives per 1,000 words.

With ``--carry OLD_FINDINGS`` (the numbered lines an earlier run printed, which the
labels are for), the labels follow their findings by file, line, word and rule once the
proofreader has changed: a finding that went away takes its label with it, a new one is
counted apart, unlabelled (``?``), so that a set nobody may tune on is measured again
without reading it; the false alarms are then given as a range, the new findings all
counted as false at the top of it.

The labels can also be kept apart from the texts, which belong to their authors:
``--known FILE`` reads and ``--write-known FILE`` writes them as one line per finding,
``file:line|word|rule|label`` (the flagged word alone, no context), so that a sample lost
with a checkout is measured again once its texts are collected from ``sources.tsv``.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from proofread.checker import Options, Proofreader  # noqa: E402
from proofread.settings import default_lexicon_dir  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--labels", type=Path, help="one letter per finding: R, F or T")
    parser.add_argument("--carry", type=Path, help="the findings the labels were made for")
    parser.add_argument("--known", type=Path, help="labels kept as file:line|word|rule|label")
    parser.add_argument("--write-known", type=Path, help="write the labels in that form")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.folder.glob("*.md"))
    proofreader = Proofreader(
        Options(
            dictionary=str(ROOT / "content" / "dictionnaire.txt"),
            lexicon_dir=default_lexicon_dir(),
        )
    )
    results = proofreader.check_files(files)
    proofreader.close()
    blocking = [f for path in files for f in results[path] if f.blocking]
    keys = []
    for number, finding in enumerate(blocking, 1):
        line = Path(finding.file).read_text(encoding="utf-8").splitlines()[finding.line - 1]
        word = line[finding.column - 1 : finding.end_column - 1]
        context = line[max(0, finding.column - 45) : finding.end_column + 30]
        suggestions = ",".join(finding.suggestions[:2])
        print(
            f"{number}|{Path(finding.file).name}:{finding.line}|{word}|{finding.rule}"
            f"|{suggestions}|…{context}…"
        )
        keys.append((f"{Path(finding.file).name}:{finding.line}", word, finding.rule))
    words = sum(
        int(row.split("\t")[2])
        for row in (args.folder / "sources.tsv").read_text(encoding="utf-8").splitlines()
        if row.strip()
    )
    print(f"\n{len(blocking)} remarques bloquantes sur {words} mots")
    if args.known:
        lines = [line for line in args.known.read_text(encoding="utf-8").splitlines() if line]
        labels = _carried(
            "".join(line.rsplit("|", 1)[1] for line in lines),
            ["|" + line.rsplit("|", 1)[0] for line in lines],
            keys,
        )
    elif args.labels:
        labels = "".join(args.labels.read_text(encoding="utf-8").split())
        if args.carry:
            labels = _carried(labels, _numbered(args.carry), keys)
    if args.known or args.labels:
        if len(labels) != len(blocking):
            raise SystemExit(f"{len(labels)} étiquettes pour {len(blocking)} remarques")
        tally = collections.Counter(labels)
        print(
            f"vraies fautes : {tally['R']}, fausses alertes : {tally['F']}, "
            f"hors texte : {tally['T']} ; fausses alertes pour 1 000 mots : "
            f"{tally['F'] / words * 1000:.2f}"
            + (
                f" à {(tally['F'] + tally['?']) / words * 1000:.2f} "
                f"({tally['?']} remarques nouvelles, non étiquetées)"
                if tally["?"]
                else ""
            )
        )
        if args.write_known:
            args.write_known.write_text(
                "".join(
                    f"{where}|{word}|{rule}|{label}\n"
                    for (where, word, rule), label in zip(keys, labels, strict=True)
                    if label != "?"
                ),
                encoding="utf-8",
            )


def _numbered(findings: Path) -> list[str]:
    """The numbered finding lines an earlier run printed."""
    return [line for line in findings.read_text(encoding="utf-8").splitlines() if "|" in line]


def _carried(labels: str, lines: list[str], keys: list[tuple]) -> str:
    """The labels of an earlier run's findings, for this run's (``?`` for new ones)."""
    kept = collections.defaultdict(list)
    if len(lines) != len(labels):
        raise SystemExit(f"{len(labels)} étiquettes pour {len(lines)} remarques anciennes")
    for line, label in zip(lines, labels, strict=True):
        _, where, word, rule = line.split("|")[:4]
        kept[(where, word, rule)].append(label)
    return "".join(kept[key].pop(0) if kept[key] else "?" for key in keys)


if __name__ == "__main__":
    main()
