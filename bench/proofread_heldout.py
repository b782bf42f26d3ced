"""Recall and false alarms of the proofreader on labelled passages, against raw Grammalecte.

    python bench/proofread_heldout.py [--set heldout|dev|corpus] [--details]

``heldout`` (tests/proofread/heldout/, written by a helper who never saw the rules, never
used to tune them) is the figure that counts; ``corpus`` (tests/proofread/corpus/) is the
set the rules were written against; ``dev`` (tests/proofread/dev/, written by another
helper who never saw the rules) is where rules may be tuned. A mistake is found when a
finding of its category underlines part of it (their spans overlap: Grammalecte often
underlines a whole expression, « à peu prêt », or the word whose form disagrees); a
finding that overlaps no mistake and is not autofix typography is a false alarm. Raw
Grammalecte (its own rules, default options, no filter of ours) is run on the same
passages for grammar and homophones: our recall must never be below it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from proofread.checker import Options, Proofreader  # noqa: E402
from proofread.settings import default_lexicon_dir  # noqa: E402

SETS = {
    "heldout": ROOT / "tests" / "proofread" / "heldout" / "passages.txt",
    "corpus": ROOT / "tests" / "proofread" / "corpus" / "passages.txt",
    "dev": ROOT / "tests" / "proofread" / "dev" / "passages.txt",
    "dev2": ROOT / "tests" / "proofread" / "dev2" / "passages.txt",
    "dev3": ROOT / "tests" / "proofread" / "dev3" / "passages.txt",
    "dev4": ROOT / "tests" / "proofread" / "dev4" / "passages.txt",
    "dev5": ROOT / "tests" / "proofread" / "dev5" / "passages.txt",
    "dev6": ROOT / "tests" / "proofread" / "dev6" / "passages.txt",
    "dev7": ROOT / "tests" / "proofread" / "dev7" / "passages.txt",
}
HEADER = "Title: Passage\n\n"
_LABEL = re.compile(r"\[\[(.*?)\|([\w/]+)\]\]")
KINDS = ("spelling", "grammar", "homophone", "repetition", "typography")


def passages(path: Path):
    """(text, labels) of every passage; labels are (start, end, category, kind)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    source = "\n".join(line for line in lines if not line.startswith("#"))
    for block in re.split(r"^===$", source, flags=re.M):
        block = block.strip("\n").replace("~", "\u00a0").replace("^", "\u202f")
        if not block.strip():
            continue
        text, labels, position = "", [], 0
        for match in _LABEL.finditer(block):
            text += block[position : match.start()]
            category, _, kind = match.group(2).partition("/")
            labels.append((len(text), len(text) + len(match.group(1)), category, kind))
            text += match.group(1)
            position = match.end()
        yield text + block[position:], labels


def evaluate(path: Path) -> dict:
    proofreader = Proofreader(
        Options(
            dictionary=str(ROOT / "content" / "dictionnaire.txt"),
            lexicon_dir=default_lexicon_dir(),
            jobs=1,
        )
    )
    found, total = Counter(), Counter()
    missed, alarms = [], []
    words = 0
    for index, (text, labels) in enumerate(passages(path)):
        words += len(text.split())
        findings = proofreader.check_source(f"passage-{index}.md", HEADER + text + "\n")
        spans = [(f.offset - len(HEADER), _end(f), f) for f in findings]
        for start, end, category, kind in labels:
            key = kind or category
            total[key] += 1
            if any(
                f.category == category and overlap(offset, stop, start, end)
                for offset, stop, f in spans
            ):
                found[key] += 1
            else:
                missed.append((key, text[start:end], text))
        for offset, stop, finding in spans:
            if finding.autofix:
                continue
            if not any(overlap(offset, stop, s - 1, e + 1) for s, e, _, _ in labels):
                alarms.append((finding.rule, text[offset : offset + 30], finding.message))
    return {"found": found, "total": total, "missed": missed, "alarms": alarms, "words": words}


def overlap(start: int, end: int, label_start: int, label_end: int) -> bool:
    """Whether ``[start, end)`` meets a label's span (an empty one is a position)."""
    return start < max(label_end, label_start + 1) and max(end, start + 1) > label_start


def _end(finding) -> int:
    """Where a finding's span ends, as an offset in the passage (passages are one line)."""
    return finding.offset - len(HEADER) + max(finding.end_column - finding.column, 1)


def raw_grammalecte(path: Path) -> Counter:
    """Grammar and homophone mistakes raw Grammalecte finds (a finding starting in the span).

    In a process of its own: Grammalecte's options are global to a process, and ours turn
    some of its rules off; a raw checker here would turn them on again for the caller.
    """
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(_raw_grammalecte, (path,))


def _raw_grammalecte(path: Path) -> Counter:
    import grammalecte

    checker = grammalecte.GrammarChecker("fr")
    found = Counter()
    for text, labels in passages(path):
        errors, _ = checker.getParagraphErrors(text, bSpellSugg=False)
        spans = [(e["nStart"], e["nEnd"]) for e in errors]
        for start, end, category, kind in labels:
            if category != "grammar":
                continue
            if any(overlap(s, e, start, end) for s, e in spans):
                found[kind or category] += 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description="Rappel et fausses alertes de la relecture.")
    parser.add_argument("--set", choices=sorted(SETS), default="heldout")
    parser.add_argument("--details", action="store_true", help="liste les oublis et alertes")
    args = parser.parse_args()
    path = SETS[args.set]
    result = evaluate(path)
    raw = raw_grammalecte(path)
    print(f"Jeu « {args.set} » : {result['words']} mots")
    for kind in KINDS:
        total = result["total"][kind]
        if not total:
            continue
        ours = result["found"][kind]
        line = f"  {kind:<11} {ours:>3}/{total:<3} {100 * ours / total:5.1f} %"
        if kind in ("grammar", "homophone"):
            line += f"   Grammalecte seul : {raw[kind]}/{total} ({100 * raw[kind] / total:.1f} %)"
        print(line)
    alarms = len(result["alarms"])
    print(f"  fausses alertes : {alarms} ({1000 * alarms / result['words']:.2f} pour 1 000 mots)")
    if args.details:
        for kind, span, text in result["missed"]:
            print(f"OUBLI {kind} « {span} » : {text}")
        for rule, span, message in result["alarms"]:
            print(f"ALERTE {rule} « {span} » : {message}")


if __name__ == "__main__":
    main()
