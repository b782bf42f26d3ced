"""The tone of a French comment: positive, neutral or negative, from a documented lexicon.

No maintained French sentiment resource installs offline from PyPI or Debian (``textblob-fr``
was last released in 2013), so the report scores words of ``lists/ton.txt`` (sources at the
top of that file) with VADER's rules: a negation flips the words after it (« pas clair »,
« je n’aime pas »), an intensifier strengthens the next one (« vraiment top »), the clause
after « mais » weighs more than the one before, exclamation marks and emoticons count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "lists" / "ton.txt"
POSITIVE, NEUTRAL, NEGATIVE = "positif", "neutre", "négatif"
LABELS = (POSITIVE, NEUTRAL, NEGATIVE)
METHOD = (
    "Le ton est estimé automatiquement, commentaire par commentaire, par un lexique français "
    "de mots positifs et négatifs qui tient compte des négations, des intensifs et des "
    "émoticônes\u00a0: c’est une tendance, pas un sondage."
)
THRESHOLD = 0.5
NEGATORS = {"pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere", "nullement"}
# « ne … plus » negates; « plus » alone compares (« plus clair »).
NE = {"ne", "n"}
SCOPE = 3
INTENSIFIERS = {
    "tres": 1.5,
    "vraiment": 1.5,
    "trop": 1.4,
    "super": 1.5,
    "hyper": 1.5,
    "tellement": 1.5,
    "vachement": 1.5,
    "extremement": 1.7,
    "absolument": 1.5,
    "particulierement": 1.4,
    "franchement": 1.3,
    "completement": 1.5,
    "totalement": 1.5,
    "si": 1.3,
    "grave": 1.3,
    "carrement": 1.4,
    "bcp": 1.3,
    "beaucoup": 1.3,
    "tjrs": 1.0,
    "assez": 0.8,
    "plutot": 0.8,
    "peu": 0.5,
}
CONTRAST = {"mais", "cependant", "pourtant", "toutefois", "neanmoins"}
POSITIVE_EMOTICONS = (
    ":)", ":-)", ":d", ":-d", ";)", ";-)", "^^", ":p", "<3", "=)", "xd",
    "😀", "😃", "😄", "😁", "😊", "🙂", "😍", "🥰", "😘", "👍", "👏", "🙏", "❤", "💪", "🔥",
    "✨", "🎉", "🤩", "😉", "💯", "👌", "🥳", "💙", "💚", "💛", "🤗", "😂", "🤣",
)  # fmt: skip
NEGATIVE_EMOTICONS = (
    ":(", ":-(", ":'(", ":/", ":-/", ">:(",
    "😞", "😠", "😡", "👎", "😢", "😭", "🙄", "😤", "💩", "😒", "😕", "🤬", "😩", "😫", "🤦",
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)'")
_CLAUSE = re.compile(r"[.,;:!?\n]+")


@dataclass(frozen=True)
class Lexicon:
    """Words and phrases (as tuples of normalised words) with their scores."""

    entries: dict[tuple[str, ...], float]
    prefixes: dict[str, float]
    longest: int


def normalise(text: str) -> str:
    """Lower case, no accents, typographic apostrophes made plain."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Words of normalised text, elided articles kept as words (« n'aime » → n, aime)."""
    return _WORD.findall(_ELISION.sub(r"\1 ", text).replace("'", " "))


@cache
def lexicon(path: Path = LEXICON) -> Lexicon:
    """The lexicon file, read once."""
    entries: dict[tuple[str, ...], float] = {}
    prefixes: dict[str, float] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        term, score = line.rsplit(None, 1)
        value = float(score)
        if term.endswith("*") and " " not in term:
            prefixes[normalise(term[:-1])] = value
        else:
            entries[tuple(words(normalise(term.rstrip("*"))))] = value
    return Lexicon(entries, prefixes, max(len(key) for key in entries))


def _word_score(word: str, found: Lexicon) -> float | None:
    if (word,) in found.entries:
        return found.entries[(word,)]
    for length in range(len(word), 2, -1):
        value = found.prefixes.get(word[:length])
        if value is not None:
            return value
    return None


def _clause_score(tokens: list[str], found: Lexicon) -> float:
    total = 0.0
    negated = 0  # how many words the current negation still covers
    boost = 1.0
    index = 0
    while index < len(tokens):
        word = tokens[index]
        # Longest phrase first: « pas mal », « pas terrible », « perte de temps ».
        for length in range(min(found.longest, len(tokens) - index), 1, -1):
            phrase = tuple(tokens[index : index + length])
            if phrase in found.entries:
                value = found.entries[phrase] * boost
                # A phrase that holds its own negation (« pas terrible ») is not flipped again.
                flip = negated and not set(phrase) & (NEGATORS | NE)
                total += -0.8 * value if flip else value
                boost, negated = 1.0, 0
                index += length
                break
        else:
            if word in NE:
                negated = SCOPE + 1
            elif word in NEGATORS:
                negated = max(negated, SCOPE)
            elif word in INTENSIFIERS and index + 1 < len(tokens):
                boost = INTENSIFIERS[word]
            else:
                value = _word_score(word, found)
                if value:
                    value *= boost
                    # A negated word turns weaker than it was (« pas génial » ≠ « nul »).
                    total += -0.8 * value if negated else value
                    boost = 1.0
                negated = max(0, negated - 1)
            index += 1
    return total


def score(text: str, found: Lexicon | None = None) -> float:
    """The comment's score: above 0.5 positive, below -0.5 negative."""
    found = found or lexicon()
    plain = normalise(text)
    total = 0.0
    for clause in _CLAUSE.split(plain):
        parts = re.split(r"\b(?:" + "|".join(CONTRAST) + r")\b", clause)
        for position, part in enumerate(parts):
            weight = 1.0
            if len(parts) > 1:
                weight = 0.5 if position < len(parts) - 1 else 1.5
            total += weight * _clause_score(words(part), found)
    total += sum(plain.count(e) for e in POSITIVE_EMOTICONS) * 1.5
    total -= sum(plain.count(e) for e in NEGATIVE_EMOTICONS) * 1.5
    if total and "!" in plain:
        total *= 1 + min(plain.count("!"), 3) * 0.1
    return total


def classify(text: str) -> str:
    """« positif », « neutre » or « négatif »."""
    value = score(text)
    if value >= THRESHOLD:
        return POSITIVE
    if value <= -THRESHOLD:
        return NEGATIVE
    return NEUTRAL


def excerpt(text: str, count: int = 12) -> str:
    """The first ``count`` words of a comment, for a quotation; addresses are cut out."""
    kept = [w for w in text.split() if "@" not in w and "://" not in w and not w.startswith("www.")]
    short = " ".join(kept[:count])
    return short + ("\u00a0…" if len(kept) > count else "")
