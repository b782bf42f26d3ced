"""Unit tests of the pure core: source mapping, spelling, repetition, typography, cache."""

from __future__ import annotations

import json
import os
import time

from proofread import repetition, report, typography
from proofread.cache import Cache
from proofread.checker import Options, Proofreader, apply_edits
from proofread.finding import JSON_FIELDS, from_record, to_record
from proofread.proofread import FindingProblem
from proofread.settings import default_lexicon_dir
from proofread.source import PLACEHOLDER, parse

from .conftest import check


def _texts(source: str) -> list[str]:
    return [s.text for s in parse(source).segments]


def test_source_skips_code_urls_tags_and_metadata_keys():
    source = (
        "Title: Un titre\nSlug: pas-vérifié\nSummary: Un résumé\n\n"
        "Voir `codde` et https://exemple.fr/pubication ou moi@exemple.fr.\n\n"
        "```\nfautte dans le code\n```\n\n"
        "Un [lien](https://x.fr/erreurr) et ![texte alternatif](img.png).\n\n"
        "    code indentté\n\n"
        '<span lang="en">Hello world</span> fin.\n'
    )
    texts = _texts(source)
    joined = "\n".join(texts)
    assert "Un titre" in texts and "Un résumé" in texts
    assert "pas-vérifié" not in joined and "Slug" not in joined
    for absent in ("codde", "pubication", "exemple.fr", "fautte", "erreurr", "indentté", "Hello"):
        assert absent not in joined
    assert "texte alternatif" in texts
    assert PLACEHOLDER in joined


def test_source_offsets_point_into_the_file():
    source = "Title: T\n\n## Un *titre* ici\n\n- premier **point**\n  suite\n"
    document = parse(source)
    for segment in document.segments:
        for index, char in enumerate(segment.text):
            if char not in ("\n", PLACEHOLDER):
                assert source[segment.offsets[index]] == char


def test_ignore_directives_and_metadata(proofreader):
    body = (
        "<!-- proofread: ignore -->\nUne fotte ignorée.\n\nUne autre fotte.\n\n"
        "Un mot zorglub permis.\n"
    )
    findings = check(proofreader, body, "Title: T\nProofread-Ignore: zorglub\n\n")
    assert [(f.line, f.excerpt) for f in findings if f.category == "spelling"] == [
        (7, "Une autre fotte.")
    ]


def test_lang_metadata_skips_the_file(proofreader):
    assert (
        check(proofreader, "This is an English post with no mistaek.\n", "Title: T\nLang: en\n\n")
        == []
    )


def test_spelling_knows_what_a_french_blog_writes(speller):
    text = (
        "Aujourd’hui, jusqu’à 20 h, l’AMAP et la PAC, LinkedIn, @koffi_m et #CM2024 : "
        "c’est-à-dire, a-t-il dit, peut-être le XXIe siècle, Aïcha Diallo à Abidjan, "
        "le blog, le web et internet."
    )
    assert speller.check(text) == []


def test_spelling_finds_broken_and_glued_words(speller):
    rules = {h.rule: h.suggestions[0] for h in speller.check("La commu-nauté des réseauxsociaux.")}
    assert rules == {"mot-coupé": "communauté", "mots-collés": "réseaux sociaux"}
    (hit,) = speller.check("Une modéra tion lente.")
    assert hit.suggestions == ("modération",)


def test_site_dictionary_accepts_words(speller, proofreader):
    assert speller.check("Un afterwork entre community managers.") == []
    assert proofreader.site_words >= {"afterwork", "community", "manager"}


def test_repetition():
    assert [h.rule for h in repetition.check("Le groupe de de discussion.")] == ["mot-répété"]
    assert [h.rule for h in repetition.check("Il est aussi est parti.")] == ["répétition-proche"]
    assert repetition.check("Nous nous levons ; petit à petit, de plus en plus.") == []
    assert repetition.check("La page la plus lue.") == []


def test_typography_detection_marks_autofix():
    hits = {h.rule: h.autofix for h in typography.check('Bonjour! Il dit "oui"... l\'équipe')}
    assert hits == {
        "espace-manquante": True,
        "guillemets": True,
        "points-de-suspension": True,
        "apostrophe": True,
    }
    blocking = typography.check("Fin. ensuite les marques,les médias.")
    assert {h.rule for h in blocking} == {"majuscule", "espace-après"}
    assert not any(h.autofix for h in blocking)


