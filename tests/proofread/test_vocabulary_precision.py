"""The CM's everyday vocabulary is no spelling mistake; misspelt words, loanwords included, are."""

from __future__ import annotations

import re

import pytest

from proofread.checker import Options, Proofreader
from proofread.settings import default_lexicon_dir
from proofread.spelling import ENGLISH_DIC, LISTS, dictionary_entries, dictionary_files

from .conftest import ROOT, check


def _spelling(proofreader, body: str) -> dict[str, tuple[str, ...]]:
    """The words the spelling check reports in ``body``, with their suggestions."""
    source = "Title: Essai\n\n" + body
    lines = source.split("\n")
    return {
        lines[f.line - 1][f.column - 1 : f.end_column - 1]: f.suggestions
        for f in proofreader.check_source("essai.md", source)
        if f.category == "spelling"
    }


# -- platforms and tools -------------------------------------------------------------------


def test_the_platforms_list_is_sourced_and_sized():
    text = (LISTS / "plateformes.txt").read_text(encoding="utf-8")
    names = dictionary_entries(text)
    assert 120 <= len(names) <= 220
    assert len(set(names)) == len(names)
    assert len(re.findall(r"^# - .*https?://", text, flags=re.M)) >= 10  # its sources
    assert {"instagram", "tiktok", "canva", "hootsuite", "google analytics"} <= set(names)


def test_platforms_are_accepted_as_people_write_them(proofreader):
    body = (
        "On publie sur instagram, tiktok et linkedin, on discute sur whatsapp et discord, "
        "les visuels sortent de canva ou figma, le montage de capcut, la programmation de "
        "hootsuite ou metricool, les chiffres de google analytics et de meta business suite, "
        "les newsletters de mailchimp ou brevo, les brouillons de chatgpt, le site de wix.\n\n"
        "Canva, CANVA et Hootsuite aussi.\n"
    )
    assert _spelling(proofreader, body) == {}


# -- English words ---------------------------------------------------------------------------


def test_the_english_dictionary_is_debians_and_installed_by_the_makefile():
    assert all(path.exists() for path in dictionary_files(ENGLISH_DIC))
    debs = re.search(
        r"^SITE_DEBS :=(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M
    )
    assert "hunspell-en-us" in debs.group(1).split()


def test_english_words_of_the_trade_are_accepted(proofreader):
    body = (
        "Notre reach progresse, le feed est propre, les insights sont clairs, le brief et le "
        "benchmark sont prêts ; le copywriting et le batching aussi, et l’email part mardi.\n"
    )
    assert _spelling(proofreader, body) == {}


def test_english_phrases_and_compounds_inside_french_are_accepted(proofreader):
    body = (
        "Cherchez « apple touch icon size » et lisez « Remote code execution ». "
        "Tout se joue dans l’employee advocacy. Une application frontend parle au backend "
        "selon la roadmap, via un webhook.\n"
    )
    assert _spelling(proofreader, body) == {}


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [
        ("reseau", "réseau"),
        ("dévelopement", "développement"),
        ("general", "général"),
        ("video", "vidéo"),
        ("example", "exemple"),
        ("language", "langage"),
        ("traffic", "trafic"),
    ],
)
def test_a_french_word_misspelt_stays_a_finding_even_when_english_knows_it(
    proofreader, word, suggestion
):
    found = _spelling(proofreader, f"Voici le {word} de la semaine.\n")
    assert word in found
    assert found[word][0] == suggestion


def test_an_english_word_a_consonant_away_from_a_french_one_is_no_slip(proofreader):
    # Another consonant makes another word: « funnel » is no « tunnel » misspelt.
    body = (
        "Il faut créer un funnel qui convertit. On trouve des talks, un talk, le snow, "
        "la wave des outils et le trust flow.\n"
    )
    assert _spelling(proofreader, body) == {}
    # A consonant of the same sound, a vowel, a letter added or left out: a slip.
    body = "Une license, une organization, un example, le context et le traffic.\n"
    assert set(_spelling(proofreader, body)) == {
        "license",
        "organization",
        "example",
        "context",
        "traffic",
    }


