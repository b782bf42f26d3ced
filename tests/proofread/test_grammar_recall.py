"""Grammar recall: homophones, agreement Grammalecte cannot see, dictionary words.

Every sentence here was written for these tests: a mistake of each context of the
homophone table (``plugins/proofread/lists/homophones.md``) and of each agreement rule,
and correct sentences that use the same words and must stay silent.
"""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest

from proofread import grammar, homophones

from .conftest import check

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("grammalecte") is None, reason="Grammalecte is missing"
)

TABLE = Path(grammar.__file__).parent / "lists" / "homophones.md"

# (sentence, the words flagged, a suggestion that must be offered or None)
MISTAKES = [
    # a / à
    ("Voici trois outils faciles a utiliser au quotidien.", "a", "à"),
    ("Pensez a programmer vos publications du week-end.", "a", "à"),
    ("Le webinaire commence a partir de 18 heures.", "a", "à"),
    ("Les inscriptions sont ouvertes de 9 h a 18 h.", "a", "à"),
    ("Il reste des places grâce a vous.", "a", "à"),
    ("Ces conseils sont simples a appliquer.", "a", "à"),
    ("Les sondages sont utiles a condition de poser une vraie question.", "a", "à"),
    ("Nous répondons a chaque fois dans l’heure.", "a", "à"),
    ("Elle à publié le programme hier soir.", "à", "a"),
    ("On à reçu plus de cent messages.", "à", "a"),
    ("Il n’y à pas de petite question.", "à", "a"),
    ("Notre modératrice l’à signalé tout de suite.", "à", "a"),
    ("Bienvenue a tous les nouveaux membres !", "a", "à"),
    ("Merci a vous pour ces retours.", "a", "à"),
    ("La marque à publié ses résultats.", "à", "a"),
    ("Marie à répondu en moins d’une heure.", "à", "a"),
    # ou / où
    ("Je ne sais pas ou publier cette annonce.", "ou", "où"),
    ("C’est le moment ou vous devez répondre.", "ou", "où"),
    ("La semaine ou nous avons lancé le compte, tout a changé.", "ou", "où"),
    ("Ou est passé le lien de la conférence ?", "Ou", "Où"),
    ("Gardez une trace de la page ou il a laissé son avis.", "ou", "où"),
    ("Le jour ou les abonnés arrivent, soyez prêts.", "ou", "où"),
    ("Partout ou nous allons, la communauté suit.", "ou", "où"),
    ("Dites-nous par ou commencer.", "ou", "où"),
    # et / est
    ("Le rapport et prêt depuis lundi.", "et", "est"),
    ("Il et important de remercier les abonnés.", "et", "est"),
    ("Cela et très utile pour la veille.", "et", "est"),
    ("Ce post et publié sur toutes nos pages.", "et", "est"),
    ("On et en retard sur le planning.", "et", "est"),
    ("Le but et de fidéliser la communauté.", "et", "est"),
    ("Le live et terminé depuis une heure.", "et", "est"),
    # son / sont
    ("Les visuels son prêts pour la campagne.", "son", "sont"),
    ("Ils son arrivés en avance au meetup.", "son", "sont"),
    ("Elle a oublié sont mot de passe.", "sont", "son"),
    ("Il parle de sont expérience de modérateur.", "sont", "son"),
    ("Ce son les membres qui font vivre le groupe.", "son", "sont"),
    # on / ont
    ("Elles on répondu à toutes les questions.", "on", "ont"),
    ("Les abonnés on apprécié le direct.", "on", "ont"),
    ("Les bénévoles qui on préparé la salle méritent un merci.", "on", "ont"),
    ("Ont peut commencer la réunion.", "Ont", "On"),
    ("Ont se retrouve jeudi au coworking.", "Ont", "On"),
    # ces / ses / c'est / s'est / sait
    ("Ses un bon conseil pour débuter.", "Ses", "C’est"),
    ("Ces pas grave, nous republierons demain.", "Ces", "C’est"),
    ("Mais ces vrai que le format court marche mieux.", "ces", "c’est"),
    ("Elle c’est lancée dans l’animation de communautés.", "c’est", "s’est"),
    ("Le community manager ces trompé de date.", "ces", "s’est"),
    ("Notre équipe ses inscrite au salon.", "ses", "s’est"),
    ("Elle s’est que le sujet est sensible.", "s’est", "sait"),
    ("Il c’est que la date approche.", "c’est", "sait"),
    ("S’est un bon début pour la page.", "S’est", "C’est"),
    # ce / se
    ("Il faut ce lancer sans attendre.", "ce", "se"),
    ("Les membres ce retrouvent chaque jeudi.", "ce", "se"),
    ("Il ce demande si le live aura lieu.", "ce", "se"),
    ("Se matin, nous publions le bilan.", "Se", "Ce"),
    ("Se qui compte, c’est la régularité.", "Se", "Ce"),
    ("Il faut viser la qualité, se qui compte vraiment.", "se", "ce"),
    # ça / sa / çà
    ("Si sa marche, nous recommencerons.", "sa", "ça"),
    ("Sa dépend du budget de la marque.", "Sa", "Ça"),
    ("Sa nous aide à mieux modérer.", "Sa", "Ça"),
    ("On fait toujours comme sa.", "sa", "ça"),
    ("Des badges traînent ça et là sur la table.", "ça", "çà"),
    # la / là / l'a
    ("Allez la ou ils sont.", "la", "là"),
    ("Le community manager est la.", "la", "là"),
    ("Il la publié hier soir.", "la", "l’a"),
    ("Elle la modéré sans attendre.", "la", "l’a"),
    # leur / leurs
    ("Nous leurs avons envoyé le programme.", "leurs", "leur"),
    ("Je leurs ai répondu en privé.", "leurs", "leur"),
    # peu / peut / peux
    ("Il peu arriver que le live coupe.", "peu", "peut"),
    ("Chacun peu proposer un sujet.", "peu", "peut"),
    ("Je peu vous aider.", "peu", "peux"),
    ("Il y a un peut de retard.", "peut", "peu"),
    ("Très peut de marques répondent.", "peut", "peu"),
    # près / prêt
    ("Nous sommes près à lancer la campagne.", "près", "prêt"),
    ("Le coworking est prêt de la gare.", "prêt", "près"),
    ("Le live a réuni à peu prêt cent personnes.", "prêt", "près"),
    # quand / quant / qu'en
    ("Quand à la modération, elle reste bienveillante.", "Quand", "Quant"),
    ("Quant il pleut, les ventes en ligne augmentent.", "Quant", "Quand"),
    ("Quand pensez-vous ?", "Quand", "Qu’en"),
    # par / part
    ("Je vous écris de la par de notre directrice.", "par", "part"),
    ("Faites-nous par de vos idées en commentaire.", "par", "part"),
    ("Tout le monde a pris par au vote.", "par", "part"),
    ("A par ça, tout va bien.", "A par", None),
    ("Nous en parlerons d’autre par lors du bilan.", "par", "part"),
    ("Le bouton n’apparaît nulle par sur mobile.", "par", "part"),
    ("Part exemple, publiez le mardi.", "Part", "Par"),
    ("Je connais la charte part cœur.", "part", "par"),
    # dans / d'en
    ("Nous venons dans publier la liste.", "dans", "d’en"),
    ("Il est temps dans parler à l’équipe.", "dans", "d’en"),
    ("Il y a du monde d’en la salle.", "d’en", "dans"),
    # sans / s'en / c'en
    ("Il sans va toujours trop tôt.", "sans", None),
    ("Les abonnés sans souviennent encore.", "sans", "s’en"),
    ("Elle ne sans occupe plus.", "sans", "s’en"),
    # voir / voire
    ("Cette méthode est utile, voir indispensable.", "voir", "voire"),
    ("Le post a été vu deux voir trois fois plus.", "voir", "voire"),
    ("C’est rare, voir même exceptionnel.", "voir", "voire"),
    # mais / mes / mets
    ("J’ai oublié mets identifiants.", "mets", "mes"),
    ("Le format est court, mes il fonctionne.", "mes", "mais"),
    # tous / tout
    ("Nous sommes tous à fait d’accord.", "tous", "tout"),
    ("Je reviens tous de suite.", "tous", "tout"),
    ("Tout les abonnés ont reçu le lien.", "Tout", "Tous"),
    # quelque / quel que
    ("Quelque soit le réseau, soyez présent.", "Quelque soit", None),
    # davantage / d'avantage
    ("Il faut d’avantage de temps pour modérer.", "d’avantage", "davantage"),
    ("Nous voulons en faire d’avantage.", "d’avantage", "davantage"),
    # plutôt / plus tôt
    ("Plus tôt que de râler, proposez une solution.", "Plus tôt", "Plutôt"),
    ("Le live a commencé plutôt que prévu.", "plutôt", "plus tôt"),
    ("Le bilan est plus tôt positif cette année.", "plus tôt", "plutôt"),
    ("Répondez le plutôt possible.", "plutôt", "plus tôt"),
    # sur le champ / sur-le-champ
    ("Elle a répondu sur le champ.", "sur le champ", "sur-le-champ"),
    ("Nous avons modéré le message sur le champ, sans débat.", "sur le champ", "sur-le-champ"),
    # partie / parti
    ("Un abonné l’a pris à parti en commentaire.", "parti", None),
    ("Le troll a pris la modératrice à parti.", "parti", "partie"),
    ("Ces vidéos font parti de notre stratégie.", "parti", "partie"),
    ("C’est un parti prit assumé.", "prit", "pris"),
    ("Il a pris partie pour la marque.", "partie", "parti"),
    ("Sachez tirer partie des commentaires.", "partie", "parti"),
    # court / cours / cour
    ("L’annonce nous a pris de cours.", "cours", "court"),
    ("Nous sommes à cours d’idées.", "cours", "court"),
    ("Au court de la réunion, nous avons voté.", "court", "cours"),
    ("Le projet est en court.", "court", "cours"),
    ("Il faut couper cours aux rumeurs.", "cours", "court"),
    # tâche / tache
    ("Déléguez les taches répétitives.", "taches", "tâches"),
    ("Automatiser cette tache libère du temps.", "tache", "tâche"),
    ("La veille est une tache de fond.", "tache", "tâche"),
    ("Une tâche de café sur le flyer.", "tâche", None),
    # au temps pour moi
    ("Autant pour moi, la date était fausse.", "Autant", None),
    # censé / sensé
    ("Le live est sensé commencer à 18 h.", "sensé", "censé"),
    # différend / différent
    ("Ils ont réglé leur différent à l’amiable.", "différent", "différend"),
    ("Un différent entre deux membres a éclaté.", "différent", "différend"),
    # en train / entrain
    ("Nous sommes entrain de préparer le bilan.", "entrain", "en train"),
    # ma / m'a
    ("Elle ma envoyé le lien hier.", "ma", "m’a"),
    # ni / n'y
    ("Il ni a pas de petite question dans ce groupe.", "ni", "n’y"),
    # si / s'y
    ("Il faut si prendre tôt.", "si", "s’y"),
    # des / dès
    ("Nous publierons des que possible.", "des", "dès"),
    ("Inscrivez-vous des maintenant.", "des", "dès"),
    # en tant que, aux dépens de
    ("En temps que modérateur, je lis tout.", "temps", "tant"),
    ("Ne riez pas au dépend des abonnés.", "dépend", None),
    # agreement far from the subject
    ("Les abonnés qui suivent la page aime les vidéos.", "aime", "aiment"),
    ("Les membres de notre communauté en ligne participe.", "participe", "participent"),
    ("Les annonceurs, eux, veut des chiffres.", "veut", "veulent"),
    ("Les stories de la marque disparaît au bout de 24 heures.", "disparaît", "disparaissent"),
    ("Les photos du dernier afterwork a beaucoup plu.", "a", "ont"),
    ("Chacune ont leur rôle.", "ont", "a"),
    ("Chacun des membres ont voté.", "ont", "a"),
    ("Chacun de nos abonnés reçoivent un badge.", "reçoivent", "reçoit"),
    ("Aucun des participants n’ont répondu.", "ont", "a"),
    ("L’un des modérateurs ont quitté le groupe.", "ont", "a"),
    ("Tout le monde ont aimé le live.", "ont", "a"),
    ("La plupart des membres a voté.", "a", "ont"),
    ("La liste des abonnés grandissent chaque jour.", "grandissent", "grandit"),
    ("Le calendrier des publications changent chaque mois.", "changent", "change"),
    # nouns Grammalecte does not know
    ("Les followers voit vos stories.", "voit", "voient"),
    ("Les stories que nous avons publié hier ont plu.", "publié", None),
    ("Nos webinars a attiré du monde.", "a", "ont"),
    ("Les replays est disponibles sur la chaîne.", "est", "sont"),
    ("Le afterwork commence à 19 h.", "Le", None),
    # Grammalecte's own, kept
    ("Il faut publié chaque jour.", "publié", "publier"),
    ("Les influenceurs qui participe au live reçoivent un badge.", "participe", "participent"),
]

