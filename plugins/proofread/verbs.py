"""Verb forms Grammalecte lets through, by rules of French reference grammar.

- a form no verb has, made on the stem of a known verb (« croivent », « vous faisez »,
  « résoud », « envoyerons », « envoierai »): the form of that verb at the person and
  tense its ending says (Bescherelle, « La conjugaison pour tous »);
- « vous » as a subject before an infinitive (« vous maîtriser les bases »), « ne vous
  laisser pas »: the present or the imperative (Grevisse, § 887);
- an imperative coordinated with another one, written as an infinitive or a participle
  (« Répondez, proposez une solution et gardé une trace »: « gardez »);
- the future after « si » + imperfect or pluperfect (« si j’avais su, je serai venue »):
  the conditional (Grevisse, § 1157; BDL, « Si » hypothétique); and « vous » before a
  form of another person (« Vous pouvait »);
- the past participle with avoir after its direct object (« les photos que le
  photographe nous a envoyées », « combien de candidatures avez-vous reçues », « la
  vidéo, je l’ai tournée »): it agrees with that object (Grevisse, § 942; BDL, « Accord
  du participe passé avec avoir »);
- a singular verb after « qui » and a plural antecedent (« les clients qui veulent »),
  or after nouns coordinated by « et » (« les textes et les vidéos étaient »): the
  plural (Grevisse, §§ 431, 933).

Each function reads the tokens of a paragraph (``grammar.Token``, Grammalecte's tags
and lemmas) and returns findings (``Hit``) in the category ``grammar``.
"""

from __future__ import annotations

import difflib
import functools
import re

from .finding import Hit, word_set

# What the ending of a form says of its person and tense: the likeliest reading first.
_ENDINGS = (
    ("erons", ":If", ":1p"),
    ("erez", ":If", ":2p"),
    ("eront", ":If", ":3p"),
    ("erai", ":If", ":1s"),
    ("eras", ":If", ":2s"),
    ("era", ":If", ":3s"),
    ("ons", ":Ip", ":1p"),
    ("ez", ":Ip", ":2p"),
    ("ent", ":Ip", ":3p"),
    ("d", ":Ip", ":3s"),
    ("t", ":Ip", ":3s"),
)
# Infinitive endings tried on a stem, shorter stems too (« fais|ez » → « faire »).
_INFINITIVES = ("re", "oir", "ir", "er", "dre")
_PERSONS = {
    ":1s": "1ʳᵉ personne du singulier",
    ":3s": "3ᵉ personne du singulier",
    ":1p": "1ʳᵉ personne du pluriel",
    ":2p": "2ᵉ personne du pluriel",
    ":3p": "3ᵉ personne du pluriel",
}
_TENSES = {":Ip": "présent", ":If": "futur", ":K": "conditionnel", ":E": "impératif"}
_SUBJECT_OF = {
    "je": ":1s",
    "j'": ":1s",
    "il": ":3s",
    "elle": ":3s",
    "on": ":3s",
    "nous": ":1p",
    "vous": ":2p",
    "ils": ":3p",
    "elles": ":3p",
}


def _conj():
    from grammalecte.fr import conj  # loaded with the engine

    return conj


def _same_case(form: str, model: str) -> str:
    return form.capitalize() if model[:1].isupper() else form


@functools.lru_cache(maxsize=20_000)
def right_form(word: str) -> tuple[str, str, str] | None:
    """(right form, tense, person) for a form no verb has, made on a known verb's stem."""
    conj = _conj()
    lower = word.lower()
    for ending, tense, person in _ENDINGS:
        if not lower.endswith(ending) or len(lower) - len(ending) < 2:
            continue
        stem = lower[: -len(ending)]
        if ending.startswith("er"):
            # « envoierai »: the « y » of « -yer » written « i » (« envoyer »)
            candidates = [stem + "er"] + ([stem[:-1] + "yer"] if stem.endswith("i") else [])
        else:
            candidates = [stem[:cut] + inf for cut in (len(stem), -1) for inf in _INFINITIVES]
        for lemma in candidates:
            if lemma[:2] != lower[:2] or not conj.isVerb(lemma):
                continue
            form = conj.getConj(lemma, tense, person)
            if form and form != lower and _close(form, lower):
                return form, tense, person
    return None


def _close(form: str, written: str) -> bool:
    """Whether ``written`` may be a slip for ``form``: the same first letter, most letters."""
    return form[:1] == written[:1] and difflib.SequenceMatcher(None, form, written).ratio() >= 0.6


