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
  aime », « chacune ont », « la plupart des membres a »), and the verb rules of
  ``verbs.py`` and ``moods.py`` (forms, moods, participles).

What Grammalecte misreads for want of the words around (« des responsables marketing »,
« par contre vous pouvez », « copier/coller ») is dropped by ``_misread``, each case with
its reason; what it tells twice (« j’ai du regarder ») is told once.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator

from . import homophones, moods, morphology, verbs
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
# the Académie's preference, while « digital » is the word of the trade. Two more are
# typographic preferences that Grammalecte's own messages call so: an acronym written
# with points (« l’I.G.E.D.D », « N.B. »), which it « recommande » to write without them
# (its source, https://fr.wikipedia.org/wiki/Sigle#Typographie, gives both uses), and a
# cut in a quotation marked « (…) », which « usuellement » is « […] ».
_IGNORED_RULES = (
    "conf_numérique_digital",
    "p_sigle2",
    "purge_mot_nombre_parenthèses_crochets_accolades__b2_a1",
)

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


_dictionary = None
_morphology_folder: str | None = None


def morphology_folder(folder: str | None) -> None:
    """Where the readings table is (:mod:`.morphology`): the lexicon's folder."""
    global _morphology_folder, _dictionary
    if folder != _morphology_folder:
        _morphology_folder = folder
        if _dictionary is not None:
            _dictionary = None
            analyses.cache_clear()


def dictionary():
    """What Grammalecte's dictionary says of words (``getMorph``), which our own rules
    read with its conjugation tables; None when Grammalecte is missing.

    The engine's dictionary when the engine is loaded; else the table of readings built
    with the lexicon (:mod:`.morphology`), mapped from disk, else Grammalecte's dictionary
    alone: the fast checks beside a build (spelling, typography, our grammar rules) need
    nothing else, and the engine is three times the dictionary's memory. Grammalecte's
    pass on new paragraphs loads the engine later, in a process of its own or after them.
    """
    global _dictionary
    if _engine:
        _dictionary = None  # the same answers: one copy is enough
        return _engine.getSpellChecker()
    if _dictionary is None:
        _dictionary = morphology.load(_morphology_folder) or False
        if not _dictionary:
            try:
                from grammalecte.graphspell.spellchecker import SpellChecker

                # The same dictionary as the engine's (grammalecte/fr/gc_engine.py, load).
                _dictionary = SpellChecker("fr", morphology.DICTIONARY, "", "")
            except Exception:
                _dictionary = False
                engine()  # says once that grammar is off
    return _dictionary or None


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
        if " " not in word and _noun_not_adjective(_tags(checker, word), text, end):
            return True
        # The same disagreement told on the head noun (« des responsables marketing »:
        # « responsables » should agree with « marketing »): its partner, the word right
        # after it, is a noun used as a complement, which agrees with nothing.
        partner = _partner(message, word)
        after = _WORD_AFTER.match(text, end)
        if (
            partner
            and after
            and after.group(1) == partner
            and _noun_not_adjective(_tags(checker, partner), text, after.end())
        ):
            return True
    return _misread_in_context(checker, rule, text, start, end, message)


def _noun_not_adjective(tags: list[str], text: str, end: int) -> bool:
    """A word that is a noun and never an adjective or a participle: after another noun,
    its complement (« une stratégie marketing »). A noun that may also be a finite verb is
    one only where the noun phrase goes on or ends after it (« des clients cibles et… »),
    not before what follows a verb (« des consommateurs estimes que… »)."""
    if not tags or not all(":N" in t or t.startswith(":V") for t in tags):
        return False
    if not any(":N" in t for t in tags) or any(":A" in t or ":Q" in t for t in tags):
        return False
    if all(":N" in t for t in tags):
        return True
    return bool(_PHRASE_GOES_ON.match(text, end))


# What may follow a noun phrase, not only a verb: a sign, a coordination, a preposition,
# or the clitic that opens the verb group after it (« vos clients cibles s’y trouvent »:
# a verb does not follow a verb but through a link; « cibles » is no verb there).
_PHRASE_GOES_ON = re.compile(
    r"\s*(?:$|[,.;:!?)»”\"]|(?:et|ou|de|d’|d'|du|des|à|au|aux|pour|sur|en|dans|avec|se|ne|y"
    r"|s’|s'|n’|n')(?=[\s\w]))"
)


_WORD_AFTER = re.compile(r"[ \u00a0\u202f]+([^\W\d_][\w’'-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'-]*)[ \u00a0\u202f]+$")
_QUOTED = re.compile(r"«\s?([^«»]+?)\s?»")
# Adverbial locutions whose first word Grammalecte takes for an adjective that must agree
# with the noun before it (« chercher nos billets autre part »: « ailleurs »; Grevisse,
# locutions adverbiales with « part »).
_PART_LOCUTIONS = word_set("autre nulle quelque")
# The subject pronoun a verb of a person calls for (« sans sujet » rules).
_SUBJECT_OF = {"1p": ("nous",), "2p": ("vous",)}


