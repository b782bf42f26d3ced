"""Verb rules on a clause's shape: the subjunctive its conjunction or verb calls for, the
person « qui » takes from a stressed pronoun, the participle of a pronominal verb, and
the infinitive after a verb that governs one; and classes of agreement and mood the
grammars state in general terms (``check_classes``: each names its source).

Each rule reads Grammalecte's morphology (``Token.tags``) and its conjugation tables, as
``verbs.py`` does, and is told as ``forme-verbale`` (a real form in the wrong place).
Sources: Grevisse, *Le Bon Usage* (subjonctif, accord du verbe avec « qui », participe
passé des verbes pronominaux); Bescherelle, *La conjugaison pour tous* (infinitif après
un verbe).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .finding import Hit, word_set
from .verbs import NONEXISTENT, WRONG_FORM, _conj, _same_case

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


_EACH = word_set("chaque")


def _subject(words: list, j: int) -> tuple[str, int] | None:
    """The person of the subject at ``words[j]`` and the token after it: a pronoun, a
    determiner and a noun (and its adjectives), or a name."""
    word = words[j]
    if word.norm in _SUBJECT_PERSON:
        return _SUBJECT_PERSON[word.norm], j + 1
    # « tout le monde », « chacun » are singular (Grevisse, § 431).
    if word.norm == "tout" and [w.norm for w in words[j + 1 : j + 3]] == ["le", "monde"]:
        return ":3s", j + 3
    if word.norm in ("chacun", "chacune"):
        return ":3s", j + 1
    # « chaque » determines a singular noun (Grevisse, § 636).
    if word.norm in _DET_SINGULAR | _DET_PLURAL | _EACH and j + 1 < len(words):
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


_COMPLEMENT_PREPOSITIONS = word_set("de d' du des vers pour sur à au aux avec en chez dans")


def _is_noun(word) -> bool:
    return any(t.startswith(":N") for t in word.tags)


def _adjective_only(word) -> bool:
    return bool(word.tags) and all(t.startswith(":A") or ":Q" in t for t in word.tags)


def _loose_subject(words: list, j: int) -> tuple[str, int] | None:
    """``_subject``, or a wider noun phrase: adjectives before the noun (« la haute
    saison ») and a complement with another preposition (« le lien vers la boutique »)."""
    found = _subject(words, j)
    n = len(words)
    if words[j].norm not in _DET_SINGULAR | _DET_PLURAL or (
        found and _verb_after(words, found[1]) is not None
    ):
        return found
    k = j + 1
    # adjectives before the noun (« ce vieux pont »: « vieux » is a noun too)
    while k < n - 1 and any(t.startswith(":A") or ":A:" in t for t in words[k].tags):
        if not (_adjective_only(words[k]) or _is_noun(words[k + 1])):
            break
        k += 1
    if k >= n or not _is_noun(words[k]):
        return found
    k += 1
    while k < n and _adjective_only(words[k]):
        k += 1
    if k + 1 < n and words[k].norm in _COMPLEMENT_PREPOSITIONS:
        m = k + 1
        if words[m].norm in _DET_SINGULAR | _DET_PLURAL:
            m += 1
        if m < n and _is_noun(words[m]):
            k = m + 1
            while k < n and _adjective_only(words[k]):
                k += 1
    return (":3p" if words[j].norm in _DET_PLURAL else ":3s"), k


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
    ("jusqu'", "à", "ce"),
)
# Verbs of will, necessity, feeling and doubt whose completive takes the subjunctive
# (Grevisse, subjonctif dans les propositions conjonctives essentielles): « il faut que »,
# « il veut qu’on change », « éviter que cela ne se reproduise », « ils regrettent que ».
# « douter » only affirmative (``_calls_subjunctive``): « je ne doute pas qu’il est là »
# takes the indicative too.
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
# Impersonal « il est » + an adjective of necessity, judgment or possibility: the
# completive takes the subjunctive (Grevisse, § 1125; Bescherelle: « il est important
# que chacun sache »); not « probable », « certain », « sûr », « évident », « vrai »,
# « clair », which state a fact and take the indicative.
_IMPERSONAL_SUBJUNCTIVE = word_set(
    "important essentiel nécessaire indispensable primordial crucial capital urgent"
    " préférable souhaitable utile inutile possible impossible normal dommage rare"
    " fréquent temps impératif"
)
_ETRE_3S = word_set("est était sera serait fut")
_DEGREE = word_set("très si vraiment bien plus moins assez extrêmement")
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
    if previous.norm in _IMPERSONAL_SUBJUNCTIVE:
        k = j - 1
        if k > 2 and words[k].norm in _DEGREE:
            k -= 1
        if words[k].norm in _ETRE_3S and words[k - 1].norm in ("il", "c'", "ce"):
            return True
    verbs = [
        lemma
        for lemma, tags in zip(previous.lemmas, previous.tags, strict=True)
        if tags.startswith(":V")
    ]
    if not verbs and re.fullmatch(
        r"[a-zâêîôûéèàç]+-(?:t-)?(?:il|elle|on|tu|vous|nous)", previous.norm
    ):
        # a question by inversion (« Faut-il vraiment que je m’y mette ? »)
        verbs = [
            lemma
            for lemma, tags in _analyses(previous.norm.split("-")[0])
            if tags.startswith(":V") and _FINITE.search(tags)
        ]
    # The verb itself, not its noun (« l’attente que »), and not « vouloir dire que ».
    # (« faut » is « faillir » too.)
    if (
        "douter" in verbs
        and words[j - 1].norm in _SUBJECT_PERSON
        and words[j - 1].norm not in ("ce", "c'")
        and not _negated(words, j)
    ):
        # « je doute que… » takes the subjunctive (Grevisse, § 1123); « je ne doute pas
        # que » either mood, and « pas de doute que » is the noun: a subject before it
        return True
    return any(lemma in _SUBJUNCTIVE_VERBS for lemma in verbs)


def _negated(words: list, j: int) -> bool:
    """Whether the verb at ``words[j]`` is negated, or asked (« doutez-vous que »)."""
    if "-" in words[j].norm or words[j + 1].norm in ("pas", "plus", "guère", "jamais"):
        return True
    return any(w.norm in ("ne", "n'") for w in words[max(0, j - 3) : j])


# Verbs and impersonal phrases of belief, hope and likelihood: their completive takes the
# indicative when they are affirmative (Grevisse, § 1123 and § 1125; BDL, « Espérer
# que »: « j’espère qu’il viendra »; « il est probable que » + indicative).
_INDICATIVE_VERBS = frozenset({"espérer"})
_INDICATIVE_IMPERSONAL = word_set("probable vraisemblable certain sûr évident clair")


def _indicative_called(words: list, i: int) -> list[Hit]:
    """A subjunctive where an affirmative « espérer que », « il est probable que » calls for
    the indicative: « j’espère que vous soyez » → « serez »."""
    if i < 3 or words[i].norm not in ("que", "qu'"):
        return []
    j = i - 1
    previous = words[j]
    called = None
    if previous.norm in _INDICATIVE_IMPERSONAL:
        k = j - 1
        if words[k].norm in _ETRE_3S and words[k - 1].norm in ("il", "c'"):
            called = f"il {words[k].text} {previous.text} que"
    elif any(
        lemma in _INDICATIVE_VERBS and tags.startswith(":V") and _FINITE.search(tags)
        for lemma, tags in zip(previous.lemmas, previous.tags, strict=True)
    ) and not _negated(words, j):
        called = f"{previous.text} que"
    if called is None:
        return []
    found = _loose_subject(words, i + 1)
    if found is None:
        return []
    person, k = found
    v = _verb_after(words, k)
    if v is None:
        return []
    verb = words[v]
    readings = _finite_readings(verb)
    if not readings or not all(":Sp" in tags and ":Ip" not in tags for _, tags in readings):
        return []
    lemma = readings[0][0]
    forms = [_conj().getConj(lemma, tense, person) for tense in (":If", ":Ip")]
    forms = [_same_case(f, verb.text) for f in forms if f and f != verb.norm]
    if not forms:
        return []
    return [
        replace(
            _hit(
                verb,
                forms[0],
                f"Après « {called} », l’indicatif : « {' », « '.join(forms)} »,"
                f" pas le subjonctif « {verb.text} ».",
            ),
            suggestions=tuple(forms),
        )
    ]


def _quote(words: list, i: int) -> str:
    """The words before « que » that call for the subjunctive, and « que »."""
    return " ".join(w.text for w in words[max(1, i - 2) : i + 1] if w.text)


def check_subjunctive(text: str, words: list) -> list[Hit]:
    """An indicative where the conjunction or the verb before « que » calls for the
    subjunctive: « bien que mon audience est » (soit), « il a fallu que j’apprends »
    (apprenne), « pour éviter que cela ne se reproduit » (reproduise)."""
    hits = []
    for i in range(1, len(words) - 2):
        if words[i].norm in ("quoique", "quoiqu'"):
            pass  # « quoique » (although) is one word (Grevisse, § 1147)
        elif words[i].norm not in ("que", "qu'"):
            continue
        elif i < 2 or not _calls_subjunctive(words, i):
            hits.extend(_indicative_called(words, i))
            continue
        found = _loose_subject(words, i + 1)
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
# « se permettre de », « se promettre de », « se jurer de »: « se » is the indirect object
# (« permettre à soi »), the infinitive after it the direct one (Grevisse, § 952).
_SE_INDIRECT_DE = frozenset({"permettre", "promettre", "jurer"})
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


# Verbs whose « se » is the direct object and whose other complement comes with « de »
# (« se plaindre de », « se souvenir de »): the participle agrees with the subject, and
# « du », « des » after it head that complement, no direct object (Grevisse, § 951).
_SE_DE = frozenset(
    {
        "plaindre",
        "souvenir",
        "moquer",
        "occuper",
        "inspirer",
        "méfier",
        "charger",
        "lasser",
        "réjouir",
        "soucier",
        "emparer",
        "contenter",
        "excuser",
    }
)
_INTENSIFIED = word_set(
    "neufs nouveaux petits frais chauds jeunes récents beaux simples nus ronds droits"
    " blancs noirs propres prêts"
)
_PREPOSITION_NOUNS = word_set("pendant durant avant après depuis devant derrière")


def _object_que_before(words: list, i: int) -> bool:
    """A relative « que » earlier in the clause of the auxiliary at ``words[i]``: it may be
    the direct object the participle agrees with (Grevisse, § 952)."""
    for j in range(i - 2, 0, -1):
        if words[j].norm in ("<s>", ".", "!", "?", "…", ";", ":"):
            return False
        if words[j].norm in ("que", "qu'"):
            # a relative after a noun; not the conjunction (« je pense qu’ils se sont… »)
            return any(t.startswith(":N") for t in words[j - 1].tags)
    return False


def check_pronominal_participle(text: str, words: list) -> list[Hit]:
    """« se sont » + participle: it agrees with the (plural) subject, « ils se sont
    inscrits », unless « se » is an indirect object, « ils se sont parlé »; and unless a
    direct object follows (« ils se sont lavé les mains »)."""
    hits = []
    for i in range(2, len(words) - 3):
        if words[i].norm != "sont" or words[i - 1].norm not in ("se", "s'"):
            continue
        pp = words[i + 1]
        if (
            pp.tags
            and all(t.startswith(":W") for t in pp.tags)
            and any(":Q" in t for t in words[i + 2].tags)
        ):
            # an adverb between (« ils se sont enfin parlé »): read past it
            pp = words[i + 2]
            i += 1
        readings = [
            (lemma, tags)
            for lemma, tags in zip(pp.lemmas, pp.tags, strict=True)
            if tags.startswith(":V") and ":Q" in tags
        ]
        if not readings:
            # « succédées », no form of a verb whose « se » is indirect (Grevisse, § 952):
            # its participle is only « succédé ».
            for cut in (2, 1):
                base = pp.text[:-cut]
                if pp.norm.endswith(("es",) if cut == 2 else ("e", "s")) and any(
                    lemma in _INDIRECT_SE and ":Q" in tags for lemma, tags in _analyses(base)
                ):
                    # A form no verb has: told as its conjugation, before the unknown
                    # word (checker: « conjugaison » wins over spelling on its span).
                    found = _hit(
                        pp,
                        base,
                        f"« se » est complément indirect : le participe passé reste"
                        f" invariable (« {base} »).",
                    )
                    hits.append(replace(found, rule=NONEXISTENT))
                    break
            continue  # after « se sont », a form that is also finite is the participle
        after = words[i + 2]
        if any(":D" in t for t in after.tags) and after.norm not in ("de", "d'"):
            # A direct object after the participle: « se » is the indirect object and the
            # participle agrees with nothing before it (Grevisse, § 952: « elles se sont
            # lavé les mains »). Not a complement of time (« la semaine dernière »), nor
            # « les unes », « tous », « toutes ».
            noun = words[i + 3] if i + 3 < len(words) else None
            if (
                noun is not None
                and i + 4 < len(words)
                and any(":A" in t for t in noun.tags)
                and any(t.startswith(":N") for t in words[i + 4].tags)
            ):
                noun = words[i + 4]  # past an adjective (« la même question »)
            if noun is not None and noun.norm in _TIME_AFTER:
                after = noun  # a complement of time, no object: read on
            found = _participle_ms(pp)
            if (
                found
                and after is not noun
                and noun is not None
                and any(t.startswith(":N") for t in noun.tags)
                and noun.norm not in ("unes", "uns", "autres", "deux")
                and after.norm in ("les", "la", "le", "l'", "leurs", "leur", "des", "un", "une")
            ):
                hits.append(
                    _hit(
                        pp,
                        found[0],
                        f"Le complément d’objet « {after.text} {noun.text} » suit le participe"
                        f" : « se » est complément indirect, le participe reste invariable"
                        f" (« {found[0]} »).",
                    )
                )
            if after is not noun:
                continue
        if after.norm in _TIME_AFTER | _PREPOSITION_NOUNS:
            # « ils se sont téléphoné le soir même », « elles se sont parlé pendant une
            # heure »: no object after the participle (« pendant », « avant » are nouns
            # too, but before a determiner they head a complement)
            pass
        elif after.norm in ("que", "qu'", "si") or any(
            t.startswith(":N") or ":Y" in t for t in after.tags
        ):
            # « ils se sont rendu compte », « ils se sont fait avoir », « ils se sont dit
            # que »: an object after it, or an infinitive (invariable since 1990).
            continue
        lemmas = {lemma for lemma, _ in readings}
        if lemmas & _INDIRECT_SE:
            found = _participle_ms(pp)
            if found and pp.norm.endswith(("es", "e")):
                # « se sont succédées »: back to the masculine singular
                hits.append(
                    _hit(
                        pp,
                        found[0],
                        f"« se » est complément indirect de « {sorted(lemmas)[0]} » : "
                        f"le participe passé reste invariable (« {found[0]} »).",
                    )
                )
            elif pp.norm.endswith("s") and not pp.norm.endswith("is"):
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
        if any(":i" in tags for _, tags in readings) and all(":m" in tags for _, tags in readings):
            # « mis », « pris »: one masculine form for both numbers; after a feminine
            # plural subject, the feminine plural (« elles se sont mises d’accord »)
            form = _conj().getConj(readings[0][0], ":Q", ":f:p")
            if (
                form
                and form != pp.norm
                and not _object_que_before(words, i)
                and words[i + 2].norm != "·"
                and _plural_gender_before(words, i - 1, "") == ":f"
            ):
                hits.append(
                    _hit(
                        pp,
                        form,
                        f"Participe passé d’un verbe pronominal : avec « se sont », « {pp.text} »"
                        f" s’accorde avec le sujet féminin pluriel (« {form} »).",
                    )
                )
            continue
        if any(":p" in tags or ":i" in tags for _, tags in readings):
            continue
        if _object_que_before(words, i):
            continue  # « la stratégie qu’ils se sont fixée »: it agrees with « que »
        if i + 3 < len(words) and words[i + 2].norm == "·":
            continue  # an inclusive ending marks the plural (« se sont retrouvé·es »)
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


def _analyses(form: str) -> tuple[tuple[str, str], ...]:
    from .grammar import analyses

    return analyses(form)


# -- the infinitive after a verb that governs one ---------------------------------------------

# Verbs followed by a bare infinitive (Bescherelle: « il faut », pouvoir, devoir, vouloir,
# aller, savoir + infinitive); past their object pronouns, a past participle in -é is the
# infinitive misspelt (« il faut le passer », « il faut les analyser »).
_GOVERN_INFINITIVE = frozenset({"falloir", "pouvoir", "devoir", "vouloir", "aller", "savoir"})
_OBJECT_CLITICS = word_set("le la les l' lui leur me m' te t' se s' nous vous y en")
# After « le passé » read as a noun, a complement of it may follow (« de », « du »): only a
# preposition of the verb's complements or the clause's end tells the infinitive.
_AFTER_INFINITIVE = word_set("en à au aux dans sur par pour avec sans chez sous , . ; : ! ? </s>")


# After a preposition the verb is an infinitive (Grevisse, § 884; Bescherelle: « sans
# oublier », « à nous contacter »): a participle in -é after « sans » before its
# complement, a form in -ez after « à », « de », « pour », « sans » and object pronouns.
_INFINITIVE_PREPOSITIONS = word_set("à de d' pour sans")
_INFINITIVE_CLITICS = word_set("le la les l' lui leur me m' te t' se s' nous vous y en")


def _after_preposition(words: list) -> list[Hit]:
    hits = []
    for i in range(1, len(words) - 3):
        prep = words[i].norm
        if prep not in _INFINITIVE_PREPOSITIONS:
            continue
        k = i + 1
        while k < len(words) and words[k].norm in _INFINITIVE_CLITICS:
            k += 1
        word = words[k]
        if k + 1 >= len(words):
            continue
        if k > i + 1 and word.norm.endswith("ez"):
            # « à nous contactez »: a present or imperative in -ez of a verb in -er
            lemma = next(
                (
                    lm
                    for lm, t in zip(word.lemmas, word.tags, strict=True)
                    if t.startswith(":V1") and ":2p" in t
                ),
                None,
            )
            if lemma and not any(t.startswith((":N", ":A")) for t in word.tags):
                hits.append(
                    _hit(
                        word,
                        lemma,
                        f"Après « {words[i].text} », l’infinitif : « {lemma} » et non "
                        f"« {word.text} ».",
                    )
                )
        elif (
            prep == "sans"
            and k == i + 1
            and word.norm.endswith("é")
            and words[k + 1].norm in ("de", "d'", "les", "la", "le", "l'", "ses", "son", "sa")
            and not any(":Y" in t for t in word.tags)
            and (
                not any(t.startswith((":N", ":A:")) for t in word.tags)
                # a noun too (« un oublié »), but « de » + infinitive is a verb's
                # complement (« sans oublié de répondre »)
                or (
                    words[k + 1].norm in ("de", "d'")
                    and k + 2 < len(words)
                    and words[k + 2].tags
                    and all(":Y" in t for t in words[k + 2].tags)
                )
            )
        ):
            # « sans oublié de répondre »: the participle for the infinitive
            lemma = next(
                (
                    lm
                    for lm, t in zip(word.lemmas, word.tags, strict=True)
                    if t.startswith(":V1") and ":Q" in t
                ),
                None,
            )
            if lemma:
                hits.append(
                    _hit(
                        word,
                        lemma,
                        f"Après « sans », l’infinitif : « {lemma} » et non le participe "
                        f"« {word.text} ».",
                    )
                )
    return hits


def check_infinitive(text: str, words: list) -> list[Hit]:
    """« il faut le passé en compte créateur » (passer), « il faut les analysés »."""
    hits = _after_preposition(words)
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
        elif norm == "milles" and _numeral(words[i - 1]) and words[i + 1].norm not in _MILE_WORDS:
            # The numeral « mille » is invariable (Grevisse, § 596; Bescherelle: « trois
            # mille vues »); only the noun « mille » (a distance) takes an s, and it is
            # followed by « nautique(s) », « marin(s) ».
            form = word.text[:-1]
            hits.append(_hit(word, form, f"L’adjectif numéral est invariable : « {form} »."))
        elif norm == "cents" and _numeral(words[i - 1]) and words[i + 1].norm in _NUMBER_WORDS:
            # « cent » multiplied takes an s only when no other numeral follows it (Grevisse,
            # § 595: « deux cents », but « deux cent cinquante », « trois cent mille »);
            # « millions », « milliards » are nouns (« deux cents millions »).
            form = word.text[:-1]
            hits.append(
                _hit(
                    word,
                    form,
                    f"« cent » suivi d’un autre nombre reste invariable : « {form} ».",
                )
            )
    return hits


_NUMBER_WORDS = word_set(
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze"
    " seize vingt trente quarante cinquante soixante septante huitante nonante mille"
)
_NUMERALS = _NUMBER_WORDS | word_set("cent cents")
_MILE_WORDS = word_set("nautique nautiques marin marins anglais romain romains")


def _numeral(word) -> bool:
    """A number before « cent », « mille »: a numeral word or digits."""
    return word.norm in _NUMERALS or word.norm.isdigit()


# -- a participle after a plural noun ---------------------------------------------------------

_PLURAL_DET = word_set("les des ces mes tes ses nos vos leurs plusieurs quelques certains")
_AFTER_PARTICIPLE = word_set(
    "dans sur par en à au aux avec pour de d' du des sans chez sous , . ; : ! ? </s>"
)


def _plural_noun_genders(word) -> set[str] | None:
    nouns = [t for t in word.tags if t.startswith(":N")]
    if not nouns or not all(":p" in t for t in nouns):
        return None
    return {"f" if ":f" in t else "m" if ":m" in t else "e" for t in nouns}


def _after_two_plural_nouns(words: list) -> list[Hit]:
    """« des paniers de fruits livré chaque samedi »: whichever plural noun the participle
    qualifies, it agrees in the plural (Grevisse, § 435 on the agreement with a noun and
    its complement); of one gender, both nouns tell the form."""
    hits = []
    for i in range(4, len(words) - 1):
        det, head, prep, noun, pp = words[i - 4 : i + 1]
        if (
            det.norm not in _PLURAL_DET
            or prep.norm not in ("de", "d'")
            or words[i + 1].norm not in _AFTER_PARTICIPLE | _TIME_DET
        ):
            continue
        first, second = _plural_noun_genders(head), _plural_noun_genders(noun)
        if not first or not second:
            continue
        genders = (first | second) - {"e"}  # an epicene noun (« légumes ») takes either
        if len(genders) != 1:
            continue
        readings = [t for t in pp.tags if t.startswith(":V") and ":Q" in t]
        if not readings or any(_FINITE.search(t) or t.startswith((":N", ":A")) for t in pp.tags):
            continue
        if not all(":m:s" in t for t in readings) or not pp.norm.endswith(("é", "i", "u")):
            continue
        form = pp.text + ("es" if genders == {"f"} else "s")
        if any(":Q" in t for t in _tags(form)):
            hits.append(
                _hit(
                    pp,
                    form,
                    f"Le participe « {pp.text} » qualifie « {head.text} » ou « {noun.text} »,"
                    f" tous deux au pluriel : il s’accorde (« {form} »).",
                )
            )
    return hits


_TIME_DET = word_set("chaque tous toutes")


def check_noun_participle(text: str, words: list) -> list[Hit]:
    """A past participle right after a plural noun, singular (« des chiffres recopié dans
    un message »): used as an adjective, it agrees with the noun."""
    hits = _after_two_plural_nouns(words)
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


# -- classes of agreement and mood the usage guides state in general terms ---------------------


def _participle_ms(word, after_auxiliary: bool = False) -> tuple[str, set[str]] | None:
    """The masculine singular of the participle ``word`` (« doublées » → « doublé ») and the
    participle's readings, when it is written agreed (feminine or plural). Right after an
    auxiliary, a form that is also finite (« reçus ») is read as the participle."""
    readings = [
        (lemma, tags)
        for lemma, tags in zip(word.lemmas, word.tags, strict=True)
        if tags.startswith(":V") and ":Q" in tags
    ]
    if not readings or any(":m:s" in tags or ":i" in tags for _, tags in readings):
        return None
    if not after_auxiliary and any(_FINITE.search(t) for t in word.tags):
        return None  # also a finite form: not told apart here (after avoir, a noun or an
        # adjective reading is the participle: « j’en ai tournées »)
    for lemma, _ in readings:
        form = _conj().getConj(lemma, ":Q", ":m:s")
        if form and form != word.norm:
            return _same_case(form, word.text), {lemma for lemma, _ in readings}
    return None


_AVOIR_FORMS = word_set(
    "ai as a avons avez ont avais avait avions aviez avaient aura auras aurons aurez auront"
    " aurais aurait aurions auriez auraient eu avoir"
)
# Not after « même »: « même si » of opposition takes the conditional of a past
# possibility (« j’ai avancé, même si j’aurais pu faire plus »: a fact, no hypothesis).
_SI_BEFORE = word_set("<s> . ! ? … , ; : et mais")
_SENTENCE_START = word_set("<s> . ! ? …")
_SUBJECTS_SI = {
    "je": ":1s", "j'": ":1s", "tu": ":2s", "il": ":3s", "elle": ":3s", "on": ":3s",
    "nous": ":1p", "vous": ":2p", "ils": ":3p", "elles": ":3p",
}  # fmt: skip
_FEMININE_NOUNS_OF_MEASURE = word_set("heure heures livre livres douzaine douzaines journée")
_SUPERLATIVE = word_set("plus moins meilleurs meilleures pires")
_TIME_AFTER = word_set(
    "semaine semaines mois année années jour jours soir soirs matin matins lendemain veille"
    " nuit nuits heure heures fois"
)


def _verb_form(word, tense: str, person: str, only: str) -> str | None:
    """The form of ``word``'s verb at ``tense`` and ``person``, when all its finite
    readings have ``only`` (a tense or a person) and none is already right."""
    readings = _finite_readings(word)
    if not readings or not all(only in tags for _, tags in readings):
        return None
    if any(tense in tags and person in tags for _, tags in readings):
        return None
    form = _conj().getConj(readings[0][0], tense, person)
    return _same_case(form, word.text) if form and form != word.norm else None


_PLACE_PREPOSITIONS = word_set("dans sur sous chez parmi derrière devant en à au aux")


def _present_for_future(word, person: str) -> list[Hit]:
    """« Si » of condition and a future (« si votre boutique fermera »): the present for a
    time to come (Grevisse, § 1154)."""
    form = _verb_form(word, ":Ip", person, ":If")
    if not form:
        return []
    return [_hit(word, form, f"Après « si » de condition, pas de futur : le présent « {form} ».")]


def _inverted_after_place(words: list, i: int):
    """« Dans le dossier partagé se trouve les visuels »: after a complement of place
    that opens the sentence, the subject is put after the verb and agrees with it all the
    same (Grevisse, § 899, § 386). The verb after « se », third person singular only,
    with a plural noun phrase after it."""
    k = i - 1
    while k > 0 and words[k].norm not in _STOPS and i - k <= 8:
        if _finite_readings(words[k]) and words[k].norm not in _DET_SINGULAR | _DET_PLURAL:
            return None
        k -= 1
    if words[k].norm not in _STOPS or words[k + 1].norm not in _PLACE_PREPOSITIONS:
        return None
    # the complement of place only, no subject of its own before « se » (« Dans la cour,
    # le garçon se lave les mains »): no comma, no second noun phrase but a complement
    # with « de »
    for d in range(k + 3, i):
        if words[d].norm == "," or (
            words[d].norm in _DET_SINGULAR | _DET_PLURAL and words[d - 1].norm not in ("de", "d'")
        ):
            return None
    if not words[i - 1].tags or not any(
        t.startswith((":N", ":A", ":V")) for t in words[i - 1].tags
    ):
        return None
    verb = words[i + 1]
    readings = _finite_readings(verb)
    if not readings or not all(":3s" in t for _, t in readings):
        return None
    if words[i + 2].norm not in _PLURAL_HEADS | word_set("des"):
        return None
    noun = words[i + 3]
    if not any(t.startswith(":N") and ":p" in t for t in noun.tags):
        return None
    tense = next((t for t in (":Ip", ":Iq", ":If", ":K") if t in readings[0][1]), None)
    return (verb, tense, f"{words[i + 2].text} {noun.text}") if tense else None


def _second_qui(words: list, i: int):
    """« les abonnés qui ont participé et qui a partagé »: two relatives coordinated by
    « et » share their antecedent, hence its number (Grevisse, § 1118 on coordinated
    relatives; accord du verbe avec « qui »). The verb after the second « qui », third
    person singular only, when the first one's verb is plural only."""
    v = _verb_after(words, i + 1)
    if v is None:
        return None
    readings = _finite_readings(words[v])
    if not readings or not all(":3s" in t for _, t in readings):
        return None
    for j in range(i - 2, max(0, i - 14), -1):
        if words[j].norm in _STOPS:
            return None
        if words[j].norm == "qui":
            first = _verb_after(words, j + 1)
            if first is None:
                return None
            plural = _finite_readings(words[first])
            if not plural or not all(":3p" in t for _, t in plural):
                return None
            tense = next((t for t in (":Ip", ":Iq", ":If", ":K") if t in readings[0][1]), None)
            return (words[v], tense) if tense else None
    return None