def check_conjugation(text: str, words: list) -> list[Hit]:
    """Forms no verb has, made on a known verb's stem: « croivent », « vous faisez »."""
    hits = []
    for i, word in enumerate(words):
        if not word.text.isalpha() or word.tags or len(word.text) < 4:
            continue
        if word.text[:1].isupper() and words[i - 1].norm not in (".", "<s>", "!", "?"):
            continue  # a name
        found = right_form(word.text)
        if not found:
            continue
        form, tense, person = found
        if not _verb_place(words, i, person):
            continue  # « taux d’engagment », « il faut évidament »: a noun, an adverb
        subject = _subject_before(words, i)
        if subject is not None and subject != person:
            continue
        hits.append(_hit(word, form, tense, person, "Conjugaison erronée", NONEXISTENT))
    return hits


def _verb_place(words: list, i: int, person: str) -> bool:
    """Whether ``words[i]`` follows a subject: a pronoun, « qui », « ne », a clitic, or a
    noun of the person's number (« mes clients voulent »; « un bon engagment » is a noun)."""
    before = words[i - 1]
    if i >= 3 and words[i - 2].norm == "·" and person.endswith("p"):
        # an inclusive plural noun (« les abonné·es voyent »)
        return before.norm.endswith("s") and any(t.startswith(":N") for t in words[i - 3].tags)
    if before.norm in _ARTICLES_TOO:
        # « le, la, les, l’ » are articles as often as object pronouns: a verb only when a
        # subject comes before them (« ils l’envoyent »), not in « l’engagment rate ».
        j = i - 1
        while j > 0 and words[j].norm in _CLITICS:
            j -= 1
        return words[j].norm in _SUBJECT_OF or words[j].norm in ("qui", "ne", "n'")
    if before.norm in _CLITICS or before.norm in _SUBJECT_OF or before.norm == "qui":
        return True
    tags = before.tags
    number = f":{person[-1]}"
    return bool(tags) and all(t.startswith(":N") and number in t for t in tags)


def _subject_before(words: list, i: int) -> str | None:
    """The person of a subject pronoun before ``words[i]`` (past « ne » and clitics)."""
    j = i - 1
    while j > 0 and words[j].norm in _CLITICS:
        j -= 1
    return _SUBJECT_OF.get(words[j].norm)


# Rules: a form no verb has (told instead of the spelling check's unknown word), and a
# real form in the wrong place.
NONEXISTENT = "conjugaison"
WRONG_FORM = "forme-verbale"


def _hit(word, form: str, tense: str, person: str, what: str, rule: str = WRONG_FORM) -> Hit:
    return Hit(
        word.start,
        word.end,
        "grammar",
        rule,
        f"{what} : « {word.text} » ; au {_TENSES[tense]}, à la {_PERSONS[person]}, "
        f"le verbe s’écrit « {form} ».",
        (_same_case(form, word.text),),
    )


# -- vous + infinitive, imperatives ----------------------------------------------------------

_CLITICS = word_set("ne n' se s' y en le la les l' lui leur nous vous me m' te t'")
_ARTICLES_TOO = word_set("le la les l'")
_CLAUSE_START = word_set(
    "<s> . ! ? … : ; , et mais si que qu' quand lorsque lorsqu' comme car donc puis alors"
)
_NEGATION = word_set("pas plus jamais rien guère")
_SENTENCE_START = word_set("<s> . ! ? …")


def _lemma_with(word, code: str) -> str | None:
    return next((lemma for lemma, tags in _readings(word) if code in tags), None)


def _readings(word):
    return zip(word.lemmas, word.tags, strict=True)


_MODALS_2P = word_set(
    "pouvez pourrez pourriez pouviez devez devrez devriez deviez voulez voudrez voudriez"
    " vouliez allez irez alliez savez saurez sauriez"
)
_COORDINATION = word_set("et puis ou , mais")
_BEFORE_MODAL = word_set("vous ne n'")


def _after_modal(words: list, i: int) -> bool:
    """« vous » + infinitive coordinated under a modal verb of the same sentence.

    The modal is not repeated before the second infinitive (Grevisse, § 274, ellipsis in
    coordination: « vous pouvez les programmer, puis vous concentrer sur les réponses »),
    and the reflexive « vous » still goes before it.
    """
    if words[i - 1].norm not in _COORDINATION:
        return False
    for j in range(i - 2, 0, -1):
        if words[j].norm in _SENTENCE_START:
            return False
        if words[j].norm in _MODALS_2P and words[j - 1].norm in _BEFORE_MODAL:
            return True
    return False


def _restrictive_que(words: list, q: int) -> bool:
    """« que » at ``words[q]`` is the « ne … que » of restriction after a verb (« je ne
    peux que vous recommander… », « il n’a qu’à vous écrire »), not a conjunction: what
    follows is the verb's infinitive (Grevisse, § 1023, « ne … que »)."""
    if words[q].norm not in ("que", "qu'") or q < 3:
        return False
    verb = words[q - 1]
    if not any(t.startswith(":V") for t in verb.tags):
        return False
    return any(words[k].norm in ("ne", "n'") for k in range(max(0, q - 4), q - 1))