def _partner(message: str, word: str) -> str:
    """The other word of a disagreement with ``word``, as Grammalecte's message quotes it
    (« Accord de nombre erroné avec « marketing » »), or ""."""
    quoted = _QUOTED.findall(message.replace("“", "« ").replace("”", " »"))
    return next((q.strip() for q in quoted if q.strip() != word), "")


def _sentence_before(text: str, start: int) -> str:
    """The text of the sentence before ``start``."""
    before = text[:start]
    stop = max(before.rfind(c) for c in ".!?…:;")
    return before[stop + 1 :]


_INTENSIFIERS = frozenset({"hyper", "super", "ultra", "méga", "giga"})
# Prepositional phrases ending in « à » (Grevisse, § 1036, locutions prépositives).
_PREPOSITIONAL_BEFORE_A = re.compile(
    r"(?i)(?:par rapport|grâce|face|quant|suite|jusqu[’']|conformément|contrairement"
    r"|relativement|parallèlement|préalablement|antérieurement|postérieurement)\s*$"
)
_COLOURS = word_set(
    "vert verts verte vertes bleu bleus bleue bleues rouge rouges jaune jaunes gris grise"
    " grises brun bruns brune brunes rose roses violet violets violette violettes"
)
_QUALIFIED_COLOUR = re.compile(
    r"[ \u00a0](?:foncé|clair|pâle|vif|sombre|électrique|fluo|tendre|profond|pomme|bouteille"
    r"|marine|ciel|nuit|roi|canard|sapin|olive)\b"
)
_ON_BEFORE = re.compile(
    r"\b[Oo]n\s+(?:ne\s+|n[’'])?(?:s[’']|l[’']|nous\s+)?"
    r"(?:est|était|sera|serait|a|avait|aura|aurait)\s+(?:\w+\s+)?$"
)


def _misread_in_context(checker, rule: str, text: str, start: int, end: int, message: str) -> bool:
    """Grammalecte findings that the words around show it misread (each case: why)."""
    word = text[start:end]
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    # A colour qualified by another word is invariable (« des banderoles vert foncé »;
    # Grevisse, § 555; BDL, « Adjectifs de couleur »): no agreement to ask of it.
    if "gn_" in rule and _QUALIFIED_COLOUR.match(text, end) and word.lower() in _COLOURS:
        return True
    # A first name after « Mme », « Madame »: the person is a woman, whatever gender the
    # dictionary gives the name (« Mme Laurent, rédactrice »).
    if "gn_start_prn" in rule:
        name = re.search(r"[«“]\s?([\w-]+)\s?[»”]", message)
        if name and re.search(
            rf"\b(?:Mme|Madame|Mlle|Mademoiselle)\.?\s+{re.escape(name.group(1))}\b", text
        ):
            return True
    # « on » for « nous »: the participle may take the gender and number of the people
    # meant (Grevisse, § 438; BDL, « On »: « on s’est disputées »), not a mistake.
    if (
        "ppas_" in rule
        and word.lower().endswith("s")
        and _ON_BEFORE.search(text[max(0, start - 40) : start])
    ):
        return True
    # A word set alone in quotation marks is cited or used in a sense of the author's
    # (« nous sommes tous « égo » »): a mention, which agrees with nothing (Grevisse,
    # autonymie; the quotation marks of a coinage).
    if (
        ("gn_" in rule or "ppas_" in rule)
        and re.search(r"[«“\"][ \u00a0\u202f]?$", before)
        and re.match(r"[ \u00a0\u202f]?[»”\"]", after)
    ):
        return True
    if "gn_" in rule:
        partner = _partner(message, word)
        # Two capitalised words in mid-sentence are a name (« avec Black Lives Matter »,
        # the title of a work, a brand): names do not take French agreement. « des
        # Africain » stays wrong: its determiner is no name.
        if (
            word[:1].isupper()
            and partner[:1].isupper()
            and " " not in word
            and _sentence_before(text, start).strip()
        ):
            return True
        # « chercher nos billets autre part »: the locution, not an adjective.
        if word.lower() in _PART_LOCUTIONS and re.match(r"[ \u00a0]part\b", text[end : end + 6]):
            return True
        # « côté entreprise », « côté client »: « côté » and a noun, a locution (Larousse,
        # côté: « du côté de »; « côté » + noun), not the participle of « coter » that the
        # noun would agree with.
        previous = _WORD_BEFORE.search(text, 0, start)
        if partner.lower() == "côté" and previous and previous.group(1).lower() == "côté":
            return True
        if " " not in word and _qualifies_next_noun(checker, text, word, end):
            return True
        # An acronym takes the gender of the noun it shortens (« la TL », la timeline;
        # « la SNCF »: Grevisse, genre des sigles), which Grammalecte cannot know.
        if "genre" in message and re.fullmatch(r"[A-Z]{2,5}s?", partner):
            return True
        if _determiner_of_first_noun(checker, text, word, end, partner):
            return True
        if "pfx_en" in rule and " " not in word and _agrees_before_en(checker, text, word, start):
            return True
        if "nombre_chiffres" in rule and _number_of_a_name(text, start):
            return True
        # An adjective that agrees with the noun right before it qualifies that noun, the
        # complement of the one Grammalecte chose (« les éditeurs de presse française »:
        # the press is French; Grevisse, adjectif après un complément du nom).
        previous = _WORD_BEFORE.search(text, 0, start)
        if (
            previous
            and "Accord de" in message
            and partner
            and previous.group(1) != partner
            and " " not in word
        ):
            noun = _tags(checker, previous.group(1))
            if not any(t.startswith(":G") for t in noun) and _agrees(noun, _tags(checker, word)):
                return True
    if "conf_" in rule and _acronym(text, start, end):
        return True
    # « hyper », « super »… before an adjective: the familiar adverb of degree, invariable
    # (Le Robert, « hyper- », « super » fam. adv.), not an adjective to agree.
    if (
        ("gn_" in rule or "ppas_" in rule)
        and word.lower() in _INTENSIFIERS
        and (following := re.match(r"\s+([^\W\d_]+)", text[end:]))
        and any(t.startswith((":A", ":N:A")) or ":Q" in t for t in _tags(checker, following[1]))
    ):
        return True
    # After a preposition, « voir » is the infinitive (« pour voir différentes offres »).
    if (
        "conf_voir_voire" in rule
        and word.lower() == "voir"
        and (
            (previous := re.search(r"([^\W\d_]+)\s+$", text[:start]))
            and any(t.startswith(":G:R") for t in _tags(checker, previous[1]))
        )
    ):
        return True
    # « à » ending a prepositional phrase (« par rapport à », « grâce à », « face à »…):
    # no verb « a » there.
    if (
        "conf_a_à" in rule
        and word.lower() == "à"
        and _PREPOSITIONAL_BEFORE_A.search(text[max(0, start - 20) : start])
    ):
        return True
    if rule == "doublon" and word.split()[0].lower() in _EXPRESSIVE_REPEATS:
        return True
    if "sans_sujet" in rule:
        # « Par contre vous pouvez »: Grammalecte reads « contre vous » as a preposition and
        # its object; the pronoun right before the verb of its person is its subject.
        person = re.search(r"conj_(\d[sp])_sans_sujet", rule)
        previous = _WORD_BEFORE.search(text, 0, start)
        if (
            person
            and previous
            and previous.group(1).lower() in _SUBJECT_OF.get(person.group(1), ())
        ):
            return True
    if "conj_" in rule and " " not in word and any(":N" in t for t in _tags(checker, word)):
        # « si vos mots cibles auront de l’impact »: a word that can be a noun, right
        # before a verb that can be nothing else, is part of the subject (an apposed
        # noun), not its verb: two finite verbs do not follow each other without a link.
        following = _WORD_AFTER.match(text, end)
        if following:
            tags = _tags(checker, following.group(1))
            if tags and all(
                t.startswith(":V") and any(x in t for x in _TENSES) and ":Q" not in t for t in tags
            ):
                return True
    if "tu_" in rule and "/" in word:
        # « copier/coller une page »: a slash between two words joins alternatives or
        # steps on purpose; the hyphen of the compound noun is not what was meant.
        return True
    if "imp_union" in rule and _coordinated_indicative(checker, text, start, word):
        return True
    # « Indiquez la ou les personnes concernées »: « la » is the first of two coordinated
    # determiners (Grevisse, déterminants coordonnés), no pronoun.
    return "imp_union" in rule and bool(
        re.match(r"\s+ou\s+(?:les|le|la|l['’])", text[end : end + 12])
    )


