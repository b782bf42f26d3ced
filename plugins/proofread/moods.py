"""Verb rules on a clause's shape: the subjunctive its conjunction or verb calls for, the
person « qui » takes from a stressed pronoun, the participle of a pronominal verb, and
the infinitive after a verb that governs one.

Each rule reads Grammalecte's morphology (``Token.tags``) and its conjugation tables, as
``verbs.py`` does, and is told as ``forme-verbale`` (a real form in the wrong place).
Sources: Grevisse, *Le Bon Usage* (subjonctif, accord du verbe avec « qui », participe
passé des verbes pronominaux); Bescherelle, *La conjugaison pour tous* (infinitif après
un verbe).
"""

from __future__ import annotations

import re

from .finding import Hit, word_set
from .verbs import WRONG_FORM, _conj, _same_case

_PERSON_NAMES = {
    ":1s": "1ʳᵉ personne du singulier",
    ":2s": "2ᵉ personne du singulier",
    ":3s": "3ᵉ personne du singulier",
    ":1p": "1ʳᵉ personne du pluriel",
    ":2p": "2ᵉ personne du pluriel",
    ":3p": "3ᵉ personne du pluriel",
}
_SUBJECT_PERSON = {
    "je": ":1s",
    "j'": ":1s",
    "tu": ":2s",
    "il": ":3s",
    "elle": ":3s",
    "on": ":3s",
    "cela": ":3s",
    "ça": ":3s",
    "ce": ":3s",
    "c'": ":3s",
    "nous": ":1p",
    "vous": ":2p",
    "ils": ":3p",
    "elles": ":3p",
}
_CLITICS = word_set("ne n' se s' y en le la les l' lui leur nous vous me m' te t'")
_DET_SINGULAR = word_set("le la l' un une ce cet cette mon ton son ma ta sa notre votre leur")
_DET_PLURAL = word_set("les des ces mes tes ses nos vos leurs plusieurs quelques certains")
_FINITE = re.compile(r":(Ip|Iq|Is|If|K|Sp|Sq)")


def _hit(word, form: str, message: str) -> Hit:
    return Hit(
        word.start,
        word.end,
        "grammar",
        WRONG_FORM,
        message,
        (_same_case(form, word.text),),
    )


def _finite_readings(word) -> list[tuple[str, str]]:
    return [
        (lemma, tags)
        for lemma, tags in zip(word.lemmas, word.tags, strict=True)
        if tags.startswith(":V") and _FINITE.search(tags)
    ]


def _subject(words: list, j: int) -> tuple[str, int] | None:
    """The person of the subject at ``words[j]`` and the token after it: a pronoun, a
    determiner and a noun (and its adjectives), or a name."""
    word = words[j]
    if word.norm in _SUBJECT_PERSON:
        return _SUBJECT_PERSON[word.norm], j + 1
    if word.norm in _DET_SINGULAR | _DET_PLURAL and j + 1 < len(words):
        noun = words[j + 1]
        if not any(t.startswith(":N") for t in noun.tags):
            return None
        k = j + 2
        while k < len(words) and words[k].tags and all(t.startswith(":A") for t in words[k].tags):
            k += 1
        # A complement of the noun (« les ateliers de l’après-midi »).
        if k + 1 < len(words) and words[k].norm in ("de", "d'", "du", "des"):
            m = k + 1
            if words[m].norm in _DET_SINGULAR | _DET_PLURAL and m + 1 < len(words):
                m += 1
            if any(t.startswith(":N") for t in words[m].tags):
                k = m + 1
        return (":3p" if word.norm in _DET_PLURAL else ":3s"), k
    if word.text[:1].isupper() and word.text.isalpha() and j > 1:
        return ":3s", j + 1
    return None


def _verb_after(words: list, k: int) -> int | None:
    """The finite verb after clitics from ``words[k]`` on."""
    while k < len(words) and words[k].norm in _CLITICS:
        k += 1
    if k < len(words) and _finite_readings(words[k]):
        return k
    return None


# -- the subjunctive a conjunction or a verb calls for -----------------------------------------

