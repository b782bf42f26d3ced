"""The site learns its words: `invoke proofread --vocabulaire` and `--ajouter`."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys

import pytest

from proofread.cli import UsageError, run
from proofread.vocabulary import (
    SECTION_MARKER,
    VocabularyError,
    add_words,
    likely_typo,
    parse_words,
    sort_key,
)

from .conftest import ROOT

NNBSP = "\u202f"
# Made-up brand names (no French word is one letter away) and one real typo.
SOURCES = {
    "conseils/a.md": (
        "Title: Nos outils\n\n"
        "Nous publions avec kwiklo depuis un an.\n\n"
        "Le tableau de bord de kwiklo est clair, et zapbrik garde les visuels.\n"
    ),
    "conseils/b.md": "Title: Le bilan\n\nLe compte kwiklo a doublé cette année.\n",
    "conseils/c.md": (
        "Title: La semaine\n\n"
        "Publiccation du programme demain matin.\n\n"
        "Nous préparons la publiccation avec kwiklo.\n"
    ),
    "guides/d.md": (
        "Title: Le guide\n\nLa publiccation passe par kwiklo, puis par plouxo et zapbrik.\n"
    ),
    "guides/e.md": "Title: La suite\n\nOn relit avec plouxo avant chaque envoi.\n",
}
DICTIONARY = "# Le dictionnaire du site.\n# Lieux :\nlomé\nabidjan\n\ncommunity manager\n"


@pytest.fixture
def content(tmp_path):
    """A content folder with known unknown words and an author's dictionary."""
    folder = tmp_path / "content"
    for name, text in SOURCES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "dictionnaire.txt").write_text(DICTIONARY, encoding="utf-8")
    return folder


def _run(content, paths=(), stdin="", **options):
    out = io.StringIO()
    code = run(
        [str(p) for p in paths],
        ROOT,
        out=out,
        content_folder=str(content),
        stdin=io.StringIO(stdin),
        **options,
    )
    return code, out.getvalue()


def _vocabulary(content, paths=()):
    code, out = _run(content, paths, list_words=True, fmt="json")
    assert code == 0
    return json.loads(out)


def test_vocabulary_lists_words_by_frequency_with_files_and_lines(content):
    words = _vocabulary(content)
    assert [(w["word"], w["count"]) for w in words] == [
        ("kwiklo", 5),
        ("publiccation", 3),
        ("plouxo", 2),  # as frequent as zapbrik: alphabetical order
        ("zapbrik", 2),
    ]
    kwiklo = words[0]
    places = [(p["file"].split("/content/")[1], p["line"]) for p in kwiklo["places"]]
    assert places == [
        ("conseils/a.md", 3),
        ("conseils/a.md", 5),
        ("conseils/b.md", 3),
        ("conseils/c.md", 5),
        ("guides/d.md", 3),
    ]
    # The case variants of a word are counted with it, under the most frequent.
    assert words[1]["variants"] == ["Publiccation"]
    assert kwiklo["variants"] == []

    code, out = _run(content, list_words=True)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Mots inconnus du dictionnaire\u00a0: 4 mots, 12 occurrences")
    row = next(line for line in lines if "kwiklo  " in line)
    assert row.lstrip().startswith("5  kwiklo")
    # Three files named (the first line of the word in each), the others counted.
    a, b, c = (content / "conseils" / name for name in ("a.md", "b.md", "c.md"))
    assert row.endswith(f"{a}:3, {b}:3, {c}:5 et 1 autre")


def test_vocabulary_of_given_paths_only(content):
    words = _vocabulary(content, [content / "guides"])
    assert [(w["word"], w["count"]) for w in words] == [
        ("plouxo", 2),
        ("kwiklo", 1),
        ("publiccation", 1),
        ("zapbrik", 1),
    ]


