"""Helpers of the comments tests: a private content folder, imports, the CLI, thread shapes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from comments import cli
from tests.conftest import ROOT, SHARED_FIXTURES, plain

DATA = ROOT / "tests" / "data" / "comments"
WORDPRESS = SHARED_FIXTURES / "wordpress"
PELICAN_WXR = WORDPRESS / "pelican-wordpressexport.xml"
ISSO_WXR = WORDPRESS / "isso-wordpress.xml"
NBSP = "\u00a0"


@pytest.fixture
def content(tmp_path) -> Path:
    """A private copy of the test site's content (articles whose slugs the exports name)."""
    target = tmp_path / "content"
    shutil.copytree(DATA / "site", target)
    return target


def settings_for(content: Path, **overrides) -> dict:
    settings = cli.load_settings(ROOT / "pelicanconf.py", str(content))
    settings.update(overrides)
    return settings


def import_file(content: Path, path: Path, **options):
    """Import in-process; returns (result, summary with plain spaces)."""
    settings = settings_for(content, **options.pop("settings", {}))
    result, summary = cli.import_file(path, settings, **options)
    return result, plain(summary)


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``invoke <args>`` in a subprocess, as the author runs it."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=timeout,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a store folder with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))}


def shape(element) -> list:
    """The thread under a list element as nested (id, [replies]) pairs, from the HTML alone."""
    found = []
    for item in element.find_all("li", recursive=False):
        replies = item.find("ol", class_="comment-replies", recursive=False)
        found.append((item["data-comment-id"], shape(replies) if replies else []))
    return found
