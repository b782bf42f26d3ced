"""Known mistakes (content/fautes-connues.json): old mistakes never stop publishing, new ones do.

Real strict builds of the site's content plus one old post, whose mistakes are recorded
with ``proofread.baseline.record`` as a WordPress importer would; then the CLI.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter

import pytest
from pelican.settings import read_settings

from cmcore.problems import ContentError
from proofread.baseline import Baseline, BaselineError, Entry, context_of, entry_of, record
from proofread.checker import Options, Proofreader
from proofread.cli import UsageError, run
from proofread.settings import default_lexicon_dir
from tests.conftest import ROOT, build_site, copy_content, warnings_said

OLD_POST = """Title: Souvenirs d'un vieux billet
Date: 2019-03-02 09:00
Author: Koffi Mensah

La publiccation de ce billet date de 2019, bien avant le nouveau site.

Nous parlions déjà de modérration et de patience avec les membres.

Un paragraphe sans faute sur la veille.
"""
NAME = "souvenirs.md"
BASELINE = "fautes-connues.json"


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("proofread-cache"))


def _overrides(cache) -> dict:
    # Grammar is covered by the corpus tests; the known mistakes do not depend on it.
    return {"PROOFREAD_CACHE_PATH": cache, "PROOFREAD_GRAMMAR": False}


def _old_site(tmp_path, cache):
    """The site's content plus the old post, its mistakes recorded as known."""
    content = copy_content(tmp_path)
    (content / BASELINE).unlink(missing_ok=True)  # the site's own, if it has one
    post = content / "conseils" / NAME
    post.write_text(OLD_POST, encoding="utf-8")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "CACHE_PATH": str(tmp_path / "cache"),
            **_overrides(cache),
        },
    )
    assert record(settings, [post]) == 2
    return content, post, settings


def _build(tmp_path, content, cache, strict=True):
    return build_site(
        tmp_path, content, CONTENT_STRICT=strict, SEARCH_INDEX=False, **_overrides(cache)
    )


def _entries(content) -> list[dict]:
    return json.loads((content / BASELINE).read_text(encoding="utf-8"))[f"conseils/{NAME}"]


def test_known_mistakes_do_not_stop_publishing(tmp_path, shared_cache, caplog):
    content, _post, _ = _old_site(tmp_path, shared_cache)
    assert {e["text"] for e in _entries(content)} == {"publiccation", "modérration"}
    site = _build(tmp_path, content, shared_cache)
    assert site.path("/souvenirs-dun-vieux-billet/").exists()
    said = warnings_said(caplog)
    assert [w for w in said if "fautes connues dans 1 fichier" in w], said
    assert not [w for w in said if "remarque" in w], said


