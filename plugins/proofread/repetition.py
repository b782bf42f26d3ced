"""Repeated words: « de de », and near repetition in a short window: « il est aussi est »."""

from __future__ import annotations

import re

from .finding import Hit, word_set

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# Doubled on purpose in French: « nous nous levons », « vous vous trompez ».
_DOUBLE_OK = frozenset({"nous", "vous", "si", "très", "non", "oui", "bien", "bla", "ha", "hé"})
# Doubled by French grammar or on purpose: the causative « faire faire » (« se faire
# faire un devis »: Grevisse, semi-auxiliaires, « faire » + infinitive, « faire » included),
# and the intensifiers of spoken French repeated for emphasis, as « très très » is
# (Grevisse, répétition expressive: « hyper hyper », « super super », « trop trop »).
_DOUBLE_OK |= {"faire", "hyper", "super", "trop", "vraiment"}
# Words that come back after one word in ordinary French: « la page la plus lue ».
_NEAR_OK = word_set(
    "le la les l un une des de du d à au aux en et ou ni que qui se ne pas plus moins "
    "ce c il elle on nous vous ils elles je j tu me m te t s sa son ses leur leurs "
    "mon ma mes ton ta tes notre nos votre vos y a par pour sur "
    # The pronouns « ça », « cela », « ceci » are subject and object of one verb (« ça
    # donne ça », « c’est comme ça que ça marche »), like « il » and « le » above; « puis »
    # and « soit » open each term of an enumeration (« Machine puis Utilisateur puis
    # Projet »; Grevisse, coordination: « puis », « soit… soit »).
    "ça cela ceci puis soit"
)
# « petit à petit », « de plus en plus », « jour après jour », « un par un », and a noun
# complemented by itself (« les amis des amis », « le roi des rois »: Grevisse, complément
# du nom, superlatif par redoublement).
_NEAR_LINKS = word_set("à après par en pour contre sur ou et sans ni de des du d")
# A relative or a subject with a passive or a compound tense, then the main verb: « ce
# qui est acheté est peu dangereux », « le produit qui nous est proposé est celui… ».
_AUXILIARIES = word_set("est sont était étaient sera seront ont avait avaient")
# A participle of the first group: no adverb ends so (« aussi », « plus » do: « il est
# aussi est » stays a slip).
_PARTICIPLE = re.compile(r"\w+(?:é|ée|és|ées)", re.I)


_DOUBLE = re.compile(r"(?<![\w’'-])(\w+)(\s+)(\1)(?![\w’'-])", re.I)
_NEAR = re.compile(r"(?<![\w’'-])(\w+) +(\w+) +(\1)(?![\w’'-])", re.I)


def doubled_on_purpose(word: str) -> bool:
    """Whether a word may be written twice in a row (« nous nous », « faire faire »)."""
    return word.lower() in _DOUBLE_OK


def _words_repeated(text: str, m: re.Match) -> bool:
    """Whether two words come back together (« je pédale, je pédale », « il court il
    court »): a group repeated for effect (Grevisse, répétition expressive), where a slip
    brings back one word (« il est aussi est »)."""
    before = re.search(r"(\w+)[\s,]+$", text[max(0, m.start(1) - 40) : m.start(1)])
    return before is not None and before.group(1).lower() == m.group(2).lower()


def check(text: str, table: bool = False) -> list[Hit]:
    """Repetition findings of a segment's text; in a table row (``table``), whose cells
    end with a line break, the same word in two cells is no repetition (« | Repos |
    Repos | »)."""
    hits: list[Hit] = []
    for m in _DOUBLE.finditer(text):
        word = m.group(1).lower()
        if word in _DOUBLE_OK or word.isdigit() or (table and "\n" in m.group(2)):
            continue
        hits.append(
            Hit(
                m.start(1),
                m.end(3),
                "repetition",
                "mot-répété",
                f"mot répété : « {m.group(1)} {m.group(3)} »",
                (m.group(1),),
            )
        )
    position = 0
    while True:
        m = _NEAR.search(text, position)
        if m is None:
            break
        position = m.start(2)  # windows overlap: « a b a b »
        word = m.group(1).lower()
        if (
            word in _NEAR_OK
            or _words_repeated(text, m)
            # Back as part of a host or dotted name (« le ska avec ska.p »): a name.
            or re.match(r"\.\w", text[m.end(3) : m.end(3) + 2])
            or m.group(2).lower() in _NEAR_LINKS
            or m.group(2).lower() == word
            or (word in _AUXILIARIES and _PARTICIPLE.fullmatch(m.group(2)))
            or len(word) < 2
            or word.isdigit()
        ):
            continue
        hits.append(
            Hit(
                m.start(3),
                m.end(3),
                "repetition",
                "répétition-proche",
                f"« {m.group(3)} » répété à un mot d’intervalle",
                (),
            )
        )
    return hits