CORRECT = [
    "Il a publié le programme hier soir.",
    "Elle a trois enfants et une agence.",
    "Bienvenue à tous les nouveaux membres !",
    "Il a tous les droits sur ce compte.",
    "La marque a publié ses résultats.",
    "Un outil à télécharger, une vidéo à regarder.",
    "Le texte relu et publié par l’équipe.",
    "Le temps et de l’argent manquent.",
    "Le but est de fidéliser la communauté.",
    "C’est facile à utiliser.",
    "Il y a plusieurs façons de répondre.",
    "Quand il y en a plusieurs, choisissez le plus court.",
    "Une photo ou une vidéo suffit.",
    "Quel que soit le temps ou les moyens dont vous disposez, commencez.",
    "Elle et son équipe ont publié le bilan.",
    "Des badges traînent çà et là.",
    "Ils sont partis tôt.",
    "Son post a plu à tous.",
    "On peut commencer.",
    "Ils ont répondu.",
    "C’est publié depuis hier.",
    "Il s’est trompé de lien.",
    "Ces posts sont les plus partagés.",
    "Ses abonnés l’adorent.",
    "Pour ce faire, lisez la charte.",
    "Ce sont nos meilleurs posts.",
    "Ce doit être une erreur.",
    "Ça va bien, merci.",
    "Sa page est très suivie.",
    "Il est là depuis ce matin.",
    "Je leur ai envoyé le lien.",
    "Leurs abonnés sont fidèles.",
    "Il y a peu de monde ce soir.",
    "Il peut venir demain.",
    "Nous sommes prêts à lancer la campagne.",
    "Le coworking est près de la gare.",
    "Quant à la modération, elle reste bienveillante.",
    "Quand il pleut, les ventes augmentent.",
    "Qu’en pensez-vous ?",
    "Quand pensez-vous venir ?",
    "Je vous écris de la part de notre directrice.",
    "Le post a été partagé par des milliers de personnes.",
    "Il part ailleurs la semaine prochaine.",
    "Nous en parlerons dans le groupe.",
    "Il vient d’en parler.",
    "Il s’en va.",
    "Elle publie sans relire.",
    "C’est utile, voire indispensable.",
    "Il faut voir les résultats.",
    "Mais il faut répondre vite.",
    "Mes abonnés sont fidèles.",
    "Tout à fait d’accord.",
    "Tous les abonnés ont reçu le lien.",
    "Quelques abonnés ont répondu.",
    "Il en faut davantage.",
    "Venez plutôt demain.",
    "Il est arrivé plus tôt que prévu.",
    "Répondez le plus tôt possible.",
    "Il a répondu sur-le-champ.",
    "Cliquez sur le champ e-mail du formulaire.",
    "Il a pris parti pour la marque.",
    "Ces vidéos font partie de notre stratégie.",
    "C’est un parti pris assumé.",
    "Nous sommes à court d’idées.",
    "Au cours de la réunion, nous avons voté.",
    "Le projet est en cours.",
    "La veille est une tâche de fond.",
    "Une tache de café sur le flyer.",
    "Au temps pour moi, la date était fausse.",
    "Le live est censé commencer à 18 h.",
    "Un avis sensé vaut mieux qu’un long débat.",
    "Deux points de vue différents se sont exprimés.",
    "Nous sommes en train de préparer le bilan.",
    "Plein d’entrain, il anime le groupe.",
    "Ma page est en ligne.",
    "Il m’a envoyé le lien.",
    "Il n’y a pas de souci.",
    "Ni les abonnés ni la marque n’ont réagi.",
    "Si le live coupe, relancez-le.",
    "Il faut s’y prendre tôt.",
    "Des abonnés ont répondu dès le début.",
    "En tant que modérateur, je lis tout.",
    "Les abonnés qui suivent la page aiment les vidéos.",
    "Chacun a son rôle.",
    "Chacun des membres a voté.",
    "Ils ont chacun leur badge.",
    "Tout le monde a aimé.",
    "La plupart des membres ont voté.",
    "La plupart du temps, il publie le matin.",
    "La plupart du public a aimé.",
    "La liste des abonnés grandit chaque jour.",
    "Le nombre d’abonnés augmente chaque mois.",
    "Un groupe de fans sont venus au meetup.",
    "Les followers voient vos stories.",
    "Les stories que nous avons publiées hier ont plu.",
    "On les like souvent.",
    "La story publiée hier a plu.",
    "Les photos de la semaine montrent une hausse.",
    "Les données du cache en mémoire peuvent être déplacées.",
    "Les paquets maintenus de manière active sont stables.",
    "Les histoires de réussite qui commencent dans le groupe nous touchent.",
    "Les abonnés qui nous suivent depuis le début savent tout.",
    "Les posts que Marie publie plaisent beaucoup.",
    "Nos webinars ont attiré du monde.",
    "L’afterwork commence à 19 h.",
]