def _pronoun_coordinated_subject(words: list, i: int):
    """« La boutique de Yopougon et celle de Marcory affiche… »: a sentence-initial noun
    phrase and « celle (celui) de » + a complement, coordinated by « et », make a plural
    subject (Grevisse, § 439, « et »). The verb right after, a third person singular only
    (and its tense), when there is one."""
    k = i - 2
    while k > 0 and words[k].norm not in _STOPS and i - k <= 5:
        k -= 1
    if words[k].norm not in _STOPS or words[k + 1].norm not in _DET_SINGULAR:
        return None
    if not any(t.startswith(":N") for t in words[k + 2].tags):
        return None
    if words[i + 1].norm not in ("de", "d'", "du", "des"):
        return None
    m = i + 2
    if words[m].norm in _DET_SINGULAR | _DET_PLURAL:
        m += 1
    m += 1  # the complement's noun or name
    if m >= len(words) - 1:
        return None
    verb = words[m]
    readings = _finite_readings(verb)
    # (a noun reading too, « affiche », cannot follow the complement « de Marcory »)
    if not readings or not all(":3s" in t for _, t in readings):
        return None
    tense = next((t for t in (":Ip", ":Iq", ":If", ":K") if t in readings[0][1]), None)
    return (verb, tense) if tense else None


