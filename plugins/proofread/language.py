"""Is a paragraph, or a phrase, written in another language? Then it is not proofread in French.

Blog posts quote English (a paragraph pasted from a source, a tool's documentation) and
seldom mark it with a ``lang`` attribute. A paragraph whose little words are mostly
English ones (the, of, to, is...) is left alone rather than flagged word by word; inside
a French paragraph, so are the English phrases (« la recherche "apple touch icon" »).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .finding import word_set

_WORD = re.compile(r"[a-zà-ÿœæ]+(?:'[a-z]+)?")
# Function words: frequent, short, and (mostly) not words of the other language.
_ENGLISH = word_set(
    "the of to and is are was were be been it its this that these those with from by "
    "at for on in an or not which what who when where how you your we our they their "
    "can will would should could have has had do does did there here also about into "
    "than then them if but so as any all some more most other such only just many"
)
_FRENCH = word_set(
    "le la les de des du un une et est sont été être il elle ils elles nous vous je "
    "tu on ce cet cette ces se sa son ses leur leurs qui que quoi dont où pour par "
    "sur dans avec sans sous au aux ne pas plus mais ou donc car comme si très aussi "
    "tout tous toute toutes y en à avez avons ont"
)


def looks_foreign(text: str) -> bool:
    """Mostly English function words, and at least three of them."""
    english = french = 0
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if word in _ENGLISH:
            english += 1
        elif word in _FRENCH:
            french += 1
    return english >= 3 and english > 2 * french


# What may separate the words of an English phrase inside a French sentence.
_PHRASE_GAP = re.compile(r"[ \t\n\u00a0]+")


def english_runs(
    text: str,
    tokens: list[tuple[int, int, str]],
    english: Callable[[str], bool],
    french: Callable[[str], bool],
    least: int = 2,
) -> set[int]:
    """The indices of ``tokens`` (start, end, token) that belong to English phrases quoted in
    a French text: words of English's dictionary in a row, two of them at least not French
    words too (« Remote code execution », « apple touch icon »), or an English compound
    (« front-end », « one-liner »). Alone, an English word may be a French word misspelt
    (« une video ») and is left to the spelling check. ``least``: how many words of a
    phrase must be no French words (1 for a noun phrase Grammalecte would agree: « une Pull
    Request », « le native advertising »).
    """
    found: set[int] = set()
    run: list[int] = []
    own = 0  # words of the run that are English only

    def close() -> None:
        if own >= least and len(run) >= 2:
            found.update(run)

    previous_end = None
    for index, (start, end, token) in enumerate(tokens):
        parts = [part for part in token.split("-") if part]
        if not parts or not all(english(part) for part in parts):
            close()
            run, own, previous_end = [], 0, None
            continue
        foreign = sum(not french(part) for part in parts)
        if len(parts) > 1 and foreign:
            found.add(index)  # an English compound
        if previous_end is None or not _PHRASE_GAP.fullmatch(text[previous_end:start]):
            close()
            run, own = [], 0
        run.append(index)
        own += 1 if foreign else 0
        previous_end = end
    close()
    return found