def _word_span(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` stand in ``text`` as whole words."""
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    assert found, words
    return found.span()


def _grammar(text: str):
    return [h for h in grammar.check(text) if h.category == "grammar"]


@pytest.mark.parametrize(("text", "flagged", "suggestion"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_mistake_is_reported(text, flagged, suggestion):
    start, end = _word_span(text, flagged)
    hits = [h for h in _grammar(text) if h.start < end and start < h.end]
    assert hits, [(text[h.start : h.end], h.message) for h in _grammar(text)]
    if suggestion is not None:
        # the word itself, or a phrase that holds it (« çà et là », « à peu près »)
        offered = {w for h in hits for s in h.suggestions for w in (s, *s.split())}
        assert suggestion in offered, [(h.message, h.suggestions) for h in hits]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_sentence_is_not_flagged(text):
    assert [(text[h.start : h.end], h.rule, h.message) for h in _grammar(text)] == []


def test_rules_cover_the_table_and_the_table_documents_them():
    rows = re.findall(r"^\| ([^|]+?) \|", TABLE.read_text(encoding="utf-8"), re.M)
    documented = {row for row in rows if row not in ("Pair", "------")}
    assert documented == set(homophones.PAIRS)
    assert {rule.pair for rule in homophones.RULES} == set(homophones.PAIRS)
    for rule in homophones.RULES:
        forms = {f.replace("’", "'") for f in homophones.PAIRS[rule.pair].forms}
        right = rule.right.replace("’", "'")
        assert right in forms or right.rstrip("s") in forms or right == "parti pris", rule


def test_messages_are_french_and_name_both_forms():
    (hit,) = [h for h in grammar.check("Il faut ce lancer.") if h.rule == "homophone"]
    assert hit.message.startswith("homophone : « ce »")
    assert "« se »" in hit.message and hit.suggestions == ("se",)
    (hit,) = [h for h in grammar.check("Chacune ont leur rôle.") if h.rule == "accord-sujet"]
    assert "« Chacune »" in hit.message and "singulier" in hit.message


def test_unknown_nouns_are_quoted_back_in_grammalecte_messages():
    text = "Nos afterworks a réuni cent personnes."
    (hit,) = _grammar(text)
    assert text[hit.start : hit.end] == "a"
    assert "afterworks" in hit.message and "partenaire" not in hit.message
    assert hit.suggestions == ("ont",)


def _blocking_grammar(proofreader, body: str) -> set[str]:
    lines = ("Title: Essai\n\n" + body).splitlines()
    return {
        lines[f.line - 1][f.column - 1 : f.end_column - 1]
        for f in check(proofreader, body)
        if f.category == "grammar"
    }


def test_dictionary_words_never_hide_grammar(proofreader):
    # « community manager » and « afterwork(s) » are in the site dictionary: they pass the
    # spelling check, and the agreement around them is still checked.
    assert {"community manager", "afterworks"} <= set(proofreader.expressions)
    body = (
        "Les community managers est souvent débordés.\n\n"
        "Nos afterworks a réuni cent personnes.\n\n"
        "Le community manager ces trompé de date.\n\n"
        "Les afterworks du jeudi attire les freelances.\n"
    )
    assert {"est", "a", "ces", "attire"} <= _blocking_grammar(proofreader, body)
    body = (
        "Les community managers sont souvent débordés.\n\n"
        "Nos afterworks ont réuni cent personnes.\n\n"
        "Le community manager s’est trompé de date.\n"
    )
    assert not [f for f in check(proofreader, body) if not f.autofix]


def test_set_phrases_do_not_hide_agreement_with_the_sentence(proofreader):
    # « indicateur clé » is a set phrase of the jargon list: its words go together, but its
    # first word still agrees with the determiner before it.
    assert "indicateur" in _blocking_grammar(proofreader, "Les indicateur clé sont suivis.\n")
    assert _blocking_grammar(proofreader, "Nos fiches produits sont claires.\n") == set()


def test_our_rules_cost_little_beside_grammalecte():
    text = (
        "Les abonnés qui suivent la page aiment les vidéos, et le jour où nous avons lancé "
        "le compte, chacun a partagé le lien. Il faut se lancer sans attendre : c’est "
        "facile à faire, quel que soit le réseau, et les followers voient vos stories. "
    ) * 4
    engine = grammar.engine().getGCEngine()
    grammar.check(text)  # warm the caches

    def best(run) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)

    words = grammar.tokens(text)
    ours = best(
        lambda: (list(grammar._ours(text, grammar.tokens(text))), grammar._stand_ins(text, words))
    )
    theirs = best(lambda: engine.parse(text, "FR"))
    assert ours < theirs / 4, (ours, theirs)