def test_typography_accepts_french_spaces_and_abbreviations():
    text = "Voici\u00a0: «\u00a0oui\u00a0» ; non\u202f! etc. et le 10:30 ; p. ex. ceci."
    rules = [h.rule for h in typography.check(text.replace(" ;", "\u202f;"))]
    assert rules == []


def test_fix_html_french_spaces():
    html = "<p>Bonjour ! Il dit: \"c'est l'heure\"...</p>"
    assert typography.fix_html(html) == (
        "<p>Bonjour\u202f! Il dit\u00a0: «\u00a0c’est l’heure\u00a0»…</p>"
    )


def test_fix_html_never_touches_code_attributes_urls():
    html = (
        '<p title="a: b ! l\'x"><a href="https://x.fr/?a=1;b">l\'<em>été</em></a> '
        "<code>a: b; l'x</code> https://y.fr/a:b;c! &amp; fin</p><pre>x ! 'y'</pre>"
        '<script>if (a) { b(); }</script><p lang="en">Hello! It\'s me: ok</p>'
    )
    fixed = typography.fix_html(html)
    for kept in (
        'title="a: b ! l\'x"',
        'href="https://x.fr/?a=1;b"',
        "<code>a: b; l'x</code>",
        "https://y.fr/a:b;c!",
        "<pre>x ! 'y'</pre>",
        "<script>if (a) { b(); }</script>",
        "Hello! It's me: ok",
        "&amp;",
    ):
        assert kept in fixed
    assert "l’<em>été</em>" in fixed


def test_apply_edits_changes_only_typography(proofreader):
    source = "Title: T\n\nBonjour! L'équipe `a:b` dit: oui...\n"
    findings = proofreader.check_source("t.md", source)
    fixed = apply_edits(source, findings)
    assert fixed == "Title: T\n\nBonjour\u202f! L’équipe `a:b` dit\u00a0: oui…\n"
    assert apply_edits(fixed, proofreader.check_source("t.md", fixed)) == fixed


def test_cache_round_trip(tmp_path):
    cache = Cache(tmp_path)
    cache.put("k", [1, "é"])
    cache.close()
    assert Cache(tmp_path).get("k") == [1, "é"]
    assert Cache(tmp_path).get("absent") is None


def test_a_finding_survives_its_record_and_the_cli_sees_the_contract(proofreader):
    source = "Title: T\n\nUne publiccation bâclée. Bonjour! Voilà...\n"
    findings = proofreader.check_source("t.md", source)
    assert any(f.edit for f in findings) and any(f.context for f in findings)
    for finding in findings:
        back = from_record(json.loads(json.dumps(to_record(finding, full=True))))
        assert back == finding
        assert (back.offset, back.edit, back.text, back.context) == (
            finding.offset,
            finding.edit,
            finding.text,
            finding.context,
        )
        assert tuple(to_record(finding)) == JSON_FIELDS


def test_a_strict_build_says_the_finding_as_the_text_report_does(proofreader):
    source = "Title: T\n\nUne publiccation bâclée.\n"
    (finding,) = [f for f in proofreader.check_source("t.md", source) if f.blocking]
    line = report.text_line(finding)
    assert line == f"t.md:{finding.line}:{finding.column}: {report.message(finding)}"
    problem = FindingProblem("t.md", finding.line, report.message(finding), finding.column)
    assert str(problem) == f"t.md:3:5\u00a0: {report.message(finding)}"
    assert report.message(finding).startswith("orthographe\u00a0: ")


def test_a_paragraph_in_english_is_not_proofread_in_french():
    from proofread.language import looks_foreign

    english = (
        "Donations of time (to develop new packages, maintain existing packages, or provide "
        "user support) are always welcome."
    )
    assert looks_foreign(english)
    assert not looks_foreign("Le community manager lit « the » et « of » dans une citation.")
    assert not looks_foreign("Une communauté se construit avec le temps et la patience.")


def test_an_english_paragraph_in_an_article_gives_no_finding(proofreader):
    body = (
        "Voici ce que dit la documentation, en anglais :\n\n"
        "This is the version currently under development; it is updated continuously "
        "and you can retrieve it from the archive.\n\n"
        "Une phrase française avec une fôte.\n"
    )
    found = [f for f in check(proofreader, body) if not f.autofix]
    assert [f.line for f in found] == [7]
    assert "fôte" in found[0].message