# Conjunctions followed by the subjunctive (Grevisse, subjonctif dans les propositions
# adverbiales): « bien que », « pour que »... « après que » takes the indicative.
_SUBJUNCTIVE_CONJUNCTIONS = (
    ("bien",),
    ("quoique",),
    ("pour",),
    ("afin",),
    ("avant",),
    ("sans",),
    ("à", "moins"),
    ("pourvu",),
    ("en", "attendant"),
    ("de", "peur"),
    ("de", "crainte"),
    ("jusqu'à", "ce"),
)
# Verbs of will, necessity, feeling and doubt whose completive takes the subjunctive
# (Grevisse, subjonctif dans les propositions conjonctives essentielles): « il faut que »,
# « il veut qu’on change », « éviter que cela ne se reproduise », « ils regrettent que ».
# Not « douter »: « je ne doute pas qu’il est là » takes the indicative too.
_SUBJUNCTIVE_VERBS = frozenset(
    {
        "falloir",
        "vouloir",
        "souhaiter",
        "exiger",
        "éviter",
        "regretter",
        "attendre",
        "craindre",
        "préférer",
        "désirer",
        "ordonner",
        "demander",
    }
)
# « aussi bien que », « tant pour que »: comparisons, not the conjunction.
_COMPARATIVE = word_set("aussi si autant tant plus moins")


def _calls_subjunctive(words: list, i: int) -> bool:
    """Whether « que » at ``words[i]`` opens a clause in the subjunctive."""
    for conjunction in _SUBJUNCTIVE_CONJUNCTIONS:
        start = i - len(conjunction)
        if start >= 1 and tuple(w.norm for w in words[start:i]) == conjunction:
            # « bien » after a verb is its adverb (« vous pensez bien que »).
            return not (
                conjunction == ("bien",)
                and (words[start - 1].norm in _COMPARATIVE or _finite_readings(words[start - 1]))
            )
    j = i - 1
    # Past adverbs (« il veut juste qu’on change »).
    while j > 1 and any(t.startswith((":W", ":G:W")) for t in words[j].tags):
        j -= 1
    previous = words[j]
    if previous.norm in ("et", "ou", "mais"):
        # « qu’on change la couleur et qu’on mette le logo »: the same mood as the first.
        for k in range(j - 1, 0, -1):
            if words[k].norm in (".", "!", "?", ";", ":"):
                break
            if words[k].norm in ("que", "qu'"):
                return _calls_subjunctive(words, k)
        return False
    verbs = [
        lemma
        for lemma, tags in zip(previous.lemmas, previous.tags, strict=True)
        if tags.startswith(":V")
    ]
    # The verb itself, not its noun (« l’attente que »), and not « vouloir dire que ».
    # (« faut » is « faillir » too.)
    return any(lemma in _SUBJUNCTIVE_VERBS for lemma in verbs)


def _quote(words: list, i: int) -> str:
    """The words before « que » that call for the subjunctive, and « que »."""
    return " ".join(w.text for w in words[max(1, i - 2) : i + 1] if w.text)


def check_subjunctive(text: str, words: list) -> list[Hit]:
    """An indicative where the conjunction or the verb before « que » calls for the
    subjunctive: « bien que mon audience est » (soit), « il a fallu que j’apprends »
    (apprenne), « pour éviter que cela ne se reproduit » (reproduise)."""
    hits = []
    for i in range(2, len(words) - 2):
        if words[i].norm not in ("que", "qu'") or not _calls_subjunctive(words, i):
            continue
        found = _subject(words, i + 1)
        if found is None:
            continue
        person, k = found
        v = _verb_after(words, k)
        if v is None:
            continue
        verb = words[v]
        readings = _finite_readings(verb)
        if any(":Sp" in tags or ":Sq" in tags for _, tags in readings):
            continue  # « qu’on change »: the indicative and the subjunctive are one form
        reading = next(
            ((lemma, tags) for lemma, tags in readings if ":Ip" in tags and person in tags), None
        )
        if reading is None:
            continue
        form = _conj().getConj(reading[0], ":Sp", person)
        if form and form != verb.norm:
            hits.append(
                _hit(
                    verb,
                    form,
                    f"Subjonctif après « {_quote(words, i)} » : « {verb.text} » ; "
                    f"au subjonctif présent, à la {_PERSON_NAMES[person]},"
                    f" le verbe s’écrit « {form} ».",
                )
            )
    return hits