def test_a_likely_typo_is_told_apart(content):
    words = {w["word"]: w for w in _vocabulary(content)}
    assert words["publiccation"]["likely_typo"] is True
    assert words["publiccation"]["suggestion"] == "publication"
    assert not any(words[w]["likely_typo"] for w in ("kwiklo", "plouxo", "zapbrik"))

    _code, out = _run(content, list_words=True)
    rows = {line.split()[1]: line for line in out.splitlines() if line[:3].strip().isdigit()}
    assert f"faute probable{NNBSP}?" in rows["publiccation"]
    assert "faute probable" not in rows["kwiklo"]
    # The ready-made command adds the brand names, never the likely typo.
    command = out.splitlines()[-1].strip()
    assert command.endswith("--ajouter kwiklo plouxo zapbrik")
    assert f"--content {content}" in command


def test_likely_typo_ignores_accents_and_case():
    assert likely_typo("publiccation", "publication")
    assert likely_typo("Evenement", "événement")
    assert not likely_typo("kwiklo", "kilo")
    assert not likely_typo("kwiklo", "")


def test_french_order_ignores_case_and_accents_first():
    words = ["zapbrik", "élagu", "Elagu", "elbor", "elagu", "Œuvre", "oeil"]
    assert sorted(words, key=sort_key) == [
        "elagu",
        "Elagu",
        "élagu",
        "elbor",
        "oeil",
        "Œuvre",
        "zapbrik",
    ]


def test_adding_keeps_the_author_lines_sorts_and_dedupes(tmp_path):
    path = tmp_path / "dictionnaire.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    entries = ["zapbrik", "élagu", "kwiklo", "lomé", "Kwiklo", "elbor", "social  listening"]
    addition = add_words(path, parse_words(entries), datetime.date(2024, 5, 2))
    assert addition.added == ("élagu", "elbor", "kwiklo", "Kwiklo", "social listening", "zapbrik")
    assert addition.present == ("lomé",)
    assert path.read_text(encoding="utf-8") == (
        DICTIONARY
        + "\n"
        + SECTION_MARKER
        + "\n# ajoutés le 2024-05-02\u00a0: 6 mots\n"
        + "élagu\nelbor\nkwiklo\nKwiklo\nsocial listening\nzapbrik\n"
    )

    # A second addition: one more dated line, the words merged in order, the author's
    # lines still untouched, already present words reported and not written twice.
    addition = add_words(path, ["plouxo", "kwiklo", "abidjan", "elagu"], datetime.date(2024, 6, 1))
    assert addition.added == ("elagu", "plouxo")
    assert addition.present == ("abidjan", "kwiklo")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(DICTIONARY + "\n" + SECTION_MARKER + "\n")
    assert text.split(SECTION_MARKER + "\n")[1] == (
        "# ajoutés le 2024-05-02\u00a0: 6 mots\n"
        "# ajoutés le 2024-06-01\u00a0: 2 mots\n"
        "elagu\nélagu\nelbor\nkwiklo\nKwiklo\nplouxo\nsocial listening\nzapbrik\n"
    )

    # Nothing new: the file is not rewritten (no dated line for nothing).
    before = path.stat().st_mtime_ns, text
    addition = add_words(path, ["plouxo", "community manager"], datetime.date(2024, 7, 1))
    assert addition.added == ()
    assert addition.present == ("community manager", "plouxo")
    assert (path.stat().st_mtime_ns, path.read_text(encoding="utf-8")) == before