def _blocking(proofreader, body: str) -> list[tuple[str, str]]:
    """(rule, flagged text) of each blocking finding of ``body``."""
    source = "Title: Essai\n\n" + body
    lines = source.splitlines()
    return [
        (f.rule, lines[f.line - 1][f.column - 1 : f.end_column - 1])
        for f in check(proofreader, body)
        if not f.autofix
    ]


def test_outside_blog_text_is_not_nagged(proofreader):
    # Each line was a false alarm on French blog text nobody on the team wrote.
    body = (
        "Une stratégie social media repose sur l’indicateur clé du livetweet.\n\n"
        "Suivez les comptes scoop.it et evoque.io, ou Beats by Dre (machine to machine).\n\n"
        "Elle apparait surement ici, c’est le renouvèlement des chapôs.\n\n"
        "Une stratégie marketing vers la destination soleil, et le e-commerce aussi.\n\n"
        "Heuuu, voir anc. art. 12 du code ; nos salarié·e·s sont heureux·ses.\n\n"
        "Pour ce faire, lisez la valeur de ce titre. La relation client compte.\n\n"
        "Quel que soit le temps ou les moyens dont vous disposez, commencez.\n"
    )
    assert _blocking(proofreader, body) == []


def test_the_same_rules_still_catch_mistakes(proofreader):
    body = (
        "Les client attendent une réponse.\n\n"  # jargon phrases do not silence grammar
        "Il faut ce lancer sans attendre.\n\n"  # « ce » before a pronominal infinitive
        "Une publiccation bâclée sur scoop.it.\n\n"  # a domain name hides nothing else
        "La communautée grandit.\n\n"
        "Prévenez-nous le jour ou les membres arrivent.\n"  # « ou » then a clause
    )
    flagged = {text for _, text in _blocking(proofreader, body)}
    assert {"client", "ce", "publiccation", "communautée", "ou"} <= flagged


def test_a_source_removed_before_it_is_read_has_no_findings(proofreader, tmp_path):
    # A rename while the dev server builds: the old path is gone when the proofreader reads.
    kept = tmp_path / "garde.md"
    kept.write_text("Title: Garde\n\nUne publiccation.\n", encoding="utf-8")
    gone = tmp_path / "parti.md"
    results = proofreader.check_files([str(kept), str(gone)])
    assert results[str(gone)] == []
    spelling = [f for f in results[str(kept)] if f.category == "spelling"]
    assert [(f.line, f.column, f.suggestions[0]) for f in spelling] == [(3, 5, "publication")]


def _age(path, seconds: int) -> None:
    """Give the file a modification time ``seconds`` ago (its change time stays now)."""
    then = time.time_ns() - seconds * 1_000_000_000
    os.utime(path, ns=(then, then))


def test_unchanged_files_are_not_read_again_and_any_write_is_seen(tmp_path, monkeypatch):
    from proofread import checker

    source = tmp_path / "article.md"
    source.write_text("Title: Essai\n\nUne publication soignée.\n", encoding="utf-8")
    _age(source, 3600)
    options = Options(lexicon_dir=default_lexicon_dir(), cache_dir=str(tmp_path / "cache"))
    reads = []
    real = checker._read
    monkeypatch.setattr(checker, "_read", lambda path: reads.append(path) or real(path))

    def run() -> tuple[list, bool]:
        """The findings, and whether the source was read."""
        reads.clear()
        proofreader = Proofreader(options)
        try:
            return proofreader.check_files([str(source)])[str(source)], bool(reads)
        finally:
            proofreader.close()

    # Written a moment ago (its change time is now): it may change again within the same
    # clock tick, so it is read at every run.
    assert run() == ([], True) and run() == ([], True)
    # Settled (as two seconds later): read once more, then known by its stat alone.
    monkeypatch.setattr(checker, "SETTLED_NS", 0)
    assert run() == ([], True) and run() == ([], False)
    # Same size, same modification time, a typo: only the change time tells, and it does.
    source.write_text("Title: Essai\n\nUne publiccation soignée\n", encoding="utf-8")
    _age(source, 3600)
    found, read = run()
    assert read
    assert [f.suggestions[0] for f in found if f.category == "spelling"] == ["publication"]