# -- « moi qui », « eux qui »: the verb takes the pronoun's person -----------------------------

# The verb after « qui » agrees with its antecedent, a stressed pronoun too (Grevisse,
# accord du verbe avec « qui »): « c’est moi qui m’occupe », « ce sont eux qui écrivent ».
_STRESSED = {
    "moi": ":1s",
    "toi": ":2s",
    "nous": ":1p",
    "vous": ":2p",
    "eux": ":3p",
    "elles": ":3p",
    "lui": ":3s",
    "elle": ":3s",
}
_REFLEXIVE = {":1s": "m’", ":2s": "t’", ":1p": "nous ", ":2p": "vous "}


def check_pronoun_qui(text: str, words: list) -> list[Hit]:
    """A verb after « stressed pronoun + qui » in another person: « ce sont eux qui
    m’écrive » (écrivent), « c’est moi qui s’occupe » (m’occupe)."""
    hits = []
    for i in range(2, len(words) - 2):
        pronoun = words[i - 1].norm
        if words[i].norm != "qui" or pronoun not in _STRESSED:
            continue
        if words[i - 2].norm not in ("est", "sont", "c'est", "était", "étaient", ",", "<s>", "."):
            continue  # « c’est moi qui », « ce sont eux qui », « Toi qui… »
        person = _STRESSED[pronoun]
        k = i + 1
        if words[k].norm in ("se", "s'") and person in _REFLEXIVE:
            reflexive = words[k]
            right = _REFLEXIVE[person]
            if right.endswith("’") and words[k].norm == "se":
                right = {"m’": "me ", "t’": "te "}[right]
            hits.append(
                Hit(
                    reflexive.start,
                    reflexive.end,
                    "grammar",
                    WRONG_FORM,
                    f"Après « {words[i - 1].text} qui », le pronom réfléchi est celui de la "
                    f"{_PERSON_NAMES[person]} : « {right.strip()} ».",
                    (right.strip(),),
                )
            )
            continue
        v = _verb_after(words, k)
        if v is None:
            continue
        verb = words[v]
        readings = _finite_readings(verb)
        if not readings or any(person in tags for _, tags in readings):
            continue
        lemma, tags = readings[0]
        tense = _FINITE.search(tags).group()
        form = _conj().getConj(lemma, tense, person)
        if form and form != verb.norm:
            hits.append(
                _hit(
                    verb,
                    form,
                    f"Accord du verbe avec « {words[i - 1].text} qui » : « {verb.text} » ; "
                    f"à la {_PERSON_NAMES[person]}, le verbe s’écrit « {form} ».",
                )
            )
    return hits


# -- the participle of a pronominal verb with « se sont » ---------------------------------------

# Pronominal verbs whose « se » is an indirect object: their participle never agrees
# (Grevisse, participe passé des verbes pronominaux: « ils se sont parlé », « elles se
# sont succédé »).
_INDIRECT_SE = frozenset(
    {
        "parler",
        "téléphoner",
        "sourire",
        "nuire",
        "plaire",
        "complaire",
        "déplaire",
        "mentir",
        "ressembler",
        "succéder",
        "suffire",
        "survivre",
        "rire",
        "écrire",
        "répondre",
        "convenir",
        "permettre",
        "demander",
        "dire",
        "promettre",
        "imaginer",
        "figurer",
    }
)