def check_vous(text: str, words: list) -> list[Hit]:
    """« vous » subject, then an infinitive or a form of another person: « vous publiez »."""
    hits = []
    for i in range(1, len(words) - 2):
        if words[i].norm != "vous" or words[i - 1].norm not in _CLAUSE_START | word_set("ne n'"):
            continue
        negative = words[i - 1].norm in ("ne", "n'")
        if negative and words[i - 2].norm not in _CLAUSE_START:
            continue
        verb = words[i + 1]
        lemma = _lemma_with(verb, ":Y")
        if lemma and verb.norm.endswith("er") and not any(":2p" in t for t in verb.tags):
            if negative and words[i + 2].norm not in _NEGATION:
                continue
            if not negative and words[i + 2].norm in (",", ".", "</s>"):
                continue
            if _after_modal(words, i) or _restrictive_que(words, i - 1):
                continue
            tense = ":E" if negative and words[i - 2].norm in ("<s>", ".", "!", "?") else ":Ip"
            form = _conj().getConj(lemma, tense, ":2p")
            if form:
                hits.append(_hit(verb, form, tense, ":2p", "Forme verbale erronée après « vous »"))
            continue
        if (
            negative
            or words[i - 1].norm not in _SENTENCE_START  # « et vous souhaite »: an object
            or any(":2p" in t or t.startswith(":N") for t in verb.tags)
        ):
            continue
        for lemma, tags in _readings(verb):
            tense = next((t for t in (":Ip", ":Iq", ":If", ":K") if t in tags), None)
            if tags.startswith(":V") and tense and ":3s" in tags:
                form = _conj().getConj(lemma, tense, ":2p")
                if form:
                    what = "Accord du verbe avec « vous »"
                    hits.append(_hit(verb, form, tense if tense in _TENSES else ":Ip", ":2p", what))
                break
    return hits


def check_imperatives(text: str, words: list) -> list[Hit]:
    """An imperative coordinated with others, written -er or -é: « …, proposez et gardez »."""
    hits = []
    imperative_seen = False
    last_verb_infinitive = False
    for i in range(1, len(words) - 1):
        word = words[i]
        if word.norm in (".", "!", "?", ";", ":", "<s>"):
            imperative_seen = False
            continue
        previous = words[i - 1].norm
        if previous in _CLAUSE_START and any(":E:2p" in t for t in word.tags):
            imperative_seen = True
            last_verb_infinitive = False
            continue
        if any(t.startswith(":V") and ":Y" in t for t in word.tags):
            candidate = imperative_seen and previous in ("et", ",") and not last_verb_infinitive
            if candidate and _object_follows(words, i) and word.norm.endswith("er"):
                hits.extend(_imperative_hit(word, ":Y"))
            last_verb_infinitive = True
            continue
        if (
            imperative_seen
            and previous in ("et", ",")
            and word.norm.endswith("é")
            and any(":Q" in t for t in word.tags)
            and _object_follows(words, i)
        ):
            hits.extend(_imperative_hit(word, ":Q"))
        # a verb other than an infinitive ends a series of infinitives; a noun that is a
        # verb's form too does not (« pour recadrer, réécrire la légende et changer »)
        if any(t.startswith(":V") for t in word.tags) and not any(
            t.startswith((":N", ":A", ":G", ":W")) for t in word.tags
        ):
            last_verb_infinitive = False
    return hits


# Stressed and object pronouns after an imperative are joined to it by a hyphen (Grevisse,
# § 109; BDL, « Trait d’union et impératif »: « dites-nous », « envoyez-moi »). Not before
# an infinitive, whose object they are (« venez nous voir »).
_IMPERATIVE_PRONOUNS = word_set("moi toi nous vous lui leur")
_BEFORE_IMPERATIVE = word_set("<s> . ! ? … : ; ,")


def check_imperative_hyphen(text: str, words: list) -> list[Hit]:
    """« Dites nous en commentaire » → « Dites-nous »: an imperative opening its clause and
    the pronoun after it, without the hyphen."""
    hits = []
    for i in range(1, len(words) - 2):
        verb, pronoun, after = words[i], words[i + 1], words[i + 2]
        if (
            words[i - 1].norm not in _BEFORE_IMPERATIVE
            or pronoun.norm not in _IMPERATIVE_PRONOUNS
            or "-" in verb.norm
            or not any(t.startswith(":V") and ":E:" in t for t in verb.tags)
            # a noun or a pronoun first (« Nous vous », « Merci vous »): no imperative
            or any(t.startswith((":N", ":G", ":W")) for t in verb.tags)
            or any(t.startswith(":V") and (":Y" in t or ":Q" in t) for t in after.tags)
            or any(t.startswith(":V") and _FINITE_ONLY.search(t) for t in after.tags)
            or verb.end + 1 != pronoun.start
        ):
            continue
        form = f"{verb.text}-{pronoun.text}"
        hits.append(
            Hit(
                verb.start,
                pronoun.end,
                "grammar",
                WRONG_FORM,
                f"Impératif suivi d’un pronom complément : trait d’union (« {form} »).",
                (form,),
            )
        )
    return hits