def _agrees(noun_tags: list[str], adjective_tags: list[str]) -> bool:
    """Whether an adjective's form agrees in gender and number with a noun."""
    nouns = [t for t in noun_tags if t.startswith(":N")]
    adjectives = [t for t in adjective_tags if ":A" in t]
    if not nouns or not adjectives:
        return False

    def fits(a: str, b: str, codes: str) -> bool:
        mine = {c for c in codes if f":{c}" in a}
        theirs = {c for c in codes if f":{c}" in b}
        return not mine or not theirs or bool(mine & theirs)

    return any(
        fits(
            n.replace(":e", ":m:f").replace(":i", ":s:p"),
            a.replace(":e", ":m:f").replace(":i", ":s:p"),
            "mf",
        )
        and fits(n.replace(":i", ":s:p"), a.replace(":i", ":s:p"), "sp")
        for n in nouns
        for a in adjectives
    )


def _qualifies_next_noun(checker, text: str, word: str, end: int) -> bool:
    """An adjective set before the noun it qualifies, which agrees with that noun
    (« met à disposition différents formats », « L’Imam, petite silhouette dans son
    habit »): Grammalecte agreed it with the noun before it, which it does not qualify.
    A disagreement with the noun after it stays (« des belle maisons »)."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    adjective = _tags(checker, word)
    # Not a participle, which follows its noun (« en raison dû changement »: « du »).
    if not any(":A" in t for t in adjective) or any(":Q" in t for t in adjective):
        return False
    noun = _tags(checker, after.group(1))
    return any(t.startswith(":N") for t in noun) and _agrees(noun, adjective)


# « des besoins en recrutement conséquents »: a determiner and the noun after it, the head
# of the phrase, then « en » and its complement (one or two words).
_HEAD_BEFORE_EN = re.compile(
    r"(?<![\w’'])(?:([^\W\d_]+)[ \u00a0]+|[ldLD]['’])([^\W\d_][\w’'-]*)[ \u00a0]+en[ \u00a0]+"
    r"(?:[^\W\d_][\w’'-]*[ \u00a0]+){1,2}$"
)


def _agrees_before_en(checker, text: str, word: str, start: int) -> bool:
    """An adjective after « en » and its noun that agrees with the noun before « en »,
    after its determiner (« des besoins en recrutement conséquents », « des mises en situation
    professionnelles »): it qualifies the head of the phrase, as an adjective after a
    complement may (Grevisse, adjectif après un complément du nom); Grammalecte agreed it
    with the complement of « en ». One that agrees with neither stays wrong (« des
    formations en ligne gratuit »)."""
    head = _HEAD_BEFORE_EN.search(text, 0, start)
    # A noun of a noun phrase, after its determiner: not « sans doute en raison dû
    # changement », where « doute » heads nothing the adjective could qualify.
    if head is None or (head.group(1) and head.group(1).lower() not in _DETERMINERS):
        return False
    noun = _tags(checker, head.group(2))
    return not any(t.startswith(":G") for t in noun) and _agrees(noun, _tags(checker, word))


_NUMBER_AFTER_NAME = re.compile(r"([^\W\d_][\w’'-]*)[ \u00a0]+\d+(?:[.,]\d+)?[ \u00a0]+$")


def _number_of_a_name(text: str, start: int) -> bool:
    """A number after a capitalised word in mid-sentence is part of a name (« LCC 99
    sujet : », the episode of a podcast; « Windows 10 »), not the count of the noun after
    it (« les 5 conseil » stays wrong: a determiner, no name)."""
    before = _NUMBER_AFTER_NAME.search(text, 0, start)
    return bool(
        before
        and before.group(1)[:1].isupper()
        and before.group(1).lower() not in _DETERMINERS
        and _sentence_before(text, before.start(1)).strip()
    )


_FEMININE_DET = word_set("une la cette ma ta sa")
_MASCULINE_DET = word_set("un le ce cet mon ton son")


def _determiner_of_first_noun(checker, text: str, word: str, end: int, partner: str) -> bool:
    """A determiner that agrees in gender with the noun right after it, told to agree with
    the noun after that one, its complement (« une politique marketing »: « marketing »
    qualifies « politique » as a noun used as a complement and agrees with nothing)."""
    lower = word.lower()
    gender = ":f" if lower in _FEMININE_DET else ":m" if lower in _MASCULINE_DET else ""
    first = _WORD_AFTER.match(text, end)
    if not gender or not partner or first is None or first.group(1) == partner:
        return False
    second = _WORD_AFTER.match(text, first.end())
    if second is None or second.group(1) != partner:
        return False
    nouns = [t for t in _tags(checker, first.group(1)) if t.startswith(":N")]
    fits = any(gender in t or ":e" in t for t in nouns)
    return fits and _noun_not_adjective(_tags(checker, partner), text, second.end())


def _acronym(text: str, start: int, end: int) -> bool:
    """A word of two to four capitals among lower-case words is an acronym (« vers SA et
    gradle », Android Studio; « une SA », a société anonyme), not the homophone it spells
    (« sa », « ça »): Grammalecte's confusion rules read it in lower case."""
    word = text[start:end]
    if not (2 <= len(word) <= 4 and word.isalpha() and word.isupper()):
        return False
    around = re.findall(
        r"[^\W\d_]{2,}", text[max(0, start - 30) : start] + " " + text[end : end + 30]
    )
    return any(not w.isupper() for w in around)