def check_pronominal_participle(text: str, words: list) -> list[Hit]:
    """« se sont » + participle: it agrees with the (plural) subject, « ils se sont
    inscrits », unless « se » is an indirect object, « ils se sont parlé »; and unless a
    direct object follows (« ils se sont lavé les mains »)."""
    hits = []
    for i in range(2, len(words) - 2):
        if words[i].norm != "sont" or words[i - 1].norm not in ("se", "s'"):
            continue
        pp = words[i + 1]
        readings = [
            (lemma, tags)
            for lemma, tags in zip(pp.lemmas, pp.tags, strict=True)
            if tags.startswith(":V") and ":Q" in tags
        ]
        if not readings:
            continue  # after « se sont », a form that is also finite is the participle
        after = words[i + 2]
        if any(":D" in t for t in after.tags) and after.norm not in ("de", "d'"):
            continue  # a direct object after the participle
        if after.norm in ("que", "qu'", "si") or any(
            t.startswith(":N") or ":Y" in t for t in after.tags
        ):
            # « ils se sont rendu compte », « ils se sont fait avoir », « ils se sont dit
            # que »: an object after it, or an infinitive (invariable since 1990).
            continue
        lemmas = {lemma for lemma, _ in readings}
        if lemmas & _INDIRECT_SE:
            if pp.norm.endswith("s") and not pp.norm.endswith("is"):
                form = pp.text[:-1]
                if any(":Q" in t for t in _tags(form)):
                    hits.append(
                        _hit(
                            pp,
                            form,
                            f"« se » est complément indirect de « {sorted(lemmas)[0]} » : "
                            f"le participe passé reste invariable (« {form} »).",
                        )
                    )
            continue
        if any(":p" in tags or ":i" in tags for _, tags in readings):
            continue
        form = pp.text + "s"
        if any(":Q" in t for t in _tags(form)):
            hits.append(
                _hit(
                    pp,
                    form,
                    f"Participe passé d’un verbe pronominal : avec « se sont », « {pp.text} » "
                    f"s’accorde avec le sujet pluriel (« {form} »).",
                )
            )
    return hits


def _tags(form: str) -> tuple[str, ...]:
    from .grammar import analyses

    return tuple(tags for _, tags in analyses(form))


# -- the infinitive after a verb that governs one ---------------------------------------------

# Verbs followed by a bare infinitive (Bescherelle: « il faut », pouvoir, devoir, vouloir,
# aller, savoir + infinitive); past their object pronouns, a past participle in -é is the
# infinitive misspelt (« il faut le passer », « il faut les analyser »).
_GOVERN_INFINITIVE = frozenset({"falloir", "pouvoir", "devoir", "vouloir", "aller", "savoir"})
_OBJECT_CLITICS = word_set("le la les l' lui leur me m' te t' se s' nous vous y en")
# After « le passé » read as a noun, a complement of it may follow (« de », « du »): only a
# preposition of the verb's complements or the clause's end tells the infinitive.
_AFTER_INFINITIVE = word_set("en à au aux dans sur par pour avec sans chez sous , . ; : ! ? </s>")


def check_infinitive(text: str, words: list) -> list[Hit]:
    """« il faut le passé en compte créateur » (passer), « il faut les analysés »."""
    hits = []
    for i in range(1, len(words) - 3):
        verb = words[i]
        if not any(
            lemma in _GOVERN_INFINITIVE and _FINITE.search(tags)
            for lemma, tags in zip(verb.lemmas, verb.tags, strict=True)
        ):
            continue
        k = i + 1
        while k < len(words) and words[k].norm in _OBJECT_CLITICS:
            k += 1
        if k == i + 1 or k >= len(words) - 1:
            continue  # past a clitic only: « il faut publié » is Grammalecte's
        word = words[k]
        if not re.search(r"é(?:e|s|es)?$", word.norm):
            continue
        lemma = next(
            (
                lemma
                for lemma, tags in zip(word.lemmas, word.tags, strict=True)
                if tags.startswith(":V1") and ":Q" in tags
            ),
            None,
        )
        if lemma is None or any(":Y" in t or _FINITE.search(t) for t in word.tags):
            continue
        # A noun after an object pronoun is the pronoun's article (« il faut le passé
        # composé »): only where what follows cannot follow a noun's adjective.
        if (
            any(t.startswith(":N") for t in word.tags)
            and words[k + 1].norm not in _AFTER_INFINITIVE
        ):
            continue
        hits.append(
            _hit(
                word,
                lemma,
                f"Après « {verb.text} », l’infinitif : « {lemma} » et non le participe "
                f"« {word.text} ».",
            )
        )
    return hits


# -- invariable words that are written agreed ------------------------------------------------

