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

from proofread import grammar, repetition, typography  # noqa: E402
from proofread.checker import Options, Proofreader, cited_words  # noqa: E402
from proofread.cli import run  # noqa: E402
from proofread.report import text_line  # noqa: E402
from proofread.settings import default_lexicon_dir  # noqa: E402
from proofread.source import parse  # noqa: E402

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
    # Grammalecte: « côté » and a noun, a locution, not the participle of « coter ».
    "Côté entreprise la visibilité est meilleure.",
    # Grammalecte: an adjective before the noun it qualifies and agrees with.
    "Instagram met à disposition différents formats de publications.",
    "L’imam, petite silhouette dans son habit blanc, parle.",
    # Grammalecte: an adjective agreeing with the head of « N en N ».
    "Ils ont des besoins en recrutement conséquents.",
    "Les tests de mises en situation professionnelles sont utiles.",
    # Grammalecte: a noun apposed to a noun before the clitic of the verb.
    "Faites vivre la page : vos clients cibles s’y trouvent déjà.",
    # Grammalecte: an acronym in capitals is no « sa ».
    "Comment migrer vers SA et Gradle ?",
    # Grammalecte: a number after a name is part of the name, no quantity.
    "On en parle dans l’épisode LCC 99 sujet par sujet.",
    # Grammalecte: a word repeated for emphasis.
    "Vous avez le droit, oui oui, le droit.",
    # Grammalecte's typographic advice: an acronym with points, a cut marked « (…) ».
    "Les étudiants de l’I.G.E.D.D sont là.",
    "L’article dit : « La publicité (…) ne doit pas être trompeuse. »",
    # Ours: a participle after a noun, no verb of the first person.
    "Le thème est partout ; les appareils avec ICS inclus !",
]

# Look-alikes of the rules added from dev6 (sentences of our own): a noun « doute », a price
# before « coûter », « chacun » after a plural subject, a place name with « -en- », an
# indirect question with « si » and the future, « ce qui » + a singular verb.
CORRECT += [
    "Aucun doute que la pluie va tomber ce soir.",
    "Les 300 euros qu’a coûté la réparation sont remboursés.",
    "Les efforts que ce projet lui a coûtés sont immenses.",
    "Les deux sœurs ont chacune leur chambre.",
    "Nous passerons par Saint-Germain-en-Laye.",
    "Dites-moi si la boutique ouvrira dimanche.",
    "Ce qui compte, ce sont les résultats.",
    "Les vacances sont passées aussi tôt que prévu.",
    "Je l’ai vu quelques fois cet été.",
    "Gardez vos clés à portée de main, surtout le soir.",
]

# Look-alikes of the rules added from dev7 (sentences of our own): « sont » read as « son »
# before a noun and a verb, a gerund, a participle with its complement, a conditional of
# courtesy, « tel que » after a singular noun.
CORRECT += [
    "Quand Paul a vendu sa maison, son associé s’occupait de tout.",
    "Tout en zigzaguant entre les voitures, il arriva premier.",
    "Les semaines précédant l’examen, elle révisait.",
    "Si vous voulez, je pourrais passer demain.",
    "Une fatigue telle que je me suis endormi.",
    "Il range ses livres tel que le fait son père.",
    "Mon oncle mange peu le soir.",
    "Le faîte du toit a été refait.",
    "Il y a des oiseaux sur le faîte.",
    "Un élève à peine arrivé.",
    "Ils veulent s’en aller.",
    "La robe que Véronique a portée samedi était bleue.",
    "Le livre que m’a prêté une amie est passionnant.",
    "Les pommes qu’il a ramassées l’autre jour sont mûres.",
    "Je l’ai rencontrée la première.",
    "Les filles et les garçons se sont mis au travail.",
    "Toute autre demande sera refusée.",
    "Une petite poste de village.",
    "En quatre-vingt-dix jours, tout était prêt.",
    "Ci-joint les factures du mois.",
    "Ils la respecteront d’autant mieux qu’ils l’auront construite.",
    # misreadings removed from dev7's false alarms: a series of infinitives after
    # « pour », « se sont » + adverb + participle after a comma, « son » + an English
    # adjective and noun, the article « du » before a noun
    "Prenez le temps de relire, corriger la légende et changer la photo.",
    "Les jurées, qui se sont aidées, se sont vite rendu compte de tout.",
    "Elle a raconté son bad buzz au public.",
    "Le loyer du mois est payé.",
    "Chacun des enfants a la même chance.",
    "Le nombre de visiteurs a la fâcheuse tendance à baisser.",
    "Il a vu son déjà célèbre sourire.",
    "Ceux qui, mais rarement, viennent sont bienvenus.",
    "On en a pas mal.",
    # Grammalecte's misreadings: a qualified colour, a first name after « Mme », « on »
    # for « nous » with a plural participle
    "Nous avons imprimé des banderoles, toutes vert foncé, pour la fête.",
    "La mairie accueillait Mme Laurent, rédactrice indépendante.",
    "Avec Léa, on ne s’est jamais disputées.",
]