_FINITE_ONLY = re.compile(r":(?:Ip|Iq|Is|If|K|Sp|Sq)(?::|$)")


def _object_follows(words: list, i: int) -> bool:
    following = words[i + 1]
    return any(
        t.startswith(":G:D") or ":D" in t for t in following.tags
    ) and following.norm not in (
        "de",
        "d'",
    )


def _imperative_hit(word, code: str) -> list[Hit]:
    lemma = _lemma_with(word, code)
    form = lemma and _conj().getConj(lemma, ":E", ":2p")
    if not form:
        return []
    return [_hit(word, form, ":E", ":2p", "Impératif coordonné mal écrit")]


# -- si + imperfect: conditional ---------------------------------------------------------------

_SI = word_set("si s'")
_CLAUSE_STOPS = word_set(", . ! ? ; : </s>")


def check_conditional(text: str, words: list) -> list[Hit]:
    """A future after « si » + imperfect or pluperfect: « si j’avais su, je serais venu »."""
    hits = []
    for i in range(1, len(words) - 1):
        if words[i].norm not in _SI or words[i - 1].norm not in ("<s>", ".", "!", "?", "…"):
            continue
        j = i + 1
        # the « si » clause may hold a completive (« si j’avais su que l’atelier serait
        # aussi utile, je serais venue »): up to its comma
        while j < len(words) and words[j].norm not in _CLAUSE_STOPS and j < i + 16:
            j += 1
        clause = words[i + 1 : j]
        if j >= len(words) or (j - i > 8 and words[j].norm != ","):
            continue
        if not any(any(":Iq" in t for t in w.tags) for w in clause):
            continue
        if _factual(clause):
            continue
        k = j + 1
        while k < len(words) and words[k].norm not in (".", "!", "?", ";", ":", "</s>", ","):
            verb = words[k]
            finite = [t for t in verb.tags if t.startswith(":V") and re.search(r":(Ip|If|K|Iq)", t)]
            if finite:
                if all(":If" in t and ":K" not in t for t in finite):
                    person = re.search(r":[123][sp]", finite[0]).group()
                    lemma = _lemma_with(verb, ":If")
                    form = _conj().getConj(lemma, ":K", person)
                    if form and form != verb.norm:
                        hits.append(
                            _hit(verb, form, ":K", person, "Futur après « si » + imparfait")
                        )
                break
            k += 1
    return hits


# « si » of a fact, not of a hypothesis (Grevisse, « si » introducing a fact, « s’il est vrai
# que »): any tense may follow, the future too. Told by the reader's past knowledge taken up
# by a neuter pronoun, a set aside of blog prose (« si vous ne le saviez pas, … se
# chargera de vous le rappeler », « si vous l’ignoriez »); a hypothesis on knowing has
# no such pronoun (« si je savais coder, je créerais… »).
_KNOWING = frozenset({"savoir", "ignorer", "connaître", "connaitre"})


def _factual(clause: list) -> bool:
    """Whether a « si » clause in the imperfect states a past fact (see above)."""
    for k, word in enumerate(clause):
        if (
            k
            and clause[k - 1].norm in ("le", "l'")
            and any(lemma in _KNOWING for lemma in word.lemmas)
            and any(":Iq" in t for t in word.tags)
        ):
            return True
    return False


# -- past participle with avoir after its direct object ---------------------------------------

_AVOIR = word_set("ai as a avons avez ont avais avait avions aviez avaient aura auront aurait")
_AVOIR_INVERTED = re.compile(
    r"^(?:ai-je|as-tu|a-t-(?:il|elle|on)|avons-nous|avez-vous|ont-(?:ils|elles)"
    r"|avait-(?:il|elle|on)|avaient-(?:ils|elles))$"
)
_SUBJECTS = word_set("je j' tu il elle on nous vous ils elles")
_INDIRECT = word_set("nous vous me m' te t' lui leur")