# « demi » before a noun, joined by a hyphen, is invariable (« une demi-journée »), and
# « ci-joint », « ci-inclus » at the head of a clause (« Ci-joint le compte rendu »):
# Grevisse, accord de « demi », de « ci-joint ». Adjectives of colour that are nouns of
# things stay invariable (« des boutons marron »; Grevisse, adjectifs de couleur), but
# « rose », « mauve », « pourpre », « fauve », « écarlate », « incarnat », which agree.
_COLOUR_NOUNS = word_set(
    "marrons kakis turquoises cerises chocolats saumons ivoires émeraudes olives crèmes"
    " noisettes moutardes framboises"
)
_CLAUSE_HEAD = word_set("<s> . ! ? … : ; ,")


def check_invariable(text: str, words: list) -> list[Hit]:
    """« une demie-journée » (demi-journée), « ci-joints le compte rendu » (ci-joint), « les
    boutons marrons » (marron)."""
    hits = []
    for i in range(1, len(words) - 1):
        word = words[i]
        norm = word.norm
        if norm.startswith(("demie-", "demies-")):
            form = "demi-" + word.text.split("-", 1)[1]
            hits.append(_hit(word, form, f"« demi » devant un nom est invariable : « {form} »."))
        elif (
            norm
            in ("ci-joints", "ci-jointe", "ci-jointes", "ci-inclus", "ci-incluse", "ci-incluses")
            and words[i - 1].norm in _CLAUSE_HEAD
            and any(":D" in t for t in words[i + 1].tags)
        ):
            form = "ci-joint" if "joint" in norm else "ci-inclus"
            hits.append(_hit(word, form, f"En tête de phrase, « {form} » est invariable."))
        elif (
            norm in _COLOUR_NOUNS
            and any(t.startswith(":N") and ":p" in t for t in words[i - 1].tags)
            and not any(":D" in t for t in words[i - 1].tags)
        ):
            form = word.text[:-1]
            hits.append(
                _hit(
                    word,
                    form,
                    f"Adjectif de couleur tiré d’un nom : « {form} » reste invariable.",
                )
            )
    return hits


# -- a participle after a plural noun ---------------------------------------------------------

_PLURAL_DET = word_set("les des ces mes tes ses nos vos leurs plusieurs quelques certains")
_AFTER_PARTICIPLE = word_set(
    "dans sur par en à au aux avec pour de d' du des sans chez sous , . ; : ! ? </s>"
)


def check_noun_participle(text: str, words: list) -> list[Hit]:
    """A past participle right after a plural noun, singular (« des chiffres recopié dans
    un message »): used as an adjective, it agrees with the noun."""
    hits = []
    for i in range(2, len(words) - 2):
        det, noun, pp = words[i - 2], words[i - 1], words[i]
        if det.norm not in _PLURAL_DET or words[i + 1].norm not in _AFTER_PARTICIPLE:
            continue
        before = words[i - 3] if i >= 3 else None
        if before is not None and (
            before.norm in ("de", "d'", "du", "des")
            or (
                det.norm == "des"
                and any(t.startswith(":N") for t in before.tags)
                and not any(t.startswith((":W", ":G")) for t in before.tags)  # « pas des »
            )
        ):
            continue  # « son palmarès des influenceurs basé sur… »: the noun before may be it
        # After its determiner the word is a noun, whatever else it may be (« chiffres »).
        nouns = [t for t in noun.tags if t.startswith(":N")]
        if not nouns or not all(":p" in t or ":i" in t for t in nouns):
            continue
        readings = [t for t in pp.tags if t.startswith(":V") and ":Q" in t]
        if not readings or any(_FINITE.search(t) or t.startswith((":N", ":A")) for t in pp.tags):
            continue
        if not all(":m:s" in t for t in readings) or not pp.norm.endswith(("é", "i", "u")):
            continue
        feminine = all(":f" in t for t in nouns)
        form = pp.text + ("es" if feminine else "s")
        if any(":Q" in t for t in _tags(form)):
            hits.append(
                _hit(
                    pp,
                    form,
                    f"Le participe « {pp.text} » qualifie « {det.text} {noun.text} » : "
                    f"il s’accorde (« {form} »).",
                )
            )
    return hits