# The mistakes of the same shapes, still found: (sentence, the wrong word).
WRONG = [
    ("Je doute que la pluie va tomber ce soir.", "va"),
    ("Les trois heures qu’a durées la réparation ont coûté cher.", "durées"),
    ("Chacune des sœurs a rangé leur chambre.", "leur"),
    ("Ils ont vu des arc-en-ciels.", "arc-en-ciels"),
    ("Si la boutique ouvrira dimanche, nous viendrons.", "ouvrira"),
    ("Merci à ce qui ont répondu.", "ce"),
    ("Le club à reçu des dons.", "à"),
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
    ("Nous avons des belle maisons.", "belle"),
    ("Des besoins en recrutement conséquente.", "conséquente"),
    ("Le taux de clic a baissé, sans doute en raison dû changement d’algorithme.", "dû"),
    ("Les 5 conseil du jour sont là.", "conseil"),
    ("Un petite douche froide.", "Un"),
    ("Je pense que sa va marcher.", "sa"),
    ("Nous avons fini le le travail.", "le le"),
    ("Les abonnés de la page recevrons un cadeau.", "recevrons"),
    ("Les invitées, elles, sont arrivé en retard.", "arrivé"),
    ("C’est un travail très fatiguant.", "fatiguant"),
    ("Je pensais que je gagnerai.", "gagnerai"),
    ("Il vend des articles tel que des stylos.", "tel"),
    ("Une étude mal faîte ne prouve rien.", "faîte"),
    ("La lampe du salon peu suffire.", "peu"),
    ("Ils nous ont offertes des fleurs.", "offertes"),
    ("Elles se sont posées la dernière question.", "posées"),
    ("Aucun de mes voisins ne sont venus.", "sont"),
    ("Elle sortit tête nu.", "nu"),
    ("Les tout dernières nouvelles.", "tout"),
    ("Elle s’est disputées avec lui.", "disputées"),
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


@needs_grammalecte
def test_a_compound_wanting_hyphens_is_told_once_not_its_first_words_gender():
    # « du bouche à oreille »: the determiner agrees with the compound, not « bouche ».
    text = "Les clients viennent du bouche à oreille."
    found = [(text[h.start : h.end], h.rule.split(":")[1]) for h in grammar.check(text)]
    assert found == [("bouche à oreille", "tu")]


# -- apostrophes -----------------------------------------------------------------------------


def test_other_apostrophes_inside_a_word_read_as_the_apostrophe(proofreader_grammar):
    for body in (
        "Jʼai vu lʼéquipe hier et cʼest super, il faut quʼil vienne aujourdʼhui.",
        "J‘ai vu l‘équipe hier et c‘est super.",
        "J´ai vu l´équipe hier.",
        "Il a dit ‘bonjour’ à tous.",
    ):
        found = proofreader_grammar.check_source("x.md", f"Title: E\n\n{body}\n")
        assert [(f.text, f.rule) for f in found if not f.autofix] == []
    # The word after the apostrophe is still checked.
    found = proofreader_grammar.check_source("x.md", "Title: E\n\nJʼai vu lʼéqiupe hier.\n")
    assert [(f.text, f.rule) for f in found] == [("éqiupe", "orthographe")]
    # And the grammar around it too.
    text = "Title: E\n\nLes photos quʼil nous a envoyé sont belles.\n"
    assert "envoyé" in [f.text for f in proofreader_grammar.check_source("x.md", text)]


# -- names: handles, links, headings, sentence starts --------------------------------------


def test_a_twitter_list_is_a_handle(proofreader):
    body = "Voici [@extrema/reality](https://twitter.com/extrema/reality) et @Minissa/friends."
    assert _spelling(proofreader, body) == []
    found = _spelling(proofreader, "La realite de @extrema/reality.")
    assert [f.text for f in found] == ["realite"]


def test_a_link_whose_text_names_its_site_is_a_name(proofreader):
    body = (
        "Par l’équipe [Kozea group](https://www.kozea.fr/). Écoutez [Les cast codeurs]"
        "(http://lescastcodeurs.com), installez [filezilla](https://filezilla-project.org/) "
        "et [Iterm](https://www.iterm2.com/)."
    )
    assert _spelling(proofreader, body) == []
    # Only the link: the same words elsewhere in the file are checked.
    body = "[Sublime Text](https://www.sublimetext.com/) est un éditeur de text."
    assert [f.text for f in _spelling(proofreader, body)] == ["text"]
    # A longer text, or a name the address does not spell, is read as French.
    found = _spelling(proofreader, "[Kozea lance son guid](https://www.kozea.fr/) demain.")
    assert [f.text for f in found] == ["guid"]
    found = _spelling(proofreader, "Voir [kozae group](https://www.kozea.fr/).")
    assert sorted(f.text for f in found) == ["group", "kozae"]


def test_a_hash_heading_needs_no_space_as_python_markdown_reads_it():
    document = parse("Title: E\n\n####La famille nipcast\nNipcast est un ensemble.\n")
    assert [(s.kind, s.text) for s in document.segments[1:]] == [
        ("heading", "La famille nipcast"),
        ("paragraph", "Nipcast est un ensemble."),
    ]


def test_a_name_at_a_sentence_start_is_no_slip_for_an_english_word(proofreader):
    # « Refty » is one letter from English « Hefty », from no French word.
    assert _spelling(proofreader, "Refty s’appuie sur vous.") == []
    assert [f.text for f in _spelling(proofreader, "Egalment, nous partons.")] == ["Egalment"]


# outside-blogs3: words that come back after one word in ordinary French.
@pytest.mark.parametrize(
    "text",
    [
        "En contexte, ça donne ça :",
        "C’est comme ça que ça marche.",
        "Elles s’appliquent en cascade : Machine puis Utilisateur puis Projet.",
        "Les amis cités, les amis des amis, les gens connus.",
        "Ce qui est acheté est relativement peu dangereux.",
        "Le produit qui nous est proposé est celui qui nous convient.",
    ],
)
def test_a_word_back_after_one_word_in_ordinary_french(text):
    assert [h for h in repetition.check(text) if h.rule == "répétition-proche"] == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Il est aussi est venu.", "est"),
        ("Le produit est vraiment est bon.", "est"),
        ("Les amis comme amis de la page.", "amis"),
    ],
)
def test_a_word_back_after_one_word_by_a_slip_is_found(text, wrong):
    found = [text[h.start : h.end] for h in repetition.check(text) if h.rule == "répétition-proche"]
    assert found == [wrong]


