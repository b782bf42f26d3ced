"""Grammalecte's morphology of French words, from a table built once and mapped, not loaded.

Our grammar rules read what Grammalecte's dictionary says of a word: its readings, lemma
and tags (``>publier/:V1_it____a:Q:A:m:s/*``). Loading that dictionary takes some 20 MB in
every process that proofreads, the fast one beside each build included, which needs
nothing else of Grammalecte. The table holds the very same answers for each of the
dictionary's 474,000 forms, in a marisa trie that processes map from disk: only the pages
they read count in their memory, and they share them.

It is built with the lexicon (``make setup``), in the lexicon's folder, in two seconds;
where it is missing (Grammalecte installed later), Grammalecte's dictionary is loaded as
before. Its name carries the dictionary file's size and date: a new Grammalecte makes a
new table.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

# Grammalecte's dictionary (grammalecte/fr/gc_engine.py loads the same).
DICTIONARY = "fr-allvars.json"
# Bumped when the table's layout changes.
FORMAT = "1"
_SEPARATOR = "\n"


def _source() -> Path | None:
    """Grammalecte's dictionary file, found without importing Grammalecte."""
    try:
        spec = importlib.util.find_spec("grammalecte")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "graphspell" / "_dictionaries" / DICTIONARY
        if path.is_file():
            return path
    return None


def table_path(folder: str | os.PathLike) -> Path | None:
    """Where the table for the installed Grammalecte is (or goes); None without it."""
    source = _source()
    if source is None:
        return None
    stat = source.stat()
    version = hashlib.sha1(
        f"{FORMAT}:{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    ).hexdigest()[:16]
    return Path(folder) / f"morphologie-{version}.marisa"


def build(folder: str | os.PathLike) -> Path | None:
    """Write the table for the installed Grammalecte into ``folder`` (if missing)."""
    target = table_path(folder)
    if target is None or target.exists():
        return target
    import marisa_trie
    from grammalecte.graphspell.spellchecker import SpellChecker

    logger.info("Construction de la table morphologique de Grammalecte (une seule fois)…")
    dictionary = SpellChecker("fr", DICTIONARY, "", "").oMainDic
    readings: dict[str, list[str]] = {}
    # The dictionary's own walk gives each form's readings in the order its lookup does.
    for form, stem, tags in dictionary.select():
        readings.setdefault(form, []).append(f">{stem}/{tags}")
    table = marisa_trie.BytesTrie(
        (form, _SEPARATOR.join(found).encode()) for form, found in readings.items()
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    table.save(str(temporary))
    os.replace(temporary, target)
    return target


class Morphology:
    """What Grammalecte's dictionary says of words, from the table (``getMorph`` as
    ``grammalecte.graphspell.spellchecker.SpellChecker`` has it)."""

    def __init__(self, path: Path):
        import marisa_trie
        from grammalecte.graphspell import str_transform

        self._normalised = str_transform.spellingNormalization
        self._table = marisa_trie.BytesTrie()
        self._table.mmap(str(path))  # shared by every process, never copied

    def _readings(self, word: str) -> list[str]:
        found = self._table.get(word)
        return found[0].decode().split(_SEPARATOR) if found else []

    def getMorph(self, word: str) -> list[str]:  # Grammalecte's name
        """The readings of ``word``; as Grammalecte's lookup, in lower case too when it
        starts with a capital, and capitalised when it is all capitals."""
        if not word:
            return []
        word = self._normalised(word)
        found = self._readings(word)
        if word[:1].isupper():
            found.extend(self._readings(word.lower()))
            if word.isupper() and len(word) > 1:
                found.extend(self._readings(word.capitalize()))
        return found


def load(folder: str | os.PathLike | None) -> Morphology | None:
    """The table in ``folder``, mapped; None when it is not there (or unreadable)."""
    if not folder:
        return None
    path = table_path(folder)
    if path is None or not path.exists():
        return None
    try:
        return Morphology(path)
    except Exception as error:  # a damaged table: Grammalecte's dictionary does the work
        logger.debug("table morphologique illisible (%s) : %s", path, error)
        return None