# Words French repeats on purpose, for emphasis (« oui oui, le droit », « non non »;
# Grevisse, la répétition expressive): no doubled word to delete.
_EXPRESSIVE_REPEATS = word_set("oui non si ah oh eh ha hé ho bon ouais")


_PRONOUN_PERSON = {"je": "1s", "j'": "1s", "il": "3s", "elle": "3s", "on": "3s", "tu": "2s"}


def _coordinated_indicative(checker, text: str, start: int, found: str) -> bool:
    """« je maintiens l’allure et passe le semi »: after « et », a verb that shares the
    subject of the verb before it (same person) is an indicative, not an imperative
    missing its hyphen (« passe-le »)."""
    sentence = _sentence_before(text, start)
    if not re.search(r"\b(?:et|puis|mais)[ \u00a0]+$", sentence):
        return False
    verb = found.split()[0]
    persons = {
        p for t in _tags(checker, verb) if ":Ip" in t for p in ("1s", "2s", "3s") if f":{p}" in t
    }
    subjects = re.findall(r"(?<![\w’'])(je|j[’']|tu|il|elle|on)(?![\w’'])", sentence, re.I)
    return any(_PRONOUN_PERSON[s.lower().replace("’", "'")] in persons for s in subjects)


# -- words and their morphology --------------------------------------------------------------

# A word (hyphens inside, an elision's apostrophe at its end: « l’ », « aujourd’ »), a
# number, or one sign.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?|\d+(?:[.,]\d+)*|[^\w\s]")