def test_an_acronym_joined_by_a_semicolon_is_no_spacing_mistake():
    assert [h for h in typography.check("## TL;DR") if h.rule == "espace-après"] == []
    found = [h.rule for h in typography.check("Merci;bonne journée.")]
    assert "espace-après" in found


def test_a_link_named_in_its_targets_path_is_a_name(proofreader):
    body = (
        "Si [ungit](https://github.com/FredrikNoren/ungit) le fait, [html-proofer]"
        "(https://github.com/gjtorikian/html-proofer) aussi, avec [*vagrant winnfsd*]"
        "(https://github.com/winnfsd/vagrant-winnfsd) et [Vetur]"
        "(https://marketplace.visualstudio.com/items?itemName=octref.vetur)."
    )
    assert _spelling(proofreader, body) == []
    # Named by its link, the word is the file's name for it in plain text too.
    body = (
        "Voir [cdnjs](https://marketplace.visualstudio.com/items?itemName=JakeWilson.vscode-cdnjs)."
        "\n\nLes librairies hébergées chez cdnjs."
    )
    assert _spelling(proofreader, body) == []
    # A misspelt word that the target does not spell stays a finding.
    found = _spelling(proofreader, "Lire [la publiccation](https://github.com/foo/bar).")
    assert [f.text for f in found] == ["publiccation"]


