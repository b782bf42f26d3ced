"""Quality on the labelled corpus: recall per category, and no false positive on clean text."""

from __future__ import annotations

import pytest

from bench.proofread_heldout import SETS, evaluate
from bench.proofread_heldout import passages as labelled

from .conftest import CORPUS


def passages():
    """(text, labels) of every passage of the team's own corpus (see bench/proofread_heldout.py)."""
    return labelled(SETS["corpus"])


@pytest.fixture(scope="module")
def evaluation():
    result = evaluate(SETS["corpus"])
    return result["found"], result["total"], result["missed"], result["alarms"]


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
