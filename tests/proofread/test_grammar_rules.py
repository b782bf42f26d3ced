"""Behaviour of the grammar and homophone rules added for recall: each catches its mistake
in sentences of its shape and stays silent on the correct sentence of the same shape."""

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

# (sentence, the wrong word, a suggestion expected), then the same shape, correct.
CASES = [
    # homophones
    ("Ces deux réglages son essentiels pour la sécurité.", "son", "sont"),
    ("Il faut définir ça clientèle avant de commencer.", "ça", "sa"),
    ("Chaque élève doit apprendre ces propres leçons.", "ces", "ses"),
    ("Nous avons voyagé s’en bagage jusqu’à Lyon.", "s’en", "sans"),
    ("Elle se demande s’y elle doit partir.", "s’y", "si"),
    ("Il ne mange n’y le matin ni le soir.", "n’y", "ni"),
    ("Qu’en la pluie tombe, nous restons dedans.", "Qu’en", "Quand"),
    ("Les voisins me demandent souvent ou garer la voiture.", "ou", "où"),
    ("Tu pars en train où en voiture demain ?", "où", "ou"),
    ("La réunion est repoussée a mardi.", "a", "à"),
    ("Le cours commence a 9 h précises.", "a", "à"),
    ("Ils apprécient la franchise, voir la brutalité.", "voir", "voire"),
    ("J’ai rangé mais chaussures dans le placard.", "mais", "mes"),
    ("Le jardin de ma tante et fleuri toute l’année.", "et", "est"),
    ("Il faut mettre à jours le registre.", "jours", "jour"),
    ("Elle a acheté quel que livres anciens.", "quel que", "quelques"),
    ("Nous avons lu tous les lettres.", "tous", "toutes"),
    ("Tous la famille était réunie.", "Tous", "Toute"),
    ("Les filles étaient tout surprises de la nouvelle.", "tout", "toutes"),
    ("Les voisins nous ont mêmes aidé à déménager.", "mêmes", "même"),
    ("Qu’elle est la capitale du Ghana ?", "Qu’elle", "Quelle"),
    ("Il croit quelle viendra demain.", "quelle", "qu’elle"),
    # verb forms
    ("Les enfants ne croivent plus au père Noël.", "croivent", "croient"),
    ("Vous disez toujours la vérité.", "disez", "dites"),
    ("Nous envoyerons le colis lundi.", "envoyerons", "enverrons"),
    ("Vous aimez lire et vous chercher des livres rares.", "chercher", "cherchez"),
    ("Ne vous inquiéter pas pour demain.", "inquiéter", "inquiétez"),
    ("Lavez les légumes, coupez-les et ajouté le sel.", "ajouté", "ajoutez"),
    ("Si nous avions le temps, nous viendrons volontiers.", "viendrons", "viendrions"),
    ("Vous pouvait entrer.", "pouvait", "pouviez"),
    # past participle with avoir after its direct object
    ("Les lettres que le facteur nous a apporté étaient mouillées.", "apporté", "apportées"),
    ("Combien de pommes avez-vous cueilli ce matin ?", "cueilli", "cueillies"),
    ("La tarte aux pommes, je l’ai préparé hier.", "préparé", "préparée"),
    # plural subjects
    ("Il parle aux voisins qui arrive demain.", "arrive", "arrivent"),
    ("Les chaises, les tables et les lampes était neuves.", "était", "étaient"),
]

CORRECT = [
    "Son avis compte beaucoup pour elle.",
    "Ça marche très bien depuis lundi.",
    "Ces propriétaires ont vendu leur maison.",
    "Il s’en va demain matin.",
    "Elle s’y rend chaque semaine.",
    "Il n’y a plus de pain.",
    "Qu’en pensez-vous ?",
    "Je ne sais pas si je viendrai, ou si je resterai.",
    "Le village où il habite est calme.",
    "Il a lundi et mardi pour finir.",
    "Il a 3 heures de retard.",
    "Pour en savoir plus, voir la page 12.",
    "Mais chacun fait comme il veut.",
    "Le chat de la voisine et le chien jouent ensemble.",
    "Les banques sont ouvertes à jours fixes.",
    "Quel que soit le temps, nous sortirons.",
    "Nous avons tous le même objectif.",
    "Toute la famille était réunie.",
    "Elles étaient tout émues.",
    "Ils ont même aidé les voisins.",
    "Quelle est la capitale du Ghana ?",
    "Je sais quelle est la réponse.",
    "Les enfants ne croient plus au père Noël.",
    "Vous dites toujours la vérité.",
    "Il faut vous inscrire avant lundi.",
    "Apprenez à lire, écrire et compter vos points.",
    "Si tu viens, je serai content.",
    "Pour vous aider, nous publions un guide.",
    "L’équipe vous remercie et vous souhaite une bonne année.",
    "Il faut évidemment adapter le ton.",
    "Les lettres que le facteur nous a apportées étaient mouillées.",
    "Le formulaire de contact que nous avons envoyé est clair.",
    "Combien de temps avez-vous passé ici ?",
    "La tarte aux pommes, je l’ai préparée hier.",
    "Il parle aux voisins qui arrivent demain.",
    "La liste des voisins qui arrive demain est longue.",
    "Les chaises, les tables et les lampes étaient neuves.",
    "Il a vu la chaise et la lampe est tombée.",
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


def test_wrong_conjugation_is_grammar_not_spelling(proofreader):
    findings = proofreader.check_source("x.md", "Title: X\n\nLes enfants ne croivent plus.\n")
    (finding,) = [f for f in findings if not f.autofix]
    assert finding.category == "grammar" and finding.suggestions == ("croient",)


def test_one_disagreement_is_one_finding():
    text = "Analysez leurs formats et leurs ton général."
    found = _found(text)
    assert found == [("leurs ton", ("leurs tons", "leur ton"))]


def test_inclusive_writing_raises_no_agreement_alarm():
    assert _found("Chers lecteur·ices, merci de votre fidélité.") == []


def test_a_homophone_is_not_told_again_on_the_next_word():
    found = _found("Ces trois éléments son indispensables.")
    assert [span for span, _ in found] == ["son"]