def test_a_new_mistake_is_refused_and_named_alone(tmp_path, shared_cache):
    content, post, _ = _old_site(tmp_path, shared_cache)
    post.write_text(OLD_POST + "\nUne nouvelle erreure se glisse ici.\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        _build(tmp_path, content, shared_cache)
    (line,) = str(error.value).splitlines()
    assert re.search(rf"/conseils/{NAME}:11:14\u00a0: orthographe", line), line
    assert "erreure" in line


def test_editing_another_paragraph_keeps_them_known(tmp_path, shared_cache):
    content, post, _ = _old_site(tmp_path, shared_cache)
    edited = OLD_POST.replace(
        "Un paragraphe sans faute sur la veille.",
        "Un paragraphe réécrit, toujours sans faute, sur la veille et ses outils.",
    ).replace("Author: Koffi Mensah\n\n", "Author: Koffi Mensah\n\nUn chapeau ajouté en tête.\n\n")
    post.write_text(edited, encoding="utf-8")
    site = _build(tmp_path, content, shared_cache)  # a new finding would raise ContentError
    assert site.path("/souvenirs-dun-vieux-billet/").exists()


def test_a_known_mistake_moved_into_new_text_is_new(tmp_path, shared_cache):
    content, post, _ = _old_site(tmp_path, shared_cache)
    moved = OLD_POST.replace(
        "La publiccation de ce billet date de 2019, bien avant le nouveau site.",
        "Cette publiccation a été reprise en 2024 pour le nouveau blog.",
    )
    post.write_text(moved, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        _build(tmp_path, content, shared_cache)
    (line,) = str(error.value).splitlines()
    assert f"{NAME}:5:7\u00a0: orthographe" in line and "publiccation" in line


def test_development_build_counts_new_findings_apart(tmp_path, shared_cache, caplog):
    content, post, _ = _old_site(tmp_path, shared_cache)
    post.write_text(OLD_POST + "\nUne nouvelle erreure se glisse ici.\n", encoding="utf-8")
    _build(tmp_path, content, shared_cache, strict=False)
    said = warnings_said(caplog)
    (line,) = [w for w in said if NAME in w]
    assert "1 remarque de relecture (1 en orthographe," in line
    (known,) = [w for w in said if "fautes connues" in w]
    assert known.startswith("2 fautes connues dans 1 fichier (") and BASELINE in known


def test_record_is_idempotent(tmp_path, shared_cache):
    content, post, settings = _old_site(tmp_path, shared_cache)
    known = content / BASELINE
    before = known.stat()
    assert record(settings, [post]) == 2
    after = known.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    text = known.read_text(encoding="utf-8")
    assert text.endswith("}\n") and text.startswith('{\n  "conseils/')
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_record_refuses_a_source_outside_the_content(tmp_path, shared_cache):
    _content, _post, settings = _old_site(tmp_path, shared_cache)
    stray = tmp_path / "ailleurs.md"
    stray.write_text(OLD_POST, encoding="utf-8")
    with pytest.raises(BaselineError, match="hors du dossier du contenu"):
        record(settings, [stray])


# --- The command line ----------------------------------------------------------------------


def _cli_site(tmp_path, cache):
    """A site root of its own (the CLI reads ROOT/pelicanconf.py), with the old post."""
    (tmp_path / "pelicanconf.py").write_text(
        f'PATH = "content"\nPROOFREAD_GRAMMAR = False\nPROOFREAD_CACHE_PATH = {cache!r}\n',
        encoding="utf-8",
    )
    post = tmp_path / "content" / "conseils" / NAME
    post.parent.mkdir(parents=True)
    post.write_text(OLD_POST, encoding="utf-8")
    return post


def _run(root, paths=(), **options):
    out = io.StringIO()
    code = run([str(p) for p in paths], root, out=out, **options)
    return code, out.getvalue()


def test_cli_shows_known_mistakes_apart(tmp_path, shared_cache):
    post = _cli_site(tmp_path, shared_cache)
    code, out = _run(tmp_path, baseline=True)
    assert code == 0
    assert out.startswith("Fautes connues\u00a0: 2 enregistrées dans "), out
    code, out = _run(tmp_path, strict=True)
    assert code == 0, out  # only known mistakes: nothing blocks
    assert "publiccation" not in out
    assert f"{NAME}\u00a0: 2" in out.splitlines()[-1]
    assert "Fautes connues (" in out and "à corriger peu à peu\u00a0:" in out

    post.write_text(OLD_POST + "\nUne nouvelle erreure se glisse ici.\n", encoding="utf-8")
    code, out = _run(tmp_path, strict=True)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].endswith(f"{NAME}:11:14: orthographe\u00a0: «\u00a0erreure\u00a0» → erreur")
    assert "publiccation" not in out and "modérration" not in out
    (summary,) = [line for line in lines if line.startswith("Relecture")]
    assert summary.startswith("Relecture\u00a0: 1 remarque (1 en orthographe)\u202f; 2 fautes")
    assert lines[lines.index(summary) + 1].startswith("Fautes connues (")
    code, out = _run(tmp_path, fmt="json")
    flags = {f["line"]: f["baseline"] for f in json.loads(out) if not f["autofix"]}
    assert flags == {5: True, 7: True, 11: False}


def test_cli_baseline_drops_stale_entries(tmp_path, shared_cache):
    post = _cli_site(tmp_path, shared_cache)
    _run(tmp_path, baseline=True)
    post.write_text(OLD_POST.replace("modérration", "modération"), encoding="utf-8")
    code, out = _run(tmp_path)
    assert code == 0
    assert out.splitlines()[-1].startswith("1 entrée périmée dans ")
    code, out = _run(tmp_path, [post], baseline=True)
    assert code == 0
    assert "1 enregistrée" in out and "1 entrée périmée retirée" in out
    known = json.loads((tmp_path / "content" / BASELINE).read_text(encoding="utf-8"))
    assert [e["text"] for e in known[f"conseils/{NAME}"]] == ["publiccation"]


def test_cli_baseline_drops_entries_of_removed_sources(tmp_path, shared_cache):
    post = _cli_site(tmp_path, shared_cache)
    other = post.with_name("autre.md")
    other.write_text(OLD_POST, encoding="utf-8")
    _run(tmp_path, baseline=True)
    other.unlink()
    code, out = _run(tmp_path, baseline=True)
    assert code == 0 and "2 entrées périmées retirées" in out, out
    known = json.loads((tmp_path / "content" / BASELINE).read_text(encoding="utf-8"))
    assert list(known) == [f"conseils/{NAME}"]


def test_cli_says_when_the_baseline_is_broken(tmp_path, shared_cache):
    _cli_site(tmp_path, shared_cache)
    (tmp_path / "content" / BASELINE).write_text('{"conseils/x.md": [', encoding="utf-8")
    with pytest.raises(UsageError, match=r"fautes-connues\.json:1:\d+\u00a0: JSON illisible"):
        _run(tmp_path)


# --- The core: what recognises a finding ---------------------------------------------------


@pytest.fixture(scope="module")
def checker():
    return Proofreader(Options(grammar=False, lexicon_dir=default_lexicon_dir(), jobs=1))


def _known(checker, text: str) -> Baseline:
    findings = checker.check_source("x.md", text)
    baseline = Baseline()
    baseline.update({"x.md": findings}, ".")
    return baseline


def test_identical_findings_need_as_many_entries(checker):
    # A repeated word (« de de »): an unknown word is one finding per file, whatever
    # how often the file writes it (test below).
    sentence = "La publication de de programme est prête."
    once = _known(checker, f"Title: Essai\n\n{sentence}\n")
    twice = checker.check_source("x.md", f"Title: Essai\n\n{sentence}\n\n{sentence}\n")
    marked, stale = once.cover({"x.md": twice}, ".")
    assert [f.baseline for f in marked["x.md"]] == [True, False]
    assert stale == 0


def test_an_unknown_word_written_twice_is_one_known_mistake(checker):
    sentence = "La publiccation du programme est prête."
    once = _known(checker, f"Title: Essai\n\n{sentence}\n")
    twice = checker.check_source("x.md", f"Title: Essai\n\n{sentence}\n\n{sentence}\n")
    marked, stale = once.cover({"x.md": twice}, ".")
    assert [f.baseline for f in marked["x.md"]] == [True]
    assert stale == 0


def test_fingerprint_ignores_spacing_and_markup_but_not_words():
    text = "Il dit : la publiccation du programme est prête. Ensuite, rien."
    start = text.index("publiccation")
    end = start + len("publiccation")
    same = "Il dit\u00a0: la  publiccation du\nprogramme est **prête**. Autre phrase."
    other = "Il dit : une publiccation du programme est prête. Ensuite, rien."
    fingerprint = context_of(text, start, end)
    assert context_of(same, same.index("publ"), same.index("publ") + 12) == fingerprint
    assert context_of(other, other.index("publ"), other.index("publ") + 12) != fingerprint


def test_findings_carry_what_recognises_them(checker):
    (finding,) = checker.check_source("x.md", "Title: Essai\n\nUne publiccation.\n")
    entry = entry_of(finding)
    assert (entry.category, entry.text) == ("spelling", "publiccation")
    assert len(entry.context) == 16


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / BASELINE
    target.write_text("{}\n", encoding="utf-8")
    baseline = Baseline.load(target)
    baseline.entries["a.md"] = Counter([Entry("spelling", "orthographe", "publiccation", "0")])

    def full_disk(*_args):
        raise OSError("disque plein")

    monkeypatch.setattr("proofread.baseline.os.replace", full_disk)
    with pytest.raises(OSError):
        baseline.save(target)
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert [p.name for p in tmp_path.iterdir()] == [BASELINE]


def test_invoke_baseline_option_reaches_the_command(tmp_path):
    # A file outside content/: refused before anything is proofread or written.
    stray = tmp_path / "ailleurs.md"
    stray.write_text(OLD_POST, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "proofread", "--baseline", str(stray)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "hors du dossier du contenu" in result.stderr
