"""Homophones: the form a context calls for, from the table in ``lists/homophones.md``.

Each rule names a pair of the table, a pattern of tokens around the form written and the
form the context calls for. A pattern is a sequence of token tests, the written form in
square brackets:

- ``a|à|au``: one of these words (lower case, straight apostrophe: ``l'``, ``qu'``);
- ``<name>``: a word of a class (``CLASSES``), mostly read from Grammalecte's morphology
  (``<inf>`` an infinitive, ``<ppas>`` a past participle, ``<nsing>`` a singular noun);
  ``<!name>`` any token that is not of it;
- ``<boundary>``: the start of the paragraph or a sign that ends or opens a clause
  (. ! ? … : ; « »...); ``<end>``: the end of the paragraph;
- ``*``: any word; ``...``: up to three words (never across punctuation);
- words joined by ``_`` are read one after the other: ``à_fait``, ``de_café``.

``unless`` holds patterns that clear a match when they also match around the same written
form (« il a à faire », « elle et son équipe »). The words come to this module as tokens
(``grammar.Token``: text, offsets, Grammalecte's tags), so the rules stay pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .finding import Hit, word_set


class Word(Protocol):
    """What a rule reads of a token (``grammar.Token``)."""

    text: str
    norm: str  # lower case, straight apostrophe
    start: int
    end: int

    @property
    def tags(self) -> tuple[str, ...]: ...

    @property
    def lemmas(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Pair:
    """A row of the table: the forms that sound alike and what each one is."""

    forms: dict[str, str]  # form → what it is, as the author reads it


# The table (``lists/homophones.md`` documents contexts and sources; a test keeps the two
# in step). Keys are the table's first column.
PAIRS: dict[str, Pair] = {
    "a/à": Pair({"a": "verbe avoir : « il avait »", "à": "préposition"}),
    "ou/où": Pair({"ou": "conjonction : « ou bien »", "où": "lieu ou moment : « dans lequel »"}),
    "et/est": Pair({"et": "conjonction", "est": "verbe être : « il était »"}),
    "son/sont": Pair({"son": "possessif : « mon »", "sont": "verbe être : « ils étaient »"}),
    "on/ont": Pair({"on": "pronom sujet : « il »", "ont": "verbe avoir : « ils avaient »"}),
    "ces/ses/c'est/s'est/sait": Pair(
        {
            "ces": "démonstratif pluriel",
            "ses": "possessif pluriel",
            "c’est": "« cela est »",
            "s’est": "pronom « se » et être : « il s’était »",
            "sait": "verbe savoir : « il savait »",
        }
    ),
    "ce/se": Pair(
        {
            "ce": "démonstratif : « cela », « ce … -ci »",
            "se": "pronom devant un verbe",
            "ceux": "démonstratif pluriel : « ceux qui »",
        }
    ),
    "ça/sa/çà": Pair(
        {"ça": "« cela »", "sa": "possessif : « ma »", "çà": "adverbe de « çà et là »"}
    ),
    "la/là/l'a": Pair(
        {"la": "article ou pronom", "là": "adverbe de lieu : « ici »", "l’a": "« l’avait »"}
    ),
    "leur/leurs": Pair(
        {
            "leur": "pronom, invariable : « lui »",
            "leurs": "possessif devant un pluriel",
            "leurre": "nom : un piège, une illusion",
        }
    ),
    "peu/peut/peux": Pair(
        {
            "peu": "adverbe : « pas beaucoup »",
            "peut": "verbe pouvoir : « il pouvait »",
            "peux": "verbe pouvoir : « je pouvais »",
        }
    ),
    "près/prêt": Pair({"près": "« à côté », « près de »", "prêt": "« préparé », « prêt à »"}),
    "quand/quant/qu'en": Pair(
        {
            "quand": "« lorsque »",
            "quant": "« quant à » : « en ce qui concerne »",
            "qu’en": "« que » et « en »",
        }
    ),
    "par/part": Pair({"par": "préposition", "part": "nom : « une part », « de la part de »"}),
    "dans/d'en": Pair({"dans": "préposition : « à l’intérieur de »", "d’en": "« de » et « en »"}),
    "sans/s'en/c'en": Pair(
        {
            "sans": "préposition",
            "s’en": "« se » et « en »",
            "c’en": "« cela en » (« c’en est trop »)",
        }
    ),
    "voir/voire": Pair({"voir": "verbe", "voire": "adverbe : « et même »"}),
    "mais/mes/mets": Pair(
        {
            "mais": "conjonction d’opposition",
            "mes": "possessif pluriel : « tes »",
            "mets": "verbe mettre ou nom (un mets)",
            "met": "verbe mettre : « il mettait »",
        }
    ),
    "tous/tout": Pair(
        {
            "tous": "masculin pluriel",
            "tout": "masculin singulier ou adverbe",
            "toute": "féminin singulier",
            "toutes": "féminin pluriel",
        }
    ),
    "quelque/quel que": Pair(
        {"quelque": "déterminant : « un certain »", "quel que": "« quel que soit »"}
    ),
    "davantage/d'avantage": Pair({"davantage": "« plus »", "d’avantage": "« de bénéfice »"}),
    "plutôt/plus tôt": Pair(
        {"plutôt": "« de préférence », « assez »", "plus tôt": "contraire de « plus tard »"}
    ),
    "sur le champ/sur-le-champ": Pair(
        {
            "sur le champ": "sur un champ (un terrain, une case à remplir)",
            "sur-le-champ": "adverbe : « aussitôt »",
        }
    ),
    "partie/parti": Pair(
        {
            "partie": "nom féminin : une partie, « prendre à partie », « faire partie »",
            "parti": "nom masculin : un choix, « prendre parti », « parti pris », « tirer parti »",
            "pris": "participe de prendre",
            "prit": "passé simple de prendre",
            "partir": "« avoir maille à partir » : avoir un différend",
        }
    ),
    "court/cours/cour": Pair(
        {
            "court": "adjectif : « bref », « pris de court », « à court de »",
            "cours": "nom : leçon, écoulement, « au cours de », « en cours »",
            "cour": "nom : espace, entourage, « faire la cour »",
        }
    ),
    "tâche/tache": Pair({"tâche": "travail à faire", "tache": "salissure, marque"}),
    "au temps/autant": Pair(
        {"autant": "adverbe de quantité", "au temps": "« au temps pour moi » (je reprends)"}
    ),
    "censé/sensé": Pair({"censé": "« supposé » (être censé faire)", "sensé": "« de bon sens »"}),
    "différend/différent": Pair(
        {"différend": "nom : désaccord", "différent": "adjectif : « pas pareil »"}
    ),
    "en train/entrain": Pair(
        {"en train": "« en train de » (en cours d’action)", "entrain": "nom : ardeur, gaieté"}
    ),
    "ma/m'a, ta/t'a": Pair(
        {
            "ma": "possessif",
            "ta": "possessif",
            "m’a": "« me » et avoir : « m’avait »",
            "t’a": "« te » et avoir : « t’avait »",
        }
    ),
    "ni/n'y": Pair({"ni": "conjonction de négation", "n’y": "« ne » et « y »"}),
    "si/s'y": Pair({"si": "conjonction ou adverbe", "s’y": "« se » et « y »"}),
    "des/dès": Pair({"des": "article", "dès": "préposition : « depuis », « dès que »"}),
    "tant/temps": Pair(
        {
            "tant": "« en tant que » : « comme »",
            "temps": "nom : la durée",
            "t’en": "« te » et « en » : « ne t’en fais pas »",
        }
    ),
    "à jour/à jours": Pair(
        {
            "jour": "« à jour », locution invariable : « mettre à jour »",
            "jours": "« à jours fixes »",
            "à jour": "« mettre à jour » : actualiser",
            "au jour": "« mettre au jour » : découvrir, révéler",
        }
    ),
    "même/mêmes": Pair(
        {
            "même": "adverbe, invariable (« et même »), ou adjectif singulier",
            "mêmes": "adjectif pluriel : « les mêmes erreurs »",
            "eux-mêmes": "pronom renforcé, pluriel",
            "elles-mêmes": "pronom renforcé, pluriel",
        }
    ),
    "quel/quelle/qu'elle": Pair(
        {
            "quel": "déterminant ou attribut interrogatif masculin",
            "quelle": "déterminant ou attribut interrogatif féminin",
            "quelles": "déterminant ou attribut interrogatif féminin pluriel",
            "qu’elle": "« que » et « elle »",
            "qu’elles": "« que » et « elles »",
        }
    ),
    "dépens/dépend": Pair(
        {"dépens": "nom : « aux dépens de »", "dépend": "verbe dépendre : « il dépendait »"}
    ),
    "pris/prix": Pair({"pris": "participe de prendre", "prix": "nom : ce que coûte une chose"}),
    "du/dû": Pair({"du": "article : « de le »", "dû": "participe de devoir : « le montant dû »"}),
    "faite/faîte": Pair(
        {
            "faite": "participe de faire, féminin",
            "faites": "verbe faire : « vous faites », « faites-le »",
            "faîte": "nom : le sommet",
        }
    ),
    "foi/fois": Pair({"foi": "nom : la confiance, la croyance", "fois": "nom : « une fois »"}),
    "sur/sûr": Pair(
        {"sur": "préposition : « dessus »", "sûr": "adjectif : « certain », « assuré »"}
    ),
    "an/en": Pair({"an": "nom : l’année", "en": "préposition ou pronom"}),
    "affaire/à faire": Pair(
        {"affaire": "« avoir affaire à » : être en rapport avec", "à faire": "« à » et faire"}
    ),
    "d'ores/dors": Pair({"d’ores": "« d’ores et déjà » : dès maintenant", "dors": "verbe dormir"}),
    "sang-froid/sans-froid": Pair(
        {"sang-froid": "nom : maîtrise de soi", "sans-froid": "forme inexistante"}
    ),
    "session/cession": Pair(
        {"session": "période de réunion, de cours, d’examen", "cession": "action de céder un bien"}
    ),
    "raisonner/résonner": Pair({"raisonner": "penser, calculer", "résonner": "renvoyer un son"}),
    "amende/amande": Pair({"amende": "sanction en argent", "amande": "fruit de l’amandier"}),
    "balade/ballade": Pair({"balade": "promenade", "ballade": "poème, morceau de musique"}),
    "fonds/fonts": Pair(
        {"fonds": "capital, argent (« lever des fonds »)", "fonts": "« fonts baptismaux »"}
    ),
    "faim/fin": Pair({"faim": "« rester sur sa faim » : insatisfait", "fin": "le terme, le bout"}),
    "pré/près": Pair({"pré": "nom : prairie", "près": "adverbe : « à côté »"}),
    "dont/donc": Pair({"dont": "pronom relatif : « de qui », « duquel »", "donc": "conjonction"}),
    "aussitôt/aussi tôt": Pair(
        {"aussitôt": "adverbe : « tout de suite », « dès »", "aussi tôt": "« aussi » + « tôt »"}
    ),
    "bientôt/bien tôt": Pair(
        {"bientôt": "adverbe : « dans peu de temps »", "bien tôt": "« très tôt »"}
    ),
    "sois/soit": Pair(
        {
            "sois": "impératif ou subjonctif de être, 2ᵉ personne",
            "soit": "3ᵉ personne, ou « soit… soit »",
        }
    ),
    "sitôt/si tôt": Pair({"sitôt": "« dès », « aussitôt »", "si tôt": "« tellement tôt »"}),
    "quelquefois/quelques fois": Pair(
        {"quelquefois": "adverbe : « parfois »", "quelques fois": "« un petit nombre de fois »"}
    ),
    "tribut/tribu": Pair({"tribut": "ce qu’on paie, un lourd prix", "tribu": "groupe, peuplade"}),
    "chair/chaire": Pair(
        {"chair": "« en chair et en os »", "chaire": "tribune, poste d’enseignant"}
    ),
    "mûr/mur": Pair(
        {
            "mûr": "adjectif : à maturité",
            "mûre": "adjectif : à maturité",
            "mûrs": "adjectif : à maturité",
            "mûres": "adjectif : à maturité",
            "mur": "nom : une paroi",
        }
    ),
    "ci/si": Pair(
        {
            "ci-dessous": "adverbe « ci » : « ici, plus bas »",
            "ci-dessus": "adverbe « ci » : « ici, plus haut »",
            "ci-après": "adverbe « ci » : « ici, plus loin »",
            "ci-contre": "adverbe « ci » : « ici, en face »",
            "ci-joint": "adverbe « ci » : « ici, joint »",
            "si": "conjonction ou adverbe",
        }
    ),
    "rebattre/rabattre": Pair(
        {
            "rebat": "« rebattre les oreilles » : répéter sans cesse",
            "rebattent": "« rebattre les oreilles » : répéter sans cesse",
            "rebattu": "« rebattre les oreilles » : répéter sans cesse",
            "rebattre": "« rebattre les oreilles » : répéter sans cesse",
            "rabat": "verbe rabattre : « ramener, abaisser »",
        }
    ),
    "peut être/peut-être": Pair(
        {
            "peut être": "pouvoir et être : « pourrait être »",
            "peut-être": "adverbe : « sans doute »",
        }
    ),
    "cet/cette": Pair(
        {
            "cet": "démonstratif masculin devant une voyelle : « cet été »",
            "cette": "démonstratif féminin : « cette année »",
        }
    ),
    "palier/pallier": Pair(
        {
            "palier": "nom : plateau d’un escalier, étape",
            "pallier": "verbe : remédier à (« pallier un manque »)",
        }
    ),
    "quoique/quoi que": Pair(
        {
            "quoique": "conjonction : « bien que »",
            "quoiqu’": "conjonction : « bien qu’ »",
            "quoi qu’": "« quelle que soit la chose que » : « quoi qu’on en dise »",
            "quoi que": "« quelle que soit la chose que »",
        }
    ),
    "on n'/on": Pair(
        {
            "on n’a": "négation : « on n’a jamais »",
            "on n’est": "négation : « on n’est pas »",
            "on n’avait": "négation",
            "on n’était": "négation",
            "on n’aura": "négation",
            "on n’y": "négation",
            "on n’en": "négation",
            "on": "pronom sujet, sans négation",
        }
    ),
}

# Word classes of the patterns. Each test reads a token's text and Grammalecte's tags
# (``:N`` noun, ``:A`` adjective, ``:V…:Y`` infinitive, ``:V…:Q`` past participle,
# ``:V…:Ip:3s`` a finite form, ``:G:D`` determiner...).
_FINITE = re.compile(r":(?:Ip|Iq|Is|If|K|Sp|Sq)(?::|$)")


def _any(test: Callable[[str], bool]) -> Callable[[Word], bool]:
    return lambda w: any(test(t) for t in w.tags)


def _is_verb(t: str) -> bool:
    return t.startswith(":V")


def _is_finite(t: str) -> bool:
    return t.startswith(":V") and bool(_FINITE.search(t))


def _is_noun(t: str) -> bool:
    return t.startswith(":N")


def _is_adj(t: str) -> bool:
    return t.startswith(":A") or t.startswith(":N:A")


def _is_ppas(t: str) -> bool:
    return t.startswith(":V") and ":Q" in t


def _is_inf(t: str) -> bool:
    return t.startswith(":V") and ":Y" in t


_STRICT_PLURAL = re.compile(r":p(?::|$)")


def _is_plural(t: str) -> bool:
    return bool(re.search(r":[pi](?::|$)", t))


def _is_singular(t: str) -> bool:
    return bool(re.search(r":[si](?::|$)", t))


def _pronominal(t: str) -> bool:
    """A verb that can be pronominal (« se tromper »): ``q`` in its verb code."""
    return t.startswith(":V") and "q" in t.split(":")[1]


def _only(test: Callable[[str], bool]) -> Callable[[Word], bool]:
    return lambda w: bool(w.tags) and all(test(t) for t in w.tags)


def _word(w: Word) -> bool:
    return w.norm[:1].isalpha()


def _unknown(w: Word) -> bool:
    # A demonstrative compound (« cette fois-ci », « ce jour-là ») is no unknown word that
    # could be a name or a noun: Grammalecte reads its parts, not the whole.
    return _word(w) and not w.tags and not w.norm.endswith(("-ci", "-là"))


_LETTERS = re.compile(r"[^\W\d_]")
_BOUNDARY = word_set('. ! ? … : ; « » ( ) — – " * <s>')
_SUBJECT = word_set("il elle on ils elles je j' tu nous vous qui cela ça ceci")

_ASK = frozenset({"demander", "savoir", "indiquer", "expliquer", "ignorer", "préciser"})
_ASK_FORMS = frozenset(
    {"dites", "dis", "racontez", "indiquez", "expliquez", "précisez", "demandez", "demande"}
)


def _consonant(w: Word) -> bool:
    return w.norm[:1].isalpha() and w.norm[:1] not in "aâàeéèêëiîïoôuûùyh"


CLASSES: dict[str, Callable[[Word], bool]] = {
    "word": _word,
    "unknown": _unknown,
    "num": lambda w: w.norm[:1].isdigit() or any(t.startswith(":B") for t in w.tags),
    "boundary": lambda w: w.norm in _BOUNDARY,
    # A name (« Marie a publié »): capitalised, and a name to Grammalecte or unknown to it.
    "name": lambda w: (
        w.text[:1].isupper()
        and _word(w)
        and (not w.tags or any(t.startswith(":M") for t in w.tags))
    ),
    # Where a sentence starts (not after a bracket or a quotation mark).
    "start": lambda w: w.norm in ("<s>", ".", "!", "?", "…"),
    "inf": _any(_is_inf),
    "inf_only": _only(_is_inf),
    "ppas": _any(_is_ppas),
    # A past participle that is no finite form (« publié », not « fait » or « dit »).
    "ppas_not_finite": lambda w: (
        any(_is_ppas(t) for t in w.tags) and not any(_is_finite(t) for t in w.tags)
    ),
    "ppas_pronominal": lambda w: any(_is_ppas(t) and _pronominal(t) for t in w.tags),
    "inf_pronominal": lambda w: any(_is_inf(t) and _pronominal(t) for t in w.tags),
    "finite": _any(_is_finite),
    "finite3s": _any(lambda t: _is_finite(t) and ":3s" in t),
    # A finite verb that cannot be read as a noun or an adjective (« va », « dépend »).
    "finite_only": lambda w: (
        any(_is_finite(t) for t in w.tags)
        and not any(
            _is_noun(t) or _is_adj(t) or _is_ppas(t) or _is_inf(t) or t.startswith(":G")
            for t in w.tags
        )
    ),
    "verb": _any(_is_verb),
    "noun": _any(_is_noun),
    "noun_only": _only(_is_noun),
    # A noun that is never an adjective (« fichier », not « fières »: ``:N:A``).
    "noun_pure": lambda w: bool(w.tags) and all(_is_noun(t) and ":A" not in t for t in w.tags),
    # A masculine noun starting with a vowel sound, of no feminine reading (« été »,
    # « hiver », « article »): « cet » before it, never « cette ».
    "nmasc_vowel": lambda w: (
        w.norm[:1] in "aâàeéèêëiîïoôuûù"
        and any(_is_noun(t) and ":m" in t for t in w.tags)
        and not any((_is_noun(t) or _is_adj(t)) and (":f" in t or ":e" in t) for t in w.tags)
        and not any(":f" in t for t in w.tags)
    ),
    "nsing": lambda w: bool(w.tags) and all(_is_noun(t) and _is_singular(t) for t in w.tags),
    "nplur": lambda w: bool(w.tags) and all(_is_noun(t) and _is_plural(t) for t in w.tags),
    "plural_noun": _any(lambda t: _is_noun(t) and ":p" in t),
    "adj": _any(_is_adj),
    "adj_only": _only(lambda t: _is_adj(t) or (t.startswith(":V") and ":Q" in t)),
    "det": _any(lambda t: t.startswith(":G") and ":D" in t),
    "adverb": _any(lambda t: t.startswith(":W") or t.startswith(":G:W")),
    # A grammatical word: determiner, pronoun, preposition... (« lui », also the participle
    # of « luire »).
    "gram": _any(lambda t: t.startswith(":G")),
    # A word that can be a preposition (« dans », « sur », « après »): no subject.
    "prep": _any(lambda t: t.startswith(":G:R")),
    "subject": lambda w: w.norm in _SUBJECT,
    # Forms of the verbs a rule names (by lemma).
    "être": lambda w: (
        ("être" in w.lemmas and any(_is_finite(t) for t in w.tags)) or w.norm in ("être", "été")
    ),
    "faire": lambda w: "faire" in w.lemmas,
    "prendre": lambda w: "prendre" in w.lemmas,
    "tirer": lambda w: "tirer" in w.lemmas,
    "couper": lambda w: "couper" in w.lemmas,
    "savoir": lambda w: "savoir" in w.lemmas,
    "mettre": lambda w: "mettre" in w.lemmas,
    "rester": lambda w: "rester" in w.lemmas,
    "préférer": lambda w: "préférer" in w.lemmas,
    "lever": lambda w: "lever" in w.lemmas or w.norm in ("levée", "levées"),
    # Verbs that open an indirect question (« demander où », « dites-nous où »).
    "ask": lambda w: any(lemma in _ASK for lemma in w.lemmas) or w.norm.split("-")[0] in _ASK_FORMS,
    # Forms of avoir and être that make compound tenses (« ont », « sommes »).
    "aux": lambda w: any(
        lemma in ("avoir", "être") and _is_finite(t)
        for lemma, t in zip(w.lemmas, w.tags, strict=True)
    ),
    # A plural adjective that no singular noun can follow « son » with (« indispensables »).
    # An adjective invariable in number (« vieux », « heureux ») is no plural: « son vieux
    # combi ».
    "adj_plural_only": lambda w: (
        bool(w.tags)
        and all(
            _STRICT_PLURAL.search(t) and (_is_adj(t) or ":A" in t or _is_ppas(t)) for t in w.tags
        )
    ),
    "nfem_sing": lambda w: (
        any(_is_noun(t) and ":f:s" in t for t in w.tags)
        and not any(t.startswith((":W", ":G")) for t in w.tags)
    ),
    "nfem_plural_only": lambda w: (
        any(_is_noun(t) for t in w.tags) and all(":f:p" in t for t in w.tags if _is_noun(t))
    ),
    # Feminine adjectives before which the adverb « tout » agrees: those that start with
    # a consonant (« toutes contentes »; « tout émues » stays).
    "afem_plural_c": lambda w: _consonant(w) and any(":A" in t and ":f:p" in t for t in w.tags),
    "afem_sing_c": lambda w: _consonant(w) and any(":A" in t and ":f:s" in t for t in w.tags),
    "nfem_plural": _any(lambda t: _is_noun(t) and ":f:p" in t),
    "payer": lambda w: "payer" in w.lemmas,
    "valoir": lambda w: "valoir" in w.lemmas,
    # A finite verb of the third person plural that no singular reading shares
    # (« partagent », not « partage »).
    "finite3p_only": lambda w: (
        any(_is_finite(t) and ":3p" in t for t in w.tags)
        and not any(":3s" in t or ":1s" in t or ":2s" in t for t in w.tags)
    ),
    # An imperative of the first or second person plural (« pensez », « notons »).
    "imperative_plural": _any(lambda t: ":E" in t and (":2p" in t or ":1p" in t)),
}


@dataclass(frozen=True)
class Rule:
    """One context of the table: ``pattern`` around the written form, the form it calls for."""

    pair: str
    pattern: str
    right: str
    unless: tuple[str, ...] = ()


def R(pair: str, pattern: str, right: str, *unless: str) -> Rule:
    """A row of ``RULES``."""
    return Rule(pair, pattern, right, unless)


_SUBJ3S = "il|elle|on|qui|cela|ça|ceci"
_CLITIC = "ne|n'|y|en|l'|le|la|les|lui|leur|me|m'|te|t'|se|s'|nous|vous"
_DET_SG = "le|la|l'|un|une|ce|cet|cette|mon|ton|son|ma|ta|sa|notre|votre|leur|chaque"
_DET_PL = "les|des|ces|mes|tes|ses|nos|vos|leurs|plusieurs|quelques|certains|certaines"
_PRON = "je|j'|tu|il|elle|on|nous|vous|ils|elles"
# Nouns of time and place that « où » follows as a relative (« le jour où »).
_WHEN_WHERE = (
    "moment|jour|soir|matin|nuit|semaine|mois|année|an|époque|période|instant|heure|minute"
    "|date|cas|lieu|endroit|pays|ville|région|quartier|site|page|plateforme|réseau|espace"
    "|forum|groupe|salle|événement|évènement|situation|contexte|monde|stade|niveau"
    "|communauté|application|réunion|journée|soirée|fil|compte|blog|article|vidéo|live"
)
_WHEN = "moment|jour|soir|matin|nuit|semaine|mois|année|époque|période|instant|heure|date"
# « tâche », a task: what one does with it, and what it is.
_TASK_VERBS = (
    "accomplir|accomplit|effectuer|effectue|réaliser|réalise|répartir|répartit|déléguer"
    "|délègue|automatiser|automatise|planifier|planifie|gérer|gère|confier|confie|attribuer"
    "|attribue|simplifier|simplifie|faciliter|facilite|alléger|allège|automatisez|déléguez"
    "|planifiez|répartissez|simplifiez|listez|lister|prioriser|priorisez"
)
_TASK_KINDS = (
    "ménagère@|quotidienne@|répétitive@|administrative@|difficile@|ardue@|principale@"
    "|chronophage@|urgente@|prioritaire@|complexe@|ingrate@|assignée@|confiée@|de_fond"
    "|à_accomplir|à_faire|à_effectuer|à_réaliser"
)
_STAINS = "de_café|d'encre|de_gras|de_sang|de_vin|d'huile|de_rousseur|de_graisse|de_peinture"
# Determiners of a subject put after its verb (« où se trouve votre clientèle »).
_DET_SUBJECT = (
    "le|la|les|l'|un|une|votre|vos|notre|nos|son|sa|ses|leur|leurs|mon|ma|mes|ton|ta|tes"
    "|ce|cet|cette|ces"
)
_ETRE = "est|sont|suis|es|sommes|êtes|était|étaient|étais|sera|seront|serai|serait|être|été"

RULES: tuple[Rule, ...] = (
    # a / à: « à » before an infinitive, in prepositional phrases and after words that
    # take « à »; « a » after a subject.
    R(
        "a/à",
        "[a] <inf_only>",
        "à",
        f"{_SUBJ3S}|ce|tout|personne|rien|chacun [a]",
        f"{_CLITIC} [a]",
        "<name> [a]",
        "<nsing> [a]",
        "<unknown> [a]",
        "[a] été|eu",
    ),
    R(
        "a/à",
        "[a] partir|cause|travers|propos|côté|condition|nouveau|distance|savoir|l'instar"
        "|l'égard|l'aide|l'avance|l'heure|l'inverse|l'époque|l'écoute"
        "|l'image|l'origine|l'issue|l'occasion|l'approche|l'intérieur|l'extérieur|l'étranger"
        "|l'avenir|l'instant",
        "à",
    ),
    R(
        "a/à",
        "[a] peu_près|court_terme|long_terme|moyen_terme|tout_prix|vrai_dire|force_de"
        "|force_d'|mesure_que|mesure_qu'|mon_avis|votre_avis|notre_avis|mon_sens|mon_goût"
        "|temps_plein|temps_partiel|plusieurs_reprises",
        "à",
    ),
    R(
        "a/à",
        "[a] la fois|place|suite|fin|une|carte|demande|mode|rigueur|main|une",
        "à",
        "il|elle|on|qui|cela|ça|<name>|<nsing> [a]",
    ),
    R("a/à", "jusqu'|grâce|face|quant|conformément|contrairement|parallèlement [a]", "à"),
    R("a/à", "par rapport [a]", "à"),
    R("a/à", "<boundary> bienvenue|merci|bonjour|bravo|félicitations|rendez-vous [a]", "à"),
    R(
        "a/à",
        "<noun>|<name>|<unknown> [à] <ppas_not_finite>",
        "a",
        "[à] <noun>|<adj>|lui|eux|elle|elles|nous|vous|moi|toi",
        "est|sont|était|a|ont|c' [à]",
    ),
    R("a/à", "h|heures|heure|<num> [a] <num>", "à"),
    R("a/à", "[à] <ppas_not_finite>", "a", "<!subject> [à]"),
    R("a/à", "il|on [à]", "a", "il|on [à] <inf>"),
    R("a/à", "<boundary> elle [à]", "a", "elle [à] <inf>"),
    R("a/à", "il|elle|on n'|y|l'|m'|t' [à]", "a"),
    R("a/à", "il|elle|on|ils|elles|je|tu|nous|vous l'|m'|t'|lui|leur [à] <!inf>", "a"),
    R("a/à", "il y [à]", "a"),
    # ou / où: « où » is the relative of time and place, and the interrogative.
    R("ou/où", f"<det> {_WHEN_WHERE} [ou] {_PRON}|c'|ça|cela|chacun|tout|personne|se|s'", "où"),
    # After a noun of time, « ou » then a subject and its verb: « le jour ou les membres
    # arrivent ». Not after other nouns: « une photo ou une vidéo suffit » is right.
    R(
        "ou/où",
        f"<det> {_WHEN} [ou] le|la|les|l'|vos|nos|ses|leurs|leur|mes|tes|ces|un|une|des * <finite>",
        "où",
    ),
    R("ou/où", "là|partout|d'|par|n'importe|jusqu' [ou]", "où", "[ou] bien|alors|non|pas"),
    R("ou/où", "<start> [ou] est|sont|était|en|se|s'|aller|trouver|va|vont|sommes|êtes", "où"),
    R(
        "ou/où",
        "pas|savoir|sais|sait|savez|savons|savent [ou] aller|trouver|chercher|commencer"
        "|cliquer|publier|poster|mettre|se|s'|il|elle|on|ils|elles|je|j'|nous|vous",
        "où",
    ),
    # et / est
    R(
        "et/est",
        "il|on|cela|ça|ceci|c' [et] <adj>|<ppas>|<adverb>|<det>|en|à|au|aux|trop",
        "est",
        "[et] là|le|la|les|l'|un|une|des|<name>|lui|moi|toi|eux|nous|vous",
        "ça [et]",
    ),
    R(
        "et/est",
        "elle|qui [et] <adj_only>|<adverb>|en|à|au|aux|trop|très|plus|moins|pas",
        "est",
        "[et] bien|ainsi|surtout|puis|alors|non|enfin|encore|donc|aussi|plus|moins|même|là|ensuite"
        "|parfois|souvent|toujours|ailleurs|déjà|demain|ici|maintenant|aujourd'",
    ),
    R("et/est", f"<boundary> {_DET_SG} <noun>|<unknown> [et] de|d' <inf_only>", "est"),
    R(
        "et/est",
        f"{_DET_SG} <noun>|<unknown> [et] <ppas_not_finite>",
        "est",
        "* * [et] <ppas_not_finite> et|,",
    ),
    R(
        "et/est",
        f"{_DET_SG} <noun_only> [et] en_train|en_ligne|prêt|prête|terminé|terminée|fini|finie",
        "est",
    ),
    # son / sont
    R("son/sont", "ils|elles [son] <!noun>", "sont"),
    R(
        "son/sont",
        f"{_DET_PL} <plural_noun> [son] <ppas>|<adj>|très|bien|souvent|toujours"
        "|déjà|tous|toutes|en|à|là|ici|plus|moins|trop|encore|aussi|pas",
        "sont",
    ),
    R("son/sont", "<boundary> ce [son] les|des|nos|vos|mes|tes|ses|leurs|eux|elles|ces", "sont"),
    R(
        "son/sont",
        "de|à|dans|sur|pour|avec|par|en|sans|chez|vers|selon|contre|<ppas> [sont] <nsing>",
        "son",
        "* [sont] <adj>|<verb>",
    ),
    # on / ont
    R("on/ont", "ils|elles [on]", "ont"),
    R(
        "on/ont",
        f"{_DET_PL} <plural_noun> [on] <ppas>|été|eu|du|pu|dû|su|vu|fait|pris|mis|dit",
        "ont",
    ),
    R("on/ont", "qui [on] <ppas_not_finite>", "ont"),
    # « on » is followed by a verb, a clitic or « ne », never by a participle alone (« et
    # on raté le début »: « ont »).
    R("on/ont", "<word>|,|<start> [on] <ppas_not_finite>", "ont", "<det> [on]", "[on] <gram>"),
    R(
        "on/ont",
        "<boundary>|et|mais|donc|car|quand|si|qu'|que|comme|où|,"
        " [ont] peut|doit|va|vient|sait|veut|est|a|ne|n'|se|s'|dit|pense|fait|voit|trouve|me|m'|te"
        "|t'|vous|nous",
        "on",
    ),
    # ces / ses / c'est / s'est / sait
    R(
        "ces/ses/c'est/s'est/sait",
        "<boundary>|et|mais|donc|car|or|,|que|qu' [ses|ces] un|une|le|la|l'|pas|bien|vrai"
        "|important|essentiel|possible|simple|facile|difficile|là|ici|mieux|toujours|souvent|très"
        "|plus|aussi|donc|pourquoi|ça|cela|normal|dommage|grâce|ce|à|au|pour|en|lui|elle|nous"
        "|vous|eux|parti|fini|mon|ma|notre|votre|leur|comme|ainsi|juste|clair|évident|tout",
        "c’est",
    ),
    R(
        "ces/ses/c'est/s'est/sait",
        "[ses|ces] ce|un|une|le|la|l'|mon|ma|notre|votre|pas|ça|cela|pourquoi|grâce",
        "c’est",
    ),
    # A determiner is followed by a noun, never by an adverb of degree (« les paramètres,
    # ses vraiment compliqué »).
    R(
        "ces/ses/c'est/s'est/sait",
        "[ses|ces] vraiment|trop|tellement|assez|super|hyper|plutôt|franchement|carrément",
        "c’est",
    ),
    R(
        "ces/ses/c'est/s'est/sait",
        "il|elle|on|qui|<name>|<noun>|<unknown> [c'est|ces|ses|sait] <ppas_pronominal>",
        "s’est",
        "<boundary> <noun_only> [c'est|ces|ses|sait]",
        "[ces|ses] <noun_only>",
        # After a word that can be a preposition there is no subject for « s’est »: the
        # determiner of a complement (« dans ses écrits »; Grammalecte reads « dans » as a
        # noun too, the plural of « dan »).
        "<prep> [c'est|ces|ses|sait]",
    ),
    # Not after a noun: « Le problème c’est que… » takes up a detached subject with « c’est »
    # (Grevisse, « c’est » reprenant un terme détaché), common without the comma; after a
    # noun only meaning tells it from « sait ».
    R(
        "ces/ses/c'est/s'est/sait",
        "il|elle|on|qui|<name> [c'est] que|qu'|comment|pourquoi|où|si|tout|<inf_only>",
        "sait",
    ),
    R(
        "ces/ses/c'est/s'est/sait",
        "il|elle|on|qui|<name> [s'est] que|qu'|comment|pourquoi|si",
        "sait",
    ),
    R(
        "ces/ses/c'est/s'est/sait",
        "<boundary> [s'est] un|une|le|la|les|l'|pas|vrai|ça|cela"
        "|pour|grâce|à|au|ce|mon|ma|notre|votre|très|trop|plus|bien|important|normal|facile"
        "|simple|possible",
        "c’est",
    ),
    # ce / se
    R(
        "ce/se",
        "pour|de|sans|faut|doit|peut|veut|doivent|peuvent|veulent|va|vont|il|elle|on|ils"
        "|elles|qui|savoir|pouvoir|vouloir|devoir [ce] <inf_pronominal>",
        "se",
        "pour [ce] faire",
    ),
    R(
        "ce/se",
        "il|elle|on|ils|elles|qui|ne|n' [ce] <finite>",
        "se",
        "* [ce] est|sont|sera|seront|serait|seraient|fut|furent|soit|soient|doit|devait|devrait"
        "|peut|pouvait|pourrait|semble|sont|<!verb>",
    ),
    R(
        "ce/se",
        "[ce] <finite_only>",
        "se",
        "* [ce] est|sont|sera|seront|serait|seraient|fut|furent|soit|soient|doit|devait|devrait"
        "|peut|pouvait|pourrait|semble|n'|ne|que|qui",
        "<boundary>|,|et|mais|donc|or [ce] <finite_only>",
    ),
    R(
        "ce/se",
        "[se] qui|que|qu'|dont|matin|soir|jour|mois|site|genre|type|message|contenu|réseau"
        "|post|moment|n'est|n'était|sera|serait|fut",
        "ce",
    ),
    R(
        "ce/se",
        "<boundary>|,|mais|et|car [se] sont|serait|sera|fut|n'est <det>|<noun>|<adj>",
        "ce",
        # « qui se sont plu à…, se sont vite rendu compte »: an adverb and a participle
        "[se] sont|serait|sera|fut <adverb> <ppas>",
    ),
    R("ce/se", "[se] <nsing>", "ce", "* [se] <verb>|<unknown>|<adj>"),
    # ça / sa / çà
    R(
        "ça/sa/çà",
        "[sa] va|marche|fonctionne|dépend|suffit|prend|change|sert|veut|fait|devient"
        "|reste|coûte|vaut|arrive|m'|me|nous|vous|t'|te|n'|ne|y|lui|leur",
        "ça",
        "[sa] <nsing> <!finite>",
    ),
    R("ça/sa/çà", "[sa] <finite_only>", "ça"),
    R("ça/sa/çà", "comme|<finite> [sa] .|,|!|?|;|:", "ça"),
    R("ça/sa/çà", "[ça] et là", "çà"),
    # la / là / l'a
    # Not « la ou les » + noun, the coordination of two determiners (« détecter la ou les
    # sources »; Grevisse, déterminants coordonnés: « le ou les responsables »).
    R(
        "la/là/l'a",
        "[la] ou|où il|elle|on|vous|nous|ils|elles|je|tu|se|les|ça|s'",
        "là",
        "[la] ou les",
    ),
    R("la/là/l'a", f"{_ETRE}|reste|restent|restons|ici|d'ici|jusque [la] .|,|!|?|;|:|»", "là"),
    R("la/là/l'a", "il|elle|on|qui|ne|n'|cela|ça|<name> [la] <ppas_not_finite>", "l’a"),
    # leur / leurs
    R("leur/leurs", "il|elle|on|ils|elles|je|tu|nous|vous|ne|n' [leurs] <finite>|<inf>", "leur"),
    R(
        "leur/leurs",
        "[leurs] a|ai|as|avons|avez|ont|avait|avaient|est|sont|en|y|donne|donner",
        "leur",
    ),
    # peu / peut / peux
    R("peu/peut/peux", "il|elle|on|cela|ça|qui|chacun|tout [peu]", "peut", "[peu] à peu"),
    R("peu/peut/peux", "je|tu [peu]", "peux"),
    R("peu/peut/peux", "ne|n' [peu] pas|plus|jamais|rien", "peut"),
    R(
        "peu/peut/peux",
        "un|très|trop|si|assez|bien|quelque|à [peut|peux]",
        "peu",
        "* [peut|peux] -",
    ),
    R(
        "peu/peut/peux",
        "[peut|peux] de|d'|à|après|avant|importe|nombreux|probable|connu|connue",
        "peu",
        "il|elle|on|je|tu|qui|cela|ça|ne|n'|se|s'|<noun> [peut|peux]",
    ),
    # près / prêt
    R("près/prêt", "[près|prés] à|a|pour <inf>|tout|tous|toutes", "prêt"),
    R("près/prêt", "[près|prés] pour nous|vous|me|m'|te|t'|se|s'|le|la|les|l' <inf>", "prêt"),
    R(
        "près/prêt",
        f"{_ETRE}|tout|très|plus|assez|suivre|suivi|suivez|de|peu [prêt|prêts|prête] de|d'|du|des",
        "près",
        "* [prêt|prêts|prête] d' <inf>",
        "* [prêt|prêts|prête] de <inf>",
    ),
    R("près/prêt", "à peu [prêt|prêts|prés]", "près"),
    R("près/prêt", "de [prêt]", "près", "* [prêt] de|d'|du|des|à", "<det> * [prêt]"),
    # quand / quant / qu'en
    R("quand/quant/qu'en", "[quand] à|au|aux", "quant"),
    R(
        "quand/quant/qu'en",
        "[quant] il|elle|on|je|tu|nous|vous|ils|elles|c'|la|le|les|j'|ce",
        "quand",
    ),
    # « Qu’en pensez-vous ? », but « Quand pensez-vous venir ? »
    R(
        "quand/quant/qu'en",
        "<start> [quand] penses-tu|pensez-vous|dites-vous|dis-tu|est-il ?|.|!|<end>",
        "qu’en",
    ),
    R("quand/quant/qu'en", "ce [quand] pense|pensent|disent|dit", "qu’en"),
    # par / part
    R("par/part", "de|d' la|ma|ta|sa|notre|votre|leur [par] de|d'|du|des", "part"),
    R(
        "par/part",
        "à|a [par] ça|cela|ceci|entière|entier|moi|toi|lui|elle|nous|vous|eux|elles"
        "|quelques|certains|certaines|le|la|les|l'|un|une|ce|cette",
        "part",
    ),
    R(
        "par/part",
        "<faire>|faites-nous|faites-moi|faites-leur|fais-moi|fais-nous [par] de|d'"
        " son|sa|ses|leur|leurs|vos|votre|notre|nos|la|l'|ce|cette|ces|mon|ma|mes|un|une|tes|ton"
        "|ta|cela|ça|tout",
        "part",
    ),
    R("par/part", "<prendre> [par] à|au|aux", "part"),
    R("par/part", "nulle|quelque|toute|toutes [par]", "part", "[par] le|la|les|l'|un|une|des"),
    R("par/part", "d'autre|d'une [par]", "part"),
    R("par/part", "de [par] et", "part"),
    R("par/part", "pour ma|ta|sa|notre|votre|leur [par] ,|.|;|je|nous|il|elle|on", "part"),
    R("par/part", "[part] exemple|conséquent|rapport|hasard|défaut|moments|cœur|dessus", "par"),
    R("par/part", "[part] ailleurs|contre", "par", "il|elle|on|qui|<noun> [part]"),
    # dans / d'en
    R(
        "dans/d'en",
        "[d' en] le|la|les|un|une|mon|notre|ce|cette|ces|ma|nos|vos|votre|leurs",
        "dans",
    ),
    R("dans/d'en", "[dans] <inf>", "d’en"),
    # sans / s'en / c'en
    R(
        "sans/s'en/c'en",
        "il|elle|on|ils|elles|qui|ne|n'|je|tu|nous|vous [sans] <finite>",
        "s’en",
        "* [sans] <noun>|<adj>|<ppas>|<inf>",
    ),
    R("sans/s'en/c'en", "[sans] <finite_only>", "s’en", "* [sans] <noun>"),
    R(
        "sans/s'en/c'en",
        "[s' en] le|la|les|l'|un|une|aucun|aucune|mon|ma|mes|ton|ta|tes|son|sa"
        "|ses|notre|nos|votre|vos|leurs|cesse",
        "sans",
    ),
    R("sans/s'en/c'en", "<boundary> [s'_en|sans] est|était trop|fini|fait", "c’en"),
    # voir / voire
    R(
        "voir/voire",
        ", [voir] <adj_only>|carrément|plus|moins|pire|davantage|même|jamais|pas|<num>|des|de|d'",
        "voire",
        "* [voir] des|de|d' <noun>",
        "* [voir] <inf>",
    ),
    R("voir/voire", "[voir] même", "voire"),
    R("voir/voire", "<num> [voir] <num>", "voire"),
    # mais / mes / mets
    R(
        "mais/mes/mets",
        "[mets|met] <plural_noun>",
        "mes",
        f"{_DET_SG}|{_DET_PL}|<adj> [mets|met]",
        "<subject>|je|tu|<noun_only> [mets|met]",
    ),
    R(
        "mais/mes/mets",
        ",|<boundary> [mes] il|elle|on|je|j'|tu|nous|vous|ils|elles|le|la|les|l'"
        "|un|une|ce|c'|ça|cela|pas|aussi|surtout|encore|pourquoi|comment|si|quand|pour|en|à|au"
        "|aux|non|oui|bon|plutôt|attention|qui|que|là|rien|personne|sans|avec|dans|sur|depuis"
        "|lorsque|comme",
        "mais",
    ),
    # An adjective on either side: « mais » (« simple mes efficace »); not after a word
    # that is also a preposition (« sur mes courtes distances »: « sur » is no adjective
    # there).
    R("mais/mes/mets", "<adj>|<ppas> [mes] <adj>|<ppas>", "mais", "* [mes] <noun>", "<prep> [mes]"),
    # tous / tout
    R(
        "tous/tout",
        "[tous] à_fait|de_suite|d'abord|au_long|simplement|le_monde",
        "tout",
        "* [tous] le monde <plural_noun>",
    ),
    R("tous/tout", "[tout] les|ces|mes|tes|ses|nos|vos|leurs|deux|trois|quatre", "tous"),
    # quelque / quel que
    R("quelque/quel que", "[quelque|quelques] soit|soient", "quel que"),
    # davantage / d'avantage
    R("davantage/d'avantage", "[d' avantage] de|d'|que|qu'|.|,|!|?", "davantage"),
    # plutôt / plus tôt
    R("plutôt/plus tôt", "[plus tôt] que de|d' <inf>", "plutôt"),
    R(
        "plutôt/plus tôt",
        f"{_ETRE}|c' [plus tôt] <adj_only>|bien|mal|pas|bon|calme",
        "plutôt",
        "* [plus tôt] possible",
    ),
    R(
        "plutôt/plus tôt",
        "[plutôt] que|qu' prévu|d'habitude|d'ordinaire|l'an_dernier|la_veille|annoncé|initialement",
        "plus tôt",
    ),
    R("plutôt/plus tôt", "le [plutôt] possible", "plus tôt"),
    # sur le champ / sur-le-champ
    R(
        "sur le champ/sur-le-champ",
        "<word> [sur le champ] .|,|!|?|;|:|et|mais|ou|<end>",
        "sur-le-champ",
    ),
    # prendre à partie / faire partie / parti pris / prendre parti / tirer parti
    R("partie/parti", "<prendre> à|a [parti|partis]", "partie"),
    R("partie/parti", "<prendre> ... à|a [parti|partis]", "partie"),
    R("partie/parti", "<faire> [parti|partis|parties] de|d'|du|des|intégrante", "partie"),
    R("partie/parti", "<faire> [parti|partis|parties] intégrante", "partie"),
    R(
        "partie/parti",
        "en [parti] ,|.|;|car|parce|grâce|du|de|pour",
        "partie",
        "* [parti] de|du|pour <det>",
    ),
    R("partie/parti", "[partie|partis] pris|prise|prit|prix", "parti", "<det> [partis] pris"),
    R("partie/parti", "parti [prit|prix]", "pris"),
    R("partie/parti", "un|le|son|leur|de|mon|ton|sans|par [parti-pris]", "parti pris"),
    R("partie/parti", "<prendre> [partie] pour|contre|,|.", "parti"),
    R("partie/parti", "<tirer> [partie] de|d'|du|des", "parti"),
    R("partie/parti", "<tirer> le meilleur [partie]", "parti"),
    # être pris de court / court, cours, cour
    R("court/cours/cour", "<prendre> de [cours|cour]", "court"),
    R("court/cours/cour", "à|a [cours|cour] de|d'", "court", "<prendre> à|a [cours|cour]"),
    R("court/cours/cour", "<couper> [cours|cour]", "court"),
    R("court/cours/cour", "au [court|cour] de|d'|du|des", "cours"),
    R(
        "court/cours/cour",
        "en [court|cour] .|,|;|!|?|:|de|d'|d'exécution|d'élaboration",
        "cours",
        "* [court|cour] de|d' <noun_only> <!noun>",
    ),
    R("court/cours/cour", "[court|cour] d'eau", "cours"),
    R(
        "court/cours/cour",
        "des|les|ses|vos|nos|mes|tes|leurs|ces [court] de|d'|en|particuliers"
        "|magistraux|collectifs|individuels|gratuits|payants",
        "cours",
    ),
    R("court/cours/cour", "la|une|cette [cours] de|d'|des|du|intérieure|d'honneur|d'appel", "cour"),
    R("court/cours/cour", "faire|fait|fais|font|faisait la [cours|court]", "cour"),
    R("court/cours/cour", "avoir|a|ont|avait [cour]", "cours"),
    # tâche / tache
    *(
        R("tâche/tache", f"{_TASK_VERBS} {det} [{wrong}]", right)
        for det, wrong, right in ((_DET_SG, "tache", "tâche"), (_DET_PL, "taches", "tâches"))
    ),
    *(
        R("tâche/tache", f"[{wrong}] {_TASK_KINDS.replace('@', ending)}", right)
        for wrong, right, ending in (("tache", "tâche", ""), ("taches", "tâches", "s"))
    ),
    R("tâche/tache", "à la [tache]", "tâche", "* * [tache] d'"),
    R("tâche/tache", f"[tâche] {_STAINS}", "tache"),
    R("tâche/tache", f"[tâches] {_STAINS}", "taches"),
    # au temps pour moi
    R("au temps/autant", "<boundary> [autant] pour_moi|pour_nous", "au temps"),
    # censé / sensé
    R(
        "censé/sensé",
        f"{_ETRE}|n'est|n'étaient|nul|n'était [sensé|sensée|sensés|sensées] <inf>",
        "censé",
    ),
    R(
        "censé/sensé",
        "[sensé|sensée|sensés|sensées] être|faire|avoir|savoir|pouvoir|servir|aider"
        "|remplacer|durer|arriver|venir|publier|répondre|gérer|représenter",
        "censé",
    ),
    # différend / différent
    R(
        "différend/différent",
        "un|le|ce|leur|notre|votre|son|mon|gros|petit|léger|vieux|ancien"
        " [différent] .|,|;|!|?|:|entre|avec|sur|commercial|juridique|familial|persistant|profond"
        "|ancien|qui|les|l'|l'opposant|opposant",
        "différend",
    ),
    R(
        "différend/différent",
        "des|les|ces|nos|vos|leurs|<adj> [différents] entre|avec|.|,|;|:"
        "|commerciaux|juridiques|familiaux|persistants|opposant|qui",
        "différends",
        "* [différents] .|,|;|:",
    ),
    R(
        "différend/différent",
        "régler|réglé|régler|résoudre|résolu|trancher|tranché|arbitrer"
        "|aplanir|apaiser|régler <det> [différent|différents]",
        "différend",
    ),
    # en train / entrain
    R("en train/entrain", "[entrain] de|d' <inf>", "en train"),
    R("en train/entrain", f"{_ETRE} [entrain] de|d'", "en train"),
    # ma / m'a, ta / t'a
    R("ma/m'a, ta/t'a", "il|elle|on|qui|ne|cela|ça|<name> [ma] <ppas_not_finite>", "m’a"),
    R("ma/m'a, ta/t'a", "il|elle|on|qui|ne|cela|ça|<name> [ta] <ppas_not_finite>", "t’a"),
    # ni / n'y
    R(
        "ni/n'y",
        "[ni] a|avait|aura|aurait|ont|avons|avez|vais|va|allez|crois|croit|pense|peut"
        "|peux|arrive|arrivent|connais|connait|connaît|comprends|comprend",
        "n’y",
        "ni [ni]",
        "* [ni] a|va|peut <word> ni",
    ),
    # si / s'y
    R(
        "si/s'y",
        "[si] prendre|prend|prennent|prenait|retrouver|retrouve|retrouvent|attendre"
        "|attend|attendent|inscrire|inscrit|abonner|abonne|abonnent|mettre|met|mettent|rendre"
        "|rend|rendent|fier|fie|fient|habituer|habitue",
        "s’y",
        "si [si]",
    ),
    # des / dès
    R("des/dès", "[des] le|la|l'|les|que|qu'|lors|maintenant|demain|aujourd'|potron", "dès"),
    # en tant que
    R("tant/temps", "en [temps|tend|tan] que|qu'", "tant"),
    # aux dépens de
    R("dépens/dépend", "au|aux|à [dépend|dépends] de|du|des|d'", "dépens"),
    # son / sont: no singular noun after the possessive, a plural adjective: the verb.
    R("son/sont", "[son] <adj_plural_only>", "sont", "[son] * <noun_pure>"),
    # ça / sa: a feminine noun after « ça » where « ça » cannot be the subject (after a
    # verb or a preposition): the possessive.
    R(
        "ça/sa/çà",
        "<verb>|à|de|pour|avec|sur|dans|par [ça] <nfem_sing> <!finite>|.|,|;|:|!|?|<end>",
        "sa",
        "<boundary>|,|et|mais|donc|car|que|qu' [ça]",
    ),
    R("ça/sa/çà", "<verb>|à|de|pour|avec|sur|dans|par [ça] propre <noun>", "sa"),
    # « ses propres » (possessive emphasis): the demonstrative is not used with « propres ».
    R("ces/ses/c'est/s'est/sait", "[ces] propres <noun>", "ses"),
    # s'en / sans: « se en » is followed by a verb, never by a noun alone.
    R("sans/s'en/c'en", "[s' en] <noun_only>", "sans"),
    # si / s'y: « se y » is followed by a verb, never by a subject pronoun.
    R("si/s'y", "[s' y] je|j'|tu|il|elle|on|nous|vous|ils|elles|c'|ce|cela|ça", "si"),
    # ni / n'y: « ne y » is followed by a verb (or « en »); before a complement and a
    # second « ni », the conjunction.
    R(
        "ni/n'y",
        "[n' y] à|au|aux|le|la|les|l'|un|une|des|du|de|d'|mon|ma|mes|ton|ta|tes|son|sa|ses"
        "|notre|nos|votre|vos|ce|cet|cette|ces|leur|leurs|pour|par|sur|dans|avec ... ni",
        "ni",
    ),
    # qu'en / quand: at a sentence's start, before a noun phrase or a subject, « lorsque ».
    R(
        "quand/quant/qu'en",
        "<start> [qu' en] un|une|le|la|les|l'|des|mon|ma|mes|son|sa|ses|ce|cette|ces|nos|vos"
        "|leurs|notre|votre|il|elle|on|je|j'|tu|nous|vous|ils|elles",
        "quand",
    ),
    # ou / où: the indirect question after « demander », « savoir », « dites-nous »...,
    # before an infinitive or a subject (« demander où trouver », « dites-nous où vous en
    # êtes »); an alternative stays (« si vous aimez ou vous… »).
    R(
        "ou/où",
        "<ask> ... [ou] <inf_only>|je|j'|tu|il|elle|on|nous|vous|ils|elles|se|s'",
        "où",
        "si|s'|entre ... [ou]",
        "<det> <noun> [ou]",
        "<inf_only> ... [ou]",
        "[ou] pas|non|bien|plutôt",
    ),
    # ou / où: between two complements of one preposition, the alternative (« sur
    # facebook où sur instagram »); not « où en sont ».
    *(
        R(
            "ou/où",
            f"{prep} ... [où] {prep}",
            "ou",
            "* [où] en est|sont|était|étaient|êtes|es|suis|sommes|étais|sera|seront",
        )
        for prep in ("sur", "en", "à", "au", "avec", "pour", "par", "chez", "dans", "sans")
    ),
    # a / à before days and hours: « reporté à lundi », « à 18 h ».
    R(
        "a/à",
        "[a] lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|midi|minuit",
        "à",
        "il|elle|on [a]",
    ),
    R("a/à", "[a] <num> h|heures|heure", "à", "* [a] <num> h|heures|heure de|d'"),
    # voir / voire: after a comma, between two nouns of one enumeration (« l’authenticité,
    # voire la vulnérabilité. »).
    R(
        "voir/voire",
        "<noun> , [voir] le|la|l'|les|un|une|des|du <noun> .|!|;|<end>",
        "voire",
    ),
    # mais / mes: after a verb, before a plural noun, the possessive (« j’ai montré mes
    # chiffres »).
    R("mais/mes/mets", "<ppas>|<inf> [mais] <plural_noun>", "mes", "* [mais] <finite>"),
    # et / est: a subject at a sentence's start, a noun and its complement, then a
    # participle (« Le marketing d’influence est devenu »; not « nous avons tourné une
    # vidéo d’explication et gardé… »).
    R(
        "et/est",
        f"<boundary> {_DET_SG} <noun>|<unknown> de|d'|du <noun>|<unknown> [et] <ppas_not_finite>",
        "est",
        "* * [et] <ppas_not_finite> et|,",
    ),
    # à jour: the locution is invariable (« mettre à jour », « mise à jour »), unlike
    # « à jours fixes ».
    R("à jour/à jours", "<mettre>|mise|mises|tenir|tenu|tenue|tenez à [jours]", "jour"),
    # quel que / quelques: « quel que » is followed by « soit »; before a plural noun,
    # the determiner.
    R("quelque/quel que", "[quel_que|quelle_que|quels_que|quelles_que] <plural_noun>", "quelques"),
    # tout / tous / toute(s): « tout » agrees with the noun it determines (« toutes les
    # questions », « toute l’équipe ») and, as an adverb, before a feminine adjective that
    # starts with a consonant (« toutes contentes »).
    # Only before the determiners « tout » can precede (definite, demonstrative, possessive:
    # Grevisse, « tout » prédéterminant): before « des », « plusieurs », « quelques »,
    # « tous » is the pronoun of the subject (« Ils ont tous des choses à raconter »).
    R("tous/tout", "[tous|tout] les|ces|mes|tes|ses|nos|vos|leurs <nfem_plural_only>", "toutes"),
    R(
        "tous/tout",
        "<start>|pour|avec|à|de|dans|par|sur|chez [tous] la|l'|une|cette|ma|ta|sa|notre|votre"
        "|leur <nfem_sing>",
        "toute",
    ),
    R("tous/tout", "<aux>|se|s' [tout] <afem_plural_c>", "toutes", "* [tout] <noun_pure>"),
    # The same after a participle or an adjective (« elles sont reparties tout contentes »).
    R("tous/tout", "<ppas>|<adj> [tout] <afem_plural_c>", "toutes", "* [tout] <noun_pure>"),
    R("tous/tout", "<aux>|se|s' [tout] <afem_sing_c>", "toute", "* [tout] <noun_pure>"),
    # même / mêmes: between an auxiliary and its participle, the adverb, invariable.
    R("même/mêmes", "<aux> [mêmes] <ppas>", "même"),
    R("même/mêmes", "[eux-même]", "eux-mêmes"),
    R("même/mêmes", "[elles-même]", "elles-mêmes"),
    # quel / qu'elle: « quelle » before « est » + a determiner at a question's start;
    # « qu'elle » (que + elle) before a verb that cannot follow « quelle ».
    R("quel/quelle/qu'elle", "<start>|<boundary> [qu' elle] est|était|sera <det>", "quelle"),
    R(
        "quel/quelle/qu'elle",
        "<verb> [quelle] <finite_only>",
        "qu’elle",
        "* [quelle] <être>|<aux>|que|qu'",
    ),
    # leur / leurre: after « un », « le », « ce » closing a clause, the noun (« c’est un
    # leur : »): neither the pronoun nor the possessive follows an article.
    R("leur/leurs", "un|ce [leur] <boundary>|,|<end>", "leurre"),
    # mais / mes: after « que » or a preposition, before a plural noun, the possessive
    # (« alors que mais clientes étaient »).
    R("mais/mes/mets", "que|qu'|pour|avec|sur|dans|par|chez [mais] <nplur>", "mes"),
    # son / sont: after a form of avoir or être, before a singular noun, the possessive
    # (« chacun a sont style »: « ils étaient » cannot follow « a »).
    R("son/sont", "<aux> [sont] <noun>", "son", "* [sont] <adj>|<ppas>|<det>"),
    # près / prêt: « près de » before a number or a place (« tient prêt de six heures »,
    # « prêt de l’entrée »); not the noun « un prêt de 500 euros ».
    R(
        "près/prêt",
        "[prêt|prêts] de|d' <num>|l'|la|le|les",
        "près",
        "<det> [prêt|prêts]",
        "<det> <adj> [prêt|prêts]",
    ),
    # court / cours: after an adverb of degree, the adjective (« un peu cours » → court).
    R("court/cours/cour", "peu|trop|très|assez|si|plus|moins [cours] <boundary>|<end>", "court"),
    # peu / peut: after a noun subject, before an infinitive (« ton compte peu être
    # suspendu »); « peu » before an adjective (« encore peut pratique »): « peut » is
    # followed by an infinitive, never by an adjective.
    R("peu/peut/peux", f"{_DET_SG} <noun> [peu] <inf>", "peut"),
    R(
        "peu/peut/peux",
        "[peut] <adj>",
        "peu",
        "[peut] <inf>|<adverb>|<det>|<ppas>|<name>|<unknown>|être|pas|plus|jamais|se|s'",
    ),
    # ou / où: after a noun, before « se », a verb and its subject put after it, the
    # relative (« deux réseaux ou se trouve vraiment votre clientèle »); not « monte d’un
    # cran ou se moque de votre réponse », two verbs of one subject.
    *(
        R("ou/où", f"<noun_only> [ou] se|s' <finite_only> {between}{_DET_SUBJECT}", "où")
        for between in ("", "<adverb> ")
    ),
    # the same in a compound tense (« le café ou s’est tenu notre meetup »)
    R(
        "ou/où",
        f"<noun_only>|<unknown> [ou] s' est|était|sont|étaient <ppas_not_finite> {_DET_SUBJECT}",
        "où",
    ),
    # ou / où after a plural noun of time before « rien », « personne » (« des jours ou rien
    # ne marche »).
    R("ou/où", "jours|moments|soirs|matins|semaines|mois|années [ou] rien|personne", "où"),
    # pris / prix: after a determiner, the noun (« pour le pris, je ne regrette pas »).
    R(
        "pris/prix",
        "le|du|au|un|ce|son|mon|ton|votre|notre|leur|bon [pris]",
        "prix",
        "parti [pris]",
    ),
    # faite / faîte: « faîte » is a noun (the top); after « vous », at the start of an
    # imperative, or after a noun as its participle, the verb.
    R("faite/faîte", "vous|<start> [faîtes]", "faites"),
    R("faite/faîte", "<noun_only> [faîte]", "faite"),
    R("faite/faîte", "<noun_only> [faîtes]", "faites"),
    # tant / temps: « tant que » at a clause's start (« Temps que tu y es »); « t’en »
    # after « ne » before a verb (« ne tant fais pas »: « ne t’en fais pas »).
    R("tant/temps", "<start> [temps] que|qu' il|elle|on|tu|je|j'|nous|vous|ils|elles", "tant"),
    R("tant/temps", "ne [tant|temps] <finite_only>", "t’en"),
    # si / s'y: after a subject pronoun, before a verb, « se » + « y » (« on si prend tôt »).
    R("si/s'y", "on|il|elle|ils|elles [si] <finite_only>", "s’y"),
    # the same after a noun subject (« beaucoup d’entrepreneurs si perdent »): the
    # conjunction « si » is followed by its own subject, the adverb by an adjective or an
    # adverb, never by a finite verb (Grevisse, « si »; BDL, « si » / « s’y »).
    R("si/s'y", "<noun_only> [si] <finite_only>", "s’y"),
    R("si/s'y", "· * [si] <finite_only>", "s’y"),
    # foi / fois: after a number or a determiner of counting (« une foi par semaine »).
    R(
        "foi/fois",
        "une|chaque|cette|la|deux|trois|plusieurs|quelques|autre [foi] par|de|que|qu'|encore|,|.",
        "fois",
        "la [foi] de|en|que",
    ),
    # mais / met: « mettre à jour », « en place », « en avant », « en ligne » after a subject.
    R(
        "mais/mes/mets",
        "<name>|il|elle|on [mais] à_jour|en_place|en_avant|en_ligne|en_œuvre|en_valeur",
        "met",
    ),
    # an / en: « l’an prochain », « l’an dernier » (« l’en prochain »).
    R("an/en", "l' [en] prochain|dernier|passé", "an"),
    # sans / s'en: « se » + « en » is followed by a verb; before « jamais », « même »,
    # « aucun », « cesse », the preposition (« publient s’en jamais regarder »).
    R("sans/s'en/c'en", "[s' en] jamais|aucun|aucune|cesse|doute", "sans"),
    # et / est: a singular noun phrase, then an adverb of degree and an adjective (« le
    # tarif et trop élevé »): the verb.
    R(
        "et/est",
        f"{_DET_SG} <noun_only> [et] trop|très|vraiment|assez|plutôt|si|super|hyper <adj>|<ppas>",
        "est",
    ),
    # la / l'a: a noun subject, then « la » before a participle that is no finite form
    # (« le client la validée »).
    R("la/là/l'a", "<noun_only> [la] <ppas_not_finite>", "l’a", "<noun_only> [la] <noun>"),
    # « a » (avoir) between a subject and its participle with an object after it: the
    # preposition « à » never heads a participle (« une publication vue par 2 000 personnes
    # à reçu 90 réactions »); not « tout à fait ».
    R(
        "a/à",
        "<noun>|<num>|<unknown>|<name> [à] <ppas> <det>|<num>",
        "a",
        "tout [à]",
        "[à] <inf>|<adj_only>",
        "[à] <noun_only>",
        # « à portée de main », « à hauteur de »: a feminine noun and its complement
        "[à] <nfem_sing> de|d'",
    ),
    # « où » (relative or interrogative) opens a clause with a verb: between two noun
    # phrases, with no verb after, the alternative « ou » (« les formats courts où les
    # carrousels détaillés ? »; Grevisse, « où »).
    R("ou/où", "<noun>|<adj> [où] <det> <noun_only> ?|.|!", "ou"),
    R("ou/où", "<noun>|<adj> [où] <det> <noun> <adj_only> ?|.|!", "ou"),
    # « leur » before a verb is the pronoun (« lui » in the plural), invariable: « pour
    # leur annoncer » (Grevisse, § 657; BDL, « Leur et leurs »).
    R("leur/leurs", "pour|de|d'|à|sans|faut|peut|veut|doit|va|vont [leurs] <inf_only>", "leur"),
    # Fixed expressions whose sound-alike is another word (BDL, « Homophones lexicaux »;
    # Académie, Dictionnaire; Voltaire): the expression decides the form.
    # « avoir affaire à » (to deal with): « à faire » is « à » + an infinitive.
    R(
        "affaire/à faire",
        "avoir|ai|as|a|avons|avez|ont|avais|avait|aviez|avaient|aurez|aurons|aura|auront"
        "|aurais|aurait [à faire] à|au|aux",
        "affaire",
    ),
    # « d’ores et déjà » (from now on).
    R("d'ores/dors", "[dors|d'or|dore|dores] et déjà", "d’ores"),
    # « sang-froid » (self-control): « sans-froid » is no word.
    R("sang-froid/sans-froid", "[sans-froid]", "sang-froid"),
    R("sang-froid/sans-froid", "son|votre|mon|ton|notre|leur|du|de [sans froid]", "sang-froid"),
    # « une session de formation, d’examen » (a sitting); « cession » (a transfer of a good,
    # a right) takes « de » + the thing transferred.
    R(
        "session/cession",
        "[cession|cessions] de|d' formation|formations|rattrapage|examen|examens|questions"
        "|travail|coaching|révision|révisions|dédicaces|dédicace|information|cours|mentorat"
        "|live|questions-réponses|brainstorming",
        "session",
    ),
    # « raisonner en termes de », « raisonner en stratège »: thinking; « résonner » is
    # the sound (« résonner en écho »).
    R(
        "raisonner/résonner",
        "[résonner|résonnez|résonnons] en|autrement|différemment",
        "raisonner",
        "[résonner|résonnez|résonnons] en écho|en nous|en moi|en vous|en eux|en elle|en lui",
    ),
    # « écoper d’une amende », « infliger, risquer une amende » (a fine).
    R(
        "amende/amande",
        "écope|écopé|écoper|écopent|écopera|inflige|infligé|infliger|infligent|risque|risquent"
        "|risquez|risquer|encourt|encourent|encourir|payer|payé|paye|paie d'_une|une|des"
        " [amande|amandes]",
        "amende",
    ),
    # « une balade à vélo, en forêt » (a walk, a ride); « ballade » is a poem, a song.
    R(
        "balade/ballade",
        "[ballade|ballades] à_vélo|à_pied|à_cheval|à_moto|à_scooter|en_forêt|en_ville"
        "|en_bateau|en_mer|en_montagne|en_vélo|le_long|au_bord|sur_la_plage|sur_la_corniche",
        "balade",
    ),
    R("balade/ballade", "faire|fait|faisons|font|faites une|des [ballade|ballades]", "balade"),
    # « lever des fonds » (to raise money): « fonts » are only the baptismal font.
    R("fonds/fonts", "<lever> des|de [fonts|fond|fons]", "fonds"),
    # « rester sur sa faim » (unsatisfied).
    R("faim/fin", "<rester> ... sur ma|ta|sa|notre|votre|leur|leurs [fin]", "faim"),
    # the same after an inclusive ending (« resté·es »)
    R("faim/fin", "<rester> · * sur ma|ta|sa|notre|votre|leur|leurs [fin]", "faim"),
    # « un pré » (a meadow): « près » is an adverb, no determiner takes it.
    R("pré/près", "un|ce [près]", "pré", "[près] de|d'|du|des"),
    # « dont » (« de qui », « duquel ») after a noun, before a subject and a verb that
    # takes « de » (« l’outil dont je vous ai parlé », « ce dont vous avez besoin »).
    R(
        "dont/donc",
        "<noun>|ce [donc] je|j'|tu|il|elle|on|nous|vous|ils|elles ... parlé|parle"
        "|parlais|parlait|parlions|parlez|parlent|besoin|rêvé|rêvez|rêve|servi|souvenez"
        "|souviens|occupe|occupez|occupé|chargé|chargée",
        "dont",
    ),
    # « peut être » (pouvoir + être) before a participle or an adjective after a subject
    # noun: the adverb « peut-être » does not follow a subject directly without a verb.
    R(
        "peut être/peut-être",
        f"{_DET_SG} <noun_only> [peut-être] <ppas_not_finite>|<adj_only>",
        "peut être",
    ),
    R("peut être/peut-être", "il|elle|on|cela|ça [peut-être] <ppas_not_finite>", "peut être"),
    # « on n’a jamais »: after « on », the « n’ » of the negation is heard in the liaison
    # only; « jamais », « rien », « personne », « pas » call for it (Grevisse, « ne »
    # omis; BDL, « On n’ », « On a »).
    *(
        R(
            "on n'/on",
            f"<boundary>|,|et|mais|que|qu'|quand|si [on {verb}] jamais|rien|pas|personne|guère",
            f"on n’{verb}",
            # « pas mal de » is « beaucoup de », no negation (« on a pas mal de travail »)
            f"[on {verb}] pas mal",
        )
        for verb in ("a", "avait", "aura", "est", "était", "y", "en")
    ),
    # « quel que » is followed by « être » (« quel que soit »); before a noun, the
    # determiner « quelque » (« après quelque temps »).
    R("quelque/quel que", "[quel_que|quelle_que] <noun_only>", "quelque"),
    # « qu’en pense-t-on ? »: « que » + « en » at a question's start, before « penser »,
    # « dire ».
    # « Quand pensez-vous venir ? » is right: only with the object « en » left out, the
    # question closed or a noun subject after the verb.
    R(
        "quand/quant/qu'en",
        "<start> [quand] pensez-vous|penses-tu|pense-t-on|pensent-ils|pensent-elles|dites-vous ?|.",
        "qu’en",
    ),
    R(
        "quand/quant/qu'en",
        "<start> [quand] pensent|pense|disent|dit le|la|les|l'|nos|vos|ses|leurs|mes|tes|ces",
        "qu’en",
    ),
    # « part » after a possessive: a determiner is followed by a noun, never by the
    # preposition « par » (« de ma part », « pour ma part »).
    R("par/part", "ma|ta|sa|notre|votre|mon|ton|son [par]", "part"),
    # « plutôt » (rather) after « préférer » before an infinitive or a complement.
    R("plutôt/plus tôt", "<préférer> [plus tôt] <inf_only>|que|qu'", "plutôt"),
    # « voici mes conseils »: a determiner, not the conjunction « mais ».
    R("mais/mes/mets", "voici|voilà [mais] <num>|<plural_noun>", "mes"),
    # « voir » (the infinitive) after a verb of motion or a modal before its object;
    # « voire » (« et même ») comes between two terms of one kind.
    R(
        "voir/voire",
        "venez|venir|viens|vient|venons|viennent|allez|aller|va|vais|vont|allons|faut|peux"
        "|peut|pouvez|pouvons|peuvent|veux|veut|voulez|voulons|veulent|dois|doit|devez|devons"
        "|doivent|laissez|laisser [voire] <det>|<name>|ce|ça|comment|si|où|qui|quoi",
        "voir",
    ),
    # The indirect question « où » + a noun subject and its verb after « demander »
    # (« demandez-vous où votre audience se trouve »).
    R(
        "ou/où",
        f"<ask> ... [ou] {_DET_SUBJECT} <noun> se|s'|<finite_only>",
        "où",
        "si|s'|entre ... [ou]",
        "<det> <noun> [ou]",
    ),
    # « s’est » needs a subject before it: at a sentence's start, « c’est ».
    R("ces/ses/c'est/s'est/sait", "<start> [s'est] en|<adj_only>", "c’est"),
    # « prendre le temps de », « de temps en temps »: after a determiner, the noun.
    R(
        "tant/temps",
        "le|du|mon|ton|son|notre|votre|leur|ce [tant] de|d'|nécessaire|qu'il|libre|pour",
        "temps",
    ),
    R("tant/temps", "de temps en [tant]", "temps"),
    # « il y a un an », « un an plus tard »: the noun of time after « un ».
    R("an/en", "il y a un [en]", "an"),
    R("an/en", "un [en] plus_tard|après|auparavant|et_demi|plus_tôt", "an"),
    # « ne » is followed by a verb or a clitic, never by a preposition (« elle ne sans
    # est aperçue »: « ne s’en est »).
    R("sans/s'en/c'en", "ne|n' [sans] <finite>", "s’en"),
    # « ni » between a subject pronoun and its verb: « ne » + « y » (« vous ni arriverez
    # pas »); the conjunction coordinates and never stands there (Grevisse, « ni »).
    R("ni/n'y", "je|tu|il|elle|on|nous|vous|ils|elles [ni] <finite_only>", "n’y"),
    # « son » before a determiner: a possessive determiner never precedes another, so after
    # a noun it is the verb (« les horaires d’ouverture son l’information… »).
    R("son/sont", "<noun_only> [son] le|la|l'|les|un|une|des|du", "sont"),
    # « mes » after a preposition before a number (« pendant mais trois premières années »).
    R(
        "mais/mes/mets",
        "pendant|durant|pour|avec|sur|dans|par|chez|après|avant|depuis|selon|parmi [mais] <num>",
        "mes",
    ),
    # « entre X ou Y »: the alternative between two nouns (« entre tiktok où instagram ? »);
    # « où » would open a clause with a verb (Grevisse, « où »).
    R(
        "ou/où",
        "entre <noun>|<unknown>|<name> [où] <noun>|<unknown>|<name> ?|.|!|,",
        "ou",
    ),
    # « tant bien que mal » (Académie, Dictionnaire: « tant »): a fixed expression.
    R("tant/temps", "[temps|tan|tend] bien que mal", "tant"),
    # sûr / sur: « être sûr de » + infinitive, « être sûr que » (the adjective, « certain »);
    # before a determiner after a verb, the preposition (« publiez sûr votre page »), not in
    # « bien sûr », « pour sûr » (BDL, « Sur et sûr »).
    R("sur/sûr", "<être> [sur] de|d' <inf>|bien", "sûr"),
    R("sur/sûr", "<être> [sur] que|qu'", "sûr"),
    R("sur/sûr", "êtes-vous|es-tu|est-il|est-elle|sommes-nous [sur] de|d'|que|qu'", "sûr"),
    R(
        "sur/sûr",
        "<finite>|<inf> [sûr] le|la|l'|les|un|une|des|mon|ma|mes|ton|ta|tes|son|sa|ses|notre"
        "|nos|votre|vos|leur|leurs|ce|cette|ces",
        "sur",
        "bien|pour [sûr]",
    ),
    # « son propre » + noun: the possessive (« chaque marque a son propre ton »).
    R("son/sont", "[sont] propre <noun>", "son", "[sont] propre <adj_only>|<ppas>"),
    # « est » after a sentence-initial singular noun phrase before an adjective that no
    # noun can be (« L’inscription et gratuite »): « et » would coordinate a noun with an
    # adjective.
    R(
        "et/est",
        "<start> le|la|l'|un|une|ce|cet|cette <noun_only> [et] <adj_only>",
        "est",
        "* [et] demi|demie",  # « une heure et demie »
    ),
    # Two attributes of one subject coordinated: « elle est drôle et sincère ». A second
    # « est » right after the first attribute has no subject of its own (Bescherelle,
    # homophones « et »/« est »: « et » is « et puis »); not after a relative (« ce qui
    # est vrai est simple », where « ce qui est vrai » is the subject).
    R(
        "et/est",
        "<boundary>|,|et|mais il|elle|on|c' <être> <adj> [est] <adj_only>",
        "et",
    ),
    R("et/est", "<boundary> <det> <noun_only> <être> <adj_only> [est] <adj_only>", "et"),
    # « qui a » + participle (« Qui a dit… ? »): « qui » is the subject, the auxiliary
    # follows; « qui à » + participle has no verb (BDL, « a » et « à »: « qui avait dit »).
    R("a/à", "qui [à] <ppas>", "a", "[à] <inf>|<det>|<noun_pure>"),
    # « ces » + « derniers », « prochains » + a noun of time, a complement of time of its
    # own between commas or at a clause's start (« ces dernières semaines, les ventes… »):
    # the demonstrative points at the time of speaking, a possessive has no owner there
    # (BDL, « ces » et « ses »; Grevisse, déterminant démonstratif).
    R(
        "ces/ses/c'est/s'est/sait",
        "<boundary>|,|et|depuis [ses] <num> derniers|dernières|prochains|prochaines"
        " jours|semaines|mois|années|heures|temps ,",
        "ces",
    ),
    R(
        "ces/ses/c'est/s'est/sait",
        "<boundary>|,|et|depuis [ses] derniers|dernières|prochains|prochaines"
        " jours|semaines|mois|années|heures|temps ,",
        "ces",
    ),
    # « tout le monde », « chacun », « personne » + « sait que »: the verb savoir; « se » +
    # être is never followed by « que » (BDL, « c’est », « s’est », « sait »).
    R(
        "ces/ses/c'est/s'est/sait",
        "monde|chacun|chacune|personne|quiconque [s'est|c'est] que|qu'|comment|pourquoi|si",
        "sait",
    ),
    # « être prêt » before a complement of time (« prêt avant lundi », « prêt dès
    # demain »): the adjective, « préparé »; « près » there would want « de » (BDL, « près »
    # et « prêt »).
    R("près/prêt", "<être> [près] avant|dès|d'avance|en_avance|à_temps|à_l'heure", "prêt"),
    # « voire » between two plural quantities of one enumeration (« plusieurs semaines,
    # voire plusieurs mois »): « et même » (BDL, « voire »).
    R(
        "voir/voire",
        "<plural_noun> , [voir] plusieurs|quelques|des_dizaines|des_centaines|des_milliers",
        "voire",
    ),
    # « plus tôt » after a quantity of time or of degree (« un peu plus tôt », « deux
    # jours plus tôt »): the comparative of « tôt », « plutôt » there is « rather » with
    # nothing to compare (BDL, « plus tôt » et « plutôt »).
    R(
        "plutôt/plus tôt",
        "un_peu|beaucoup|encore|légèrement [plutôt] <boundary>|,|pour|afin|et|que|qu'|<end>",
        "plus tôt",
    ),
    R(
        "plutôt/plus tôt",
        "<num>|quelques minutes|jours|heures|semaines|mois|ans [plutôt]"
        " <boundary>|,|pour|afin|et|que|qu'|<end>",
        "plus tôt",
    ),
    # « cet » before a masculine noun starting with a vowel sound (« cet été », « cet
    # article »); « cette » is the feminine (Grevisse, déterminant démonstratif: « cet »
    # devant voyelle ou h muet).
    R("cet/cette", "[cette] <nmasc_vowel>", "cet", "[cette] <nmasc_vowel> -"),
    # « sans » in the fixed phrases « sans compter », « sans oublier », « sans parler de »,
    # « sans doute », « sans cesse »: « s’en » is no preposition (BDL, « sans » et « s’en »).
    R(
        "sans/s'en/c'en",
        "[s' en] compter|oublier|doute|relâche|parler_de|parler_d'|parler_du|parler_des",
        "sans",
    ),
    # « pallier » + direct object (« pallier un manque »): the verb; « palier » is the noun
    # (BDL, « Pallier »; Académie, Dire, ne pas dire: « pallier » est transitif direct).
    R(
        "palier/pallier",
        "pour|de|d'|afin_de|peut|peuvent|pouvoir|faut|à [palier|paliers] le|la|les|l'|un|une"
        "|ce|cet|cette|ces|des|son|sa|ses|leur|leurs|notre|nos|votre|vos|ce|au|aux|à",
        "pallier",
    ),
    # « mettre à jour » (actualiser) before what is kept up to date; « mettre au jour » is
    # to bring to light (BDL, « Mettre à jour » et « mettre au jour »; Académie).
    R(
        "à jour/à jours",
        "<mettre>|mise|mises [au jour] votre|vos|ton|tes|son|ses|leur|leurs|notre|nos|mon|ma|mes"
        "|le|la|les|l'|ce|cette|ces bio|biographie|profil|profils|site|page|pages|fiche|fiches"
        "|logiciel|application|appli|données|informations|infos|coordonnées|horaires|tarifs"
        "|prix|catalogue|navigateur|système|liste|compte|comptes|version|extension|agenda"
        "|calendrier|statistiques|annuaire|base|plugin|contenu|contenus|CV|portfolio",
        "à jour",
    ),
    # « en être sûr » (« je n’en étais pas sûr »): the adjective; « sur » takes a noun after
    # it (BDL, « Sur et sûr »).
    R("sur/sûr", "en <être> [sur]", "sûr", f"* [sur] {_DET_SUBJECT}|des"),
    R(
        "sur/sûr",
        "en <être> pas|plus|vraiment|très|si|trop|tout_à_fait [sur]",
        "sûr",
        f"* [sur] {_DET_SUBJECT}|des",
    ),
    # « quoi qu’on en dise », « quoi qu’il en soit »: « quoi que » (whatever), never the
    # conjunction « quoique » (although), which no « en » + dire, penser, être follows
    # (BDL, « Quoique » et « quoi que »; Grevisse, § 1147).
    R(
        "quoique/quoi que",
        "[quoiqu'] on|il|elle|ils|elles|vous|nous|tu|je|j' en dise|disent|dises|disiez"
        "|disions|pense|pensent|penses|pensiez|pensions|soit|fasse|fassent|coûte",
        "quoi qu’",
    ),
    R(
        "quoique/quoi que",
        "[quoique] vous|nous|tu|je|j' en dise|disent|dises|disiez|disions|pense|pensent"
        "|penses|pensiez|pensions",
        "quoi que",
    ),
    # « les quelques » + plural noun: after a determiner, « quelques » (a few) agrees; the
    # adverb « quelque » (about) comes before a number (Grevisse, § 627; BDL, « Quelque »).
    R(
        "quelque/quel que",
        "les|ces|mes|tes|ses|nos|vos|leurs|des [quelque] <plural_noun>",
        "quelques",
        "* [quelque] <num>",
    ),
    # « où » relative after a noun, before « chaque » + noun + verb: a clause that a place
    # or a time introduces (« un formulaire où chaque cliente indiquera »; BDL, « ou » et
    # « où »). « ou » would coordinate a noun with a clause.
    R("ou/où", "<noun>|<adj> [ou] chaque <noun> <finite_only>", "où"),
    # « de temps en temps » (Académie, Dictionnaire: « temps »): a fixed expression.
    R("tant/temps", "de|d' [tant|tan] en temps", "temps"),
    # « à quelle étape »: after a preposition, before a noun, the interrogative determiner;
    # « qu’elle » (« que » + « elle ») opens a clause and wants a verb (BDL, « Quel que,
    # quelque, qu’elle »). Not after « pour », « sans », « avant »… which take « que ».
    R(
        "quel/quelle/qu'elle",
        "à|de|d'|sur|dans|par|en|avec|vers|chez [qu' elle] <noun>",
        "quelle",
        "* [qu' elle] <finite>|<gram>",
    ),
    R(
        "quel/quelle/qu'elle",
        "à|de|d'|sur|dans|par|en|avec|vers|chez [qu' elles] <noun>",
        "quelles",
        "* [qu' elles] <finite>|<gram>",
    ),
    # « mettre en ligne, à jour, en place »: the verb; the possessive « mes » is followed by
    # a noun, never by these locutions (Bescherelle, homophones « mes », « met »).
    R(
        "mais/mes/mets",
        "<!subject> [mes] en_ligne|en_place|en_avant|en_valeur|en_scène|à_jour|au_point"
        "|de_côté|en_vente|en_œuvre",
        "met",
    ),
    R(
        "mais/mes/mets",
        "je|tu [mes] en_ligne|en_place|en_avant|en_valeur|en_scène|à_jour|au_point|de_côté"
        "|en_vente|en_œuvre",
        "mets",
    ),
    # « Aussitôt la commande validée »: the adverb heading an absolute participle clause
    # (Grevisse, § 257 on « aussitôt » + participle; BDL, « Aussitôt » et « aussi tôt »);
    # « aussi tôt » compares (« aussi tôt que possible »).
    R("aussitôt/aussi tôt", "<start>|, [aussi tôt] <det> <noun> <ppas>", "aussitôt"),
    R("aussitôt/aussi tôt", "<start>|, [aussi tôt] <det> <noun> <adj> <ppas>", "aussitôt"),
    # « si tôt » (so early) closing a clause: « sitôt » is « dès », « aussitôt », which a
    # participle, « que » or « dit » follows (BDL, « Sitôt » et « si tôt »), not « pas de
    # sitôt ».
    R("sitôt/si tôt", "[sitôt] ?|.|!|<end>", "si tôt", "de|d' [sitôt]"),
    # « Quelquefois, … » opening a sentence: « parfois » (BDL, « Quelquefois » et
    # « quelques fois »); « quelques fois » counts times (« je l’ai vu quelques fois »).
    R("quelquefois/quelques fois", "<start> [quelques fois] ,", "quelquefois"),
    # « payer un lourd tribut » (Académie, Dictionnaire: « tribut »): what one pays;
    # « tribu » is a people.
    R("tribut/tribu", "<payer> ... [tribu]", "tribut"),
    # « en chair et en os » (Académie, Dictionnaire: « chair »).
    R("chair/chaire", "en [chaire] et en os", "chair"),
    # « valoir, payer une amende » (BDL, « Amende » et « amande »).
    R("amende/amande", "<valoir>|<payer> ... une|des [amande|amandes]", "amende"),
    # « avoir maille à partir avec » (Académie, Dictionnaire: « maille »): « partir » is
    # the old verb « partager ».
    R("partie/parti", "maille à|a [partie|parti|partis]", "partir"),
    # « mûr » keeps its circumflex, also in the 1990 spelling (Rectifications, exceptions:
    # « mûr », « sûr », « dû », « jeûne »), against « mur », « mure » (murer).
    R("mûr/mur", "<être>|bien|très|trop|assez|presque [mure]", "mûre"),
    R("mûr/mur", "<être>|bien|très|trop|assez|presque [mures]", "mûres"),
    R("mûr/mur", "<être>|bien|très|trop|assez|presque [murs]", "mûrs"),
    R("mûr/mur", "<être>|bien|très|trop|assez|presque [mur]", "mûr", "* [mur] de|d'|du|des"),
    # « ci-dessous », « ci-joint »: the adverb « ci » (« ici »), not « si » (BDL, « Ci-joint »).
    R("ci/si", "[si-dessous]", "ci-dessous"),
    R("ci/si", "[si-dessus]", "ci-dessus"),
    R("ci/si", "[si-après]", "ci-après"),
    R("ci/si", "[si-contre]", "ci-contre"),
    R("ci/si", "[si-joint|si-jointe|si-joints|si-jointes]", "ci-joint"),
    # « rebattre les oreilles » (Académie, Dire, ne pas dire: « rebattre les oreilles »).
    R("rebattre/rabattre", "[rabat|rabats] les oreilles", "rebat"),
    R("rebattre/rabattre", "[rabattent] les oreilles", "rebattent"),
    R("rebattre/rabattre", "[rabattu|rabattus] les oreilles", "rebattu"),
    R("rebattre/rabattre", "[rabattre] les oreilles", "rebattre"),
    # « ceux qui » + a plural verb: « ce qui » takes a singular verb; « ceux » is the
    # plural pronoun (BDL, « Ce qui, ceux qui »; Grevisse, démonstratifs).
    R("ce/se", "[ce] qui <finite3p_only>", "ceux"),
    # « donc » + imperative: the relative « dont » heads a clause with its own verb after
    # a noun, never an imperative (Grevisse, « dont »).
    R("dont/donc", ",|<start> [dont] <imperative_plural>", "donc", "* [dont] <noun_only>"),
    # « tout » before a feminine adjective starting with a consonant agrees after a
    # feminine plural noun too (« des pelotes toutes douces »; Grevisse, § 994).
    R("tous/tout", "<nfem_plural> [tout] <afem_plural_c>", "toutes", "* [tout] <noun_pure>"),
    # « de tout petits budgets »: the adverb before an adjective stays « tout » before a
    # masculine plural (Grevisse, § 994; BDL, « Tout »); « tous » would be a determiner.
    R("tous/tout", "de|des [tous] <adj> <noun>", "tout", "* [tous] <noun_pure>|<det>"),
    # « à bientôt » (see you soon): the adverb (Académie, Dictionnaire: « bientôt »).
    R("bientôt/bien tôt", "à [bien tôt] !|.|<end>", "bientôt"),
    # « Sois patient. »: the imperative of être, second person, heads a clause with no
    # subject; « soit » is the third person or the « soit… soit » of an alternative
    # (Bescherelle, conjugaison d’être; BDL, « Soit »).
    R("sois/soit", "<start>|: [soit] <adj_only> .|!|·", "sois"),
    # « quelque peu » (somewhat): the adverb (Grevisse, § 627; BDL, « Quelque »).
    R("quelque/quel que", "[quel_que|quelle_que] peu", "quelque"),
    # Contexts added from dev7's misses (sentences of our own in the tests).
    # « peu » between a noun phrase and an infinitive (« une plateforme de danse peu
    # apporter », « un jour férié peu vous coûter »): the adverb does not govern an
    # infinitive there, the verb « pouvoir » does (BDL, « Peu » et « peut »).
    R(
        "peu/peut/peux",
        "de|d'|<det> <noun> [peu] <inf_only>",
        "peut",
        "<finite_only> [peu]",
    ),
    R(
        "peu/peut/peux",
        "<noun> <adj_only> [peu] <inf_only>",
        "peut",
        "<finite_only> [peu]",
    ),
    R(
        "peu/peut/peux",
        f"<noun>|<adj_only> [peu] {_CLITIC} <inf_only>",
        "peut",
        "<finite_only> [peu]",
        "c' est [peu]",
    ),
    # « faîte » (the top) is a noun and takes a determiner; after an adverb or être, the
    # participle of « faire » (« une vidéo bien faîte » → « faite »; Académie,
    # Dictionnaire: « faîte »).
    R("faite/faîte", "<adverb>|<être> [faîte]", "faite", "le|du|au|ce|son|leur [faîte]"),
    R("faite/faîte", "<adverb>|<être> [faîtes]", "faites", "les|des|aux|ces|ses [faîtes]"),
    # « voire » (and even) between two participles or adjectives of one series
    # (« doublé, voire triplé »); « voir » after an adverb of order before what is to be
    # seen (« d’abord voir si »; BDL, « Voire »).
    R("voir/voire", "<ppas>|<adj> , [voir] <ppas_not_finite>", "voire", "* [voir] <noun_pure>"),
    R(
        "voir/voire",
        "abord|ensuite|puis|pour|de|d'|à [voire] si|comment|combien|pourquoi|où|ce|ça|<det>",
        "voir",
        ", [voire]",
    ),
    # « sûr de » + a possessive or a pronoun (« sûr de son coup », « sûr de lui ») after
    # être, and « bien sûr » closing a clause (BDL, « Sûr » et « sur »).
    R(
        "sur/sûr",
        "<être> [sur] de|d' son|sa|ses|mon|ma|mes|ton|ta|tes|notre|votre|leur|leurs|soi|lui"
        "|elle|eux|moi|toi|ça|cela|rien",
        "sûr",
    ),
    R("sur/sûr", ", bien [sur] .|!|?|,|;|<end>", "sûr"),
    # « plus tôt » after a single unit of time (« une heure plus tôt »), and « bien plus
    # tôt » closing the sentence (BDL, « plus tôt » et « plutôt »).
    R(
        "plutôt/plus tôt",
        "un|une minute|heure|jour|semaine|mois|an|année|journée|soirée [plutôt]"
        " <boundary>|,|pour|afin|et|<end>",
        "plus tôt",
    ),
    R("plutôt/plus tôt", "bien [plutôt] .|!|?|<end>", "plus tôt"),
    # « ne » + « y » never precedes « même » (« n’y même de » → « ni même de »: the
    # conjunction; Grevisse, « ni »).
    R("ni/n'y", ", [n' y] même", "ni"),
    # « ni » + a verb + « pas » opening a clause: « ne » + « y » (« ni touchez pas » → « n’y
    # touchez pas »); the conjunction is not used with « pas ».
    R("ni/n'y", ",|<boundary> [ni] <finite_only> pas|plus|jamais|rien", "n’y"),
    # « sans » before a pronoun and an infinitive (« sans vous justifier »): « s’en »
    # is followed by a verb, never by another clitic (BDL, « sans » et « s’en »).
    R("sans/s'en/c'en", "<!word>|<noun>|<adj> [s' en] me|te|vous|nous|lui|leur <inf_only>", "sans"),
    # « a » before an adverb and a participle (« Serge, à même été reconnu »): the
    # auxiliary, the preposition does not head a participle (Grevisse, « à » et « a »).
    R(
        "a/à",
        "<name>|<noun>|<subject> [à] même|déjà|toujours|enfin|souvent|également|aussi"
        " été|eu|<ppas_not_finite>",
        "a",
        "* [à] * <noun_pure>",
    ),
    R(
        "a/à",
        "<name> , [à] même|déjà|toujours|enfin|souvent|également|aussi été|eu",
        "a",
    ),
    # « dû » (owed) after a noun before a verb (« le montant du dépend de… »): the article
    # « du » heads a noun, never a verb (Grevisse, participe « dû »; BDL, « Dû »).
    R("du/dû", "<noun> [du] <finite_only>", "dû"),
    # « à » after the object of an infinitive before a determiner (« accueillir les
    # artistes a l’ombre »): a plural noun phrase is no subject of « a », and the
    # infinitive has its own (Grevisse, « à » et « a »).
    R("a/à", "<inf_only> les|des|ces|mes|tes|ses|nos|vos|leurs <nplur> [a] <det>", "à"),
    # « sont » before an adverb and a plural adjective closing the clause (« les visuels
    # de janvier son déjà prêts dans le dossier »): a possessive heads a noun.
    R(
        "son/sont",
        "[son] déjà|encore|toujours|désormais|maintenant|vraiment|tous|toutes"
        " <plural_noun>|<adj_plural_only> <boundary>|,|dans|pour|à|en|sur|de|d'|<end>",
        "sont",
    ),
    # « prêt » after être before a day or « demain » (« il doit être près mardi »): ready
    # by then; « près » is followed by « de » (BDL, « Près » et « prêt »).
    R(
        "près/prêt",
        "<être> [près] lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|ce_soir",
        "prêt",
    ),
    # « met » after « qui » before a determiner (« Fatou, qui mais chaque année son
    # garage à notre disposition »): the conjunction does not follow « qui » (Grevisse).
    R(
        "mais/mes/mets",
        "qui [mais] chaque|le|la|les|l'|un|une|des|du|son|sa|ses|leur|leurs|mon|ma|mes|ton|ta"
        "|tes|notre|votre|nos|vos|en",
        "met",
    ),
    # « est » between a noun phrase opened by « mais », « car », « donc » and an adjective
    # closing the clause (« mais l’inscription et obligatoire : »), as at a sentence's start.
    R("et/est", "mais|car|donc l'|la|le <noun_only> [et] <adj_only> <boundary>|<end>", "est"),
    # « on n’en », « on n’y » before a verb and « pas », « jamais », « rien » (« On en a pas
    # besoin »: « On n’en a pas »; Grevisse, « ne » omis; BDL, « On n’ »).
    *(
        R(
            "on n'/on",
            f"<boundary>|,|et|mais|que|qu'|quand|si [on {clitic}] <finite>"
            " pas|jamais|rien|personne|guère",
            f"on n’{clitic}",
            f"[on {clitic}] * pas mal",
        )
        for clitic in ("en", "y")
    ),
)


# -- the engine ------------------------------------------------------------------------------

_GAP = 3  # what ``...`` skips at most


@dataclass(frozen=True)
class _Alt:
    kind: str  # "lit", "cls", "not", "any", "gap"
    words: tuple[str, ...] = ()  # "lit": the tokens of the words
    name: str = ""


@dataclass(frozen=True)
class _Pattern:
    specs: tuple[tuple[_Alt, ...], ...]
    first: int  # the written form: specs[first:last]
    last: int


def _normal(text: str) -> str:
    return text.replace("’", "'").lower()


def _parse(pattern: str, split: Callable[[str], list[str]]) -> _Pattern:
    specs, first, last = [], None, None
    for raw in pattern.split():
        if raw.startswith("[") and len(raw) > 1:
            first = len(specs)
            raw = raw[1:]
        closing = raw.endswith("]") and len(raw) > 1
        if closing:
            raw = raw[:-1]
        alts = []
        for alt in raw.split("|"):
            if alt == "*":
                alts.append(_Alt("any"))
            elif alt == "...":
                alts.append(_Alt("gap"))
            elif alt.startswith("<") and alt.endswith(">") and len(alt) > 2:
                name = alt[1:-1]
                negate = name.startswith("!")
                name = name.lstrip("!")
                if name not in CLASSES and name not in ("end",):
                    raise ValueError(f"unknown class <{name}> in {pattern!r}")
                alts.append(_Alt("not" if negate else "cls", name=name))
            else:
                alts.append(_Alt("lit", tuple(split(_normal(alt).replace("_", " ")))))
        specs.append(tuple(alts))
        if closing:
            last = len(specs)
    if first is None or last is None:
        raise ValueError(f"no [written form] in {pattern!r}")
    return _Pattern(tuple(specs), first, last)


class _Matcher:
    """The rules compiled, indexed by the first word of their written form."""

    def __init__(self, rules: Sequence[Rule], split: Callable[[str], list[str]]):
        self.by_word: dict[str, list[tuple[Rule, _Pattern, tuple[_Pattern, ...]]]] = {}
        for rule in rules:
            pattern = _parse(rule.pattern, split)
            unless = tuple(_parse(u, split) for u in rule.unless)
            for alt in pattern.specs[pattern.first]:
                if alt.kind != "lit":
                    raise ValueError(f"the written form must be words: {rule.pattern!r}")
                self.by_word.setdefault(alt.words[0], []).append((rule, pattern, unless))


def _test(alt: _Alt, word: Word) -> bool:
    if alt.name == "end":
        return (word.norm == "</s>") != (alt.kind == "not")
    return CLASSES[alt.name](word) != (alt.kind == "not")


def _steps(alt: _Alt, words: Sequence[Word], j: int, forward: bool) -> list[int]:
    """How many tokens ``alt`` can take from ``j`` on (backwards: ending at ``j``)."""
    n = len(words)
    if alt.kind == "lit":
        size = len(alt.words)
        lo = j if forward else j - size + 1
        if lo < 0 or lo + size > n:
            return []
        return [size] if all(words[lo + k].norm == alt.words[k] for k in range(size)) else []
    if alt.kind == "gap":
        steps = [0]
        for k in range(1, _GAP + 1):
            at = j + k - 1 if forward else j - k + 1
            if not (0 <= at < n) or not _word(words[at]):
                break
            steps.append(k)
        return steps
    if not 0 <= j < n:
        return []
    if alt.kind == "any":
        return [1] if _word(words[j]) else []
    return [1] if _test(alt, words[j]) else []


def _forward(specs, k: int, words, j: int, stop: int, end: int | None) -> int | None:
    """Whether ``specs[k:]`` match from token ``j``: the token after the written form."""
    if k == stop:
        end = j
    if k == len(specs):
        return end
    for alt in specs[k]:
        for step in _steps(alt, words, j, True):
            found = _forward(specs, k + 1, words, j + step, stop, end)
            if found is not None:
                return found
    return None


def _backward(specs, k: int, words, j: int) -> bool:
    """Whether ``specs[:k + 1]`` match, the last one ending at token ``j``."""
    if k < 0:
        return True
    return any(
        _backward(specs, k - 1, words, j - step)
        for alt in specs[k]
        for step in _steps(alt, words, j, False)
    )


def _match(pattern: _Pattern, words: Sequence[Word], i: int) -> int | None:
    """The end of the written form when ``pattern`` matches with it starting at token ``i``."""
    end = _forward(pattern.specs, pattern.first, words, i, pattern.last, None)
    if end is None or not _backward(pattern.specs, pattern.first - 1, words, i - 1):
        return None
    return end


_MATCHERS: dict[int, _Matcher] = {}


def find(text: str, words: Sequence[Word], split: Callable[[str], list[str]]) -> list[Hit]:
    """Homophone findings in ``text``, whose tokens are ``words`` (framed by ``<s>``, ``</s>``).

    ``split`` is the tokenizer that made ``words``: the table's words go through it too.
    """
    matcher = _MATCHERS.get(id(split))
    if matcher is None:
        matcher = _MATCHERS[id(split)] = _Matcher(RULES, split)
    hits = []
    taken_until = -1
    for i, word in enumerate(words):
        candidates = matcher.by_word.get(word.norm)
        if not candidates or i < taken_until:
            continue
        for rule, pattern, unless in candidates:
            end = _match(pattern, words, i)
            if end is None or any(_match(u, words, i) is not None for u in unless):
                continue
            if rule.pair == "et/est" and _shared_auxiliary(words, i):
                continue
            hits.append(_hit(rule, text, words[i].start, words[end - 1].end))
            taken_until = end
            break
    return hits


_AVOIR_FINITE = word_set(
    "ai as a avons avez ont avais avait avions aviez avaient aurai auras aura aurons aurez"
    " auront aurais aurait aurions auriez auraient ayant"
)
_CLAUSE_END = word_set("<s> . ! ? ; :")


def _shared_auxiliary(words: Sequence[Word], i: int) -> bool:
    """« et » before a participle after a compound tense of the same clause.

    Coordinated participles share one auxiliary, which is not repeated (Grevisse, § 274
    on ellipsis in coordination: « il a relu ses notes et noté l’essentiel », « nous avons
    revu le ciblage et raccourci les visuels », « en ayant au préalable secoué la bombe et
    testé… »): there « et » is the conjunction. Between the auxiliary and its first
    participle, adverbs and adverbial phrases (« déjà », « au préalable »): any words but
    verbs, three at most.
    """
    if i + 1 >= len(words) or not _any(_is_ppas)(words[i + 1]):
        return False
    for j in range(i - 1, 0, -1):
        if words[j].norm in _CLAUSE_END:
            return False
        if words[j].norm in _AVOIR_FINITE:
            for k in range(j + 1, min(j + 5, i)):
                if _any(_is_ppas)(words[k]) and words[k].norm != "été":
                    return True
                if words[k].norm in _CLAUSE_END or any(t.startswith(":V") for t in words[k].tags):
                    break
    return False
    for j in range(i - 1, 0, -1):
        if words[j].norm in _CLAUSE_END:
            return False
        if words[j].norm in _AVOIR_FINITE:
            for k in (j + 1, j + 2):
                if k < i and _any(_is_ppas)(words[k]) and words[k].norm != "été":
                    return True
    return False


def _hit(rule: Rule, text: str, start: int, end: int) -> Hit:
    found = " ".join(text[start:end].split())
    right = rule.right
    if found[:1].isupper():
        right = right[:1].upper() + right[1:]
    forms = PAIRS[rule.pair].forms
    what = {_normal(form): meaning for form, meaning in forms.items()}
    wrong = what.get(_normal(found))
    message = f"homophone : « {found} »"
    if wrong:
        message += f" ({wrong})"
    message += f" au lieu de « {rule.right} »"
    meaning = what.get(_normal(rule.right))
    if meaning:
        message += f" ({meaning})"
    return Hit(start, end, "grammar", "homophone", message, (right,))
