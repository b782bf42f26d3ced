"""Moderation catches insults, racist remarks and spam, not ordinary criticism."""

from __future__ import annotations

import pytest

from comments import moderation
from comments.sanitize import clean_html

MODERATOR = moderation.moderator()

INSULTS = [
    "T'es qu'un connard, arrête d'écrire.",
    "Quelle CONNASSE cette autrice",
    "Ferme ta gueule avec tes conseils",
    "Bande d'enculés",
    "c0nn@rd",
    "c.o.n.n.a.r.d va",
    "Espèce d'abruti, tu n'y connais rien.",
    "Fils de pute.",
]
RACISM = [
    "Sale arabe, retourne dans ton pays",
    "Encore un bougnoule qui donne des leçons",
    "Les youpins contrôlent les réseaux",
    "Retournez dans votre pays !",
    "Sale Noir",
]
SPAM = [
    "Meilleur casino en ligne, bonus de bienvenue",
    "Viagra pas cher livré en 24 h",
    "Gagnez de l'argent depuis chez vous, cliquez ici",
    "Voir <a href='https://a.example/'>un</a> <a href='https://b.example/'>deux</a> "
    "<a href='https://c.example/'>trois</a>",
    "https://a.example/ https://b.example/ https://c.example/ www.d.example",
]
CRITICISM = [
    "Je ne suis pas d'accord : cet article est décevant, les exemples sont trop légers.",
    "C'est nul, franchement, vous pouvez mieux faire.",
    "Cet outil est une arnaque à mon avis, trop cher pour ce qu'il fait.",
    "La conclusion est bâclée et les chiffres de 2019 sont faux.",
    "Je suis crevé après cette journée de modération, mais merci pour l'article.",
    "Le concours de la semaine dernière était mal organisé.",
    "Un consultant m'a dit le contraire ; qui croire ?",
    "La Mongolie a une communauté très active sur Facebook.",
    "Le raton laveur est la mascotte de notre forum.",
    "Voir https://a.example/ et https://b.example/ pour les sources.",
    "Quelle réputation pour une marque qui répond si mal ?",
    "Le match de foot a été annulé à cause du racisme dans les tribunes : il faut en parler.",
]


@pytest.mark.parametrize("text", INSULTS)
def test_insults_wait(text):
    assert MODERATOR.reason(clean_html(text)).startswith("insulte")


@pytest.mark.parametrize("text", RACISM)
def test_racism_waits(text):
    assert MODERATOR.reason(clean_html(text)).startswith("propos raciste")


@pytest.mark.parametrize("text", SPAM)
def test_spam_waits(text):
    assert MODERATOR.reason(clean_html(text)).startswith("spam")


@pytest.mark.parametrize("text", CRITICISM)
def test_criticism_is_published(text):
    assert MODERATOR.reason(clean_html(text)) == ""


def test_author_name_is_moderated_too():
    assert MODERATOR.reason("<p>Bonjour</p>", author="Gros connard").startswith("insulte")


def test_reason_is_french_with_typography():
    assert MODERATOR.reason("<p>Espèce de connard</p>") == "insulte\u00a0: «\u00a0connard\u00a0»"


def test_site_lists_are_configurable(tmp_path):
    words = tmp_path / "maison.txt"
    words.write_text("# mots de la maison\nconcurrent*\n", encoding="utf-8")
    custom = moderation.moderator({"publicité": words}, max_links=-1, extra={"spam": ["promo"]})
    assert custom.reason("<p>Allez voir nos concurrents</p>") == (
        "publicité\u00a0: «\u00a0concurrents\u00a0»"
    )
    assert custom.reason("<p>Grosse promo</p>").startswith("spam")
    assert custom.reason("<p>Espèce de connard</p>") == ""  # the default lists were replaced
