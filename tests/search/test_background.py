"""The search index of a development build: written after the build, never during it."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import time
from pathlib import Path

from cmcore.waiting import start_all
from search.index import index_lock, index_site
from tests.conftest import ROOT, build_site


def _wait_for_index(output: Path, timeout: float = 60) -> dict:
    entry = output / "pagefind" / "pagefind-entry.json"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if entry.is_file():
            try:
                return json.loads(entry.read_text(encoding="utf-8"))
            except ValueError:  # being written
                pass
        time.sleep(0.2)
    raise AssertionError(f"pas d’index de recherche dans {output} après {timeout} s")


def test_the_index_follows_the_end_of_the_build_process(tmp_path):
    output = tmp_path / "output"
    code = (
        "import sys; from sitebuild import SETTINGS_DEV, run_pelican; "
        f"code = run_pelican(SETTINGS_DEV, OUTPUT_PATH={str(output)!r}, "
        f"CACHE_PATH={str(tmp_path / 'cache')!r}, SEARCH_INDEX='background', "
        "PROOFREAD_ENABLED=False); "
        "print('fin du build', flush=True); sys.stdin.read(); sys.exit(code)"
    )
    build = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        encoding="utf-8",
    )
    try:
        said = [build.stdout.readline() for _ in range(2)]
        assert said[-1] == "fin du build\n", said
        assert (output / "index.html").is_file()
        # The build is over but its process lives on: its memory is still taken, so
        # Pagefind waits instead of adding its own on top.
        time.sleep(2)
        assert not (output / "pagefind").exists()
    finally:
        build.stdin.close()
        assert build.wait(timeout=30) == 0
    assert "fr" in _wait_for_index(output)["languages"]


def test_a_process_that_lives_on_lets_the_index_start_at_once(tmp_path):
    site = build_site(tmp_path, SEARCH_INDEX=False, PROOFREAD_ENABLED=False)
    index_site(site.output, background=True)
    time.sleep(1)
    assert not (site.output / "pagefind").exists()
    start_all()  # what the dev server does after each build
    assert "fr" in _wait_for_index(site.output)["languages"]


def test_indexers_of_one_site_take_turns(tmp_path):
    site = build_site(tmp_path, SEARCH_INDEX=False, PROOFREAD_ENABLED=False)
    with open(index_lock(site.output), "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # an indexing of this site is under way
        index_site(site.output, background=True)
        start_all()
        time.sleep(2)
        assert not (site.output / "pagefind").exists()
    # The lock is released when the file closes: the waiting indexer goes ahead.
    assert "fr" in _wait_for_index(site.output)["languages"]