def check_classes(text: str, words: list) -> list[Hit]:
    """Agreement and mood rules each stated in general terms by the grammars:

    - « si » of a condition never takes the conditional: the imperfect (Grevisse, § 1154,
      « si » hypothétique; BDL, « Si j’aurais »): « si vous auriez » → « si vous aviez »;
    - the participle of « faire » before an infinitive is invariable (Grevisse, § 955;
      BDL, « Participe passé de faire suivi d’un infinitif »): « les affiches que j’ai
      faites imprimer » → « fait »;
    - with « en » as its object, a participle after avoir stays invariable (Grevisse,
      § 945; BDL, « Participe passé avec en »): « des vidéos, j’en ai tournées » → « tourné »;
    - « possible » after a superlative (« le plus », « les meilleurs »... + noun) is
      invariable (Grevisse, § 580; BDL, « Possible »): « les meilleurs résultats possibles »;
    - « même » before the determiner of a noun phrase is the adverb, invariable (Grevisse,
      § 648): « Mêmes les petites marques » → « Même »;
    - « demi » after a noun agrees in gender only (Grevisse, § 561): « une heure et demi »
      → « demie »;
    - the adverb « tout » stays invariable before a feminine adjective starting with a vowel
      (Grevisse, § 994): « elle était toute émue » → « tout émue »;
    - after a plural noun phrase, « qui » takes its plural (Grevisse, accord du verbe avec
      « qui »): « les trois publications qui résume » → « résument »;
    - « chacun » (« chacun des participants ») and « plus d’un » + noun take a singular verb;
      « X et moi » takes the first person plural (Grevisse, § 431, § 438, § 897);
    - a noun phrase and « celle (celui) de… » coordinated by « et » take a plural verb
      (Grevisse, § 439): « la boutique de X et celle de Y affiche » → « affichent »;
    - after a complement of place opening the sentence, the subject put after « se » +
      verb agrees all the same (Grevisse, § 899): « Dans le dossier se trouve les
      visuels » → « trouvent »;
    - a relative coordinated by « et qui » shares the first one's antecedent and number
      (Grevisse, § 1118): « les abonnés qui ont participé et qui a partagé » → « ont »;
    - the adverb « tout » before a masculine plural adjective it intensifies stays
      invariable (Grevisse, § 994): « des éclairages tous neufs » → « tout neufs ».
    """
    hits = []
    n = len(words)
    for i in range(1, n - 2):
        word, norm = words[i], words[i].norm
        # the plural of a compound noun (Grevisse, §§ 519-523): an adjective and a noun
        # both vary (« petits-déjeuners »), an adverb, a verb or a preposition does not
        # (« haut-parleurs »): a plural the dictionary lacks, when the dictionary has the
        # same compound with its first part varied the other way.
        if "-" in norm and not word.tags and norm.endswith(("s", "x")):
            form = _compound_plural(word.text)
            if form:
                found = _hit(
                    word,
                    form,
                    f"Pluriel du nom composé : « {form} » (seuls les noms et les"
                    f" adjectifs d’un nom composé prennent la marque du pluriel).",
                )
                hits.append(replace(found, rule="pluriel-composé"))
                continue
        # si + conditional
        if norm in ("si", "s'") and words[i - 1].norm in _SI_BEFORE:
            k = i + 1
            person = _SUBJECTS_SI.get(words[k].norm)
            if person is None:
                # « Si votre boutique fermera… »: a noun subject, a sentence-initial « si »,
                # the future for the present (Grevisse, § 1154: « si » of condition takes
                # the present for a time to come). Not an indirect question (« je me
                # demande si elle viendra »), which no sentence starts with.
                found = _subject(words, k) if words[i - 1].norm in _SENTENCE_START else None
                v = _verb_after(words, found[1]) if found else None
                if v:
                    hits.extend(_present_for_future(words[v], found[0]))
                continue
            k += 1
            while k < n and words[k].norm in _CLITICS:
                k += 1
            if k < n:
                form = _verb_form(words[k], ":Iq", person, ":K")
                if form:
                    hits.append(
                        _hit(
                            words[k],
                            form,
                            f"Après « si » de condition, pas de conditionnel : l’imparfait"
                            f" « {form} ».",
                        )
                    )
                elif words[i - 1].norm in _SENTENCE_START:
                    hits.extend(_present_for_future(words[k], person))
        # avoir + « fait » + infinitive; « en » + avoir + participle
        elif norm in _AVOIR_FORMS and i + 2 < n:
            k = i + 1
            while k < n - 1 and any(t.startswith((":W", ":G:W")) for t in words[k].tags):
                k += 1
            pp = words[k]
            if pp.norm in ("faite", "faites", "faits") and any(
                ":Y" in t for t in words[k + 1].tags
            ):
                hits.append(
                    _hit(pp, "fait", "« fait » suivi d’un infinitif est invariable : « fait ».")
                )
                continue
            j = i - 1
            while j > 0 and words[j].norm in ("y", "ne", "n'", "lui", "leur"):
                j -= 1
            if _no_object_before(words, i, j) and words[j].norm != "en":
                # Nothing can be a direct object before avoir: the participle agrees with
                # nothing (Grevisse, § 946: « les ventes ont presque doublé »).
                found = _participle_ms(pp)
                if found and not found[1] & _INDIRECT_SE:
                    hits.append(
                        _hit(
                            pp,
                            found[0],
                            f"Avec avoir, sans complément d’objet direct placé avant, le"
                            f" participe passé reste invariable : « {found[0]} ».",
                        )
                    )
                continue
            if words[j].norm == "en" and words[j - 1].norm in _SUBJECTS_SI:
                # after avoir, « reçus » is the participle, not the simple past
                found = _participle_ms(pp, after_auxiliary=True)
                if found:
                    hits.append(
                        _hit(
                            pp,
                            found[0],
                            f"Avec « en » complément, le participe reste invariable :"
                            f" « {found[0]} ».",
                        )
                    )
        elif norm == "possibles" and i >= 3:
            back = [w.norm for w in words[max(1, i - 5) : i]]
            # « le plus de participants possible » (Grevisse, § 580: after « le plus de »,
            # « le moins de » + noun too), an inclusive ending included
            wide = [w.norm for w in words[max(1, i - 8) : i]]
            quantity = any(
                wide[m] == "le" and wide[m + 1] in ("plus", "moins") and wide[m + 2] in ("de", "d'")
                for m in range(len(wide) - 2)
            ) and not any(w in _STOPS or w == "," for w in wide[-3:])
            if quantity or (
                any(b in _SUPERLATIVE for b in back) and any(b in ("les", "des") for b in back)
            ):
                hits.append(
                    _hit(
                        word,
                        "possible",
                        "Après un superlatif (« les meilleurs … », « le plus de … »), « possible »"
                        " est invariable.",
                    )
                )
        elif (
            norm == "mêmes"
            and words[i - 1].norm in _CLAUSE_HEAD
            and (
                any(":D" in t for t in words[i + 1].tags)
                # and before a demonstrative pronoun (« mêmes celles qui »)
                or words[i + 1].norm in ("ceux", "celles", "celui", "celle")
            )
        ):
            hits.append(
                _hit(
                    word,
                    "même",
                    "« même » devant un déterminant ou un pronom est adverbe : invariable.",
                )
            )
        elif (
            norm == "demi"
            and words[i - 1].norm == "et"
            and words[i - 2].norm in _FEMININE_NOUNS_OF_MEASURE
        ):
            hits.append(_hit(word, "demie", "« et demi » après un nom féminin : « et demie »."))
        elif (
            norm == "toute"
            and i + 1 < n
            and not _consonant_start(words[i + 1].norm)
            # before an h, aspirated or not: only the dictionary tells (« toute honteuse »)
            and not words[i + 1].norm.startswith("h")
            and any(":A" in t and ":f:s" in t for t in words[i + 1].tags)
            and not any(t.startswith(":N") and ":A" not in t for t in words[i + 1].tags)
            and any("être" in lemma for lemma in words[i - 1].lemmas)
        ):
            hits.append(
                _hit(
                    word,
                    "tout",
                    "« tout » adverbe reste invariable devant un adjectif féminin qui commence"
                    " par une voyelle : « tout ».",
                )
            )
        elif (
            norm == "tous"
            and i + 2 < n
            # right after a plural noun, no comma: the adverb « tout » (« quite »),
            # invariable before a masculine adjective (Grevisse, § 994: « des
            # éclairages tout neufs »); after a verb « tous » is the pronoun (« ils sont
            # tous neufs »)
            and any(t.startswith(":N") and ":p" in t for t in words[i - 1].tags)
            and not any(t.startswith(":V") for t in words[i - 1].tags)
            # adjectives « tout » intensifies (« tout neufs », « tout petits », « tout
            # frais »); not « tous différents », « tous seuls », where « all » reads too
            and words[i + 1].norm in _INTENSIFIED
            and words[i + 2].norm in _AFTER_PARTICIPLE | word_set("et ou mais")
        ):
            hits.append(
                _hit(
                    word,
                    "tout",
                    "« tout » adverbe (« tout à fait ») reste invariable devant un adjectif"
                    " masculin : « tout ».",
                )
            )
        elif (
            norm in ("celle", "celui")
            and words[i - 1].norm == "et"
            and i + 3 < n
            and (found := _pronoun_coordinated_subject(words, i))
        ):
            verb, tense = found
            if form := _plural_form(verb, tense):
                message = f"Deux sujets coordonnés par « et » : le verbe au pluriel (« {form} »)."
                hits.append(_hit(verb, form, message))
        elif norm == "où" and i + 3 < n:
            # The subject put after the verb agrees with it too (Grevisse, § 899: « la
            # salle où auront lieu les ateliers »).
            k = i + 1
            if words[k].norm in ("se", "s'"):
                k += 1
            m = k + 1
            if words[m].norm in ("lieu", "place"):
                m += 1
            readings = _finite_readings(words[k])
            if (
                words[m].norm in _PLURAL_HEADS | {"des"}
                and m + 2 < n
                and _plural_antecedent(words, m + 2) == ":3p"
                and readings
                and all(":3s" in tags for _, tags in readings)
            ):
                lemma, tags = readings[0]
                tense = next((t for t in (":Ip", ":If", ":Iq", ":K") if t in tags), None)
                form = _conj().getConj(lemma, tense, ":3p") if tense else None
                if form and form != words[k].norm:
                    form = _same_case(form, words[k].text)
                    hits.append(
                        _hit(
                            words[k],
                            form,
                            f"Le sujet inversé « {words[m].text} {words[m + 1].text} » est"
                            f" pluriel : « {form} ».",
                        )
                    )
        elif norm == "été" and words[i - 1].norm in ("ont", "avaient", "auront", "auraient"):
            # The participle of the passive agrees with the subject (Grevisse, § 933):
            # « les vidéos ont été vues ».
            pp = words[i + 1]
            readings = [t for t in pp.tags if t.startswith(":V") and ":Q" in t]
            if (
                readings
                and all(":m:s" in t for t in readings)
                and not any(_FINITE.search(t) for t in pp.tags)
                and pp.norm.endswith(("é", "i", "u"))
                # an inclusive ending already marks the plural (« récompensé·es »)
                and not (i + 2 < n and words[i + 2].norm == "·")
            ):
                feminine = _subject_feminine(words, i - 1)
                form = pp.text + ("es" if feminine else "s")
                if any(":Q" in t for t in _tags(form)):
                    hits.append(
                        _hit(
                            pp,
                            form,
                            f"Au passif, le participe s’accorde avec le sujet pluriel"
                            f" (« {form} »).",
                        )
                    )
        elif (
            norm in ("sommes", "étions", "serons", "serions")
            and i >= 2
            and (
                words[i - 1].norm == "nous"
                or (words[i - 1].norm in ("en", "y") and words[i - 2].norm == "nous")
            )
        ):
            # With être, the participle agrees with « nous » (Grevisse, § 933).
            pp = words[i + 1]
            if (
                i >= 3
                and words[i - 1].norm == "nous"
                and words[i - 2].norm == "nous"
                and (
                    {lm for lm, t in zip(pp.lemmas, pp.tags, strict=True) if ":Q" in t}
                    & _INDIRECT_SE
                    or words[i + 2].norm in _OBJECT_DETS
                )
            ):
                continue  # « nous nous sommes parlé », « …acheté un vélo »: « se » indirect
            readings = [t for t in pp.tags if t.startswith(":V") and ":Q" in t]
            if (
                readings
                and any(":m:s" in t for t in readings)
                and not any(":p" in t for t in readings)
                and not any(_FINITE.search(t) or t.startswith((":N", ":A")) for t in pp.tags)
                and pp.norm.endswith(("é", "i", "u"))
                and any(":Q" in t for t in _tags(pp.text + "s"))
            ):
                form = pp.text + "s"
                hits.append(
                    _hit(pp, form, f"Avec être, le participe s’accorde avec « nous » : « {form} ».")
                )
        elif (
            norm == "est"
            and i >= 4
            and words[i - 1].norm in ("s'",)
            and words[i - 3].norm in _FEMININE_DET
            and words[i - 4].norm in _CLAUSE_HEAD
        ):
            # « se » direct object: the participle agrees with the subject (Grevisse,
            # § 952: « la marque s’est excusée »).
            # An adverb may stand between the auxiliary and the participle (« la cliente
            # s’est d’abord plainte », « s’est vite inscrite »).
            p = i + 1
            if words[p].norm == "d'" and words[p + 1].norm == "abord":
                p += 2
            elif words[p].tags and all(t.startswith(":W") for t in words[p].tags):
                p += 1
            noun, pp = words[i - 2], words[p]
            nouns = [t for t in noun.tags if t.startswith(":N")]
            readings = [(lm, t) for lm, t in zip(pp.lemmas, pp.tags, strict=True) if ":Q" in t]
            if (
                p + 1 < n
                and nouns
                and all(":f" in t for t in nouns)
                and readings
                and all(":m:s" in t for _, t in readings)
                and not {lm for lm, _ in readings} & _INDIRECT_SE
                # « plaint », « inscrit » are also « il plaint », « il inscrit », which
                # « s’est » cannot precede
                and (pp.norm.endswith("t") or not any(_FINITE.search(t) for t in pp.tags))
                and not any(":Y" in t for t in words[p + 1].tags)
                and (
                    not any(":D" in t for t in words[p + 1].tags)
                    or (
                        words[p + 1].norm in ("du", "des", "de", "d'")
                        and {lm for lm, _ in readings} & _SE_DE
                    )
                )
                # participles in -t too, not « fait », which stays invariable before an
                # infinitive (« elle s’est fait aider »)
                and (pp.norm.endswith(("é", "i", "u")) or pp.norm.endswith(("int", "it")))
                and pp.norm != "fait"
                and any(":Q" in t for t in _tags(pp.text + "e"))
            ):
                form = pp.text + "e"
                hits.append(
                    _hit(
                        pp,
                        form,
                        f"« se » est complément direct : le participe s’accorde avec le sujet"
                        f" « {words[i - 3].text} {noun.text} » (« {form} »).",
                    )
                )
        elif (
            norm in ("je", "j'")
            # past the object pronouns (« je vous enverrai le devis demain »)
            and (v := _verb_after(words, i + 1)) is not None
            and _future_marked(words, i)
            and (form := _verb_form(words[v], ":If", ":1s", ":K"))
            and not set(words[v].lemmas) & _POLITE_CONDITIONAL
        ):
            # A time to come stated (« demain », « la semaine prochaine ») and no
            # condition: the future, « je publierai », not the conditional « je
            # publierais » (Bescherelle, futur et conditionnel à la 1ʳᵉ personne; BDL,
            # « Futur simple ou conditionnel présent »).
            hits.append(
                _hit(
                    words[v],
                    form,
                    f"Un fait à venir, sans condition : le futur « {form} », non le conditionnel.",
                )
            )
        elif norm == "," and (found := _comparison_insert(words, i)):
            verb, subject = found
            lemma, tags = _finite_readings(verb)[0]
            tense = next((t for t in (":Ip", ":If", ":Iq", ":K") if t in tags), None)
            form = _conj().getConj(lemma, tense, ":3s") if tense else None
            if form and form != verb.norm:
                form = _same_case(form, verb.text)
                hits.append(
                    _hit(
                        verb,
                        form,
                        f"Entre virgules, « ainsi que… » ne s’ajoute pas au sujet : le verbe"
                        f" s’accorde avec « {subject} » (« {form} »).",
                    )
                )
        elif norm in ("que", "qu'") and (found := _across_relative(words, i)):
            verb, person, subject = found
            lemma, tags = _finite_readings(verb)[0]
            tense = next((t for t in (":Ip", ":If", ":Iq", ":K") if t in tags), None)
            form = _conj().getConj(lemma, tense, person) if tense else None
            if form and form != verb.norm:
                form = _same_case(form, verb.text)
                hits.append(
                    _hit(
                        verb,
                        form,
                        f"Le sujet est « {subject} », avant la relative : le verbe s’accorde"
                        f" avec lui (« {form} »).",
                    )
                )
        elif norm in ("se", "s'") and i + 3 < n and (found := _inverted_after_place(words, i)):
            verb, tense, subject = found
            if form := _plural_form(verb, tense):
                message = f"Le sujet inversé « {subject} » est pluriel : « {form} »."
                hits.append(_hit(verb, form, message))
        elif norm == "qui" and words[i - 1].norm == "et" and (found := _second_qui(words, i)):
            verb, tense = found
            if form := _plural_form(verb, tense):
                message = (
                    f"« et qui » reprend l’antécédent pluriel du premier « qui » : le verbe"
                    f" au pluriel (« {form} »)."
                )
                hits.append(_hit(verb, form, message))
        elif norm == "qui":
            person = _plural_antecedent(words, i)
            if person and i + 1 < n:
                k = i + 1
                while k < n - 1 and words[k].norm in _CLITICS:
                    k += 1
                form = _verb_form(words[k], ":Ip", ":3p", ":3s")
                # (-e of the first group; -t, -d of the others: « qui fait », « qui prend »,
                # a form no participle right after « qui » can be)
                if form and words[k].norm.endswith(("e", "t", "d")):
                    hits.append(
                        _hit(
                            words[k],
                            form,
                            f"« qui » reprend un nom pluriel : le verbe s’accorde « {form} ».",
                        )
                    )
        elif norm in ("chacun", "chacune") and words[i + 1].norm in ("des", "d'entre"):
            k = i + 2
            limit = i + 8
            while k < min(n, limit) and (
                not _finite_readings(words[k])
                # a noun after its determiner, though a verb too (« la série »)
                or (
                    words[k - 1].norm in _DET_SINGULAR | _DET_PLURAL
                    and any(t.startswith(":N") for t in words[k].tags)
                )
            ):
                if words[k].norm == "«":
                    # a title in quotation marks is one noun (« la série « Un métier, une
                    # histoire » ont »): past it
                    close = next(
                        (m for m in range(k + 1, min(n, k + 12)) if words[m].norm == "»"), None
                    )
                    if close is None:
                        break
                    limit += close - k
                    k = close + 1
                    continue
                if words[k].norm in _CLAUSE_HEAD or words[k].norm in ("qui", "que", "qu'"):
                    break
                k += 1
            if k < n and _finite_readings(words[k]):
                _singular(words[k], hits, f"« {word.text} » est singulier")
        elif norm == "moi" and words[i - 1].norm == "et" and i >= 3:
            if not (
                words[i - 2].text[:1].isupper()
                or any(t.startswith((":N", ":M")) for t in words[i - 2].tags)
            ):
                continue
            # the other subject: a name, or a noun phrase opening the clause (« Mon
            # associée et moi », « La fondatrice de l’agence et moi »)
            k = i - 3
            while k > 0 and i - k <= 6 and words[k].norm not in _CLAUSE_HEAD:
                if _finite_readings(words[k]) and not any(
                    t.startswith((":N", ":A", ":G")) for t in words[k].tags
                ):
                    break
                k -= 1
            if words[k].norm not in _CLAUSE_HEAD or (
                k < i - 3 and words[k + 1].norm not in _DET_SINGULAR | _DET_PLURAL
            ):
                continue
            form = _verb_form(words[i + 1], ":Ip", ":1p", ":3p") or _verb_form(
                words[i + 1], ":Ip", ":1p", ":3s"
            )
            if form:
                hits.append(
                    _hit(
                        words[i + 1],
                        form,
                        f"« … et moi » vaut « nous » : le verbe se met à la 1ʳᵉ personne du"
                        f" pluriel (« {form} »).",
                    )
                )
        elif norm == "plus" and words[i + 1].norm in ("d'",) and words[i + 2].norm == "un":
            k = i + 3
            if k + 1 < n and any(t.startswith(":N") for t in words[k].tags):
                _singular(words[k + 1], hits, "« plus d’un » se construit au singulier")
    return hits


