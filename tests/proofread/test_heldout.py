"""The held-out passages (written by someone who never saw the rules, never used to tune
them): our recall is never below raw Grammalecte's, the engine we wrap.

The figures themselves are printed by ``bench/proofread_heldout.py``; the goals of the
issue (grammar ≥ 90 %, homophones ≥ 85 %) are reported there, not asserted here.
"""

from __future__ import annotations

import pytest

from bench.proofread_heldout import SETS, evaluate, passages, raw_grammalecte

pytest.importorskip("grammalecte")


def test_the_held_out_set_is_big_enough():
    items = list(passages(SETS["heldout"]))
    assert len(items) >= 60
    kinds = {label[3] or label[2] for _, labels in items for label in labels}
    assert kinds >= {"spelling", "grammar", "homophone", "repetition", "typography"}


@pytest.mark.parametrize("name", ["heldout", "dev", "corpus"])
def test_recall_never_below_raw_grammalecte(name):
    ours = evaluate(SETS[name])
    raw = raw_grammalecte(SETS[name])
    for kind in ("grammar", "homophone"):
        assert ours["found"][kind] >= raw[kind], (kind, ours["found"][kind], raw[kind])