@needs_grammalecte
def test_links_in_a_row_are_no_doubled_word(proofreader_grammar):
    body = (
        "Enseigner ? [#SudWeb](https://twitter.com/hashtag/SudWeb?src=hash) "
        "[pic.twitter.com/yhe](http://t.co/yhe)\n\nNous avons fini le le travail."
    )
    found = [f.rule for f in proofreader_grammar.check_source("x.md", f"Title: Essai\n\n{body}\n")]
    assert not any("doublon" in rule for rule in found)
    assert "mot-répété" in found


@needs_grammalecte
@pytest.mark.parametrize(
    "text",
    [
        # An acronym has the gender of the noun it shortens (la TL: la timeline).
        "Ce tweet apparaît également dans la TL des gens qui vous suivent.",
        # A determiner agreeing with the first noun, not with its complement.
        "Il faut mettre en place une politique marketing ayant pour but de recruter.",
    ],
)
def test_acronyms_and_nouns_as_complements_keep_their_determiner(text):
    assert [(text[h.start : h.end], h.rule) for h in grammar.check(text)] == []


@needs_grammalecte
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Ce tweet apparaît également dans la fil des gens.", "la"),
        ("Il faut mettre en place un stratégie marketing.", "un"),
    ],
)
def test_a_determiner_of_the_wrong_gender_is_still_found(text, wrong):
    assert any(wrong in text[h.start : h.end] for h in grammar.check(text))


@needs_grammalecte
def test_an_english_noun_phrase_takes_no_french_agreement(proofreader_grammar):
    def grammar_of(body):
        found = proofreader_grammar.check_source("x.md", f"Title: Essai\n\n{body}\n")
        return [f.text for f in found if f.category == "grammar"]

    assert grammar_of("Récupérer une Pull Request en local. Le native advertising plaît.") == []
    # French words of the same shape still agree.
    assert grammar_of("Le publicité native plaît.") != []


@needs_grammalecte
def test_grammalectes_style_advice_is_no_finding_but_a_wrong_turn_is(proofreader_grammar):
    def found(body):
        source = f"Title: Essai\n\n{body}\n"
        return [f.rule for f in proofreader_grammar.check_source("x.md", source)]

    # A pleonasm and an anglicism notice are advice, not mistakes.
    assert found("Nous partirons demain voire même ce soir.") == []
    assert found("Le code legacy de ce projet date de dix ans.") == []
    # A turn Grammalecte calls wrong still is reported, as are mistakes beside advice.
    assert found("Il est venu malgré qu’il pleuve.") != []
    assert any("gn" in rule for rule in found("Nous partirons voire même avec les enfant."))


@pytest.mark.parametrize(
    "text",
    ["Je repeins mon cadre avec Paint.Box depuis hier.", "Le serveur tourne sous Deno.Land."],
)
def test_a_name_with_a_dot_between_two_capitals_needs_no_space(text):
    assert [h for h in typography.check(text) if h.rule == "espace-après"] == []


@pytest.mark.parametrize(
    "text",
    ["Nous avons dormi à Lyon.Nous repartons demain.", "La course est finie.Ensuite on rentre."],
)
def test_a_sentence_glued_to_the_last_one_still_needs_its_space(text):
    assert [h for h in typography.check(text) if h.rule == "espace-après"] != []


@pytest.mark.parametrize(
    "text",
    [
        "Il faut faire faire un devis avant les travaux.",
        "La montée était hyper hyper raide.",
        "Je marche, je marche, et la borne ne vient pas.",
        "Il court il court, le furet.",
    ],
)
def test_words_doubled_by_grammar_or_for_effect_are_no_repetition(text):
    assert repetition.check(text) == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Il faut faire un un devis avant les travaux.", "un"),
        ("La montée était raide raide.", "raide"),
        ("Je marche vers la borne borne.", "borne"),
        ("Le sentier est aussi est plus court.", "est"),
    ],
)
def test_words_doubled_by_a_slip_are_still_repetitions(text, wrong):
    assert any(wrong in text[h.start : h.end] for h in repetition.check(text))


