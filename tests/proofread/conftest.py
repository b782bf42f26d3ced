"""Fixtures of the proofread tests: one proofreader per session, Markdown in tmp files."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofread.checker import Options, Proofreader
from proofread.settings import default_lexicon_dir

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
SITE_DICTIONARY = ROOT / "content" / "dictionnaire.txt"


@pytest.fixture(scope="session")
def proofreader() -> Proofreader:
    """Grammar on, the site dictionary, no paragraph cache (every check really runs)."""
    return Proofreader(
        Options(dictionary=str(SITE_DICTIONARY), lexicon_dir=default_lexicon_dir(), jobs=1)
    )


@pytest.fixture(scope="session")
def speller(proofreader):
    """The spelling checker alone."""
    return proofreader._spelling()


def check(proofreader: Proofreader, body: str, header: str = "Title: Essai\n\n"):
    """Findings of a Markdown source made of ``header`` and ``body``."""
    return proofreader.check_source("essai.md", header + body)
