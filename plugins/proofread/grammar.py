"""Grammar: Grammalecte, our homophone table, and agreement Grammalecte cannot see.

Grammalecte (GPL, Debian's ``python3-grammalecte``) is used as a library, never
copied. Its typography rules are off (``typography.py`` does French typography and
the render fixes most of it); its rule types map to our categories. Three things are
added to it:

- words its lexicon lacks (« followers », « stories », « afterworks ») hide agreement
  from it, since it cannot tell they are nouns: it reads the paragraph with a French
  noun of the same number in their place (« les partenaires voit »), and its findings
  are told with the author's words;
- homophones (« a cause de », « le jour ou », « ses un bon conseil »): the table of
  ``homophones.py`` (documented in ``lists/homophones.md``);
- agreement of a verb with a subject it is far from (« les abonnés qui suivent la page
  aime », « chacune ont », « la plupart des membres a »).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator

from . import homophones, verbs
from .finding import Hit, word_set
from .source import PLACEHOLDER

logger = logging.getLogger(__name__)

# Grammalecte options we turn off: typography (ours), capitals and commas (too many
# false alarms on titles and lists), inclusive writing (a choice, not a mistake).
_OFF = word_set(
    "typo apos esp nbsp tab unit num nf liga mapos chim ocr maj virg eepi minis "
    "latex html md poncfin idrule mc redon1 redon2 neg"
)

# Grammalecte rules that give advice, not corrections: « digital » for « numérique » is
# the Académie's preference, while « digital » is the word of the trade.
_IGNORED_RULES = ("conf_numérique_digital",)

# « loc » (set phrases written wrong: « a par ça », « à peu prêt », « au dépend de ») is a
# confusion of homophones, hence grammar.
_CATEGORY_OF_TYPE = {
    "bs": "style",
    "pleo": "style",
    "mc": "style",
    "redon1": "repetition",
    "redon2": "repetition",
    "typo": "typography",
    "esp": "typography",
    "nbsp": "typography",
    "apos": "typography",
    "maj": "typography",
    "virg": "typography",
    "num": "typography",
    "unit": "typography",
}

_engine = None
_unavailable_said = False


def engine():
    """The Grammalecte checker of this process, or None when Grammalecte is missing."""
    global _engine, _unavailable_said
    if _engine is None:
        try:
            import grammalecte

            checker = grammalecte.GrammarChecker("fr")
            checker.getGCEngine().setOptions({name: False for name in _OFF})
            # Grammalecte calls re.search(pattern, text) with some 4,000 patterns, and re
            # keeps 512 compiled: without more room, it recompiles all the time (15 % of
            # its time).
            re._MAXCACHE = max(re._MAXCACHE, 8192)
            _engine = checker
        except Exception:
            _engine = False
            if not _unavailable_said:
                _unavailable_said = True
                logger.warning(
                    "Grammalecte est absent : la vérification grammaticale est désactivée "
                    "(le reste de la relecture continue). Installez-le : "
                    "sudo apt-get install python3-grammalecte, puis make setup."
                )
    return _engine or None


# Agreement rules over a determiner and two or three words: the last may be a noun used
# as a complement (« une stratégie marketing », « la destination soleil »), not an
# adjective that must agree.
_NOUN_PAIR_RULE = re.compile(r"gn_.*_[23]m")
# Inclusive writing: « heureux·se », « salarié.e.s », « heureux-se » (a choice, not a fault).
_INCLUSIVE = re.compile(r"\w(?:[.·‧⋅-](?:e|se|ne|te|ve|ère|euse|rice|ice|trice|esse)s?){1,2}\b")


def _tags(checker, word: str) -> list[str]:
    """Grammalecte's morphology of ``word`` (as written, else in lower case): its tags,
    such as ``:N:m:s`` (a masculine noun) or ``:V1_it_q__a:Y`` (an infinitive)."""
    spell = checker.getSpellChecker()
    morphs = spell.getMorph(word) or spell.getMorph(word.lower())
    return [m.split("/")[1] if "/" in m else m for m in morphs]


def _misread(checker, rule: str, text: str, start: int, end: int, message: str = "") -> bool:
    """Grammalecte findings that come from reading a word the wrong way."""
    if "eleu" in rule and re.match(r"\s*[eE]-", text[end : end + 4]):
        return True  # « le e-commerce »: the letter is read, no elision
    for m in _INCLUSIVE.finditer(text):
        if m.start() < end and start < m.end():
            return True
        # « Chers lecteur·ices »: Grammalecte reads the stem alone (« lecteur »), singular.
        stem = re.search(r"\w+$", text[: m.start() + 1]).group()
        if re.search(rf"[«“]\s?{re.escape(stem)}\s?[»”]", message):
            return True
    if _NOUN_PAIR_RULE.search(rule):
        word = text[start:end]
        if " " not in word:
            tags = _tags(checker, word)
            if tags and all(":N" in t and ":A" not in t and ":Q" not in t for t in tags):
                return True
    return False


# -- words and their morphology --------------------------------------------------------------

# A word (hyphens inside, an elision's apostrophe at its end: « l’ », « aujourd’ »), a
# number, or one sign.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?|\d+(?:[.,]\d+)*|[^\w\s]")


@functools.lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """Grammalecte's readings of ``word`` as (lemma, tags): ``("publier", ":V1_it____a:Q:A…")``."""
    checker = engine()
    if checker is None or not word[:1].isalpha():
        return ()
    spell = checker.getSpellChecker()
    morphs = spell.getMorph(word) or spell.getMorph(word.lower())
    found = []
    for morph in morphs:
        lemma, _, tags = morph.partition("/")
        found.append((lemma.lstrip(">"), tags.rpartition("/")[0] or tags))
    return tuple(found)