_OBJECT_BEFORE = word_set(
    "que qu' combien quel quelle quels quelles lequel laquelle lesquels lesquelles"
)
_OBJECT_CLITIC = word_set("l' la le les me m' te t' se s' en")
_STOPS = word_set("<s> . ! ? … ; :")


def _no_object_before(words: list, i: int, j: int) -> bool:
    """Whether no direct object can stand before the auxiliary at ``words[i]`` (``j``: the
    word before it, past « ne », « y »): no clitic object, no relative or interrogative
    word earlier in the sentence."""
    before = words[j]
    if before.norm in _OBJECT_CLITIC:
        return False
    if before.norm in ("nous", "vous") and words[j - 1].norm not in _CLAUSE_HEAD:
        return False  # « il vous a reçues »: « vous » may be the object
    if before.norm in ("nous", "vous") and not any(
        (":1p" if before.norm == "nous" else ":2p") in t for t in words[i].tags
    ):
        # « …, nous ont aidés »: the auxiliary is not its person, so « nous » is not the
        # subject but the object (of a subject said before, left out in a series).
        return False
    k = j
    while k > 0 and words[k].norm not in _STOPS:
        if words[k].norm in _OBJECT_BEFORE:
            return False
        k -= 1
    return before.norm not in _STOPS


def _singular(verb, hits: list, why: str) -> None:
    for tense in (":Ip", ":Iq", ":If", ":K"):
        form = _verb_form(verb, tense, ":3s", ":3p")
        readings = _finite_readings(verb)
        if form and any(tense in tags for _, tags in readings):
            hits.append(_hit(verb, form, f"{why} : le verbe s’accorde au singulier (« {form} »)."))
            return


_RELATIVE_STOPS = word_set(
    ", . ! ? … ; : et ou mais car qui que qu' si quand lorsque lorsqu' dont où comme </s>"
)
_SUBJECT_PRONOUNS = word_set("je j' tu il elle on nous vous ils elles")


def _only_finite(word) -> bool:
    return bool(_finite_readings(word)) and not any(
        t.startswith((":N", ":A", ":G", ":W")) or ":Q" in t or ":Y" in t for t in word.tags
    )


def _across_relative(words: list, r: int) -> tuple | None:
    """(main verb, the person it should have, the subject) when a sentence starts with a
    noun phrase, then a relative clause in « que » (« La liste des questions que les
    abonnés ont posées »), and the main verb after the relative disagrees in number with
    the head noun (Grevisse, § 897: the verb agrees with its subject, not with the
    nearest noun; « la plupart » is plural, § 431)."""
    # the noun phrase before « que »: det, noun, adjectives, one complement « de » + noun
    start = r - 1
    while start > 0 and words[start].norm not in _STOPS:
        start -= 1
    first = start + 1
    if r - first < 2 or r - first > 6:
        return None
    head = words[first]
    if head.norm == "la" and words[first + 1].norm == "plupart":
        number, subject = ":3p", "la plupart"
    elif head.norm in _DET_SINGULAR and head.norm != "leur":
        number, subject = ":3s", f"{head.text} {words[first + 1].text}"
    elif head.norm in _PLURAL_HEADS:
        number, subject = ":3p", f"{head.text} {words[first + 1].text}"
    else:
        return None
    noun = words[first + 1]
    if not any(t.startswith(":N") for t in noun.tags) and subject != "la plupart":
        return None
    for w in words[first + 2 : r]:
        # « Le problème c’est que… »: « que » of a completive, not a relative
        if w.norm in _RELATIVE_STOPS or _only_finite(w) or any(":V0e" in t for t in w.tags):
            return None
    # the relative clause: its subject, its verb, then the main verb
    k = r + 1
    if words[k].norm not in _SUBJECT_PRONOUNS and words[k].norm not in (
        _DET_SINGULAR | _DET_PLURAL
    ):
        return None
    seen_relative_verb = False
    k += 1 if words[k].norm in _SUBJECT_PRONOUNS else 2  # past the relative's subject
    for m in range(k, min(len(words), k + 13)):
        w = words[m]
        if w.norm in _RELATIVE_STOPS:
            return None
        if words[m - 1].norm == "·":
            continue  # « abonné·es »
        if not _finite_readings(w) or any(":Q" in t for t in w.tags):
            continue
        if not seen_relative_verb:
            seen_relative_verb = True
            continue
        if not _only_finite(w):
            continue
        readings = _finite_readings(w)
        if number == ":3s" and all(":3p" in t for _, t in readings):
            return w, ":3s", subject
        if number == ":3p" and all(":3p" not in t and ":3s" in t for _, t in readings):
            return w, ":3p", subject
        return None
    return None


_COMPARISONS = (("ainsi", "que"), ("de", "même", "que"), ("tout", "comme"), ("comme",))


def _comparison_insert(words: list, c: int) -> tuple | None:
    """(verb, subject) when a singular subject is followed by a comparison set between
    commas (« La directrice, ainsi que deux collaboratrices, ont présenté »): the verb
    agrees with the first term only (Grevisse, § 445; BDL, « Accord du verbe avec des
    sujets joints par ainsi que »)."""
    start = c - 1
    while start > 0 and words[start].norm not in _STOPS:
        start -= 1
    first = start + 1
    if not 2 <= c - first <= 6 or words[first].norm not in _DET_SINGULAR:
        return None
    if not any(t.startswith(":N") for t in words[first + 1].tags):
        return None
    if any(_only_finite(w) or w.norm in _RELATIVE_STOPS for w in words[first + 1 : c]):
        return None
    k = c + 1
    for comparison in _COMPARISONS:
        if tuple(w.norm for w in words[k : k + len(comparison)]) == comparison:
            k += len(comparison)
            break
    else:
        return None
    for m in range(k, min(len(words), k + 10)):
        if words[m].norm == ",":
            v = m + 1
            while v < len(words) and words[v].norm in _CLITICS:
                v += 1
            if v < len(words) and _only_finite(words[v]):
                readings = _finite_readings(words[v])
                if all(":3p" in t for _, t in readings):
                    subject = f"{words[first].text} {words[first + 1].text}"
                    return words[v], subject
            return None
        if words[m].norm in _STOPS or _only_finite(words[m]):
            return None
    return None


_FUTURE_MARKS = word_set("demain bientôt prochainement")
_NEXT = word_set("prochain prochaine prochains prochaines")
# Verbs whose conditional is one of courtesy or of wish (« je voudrais », « j’aimerais »).
_POLITE_CONDITIONAL = frozenset(
    {"vouloir", "aimer", "pouvoir", "devoir", "préférer", "souhaiter", "adorer", "falloir"}
    | {"avoir", "être", "dire", "conseiller", "recommander", "suggérer", "croire", "penser"}
)


def _future_marked(words: list, i: int) -> bool:
    """Whether the sentence of ``words[i]`` states a time to come before it (« Demain, »,
    « la semaine prochaine ») and no condition (« si », « sinon », « à condition »)."""
    k = i - 1
    while k > 0 and words[k].norm not in _STOPS:
        k -= 1
    end = i + 1
    while end < len(words) and words[end].norm not in _STOPS:
        end += 1
    sentence = {w.norm for w in words[k + 1 : end]}
    marked = bool(sentence & (_FUTURE_MARKS | _NEXT))
    return marked and not sentence & {"si", "s'", "sinon", "condition", "cas", "sans"}


def _compound_plural(text: str) -> str | None:
    """The plural noun the dictionary has for a compound it lacks, its first part's
    number changed (« petit-déjeuners » → « petits-déjeuners », « hauts-parleurs » →
    « haut-parleurs »), when there is exactly one."""
    first, _, rest = text.partition("-")
    if not first.isalpha() or not rest:
        return None
    variants = {first + "s", first + "x"}
    if first.endswith(("s", "x")):
        variants.add(first[:-1])
    found = {
        f"{v}-{rest}"
        for v in variants
        if any(t.startswith(":N") and ":p" in t for _, t in _analyses(f"{v}-{rest}"))
    }
    return found.pop() if len(found) == 1 else None


def _subject_feminine(words: list, i: int) -> bool:
    """Whether the noun subject of the verb at ``words[i]`` (the first noun after the
    sentence's start) is feminine."""
    k = i - 1
    while k > 0 and words[k].norm not in _STOPS:
        k -= 1
    for w in words[k + 1 : i]:
        nouns = [t for t in w.tags if t.startswith(":N")]
        if nouns and not any(t.startswith(":G") for t in w.tags):
            return all(":f" in t for t in nouns)
    return False


def _consonant_start(norm: str) -> bool:
    return norm[:1].isalpha() and norm[:1] not in "aâàeéèêëiîïoôuûùyh"


_PLURAL_HEADS = word_set("les ces mes tes ses nos vos leurs plusieurs")
_AMONG = word_set("partie parmi un une l'un l'une")
_FEMININE_DET = word_set("la cette ma ta sa une")


_SELECTIVE = word_set("rares seuls seules meilleurs meilleures premiers premières plus")


def _plural_antecedent(words: list, i: int) -> str | None:
    """« :3p » when a plural noun phrase stands right before « qui » (« les trois
    publications qui », « partie des créateurs togolais qui »), a noun phrase no singular
    noun governs (« la liste de nos produits qui »: the list or the products)."""
    j = i - 1
    while (
        j > 2
        and any(":A" in t for t in words[j].tags)
        and any(t.startswith(":N") for t in words[j - 1].tags)
        and not any(t.startswith(":G") for t in words[j - 1].tags)
    ):
        j -= 1  # adjectives after the noun (« créateurs togolais »)
    if (
        j > 6
        and words[j - 1].norm in ("de", "d'")
        and words[j].text[:1].isupper()
        and any(
            words[m].norm in ("l'un", "l'une", "un", "une")
            or (words[m].norm in ("un", "une") and words[m - 1].norm == "l'")
            for m in range(j - 6, j - 3)
        )
        and any(words[m].norm in _SELECTIVE for m in range(j - 4, j - 1))
    ):
        # « l’une des rares agences de Conakry qui proposent »: past the complement of
        # place; after « un des » + a selective adjective (« rares », « seuls », « plus »),
        # « qui » takes the plural of the set (Grevisse, § 431; BDL, « L’un des… qui »)
        j -= 2
    noun = words[j]
    nouns = [t for t in noun.tags if t.startswith(":N")]
    if not nouns or not all(":p" in t for t in nouns):
        return None
    j -= 1
    while (
        j > 1
        and words[j].tags
        and all(t.startswith((":A", ":N:A")) for t in words[j].tags)
        and words[j].norm not in _PLURAL_HEADS
    ):
        j -= 1  # adjectives before the noun (« les petits détails »)
    if words[j].norm[:1].isdigit() or any(":B" in t for t in words[j].tags):
        j -= 1
    det = words[j]
    if det.norm in _PLURAL_HEADS and words[j - 1].norm not in ("de", "d'", "du", "des"):
        return ":3p"
    if det.norm == "des" and words[j - 1].norm in _AMONG:
        return ":3p"
    return None


# -- more classes the grammars state in general terms ------------------------------------------