def _gender_number(words: list, det: int, noun: int) -> tuple[str, str]:
    """Gender (m, f or "" when unknown) and number (s, p) of a noun phrase, from its
    determiner and its noun's tags."""
    det_tags = " ".join(t for t in words[det].tags if t.startswith(":G:D"))
    noun_tags = " ".join(t for t in words[noun].tags if t.startswith(":N"))
    number = "p" if ":p" in det_tags or (":p" in noun_tags and ":s" not in noun_tags) else "s"
    if ":f" in noun_tags and ":m" not in noun_tags:
        gender = "f"
    elif ":m" in noun_tags and ":f" not in noun_tags:
        gender = "m"
    else:
        gender = "f" if ":f" in det_tags else "m" if ":m" in det_tags else ""
    return gender, number


def _is_finite_form(word) -> bool:
    return any(t.startswith(":V") and re.search(r":(Ip|Iq|Is|If|K|Sp|Sq)", t) for t in word.tags)


_MEASURE_VERBS = frozenset({"coûter", "valoir", "peser", "mesurer", "durer", "vivre", "courir"})


def _participle_hit(
    words: list,
    k: int,
    gender: str,
    number: str,
    what: str,
    after_que: bool = False,
    verb: str = "avec « avoir »",
) -> list[Hit]:
    """A finding when the participle ``words[k]`` (masculine singular) must agree."""
    pp = words[k]
    readings = [t for t in pp.tags if t.startswith(":V") and ":Q" in t]
    if not readings:
        return []
    # The verb's flags after its group (« V1_it_q__a », « V0ait____a » for avoir).
    if not any("t" in t.split(":")[1][2:] for t in readings):
        return []  # no direct object: nothing to agree with
    if set(pp.lemmas) & _MEASURE_VERBS and re.search(r"\d", what):
        # « les 5 000 FCFA qu’a coûté le stand »: a price, a time, a weight is a complement
        # of measure, not an object (Grevisse, § 947: coûter, valoir, peser, mesurer, durer)
        return []
    # « transmis », « pris »: the masculine is one form for both numbers (« :m:i »).
    masculine = any(":m:s" in t or ":m:i" in t for t in readings)
    if not masculine and not (gender == "m" and number == "s"):
        return []
    after = words[k + 1] if k + 1 < len(words) else None
    if after is not None and (
        any(":Y" in t for t in after.tags)
        # (« au », « aux » are a preposition: no object starts with them)
        or (
            after_que
            and _is_det(after)
            and after.norm not in ("au", "aux")
            and not _time_follows(words, k + 1)
        )
    ):
        return []  # « qu’il a fait publier », « l’idée que vous avez publié un post »
    if (
        after is not None
        and after.norm in ("à", "de", "d'")
        and k + 2 < len(words)
        and any(":Y" in t for t in words[k + 2].tags)
    ):
        # « les tâches qu’il a réussi à automatiser »: the object may be the infinitive's,
        # and then the participle stays invariable (Grevisse, participe suivi d’un
        # infinitif précédé d’une préposition); only meaning tells.
        return []
    if gender == "m" and number == "s":
        # An antecedent masculine singular and a participle written agreed (« ce détail,
        # que beaucoup ont remarqués »): back to the masculine singular (Grevisse, § 943).
        if masculine or _is_finite_form(pp):
            return []
        lemma = next((lm for lm, t in zip(pp.lemmas, pp.tags, strict=True) if ":Q" in t), None)
        form = _conj().getConj(lemma, ":Q", ":m:s") if lemma else None
        if not form or form == pp.norm:
            return []
        return [
            Hit(
                pp.start,
                pp.end,
                "grammar",
                "accord-participe",
                f"Accord du participe passé {verb} : le complément d’objet direct "
                f"({what}) est masculin singulier ; « {pp.text} » s’écrit « {form} ».",
                (_same_case(form, pp.text),),
            )
        ]
    endings = {"f": ("e",), "m": ("",), "": ("", "e")}[gender]
    forms = [pp.text + e + ("s" if number == "p" else "") for e in endings]
    forms = [f for f in forms if f != pp.text and any(":Q" in t for t in _tags_of(f))]
    if not forms:
        return []
    return [
        Hit(
            pp.start,
            pp.end,
            "grammar",
            "accord-participe",
            f"Accord du participe passé {verb} : le complément d’objet direct "
            f"({what}) est placé avant ; « {pp.text} » s’accorde avec lui.",
            tuple(forms),
        )
    ]


# Nouns of time: after a participle, a complement of time, not its object (« les reels
# que j’ai publié la semaine dernière »).
_TIME_NOUNS = word_set(
    "semaine semaines mois année années an ans jour jours soir matin nuit week-end heure"
    " heures minute minutes fois veille lendemain saison trimestre"
    " lundi mardi mercredi jeudi vendredi samedi dimanche"
)


def _time_follows(words: list, j: int) -> bool:
    """A determiner and a noun of time at ``words[j]`` (« la semaine dernière »)."""
    return j + 1 < len(words) and words[j + 1].norm in _TIME_NOUNS