@functools.lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """Grammalecte's readings of ``word`` as (lemma, tags): ``("publier", ":V1_it____a:Q:A…")``."""
    spell = dictionary()
    if spell is None or not word[:1].isalpha():
        return ()
    morphs = spell.getMorph(word) or spell.getMorph(word.lower())
    found = []
    for morph in morphs:
        lemma, _, tags = morph.partition("/")
        found.append((lemma.lstrip(">"), tags.rpartition("/")[0] or tags))
    return tuple(found)


class Token:
    """A word or a sign of a paragraph, with Grammalecte's readings (looked up on demand)."""

    __slots__ = ("_lemmas", "_tags", "end", "norm", "start", "text")

    def __init__(self, text: str, start: int, end: int, norm: str | None = None):
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm if norm is not None else text.replace("’", "'").lower()
        self._tags = self._lemmas = None

    # Every rule asks a word for its readings, a hundred thousand times for a page: each
    # token makes its tuples once.
    @property
    def tags(self) -> tuple[str, ...]:
        if self._tags is None:
            self._tags = tuple(tags for _, tags in analyses(self.text))
        return self._tags

    @property
    def lemmas(self) -> tuple[str, ...]:
        if self._lemmas is None:
            self._lemmas = tuple(lemma for lemma, _ in analyses(self.text))
        return self._lemmas

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
        # Two links or images in a row, left out of the text (one placeholder each, read
        # as « X X »): no word is doubled.
        if rule == "doublon" and not text[start:end].replace(PLACEHOLDER, "").strip():
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
_OF_COMPLEMENT = word_set("de d' du des")
_TIME_NOUNS = word_set(
    "semaine mois trimestre semestre année an jour soir matin week-end lundi mardi mercredi"
    " jeudi vendredi samedi dimanche été hiver printemps automne"
)
# Words after which a clause, and its subject, starts: coordinating conjunctions and the
# subordinators of an indirect question or a clause of time or cause (« je ne comprends
# pas pourquoi mes vidéos ne décolle pas »).
_CLAUSE_LINKS = word_set("mais car donc puis pourquoi comment quand lorsque lorsqu' puisque")
_GROUP_NOUNS = word_set("équipe groupe bande foule jury")
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