# Adverbs of quantity + « de » + a plural noun: the verb agrees with the noun (Grevisse,
# § 431: « beaucoup de gens pensent »; BDL, « Accord du verbe avec un adverbe de quantité »).
_QUANTITY = word_set("beaucoup peu trop assez énormément tant combien")
_SUBJECT_BEFORE = _CLAUSE_HEAD | word_set(
    "que qu' et mais car donc si quand lorsque lorsqu' comme où puisque"
)
# Verbs put before their subject at the start of a sentence or after a complement of
# place (Grevisse, § 386: « Viennent ensuite les questions », « Dans la vitrine trônent
# les trophées »): verbs of coming, remaining and of position.
_INVERTING = frozenset({"venir", "suivre", "rester", "figurer", "apparaître", "arriver"})
_POSITION = frozenset(
    {
        "trôner",
        "figurer",
        "régner",
        "pendre",
        "flotter",
        "reposer",
        "siéger",
        "briller",
        "traîner",
        "dormir",
        "défiler",
        "voisiner",
        "cohabiter",
        "attendre",
        "trouver",
        "dresser",
        "tenir",
        "aligner",
        "entasser",
        "empiler",
        "étaler",
        "afficher",
        "côtoyer",
    }
)
_INVERSION_ADVERBS = word_set(
    "ensuite enfin alors aussi également maintenant encore désormais surtout après toujours"
    " fièrement déjà"
)
_PLACE_OPENERS = word_set("dans sur sous devant derrière entre parmi juste à au près chez contre")
# Reflexive pronoun and the forms of être it takes (« nous nous sommes », « elle s’est »).
_REFLEXIVE_BE = {
    "me": word_set("suis étais serai serais"),
    "m'": word_set("suis étais serai serais"),
    "te": word_set("es étais seras serais"),
    "t'": word_set("es étais seras serais"),
    "se": word_set("est était sera serait étaient seront seraient"),
    "s'": word_set("est était sera serait étaient seront seraient"),
    "nous": word_set("sommes étions serons serions"),
    "vous": word_set("êtes étiez serez seriez"),
}
# Verbs whose pronominal form takes an attribute, not an object (« elle s’est montrée une
# hôtesse parfaite », « s’est révélée une alliée »): the participle agrees with the subject.
_ATTRIBUTE_SE = frozenset(
    {
        "montrer",
        "révéler",
        "avérer",
        "sentir",
        "trouver",
        "retrouver",
        "croire",
        "voir",
        "vouloir",
        "dire",
        "déclarer",
        "affirmer",
        "faire",
        "rendre",
        "découvrir",
        "imaginer",
        "présenter",
        "considérer",
        "estimer",
        "juger",
        "savoir",
        "reconnaître",
        "proclamer",
        "prétendre",
        "nommer",
        "appeler",
        "ériger",
        "improviser",
        "classer",
        "placer",
        "imposer",
    }
)
_DAYS = word_set("lundi mardi mercredi jeudi vendredi samedi dimanche")
_OBJECT_DETS = word_set("un une le la les l' des mon ma mes ton ta tes son sa ses leur leurs")


def _tense_of(readings) -> str | None:
    return next((t for t in (":Ip", ":Iq", ":If", ":K") if t in readings[0][1]), None)


def _plural_subject_after(words: list, k: int) -> str | None:
    """The plural noun phrase at ``words[k]`` (« les deux étapes »), quoted, or None."""
    if k >= len(words) or words[k].norm not in _PLURAL_HEADS | word_set("des"):
        return None
    m = k + 1
    if m < len(words) and (words[m].norm[:1].isdigit() or any(":B" in t for t in words[m].tags)):
        m += 1
    if m >= len(words) or not any(t.startswith(":N") and ":p" in t for t in words[m].tags):
        return None
    return " ".join(w.text for w in words[k : m + 1])


def _plural_form(verb, tense: str) -> str | None:
    """``verb`` at the third person plural of ``tense``, in its case, or None when it is
    written so already."""
    form = _conj().getConj(_finite_readings(verb)[0][0], tense, ":3p")
    return _same_case(form, verb.text) if form and form != verb.norm else None


def _inverted_hit(words: list, v: int, subject: str) -> Hit | None:
    verb = words[v]
    readings = _finite_readings(verb)
    if not readings or not all(":3s" in t for _, t in readings):
        return None
    tense = _tense_of(readings)
    form = _plural_form(verb, tense) if tense else None
    if not form:
        return None
    return _hit(verb, form, f"Le sujet inversé « {subject} » est pluriel : « {form} ».")


def _reflexive_participle(words: list, i: int) -> Hit | None:
    """« elle s’est achetée un trépied », « nous nous sommes téléphonées »: a pronominal verb
    whose « se » is an indirect object keeps its participle invariable when no direct object
    stands before it (Grevisse, § 952: « elle s’est acheté une robe », « elles se sont
    téléphoné »). « se sont » has its own rule (``check_pronominal_participle``)."""
    pronoun, be = words[i - 1].norm, words[i].norm
    if pronoun not in _REFLEXIVE_BE or be not in _REFLEXIVE_BE[pronoun] or be == "sont":
        return None
    if pronoun in ("nous", "vous") and (i < 2 or words[i - 2].norm != pronoun):
        return None  # « nous sommes » alone is être, no pronominal verb
    subject = words[i - 3] if pronoun in ("nous", "vous") else words[i - 2]
    if subject.norm in ("où", "que", "qu'", "dont", "comment", "quand", "pourquoi"):
        return None  # « la salle où s’est déroulée la fête »: the subject comes after
    k = i + 1
    if k < len(words) - 1 and words[k].tags and all(t.startswith(":W") for t in words[k].tags):
        k += 1
    pp = words[k]
    found = _participle_ms(pp)
    if found is None or k + 1 >= len(words):
        return None
    form, lemmas = found
    # an object before (« les libertés qu’elles se sont permises »): it decides
    for j in range(i - 2, 0, -1):
        if words[j].norm in _STOPS:
            break
        if words[j].norm in ("que", "qu'"):
            return None
    after = words[k + 1]
    if lemmas & _SE_INDIRECT_DE and after.norm in ("de", "d'"):
        # « elle s’est permis de… », « il s’est promis de… »: « se » is the indirect object,
        # the infinitive the direct one, after the participle (Grevisse, § 952)
        return _hit(
            pp,
            form,
            f"« se » est complément indirect de « se {sorted(lemmas)[0]} de » : le participe"
            f" passé reste invariable (« {form} »).",
        )
    if lemmas & _INDIRECT_SE:
        if after.norm in ("que", "qu'", "de", "d'") or any(":Y" in t for t in after.tags):
            return None  # « elles se sont dit que », « s’est permis de »: other rules
        return _hit(
            pp,
            form,
            f"« se » est complément indirect de « {sorted(lemmas)[0]} » : le participe passé"
            f" reste invariable (« {form} »).",
        )
    if after.norm not in _OBJECT_DETS or k + 2 >= len(words) or lemmas & (_ATTRIBUTE_SE | _SE_DE):
        return None
    noun = words[k + 2]
    if (
        noun.norm in _TIME_AFTER | _DAYS | word_set("peu fois autre autres")
        or not (
            any(t.startswith(":N") and not t.startswith(":N:A") for t in noun.tags)
            or (not noun.tags and noun.text.isalpha())
        )
        or not any(t.startswith(":V") and ":Q" in t and "t" in t.split(":")[1][2:] for t in pp.tags)
    ):
        return None
    return _hit(
        pp,
        form,
        f"Le complément d’objet « {after.text} {noun.text} » suit le participe : « se » est"
        f" complément indirect, le participe reste invariable (« {form} »).",
    )


def check_more_classes(text: str, words: list) -> list[Hit]:
    """More agreement classes of the grammars:

    - after an adverb of quantity and « de » + a plural noun, the verb is plural
      (Grevisse, § 431): « beaucoup de clientes nous écrit » → « écrivent »;
    - the participle of « falloir » is invariable (Grevisse, § 945; BDL, « Participe passé
      des verbes impersonnels »): « les efforts qu’il a fallus » → « fallu »;
    - a verb of coming or remaining opening the sentence, or a verb of position after a
      complement of place, agrees with the subject put after it (Grevisse, § 386, § 899):
      « Vient ensuite les deux étapes » → « Viennent »; « Dans la vitrine, trône les
      trophées » → « trônent »;
    - a pronominal verb whose « se » is indirect keeps its participle invariable, at every
      person (Grevisse, § 952): « elle s’est achetée un trépied » → « acheté », « nous
      nous sommes téléphonées » → « téléphoné »;
    - « commencer par », « finir par » take an infinitive (Grevisse, § 884): « commencez
      par analysé » → « analyser ».
    """
    hits = []
    n = len(words)
    place_opened = False
    sentence = 1
    for i in range(1, n - 2):
        word, norm = words[i], words[i].norm
        if words[i - 1].norm in _STOPS:
            place_opened = norm in _PLACE_OPENERS
            sentence = i
        if norm in ("fallus", "fallue", "fallues"):
            found = _hit(
                word,
                "fallu",
                "Le participe passé de « falloir », verbe impersonnel, est invariable : « fallu ».",
            )
            hits.append(replace(found, rule=NONEXISTENT))
        elif (
            (
                (norm in _QUANTITY and words[i - 1].norm in _SUBJECT_BEFORE)
                # « bon nombre de » is an adverb of quantity too (Grevisse, § 431)
                or (
                    norm == "nombre"
                    and words[i - 1].norm == "bon"
                    and words[i - 2].norm in _SUBJECT_BEFORE
                )
            )
            and words[i + 1].norm in ("de", "d'")
            and any(t.startswith(":N") and ":p" in t for t in words[i + 2].tags)
        ):
            k = i + 3
            while k < n and words[k].tags and all(t.startswith(":A") for t in words[k].tags):
                k += 1
            adjectives_end = k
            while k < n and words[k].norm in _CLITICS and words[k].norm not in ("le", "la"):
                k += 1
            # after a clitic only a verb can come (« nous écrit »); else not a word that
            # may be a noun, an adjective or a participle of the noun phrase
            if (
                k < n
                and (form := _verb_form(words[k], ":Ip", ":3p", ":3s"))
                and (
                    k > adjectives_end
                    or not any(t.startswith((":N", ":A")) or ":Q" in t for t in words[k].tags)
                )
            ):
                hits.append(
                    _hit(
                        words[k],
                        form,
                        f"Après « {'bon ' if norm == 'nombre' else ''}{word.text}"
                        f" {words[i + 1].text} {words[i + 2].text} »,"
                        f" le verbe s’accorde avec le nom pluriel : « {form} ».",
                    )
                )
        elif words[i - 1].norm in _STOPS and any(
            lemma in _INVERTING for lemma, _ in _finite_readings(word)
        ):
            k = i + 1
            while k < n and words[k].norm in _INVERSION_ADVERBS:
                k += 1
            subject = _plural_subject_after(words, k)
            if subject and k > i + 1 and (found := _inverted_hit(words, i, subject)):
                hits.append(found)
        elif (
            place_opened
            and norm == ","
            and i + 2 < n
            and any(lemma in _POSITION for lemma, _ in _finite_readings(words[i + 1]))
        ):
            # no verb of its own in the complement of place before the comma (a noun too,
            # « trône », is the verb before the subject it agrees with)
            if any(_only_finite(w) for w in words[sentence:i]):
                continue
            k = i + 2
            while k < n and words[k].norm in _INVERSION_ADVERBS:
                k += 1
            subject = _plural_subject_after(words, k)
            if subject and (found := _inverted_hit(words, i + 1, subject)):
                hits.append(found)
        elif (
            place_opened
            and norm == ","
            and i + 3 < n
            and words[i + 1].norm in ("se", "s'")
            and any(lemma in _POSITION for lemma, _ in _finite_readings(words[i + 2]))
            and not any(_only_finite(w) for w in words[sentence:i])
        ):
            # « Dans la cour, se trouve les tables »
            k = i + 3
            while k < n and words[k].norm in _INVERSION_ADVERBS:
                k += 1
            subject = _plural_subject_after(words, k)
            if subject and (found := _inverted_hit(words, i + 2, subject)):
                hits.append(found)
        elif norm == "par" and any(
            lemma in ("commencer", "finir", "terminer")
            for lemma, _ in _finite_readings(words[i - 1])
        ):
            pp = words[i + 1]
            lemma = next(
                (
                    lm
                    for lm, t in zip(pp.lemmas, pp.tags, strict=True)
                    if t.startswith(":V1") and ":Q" in t
                ),
                None,
            )
            # (a noun too, « un analysé », cannot follow « par » without its determiner)
            if lemma and pp.norm.endswith(("é", "és", "ée", "ées")):
                hits.append(
                    _hit(
                        pp,
                        lemma,
                        f"Après « {words[i - 1].text} par », l’infinitif : « {lemma} » et non"
                        f" le participe « {pp.text} ».",
                    )
                )
        elif (
            norm in _REFLEXIVE_BE.get(words[i - 1].norm, ())
            and (found := _reflexive_participle(words, i))
        ) or (norm == "ni" and words[i - 1].norm in _STOPS and (found := _neither_nor(words, i))):
            hits.append(found)
    return hits


def _neither_nor(words: list, i: int) -> Hit | None:
    """« Ni les likes ni les partages ne suffit » → « suffisent »: subjects joined by « ni…
    ni » take the plural verb as a rule (Grevisse, § 445; BDL, « Accord du verbe avec des
    sujets joints par ni »); the two noun phrases of the third person, then « ne »."""
    k = i + 1
    for _ in range(2):
        if k + 1 >= len(words) or words[k].norm not in _DET_SINGULAR | _DET_PLURAL:
            return None
        if not any(t.startswith(":N") for t in words[k + 1].tags):
            return None
        k += 2
        while k < len(words) and words[k].tags and all(t.startswith(":A") for t in words[k].tags):
            k += 1
        if _ == 0:
            if words[k].norm != "ni":
                return None
            k += 1
    if k + 1 >= len(words) or words[k].norm not in ("ne", "n'"):
        return None
    k += 1
    while k < len(words) and words[k].norm in _CLITICS:
        k += 1
    form = _verb_form(words[k], ":Ip", ":3p", ":3s") if k < len(words) else None
    if not form:
        return None
    return _hit(
        words[k],
        form,
        f"Sujets joints par « ni… ni » : le verbe se met au pluriel (« {form} »).",
    )


# -- constructions the usage guides name ------------------------------------------------------

_DET_BEFORE_FEU = word_set("le la l' les mon ma mes ton ta tes son sa ses notre nos votre vos leur")
_IMPERATIVE_ORDER = re.compile(r"^(.+)-(moi|toi|lui|nous|vous|leur)-(le|la|les)$")
_COMPOUND_PREPOSITION = re.compile(r"^([a-zà-ÿœ]+)-(en|de|à|du)-([a-zà-ÿœ]+?)(s|x)$")
_INVARIABLE_FIRST = word_set("hors sans après avant sous sur entre contre arrière avant")
_NU = re.compile(r"^(nus|nue|nues)-(pieds|pied|tête|jambes|bras|mains|dos)$")
_VERB_NOUN = re.compile(
    r"^(porte|garde|couvre|tire|presse|essuie|lave|ouvre|coupe|cache|protège|casse|ramasse"
    r"|taille|chauffe|compte|pare|brise|grille|lance|attrape|pèse)-([a-zà-ÿœ]+)$"
)
_PLURAL_DETERMINERS = word_set("les des ces mes tes ses nos vos leurs plusieurs quelques")
_REFLEXIVES = word_set("me m' te t' se s' nous vous")
_EACH_ONE = word_set("chacun chacune")
_BEFORE_EACH = word_set("<s> . ! ? … ; : , et mais")


def _plural_determiner(word) -> bool:
    return (
        word.norm in _PLURAL_DETERMINERS
        or (word.norm[:1].isdigit() and word.norm not in ("0", "1"))
        or any(t.startswith(":B") and ":p" in t for t in word.tags)
    )


def _noun_singular(word) -> str | None:
    """The singular of the plural noun ``word`` (its lemma), when it is a noun only."""
    readings = [
        (lemma, tags)
        for lemma, tags in zip(word.lemmas, word.tags, strict=True)
        if tags.startswith(":N")
    ]
    if not readings or not all(":p" in tags and ":i" not in tags for _, tags in readings):
        return None
    if any(_FINITE.search(t) and ":2s" not in t for t in word.tags):
        return None
    return _same_case(readings[0][0], word.text)


