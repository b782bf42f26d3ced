"""Quality on the labelled corpus: recall per category, and no false positive on clean text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from .conftest import CORPUS

HEADER = "Title: Passage\n\n"
_LABEL = re.compile(r"\[\[(.*?)\|([\w/]+)\]\]")


def passages():
    """(text, labels) of every passage; labels are (start, end, category, kind) in the text."""
    lines = (CORPUS / "passages.txt").read_text(encoding="utf-8").splitlines()
    source = "\n".join(line for line in lines if not line.startswith("#"))
    for block in re.split(r"^===$", source, flags=re.M):
        block = block.strip("\n").replace("~", "\u00a0").replace("^", "\u202f")
        text, labels, position = "", [], 0
        for match in _LABEL.finditer(block):
            text += block[position : match.start()]
            category, _, kind = match.group(2).partition("/")
            labels.append((len(text), len(text) + len(match.group(1)), category, kind))
            text += match.group(1)
            position = match.end()
        yield text + block[position:], labels


@pytest.fixture(scope="module")
def evaluation(proofreader):
    found, missed, unlabelled = Counter(), [], []
    total = Counter()
    for index, (text, labels) in enumerate(passages()):
        findings = proofreader.check_source(f"passage-{index}.md", HEADER + text + "\n")
        spans = [(f.offset - len(HEADER), f) for f in findings]
        for start, end, category, kind in labels:
            key = kind or category
            total[key] += 1
            if any(
                f.category == category and start <= offset < max(end, start + 1)
                for offset, f in spans
            ):
                found[key] += 1
            else:
                missed.append((key, text[start:end], text))
        for offset, finding in spans:
            if not any(s - 1 <= offset <= e for s, e, _, _ in labels):
                unlabelled.append((finding.rule, text))
    return found, total, missed, unlabelled


def test_corpus_is_big_enough():
    items = list(passages())
    assert len(items) >= 40
    assert all(labels for _, labels in items)


@pytest.mark.parametrize(
    ("kind", "goal"),
    [
        ("spelling", 1.0),
        ("repetition", 1.0),
        ("typography", 1.0),
        ("grammar", 0.85),
        ("homophone", 0.75),
    ],
)
def test_recall(evaluation, kind, goal):
    found, total, missed, _ = evaluation
    assert total[kind] >= 5
    recall = found[kind] / total[kind]
    assert recall >= goal, [m for m in missed if m[0] == kind]


def test_positions_are_exact(proofreader):
    text = "Titre: rien\n\nUne ligne.\n\nLa publiccation et la suite.\n"
    (finding,) = [f for f in proofreader.check_source("x.md", text) if f.category == "spelling"]
    assert (finding.line, finding.column, finding.end_column) == (5, 4, 16)
    assert finding.suggestions[0] == "publication"


@pytest.mark.parametrize("name", ["clean.md", "clean2.md"])
def test_no_false_positive_on_clean_text(proofreader, name):
    source = (CORPUS / name).read_text(encoding="utf-8")
    assert len(source.split()) > 700
    findings = proofreader.check_source(name, source)
    assert findings == [], [(f.line, f.column, f.rule, f.message) for f in findings]


def test_clean_corpus_has_two_thousand_words():
    words = sum(
        len((CORPUS / n).read_text(encoding="utf-8").split()) for n in ("clean.md", "clean2.md")
    )
    assert words >= 2000
