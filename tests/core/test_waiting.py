"""Work that follows a build starts once the build's process is gone, or at its word."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from tests.conftest import ROOT

# A build: starts the work (which writes whether its parent was still the build when it
# began), then lets go of the pipe as its interpreter would while winding down, and lives
# on for a while.
BUILD = """
import os, subprocess, sys, time
sys.path.insert(0, {lib!r})
from cmcore.waiting import GO, after_build
marker, say_go, lives_on = sys.argv[1], sys.argv[2] == "go", float(sys.argv[3])
record = "import os, sys; open(sys.argv[1], 'w').write(str(os.getppid() == int(sys.argv[2])))"
work = subprocess.Popen(
    after_build([sys.executable, "-c", record, marker, str(os.getpid())]),
    stdin=subprocess.PIPE,
)
if say_go:
    work.stdin.write((GO + "\\n").encode())
work.stdin.close()
time.sleep(lives_on)
"""


def _build(tmp_path, say_go: str, lives_on: float) -> tuple[str, float]:
    marker = tmp_path / "started"
    script = textwrap.dedent(BUILD.format(lib=str(ROOT / "lib")))
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", script, str(marker), say_go, str(lives_on)], check=True)
    ended = time.monotonic() - started
    deadline = time.monotonic() + 10
    while not marker.exists() or not marker.read_text():
        assert time.monotonic() < deadline, "le travail n’a pas démarré"
        time.sleep(0.02)
    return marker.read_text(), ended


def test_the_work_starts_after_the_build_is_gone(tmp_path):
    # The pipe closed 0.4 s before the build's end: the work waited for that end.
    began_under_the_build, _ = _build(tmp_path, "end", 0.4)
    assert began_under_the_build == "False"


def test_the_build_says_go_and_the_work_starts_at_once(tmp_path):
    began_under_the_build, _ = _build(tmp_path, "go", 3)
    assert began_under_the_build == "True"


def test_a_process_that_lives_on_without_a_word_is_waited_for_a_second_only(tmp_path):
    began_under_the_build, _ = _build(tmp_path, "end", 4)
    assert began_under_the_build == "True"