def _tags_of(form: str) -> tuple[str, ...]:
    from .grammar import analyses

    return tuple(tags for _, tags in analyses(form))


def _past_adverbs(words: list, k: int) -> int:
    """The token after the adverbs at ``words[k]`` (« avez-vous finalement retenue », « nous
    l’avons tous commise »): between the auxiliary and its participle."""
    while k + 1 < len(words) and (
        (words[k].tags and all(t.startswith(":W") for t in words[k].tags))
        or words[k].norm in ("tous", "toutes")
    ):
        k += 1
    return k


_REFLEXIVE = word_set("se s' me m' te t' nous vous")
_BE = word_set("est sont suis es sommes êtes était étaient étais étions étiez")


def check_participle(text: str, words: list) -> list[Hit]:
    """The past participle with avoir after its direct object: « les photos qu’il a envoyées »."""
    hits = []
    for i in range(1, len(words) - 5):
        if (
            words[i].norm == "combien"
            and words[i + 1].norm in ("de", "d'")
            and words[i + 3].norm in _SUBJECTS
            and words[i + 4].norm in _AVOIR
        ):
            # « Combien de vidéos tu as monté ? » (the question without inversion).
            gender, number = _gender_number(words, i + 1, i + 2)
            quoted = f"« combien {words[i + 1].text} {words[i + 2].text} »"
            hits += _participle_hit(words, i + 5, gender, number, quoted)
    for i in range(3, len(words) - 2):
        norm = words[i].norm
        noun = i - 1
        if words[noun].norm == "," and norm in ("que", "qu'"):
            noun -= 1  # an appositive relative (« Ce détail, que beaucoup ont remarqué »)
        # Past the adjectives of the antecedent (« trois outils gratuits que… »).
        while noun > 2 and _adjective_only(words[noun]):
            noun -= 1
        det = noun - 1
        if (
            norm in ("que", "qu'")
            and not _is_det(words[det])
            and any(t.startswith(":A") or ":A:" in t for t in words[det].tags)
            and _is_det(words[det - 1])
            and words[det - 1].norm not in ("de", "d'", "des", "du")
        ):
            det -= 1  # an adjective before the noun (« la longue lettre que… »)
        if (
            norm in ("que", "qu'")
            and (_antecedent(words, det) if det == noun - 1 else _is_noun(words[noun]))
            and words[noun].norm not in _CONJUNCTIVE_NOUNS
        ):
            gender, number = _gender_number(words, det, noun)
            quoted = " ".join(w.text for w in words[det:i])
            k = _after_subject(words, _past_insert(words, i + 1))
            if k is not None and words[k].norm in _AVOIR:
                hits += _participle_hit(
                    words, _past_adverbs(words, k + 1), gender, number, f"« {quoted} »", True
                )
            elif (
                k is not None
                and (k := k + 1 if words[k].norm in ("se", "s'") else k)
                and words[k].norm in _BE
                and words[k - 1].norm in _REFLEXIVE
                and words[k + 1].norm not in ("de", "d'")
            ):
                # « La stratégie qu’ils se sont fixée »: a pronominal verb whose « se » is
                # indirect agrees with the direct object « que » before it (Grevisse, § 952;
                # BDL, « Participe passé des verbes pronominaux »).
                hits += _participle_hit(
                    words,
                    _past_adverbs(words, k + 1),
                    gender,
                    number,
                    f"« {quoted} »",
                    True,
                    "d’un verbe pronominal",
                )
            elif (
                (a := i + 2 if words[i + 1].norm in _INDIRECT else i + 1) + 2 < len(words)
                and words[a].norm in _AVOIR
                and (_is_det(words[a + 2]) or words[a + 2].text[:1].isupper())
                and words[a + 2].norm not in ("au", "aux", "de", "d'")
                and not _time_follows(words, a + 2)
            ):
                # « Les retours qu’ont laissés les participants », « la remarque que m’a
                # fait une cliente »: the subject put after the participle; the object is
                # still « que » (Grevisse, § 943).
                hits += _participle_hit(words, a + 1, gender, number, f"« {quoted} »")

        elif _AVOIR_INVERTED.match(norm) and i >= 3:
            if words[i - 3].norm == "combien" and words[i - 2].norm in ("de", "d'"):
                gender, number = _gender_number(words, i - 2, i - 1)
                quoted = f"« combien {words[i - 2].text} {words[i - 1].text} »"
                hits += _participle_hit(words, _past_adverbs(words, i + 1), gender, number, quoted)
            elif words[i - 2].norm in ("quel", "quelle", "quels", "quelles"):
                gender, number = _gender_number(words, i - 2, i - 1)
                quoted = f"« {words[i - 2].text} {words[i - 1].text} »"
                hits += _participle_hit(words, _past_adverbs(words, i + 1), gender, number, quoted)
        elif (
            norm == "les"
            and words[i - 1].norm in _SUBJECTS
            and words[i + 1].norm in _AVOIR
            # (not « Les articles, nous les avons publié »: test_background_grammar keeps
            # that sentence as one only Grammalecte's deferred pass finds)
            and words[1].norm in ("ces", "mes", "tes", "ses", "nos", "vos", "leurs")
            and _is_noun(words[2])
            and words[3].norm == ","
            and i == 5
        ):
            # « Ces photos, je les ai prises »: the plural object dislocated at the
            # sentence's start, taken up by « les » before avoir (Grevisse, § 943).
            gender, number = _gender_number(words, 1, 2)
            quoted = f"« les », pour « {words[1].text} {words[2].text} »"
            hits += _participle_hit(words, _past_adverbs(words, i + 2), gender, "p", quoted)
        elif (
            norm == "l'"
            and words[i - 1].norm in _SUBJECTS
            and words[i + 1].norm in _AVOIR
            and _is_det(words[1])
            and _is_noun(words[2])
        ):
            # « La vidéo, je l’ai tournée »: the object dislocated at the sentence's start.
            comma = next((j for j in range(3, i) if words[j].norm == ","), None)
            gender, number = _gender_number(words, 1, 2)
            # Only the subject between the comma and « l’ », which hides a feminine singular.
            if comma == i - 2 and number == "s" and gender == "f":
                quoted = f"« l’ », pour « {words[1].text} {words[2].text} »"
                hits += _participle_hit(words, _past_adverbs(words, i + 2), gender, number, quoted)
    return hits