def test_the_words_of_recruitment_and_twitter_are_accepted(proofreader):
    body = (
        "La twittosphère en parle : une fintech recrute en full remote, ou en remote, sur "
        "les jobboards et les job boards ; les stats de la page, un lien bitly.\n"
    )
    assert _spelling(proofreader, body) == {}
    assert "remot" in _spelling(proofreader, "Un poste en remot.\n")


def test_the_candidates_experience_is_a_set_phrase(proofreader):
    for body in ("L’expérience candidat compte.", "Soignez cette expérience candidat."):
        assert check(proofreader, body + "\n") == []
    # Its agreement with the rest of the sentence stays.
    found = check(proofreader, "Les expérience candidat comptent.\n")
    assert any(f.category == "grammar" for f in found)


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [
        ("engagment", "engagement"),
        ("storytellling", "storytelling"),
        ("newsleter", "newsletter"),
        ("hastag", "hashtag"),
    ],
)
def test_a_misspelt_loanword_is_reported_with_its_correction(proofreader, word, suggestion):
    found = _spelling(proofreader, f"Un bon {word} pour la campagne.\n")
    assert found[word][0] == suggestion


def test_two_french_words_glued_are_still_glued_words(speller):
    (hit,) = speller.check("Les réseauxsociaux changent.")
    assert hit.rule == "mots-collés"


def test_words_drawn_out_on_purpose_stay_accepted(speller):
    assert speller.check("Heuuu, pfff, brrrr, grrr et trooop.") == []


# -- inclusive writing -----------------------------------------------------------------------


def test_inclusive_writing_is_accepted_with_either_middle_dot(proofreader):
    body = (
        "Chers lecteur·ices, invité·es et abonné·es, tous·tes les salarié·e·s, "
        "les acteur⋅rice⋅s, les heureux·ses gagnant·es, les chanteur·euses, "
        "les directeur·rices et les sportif·ves sont là, tou·te·s ravi·e·s.\n"
    )
    assert _spelling(proofreader, body) == {}


def test_inclusive_writing_still_checks_its_stem_and_endings(proofreader):
    found = _spelling(proofreader, "Les lecteru·ices, les lecteur·ixes et tuo·te·s.\n")
    assert found["lecteru"][0] == "lecteur"
    assert "ixes" in found
    assert "tuo" in found  # a stem that is no word even with its endings


# -- link targets ----------------------------------------------------------------------------


def test_link_targets_are_never_read(proofreader):
    body = (
        "Lisez [notre guide de la\n"
        "veille](%7Bfilename%7D/conseils/veille-strategique-reseaux.md) pour commencer.\n\n"
        "Voir [mon article](<%7Bfilename%7D/articles/strategie reseaux.md>) et "
        "[la page]({filename}/pages/a-propos.md).\n"
    )
    assert _spelling(proofreader, body) == {}


# -- code words ------------------------------------------------------------------------------


def test_a_name_written_as_code_is_accepted_in_the_prose_of_its_file(proofreader):
    body = "Installez `zsh` puis ouvrez zsh ; avec `brew install prezto`, prezto suit.\n"
    assert _spelling(proofreader, body) == {}
    assert "zsh" in _spelling(proofreader, "Ouvrez zsh.\n")


def test_a_french_word_misspelt_in_longer_code_is_not_accepted(proofreader):
    body = "Le code `const reseau = 1` compte, mais le reseau reste mal écrit.\n"
    assert "reseau" in _spelling(proofreader, body)