def _construction(word, form: str, message: str) -> Hit:
    return replace(_hit(word, form, message), rule="construction")


def check_constructions(text: str, words: list) -> list[Hit]:
    """Constructions the usage guides name, each recognised by its shape:

    - « feu » (late) before the determiner is invariable (Grevisse, § 561; Académie,
      Dictionnaire: « feu la reine »): « Feue ma grand-mère » → « Feu »;
    - « c’est nous », « c’est vous »: « ce sont » only before a third person plural
      (Grevisse, § 932; BDL, « C’est et ce sont »);
    - « malgré que » is to be avoided for « bien que » (Académie, Dire, ne pas dire:
      « Malgré que »), but in « malgré que j’en aie »;
    - the imperative puts the direct object before the indirect one (Grevisse, § 683;
      BDL, « Ordre des pronoms compléments »): « envoie-moi-le » → « envoie-le-moi »;
    - compound nouns of a noun, a preposition and a noun take the plural on the first
      noun only (Grevisse, § 523; BDL, « Pluriel des noms composés »): « arc-en-ciels »
      → « arcs-en-ciel », « chef-d’œuvres » → « chefs-d’œuvre »;
    - « nu » before a noun it is joined to is invariable (Grevisse, § 561): « nus-pieds »
      → « nu-pieds »;
    - a compound of a verb and a noun takes the plural on the noun, after a plural
      determiner (Rectifications de 1990; BDL, « Pluriel des noms composés »): « des
      porte-clé » → « porte-clés »; « ayant droit » takes it on « ayant » (Académie,
      Dictionnaire: « ayant droit », pl. « ayants droit »);
    - « se rappeler » is transitive: « se rappeler quelque chose », not « de » + a noun
      (Académie, Dire, ne pas dire: « Se rappeler »); « de » + infinitive stays;
    - « l’un et l’autre », « ni l’un ni l’autre » before a noun: the noun is singular
      (Grevisse, § 664; BDL, « L’un et l’autre »): « l’un et l’autre outils » → « outil »;
    - « chacun » subject takes « son », « sa », not « leur » (Grevisse, § 750; BDL,
      « Chacun »): « chacune des stagiaires a présenté leur projet » → « son »;
    - « c’est de… que » or « c’est… dont », not « c’est de… dont » (Académie, Dire, ne
      pas dire: « C’est de cela dont il s’agit »);
    - the participle of « résoudre » is « résolu » (Bescherelle; « résous » only in
      chemistry): « le problème est résous » → « résolu ».
    """
    hits = []
    n = len(words)
    for i in range(1, n - 1):
        word, norm = words[i], words[i].norm
        after = words[i + 1]
        if norm == "feue" and after.norm in _DET_BEFORE_FEU:
            hits.append(
                _construction(
                    word, "feu", "« feu » placé avant le déterminant est invariable : « feu »."
                )
            )
        elif (
            norm == "ce"
            and after.norm == "sont"
            and i + 2 < n
            and words[i + 2].norm in ("nous", "vous")
            and not (i + 3 < n and words[i + 3].norm in _REFLEXIVES)
        ):
            hits.append(
                replace(
                    _construction(
                        word,
                        "c’est",
                        f"« c’est {words[i + 2].text} » : « ce sont » ne s’emploie que devant"
                        f" une 3ᵉ personne du pluriel.",
                    ),
                    end=after.end,
                )
            )
        elif (
            norm == "malgré"
            and after.norm in ("que", "qu'")
            and not (i + 3 < n and words[i + 3].norm == "en")
        ):
            hits.append(
                replace(
                    _construction(
                        word,
                        "bien que" if after.norm == "que" else "bien qu’",
                        "« malgré que » est à éviter : « bien que », « quoique ».",
                    ),
                    end=after.end,
                )
            )
        elif norm.endswith("-d'") and not word.tags and not word.text[:1].isupper():
            # « chef-d’œuvres »: the tokenizer cuts after the elision
            first = norm[:-3]
            singular = _noun_singular(after)
            if (
                singular
                and first not in _INVARIABLE_FIRST
                and "-" not in first
                and any(t.startswith(":N") for _, t in _analyses(first))
            ):
                form = f"{first}s-d’{singular}"
                found = _construction(
                    word,
                    form,
                    f"Pluriel du nom composé : « {form} » (le premier nom seul prend la"
                    f" marque du pluriel).",
                )
                hits.append(replace(found, end=after.end))
        elif "-" in norm and not word.tags:
            form = None
            if m := _IMPERATIVE_ORDER.match(norm):
                form = f"{m[1]}-{m[3]}-{m[2]}"
                message = f"À l’impératif, le complément direct passe d’abord : « {form} »."
            elif (m := _COMPOUND_PREPOSITION.match(norm)) and m[1] not in _INVARIABLE_FIRST:
                if _analyses(m[1]) and any(t.startswith(":N") for _, t in _analyses(m[1])):
                    first = m[1] + ("x" if m[1].endswith(("eau", "au")) else "s")
                    form = f"{first}-{m[2]}-{m[3]}"
                    message = (
                        f"Pluriel du nom composé : « {form} » (le premier nom seul prend la"
                        f" marque du pluriel)."
                    )
            elif m := _NU.match(norm):
                form = f"nu-{m[2]}"
                message = f"« nu » joint au nom par un trait d’union est invariable : « {form} »."
            elif (m := _VERB_NOUN.match(norm)) and not norm.endswith(("s", "x")):
                plural = norm + ("x" if norm.endswith(("eau", "au")) else "s")
                if _plural_determiner(words[i - 1]) and _analyses(plural):
                    form = plural
                    message = (
                        f"Pluriel du nom composé : « {form} » (le nom prend la marque du pluriel)."
                    )
            if (form and not word.text[:1].isupper()) or (
                form
                and word.text[:1].isupper()
                and _IMPERATIVE_ORDER.match(norm)
                and words[i - 1].norm in _SENTENCE_START
            ):
                hits.append(_construction(word, _same_case(form, word.text), message))
        elif (
            norm.endswith(("e", "s"))
            and (words[i - 1].norm in _AVOIR_FORMS or words[i - 2].norm in _AVOIR_FORMS)
            and not any(":Q" in t for t in word.tags)
            and _after_avoir(words, i)
        ):
            form = _intransitive_participle(word)
            if form:
                hits.append(
                    _construction(
                        word,
                        form,
                        f"Le participe passé d’un verbe sans complément d’objet direct reste"
                        f" invariable avec avoir : « {form} ».",
                    )
                )
        elif norm == "résous" and _after_auxiliary(words, i):
            hits.append(
                _construction(
                    word,
                    "résolu",
                    "Le participe passé de « résoudre » est « résolu » (« résous » ne se dit"
                    " qu’en chimie).",
                )
            )
        elif norm == "ayant" and _plural_determiner(words[i - 1]) and after.norm == "droit":
            hits.append(
                replace(
                    _construction(
                        word,
                        "ayants droit",
                        "Pluriel de « ayant droit » : « ayants droit ».",
                    ),
                    end=after.end,
                )
            )
        elif norm.startswith("rappel") and words[i - 1].norm in _REFLEXIVES:
            k = i + 1
            while k < n - 1 and words[k].tags and all(t.startswith(":W") for t in words[k].tags):
                k += 1
            de, det = words[k], words[k + 1] if k + 1 < n else None
            if det is None or de.norm not in ("de", "d'", "du", "des"):
                continue
            if de.norm in ("du", "des"):
                right = "le" if de.norm == "du" else "les"
                hits.append(
                    _construction(
                        de,
                        right,
                        f"« se rappeler » est transitif direct : « se rappeler {right} … »"
                        f" (« se souvenir de »).",
                    )
                )
            elif det.norm in _DET_SINGULAR | _DET_PLURAL and det.norm != "l'":
                found = _construction(
                    de,
                    det.text,
                    "« se rappeler » est transitif direct : « se rappeler quelque chose »"
                    " (« se souvenir de »).",
                )
                hits.append(replace(found, end=det.end))
        elif norm == "autre" and i >= 4 and words[i - 1].norm == "l'":
            before = [w.norm for w in words[i - 4 : i - 1]]
            if before[0] == "l'" and before[1] in ("un", "une") and before[2] in ("et", "ni"):
                singular = _noun_singular(after)
                if singular:
                    hits.append(
                        _construction(
                            after,
                            singular,
                            f"Après « l’{before[1]} et l’autre », « ni l’{before[1]} ni"
                            f" l’autre », le nom reste au singulier : « {singular} ».",
                        )
                    )
        elif norm in _EACH_ONE and words[i - 1].norm in _BEFORE_EACH:
            hit = _each_their(words, i)
            if hit:
                hits.append(hit)
        elif norm == "dont" and i >= 4:
            # « c’est de cela dont… »: « de » is said twice
            for k in range(i - 1, max(0, i - 5), -1):
                if words[k].norm in _STOPS or words[k].norm in (",", "que", "qu'", "qui"):
                    break
                if (
                    words[k].norm in ("de", "d'")
                    and words[k - 1].norm == "est"
                    and words[k - 2].norm in ("c'", "ce")
                ):
                    hits.append(
                        _construction(
                            word,
                            "que",
                            "« c’est de … dont » dit deux fois « de » : « c’est de … que »"
                            " ou « c’est … dont ».",
                        )
                    )
                    break
    return hits


def _each_their(words: list, i: int) -> Hit | None:
    """« Chacune des stagiaires a présenté leur projet »: « chacun » subject, a singular
    verb, then « leur » + a singular noun in its clause."""
    k = i + 1
    if words[k].norm in ("des", "d'", "de"):
        k += 1
        while k < len(words) and (
            words[k].norm in _DET_PLURAL
            or (
                any(t.startswith((":N", ":A")) or ":Q" in t for t in words[k].tags)
                and not _finite_readings(words[k])
            )
        ):
            k += 1
    if k >= len(words) or not any(":3s" in t for _, t in _finite_readings(words[k])):
        return None
    for m in range(k + 1, min(k + 5, len(words) - 1)):
        w = words[m]
        if w.norm in _STOPS or w.norm in (",", "que", "qu'", "qui", "et", "ou"):
            return None
        if w.norm == "leur":
            noun = words[m + 1]
            readings = [t for t in noun.tags if t.startswith(":N")]
            if not readings or not all(":s" in t or ":i" in t for t in readings):
                return None
            feminine = all(":f" in t for t in readings) and noun.norm[:1] not in "aâàeéèêiîoôuûh"
            right = "sa" if feminine else "son"
            return _construction(
                w,
                right,
                f"« {words[i].text} » sujet : le possessif est « {right} », pas « leur »"
                f" (« chacun son tour »).",
            )
        if not (
            (w.tags and all(t.startswith((":W", ":V")) for t in w.tags))
            or any(":Q" in t for t in w.tags)
            or w.norm in ("déjà", "bien", "aussi", "tout")
        ):
            return None
    return None


def _after_auxiliary(words: list, i: int) -> bool:
    """Whether ``words[i]`` follows a finite form of avoir or être (adverbs skipped)."""
    j = i - 1
    while j > 1 and words[j].tags and all(t.startswith(":W") for t in words[j].tags):
        j -= 1
    return any(
        lemma in ("avoir", "être") and _FINITE.search(tags)
        for lemma, tags in zip(words[j].lemmas, words[j].tags, strict=True)
    )


def _after_avoir(words: list, i: int) -> bool:
    """Whether ``words[i]`` follows a finite form of avoir (past adverbs skipped)."""
    j = i - 1
    while j > 1 and words[j].tags and all(t.startswith(":W") for t in words[j].tags):
        j -= 1
    return words[j].norm in _AVOIR_FORMS and any(
        lemma == "avoir" and _FINITE.search(tags)
        for lemma, tags in zip(words[j].lemmas, words[j].tags, strict=True)
    )


def _intransitive_participle(word) -> str | None:
    """« durées » after avoir: the participle of a verb that takes no direct object
    (« durer », « dormir », « nuire »), written agreed. It is invariable (Grevisse, § 947:
    « les heures qu’il a dormi »); the agreed form is no participle of the dictionary."""
    for cut, ending in ((2, "es"), (1, "e"), (1, "s")):
        if not word.norm.endswith(ending):
            continue
        base = word.text[:-cut]
        readings = [(lemma, tags) for lemma, tags in _analyses(base) if tags.startswith(":V")]
        participles = [tags for _, tags in readings if ":Q" in tags]
        if participles and not any("t" in tags.split(":")[1][2:] for _, tags in readings):
            return base
    return None


# -- classes added from dev7's misses ---------------------------------------------------------

_ETRE_3P = word_set("sont étaient seront seraient furent soient fussent")
_REFLEXIVE_BEFORE = word_set("se s' me m' te t' nous vous")
_PLURAL_PRONOUNS = {"ils": ":m", "elles": ":f", "eux": ":m"}
# Verbs whose present participle and verbal adjective are spelt apart (BDL, « Participe
# présent et adjectif verbal »; Grevisse, § 920): participle → adjective.
_VERBAL_ADJECTIVES = {
    "adhérant": "adhérent",
    "affluant": "affluent",
    "coïncidant": "coïncident",
    "communiquant": "communicant",
    "convainquant": "convaincant",
    "convergeant": "convergent",
    "déférant": "déférent",
    "différant": "différent",
    "divergeant": "divergent",
    "émergeant": "émergent",
    "équivalant": "équivalent",
    "excellant": "excellent",
    "expédiant": "expédient",
    "extravaguant": "extravagant",
    "fatiguant": "fatigant",
    "influant": "influent",
    "intriguant": "intrigant",
    "naviguant": "navigant",
    "négligeant": "négligent",
    "précédant": "précédent",
    "provoquant": "provocant",
    "somnolant": "somnolent",
    "suffoquant": "suffocant",
    "vaquant": "vacant",
    "zigzaguant": "zigzagant",
}
_DEGREE_BEFORE = word_set(
    "très trop si plus moins assez aussi peu vraiment tellement particulièrement fort bien"
)
_ATTRIBUTE_VERBS = frozenset({"être", "devenir", "sembler", "paraître", "rester", "demeurer"})
_CLAUSE_END = word_set(". ! ? … ; : </s>")


def _plural_gender_before(words: list, i: int, default: str = ":m") -> str:
    """The gender (``:m`` or ``:f``) of the nearest plural subject before ``words[i]`` in its
    sentence: a pronoun « ils », « elles », or a plural noun heading its phrase; ``default``
    when none is seen."""
    k = i - 1
    while k > 0 and words[k].norm not in _STOPS:
        if words[k].norm in _PLURAL_PRONOUNS:
            return _PLURAL_PRONOUNS[words[k].norm]
        nouns = [t for t in words[k].tags if t.startswith(":N") and ":p" in t]
        if nouns and words[k - 1].norm not in ("des", "de", "d'", "aux", "à"):
            # (not the complement of a noun: « les pères des filles »)
            return ":f" if all(":f" in t for t in nouns) else ":m"
        k -= 1
    return default


