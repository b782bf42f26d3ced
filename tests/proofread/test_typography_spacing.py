"""Spaces around commas and full stops: a space before, none after, are real findings."""

from __future__ import annotations

import pytest

from .conftest import check


@pytest.mark.parametrize(
    ("text", "rule", "column"),
    [
        ("Votre contenu , tandis que les autres attendent.", "espace-avant", 14),
        ("Gratuit pour les étudiant·es , mais limité.", "espace-avant", 29),
        ("Pas encore de date pour l’atelier . Suivez la page.", "espace-avant", 34),
        ("Une formule magique.C’est une méthode.", "espace-après", 20),
    ],
)
def test_spaces_around_commas_and_stops_are_findings(proofreader, text, rule, column):
    found = [f for f in check(proofreader, text) if f.category == "typography"]
    assert [(f.rule, f.column, f.autofix) for f in found] == [(rule, column, False)]


@pytest.mark.parametrize(
    "text",
    [
        "Voir le site https://example.org/page , puis revenir.",
        "Les chiffres : 3,5 % en 2025, soit 12.000 vues.",
        "Il a dit : « C’est prêt. » Puis il est parti.",
    ],
)
def test_what_is_not_a_space_mistake(proofreader, text):
    found = [f for f in check(proofreader, text) if f.rule in ("espace-avant", "espace-après")]
    assert found == []
