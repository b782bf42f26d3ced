"""Grammalecte's pass on new paragraphs may end after a development build: its findings are
never lost (the next build has them), a strict build always waits for them, and files a
build did not check again are told in one line."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmcore.problems import ContentError
from cmcore.waiting import start_all
from devserver.server import DevServer
from proofread.background import Background
from proofread.options import Options
from proofread.proofread import grammar_in_progress
from proofread.settings import default_lexicon_dir
from tests.conftest import build_site, copy_content, free_port, plain, warnings_said

# Only Grammalecte sees it (our own rules do not): it comes with the deferred pass.
# A mistake only Grammalecte's (deferred) pass finds: the fast pass of our own rules
# catches « nous avons publiés » since the participle rules of moods.check_classes.
MISTAKE = "Les articles, nous les avons publié ce mois-ci."


def _article(paragraphs: int) -> str:
    """A long clean article (an imported one), the mistake in its last paragraph."""
    body = "\n\n".join(
        f"Le conseil numéro {n} de ce guide montre comment préparer une publication "
        f"claire pour la communauté, étape {n} après étape."
        for n in range(1, paragraphs + 1)
    )
    return f"Title: Un long guide\nDate: 2026-11-02 09:00\n\n{body}\n\n{MISTAKE}\n"


def _resident_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _messages(findings) -> list[str]:
    return [f.message for f in findings if f.category == "grammar"]


def test_grammar_findings_left_for_later_come_with_the_next_run(tmp_path):
    source = tmp_path / "guide.md"
    source.write_text(_article(300), encoding="utf-8")
    options = Options(cache_dir=str(tmp_path / "cache"), lexicon_dir=default_lexicon_dir())

    first = Background(options, [str(source)], defer_grammar=True)
    outcome = first.result(wait_for_grammar=False)
    grammar = _messages(outcome.findings[str(source)])
    # Either Grammalecte was done in time, or the build is told its pass goes on.
    assert grammar or (outcome.pending and first.detached)
    start_all()  # this process lives on: the held pass starts now, as in the dev server
    first.process.wait(timeout=120)

    second = Background(options, [str(source)], defer_grammar=True)
    again = second.result(wait_for_grammar=False)
    assert again.pending == 0
    # The file is unchanged: its findings are counted, not sent (after a cold build, a
    # whole site's), and read from the cache when needed (the preview, invoke proofread).
    assert str(source) not in again.findings
    assert (str(source) in again.told_now) == (not grammar)
    assert any("participe passé" in m for m in _messages(again.load(str(source))))

    # Told once: the next run counts the unchanged file without reading it again.
    third = Background(options, [str(source)], defer_grammar=True).result(wait_for_grammar=False)
    assert str(source) not in third.findings
    assert any("participe passé" in m for m in _messages(third.load(str(source))))


def test_a_long_grammar_pass_waits_for_the_build_to_end(tmp_path):
    # An imported article: its Grammalecte pass would take the build's processor and add
    # its memory to the build's. The child holds it until the build lets go: here a build
    # that waits for grammar (GO); a build that does not closes the pipe at its end.
    source = tmp_path / "guide.md"
    source.write_text(_article(300), encoding="utf-8")
    options = Options(cache_dir=str(tmp_path / "cache"), lexicon_dir=default_lexicon_dir())
    run = Background(options, [str(source)], defer_grammar=True)
    folder = Path(run._folder.name)
    deadline = time.monotonic() + 60
    while not (folder / "result-1.json").exists():
        assert time.monotonic() < deadline, "pas de première réponse en 60 s"
        time.sleep(0.05)
    time.sleep(3)  # the whole pass takes about a second on this machine
    assert run.process.poll() is None
    assert not (folder / "result-2.json").exists()
    children = Path(f"/proc/{run.process.pid}/task/{run.process.pid}/children").read_text()
    assert not children.split()  # no Grammalecte worker beside the build
    # Nor the dictionaries and findings of the first pass, nor Python: the child waits as
    # a shell (2 MB here; a Python waiting, 18 MB; the first pass's process, 58 MB).
    assert _resident_mb(run.process.pid) < 5
    outcome = run.result(wait_for_grammar=True)
    assert outcome.pending == 0 and not run.detached
    assert any("participe passé" in m for m in _messages(outcome.findings[str(source)]))
    # What the held pass read was its own, and is gone with the answer's folder.
    assert sorted(p.name for p in Path(options.cache_dir).iterdir() if p.is_dir()) == []


def test_an_edits_grammar_pass_waits_for_the_build_too(tmp_path):
    # An edit: one new paragraph. Grammalecte's engine alone (some 85 MB) weighs more than
    # a bare Pelican build of 1,000 articles: it never runs beside a build, not even for
    # one paragraph. The build takes the first answer without waiting; Grammalecte's
    # findings come once the build has let go, and the next run has them.
    source = tmp_path / "billet.md"
    source.write_text(f"Title: Un billet\nDate: 2026-11-02 09:00\n\n{MISTAKE}\n", encoding="utf-8")
    options = Options(cache_dir=str(tmp_path / "cache"), lexicon_dir=default_lexicon_dir())
    run = Background(options, [str(source)], defer_grammar=True)
    folder = Path(run._folder.name)
    deadline = time.monotonic() + 60
    while not (folder / "result-1.json").exists():
        assert time.monotonic() < deadline, "pas de première réponse en 60 s"
        time.sleep(0.05)
    time.sleep(1.5)  # Grammalecte on one paragraph takes well under a second
    assert not (folder / "result-2.json").exists()
    assert _resident_mb(run.process.pid) < 5  # waiting as a shell, no engine loaded
    started = time.monotonic()
    outcome = run.result(wait_for_grammar=False)
    assert time.monotonic() - started < 0.2  # the build does not wait for Grammalecte
    assert run.detached and outcome.pending > 0
    assert not any("participe passé" in m for m in _messages(outcome.findings[str(source)]))
    start_all()  # this process lives on: the held pass starts now, as in the dev server
    run.process.wait(timeout=60)

    again = Background(options, [str(source)], defer_grammar=True).result(wait_for_grammar=False)
    assert again.pending == 0
    assert any("participe passé" in m for m in _messages(again.load(str(source))))


def test_strict_build_waits_for_grammalecte(tmp_path):
    content = copy_content(tmp_path)
    (content / "conseils" / "guide.md").write_text(_article(300), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        build_site(tmp_path, content, CONTENT_STRICT=True)
    assert "participe passé" in str(error.value)
    assert "guide.md" in str(error.value)


def test_unchanged_files_are_told_in_one_line(tmp_path, caplog, capsys):
    content = copy_content(tmp_path)
    for name in ("un", "deux"):
        (content / "conseils" / f"{name}.md").write_text(
            f"Title: Article {name}\nDate: 2026-11-02 09:00\n\nUne publiccation bâclée.\n",
            encoding="utf-8",
        )
    overrides = {"PROOFREAD_GRAMMAR": False, "PROOFREAD_CACHE_PATH": str(tmp_path / "relecture")}
    build_site(tmp_path, content, **overrides)
    first = warnings_said(caplog)
    assert sum("remarque de relecture (1 en orthographe)" in w for w in first) == 2, first
    caplog.clear()

    (content / "conseils" / "un.md").write_text(
        "Title: Article un\nDate: 2026-11-02 09:00\n\nUne publication corrigée, deux "
        "autres fauttes, vraiement.\n",
        encoding="utf-8",
    )
    build_site(tmp_path, content, **overrides)
    second = warnings_said(caplog)
    assert any("un.md : 2 remarques de relecture (2 en orthographe)" in w for w in second), second
    assert not any("deux.md" in w for w in second), second
    assert any(
        "1 remarque de relecture (1 en orthographe) dans 1 autre fichier, inchangé" in w
        for w in second
    ), second
    assert "arrière-plan" not in plain(capsys.readouterr().out)  # grammar is off


def test_what_the_grammar_pass_found_after_a_build_is_told_in_one_line(tmp_path, caplog):
    # A site imported at once: the first build leaves Grammalecte's pass running; the
    # next build counts what it found, in one line, without reading every file.
    content = copy_content(tmp_path)
    for name in ("un", "deux", "trois"):
        text = _article(1200).replace("Un long guide", f"Un long guide, tome {name}")
        (content / "conseils" / f"{name}.md").write_text(text, encoding="utf-8")
    overrides = {"PROOFREAD_CACHE_PATH": str(tmp_path / "relecture")}
    build_site(tmp_path, content, **overrides)
    start_all()  # this process lives on: the held pass starts now, as in the dev server
    running = grammar_in_progress()
    assert running is not None, "la relecture grammaticale a fini pendant la construction"
    running.wait(timeout=300)
    caplog.clear()

    build_site(tmp_path, content, **overrides)
    said = warnings_said(caplog)
    later = [w for w in said if w.startswith("Relecture grammaticale en arrière-plan terminée")]
    assert len(later) == 1, said
    assert "(3 en grammaire)" in later[0] and "dans 3 fichiers" in later[0], later
    assert not any(f"{name}.md" in w for w in said for name in ("un", "deux", "trois")), said
    caplog.clear()

    # Told once: the next build counts them with the other unchanged files.
    build_site(tmp_path, content, **overrides)
    said = warnings_said(caplog)
    assert not any(w.startswith("Relecture grammaticale") for w in said), said
    assert any("inchangés depuis la construction" in w for w in said), said


def test_dev_server_builds_again_when_the_grammar_pass_ends(tmp_path):
    builds = []
    passes = [subprocess.Popen(["sleep", "0.5"])]
    server = DevServer(
        lambda: builds.append(time.monotonic()),
        tmp_path / "output",
        [],
        port=free_port(),
        follow_up=lambda: passes.pop() if passes else None,
    )
    try:
        server.rebuild()
        assert len(builds) == 1
        deadline = time.monotonic() + 10
        while len(builds) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(builds) == 2
        assert builds[1] - builds[0] >= 0.4  # after the pass, not at once
        time.sleep(0.5)
        assert len(builds) == 2  # the build that follows does not chain another
    finally:
        server.stop()


def test_a_build_stops_its_own_grammar_pass_never_another_projects(tmp_path):
    from proofread.background import PID_FILE, _stop_previous

    original, copy = tmp_path / "blog" / "cache", tmp_path / "blog-essai" / "cache"
    folder = original / "relecture-abc"
    folder.mkdir(parents=True)
    copy.mkdir(parents=True)
    # A process whose fifth argument is its run's folder, as the grammar pass's is
    # (python -m proofread.background REQUEST FOLDER [--held]).
    sleep = [sys.executable, "-c", "import time; time.sleep(60)"]
    running = subprocess.Popen([*sleep, str(folder / "request.json"), str(folder), "--held"])
    try:
        record = f"{running.pid}\nrelecture-abc"
        (original / PID_FILE).write_text(record, encoding="utf-8")
        (copy / PID_FILE).write_text(record, encoding="utf-8")  # cp -a of the project
        _stop_previous(str(copy))
        time.sleep(0.3)
        assert running.poll() is None  # the copy's build leaves the original's pass alone
        _stop_previous(str(original))
        assert running.wait(timeout=10) == -signal.SIGTERM
    finally:
        running.kill()