def _plural_participle(text: str, words: list, i: int) -> Hit | None:
    """« sont monté »: after a third person plural of être, a participle written masculine
    singular, the participle of a verb (not a noun too), not of a pronominal verb."""
    j = i + 1
    while j < len(words) - 1 and words[j].tags and all(t.startswith(":W") for t in words[j].tags):
        j += 1
    word = words[j]
    readings = [
        (lemma, tags)
        for lemma, tags in zip(word.lemmas, word.tags, strict=True)
        if tags.startswith(":V") and ":Q" in tags
    ]
    if (
        not readings
        or not all(":m:s" in tags for _, tags in readings)
        or any(_FINITE.search(t) for t in word.tags)
        or words[i - 1].norm in _REFLEXIVE_BEFORE
        or (words[i - 1].norm in ("en", "y") and words[i - 2].norm in _REFLEXIVE_BEFORE)
        or text[word.end : word.end + 1] in ("·", "(", "-", "/")
    ):
        return None
    # « sont associé s’occupait »: a verb after it, « sont » stands for « son »
    k = j + 1
    while k < len(words) - 1 and words[k].norm in _CLITICS:
        k += 1
    if _only_finite(words[k]):
        return None
    gender = _plural_gender_before(words, i)
    lemma = readings[0][0]
    genders = (gender, ":f" if gender == ":m" else ":m")
    forms = [_conj().getConj(lemma, ":Q", g + ":p") for g in genders]
    forms = [_same_case(f, word.text) for f in forms if f and f != word.norm]
    if not forms:
        return None
    return Hit(
        word.start,
        word.end,
        "grammar",
        WRONG_FORM,
        f"Participe passé avec « {words[i].text} » : il s’accorde avec le sujet, au pluriel "
        f"(« {forms[0]} »).",
        tuple(forms),
    )


def _verbal_adjective(words: list, i: int) -> Hit | None:
    """« c’est fatiguant », « une marque négligeante »: the participle's spelling where the
    adjective is meant. The participle is invariable, so an agreed form (« -ante »,
    « -ants ») is always the adjective; the bare form is told as one after a verb of state,
    an adverb of degree, « et » after an adjective, or a noun it ends the clause after."""
    word = words[i]
    norm = word.norm
    stem, ending = norm, ""
    for cut in ("es", "e", "s"):
        if norm.endswith("ant" + cut):
            stem, ending = norm[: -len(cut)], cut
            break
    if stem not in _VERBAL_ADJECTIVES:
        return None
    before = words[i - 1]
    if not ending:
        if before.norm in ("en", "tout", ",") or words[i + 1].norm in ("-", "'"):
            return None
        attribute = any(
            lemma in _ATTRIBUTE_VERBS and _FINITE.search(tags)
            for lemma, tags in zip(before.lemmas, before.tags, strict=True)
        ) or before.norm in ("c'est", "être", "été")
        coordinated = before.norm in ("et", "ou") and any(
            t.startswith(":A") or ":A:" in t for t in words[i - 2].tags
        )
        closing = (
            _is_noun(before)
            and words[i - 2].norm in _DET_SINGULAR | _DET_PLURAL | word_set("du au aux")
            and words[i + 1].norm in _CLAUSE_END
        )
        if not (attribute or before.norm in _DEGREE_BEFORE or coordinated or closing):
            return None
    right = _VERBAL_ADJECTIVES[stem] + ending
    # (an agreed form is no word of the dictionary: the spelling check reports it first,
    # with the adjective among its suggestions)
    return _hit(
        word,
        right,
        f"« {word.text} » est le participe présent (invariable) ; l’adjectif s’écrit "
        f"« {_same_case(right, word.text)} ».",
    )


_PAST_KNOWING = frozenset(
    {"savoir", "promettre", "dire", "penser", "croire", "espérer", "jurer", "annoncer"}
    | {"écrire", "assurer", "prévenir", "imaginer", "pressentir", "deviner", "sentir"}
)


def _conditional_in_past(words: list, i: int) -> Hit | None:
    """« je savais que je pourrai »: after a verb of saying or knowing in the imperfect or
    the pluperfect, « que je » + a future of the first person singular is the future in
    the past, the conditional (« pourrais »)."""
    k = i - 1
    while k > 0 and words[k].norm in _CLITICS:
        k -= 1
    if words[k].norm not in ("que", "qu'") or k < 2:
        return None
    # the main verb, past an indirect object (« j’avais promis à mes abonnées que »)
    v = k - 1
    while v > max(k - 5, 1) and (
        not any(t.startswith(":V") for t in words[v].tags)
        or (_is_noun(words[v]) and not set(words[v].lemmas) & _PAST_KNOWING)
    ):
        if words[v].norm in _STOPS or words[v].norm == ",":
            return None
        v -= 1
    if v < k - 1 and words[v + 1].norm not in ("à", "au", "aux"):
        return None
    k = v + 1
    main = words[k - 1]
    past = any(
        lemma in _PAST_KNOWING and ":Iq" in tags
        for lemma, tags in zip(main.lemmas, main.tags, strict=True)
    ) or (
        any(
            lemma in _PAST_KNOWING and ":Q" in t
            for lemma, t in zip(main.lemmas, main.tags, strict=True)
        )
        and any(
            w.norm in ("avais", "avait", "avions", "aviez", "avaient") for w in words[k - 3 : k - 1]
        )
    )
    if not past:
        return None
    found = _first_person_in(
        words,
        i,
        lambda t: ":If" in t and ":1s" in t,
        ":K",
        lambda verb: any(":K" in t for t in verb.tags),
    )
    if found is None:
        return None
    verb, form = found
    return _hit(
        verb,
        form,
        f"Futur dans le passé : après « {main.text} » au passé, le conditionnel « {form} ».",
    )


def _first_person_in(words: list, i: int, reading, tense: str, refuse) -> tuple | None:
    """The verb after the subject at ``words[i]`` (past its clitics) and its form in
    ``tense`` at the first person singular, made on its first reading that ``reading``
    accepts (a test of tags); None when it has none, ``refuse(verb)`` says so, or the form
    is the one written."""
    j = i + 1
    while j < len(words) - 1 and words[j].norm in _CLITICS:
        j += 1
    verb = words[j]
    lemmas = [lemma for lemma, t in zip(verb.lemmas, verb.tags, strict=True) if reading(t)]
    if not lemmas or refuse(verb):
        return None
    form = _conj().getConj(lemmas[0], tense, ":1s")
    if not form or form == verb.norm:
        return None
    return verb, form


def _future_after_si(words: list, i: int) -> Hit | None:
    """« Si le client valide, je lancerais »: « si » + present calls for the future in the
    main clause, not the conditional; only where the two differ by an ``s``, the first
    person singular, and not for the conditional of courtesy (« je pourrais »)."""
    k = i - 1
    while k > 0 and words[k].norm in _CLITICS:
        k -= 1
    if words[k].norm != ",":
        return None
    # the « si » clause: « si » opens the sentence, present indicative, no other comma
    m = k - 1
    while m > 0 and words[m].norm not in _STOPS | word_set(","):
        m -= 1
    if words[m].norm not in _SI_BEFORE or words[m + 1].norm not in ("si", "s'"):
        return None
    clause = words[m + 2 : k]
    finite = [t for w in clause for t in w.tags if t.startswith(":V") and _FINITE.search(t)]
    if (
        not finite
        or not any(":Ip" in t for t in finite)
        or any(":Iq" in t or ":K" in t or ":If" in t for t in finite)
    ):
        return None
    found = _first_person_in(
        words, i, lambda t: ":K" in t, ":If", lambda verb: set(verb.lemmas) & _POLITE_CONDITIONAL
    )
    if found is None:
        return None
    verb, form = found
    return _hit(
        verb,
        form,
        f"Après « si » et le présent, le futur : « {form} » (le conditionnel suit « si » et "
        "l’imparfait).",
    )


def _tel_que(words: list, i: int) -> Hit | None:
    """« des annonces tel que » : « tel que » agrees with the noun it follows."""
    noun = words[i - 1]
    if words[i + 1].norm not in ("que", "qu'") or words[i - 2].norm not in _DET_PLURAL | word_set(
        "de d'"
    ):
        return None
    # « tel que le fait X », « tel que je l’ai dit »: « tel que » of manner, told of the
    # verb; only the examples of the noun are read (« des outils tel que le marteau »)
    after = words[i + 2]
    if (
        after.norm in _SUBJECT_PRONOUNS
        or _finite_readings(after)
        or (after.norm in _CLITICS and _finite_readings(words[i + 3]))
    ):
        return None
    plural = [t for t in noun.tags if t.startswith(":N") and ":p" in t]
    if not plural or any(":s" in t for t in noun.tags if t.startswith(":N")):
        return None
    feminine = all(":f" in t for t in plural)
    right = "telles" if feminine else "tels"
    if words[i].norm == right:
        return None
    return _hit(
        words[i],
        right,
        f"« tel que » s’accorde avec le nom qu’il suit, « {noun.text} » : « {right} que ».",
    )


_OBJECT_DETERMINERS = word_set(
    "le la les l' un une des mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs"
    " ce cet cette ces"
)


def _object_after_participle(words: list, i: int) -> Hit | None:
    """« elles nous ont confiées la même difficulté »: after avoir, a participle written
    agreed and then its direct object (a determiner and a noun, not of time); nothing
    before it to agree with, it stays masculine singular."""
    j = i + 1
    while j < len(words) - 3 and words[j].tags and all(t.startswith(":W") for t in words[j].tags):
        j += 1
    pp = words[j]
    found = _participle_ms(pp, after_auxiliary=True)
    if not found or any(":i" in t for t in pp.tags):
        return None
    readings = [t for t in pp.tags if t.startswith(":V") and ":Q" in t]
    if not any("t" in t.split(":")[1][2:] for t in readings):
        return None  # no direct object: « les heures qu’il a dormies » has its own rule
    det = words[j + 1]
    if det.norm not in _OBJECT_DETERMINERS or det.norm in ("au", "aux"):
        return None
    k = j + 2
    if any(":A" in t for t in words[k].tags) and _is_noun(words[k + 1]):
        k += 1  # an adjective before the noun (« la même difficulté »)
    noun = words[k]
    if (
        not _is_noun(noun)
        or any(":A" in t for t in noun.tags)
        or noun.norm in _TIME_AFTER | _DAYS | word_set("prix")
        or _finite_readings(noun)
        or (words[k + 1].norm in ("de", "d'") and words[k + 2].norm in _TIME_AFTER)
    ):
        return None
    return _hit(
        pp,
        found[0],
        f"Le complément d’objet « {det.text} {noun.text} » suit le participe : avec "
        f"« avoir », le participe reste invariable (« {found[0]} »).",
    )


def _number_word(word) -> bool:
    """A number of two or more, in figures or in words (« deux », « 30 »)."""
    if word.norm.isdigit():
        return word.norm not in ("0", "1")
    return word.norm in _NUMBER_WORDS and word.norm not in ("un", "une")


def _more_or_less_than(words: list, i: int) -> Hit | None:
    """« moins de deux heures a suffi »: « plus de », « moins de » + a number of two or
    more and a plural noun make a plural subject (Grevisse, § 431; BDL, « Plus d’un,
    moins de deux »)."""
    if (
        words[i - 1].norm not in _SUBJECT_BEFORE
        or words[i + 1].norm not in ("de", "d'")
        or not _number_word(words[i + 2])
        or not any(t.startswith(":N") and ":p" in t for t in words[i + 3].tags)
    ):
        return None
    k = i + 4
    while k < len(words) and words[k].tags and all(t.startswith(":A") for t in words[k].tags):
        k += 1
    while k < len(words) and words[k].norm in (
        "ne",
        "n'",
        "y",
        "en",
        "lui",
        "leur",
        "nous",
        "vous",
    ):
        k += 1
    if k >= len(words) or not (_only_finite(words[k]) or words[k].norm in ("a", "est", "était")):
        return None
    form = _verb_form(words[k], ":Ip", ":3p", ":3s") or _verb_form(words[k], ":Iq", ":3p", ":3s")
    if not form:
        return None
    quoted = " ".join(w.text for w in words[i : i + 4])
    return _hit(
        words[k],
        form,
        f"Après « {quoted} », le verbe s’accorde avec le nom pluriel : « {form} ».",
    )


def _none_of(words: list, i: int) -> Hit | None:
    """« aucune de ces publications n’ont dépassé »: « aucun », « aucune » make a singular
    subject whatever the plural of their complement (Grevisse, § 431 ; BDL, « Aucun »)."""
    if words[i - 1].norm not in _SUBJECT_BEFORE or words[i + 1].norm not in ("de", "d'", "des"):
        return None
    k = i + 2 if words[i + 1].norm == "des" else i + 3
    if words[i + 1].norm != "des" and words[i + 2].norm not in _DET_PLURAL:
        return None
    if k >= len(words) or not any(t.startswith(":N") and ":p" in t for t in words[k].tags):
        return None
    k += 1
    while k < len(words) and words[k].tags and all(t.startswith(":A") for t in words[k].tags):
        k += 1
    while k < len(words) and words[k].norm in ("ne", "n'", "y", "en", "lui", "leur"):
        k += 1
    if k >= len(words) or not _only_finite(words[k]):
        return None
    form = _verb_form(words[k], ":Ip", ":3s", ":3p") or _verb_form(words[k], ":Iq", ":3s", ":3p")
    if not form:
        return None
    return _hit(
        words[k],
        form,
        f"Avec « {words[i].text} » pour sujet, le verbe est au singulier : « {form} ».",
    )


_ATTACHED = {"ci-joint": "ci-joint", "ci-inclus": "ci-inclus"}


def _attached_after_noun(words: list, i: int) -> Hit | None:
    """« les fiches de poste ci-joint. »: « ci-joint » after the noun, closing its phrase,
    agrees with it like an adjective (Grevisse, § 948; BDL, « Ci-joint, ci-inclus »);
    before the noun or opening the sentence it stays invariable."""
    base = next((b for b in _ATTACHED if words[i].norm.startswith(b)), None)
    if base is None or words[i + 1].norm not in _CLAUSE_END | word_set(","):
        return None
    k = i - 1
    # past a complement of the noun (« les fiches de poste »)
    if k > 2 and words[k - 1].norm in ("de", "d'") and _is_noun(words[k]):
        k -= 2
    noun = words[k]
    if words[k - 1].norm not in _DET_SINGULAR | _DET_PLURAL | _NUMBER_WORDS and not (
        words[k - 1].norm.isdigit()
    ):
        return None
    tags = [t for t in noun.tags if t.startswith(":N")]
    if not tags:
        return None
    feminine = all(":f" in t for t in tags)
    plural = words[k - 1].norm in _DET_PLURAL or _number_word(words[k - 1])
    right = base + ("e" if feminine else "") + ("s" if plural else "")
    if words[i].norm == right:
        return None
    return _hit(
        words[i],
        right,
        f"Après le nom, « {base} » s’accorde avec lui (« {noun.text} ») : « {right} ».",
    )


_NU_FORMS = word_set("nu nue nus nues")


def _nu_after_noun(words: list, i: int) -> Hit | None:
    """« pieds nu »: « nu » after the noun agrees with it (Grevisse, § 561; BDL, « Nu »);
    joined before it (« nu-pieds ») it stays invariable."""
    noun = words[i - 1]
    tags = [t for t in noun.tags if t.startswith(":N")]
    if not tags or any(not t.startswith(":N") for t in noun.tags) or words[i + 1].norm == "-":
        return None
    genders = {g for t in tags for g in (":m", ":f") if g in t}
    numbers = {n for t in tags for n in (":s", ":p") if n in t}
    if len(genders) != 1 or len(numbers) != 1:
        return None
    right = "nu" + ("e" if ":f" in genders else "") + ("s" if ":p" in numbers else "")
    if words[i].norm == right:
        return None
    return _hit(
        words[i],
        right,
        f"« nu » après le nom s’accorde avec lui (« {noun.text} ») : « {right} ».",
    )


_FEMININE_TO_MASCULINE = {
    "une": "un",
    "la": "le",
    "cette": "ce",
    "ma": "mon",
    "ta": "ton",
    "sa": "son",
    "aucune": "aucun",
}


