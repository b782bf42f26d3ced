"""Repeated words: « de de », and near repetition in a short window: « il est aussi est »."""

from __future__ import annotations

import re

from .finding import Hit, word_set

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# Doubled on purpose in French: « nous nous levons », « vous vous trompez ».
_DOUBLE_OK = frozenset({"nous", "vous", "si", "très", "non", "oui", "bien", "bla", "ha", "hé"})
# Words that come back after one word in ordinary French: « la page la plus lue ».
_NEAR_OK = word_set(
    "le la les l un une des de du d à au aux en et ou ni que qui se ne pas plus moins "
    "ce c il elle on nous vous ils elles je j tu me m te t s sa son ses leur leurs "
    "mon ma mes ton ta tes notre nos votre vos y a par pour sur"
)
# « petit à petit », « de plus en plus », « jour après jour », « un par un ».
_NEAR_LINKS = word_set("à après par en pour contre sur ou et sans ni")


def check(text: str) -> list[Hit]:
    """Repetition findings of a segment's text."""
    hits: list[Hit] = []
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    for index in range(1, len(words)):
        start, end, word = words[index]
        p_start, p_end, previous = words[index - 1]
        if word == previous and text[p_end:start].strip() == "" and not word.isdigit():
            if word not in _DOUBLE_OK:
                hits.append(
                    Hit(
                        p_start,
                        end,
                        "repetition",
                        "mot-répété",
                        f"mot répété : « {text[p_start:p_end]} {text[start:end]} »",
                        (text[p_start:p_end],),
                    )
                )
            continue
        if index < 2:
            continue
        _f_start, f_end, first = words[index - 2]
        middle = words[index - 1][2]
        if (
            word == first
            and word not in _NEAR_OK
            and middle not in _NEAR_LINKS
            and len(word) > 1
            and not word.isdigit()
            and not re.search(r"[.,;:!?()«»\"—–]", text[f_end:start])
        ):
            hits.append(
                Hit(
                    start,
                    end,
                    "repetition",
                    "répétition-proche",
                    f"« {text[start:end]} » répété à un mot d’intervalle",
                    (),
                )
            )
    return hits