def test_adding_to_a_missing_dictionary_creates_it(tmp_path):
    path = tmp_path / "dictionnaire.txt"
    add_words(path, ["kwiklo"], datetime.date(2024, 5, 2))
    assert path.read_text(encoding="utf-8") == (
        SECTION_MARKER + "\n# ajouté le 2024-05-02\u00a0: 1 mot\nkwiklo\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["dictionnaire.txt"]  # no temporary left


@pytest.mark.parametrize("entry", ["2024", "!!!", "a_b", "#tag", "mot.", "-mot", "l’", "c++"])
def test_what_cannot_be_a_word_is_refused(tmp_path, entry):
    path = tmp_path / "dictionnaire.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    with pytest.raises(VocabularyError, match="n’est pas un mot") as error:
        add_words(path, ["kwiklo", entry])
    assert f"«\u00a0{entry}\u00a0»" in str(error.value)
    assert path.read_text(encoding="utf-8") == DICTIONARY  # nothing written


def test_words_with_digits_hyphens_apostrophes_and_expressions_are_accepted(tmp_path):
    path = tmp_path / "dictionnaire.txt"
    entries = ["covid-19", "aujourd’hui", "d'abord", "web2day", "tik tok", "Côte-d’Ivoire"]
    assert add_words(path, entries).added


def test_words_come_from_commas_and_standard_input():
    stdin = io.StringIO("zapbrik\n# une remarque\n\nplouxo, elbor\n")
    assert parse_words(["kwiklo, social   listening", "-", "kwiklo"], stdin) == [
        "kwiklo",
        "social listening",
        "zapbrik",
        "plouxo",
        "elbor",
    ]


def test_added_words_are_no_longer_findings(content):
    code, out = _run(content, add=["kwiklo, zapbrik", "-"], stdin="plouxo\n")
    assert code == 0
    assert out.splitlines()[0].startswith(
        "3 mots ajoutés à " + str(content / "dictionnaire.txt") + "\u00a0: kwiklo, plouxo, zapbrik"
    )
    assert [w["word"] for w in _vocabulary(content)] == ["publiccation"]
    code, out = _run(content, fmt="json")
    spelled = [f["message"] for f in json.loads(out) if f["category"] == "spelling"]
    assert spelled and all("publiccation" in message.lower() for message in spelled)

    code, out = _run(content, add=["kwiklo"])
    assert code == 0 and "Déjà présent\u00a0: kwiklo." in out


def test_bad_combinations_are_usage_errors(content):
    with pytest.raises(UsageError, match="l’un ou l’autre"):
        _run(content, list_words=True, add=["kwiklo"])
    with pytest.raises(UsageError, match="text ou json"):
        _run(content, list_words=True, fmt="html")
    with pytest.raises(UsageError, match="aucun mot"):
        _run(content, add=[" , "])
    with pytest.raises(UsageError, match="pas un mot"):
        _run(content, add=["2024"])


def _invoke(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )


def test_invoke_command_line(content):
    folder = str(content)
    # Several words after --ajouter, a comma-separated list, standard input with « - »,
    # and a word that is also a folder of the project (« content »): all words.
    result = _invoke(
        "proofread",
        "--content",
        folder,
        "--ajouter",
        "kwiklo",
        "zapbrik,plouxo",
        "content",
        "-",
        stdin="elbor\n",
    )
    assert result.returncode == 0, result.stderr
    assert "5 mots ajoutés" in result.stdout
    section = (content / "dictionnaire.txt").read_text(encoding="utf-8").split(SECTION_MARKER)[1]
    assert section.splitlines()[2:] == ["content", "elbor", "kwiklo", "plouxo", "zapbrik"]

    result = _invoke("proofread", "--vocabulaire", "--content", folder, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [w["word"] for w in json.loads(result.stdout)] == ["publiccation"]

    result = _invoke("proofread", "-c", folder, "-v", str(content / "guides"))
    assert result.returncode == 0, result.stderr
    assert "1 mot, 1 occurrence dans 1 fichier (sur 2 relus)" in result.stdout

    result = _invoke("proofread", "--content", folder, "--ajouter", "2024")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("erreur\u00a0: «\u00a02024\u00a0» n’est pas un mot")


def test_invoke_help_documents_the_syntax():
    result = _invoke("--help", "proofread")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "-v, --vocabulaire" in text and "-a, --ajouter" in text
    assert "--ajouter MOT [MOT ...]" in text and "--ajouter -" in text
