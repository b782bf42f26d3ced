"""Grammar with Grammalecte, plus our own rules for homophones in set phrases.

Grammalecte (GPL, Debian's ``python3-grammalecte``) is used as a library, never
copied. Its typography rules are off (``typography.py`` does French typography and
the render fixes most of it); its rule types map to our categories. Grammalecte
catches most agreement errors but few homophones in set phrases (« a cause de »,
« la ou il », « ses un bon conseil »): the rules below add those.
"""

from __future__ import annotations

import logging
import re

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

_CATEGORY_OF_TYPE = {
    "bs": "style",
    "pleo": "style",
    "loc": "style",
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


def available() -> bool:
    """Whether Grammalecte can be loaded in this process."""
    return engine() is not None


def version() -> str:
    """Grammalecte's version, part of the cache key."""
    checker = engine()
    if checker is None:
        return "none"
    return str(getattr(checker.getGCEngine(), "version", "?"))


# Agreement rules over a determiner and two or three words: the last may be a noun used
# as a complement (« une stratégie marketing », « la destination soleil »), not an
# adjective that must agree.
_NOUN_PAIR_RULE = re.compile(r"gn_.*_[23]m")
# Inclusive writing: « heureux·se », « salarié.e.s », « heureux-se » (a choice, not a fault).
_INCLUSIVE = re.compile(r"\w(?:[.·‧-](?:e|se|ne|te|ve|ère|euse|rice|trice|esse)s?){1,2}\b")


def _tags(checker, word: str) -> list[str]:
    """Grammalecte's morphology of ``word`` (as written, else in lower case): its tags,
    such as ``:N:m:s`` (a masculine noun) or ``:V1_it_q__a:Y`` (an infinitive)."""
    spell = checker.getSpellChecker()
    morphs = spell.getMorph(word) or spell.getMorph(word.lower())
    return [m.split("/")[1] if "/" in m else m for m in morphs]


def _misread(checker, rule: str, text: str, start: int, end: int) -> bool:
    """Grammalecte findings that come from reading a word the wrong way."""
    if "eleu" in rule and re.match(r"\s*[eE]-", text[end : end + 4]):
        return True  # « le e-commerce »: the letter is read, no elision
    if any(m.start() < end and start < m.end() for m in _INCLUSIVE.finditer(text)):
        return True
    if _NOUN_PAIR_RULE.search(rule):
        word = text[start:end]
        if " " not in word:
            tags = _tags(checker, word)
            if tags and all(":N" in t and ":A" not in t and ":Q" not in t for t in tags):
                return True
    return False


def check_grammalecte(text: str) -> list[Hit]:
    """Grammalecte's findings on a segment's text, in our categories."""
    checker = engine()
    if checker is None:
        return []
    # Grammalecte reads a paragraph: line breaks become spaces, length unchanged.
    plain = text.replace("\n", " ").replace(PLACEHOLDER, "X")
    # Grammar only: its spelling pass (getParagraphErrors) would repeat ours.
    errors = checker.getGCEngine().parse(plain, "FR")
    hits = []
    seen = set()
    for error in errors:
        start, end = error["nStart"], error["nEnd"]
        rule = error.get("sRuleId", "")
        if (start, end) in seen or any(r in rule for r in _IGNORED_RULES):
            continue
        if _misread(checker, rule, plain, start, end):
            continue
        seen.add((start, end))
        kind = error.get("sType", "")
        category = _CATEGORY_OF_TYPE.get(kind, "grammar")
        message = error.get("sMessage", "").strip()
        message = message.replace("“", "« ").replace("”", " »")
        hits.append(
            Hit(
                start,
                end,
                category,
                f"grammalecte:{kind}:{error.get('sRuleId', '')}",
                message,
                tuple(s.replace("’", "’") for s in error.get("aSuggestions", ()))[:5],
            )
        )
    return hits


_A = r"(?:'|’)"
# (pattern, group to replace, replacement, explanation); patterns are case-insensitive.
_HOMOPHONES: tuple[tuple[str, int, str, str], ...] = (
    (
        r"\b(a) (partir|cause|travers|propos|peu près|côté|condition|chaque fois|nouveau"
        r"|mon avis|votre avis|notre avis|long terme|court terme|moyen terme|distance"
        r"|la fois|la place|la suite|la fin|la une|l" + _A + r"heure|l" + _A + r"inverse"
        r"|l" + _A + r"aide|l" + _A + r"avance|l" + _A + r"écoute|l" + _A + r"époque"
        r"|tout prix|vrai dire|temps plein|temps partiel|savoir|plusieurs reprises"
        r"|chaque|mesure que|force de|l" + _A + r"image|l" + _A + r"origine)\b",
        1,
        "à",
        "« a » (verbe avoir) au lieu de la préposition « à »",
    ),
    (
        r"\b(?:jusqu|grâce|face|quant|par rapport|conformément|contrairement|parallèlement"
        r"|jusque)" + _A + r"?\s?(a)\b",
        1,
        "à",
        "« a » (verbe avoir) au lieu de la préposition « à »",
    ),
    (
        r"\b(?:le|au|du|ce) (?:moment|jour|lieu|cas|pays|soir|mois|temps|site|forum|groupe"
        r"|réseau|endroit|instant|matin|fil) (ou) (?:je|tu|il|elle|on|nous|vous|ils|elles"
        r"|les|la|le|l" + _A + r"|c" + _A + r"|vos|nos|ses|leurs?|chacun|tout|personne)\b",
        1,
        "où",
        "« ou » (alternative) au lieu du relatif « où » (lieu, moment)",
        "relative",  # « le temps ou les moyens » is right: see _relative
    ),
    (
        r"\b(?:la|une) (?:période|semaine|année|époque|ville|page|plateforme|communauté"
        r"|application|réunion|journée|soirée) (ou) (?:je|tu|il|elle|on|nous|vous|ils|elles"
        r"|les|la|le|l" + _A + r"|c" + _A + r"|vos|nos|ses|leurs?|chacun|tout|personne)\b",
        1,
        "où",
        "« ou » (alternative) au lieu du relatif « où » (lieu, moment)",
        "relative",  # « le temps ou les moyens » is right: see _relative
    ),
    (
        r"\b(?:là|partout|d" + _A + r"|par|n" + _A + r"importe) ?(ou)\b(?! bien)",
        1,
        "où",
        "« ou » (alternative) au lieu de « où » (lieu)",
    ),
    (
        r"\b(?:pour|de|sans|faut|doit|peut|veut|doivent|peuvent|veulent|va|vont|il|elle|on"
        r"|ils|elles|qui|savoir|pouvoir|vouloir|devoir) (ce) ([a-zéèêô]+(?:er|ir|re))\b",
        1,
        "se",
        "« ce » (démonstratif) au lieu du pronom « se » devant un verbe",
        "pronominal",  # « de ce titre », « pour ce faire » are right: see _pronominal
    ),
    (
        r"\b(se) (?:qui|que|qu" + _A + r"|dont|sont les|matin|soir|jour|mois|site|genre"
        r"|type|message|contenu|réseau|post|moment)\b",
        1,
        "ce",
        "« se » (pronom) au lieu du démonstratif « ce »",
    ),
    (
        r"(?:^|[.!?:]\s+|\b(?:et|mais|donc|car|or) )((?:s|c)es) (?:un|une|le|la|les|pas|bien|vrai"
        r"|important|essentiel|possible|simple|facile|difficile|là|ici|mieux|toujours|souvent"
        r"|très|plus|aussi|donc|pourquoi|ça|normal|dommage|grâce|ce qui|ce que)\b",
        1,
        "c’est",
        "« ses » ou « ces » au lieu de « c’est »",
    ),
    (
        r"\b(?:il|elle|on|qui|cela|ça|ce|c"
        + _A
        + r"|tout) (et) (?:un|une|le|la|l"
        + _A
        + r"|très|trop|plus|moins|pas|bien|important|importante|essentiel|essentielle"
        r"|possible|nécessaire|vrai|facile|difficile|clair|souvent|toujours|déjà|aussi"
        r"|en train|temps|ici|là|devenu|devenue|parti|partie|arrivé|arrivée|simple)\b",
        1,
        "est",
        "« et » (conjonction) au lieu du verbe « est »",
    ),
    (
        r"\b(?:il|elle|on|qui) (c" + _A + r"est|ces|ses) (?=\w+(?:é|ée|és|ées)\b)",
        1,
        "s’est",
        "« c’est », « ces » ou « ses » au lieu de « s’est » devant un participe passé",
    ),
    (
        r"\b(sa) (?:va|marche|fonctionne|dépend|suffit|prend|change|sert|veut dire|fait"
        r"|devient|reste|coûte|vaut|arrive)\b",
        1,
        "ça",
        "« sa » (possessif) au lieu de « ça »",
    ),
    (
        r"\b(?:ils|elles) (on)\b",
        1,
        "ont",
        "« on » (pronom) au lieu du verbe « ont »",
    ),
    (
        r"\b(quand) (?:à|au|aux)\b",
        1,
        "quant",
        "« quand » au lieu de « quant » (quant à)",
    ),
    (
        r"\b(quant) (?:il|elle|on|je|tu|nous|vous|ils|elles|c" + _A + r"|la|le|les)\b",
        1,
        "quand",
        "« quant » au lieu de « quand »",
    ),
    (
        r"\b(?:il|elle|on|cela|ça|qui|chacun|tout le monde) (peu)\b(?! à peu)",
        1,
        "peut",
        "« peu » (adverbe) au lieu du verbe « peut »",
    ),
    (
        r"\b(ni) (?:a|avait|aura|aurait|ont|avons|avez)\b",
        1,
        "n’y",
        "« ni » au lieu de « n’y »",
    ),
    (
        r"\b(si) (?:prendre|prend|prennent|prenait|retrouver|retrouve|retrouvent|attendre"
        r"|attend|attendent|inscrire|inscrit|abonner|abonne)\b",
        1,
        "s’y",
        "« si » au lieu de « s’y »",
    ),
    (
        r"\b(?:mais|et|ou|donc|or|ni|car) (ces) (?:pas|bien|vrai)\b",
        1,
        "c’est",
        "« ces » au lieu de « c’est »",
    ),
    (
        r"\b(?:un|le|ce|chaque|votre|notre|son) (?:post|message|contenu|article|commentaire"
        r"|tweet|live|compte|groupe|réseau|événement) (et) (?:publié|partagé|supprimé|modéré"
        r"|lu|vu|épinglé|masqué|signalé|programmé|prêt|en ligne)\b",
        1,
        "est",
        "« et » (conjonction) au lieu du verbe « est »",
    ),
    (
        r"\b(près) (?:à|a) (?:publier|lancer|partir|commencer|répondre|modérer|animer)\b",
        1,
        "prêt",
        "« près » au lieu de « prêt » (prêt à)",
    ),
    (
        r"\b(la) (?:ou|où) (?:il|elle|on|vous|nous|ils|elles|je|tu|se|les|ça)\b",
        1,
        "là",
        "« la » (article) au lieu de l’adverbe « là »",
    ),
    (
        r"\b(?:au|à) (dépend) (?:de|du|des)\b",
        1,
        "dépens",
        "« dépend » (verbe) au lieu de « dépens » (aux dépens de)",
    ),
    (
        r"\b(?:en) (tend) (?:que)\b",
        1,
        "tant",
        "« tend » au lieu de « tant » (en tant que)",
    ),
)
_COMPILED = tuple(
    (re.compile(rule[0], re.I), rule[1], rule[2], rule[3], rule[4] if len(rule) > 4 else None)
    for rule in _HOMOPHONES
)


def _pronominal(match: re.Match) -> bool:
    """The word after « ce » is an infinitive that can be pronominal (« se lancer »).

    Grammalecte's lexicon knows: without it the rule stays silent, since nouns end
    in -re, -ir and -er as often as verbs do (« ce titre », « ce désir », « ce métier »).
    """
    word = match.group(2).lower()
    checker = engine()
    if checker is None or match.group(0).lower() == "pour ce faire":  # a set phrase
        return False
    return any(
        ":Y" in tags and tags.startswith(":V") and "q" in tags.split(":")[1]
        for tags in _tags(checker, word)
    )


_PRONOUN = re.compile(
    r"\s*(?:je|tu|il|elle|on|nous|vous|ils|elles|c['’]|chacun|tout|personne)\b", re.I
)
_CONJUGATED = re.compile(r":(?:Ip|Iq|Is|If|K|Sp|Sq)")


def _relative(match: re.Match) -> bool:
    """« ou » starts a clause (« le jour ou vous publiez », « le jour ou les membres
    arrivent »), not an alternative between two nouns (« le temps ou les moyens »).

    After a pronoun it does. After a determiner, the noun must be followed by a
    conjugated verb, which Grammalecte's lexicon tells; without it, the rule stays silent.
    """
    ou_end = match.end(1)
    if _PRONOUN.match(match.string, ou_end):
        return True
    checker = engine()
    if checker is None:
        return False
    following = re.findall(r"[\w-]+", match.string[match.end() :])[1:3]
    return any(
        tags.startswith(":V") and _CONJUGATED.search(tags)
        for word in following
        for tags in _tags(checker, word)
    )


_CHECKS = {"pronominal": _pronominal, "relative": _relative}


def check_homophones(text: str) -> list[Hit]:
    """Our homophone rules (set phrases Grammalecte lets through)."""
    hits = []
    for pattern, group, replacement, message, check in _COMPILED:
        for match in pattern.finditer(text):
            if check is not None and not _CHECKS[check](match):
                continue
            found = match.group(group)
            suggestion = replacement
            if found[:1].isupper():
                suggestion = replacement[:1].upper() + replacement[1:]
            hits.append(
                Hit(
                    match.start(group),
                    match.end(group),
                    "grammar",
                    "homophone",
                    f"homophone : {message}",
                    (suggestion,),
                )
            )
    return hits


def check(text: str, use_grammalecte: bool = True) -> list[Hit]:
    """Grammar findings of a segment's text: Grammalecte, then our homophone rules."""
    hits = check_grammalecte(text) if use_grammalecte else []
    taken = {(h.start, h.end) for h in hits}
    for hit in check_homophones(text):
        if not any(s < hit.end and hit.start < e for s, e in taken):
            hits.append(hit)
    return hits
