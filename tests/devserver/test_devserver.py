"""`make serve` as the author uses it: save a file, see the page change in the browser."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT, copy_content, free_port

ARTICLE = "conseils/trolls.md"
URL = "/repondre-a-un-troll-sans-perdre-son-calme/"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@contextlib.contextmanager
def running_server(tmp_path, content, **overrides):
    """``tasks.dev_server`` as ``make serve`` runs it; yields its address and its log."""
    port = free_port()
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "SEARCH_INDEX": False,
        **overrides,
    }
    arguments = ", ".join(f"{key}={value!r}" for key, value in settings.items())
    code = f"import tasks; tasks.dev_server({port}, {arguments})"
    log = (tmp_path / "server.log").open("w", encoding="utf-8")
    temporary = tmp_path / "tmp"  # the server's own temporary folder, checked at the end
    temporary.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        # PYTHONUTF8: its French lines, whatever the locale.
        env={**os.environ, "PYTHONUTF8": "1", "TMPDIR": str(temporary)},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail((tmp_path / "server.log").read_text(encoding="utf-8"))
        try:
            _get(base + "/")
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield base, tmp_path / "server.log"
    finally:
        server.terminate()  # SIGTERM, as `kill` sends it
        server.wait(timeout=10)
        log.close()
    # Stopped by SIGTERM, the server stopped its builds' proofreaders and removed their
    # files, even those of a build that failed.
    assert not list(temporary.glob("relecture-*")), (tmp_path / "server.log").read_text("utf-8")


@pytest.fixture
def dev_server(tmp_path):
    """The dev server on a copy of the content."""
    content = copy_content(tmp_path)
    with running_server(tmp_path, content) as (base, log):
        yield base, content, log


def _wait_for(check, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "rien n’a changé à temps"
        time.sleep(0.05)


def test_saving_an_article_updates_the_open_page_by_itself(dev_server, page):
    base, content, _ = dev_server
    page.goto(base + URL)
    heading = page.locator("h1").inner_text()
    source = content / ARTICLE
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.rstrip("\n") + "\n\nUne phrase ajoutée pendant la relecture.\n", encoding="utf-8"
    )
    # No reload by hand: the page reloads itself once the build has finished.
    page.wait_for_function(
        "document.body.innerText.includes('Une phrase ajoutée pendant la relecture.')",
        timeout=30_000,
    )
    assert page.locator("h1").inner_text() == heading
    assert page.errors == []


def test_pages_are_served_fresh_with_the_reload_script_and_a_french_404(dev_server):
    base, _, _ = dev_server
    with urllib.request.urlopen(base + URL, timeout=5) as answer:
        assert answer.headers["Cache-Control"] == "no-store"
        assert '<script src="/__rechargement.js" defer></script></body>' in answer.read().decode()
    status, body = _get(base + "/cette-page-n-existe-pas/")
    assert status == 404 and "introuvable" in body.lower()
    # Other files are served as they are on disk.
    status, feed = _get(base + "/feeds/all.atom.xml")
    assert status == 200 and "__rechargement" not in feed


def test_a_refused_source_is_told_in_french_and_the_rest_stays_served(dev_server):
    base, content, log = dev_server
    source = content / ARTICLE
    good = source.read_text(encoding="utf-8")
    source.write_text("Title: Sans date\nCategory: Conseils\n\nCorps.\n", encoding="utf-8")
    _wait_for(lambda: "trolls.md" in log.read_text(encoding="utf-8"))
    said = log.read_text(encoding="utf-8")
    assert "date" in said and "Traceback" not in said
    assert _get(base + "/")[0] == 200
    # Fixed: the page is back at the next save.
    source.write_text(good, encoding="utf-8")
    _wait_for(lambda: _get(base + URL)[0] == 200 and "Sans date" not in _get(base + URL)[1])


def test_a_template_error_at_start_up_is_told_and_the_fix_is_built(tmp_path):
    content = copy_content(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base_template = theme / "templates" / "base.html"
    good = base_template.read_text(encoding="utf-8")
    base_template.write_text(good.replace("{% block content %}", "{% block content", 1), "utf-8")
    with running_server(tmp_path, content, THEME=str(theme)) as (base, log):
        said = log.read_text(encoding="utf-8")
        assert "La construction a échoué (TemplateSyntaxError" in said, said
        assert "dès que vous enregistrerez la correction" in said
        assert "Traceback" not in said
        assert _get(base + URL)[0] == 404  # nothing built yet, and the server is up
        base_template.write_text(good, encoding="utf-8")
        # The first good build is a cold one: on a busy machine it takes a while.
        _wait_for(lambda: _get(base + URL)[0] == 200, seconds=120)
