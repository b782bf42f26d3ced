"""The tone of a French comment: positive, neutral or negative, from a documented lexicon.

No maintained French sentiment resource installs offline from PyPI or Debian (``textblob-fr``
was last released in 2013), so the report scores words of ``lists/ton.txt`` (sources at the
top of that file) with VADER's rules: a negation flips the words after it (« pas clair »,
« je n’aime pas »; « ne … que » restricts and does not), an intensifier strengthens the next
word (« vraiment top ») and « trop » before a word without polarity is an excess (« trop
théorique »), what follows the last « mais » of the comment weighs three times what comes
before, a question weighs little unless it is a rhetorical reproach (« Sérieusement ? »),
thanks and applause in a comment that otherwise only complains are irony, an advertisement
is neutral, exclamation marks and emoticons count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "lists" / "ton.txt"
POSITIVE, NEUTRAL, NEGATIVE = "positif", "neutre", "négatif"
LABELS = (POSITIVE, NEUTRAL, NEGATIVE)
METHOD = (
    "Le ton est estimé automatiquement, commentaire par commentaire, par un lexique français "
    "de mots positifs et négatifs qui tient compte des négations, des intensifs, "
    "de «\u00a0mais\u00a0», des questions, des émoticônes et de l’ironie "
    "(remerciements ou applaudissements autour d’une plainte)\u00a0: "
    "c’est une tendance, pas un sondage."
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
    "encore": 1.5,
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
    "🙃", "😏", "😴", "🤡",  # mockery and boredom
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)'")
# A sentence and what ends it (« ? » makes it a question); clauses split at « , ; : ».
_SENTENCE = re.compile(r"([^.!?\n…]+)([.!?\n…]*)")
_CLAUSE = re.compile(r"[,;:()«»\"]+")
_ADDRESS = re.compile(r"\S+://\S+|www\.\S+")
EXPECTED_MARK = "(pas) "
EMOTICON_SCORE = 1.5
# « trop » before a word without polarity is an excess (« trop théorique », « trop de monde »).
EXCESS, EXCESS_SCORE = "trop", 1.0
# A question weighs this much of a statement; a rhetorical one alone is a reproach.
QUESTION_WEIGHT = 0.3
RHETORICAL = {("serieux",), ("serieusement",), ("c", "est", "une", "blague"), ("sans", "blague")}
RHETORICAL_SCORE = -1.5
# Thanks and applause that irony turns round when all the rest complains (at most IRONY).
PRAISE = {
    "bravo",
    "merci",
    "genial",
    "super",
    "felicitations",
    "chapeau",
    "top",
    "parfait",
    "exemple",
}
APPLAUSE = ("👏",)
IRONY = -1.5
# Calls of an advertisement: such a comment is neutral unless it is hostile.
PROMOTION = (
    "lien en bio", "en prive", "inbox", "contactez", "ecrivez-nous", "ecrivez-moi",
    "rejoignez notre", "decouvrez notre", "abonnez-vous", "gagnez de l'argent", "promo ",
)  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    """Words and phrases (as tuples of normalised words) with their scores."""

    entries: dict[tuple[str, ...], float]
    prefixes: dict[str, float]
    longest: int
    # « (pas) reçu » : words that only count under a negation (a service not delivered).
    expected: dict[str, float] = field(default_factory=dict)
    expected_prefixes: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Part:
    """One scored piece of a comment: where it stands and what it weighs."""

    value: float
    position: int  # index of its first word in the comment
    praise: bool = False  # thanks or applause, that irony turns round


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
    expected: dict[str, float] = {}
    expected_prefixes: dict[str, float] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        term, score = line.rsplit(None, 1)
        value = float(score)
        if term.startswith(EXPECTED_MARK):
            term = term.removeprefix(EXPECTED_MARK)
            if term.endswith("*"):
                expected_prefixes[normalise(term[:-1])] = value
            else:
                expected[normalise(term)] = value
        elif term.endswith("*") and " " not in term:
            prefixes[normalise(term[:-1])] = value
        else:
            entries[tuple(words(normalise(term.rstrip("*"))))] = value
    return Lexicon(entries, prefixes, max(len(key) for key in entries), expected, expected_prefixes)


def _lookup(word: str, whole: dict, starred: dict) -> float | None:
    if word in whole:
        return whole[word]
    for length in range(len(word), 2, -1):
        value = starred.get(word[:length])
        if value is not None:
            return value
    return None


def _word_score(word: str, found: Lexicon) -> float | None:
    if (word,) in found.entries:
        return found.entries[(word,)]
    return _lookup(word, {}, found.prefixes)


def _phrase_at(tokens: list[str], index: int, found: Lexicon) -> int:
    """Length of the longest lexicon phrase starting at ``index`` (0 if none)."""
    for length in range(min(found.longest, len(tokens) - index), 1, -1):
        if tuple(tokens[index : index + length]) in found.entries:
            return length
    return 0


def _scored(tokens: list[str], index: int, found: Lexicon) -> bool:
    """Whether the word at ``index`` starts a phrase or has a score of its own."""
    if index >= len(tokens):
        return False
    return bool(_phrase_at(tokens, index, found) or _word_score(tokens[index], found))


def _restrictive(tokens: list[str], index: int) -> bool:
    """« ne … que » restricts (« je ne retiens que le positif »): it does not negate."""
    for word in tokens[index + 1 : index + 1 + SCOPE + 1]:
        if word in NEGATORS or word == "plus":
            return False
        if word in {"que", "qu"}:
            return True
    return False


def _clause_parts(tokens: list[str], start: int, found: Lexicon) -> list[_Part]:
    parts: list[_Part] = []
    negated = 0  # how many words the current negation still covers
    boost = 1.0
    index = 0

    def add(value: float, at: int, praise: bool = False) -> None:
        parts.append(_Part(value, start + at, praise))

    while index < len(tokens):
        word = tokens[index]
        # Longest phrase first: « pas mal », « pas terrible », « perte de temps ».
        length = _phrase_at(tokens, index, found)
        if length:
            phrase = tuple(tokens[index : index + length])
            value = found.entries[phrase] * boost
            # A phrase that holds its own negation (« pas terrible ») is not flipped again.
            flip = negated and not set(phrase) & (NEGATORS | NE)
            add(-0.8 * value if flip else value, index, phrase[-1] in PRAISE)
            boost, negated = 1.0, 0
            index += length
            continue
        if word in NE and not _restrictive(tokens, index):
            negated = SCOPE + 1
        elif word in NEGATORS:
            negated = max(negated, SCOPE)
            # « pas du tout » negates as far as « pas ».
            if tokens[index + 1 : index + 3] == ["du", "tout"]:
                index += 2
        elif word == EXCESS and index + 1 < len(tokens) and not _scored(tokens, index + 1, found):
            # « trop » before a word without polarity is an excess: « trop théorique ».
            add(0.8 * -EXCESS_SCORE if negated else -EXCESS_SCORE, index)
            negated = max(0, negated - 1)
        elif word in INTENSIFIERS and _scored(tokens, index + 1, found):
            boost = INTENSIFIERS[word]
        else:
            value = _word_score(word, found)
            if value:
                value *= boost
                # A negated word turns weaker than it was (« pas génial » ≠ « nul »).
                add(-0.8 * value if negated else value, index, word in PRAISE)
                boost = 1.0
            elif negated:
                # « jamais reçu », « toujours pas remboursé »: an expected service missing.
                missing = _lookup(word, found.expected, found.expected_prefixes)
                if missing:
                    add(missing, index)
            if word not in INTENSIFIERS:
                negated = max(0, negated - 1)
        index += 1
    return parts


def _parts(plain: str, found: Lexicon) -> tuple[list[_Part], int | None]:
    """Scored pieces of a comment, and the position of its last « mais » (if any)."""
    parts: list[_Part] = []
    position = 0
    contrast = None
    for sentence in _SENTENCE.finditer(plain):
        body, end = sentence.group(1), sentence.group(2)
        clauses = [words(c) for c in _CLAUSE.split(body)]
        clauses = [c for c in clauses if c]
        for number, tokens in enumerate(clauses):
            for offset, word in enumerate(tokens):
                if word in CONTRAST and tokens[offset + 1 : offset + 2] != ["aussi"]:
                    contrast = position + offset
            found_parts = _clause_parts(tokens, position, found)
            if "?" in end and number == len(clauses) - 1:
                # A question asks, it does not judge (« laquelle est la bonne ? »),
                # unless it is a rhetorical one (« Sérieusement ? »).
                if tuple(tokens) in RHETORICAL:
                    found_parts = [_Part(RHETORICAL_SCORE, position)]
                else:
                    found_parts = [
                        _Part(p.value * QUESTION_WEIGHT, p.position, p.praise) for p in found_parts
                    ]
            parts += found_parts
            position += len(tokens)
    return parts, contrast


def score(text: str, found: Lexicon | None = None) -> float:
    """The comment's score: above 0.5 positive, below -0.5 negative."""
    found = found or lexicon()
    plain = normalise(text)
    parts, contrast = _parts(plain, found)
    end = len(words(plain))
    bare = _ADDRESS.sub(" ", plain)  # « https:// » holds « :/ »
    parts += [
        _Part(EMOTICON_SCORE, end, e in APPLAUSE) for e in _emoticons(bare, POSITIVE_EMOTICONS)
    ]
    parts += [_Part(-EMOTICON_SCORE, end) for _ in _emoticons(bare, NEGATIVE_EMOTICONS)]
    if contrast is not None:
        # VADER's « but »: what comes before « mais » weighs half, what follows 1.5 times.
        parts = [
            _Part(p.value * (0.5 if p.position < contrast else 1.5), p.position, p.praise)
            for p in parts
        ]
    else:
        rest = [p.value for p in parts if not p.praise]
        if any(p.praise for p in parts) and sum(rest) <= IRONY and max(rest) < 0:
            # Thanks or applause around nothing but a complaint are ironic (Riloff et al.).
            parts = [_Part(-abs(p.value) if p.praise else p.value, p.position) for p in parts]
    total = sum(p.value for p in parts)
    if total > 0 and any(marker in plain for marker in PROMOTION):
        # An advertisement is not praise, whatever its words (« à bon prix, écrivez-nous »).
        return 0.0
    if total and "!" in plain:
        total *= 1 + min(plain.count("!"), 3) * 0.1
    return total


def _emoticons(plain: str, which: tuple[str, ...]) -> list[str]:
    return [e for e in which for _ in range(plain.count(e))]


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