def test_the_same_word_in_two_cells_of_a_table_is_no_repetition(proofreader):
    table = "| Lundi | Mardi |\n|---|---|\n| Repos | Repos |\n| Sortie | la la sortie |\n"
    source = f"Title: Essai\n\n{table}"
    found = proofreader.check_source("x.md", source)
    found = [f.text for f in found if f.category == "repetition"]
    assert found == ["la la"]


def test_a_word_back_in_a_dotted_name_is_no_repetition():
    assert repetition.check("J’ai lu le guide avec guide.fr en main.") == []
    found = repetition.check("J’ai lu le guide avec guide en main.")
    assert [h.rule for h in found] == ["répétition-proche"]


def test_an_english_phrase_in_italics_is_accepted_a_french_slip_in_italics_is_not(proofreader):
    assert _spelling(proofreader, "Ce sera un _one shot_, puis un *gut feeling*.") == []
    assert [f.text for f in _spelling(proofreader, "Ce sera *une idé* de plus.")] == ["idé"]


# Our own grammar rules misreading correct sentences of outside text (outside-blogs4):
# the same constructions in sentences of our own.
@pytest.mark.parametrize(
    "text",
    [
        # « nous »/« vous » before an auxiliary of another person: the object, and the
        # participle agrees with it (Grevisse, § 947).
        "Merci à ceux qui nous ont rejoints, nous ont aidés et soutenus.",
        "Les bénévoles vous ont accueillis, vous ont guidés jusqu’au stand.",
        # « ne … que » of restriction: the infinitive of the verb before it.
        "Je ne peux que vous recommander cette formation.",
        "On ne saurait que vous conseiller de venir tôt.",
        # participles sharing « ayant », an adverbial phrase before the first one
        "Peignez à 20 cm, en ayant au préalable secoué la bombe et testé sur du carton.",
        "Nous avons tout de suite vu le problème et corrigé la page.",
        # an adjective invariable in number after « son »: no plural
        "Il nous attend dans son vieux combi bleu.",
        "Elle a retrouvé son heureux caractère.",
        # « sur » is a preposition before the possessive
        "Ce rythme tient sur mes courtes distances du mardi.",
        # a demonstrative compound is no subject of « s’est »
        "Voilà, cette fois-ci c’est fait : je suis inscrit.",
        "Ce jour-là c’est dit, on signe.",
    ],
)
def test_correct_constructions_our_grammar_rules_once_misread(text):
    assert [
        (h.rule, text[h.start : h.end]) for h in grammar.check(text, use_grammalecte=False)
    ] == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Hier, nous avons aidés nos voisins.", "aidés"),
        ("Il faut que vous recommander ce site.", "recommander"),
        ("Le site et fermé depuis hier.", "et"),
        ("Les outils son indispensables.", "son"),
        ("Une offre simple mes efficace.", "mes"),
        ("Le client c’est plaint hier.", "c’est"),
    ],
)
def test_the_same_rules_still_find_the_mistakes_beside_them(text, wrong):
    found = grammar.check(text, use_grammalecte=False)
    assert wrong in [text[h.start : h.end] for h in found]


@pytest.mark.parametrize(
    "text",
    [
        # the familiar adverb of degree before an adjective
        "Bon allez, les jambes sont hyper bonnes, j’appuie.",
        "Les vidéos étaient super drôles.",
        # the infinitive after a preposition
        "J’ai contacté plusieurs courtiers pour voir différentes propositions.",
        # « à » closing a prepositional phrase
        "Rien n’a vraiment changé par rapport à avant.",
    ],
)
def test_grammalecte_misreadings_left_out(text):
    assert [(h.rule, text[h.start : h.end]) for h in grammar.check(text)] == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Les jambes sont bonnes, voir excellentes.", "voir"),
        ("Il à fini son travail.", "à"),
        ("Envoyez deux versions pour voire laquelle fonctionne.", "voire"),
        ("Ils sont arrivé hier.", "arrivé"),
    ],
)
def test_grammalecte_findings_beside_them_are_kept(text, wrong):
    assert wrong in [text[h.start : h.end] for h in grammar.check(text)]