class Token:
    """A word or a sign of a paragraph, with Grammalecte's readings (looked up on demand)."""

    __slots__ = ("end", "norm", "start", "text")

    def __init__(self, text: str, start: int, end: int, norm: str | None = None):
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm if norm is not None else text.replace("’", "'").lower()

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(tags for _, tags in analyses(self.text))

    @property
    def lemmas(self) -> tuple[str, ...]:
        return tuple(lemma for lemma, _ in analyses(self.text))

    def __repr__(self) -> str:
        return f"Token({self.text!r})"


def split(text: str) -> list[str]:
    """The words and signs of ``text``, normalised (lower case, straight apostrophe)."""
    return [m.group().replace("’", "'").lower() for m in _TOKEN.finditer(text)]


def tokens(text: str) -> list[Token]:
    """The tokens of a paragraph, framed by a start (``<s>``) and an end (``</s>``)."""
    found = [Token("", 0, 0, "<s>")]
    found += [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found.append(Token("", len(text), len(text), "</s>"))
    return found


def _has(token: Token, *codes: str) -> bool:
    return any(all(code in tags for code in codes) for tags in token.tags)


# -- Grammalecte, with stand-ins for the nouns it does not know ----------------------------

_DET_SINGULAR = word_set(
    "le la l' un une ce cet cette mon ton son ma ta sa notre votre leur chaque du au"
)
_DET_PLURAL = word_set(
    "les des ces mes tes ses nos vos leurs aux plusieurs quelques certains certaines"
)
# Pronouns after which « les », « le », « la », « leur » are objects (« on les like »).
_BEFORE_OBJECT = word_set("je j' tu il elle on nous vous ils elles ne n' qui")
# Nouns of either gender that Grammalecte knows only as nouns, to stand for an unknown
# word: the first whose forms the paragraph does not use (its messages quote them back).
_STAND_INS = (
    (("partenaire", "partenaires"), ("artiste", "artistes")),
    (("camarade", "camarades"), ("adulte", "adultes")),
)


def _unknown(token: Token) -> bool:
    """A lower-case word Grammalecte's lexicon lacks (a loanword, a trade word)."""
    text = token.text
    return text[:1].islower() and text.isalpha() and len(text) > 1 and not analyses(text)


def _stand_ins(text: str, words: list[Token]) -> list[tuple[int, int, str]]:
    """(start, end, noun) for each run of unknown words after a determiner.

    « les community managers » becomes one noun (an unknown word, then a noun), « l’afterwork »
    a noun that elides. The stand-in has the determiner's number.
    """
    lowered = text.lower()
    consonant, vowel = next(
        (pair for pair in _STAND_INS if not any(w in lowered for w in pair[0] + pair[1])),
        _STAND_INS[0],
    )
    found = []
    i = 1
    while i < len(words) - 1:
        det = words[i]
        plural = det.norm in _DET_PLURAL
        if not plural and det.norm not in _DET_SINGULAR:
            i += 1
            continue
        if det.norm in ("les", "le", "la", "leur", "l'") and words[i - 1].norm in _BEFORE_OBJECT:
            i += 1
            continue
        j = i + 1
        while j < len(words) - 1 and _unknown(words[j]) and _next_to(text, words[j - 1], words[j]):
            j += 1
        if j == i + 1:
            i += 1
            continue
        following = words[j]
        if (
            _next_to(text, words[j - 1], following)
            and following.tags
            and all(t.startswith(":N") for t in following.tags)
        ):
            j += 1  # « community managers »: the unknown word qualifies the noun
        first = words[i + 1].text[:1].lower()
        elided = det.norm.endswith("'") or det.norm == "cet" or first in "aâàeéèêëiîïoôuûùy"
        noun = (vowel if elided else consonant)[plural]
        if words[j - 1].text[:1].isupper():
            noun = noun.capitalize()
        found.append((words[i + 1].start, words[j - 1].end, noun))
        i = j
    return found


def _next_to(text: str, left: Token, right: Token) -> bool:
    """Only a space between two tokens (no sign, no line break)."""
    return text[left.end : right.start] in (" ", "\u00a0", "\u202f") or left.norm.endswith("'")


class _Rewritten:
    """A paragraph with stand-ins, and the way back to the author's offsets and words."""

    def __init__(self, text: str, stand_ins: list[tuple[int, int, str]]):
        parts, self.spans, position, shift = [], [], 0, 0
        for start, end, noun in stand_ins:
            parts.append(text[position:start])
            self.spans.append((start + shift, start + shift + len(noun), start, end, noun))
            parts.append(noun)
            shift += len(noun) - (end - start)
            position = end
        parts.append(text[position:])
        self.text = "".join(parts)
        self.original = text

    def back(self, position: int, is_end: bool) -> int:
        """The author's offset of ``position`` in the rewritten text."""
        shift = 0
        for new_start, new_end, start, end, _ in self.spans:
            if position < new_start or (is_end and position == new_start):
                break
            if position < new_end or (is_end and position == new_end):
                return end if is_end else start
            shift = end - new_end
        return position + shift

    def words(self, message: str) -> str:
        """``message`` with the stand-ins it quotes turned back into the author's words."""
        for _, _, start, end, noun in self.spans:
            message = re.sub(rf"\b{noun}\b", self.original[start:end], message, count=1)
        return message


def check_grammalecte(text: str, words: list[Token] | None = None) -> list[Hit]:
    """Grammalecte's findings on a segment's text, in our categories."""
    checker = engine()
    if checker is None:
        return []
    # Grammalecte reads a paragraph: line breaks become spaces, length unchanged.
    plain = text.replace("\n", " ").replace(PLACEHOLDER, "X")
    rewritten = _Rewritten(plain, _stand_ins(plain, words or tokens(plain)))
    # Grammar only: its spelling pass (getParagraphErrors) would repeat ours.
    errors = checker.getGCEngine().parse(rewritten.text, "FR")
    hits = []
    seen = set()
    for error in errors:
        start = rewritten.back(error["nStart"], False)
        end = rewritten.back(error["nEnd"], True)
        rule = error.get("sRuleId", "")
        if (start, end) in seen or any(r in rule for r in _IGNORED_RULES):
            continue
        if _misread(checker, rule, plain, start, end, error.get("sMessage", "")):
            continue
        seen.add((start, end))
        kind = error.get("sType", "")
        category = _CATEGORY_OF_TYPE.get(kind, "grammar")
        message = error.get("sMessage", "").strip()
        message = rewritten.words(message.replace("“", "« ").replace("”", " »"))
        suggestions = tuple(rewritten.words(s) for s in error.get("aSuggestions", ()))[:5]
        hits.append(Hit(start, end, category, f"grammalecte:{kind}:{rule}", message, suggestions))
    return _paired(plain, hits)


# Grammalecte tells one disagreement twice, once on each word (« leurs ton »: « ton »
# should be plural, « leurs » singular), under one rule whose actions differ (…__b1_a1_1,
# …__b1_a2_1). One mistake is one finding: over both words, each suggestion applied to
# its own word (« leurs tons », « leur ton »).
_ACTION = re.compile(r"__b\d+_a\d+_\d+$")


def _paired(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with each disagreement Grammalecte reports on two words made one finding."""
    result = list(hits)
    for first in hits:
        if first not in result or not _ACTION.search(first.rule):
            continue
        block = first.rule[: first.rule.rindex("_a")]
        for second in hits:
            if (
                second is first
                or second not in result
                or second.rule[: second.rule.rfind("_a")] != block
            ):
                continue
            left, right = sorted((first, second), key=lambda h: h.start)
            between = text[left.end : right.start]
            if len(between) > 40 or re.search(r"[.!?;:]", between):
                continue
            span = text[left.start : right.end]
            suggestions = tuple(
                span[: h.start - left.start] + s + span[h.end - left.start :]
                for h in (first, second)
                for s in h.suggestions[:2]
            )
            merged = Hit(
                left.start, right.end, first.category, first.rule, first.message, suggestions[:5]
            )
            result = [merged if h is first else h for h in result if h is not second]
            break
    return result


# -- agreement of a verb with a subject it is far from ------------------------------------

_BOUNDARY = word_set(". ! ? … : ; <s>")
_PREPOSITIONS = word_set("de d' du des en sur pour à au aux avec dans chez par sans sous entre")
_DETERMINERS = _DET_SINGULAR | _DET_PLURAL | word_set("d' de")
_CLITICS = word_set("ne n' se s' y en le la les l' lui leur nous vous me m' te t'")
# Heads whose verb may agree with their complement (« la plupart des membres ont », « un
# groupe de fans sont venus »), and « chacun », which has a rule of its own.
_COLLECTIVE = word_set(
    "nombre majorité minorité plupart moitié tiers quart partie foule multitude dizaine "
    "vingtaine trentaine quarantaine cinquantaine centaine millier million milliard série "
    "ensemble reste totalité masse poignée quantité infinité myriade flopée tas groupe "
    "bande équipe peu beaucoup pourcentage proportion part"
)
_AFTER_VERB = _DETERMINERS | word_set(
    "pas plus jamais bien très souvent toujours déjà aussi beaucoup peu trop encore vite "
    "rarement également vraiment ensuite enfin tous toutes rien ici là . ! ? ; : </s>"
)
# Verbs whose other reading is too rare to matter (« a », the letter; « est », the east).
_VERB_FIRST = word_set("a est")
_TENSES = (":Ip", ":Iq", ":Is", ":If", ":K", ":Sp", ":Sq")


def _finite(token: Token, person: str) -> bool:
    return any(
        t.startswith(":V") and person in t and any(x in t for x in _TENSES) for t in token.tags
    )


def _nominal(token: Token) -> bool:
    """A word of a noun phrase: a noun, an adjective, a number, a name, an unknown word."""
    if token.norm[:1].isdigit() or _unknown(token):
        return True
    if token.text[:1].isupper() and token.text.isalpha():
        return True
    tags = token.tags
    return bool(tags) and all(
        t.startswith((":N", ":A", ":B")) or (t.startswith(":V") and (":Q" in t or ":Y" in t))
        for t in tags
    )


def _noun_phrase(words: list[Token], i: int) -> int:
    """The end of a noun phrase from ``i``: determiners, a noun (« la page », though
    « page » is a verb too), then words that can only be nominal (« en ligne »)."""
    j = i
    while j < len(words) and words[j].norm in _DET_SINGULAR | _DET_PLURAL:
        j += 1
    if j < len(words) and (
        _nominal(words[j])
        or (
            any(t.startswith((":N", ":A")) for t in words[j].tags)
            and not any(t.startswith(":G") for t in words[j].tags)
        )  # « dans », not « dan »
    ):
        j += 1
    while j < len(words) and _nominal(words[j]):
        j += 1
    return j


def _complements(words: list[Token], j: int) -> int:
    """Past the complements of a subject: « de la page », « qui suivent la page », « , eux , »."""
    while j < len(words):
        word = words[j]
        if word.norm in _PREPOSITIONS and j + 1 < len(words):
            end = _noun_phrase(words, j + 1)
            if end == j + 1:
                return j
            j = end
        elif word.norm == "qui" and j + 1 < len(words):
            k = j + 1
            while k < len(words) and words[k].norm in _CLITICS:
                k += 1
            if k >= len(words) or not _finite(words[k], ":3p"):
                return j
            end = _noun_phrase(words, k + 1)
            j = end if end > k + 1 else k + 1
        elif word.norm == "," and j + 2 < len(words) and words[j + 1].norm in ("eux", "elles"):
            if words[j + 2].norm != ",":
                return j
            j += 3
        else:
            return j
    return j


def _verb_at(words: list[Token], j: int) -> int | None:
    """The finite verb of a subject ending before ``j`` (after clitics: « ne », « se »...)."""
    while j < len(words) and words[j].norm in _CLITICS:
        j += 1
    if j >= len(words) or not any(
        t.startswith(":V") and any(x in t for x in _TENSES) for t in words[j].tags
    ):
        return None
    word = words[j]
    # A word that is also a noun or an adjective (« active », « montre ») is read as a verb
    # only before what follows a verb: a determiner, a negation, the sentence's end.
    ambiguous = word.norm not in _VERB_FIRST and any(t.startswith((":N", ":A")) for t in word.tags)
    if ambiguous and j + 1 < len(words) and words[j + 1].norm not in _AFTER_VERB:
        return None
    return j


def _form(token: Token, person: str) -> str | None:
    """``token``'s verb at ``person`` (":3s", ":3p"...), same tense: « aime » → « aiment »."""
    from grammalecte.fr import conj  # loaded with the engine; only asked when one is found

    for lemma, tags in analyses(token.text):
        for tense in _TENSES:
            if tags.startswith(":V") and tense in tags:
                form = conj.getConj(lemma, tense, person)
                if form:
                    return form
    return None


_PERSON_NAMES = {":3s": "3ᵉ personne du singulier", ":3p": "3ᵉ personne du pluriel"}


def _agreement_hit(verb: Token, person: str, subject: str) -> Hit | None:
    form = _form(verb, person)
    if not form or form == verb.text.lower():
        return None
    if verb.text[:1].isupper():
        form = form.capitalize()
    return Hit(
        verb.start,
        verb.end,
        "grammar",
        "accord-sujet",
        f"accord du verbe : le sujet est « {subject} » ; le verbe « {verb.text} » "
        f"devrait être à la {_PERSON_NAMES[person]}.",
        (form,),
    )


def check_agreement(text: str, words: list[Token]) -> list[Hit]:
    """Verbs that disagree with a subject Grammalecte does not link them to."""
    hits = []
    for i in range(1, len(words) - 1):
        if words[i - 1].norm not in _BOUNDARY:
            continue
        first = i + 1 if words[i].norm in ("tous", "toutes") else i
        head = words[first].norm
        if head in ("chacun", "chacune", "aucun", "aucune") or (
            head in ("l'", "un", "une")
            and first + 2 < len(words)
            and words[first + 1].norm in ("un", "une")
            and words[first + 2].norm in ("des", "d'")
        ):
            # « chacun des membres », « l’un des membres » + a singular verb
            j = first + 1 if head not in ("l'", "un", "une") else first + 2
            j = _complements(words, j)
            verb = _verb_at(words, j)
            if verb is not None and not _finite(words[verb], ":3s"):
                found = _agreement_hit(words[verb], ":3s", _quote(text, words, i, j))
                if found:
                    hits.append(found)
            continue
        if head == "tout" and [w.norm for w in words[first + 1 : first + 3]] == ["le", "monde"]:
            verb = _verb_at(words, first + 3)
            if verb is not None and not _finite(words[verb], ":3s"):
                found = _agreement_hit(words[verb], ":3s", "tout le monde")
                if found:
                    hits.append(found)
            continue
        if head == "la" and words[first + 1].norm == "plupart":
            j = first + 2
            if words[j].norm == "du" or [w.norm for w in words[j : j + 2]] in (
                ["de", "la"],
                ["de", "l'"],
            ):
                continue  # « la plupart du matériel devrait »: a singular complement
            j = _complements(words, j)
            verb = _verb_at(words, j)
            if verb is not None and not _finite(words[verb], ":3p"):
                found = _agreement_hit(words[verb], ":3p", _quote(text, words, i, j))
                if found:
                    hits.append(found)
            continue
        plural = head in _DET_PLURAL
        if not plural and head not in _DET_SINGULAR - word_set("du au"):
            continue
        end = _noun_phrase(words, first + 1)
        nouns = [w for w in words[first + 1 : end] if w.tags or _unknown(w)]
        if not nouns or any(w.norm in _COLLECTIVE for w in words[first + 1 : end]):
            continue
        if plural and not any(
            (_has(w, ":N") and (":p" in "".join(w.tags) or ":i" in "".join(w.tags))) or _unknown(w)
            for w in nouns
        ):
            continue
        j = _complements(words, end)
        if j == end and words[end].norm not in ("ne", "n'"):
            # Next to its subject, Grammalecte's own rules see it; not past « ne » (« mes
            # vidéos ne décolle pas »).
            continue
        verb = _verb_at(words, j)
        if verb is None:
            continue
        token = words[verb]
        if plural and _finite(token, ":3s") and not _finite(token, ":3p"):
            found = _agreement_hit(token, ":3p", _quote(text, words, i, end))
        elif not plural and _finite(token, ":3p") and not _finite(token, ":3s"):
            found = _agreement_hit(token, ":3s", _quote(text, words, i, end))
        else:
            found = None
        if found:
            hits.append(found)
    return hits


def _quote(text: str, words: list[Token], i: int, j: int) -> str:
    return " ".join(text[words[i].start : words[j - 1].end].split())


# -- everything -------------------------------------------------------------------------------


def _ours(text: str, words: list[Token]) -> Iterator[Hit]:
    yield from homophones.find(text, words, split)
    yield from check_agreement(text, words)
    if engine() is not None:  # the verb rules read Grammalecte's conjugation tables
        yield from verbs.check_conjugation(text, words)
        yield from verbs.check_vous(text, words)
        yield from verbs.check_imperatives(text, words)
        yield from verbs.check_conditional(text, words)
        yield from verbs.check_participle(text, words)
        yield from verbs.check_plural_subjects(text, words)


def check(text: str, use_grammalecte: bool = True) -> list[Hit]:
    """Grammar findings of a segment's text: Grammalecte, the homophone table, agreement."""
    plain = text.replace("\n", " ").replace(PLACEHOLDER, "X")
    words = tokens(plain)
    hits = check_grammalecte(text, words) if use_grammalecte else []
    for hit in _ours(plain, words):
        hits = _merge(hits, hit)
    return _without_consequences(plain, hits)


def _without_consequences(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` less Grammalecte's findings that only follow from a mistake found before.

    Grammalecte reads the word after a confused homophone as the wrong form has it
    (« son indispensables »: « indispensables » should be singular; « on particulièrement
    apprécié »: a verb is missing; « n’y aux e-mails »: « aux » should be a verb), and
    agrees a participle with a verb whose person is wrong (« les vidéos était prêts »:
    « prêts » should be singular). Once the homophone or the verb is reported, those are
    the same mistake told again, on the wrong word.
    """
    causes = [h for h in hits if h.rule in _CAUSES or "__conf_" in h.rule]
    if not causes:
        return hits
    kept = []
    for hit in hits:
        if hit.rule.startswith("grammalecte:") and any(
            cause is not hit and _follows(text, cause, hit) for cause in causes
        ):
            continue
        kept.append(hit)
    return kept


# Our findings that change how the words after them read.
_CAUSES = frozenset({"homophone", "accord-sujet", verbs.NONEXISTENT, verbs.WRONG_FORM})


def _follows(text: str, cause: Hit, hit: Hit) -> bool:
    """Whether ``hit`` is Grammalecte's reading of what follows ``cause``'s wrong form."""
    if cause.end <= hit.start and not text[cause.end : hit.start].strip():
        # The next word: read as the wrong form has it (« Mes il » , « on particulièrement »).
        return True
    if hit.end <= cause.start and not text[hit.end : cause.start].strip():
        # « de la par de »: Grammalecte takes the word before for the homophone.
        return "__conf_" in hit.rule and cause.rule == "homophone"
    wrong = text[cause.start : cause.end]
    return cause.rule != "homophone" and ":ppas:" in hit.rule and f"« {wrong} »" in hit.message


def _merge(hits: list[Hit], ours: Hit) -> list[Hit]:
    """``hits`` with one of our findings: alone, or with Grammalecte's on the same words.

    On the same span, Grammalecte's message stays and our suggestion comes first (« il
    ni a »: its « nie », our « n’y »); a span of ours that covers Grammalecte's replaces it
    (« c’ » of « elle c’est lancée » → « c’est »); else Grammalecte's finding stands.
    """
    overlapping = [h for h in hits if h.start < ours.end and ours.start < h.end]
    if not overlapping:
        return [*hits, ours]
    if len(overlapping) == 1:
        (theirs,) = overlapping
        if (theirs.start, theirs.end) == (ours.start, ours.end):
            if theirs.category != "grammar":
                return hits
            suggestions = (
                *ours.suggestions,
                *(s for s in theirs.suggestions if s not in ours.suggestions),
            )
            merged = Hit(
                theirs.start,
                theirs.end,
                theirs.category,
                theirs.rule,
                theirs.message,
                suggestions[:5],
            )
            return [merged if h is theirs else h for h in hits]
        if ours.start <= theirs.start and theirs.end <= ours.end and ours.rule == "homophone":
            return [ours if h is theirs else h for h in hits]
        if (
            ours.rule == "homophone"
            and theirs.start <= ours.start
            and ours.end <= theirs.end
            and "__conf_" not in theirs.rule
        ):
            # « ces vrai » told as a disagreement of « ces » and « vrai »: it follows from
            # the homophone (« c’est vrai »).
            return [ours if h is theirs else h for h in hits]
    return hits