def test_names_in_code_anywhere_in_the_site_are_accepted_everywhere(tmp_path):
    content = tmp_path / "content"
    (content / "outils").mkdir(parents=True)
    (content / "outils" / "installer.md").write_text(
        "Title: Installer\n\nLancez `grammalecte` puis `invoke build`.\n", encoding="utf-8"
    )
    other = content / "billet.md"
    other.write_text("Title: Billet\n\nCe site passe par grammalecte.\n", encoding="utf-8")
    base = {"lexicon_dir": default_lexicon_dir(), "grammar": False, "jobs": 1}
    alone = Proofreader(Options(**base))
    site = Proofreader(Options(**base, content=str(content)))
    assert [f.rule for f in check(alone, "Ce site passe par grammalecte.\n")] == ["orthographe"]
    assert site.check_files([str(other)])[str(other)] == []


def test_developers_words_and_their_french_verbs_are_accepted(proofreader):
    # Git's and the web platform's words, and the French verbs made on them
    # (lists/jargon.txt, outside-blogs3: « node », « devs », « notifications push »).
    body = (
        "Les devs ont commité puis mergé la branche ; il reste à pusher le fix, lancer "
        "le build avec node et envoyer les beacons. Une dépendance à node, un mockup, "
        "du html et du javascript. Les nudges du marketing.\n"
    )
    assert _spelling(proofreader, body) == {}
    # A French verb misspelt stays a finding, English stem or not.
    found = _spelling(proofreader, "Il faut deployer le site et merjer la branche.\n")
    assert {"deployer", "merjer"} <= set(found)


def test_twitter_verbs_are_accepted_in_their_forms(proofreader):
    body = "Vous twittez, nous retwittons, elle a tweeté et ils retweetent.\n"
    assert _spelling(proofreader, body) == {}
    assert "twitez" in _spelling(proofreader, "Vous twitez tous les jours.\n")


def test_colloquial_words_that_dictionaries_record_are_accepted(proofreader):
    body = (
        "Après la séance de muscu, bim, un petit déj avec les potos. Le seum de ce matin "
        "est passé ; en googlant le parcours, je vois qu’il reste un cubi de foirage.\n"
    )
    assert _spelling(proofreader, body) == {}


def test_a_misspelt_word_beside_colloquial_ones_is_still_reported(proofreader):
    # « texter » is left out of the list: it is « tester » misspelt as often as not.
    body = "Après la muscu, il faut texter le vélo, puis en gooblant les potos.\n"
    assert set(_spelling(proofreader, body)) == {"texter", "gooblant"}


def test_more_developers_words_are_accepted(proofreader):
    body = "Le repo est public ; uploader l’outro masterisée sur le tld coop.\n"
    assert _spelling(proofreader, body) == {}
    assert set(_spelling(proofreader, "Le rpeo est public.\n")) == {"rpeo"}


def test_the_colloquial_list_is_sourced():
    text = (ROOT / "plugins" / "proofread" / "lists" / "familier.txt").read_text(encoding="utf-8")
    assert "https://fr.wiktionary.org/wiki/Catégorie:Termes_familiers_en_français" in text
    assert "seum" in dictionary_entries(text)


def test_learned_elements_glued_or_hyphened_are_accepted(proofreader):
    body = (
        "Une co-animation des ateliers, un label d’éco-conception, les neuro-sciences, "
        "des fruits suremballés et une cogestion assumée.\n"
    )
    assert _spelling(proofreader, body) == {}


def test_a_word_cut_or_misspelt_after_a_learned_element_is_still_reported(proofreader):
    found = _spelling(proofreader, "Une co-animmation, des fruits surembalés, la commu-nauté.\n")
    assert set(found) == {"animmation", "surembalés", "commu-nauté"}


def test_a_verbal_adjective_of_a_first_group_verb_agrees(proofreader):
    body = "Des cyclistes pédalantes et des parents biberonnants se croisent.\n"
    assert _spelling(proofreader, body) == {}


def test_a_verbal_adjective_spelt_otherwise_is_still_reported(proofreader):
    body = "La semaine précédante fut fatiguante, et la porte communiquante fermée.\n"
    assert set(_spelling(proofreader, body)) == {"précédante", "fatiguante", "communiquante"}