# Adjectives placed before the noun (Grevisse, § 331: the short, common ones).
_BEFORE_NOUN = frozenset(
    {
        "nouveau",
        "grand",
        "petit",
        "vieux",
        "beau",
        "bon",
        "mauvais",
        "jeune",
        "gros",
        "long",
        "joli",
        "premier",
        "dernier",
        "prochain",
        "meilleur",
        "ancien",
        "vrai",
        "haut",
    }
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
    while j < len(words) and (
        _nominal(words[j])
        or _inclusive_ending(words, j)
        # a noun that is a verb too after an adjective placed before nouns (« du nouveau
        # catalogue »): the adjective announces the noun (Grevisse, place de l’épithète)
        or (
            j > i
            and set(words[j - 1].lemmas) & _BEFORE_NOUN
            and words[j].norm not in _VERB_FIRST
            and _has(words[j], ":N")
            and not any(t.startswith(":G") for t in words[j].tags)
        )
    ):
        j += 2 if words[j].norm == "·" else 1
    return j


_DAYS = word_set("lundi mardi mercredi jeudi vendredi samedi dimanche")


def _inclusive_ending(words: list[Token], j: int) -> bool:
    """« · » and the ending of an inclusive noun (« les participant·e·s »)."""
    return words[j].norm == "·" and j + 1 < len(words) and words[j + 1].text.isalpha()


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
        elif word.norm == "," and (close := _insert_end(words, j)) is not None:
            j = close
        elif word.norm in _DAYS and words[j - 1].norm not in _BOUNDARY:
            # A day as a complement of time (« l’atelier organisé jeudi dernier au… »).
            j += 1
            while j < len(words) and words[j].norm in ("dernier", "prochain", "soir", "matin"):
                j += 1
        elif (
            word.norm in _DETERMINERS
            and j + 1 < len(words)
            and words[j + 1].norm in _TIME_NOUNS
            and words[j - 1].norm not in _BOUNDARY
        ):
            # A complement of time, a circumstance (« Les changements annoncés par Meta ce
            # trimestre concerne »): the verb comes after it.
            j += 2
            while j < len(words) and words[j].norm in (
                "dernier",
                "dernière",
                "prochain",
                "prochaine",
            ):
                j += 1
        else:
            return j
    return j


# An insert between commas that has no verb of its own: a participle and its complements
# (« Les candidatures, accompagnées d’un portfolio, doit »), a prepositional phrase
# (« Les vidéos d’aide, en anglais uniquement, n’aide pas »). The subject goes on after it.
_INSERT_WORDS = 12


def _insert_end(words: list[Token], j: int) -> int | None:
    """The token after the closing comma of an insert opened at ``words[j]``, or None."""
    first = words[j + 1] if j + 1 < len(words) else None
    if first is not None and first.norm in ("que", "qu'") and j > 0 and _has(words[j - 1], ":N"):
        # An explicative relative between commas (« Les photos du catalogue, que le
        # photographe a prises au port, montre »): its verb is its own, and the subject
        # goes on after it (Grevisse, § 897: the verb agrees with its subject, not with a
        # nearer noun). Only a relative in « que » after a noun: « qui » may be the
        # subject of what follows.
        for k in range(j + 2, min(len(words), j + 2 + 2 * _INSERT_WORDS)):
            word = words[k]
            if word.norm == ",":
                return k + 1 if k > j + 3 else None
            if word.norm in _BOUNDARY or word.norm in ("qui", "que", "qu'", "et", "</s>"):
                return None
        return None
    # Not « avec », which may join a second subject (« Le président, avec ses ministres,
    # ont décidé »: Grevisse, accord avec des sujets joints par « avec »).
    if (
        first is None
        or first.norm == "avec"
        or not (
            first.norm in _PREPOSITIONS
            or first.norm in ("surtout", "notamment", "comme")
            or any(t.startswith(":V") and ":Q" in t for t in first.tags)
        )
    ):
        return None
    for k in range(j + 2, min(len(words), j + 2 + _INSERT_WORDS)):
        word = words[k]
        if word.norm == ",":
            return k + 1 if k > j + 2 else None
        if word.norm in _BOUNDARY or word.norm in ("qui", "que", "qu'", "</s>"):
            return None
        if any(t.startswith(":V") and any(x in t for x in _TENSES) for t in word.tags) and not any(
            # (« entre » is the preposition before « deux clients », not « il entre »)
            t.startswith((":N", ":A", ":G:R")) or ":Q" in t
            for t in word.tags
        ):
            return None  # a verb: a clause, not an insert
    return None


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
    # After a subject taken up by « eux », « elles » between commas, the verb comes next
    # (« Les dépenses de formation, elles, reste stables »).
    resumed = j >= 2 and words[j - 1].norm == "," and words[j - 2].norm in ("eux", "elles")
    # After a reflexive pronoun only a verb comes (« s’attache à ce qui dure »).
    resumed = resumed or (j >= 1 and words[j - 1].norm in ("se", "s'"))
    after = j + 1
    if (
        after + 1 < len(words)
        and words[after].tags
        and all(t.startswith(":W") for t in words[after].tags)
    ):
        after += 1  # an adverb between the verb and its object (« montre enfin les produits »)
    if ambiguous and not resumed and after < len(words) and words[after].norm not in _AFTER_VERB:
        return None
    return j


def _form(token: Token, person: str) -> str | None:
    """``token``'s verb at ``person`` (":3s", ":3p"...), same tense: « aime » → « aiment »."""
    from grammalecte.fr import conj  # loaded with the engine; only asked when one is found

    # « être » and « avoir » first: « étaient » is also a form of « étayer ».
    readings = sorted(analyses(token.text), key=lambda r: r[0] not in ("être", "avoir"))
    for lemma, tags in readings:
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


def _completive(words: list[Token], q: int) -> bool:
    """Whether « que » at ``words[q]`` opens a completive: right after a verb other than
    « être » (« vérifier que », « je sais que »), not a relative, a comparison or « ne …
    que »."""
    verb = words[q - 1]
    return (
        any(t.startswith(":V") for t in verb.tags)
        and not any(t.startswith((":N", ":A", ":G", ":W")) for t in verb.tags)
        and "être" not in verb.lemmas
        and not any(w.norm in ("ne", "n'") for w in words[max(q - 4, 0) : q])
    )


def check_agreement(text: str, words: list[Token]) -> list[Hit]:
    """Verbs that disagree with a subject Grammalecte does not link them to."""
    hits = []
    for i in range(1, len(words) - 1):
        before = words[i - 1].norm
        # A subject starts a sentence, or a clause after a coordinating conjunction; the
        # plural pronoun « ceux » after a comma too (« En revanche, ceux sur… »).
        if not (
            before in _BOUNDARY
            or before in _CLAUSE_LINKS
            or (before == "," and (words[i].norm in ("ceux", "celles") or _after_intro(words, i)))
            # a completive after a verb (« vérifiez que les liens du courriel mène »)
            or (before in ("que", "qu'") and _completive(words, i - 1))
        ):
            continue
        first = i
        if words[i].norm in ("tous", "toutes") or (
            words[i].norm in ("tout", "toute") and words[i + 2].norm != "monde"
        ):
            first = i + 1  # « toute l’équipe »; « tout le monde » has a rule of its own
        head = words[first].norm
        if head in ("ceux", "celles"):
            # « ceux sur les statistiques était », « ceux qui abandonnent … ne laisse »:
            # the demonstrative pronoun is plural.
            j = _complements(words, first + 1)
            verb = _verb_at(words, j)
            if j > first + 1 and verb is not None:
                token = words[verb]
                if _finite(token, ":3s") and not _finite(token, ":3p"):
                    found = _agreement_hit(token, ":3p", _quote(text, words, i, j))
                    if found:
                        hits.append(found)
            continue
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
        # A collective noun followed by its complement may agree with the complement (« un
        # groupe de fans sont venus »); alone, it is singular (« toute l’équipe a commencé »).
        # « Le nombre de » is singular whatever follows (« le nombre d’abonnés était »;
        # « un grand nombre de » takes the plural: Grevisse, accord avec « nombre »).
        definite_number = head in ("le", "ce") and words[first + 1].norm == "nombre"
        if not nouns or (
            any(w.norm in _COLLECTIVE for w in words[first + 1 : end])
            and (end >= len(words) or words[end].norm in _OF_COMPLEMENT or plural)
            and not definite_number
        ):
            continue
        if plural and not any(
            (_has(w, ":N") and (":p" in "".join(w.tags) or ":i" in "".join(w.tags))) or _unknown(w)
            for w in nouns
        ):
            continue
        j = _complements(words, end)
        group = any(w.norm in _GROUP_NOUNS for w in words[first + 1 : end])
        if j == end and words[end].norm not in ("ne", "n'") and not group:
            # Next to its subject, Grammalecte's own rules see it; not past « ne » (« mes
            # vidéos ne décolle pas »), nor after a noun of a group without its complement,
            # which it lets agree with the meaning (« toute l’équipe ont »: singular;
            # Grevisse, accord avec un nom collectif). Nouns of a quantity may take the
            # plural of the meaning (« la moitié sont partis »).
            continue
        verb = _verb_at(words, j)
        if verb is None:
            continue
        token = words[verb]
        person = ":3p" if plural else ":3s"
        if plural and _finite(token, ":3s") and not _finite(token, ":3p"):
            found = _agreement_hit(token, ":3p", _quote(text, words, i, end))
        elif not plural and _finite(token, ":3p") and not _finite(token, ":3s"):
            found = _agreement_hit(token, ":3s", _quote(text, words, i, end))
        elif (
            not _finite(token, person)
            and any(_finite(token, p) for p in (":1s", ":2s", ":1p", ":2p"))
            and not any(t.startswith((":N", ":A")) for t in token.tags)  # « trois missions »
            # « les devices avec ICS inclus » : a participle, no verb of the first person
            and not any(":Q" in t for t in token.tags)
            and not any(w.norm in ("nous", "vous", "je", "tu") for w in words[j:verb])
        ):
            # A noun subject and a verb of the first or second person (« les personnes
            # inscrites recevrons »): a noun is of the third person.
            found = _agreement_hit(token, person, _quote(text, words, i, end))
        else:
            found = None
        if found:
            hits.append(found)
    return hits


_SUBORDINATORS = word_set("quand lorsque lorsqu' puisque puisqu' comme")
_SUBORDINATORS_2 = {
    ("depuis", "que"),
    ("depuis", "qu'"),
    ("dès", "que"),
    ("dès", "qu'"),
    ("parce", "que"),
    ("parce", "qu'"),
    ("pendant", "que"),
    ("pendant", "qu'"),
    ("bien", "que"),
    ("bien", "qu'"),
    ("après", "que"),
    ("après", "qu'"),
}


def _after_intro(words: list[Token], i: int) -> bool:
    """Whether the comma before ``words[i]`` closes a short introduction of the sentence
    without a verb (« Autrefois, », « Par exemple, », « Dans ce cas, »): the subject
    comes next; or a subordinate clause opening the sentence (« Depuis que nous publions
    des témoignages, les ventes… »): the main clause and its subject follow its comma
    (Grevisse, § 1073 on the place of adverbial clauses)."""
    for k in range(i - 2, max(-1, i - 25), -1):
        if words[k].norm in _BOUNDARY:
            opener = [w.norm for w in words[k + 1 : k + 3]]
            if opener[0] in _SUBORDINATORS or tuple(opener) in _SUBORDINATORS_2:
                return True
            break
        if words[k].norm in (",", "qui"):
            break
    for k in range(i - 2, max(-1, i - 7), -1):
        if words[k].norm in _BOUNDARY:
            return k < i - 2
        if words[k].norm in (",", "qui", "que", "qu'") or any(
            t.startswith(":V") and any(x in t for x in _TENSES) for t in words[k].tags
        ):
            return False
    return False


def _quote(text: str, words: list[Token], i: int, j: int) -> str:
    return " ".join(text[words[i].start : words[j - 1].end].split())


# -- everything -------------------------------------------------------------------------------


def _ours(text: str, words: list[Token]) -> Iterator[Hit]:
    yield from homophones.find(text, words, split)
    yield from check_agreement(text, words)
    if dictionary() is not None:  # the verb rules read Grammalecte's conjugation tables
        yield from verbs.check_conjugation(text, words)
        yield from verbs.check_vous(text, words)
        yield from verbs.check_imperatives(text, words)
        yield from verbs.check_imperative_hyphen(text, words)
        yield from verbs.check_conditional(text, words)
        yield from verbs.check_participle(text, words)
        yield from verbs.check_plural_subjects(text, words)
        yield from moods.check_subjunctive(text, words)
        yield from moods.check_pronoun_qui(text, words)
        yield from moods.check_pronominal_participle(text, words)
        yield from moods.check_infinitive(text, words)
        yield from moods.check_invariable(text, words)
        yield from moods.check_noun_participle(text, words)
        yield from moods.check_classes(text, words)
        yield from moods.check_more_classes(text, words)
        yield from moods.check_constructions(text, words)
        yield from moods.check_agreement_and_tense(text, words)


def check(text: str, use_grammalecte: bool = True) -> list[Hit]:
    """Grammar findings of a segment's text: Grammalecte, the homophone table, agreement."""
    plain = text.replace("\n", " ").replace(PLACEHOLDER, "X")
    words = tokens(plain)
    hits = check_grammalecte(text, words) if use_grammalecte else []
    confirmed = set()
    for hit in _ours(plain, words):
        hits = _merge(hits, hit)
        confirmed.add((hit.start, hit.end))
    return _without_consequences(plain, hits, confirmed)


def _without_consequences(
    text: str, hits: list[Hit], confirmed: set[tuple[int, int]] = frozenset()
) -> list[Hit]:
    """``hits`` less Grammalecte's findings that only follow from a mistake found before.

    Grammalecte reads the word after a confused homophone as the wrong form has it
    (« son indispensables »: « indispensables » should be singular; « on particulièrement
    apprécié »: a verb is missing; « n’y aux e-mails »: « aux » should be a verb), and
    agrees a participle with a verb whose person is wrong (« les vidéos était prêts »:
    « prêts » should be singular). Once the homophone or the verb is reported, those are
    the same mistake told again, on the wrong word. A finding one of our rules made too
    (``confirmed`` spans) is a mistake of its own (« on si prend »: « s’y », whatever
    Grammalecte says of « on »).
    """
    hits = [
        h
        for h in hits
        if not _told_twice(text, h, hits) and not _auxiliary_read(text, h, hits, confirmed)
    ]
    causes = [h for h in hits if h.rule in _CAUSES or "__conf_" in h.rule]
    if not causes:
        return hits
    kept = []
    for hit in hits:
        if (
            hit.rule.startswith("grammalecte:")
            and (hit.start, hit.end) not in confirmed
            and any(
                cause is not hit
                and _follows(text, cause, hit, (cause.start, cause.end) in confirmed)
                for cause in causes
            )
        ):
            continue
        kept.append(hit)
    return kept


def _auxiliary_read(text: str, hit: Hit, hits: list[Hit], confirmed) -> bool:
    """Grammalecte's « son » for « sont » right before a participle one of our rules
    agrees with « sont » (« elles sont monté » → « montées »): the verb is the auxiliary,
    the mistake is the participle's agreement."""
    return "conf_son_sont" in hit.rule and any(
        (other.start, other.end) in confirmed
        and hit.end <= other.start
        and not text[hit.end : other.start].strip()
        for other in hits
    )


def _told_twice(text: str, hit: Hit, hits: list[Hit]) -> bool:
    """Grammalecte's second telling of a mistake it reports on another word: « J’ai du
    regarder » (« du » → « dû », then « regarder » read as a noun after the determiner
    « du »), « les écarts peut être surprenants » (« peut » → « peuvent », then
    « surprenants » agreed with « peut »). The finding on the word really wrong stays."""
    if not hit.rule.startswith("grammalecte:"):
        return False
    for other in hits:
        if other is hit:
            continue
        named = f"« {text[other.start : other.end]} »" in hit.message.replace("“", "« ").replace(
            "”", " »"
        )
        if not named:
            continue
        if (
            "conf_déterminant" in hit.rule
            and other.end <= hit.start
            and not text[other.end : hit.start].strip()
        ):
            return True
        if ":ppas:" in hit.rule and ":conj:" in other.rule:
            return True
    # « du bouche à oreille », « le coupe vent »: the compound Grammalecte wants hyphened
    # right after a determiner it agrees with the compound's first word (« bouche » is
    # feminine); the compound is the mistake (« le bouche-à-oreille »), told once.
    if ":gn:" in hit.rule and " " not in text[hit.start : hit.end]:
        return any(
            ":tu:" in other.rule
            and hit.end <= other.start
            and not text[hit.end : other.start].strip()
            and f"« {text[other.start : other.end].split()[0]} »"
            in re.sub(r"[\u00a0\u202f]", " ", hit.message)
            for other in hits
        )
    return False


# Our findings that change how the words after them read.
_CAUSES = frozenset({"homophone", "accord-sujet", verbs.NONEXISTENT, verbs.WRONG_FORM})


def _follows(text: str, cause: Hit, hit: Hit, confirmed: bool = False) -> bool:
    """Whether ``hit`` is Grammalecte's reading of what follows ``cause``'s wrong form
    (``confirmed``: one of our homophone rules found the cause too)."""
    if cause.end <= hit.start and not text[cause.end : hit.start].strip():
        # The next word: read as the wrong form has it (« Mes il » , « on particulièrement »).
        return True
    if hit.end <= cause.start and not text[hit.end : cause.start].strip():
        # « de la par de »: Grammalecte takes the word before for the homophone.
        return "__conf_" in hit.rule and (cause.rule == "homophone" or confirmed)
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
                # a construction the usage guides call a mistake (« malgré que ») is
                # grammar, whatever style remark Grammalecte makes of it
                return (
                    [ours if h is theirs else h for h in hits]
                    if ours.rule == "construction"
                    else hits
                )
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