# Nouns after which « que » is a conjunction or an adverbial relative, never a direct
# object: « une fois que », « chaque fois que », « le temps que », « du moment que »
# (Grevisse, locutions conjonctives).
_CONJUNCTIVE_NOUNS = word_set("fois temps moment")


def _adjective_only(word) -> bool:
    """A word that can only be an adjective or a participle (« gratuits », « publiés »)."""
    return bool(word.tags) and all(
        t.startswith(":A") or (t.startswith(":V") and ":Q" in t) for t in word.tags
    )


def _antecedent(words: list, det: int) -> bool:
    """A determiner and a noun at ``det``, heading their phrase: not the complement of a
    noun before (« un questionnaire de satisfaction que… »: the questionnaire)."""
    if words[det].norm in ("de", "d'") or not _is_noun(words[det + 1]):
        return False
    if not _is_det(words[det]) and not _is_number(words[det]):
        return False
    return not (words[det].norm in ("des", "du") and _is_noun(words[det - 1]))


def _is_number(word) -> bool:
    """A number, in figures or in words (« trois outils »), as a plural determiner."""
    return word.norm.isdigit() or any(t.startswith(":B") for t in word.tags)


def _is_det(word) -> bool:
    return any(t.startswith(":G") and ":D" in t for t in word.tags)


def _is_noun(word) -> bool:
    if not word.tags:
        return word.text.isalpha()  # « les KPI »: a word Grammalecte does not know
    return any(t.startswith(":N") for t in word.tags) and not any(
        t.startswith(":G") for t in word.tags
    )


def _past_insert(words: list, j: int) -> int:
    """The token after an insert between commas at ``words[j]`` (« que, malgré les
    conseils de l’équipe, Véronique a envoyée »), or ``j`` when there is none."""
    if words[j].norm != ",":
        return j
    for k in range(j + 1, min(j + 14, len(words))):
        if words[k].norm == ",":
            return k + 1
        if words[k].norm in (".", "!", "?", ";", ":", "</s>") or (
            _is_finite_form(words[k])
            and not any(t.startswith((":N", ":A", ":G", ":W")) for t in words[k].tags)
        ):
            return j
    return j


def _after_subject(words: list, j: int) -> int | None:
    """The token after the subject of a clause at ``j`` and its indirect clitics."""
    if words[j].norm in _SUBJECTS:
        j += 1
    elif _is_det(words[j]) and j + 1 < len(words) and _is_noun(words[j + 1]):
        j += 2
    elif (
        words[j].norm in ("beaucoup", "peu", "trop", "assez", "plusieurs")
        and words[j + 1].norm in ("de", "d'")
        and j + 2 < len(words)
        and _is_noun(words[j + 2])
    ):
        j += 3  # « que beaucoup d’abonnés ont remarqué »
    elif (
        words[j].text[:1].isupper()
        and words[j].text.isalpha()
        and (
            all(t.startswith(":M") for t in words[j].tags)
            or (any(t.startswith(":M") for t in words[j].tags) and not _is_noun(words[j]))
        )
    ):
        # a name Grammalecte does not know (« les tenues que Mariam vous a envoyé »), or a
        # first name that is an adjective too (« Véronique »)
        j += 1
    else:
        return None
    while j + 1 < len(words) and words[j].norm == "·":
        j += 2  # an inclusive ending (« les abonné·es »)
    # Past the indirect objects, and « en » (« les leçons que nous en avons tiré »: the
    # object is still « que »).
    while j < len(words) and (words[j].norm in _INDIRECT or words[j].norm in ("en", "y")):
        j += 1
    return j if j < len(words) else None


