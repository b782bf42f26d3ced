"""False alarms on outside text, each fixed by a general rule: a correct sentence of the
shape that misled a rule stays silent, and the mistake of the same shape is still found."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "lib")]

from proofread import grammar, typography  # noqa: E402
from proofread.checker import Options, Proofreader, cited_words  # noqa: E402
from proofread.cli import run  # noqa: E402
from proofread.report import text_line  # noqa: E402
from proofread.settings import default_lexicon_dir  # noqa: E402

needs_grammalecte = pytest.mark.skipif(
    importlib.util.find_spec("grammalecte") is None, reason="Grammalecte is not installed"
)

# Correct sentences of the shapes that misled a rule (each raised a finding before).
CORRECT = [
    # « dans » may be read as a noun (« dan »): no subject for « s’est » after it.
    "On retrouve cette idée dans ses écrits de jeunesse.",
    # « c’est » taking up a detached subject.
    "Le souci c’est que personne ne répond.",
    # Two coordinated determiners.
    "Indiquez la ou les dates retenues.",
    # « tous », the subject's pronoun, before « des ».
    "Ils ont tous des questions à poser.",
    # « une fois que », a conjunction: no direct object before the participle.
    "Une fois que nous avons terminé, nous partons.",
    # A participle before « à » + infinitive: the object may be the infinitive's.
    "Les tâches qu’il a réussi à automatiser sont nombreuses.",
    # The « si » of a fact: the reader's past knowledge.
    "Si tu ne le savais pas, Paul te le dira.",
    "Si vous l’ignoriez, le site vous le rappellera.",
    # « qui » after a complement of time: the noun before it.
    "Nous avons trouvé un outil depuis quelques jours qui fonctionne bien.",
    # Grammalecte: a noun used as a complement agrees with nothing.
    "Il connaît des dizaines d’artistes, de responsables marketing et de journalistes.",
    "Ce sont des clients cibles pour la marque.",
    # Grammalecte: an adjective agreeing with the complement it follows.
    "Les éditeurs de presse régionale sont inquiets.",
    # Grammalecte: an apposed noun before the verb.
    "Si vos mots cibles auront du succès, tant mieux.",
    # Grammalecte: « par contre » read as a preposition and its object.
    "Par contre nous pouvons venir demain.",
    # Grammalecte: a slash between two verbs.
    "Il suffit de copier/coller le texte.",
    # Grammalecte: the adverbial locution « autre part ».
    "Je cherche mes clés autre part.",
    # Grammalecte: a name of capitalised words.
    "Il a manifesté avec Black Lives Matter.",
    # Grammalecte: a word alone in quotation marks.
    "Nous sommes tous « geek » au bureau.",
    # Grammalecte: an indicative after « et » sharing the subject of the verb before it.
    "Je garde le rythme et passe le semi en tête.",
]

# The mistakes of the same shapes, still found: (sentence, the wrong word).
WRONG = [
    ("Il c'est que tu viens.", "c'est"),
    ("Nous avons lu tous les lettres.", "tous"),
    ("Il est la où les gens vont.", "la"),
    ("Les photos qu'il nous a envoyé sont belles.", "envoyé"),
    ("Si je savais coder, je créerai mon site.", "créerai"),
    ("Il parle aux voisins qui arrive demain.", "arrive"),
    ("Je me reconnais dans le passage sur les clients qui veut tout.", "veut"),
    ("La majorité des consommateurs estimes que les marques doivent agir.", "estimes"),
    ("Les gens vont dans pleins d'endroits.", "pleins"),
    ("Nous avons rencontré des Africain à Paris.", "Africain"),
    ("Les clients achète souvent.", "achète"),
]


@needs_grammalecte
@pytest.mark.parametrize("text", CORRECT)
def test_correct_shape_is_silent(text):
    assert [(text[h.start : h.end], h.rule) for h in grammar.check(text)] == []


@needs_grammalecte
@pytest.mark.parametrize(("text", "wrong"), WRONG)
def test_mistake_of_the_same_shape_is_found(text, wrong):
    assert any(wrong in text[h.start : h.end] for h in grammar.check(text))


def test_an_emoticon_before_a_stop_is_no_spacing_mistake():
    for text in ("C’était gentil d’essayer :p . Nous partons.", "Bien joué xD , bravo."):
        assert [h for h in typography.check(text) if not h.autofix] == []
    found = [h.rule for h in typography.check("Un arrêt soudain . Je repars.") if not h.autofix]
    assert found == ["espace-avant"]


@pytest.fixture(scope="module")
def proofreader():
    return Proofreader(Options(grammar=False, lexicon_dir=default_lexicon_dir(), jobs=1))


@pytest.fixture(scope="module")
def proofreader_grammar():
    return Proofreader(Options(lexicon_dir=default_lexicon_dir(), jobs=1))


def _spelling(proofreader, body: str) -> list:
    findings = proofreader.check_source("x.md", f"Title: Essai\n\n{body}\n")
    return [f for f in findings if f.category == "spelling"]


def test_an_unknown_word_is_reported_once_per_file_with_its_lines(proofreader):
    body = "Le kwiklo est prêt.\n\nNous aimons kwiklo.\n\nEncore kwiklo, et kwiklo."
    (finding,) = _spelling(proofreader, body)
    assert (finding.line, finding.column) == (3, 4)
    assert "(4 occurrences dans ce fichier, lignes 3, 5, 7)" in finding.message
    assert [place[:2] for place in finding.occurrences] == [(5, 13), (7, 8), (7, 19)]
    line = text_line(finding, "kwiklo")
    assert line.startswith("x.md:3:4:") and "4 occurrences" in line
    # Another word, or a word written once, is a finding of its own.
    assert len(_spelling(proofreader, "Le kwiklo et le zapbrik.")) == 2


def test_vocabulary_counts_every_occurrence_of_a_grouped_word(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(
        "Title: A\n\nUne publiccation.\n\nPubliccation demain.\n\nLa publiccation.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    code = run([], ROOT, out=out, content_folder=str(content), list_words=True, fmt="json")
    assert code == 0
    (word,) = json.loads(out.getvalue())
    assert (word["word"], word["count"]) == ("publiccation", 3)
    assert (word["variants"], word["suggestion"]) == (["Publiccation"], "publication")
    assert [p["line"] for p in word["places"]] == [3, 5, 7]


def test_a_word_cited_in_quotes_or_italics_is_the_authors_on_purpose(proofreader):
    assert _spelling(proofreader, "Le client devient « consomm’acteur » : il agit.") == []
    assert _spelling(proofreader, "Un nouveau compteur, *listed*, est apparu.") == []
    # Bold is emphasis, not the mark of a cited word.
    assert [f.text for f in _spelling(proofreader, "Un **kwiklo** de plus.")] == ["kwiklo"]
    # Italics for emphasis: a slip one edit from a French word is still one.
    found = _spelling(proofreader, "C’est *vraiement* utile.")
    assert [f.text for f in found] == ["vraiement"]
    assert cited_words('« a b » et "c d"') == frozenset()


def test_a_link_named_after_its_site_is_a_name(proofreader):
    assert _spelling(proofreader, "- [Vercel](https://vercel.com) ou un autre.") == []
    assert cited_words("[Kwiklo](https://example.com)") == frozenset()


def test_learned_elements_glued_to_a_word(proofreader):
    assert _spelling(proofreader, "Les microservices et les webdesigners.") == []
    # The rest must be a word: « micro » glued to a misspelt one stays wrong.
    assert [f.text for f in _spelling(proofreader, "Les multiplatformes.")] == ["multiplatformes"]


def test_plural_of_a_lower_case_acronym(proofreader):
    assert _spelling(proofreader, "Le format des urls et des pdfs.") == []


def test_a_wrapped_line_does_not_start_a_sentence(proofreader):
    assert _spelling(proofreader, "Le fichier de Front\nMatter au format YAML.") == []
    # After a full stop, a capitalised word one letter from a French word is checked.
    assert [f.text for f in _spelling(proofreader, "Fin.\nPublicaton demain.")] == ["Publicaton"]


def test_a_word_of_another_script_is_not_checked(proofreader):
    assert _spelling(proofreader, "Sayonara (さよなら), ou До свидания.") == []


def test_javascript_library_names_are_names(proofreader):
    assert _spelling(proofreader, "Avec node.js et backbone.js on avance.") == []


def test_file_and_host_names_in_prose(proofreader):
    text = "Modifiez config.yml, puis publiez sur carnet.exemple.org et logo.svg."
    assert _spelling(proofreader, text) == []
    # A missing space after a full stop is no file name: the misspelt word is still one.
    found = _spelling(proofreader, "Une publiccation.Ensuite le reste.")
    assert [f.text for f in found] == ["publiccation"]


def test_a_french_word_written_the_english_way_is_a_slip(proofreader):
    text = "Une connection lente, des recommendations et le language du web."
    found = [f.text for f in _spelling(proofreader, text)]
    assert found == ["connection", "recommendations", "language"]
    # English words of the trade with no French look-alike stay accepted.
    assert _spelling(proofreader, "Le reach et les insights du brief.") == []


def test_a_word_in_quotes_is_a_coinage_even_near_a_french_word(proofreader):
    assert _spelling(proofreader, "Des textes courts et « punchés ».") == []


def test_a_misspelt_noun_after_an_article_is_no_conjugation(proofreader_grammar):
    found = proofreader_grammar.check_source("x.md", "Title: E\n\nL’engagment rate reste bas.\n")
    assert [(f.text, f.category) for f in found] == [("engagment", "spelling")]
    found = proofreader_grammar.check_source("x.md", "Title: E\n\nIls l’envoyent demain.\n")
    assert [(f.text, f.rule) for f in found] == [("envoyent", "conjugaison")]


def test_a_capitalised_word_with_two_letters_swapped_is_no_name(proofreader):
    found = _spelling(proofreader, "Un compte whatsapp Buisness pour vendre.")
    assert [(f.text, f.suggestions[:1]) for f in found] == [("Buisness", ("Business",))]
    names = "Merci à Zeinabou, Rokhaya Diop, Ouedraogo, Kouassi et Mailchimp."
    assert _spelling(proofreader, names) == []
