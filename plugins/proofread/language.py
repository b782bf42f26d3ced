"""Is a paragraph written in another language? Then it is not proofread in French.

Blog posts quote English (a paragraph pasted from a source, a tool's documentation) and
seldom mark it with a ``lang`` attribute. A paragraph whose little words are mostly
English ones (the, of, to, is...) is left alone rather than flagged word by word.
"""

from __future__ import annotations

import re

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
