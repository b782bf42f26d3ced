"""The table of Grammalecte's word readings: the same answers as its dictionary, mapped."""

from __future__ import annotations

import random

import pytest

from proofread import grammar, morphology
from proofread.checker import Options, Proofreader
from proofread.settings import default_lexicon_dir

spellchecker = pytest.importorskip("grammalecte.graphspell.spellchecker")


@pytest.fixture(scope="module")
def grammalecte_dictionary():
    return spellchecker.SpellChecker("fr", morphology.DICTIONARY, "", "")


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lexique")
    path = morphology.build(folder)
    assert path is not None and path.exists()
    return morphology.load(folder)


def test_the_table_answers_as_grammalecte(table, grammalecte_dictionary):
    forms = sorted({form for form, _, _ in grammalecte_dictionary.oMainDic.select()})
    sample = random.Random(2026).sample(forms, 20_000)
    words = [
        *sample,
        *(w.capitalize() for w in sample[:3000]),
        *(w.upper() for w in sample[3000:6000]),
        "Publier",
        "ÉTÉ",
        "aujourd’hui",
        "oeuvre",
        "xyzzy",
        "",
    ]
    different = [w for w in words if table.getMorph(w) != grammalecte_dictionary.getMorph(w)]
    assert different == []
    assert table.getMorph("publiées") and table.getMorph("nuageux-xyz") == []


def test_a_table_is_made_once_per_grammalecte(tmp_path, table):
    first = morphology.build(tmp_path)
    stamp = first.stat().st_mtime_ns
    assert morphology.build(tmp_path) == first
    assert first.stat().st_mtime_ns == stamp


def test_no_table_no_readings_from_it(tmp_path):
    assert morphology.load(tmp_path) is None
    assert morphology.load(None) is None


def test_the_fast_checks_read_the_table_not_grammalecte(tmp_path):
    """Beside a build, our grammar rules find their mistakes without Grammalecte loaded:
    neither its engine nor its dictionary (20 MB) in the process."""
    if morphology.load(default_lexicon_dir()) is None:
        pytest.skip("table not built (make setup builds it)")
    page = tmp_path / "page.md"
    page.write_text(
        "Title: Essai\n\nLes photos que nous avons pris au salon plaisent à nos abonnés.\n",
        encoding="utf-8",
    )
    saved = grammar._engine, grammar._dictionary, grammar._morphology_folder
    grammar._engine = grammar._dictionary = None
    grammar.analyses.cache_clear()
    try:
        proofreader = Proofreader(Options(lexicon_dir=default_lexicon_dir(), grammar=True))
        proofreader.defer_grammar = True
        findings = proofreader.check_files([str(page)])[str(page)]
        proofreader.close()
        assert [f.rule for f in findings] == ["accord-participe"]
        assert grammar._engine is None
        assert isinstance(grammar._dictionary, morphology.Morphology)
    finally:
        grammar._engine, grammar._dictionary, grammar._morphology_folder = saved
        grammar.analyses.cache_clear()