def _gender_across_adjective(words: list, i: int) -> Hit | None:
    """« une seule pétale »: a feminine determiner and adjective before a noun that is only
    masculine (Grevisse, § 466 ; BDL, « Genre de certains noms »: pétale, entracte,
    amalgame). Grammalecte reads the determiner and its noun side by side; an adjective
    between them hides the disagreement."""
    adjective, noun = words[i + 1], words[i + 2]
    if not adjective.tags or not all(":A" in t and ":f:s" in t for t in adjective.tags):
        return None
    tags = [t for t in noun.tags if t.startswith(":N")]
    if (
        not tags
        or any(not t.startswith(":N") for t in noun.tags)
        or not all(":m:s" in t or ":m:i" in t for t in tags)
        or words[i + 3].norm in ("-", "·")
    ):
        return None
    masculine = _FEMININE_TO_MASCULINE[words[i].norm]
    lemma = adjective.lemmas[0]
    if masculine in ("le", "ce") and lemma[:1] in "aâàeéèêiîoôuh":
        masculine = "l’" if masculine == "le" else "cet"
    right = f"{masculine} {lemma}" if not masculine.endswith("’") else masculine + lemma
    return Hit(
        words[i].start,
        adjective.end,
        "grammar",
        WRONG_FORM,
        f"« {noun.text} » est masculin : « {_same_case(right, words[i].text)} {noun.text} ».",
        (_same_case(right, words[i].text),),
    )


_FEMININE_SINGULAR_DET = word_set("une la cette sa ma ta leur notre votre")


def _adverb_tout_after_determiner(words: list, i: int) -> Hit | None:
    """The adverb « tout » between a determiner and an adjective before its noun: it agrees
    before a feminine adjective starting with a consonant (« les toutes premières
    réservations »), stays invariable before a vowel (« une tout autre identité »;
    Grevisse, § 994; BDL, « Tout autre »)."""
    word, adjective = words[i], words[i + 1]
    if not _is_noun(words[i + 2]):
        return None
    if (
        word.norm == "tout"
        and words[i - 1].norm in _DET_PLURAL
        and _consonant_start(adjective.norm)
        and any(":A" in t and ":f:p" in t for t in adjective.tags)
        and not any(":m" in t for t in adjective.tags)
    ):
        right = "toutes"
    elif (
        word.norm == "toute"
        and words[i - 1].norm in _FEMININE_SINGULAR_DET
        and adjective.norm[:1] in "aâàeéèêëiîïoôuûù"
        and any(":A" in t and (":f:s" in t or ":e:s" in t) for t in adjective.tags)
    ):
        right = "tout"
    else:
        return None
    return _hit(
        word,
        right,
        f"« tout » adverbe devant « {adjective.text} » : « {right} » (variable devant un"
        " adjectif féminin qui commence par une consonne, invariable devant une voyelle).",
    )


_COMPARATIVES = word_set("plus moins aussi autant mieux pire meilleur meilleure autre")


def _neuter_l(words: list, i: int) -> Hit | None:
    """« plus simple que je ne l’avais imaginée »: in a comparison, « l’ » stands for a
    clause (« que je ne l’avais imaginé » = « que je n’avais imaginé cela »), a neuter
    object; the participle stays masculine singular (Grevisse, § 943; BDL, « Participe
    passé précédé de l’ neutre »)."""
    if words[i + 1].norm not in _AVOIR_FORMS:
        return None
    k = i - 1
    explective = words[k].norm in ("ne", "n'")
    if explective:
        k -= 1
    if words[k].norm not in _SUBJECT_PERSON or words[k - 1].norm not in ("que", "qu'"):
        return None
    # only with the « ne » of a comparison (« qu’ils l’auront construite »: « l’ » is
    # the charter, after « d’autant mieux » too)
    compared = any(w.norm in _COMPARATIVES for w in words[max(k - 6, 0) : k - 1])
    if not (explective and compared):
        return None
    pp = words[_past_adverbs_at(words, i + 2)]
    found = _participle_ms(pp, after_auxiliary=True)
    if not found:
        return None
    return _hit(
        pp,
        found[0],
        f"« l’ » reprend ici une idée (« {words[k - 1].text} {words[k].text} … "
        f"l’{words[i + 1].text} ») : le participe reste invariable (« {found[0]} »).",
    )


def _past_adverbs_at(words: list, j: int) -> int:
    while j < len(words) - 1 and words[j].tags and all(t.startswith(":W") for t in words[j].tags):
        j += 1
    return j


_AVOIR_3P_TO_3S = {"ont": "a", "avaient": "avait", "auront": "aura", "auraient": "aurait"}
_INDIRECT_CLITICS = word_set("nous vous me m' te t' lui leur")
_JOINING = word_set("et ou ni avec ainsi comme")


def _inverted_singular_subject(words: list, i: int) -> Hit | None:
    """« les conseils que nous ont donnés Mariam Sow »: after « que », avoir agrees with
    the subject put after the participle, here singular (a name, or a singular
    determiner and its noun), not with the antecedent (Grevisse, § 899, § 943)."""
    j = i + 1
    if words[j].norm in _INDIRECT_CLITICS:
        j += 1
    if words[j].norm not in _AVOIR_3P_TO_3S or not any(":Q" in t for t in words[j + 1].tags):
        return None
    k = j + 2
    if k + 1 >= len(words):
        return None
    subject = words[k]
    if subject.norm in _DET_SINGULAR and subject.norm != "leur" and _is_noun(words[k + 1]):
        end = k + 2
    elif (
        subject.text[:1].isupper()
        and subject.text.isalpha()
        and (not subject.tags or any(t.startswith(":M") for t in subject.tags))
    ):
        end = k + 1
        while end < len(words) and words[end].text[:1].isupper() and words[end].text.isalpha():
            end += 1  # a first name and a surname
    else:
        return None
    while end < len(words) and _adjective_only(words[end]):
        end += 1
    if words[end].norm in _JOINING or (words[end].norm == "," and words[end + 1].norm in _JOINING):
        return None
    right = _AVOIR_3P_TO_3S[words[j].norm]
    return _hit(
        words[j],
        right,
        f"Le sujet, placé après le participe, est au singulier "
        f"(« {' '.join(w.text for w in words[k:end])} ») : « {right} ».",
    )


def _apposed_participle(words: list, i: int) -> Hit | None:
    """« Les nouveaux membres du bureau, élu pour deux ans, présenteront »: a participle
    set between commas after the sentence's plural subject, before its plural verb, agrees
    with that subject (Grevisse, § 934: participe employé sans auxiliaire)."""
    start = i - 1
    while start > 0 and words[start].norm not in _STOPS:
        if words[start].norm == ",":
            return None  # only the sentence's first comma
        start -= 1
    det = start + 1
    if words[det].norm not in _DET_PLURAL or i - det > 8 or not _is_noun(words[det + 1]):
        return None
    noun = det + 1
    while noun + 1 < i and any(":A" in t for t in words[noun].tags) and _is_noun(words[noun + 1]):
        noun += 1  # past an adjective before the noun (« les nouveaux membres »)
    pp = words[i + 1]
    readings = [(lm, t) for lm, t in zip(pp.lemmas, pp.tags, strict=True) if ":Q" in t]
    if not readings or not all(":m:s" in t for _, t in readings) or _finite_readings(pp):
        return None
    close = next(
        (m for m in range(i + 2, min(len(words), i + 10)) if words[m].norm in _STOPS | {","}),
        None,
    )
    if (
        close is None
        or words[close].norm != ","
        or any(_only_finite(w) for w in words[i + 2 : close])
    ):
        return None
    v = close + 1
    while v < len(words) and words[v].norm in _CLITICS:
        v += 1
    readings_v = _finite_readings(words[v]) if v < len(words) else []
    if not readings_v or not all(":3p" in t for _, t in readings_v):
        return None
    nouns = [t for t in words[noun].tags if t.startswith(":N") and ":p" in t]
    if not nouns:
        return None
    gender = ":f" if all(":f" in t for t in nouns) else ":m"
    form = _conj().getConj(readings[0][0], ":Q", gender + ":p")
    if not form or form == pp.norm:
        return None
    return _hit(
        pp,
        form,
        f"Participe en apposition au sujet « {words[det].text} {words[noun].text} » : "
        f"il s’accorde avec lui (« {form} »).",
    )


_APPEARING = frozenset({"apparaître", "figurer", "paraître", "surgir", "se trouver"})


def _inverted_after_place_no_comma(words: list, i: int) -> Hit | None:
    """« Dans la vidéo publiée le soir même apparaît les trois apprenties »: after a
    complement of place opening the sentence with no comma, a verb of position or of
    appearing agrees with the subject put after it (Grevisse, § 386, § 899)."""
    if not _only_finite(words[i]) or not any(
        lemma in _POSITION | _INVERTING | _APPEARING for lemma, _ in _finite_readings(words[i])
    ):
        return None
    k = i - 1
    while k > 0 and words[k].norm not in _STOPS:
        if words[k].norm == "," or _only_finite(words[k]):
            return None
        k -= 1
    if words[k + 1].norm not in _PLACE_OPENERS or i - k < 3:
        return None
    subject = _plural_subject_after(words, i + 1)
    return _inverted_hit(words, i, subject) if subject else None


_SAYING = frozenset(
    {"raconter", "expliquer", "dire", "confier", "préciser", "souligner", "ajouter"}
    | {"rappeler", "indiquer", "affirmer", "témoigner", "sourire", "conclure", "résumer"}
    | {"lancer", "confirmer", "insister", "avouer", "reconnaître", "noter", "estimer"}
)


def _incise_coordinated(words: list, i: int) -> Hit | None:
    """« », raconte Akosua et Esi »: in an incise after a quotation, the subject put after
    a verb of saying; two subjects coordinated by « et » take the plural (Grevisse,
    § 439)."""
    if words[i - 1].norm != "," or words[i - 2].norm != "»":
        return None
    readings = _finite_readings(words[i])
    if not readings or not any(lemma in _SAYING for lemma, _ in readings):
        return None

    def subject_end(k: int) -> int | None:
        if words[k].text[:1].isupper() and words[k].text.isalpha():
            while k + 1 < len(words) and words[k + 1].text[:1].isupper():
                k += 1
            return k + 1
        if words[k].norm in _DET_SINGULAR and _is_noun(words[k + 1]):
            return k + 2
        return None

    first = subject_end(i + 1)
    if first is None or words[first].norm != "et" or subject_end(first + 1) is None:
        return None
    tense = next((t for t in (":Ip", ":Is", ":Iq") if t in readings[0][1]), None)
    form = _verb_form(words[i], tense, ":3p", ":3s") if tense else None
    if not form:
        return None
    return _hit(
        words[i],
        form,
        f"Deux sujets coordonnés par « et », placés après le verbe : le pluriel « {form} ».",
    )


def check_agreement_and_tense(text: str, words: list) -> list[Hit]:
    """Classes of agreement and tense the grammars state in general terms (added from
    dev7's misses):

    - the participle conjugated with être agrees with its subject (Grevisse, § 935; BDL,
      « Accord du participe passé avec être »): after « sont », « étaient »... it is
      plural, « elles sont monté » → « montées » (not after « se »: pronominal verbs have
      their own rule);
    - the present participle is invariable and some verbal adjectives are spelt apart
      from it (Grevisse, § 920; BDL, « Participe présent et adjectif verbal »): « c’est
      fatiguant » → « fatigant », « une marque négligeante » → « négligente »;
    - the future in the past is the conditional (Grevisse, § 1101; BDL, « Futur simple
      ou conditionnel présent »): « je savais que je pourrai » → « pourrais »; and « si »
      + present calls for the future, « si tu viens, je préparerais » → « préparerai »;
    - « tel que » agrees with the noun it follows (Grevisse, § 620; BDL, « Tel que »):
      « des outils tel que » → « tels que »;
    - the participle with avoir stays invariable when its direct object follows it
      (Grevisse, § 943; BDL, « Accord du participe passé avec avoir »): « elles nous ont
      confiées la même difficulté » → « confié »; so does a participle after a neuter
      « l’ » standing for a clause in a comparison (Grevisse, § 943): « plus simple que je
      ne l’avais imaginée » → « imaginé »;
    - « plus de », « moins de » + a number of two or more make a plural subject, « aucun »
      a singular one (Grevisse, § 431; BDL, « Plus d’un, moins de deux », « Aucun »);
    - « ci-joint » after its noun, « nu » after its noun agree with it; « et demi » after
      a masculine noun stays masculine (Grevisse, § 561, § 948; BDL, « Ci-joint », « Nu »,
      « Demi »); « quatre-vingts » takes its s when no number follows (Grevisse, § 594);
    - a feminine determiner and adjective before a masculine noun (« une seule pétale »;
      BDL, « Genre de certains noms »), which Grammalecte, reading the determiner and
      the noun side by side, misses;
    - the adverb « tout » agrees before a feminine adjective starting with a consonant and
      stays invariable before a vowel (Grevisse, § 994; BDL, « Tout autre »): « les tout
      premières » → « toutes », « une toute autre » → « tout »;
    - after « que », avoir agrees with a singular subject put after the participle
      (Grevisse, § 899): « les conseils que nous ont donnés Mariam » → « a »; a participle
      in apposition to the sentence's plural subject agrees with it (Grevisse, § 934):
      « Les membres du bureau, élu pour deux ans, présenteront » → « élus »;
    - after a complement of place opening the sentence with no comma, a verb of position
      or of appearing agrees with the subject put after it (Grevisse, § 386, § 899):
      « Dans la vidéo apparaît les trois apprenties » → « apparaissent »; in an incise
      after a quotation, two subjects coordinated by « et » after a verb of saying take
      the plural (Grevisse, § 439): « », raconte Akosua et Esi » → « racontent ».
    """
    hits = []
    for i in range(1, len(words) - 2):
        norm = words[i].norm
        found = None
        if norm in _ETRE_3P:
            found = _plural_participle(text, words, i)
        elif norm in _AVOIR_FORMS and norm not in ("eu", "avoir"):
            found = _object_after_participle(words, i)
        elif norm in ("je", "j'"):
            found = _conditional_in_past(words, i) or _future_after_si(words, i)
        elif norm == "tel":
            found = _tel_que(words, i)
        elif norm == "l'":
            found = _neuter_l(words, i)
        elif norm in ("que", "qu'"):
            found = _inverted_singular_subject(words, i)
        elif norm == ",":
            found = _apposed_participle(words, i)
        elif words[i - 1].norm == "," and words[i - 2].norm == "»":
            found = _incise_coordinated(words, i)
        elif words[i - 1].norm not in _STOPS and _finite_readings(words[i]):
            found = _inverted_after_place_no_comma(words, i)
        elif (
            norm == "quatre-vingt"
            and words[i + 1].tags
            and all(t.startswith(":N") and ":p" in t for t in words[i + 1].tags)
        ):
            found = _hit(
                words[i],
                "quatre-vingts",
                "« quatre-vingts » prend un s quand aucun autre nombre ne le suit.",
            )
        elif norm in ("tout", "toute"):
            found = _adverb_tout_after_determiner(words, i)
        elif norm in ("moins", "plus"):
            found = _more_or_less_than(words, i)
        elif norm in ("aucun", "aucune"):
            found = _none_of(words, i)
        elif norm.startswith(("ci-joint", "ci-inclus")):
            found = _attached_after_noun(words, i)
        elif norm in _NU_FORMS:
            found = _nu_after_noun(words, i)
        elif norm == "demie" and words[i - 1].norm == "et" and _is_noun(words[i - 2]):
            tags = [t for t in words[i - 2].tags if t.startswith(":N")]
            if all(":m" in t for t in tags) and not any(":f" in t for t in words[i - 2].tags):
                found = _hit(
                    words[i],
                    "demi",
                    f"« et demi » après un nom masculin (« {words[i - 2].text} ») : « et demi ».",
                )
        elif norm in _FEMININE_TO_MASCULINE and i + 3 < len(words):
            found = _gender_across_adjective(words, i)
        elif norm.endswith(("ant", "ante", "antes", "ants")):
            found = _verbal_adjective(words, i)
        if found:
            hits.append(found)
    return hits
