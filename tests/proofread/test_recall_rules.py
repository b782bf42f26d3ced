"""Grammar and homophone rules added for recall (moods.py, verbs.py, homophones.py): each
catches its mistake in sentences of its shape and stays silent on the correct sentence of
the same shape."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from proofread import grammar  # noqa: E402

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("grammalecte") is None, reason="Grammalecte is not installed"
)

# (sentence, the wrong word, a suggestion expected)
CASES = [
    # the subjunctive a conjunction or a verb calls for
    ("Bien que la salle est petite, tout le monde est venu.", "est", "soit"),
    ("Pour éviter que le site ne se bloque encore, redémarrez-le.", "", ""),
    ("Il souhaite qu’on vient plus tôt et qu’on part tard.", "vient", "vienne"),
    ("Les clients regrettent que les livraisons ont pris du retard.", "ont", "aient"),
    # the person « qui » takes from a stressed pronoun
    ("Ce sont elles qui décide du menu.", "décide", "décident"),
    ("C’est toi qui se charge des invitations.", "se", "te"),
    # the participle of a pronominal verb
    ("Les deux équipes se sont affronté hier soir.", "affronté", "affrontés"),
    ("Les deux voisins se sont souris en passant.", "souris", "souri"),
    # the infinitive after a verb that governs one
    ("Ces photos, il faut les retouché avant lundi.", "retouché", "retoucher"),
    # participle with avoir: antecedent and subject of other shapes
    ("Les gâteaux que Julie nous a apporté étaient bons.", "apporté", "apportés"),
    ("Voici trois livres rares que nous avons acheté hier.", "acheté", "achetés"),
    ("Les notes que j’ai classé la semaine dernière sont perdues.", "classé", "classées"),
    ("Combien de lettres tu as écrit ce mois-ci ?", "écrit", "écrites"),
    # subject and verb far apart
    ("Les invitations, envoyées par la poste, arrive demain.", "arrive", "arrivent"),
    ("Ceux qui attendent au guichet ne reçoit rien.", "reçoit", "reçoivent"),
    ("Mais toute l’équipe sont partis en sortie.", "sont", "est"),
    ("Les enfants inscrits au club viendrons samedi.", "viendrons", "viendront"),
    ("Les voisines, qui arrivait de Lyon, sont reparties.", "arrivait", "arrivaient"),
    ("Le pain et la confiture fraîche a disparu.", "a", "ont"),
    ("Les lampes du salon, elles, reste allumées.", "reste", "restent"),
    # words written agreed that stay invariable
    ("Nous prévoyons une demie-heure de pause.", "demie-heure", "demi-heure"),
    ("Bonjour à tous, ci-jointes les factures du mois.", "ci-jointes", "ci-joint"),
    ("Il porte des chaussures marrons.", "marrons", "marron"),
    ("Ils ont publié des tarifs affiché sur la vitrine.", "affiché", "affichés"),
    # homophones
    ("Chacun a sont rythme.", "sont", "son"),
    ("Le musée est prêt de la gare.", "prêt", "près"),
    ("Ce manteau est un peu cours.", "cours", "court"),
    ("Ce vieux vélo peu rouler encore.", "peu", "peut"),
    ("Cette chaise est peut solide.", "peut", "peu"),
    ("Visitez les villes ou se trouvent les plus beaux marchés.", "ou", "où"),
    ("Il a payé le pris fort.", "pris", "prix"),
    ("Faîtes attention aux marches.", "Faîtes", "Faites"),
    ("Une fois la vaisselle faîte, nous sortirons.", "faîte", "faite"),
    ("Ne tant fais pas, tout ira bien.", "tant", "t’en"),
    ("Temps que tu es là, aide-moi.", "Temps", "Tant"),
    ("Il si rend chaque été.", "si", "s’y"),
    ("Je passe une foi par mois.", "foi", "fois"),
    ("Paul mais à jour le classeur chaque soir.", "mais", "met"),
    ("Nous partirons l’en prochain.", "en", "an"),
    ("Ils mangent s’en jamais s’asseoir.", "s’en", "sans"),
    ("Le loyer et trop cher pour nous.", "et", "est"),
    ("La salle, ses vraiment trop petit.", "ses", "c’est"),
    ("Les filles sont revenues tout bronzées.", "tout", "toutes"),
    ("Il est grand, voir immense.", "voir", "voire"),
    ("Ce cadeau gratuit, c’est un leur !", "leur", "leurre"),
    ("Il est parti avec mais clés.", "mais", "mes"),
    ("Tout est près pour vous recevoir.", "près", "prêt"),
    # a complement of time between the subject and its verb
    ("Les prix annoncés par la mairie ce mois concerne les cantines.", "concerne", "concernent"),
    # a noun's complement in the subject of a subjunctive clause
    ("Il faut que les élèves de la classe sont prêts.", "sont", "soient"),
    # a subject after a subordinator
    ("Je me demande pourquoi mes plantes ne pousse pas.", "pousse", "poussent"),
    ("Ils sont venus tard et on manqué le début.", "on", "ont"),
    # « le nombre de » is singular; a subject after a short introduction
    ("Autrefois, le nombre d’élèves étaient plus grand.", "étaient", "était"),
    ("Par exemple, toute l’équipe sont venus.", "sont", "est"),
]
CASES = [case for case in CASES if case[1]]

CORRECT = [
    "Bien que la salle soit petite, tout le monde est venu.",
    "Vous savez bien que nous arrivons demain.",
    "Aussi bien que possible.",
    "Il souhaite qu’on change la date.",
    "C’est moi qui décide.",
    "Ce sont elles qui décident du menu.",
    "Les deux voisins se sont souri en passant.",
    "Elles se sont lavé les mains.",
    "Il faut le passé composé ici.",
    "L’idée que vous avez publié un livre me plaît.",
    "Un groupe de fans sont venus.",
    "La moitié sont partis.",
    "Les filles, qui a les clés ?",
    "Le métier en trois missions.",
    "Vous trouverez ci-jointe la copie.",
    "Elles étaient tout émues.",
    "Le classement des auteurs basé sur les ventes change.",
    "Il a obtenu un prêt de la banque.",
    "Il monte d’un cran ou se moque de vous.",
    "La foi de mes parents est forte.",
    "Le parti pris du film me plaît.",
    "On peut pratiquer le matin.",
    "Il a donné leur livre aux enfants.",
    "Il habite tout près pour le moment.",
    "Les prix annoncés ce mois concernent les cantines.",
    "Ils se sont rendu compte de leur erreur.",
    "Ils se sont fait avoir.",
    "Elles se sont dit que tout irait bien.",
    "Ils se sont permis de venir.",
    "Je ne doute pas qu’il est là.",
    "Un grand nombre de clients sont venus.",
    "Il a dit, les yeux fermés, que tout allait bien.",
]


def _found(text: str):
    return [(text[h.start : h.end], h.suggestions) for h in grammar.check(text)]


@pytest.mark.parametrize(("text", "wrong", "right"), CASES)
def test_rule_catches_its_mistake(text, wrong, right):
    found = _found(text)
    assert any(
        wrong in span and any(right in s for s in suggestions) for span, suggestions in found
    ), found


@pytest.mark.parametrize("text", CORRECT)
def test_rule_is_silent_on_correct_sentences(text):
    assert _found(text) == []