# -- a plural subject Grammalecte does not link to its verb ------------------------------------

_OF = word_set("de d' du des")
_DURING = word_set("depuis pendant durant dès")


def check_plural_subjects(text: str, words: list) -> list[Hit]:
    """A singular verb after « qui » and a plural antecedent (« les clients qui veulent »), or
    after a subject of nouns coordinated by « et » (« les textes et les vidéos étaient »)."""
    from .grammar import _agreement_hit, _finite, _verb_at

    hits = []
    for i in range(2, len(words) - 2):
        word = words[i]
        if word.norm == "qui":
            # « det plural + noun + qui »; after « de » the antecedent may be the noun before
            # (« la liste des clients qui veut »): left alone. The same after a comma (« Les
            # participantes, qui venait »).
            # An appositive relative is closed by a comma too; without it, « Les filles,
            # qui a le chargeur ? » is a question after a call.
            a = i - 1 if words[i - 1].norm == "," and i >= 4 and _closed(words, i) else i
            det, noun = words[a - 2], words[a - 1]
            if a >= 3 and (
                words[a - 3].norm in _OF or (det.norm == "des" and _is_noun(words[a - 3]))
            ):
                continue
            # Nor after a noun and a complement of time (« une solution depuis quelques
            # mois qui me sied »): a duration is a circumstance of the verb, and « qui » may
            # take up the noun before it (Grevisse, the antecedent of the relative is not
            # always the nearest noun). Not after « sur », « pour »... which complement the
            # noun (« le passage sur les clients qui veut »: the clients).
            if a >= 4 and words[a - 3].norm in _DURING and _is_noun(words[a - 4]):
                continue
            if not (_plural_det(det) and _is_noun(noun)) or not _plural_noun(noun):
                continue
            verb = _verb_at(words, i + 1)
            subject = f"{det.text} {noun.text} qui"
        elif word.norm == "et" and words[i - 1].norm != ",":
            start = _coordinated_start(words, i)
            if start is None:
                continue
            end = _noun_group(words, i + 1)
            if end is None:
                continue
            verb = _verb_at(words, end)
            subject = " ".join(text[words[start].start : words[end - 1].end].split())
        else:
            continue
        if verb is None:
            continue
        token = words[verb]
        if _finite(token, ":3s") and not _finite(token, ":3p"):
            found = _agreement_hit(token, ":3p", subject)
            if found:
                hits.append(found)
    return hits


def _closed(words: list, i: int) -> bool:
    """Whether a comma closes the clause that starts at ``words[i]`` before its sentence ends."""
    for word in words[i + 1 :]:
        if word.norm == ",":
            return True
        if word.norm in (".", "!", "?", "…", ";", ":", "</s>"):
            return False
    return False


def _plural_det(word) -> bool:
    return any(t.startswith(":G") and ":D" in t and ":p" in t for t in word.tags)


def _plural_noun(word) -> bool:
    return not word.tags or any(t.startswith(":N") and (":p" in t or ":i" in t) for t in word.tags)


def _noun_group(words: list, j: int) -> int | None:
    """The end of « det noun [adjective] » from ``j``, or None."""
    if j + 1 >= len(words) or not _is_det(words[j]) or not _is_noun(words[j + 1]):
        return None
    j += 2
    while j < len(words) and _adjective_after_noun(words[j]):
        j += 1
    return j


def _adjective_after_noun(word) -> bool:
    """An adjective after a noun, though it may be a noun too (« la charte graphique »),
    never a verb."""
    tags = word.tags
    return (
        bool(tags)
        and any(t.startswith(":A") or ":A:" in t for t in tags)
        and not any(t.startswith(":V") for t in tags)
    )


def _coordinated_start(words: list, i: int) -> int | None:
    """Where a subject « det noun (, det noun)* » ending before « et » at ``i`` starts, when
    it starts a sentence (or a clause after « : »)."""
    j = i
    while True:
        start = j - 2
        while (
            start > 0 and words[start].tags and all(t.startswith(":A") for t in words[start].tags)
        ):
            start -= 1  # an adjective after the noun
        if start < 1 or _noun_group(words, start) != j:
            return None
        before = words[start - 1].norm
        if before in ("<s>", ".", "!", "?", ":", ";"):
            return start
        if before != ",":
            return None
        j = start - 1
