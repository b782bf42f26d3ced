"""A build touches nothing outside its own project and output folder.

An author copies a built project (`cp -a blog blog-essai`) before trying something, or
changes `OUTPUT_PATH`: the other folder must come out of the next build byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from search.index import start_waiting
from tests.conftest import ROOT, build_site, run_task


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def built_project(tmp_path: Path, name: str = "blog") -> Path:
    project = tmp_path / name
    shutil.copytree(ROOT / "content", project / "content")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def build(project: Path, output: str = "output") -> subprocess.CompletedProcess:
    # The search index is written before the build returns (not in the background), so
    # that the snapshots below see a finished folder.
    return run_task(
        "pelicanconf.py",
        project / "content",
        project / output,
        cache=project / "cache",
        SEARCH_INDEX=True,
    )


def edit(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nUn paragraphe ajouté dans la copie.\n", encoding="utf-8")
    stat = article.stat()
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_building_a_copied_project_leaves_the_original_untouched(tmp_path):
    original = built_project(tmp_path)
    before = snapshot(original / "output")
    assert any(name.endswith("index.html") for name in before)
    copy = tmp_path / "blog-essai"
    shutil.copytree(original, copy, symlinks=True)  # as `cp -a` does: times kept
    edit(copy / "content" / "conseils" / "veille.md")
    result = build(copy)
    assert result.returncode == 0, result.stderr
    assert snapshot(original / "output") == before
    page = copy / "output" / "organiser-sa-veille-sans-y-passer-ses-journees" / "index.html"
    assert "Un paragraphe ajouté dans la copie." in page.read_text(encoding="utf-8")
    # The recorded paths say nothing of where the project lives.
    manifest = (copy / "cache" / "incremental.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in manifest


def test_a_new_output_path_leaves_the_old_output_untouched(tmp_path):
    project = built_project(tmp_path)
    before = snapshot(project / "output")
    result = build(project, "ailleurs")
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "output") == before
    moved = snapshot(project / "ailleurs")
    assert set(before) == set(moved)


@pytest.mark.parametrize("foreign", ["/etc/passwd", "../autre/index.html", "a/../../b.html"])
def test_a_manifest_naming_a_file_outside_the_output_is_not_followed(tmp_path, foreign):
    from incremental.manifest import Manifest

    path = tmp_path / "cache" / "incremental.json"
    Manifest(files={str(tmp_path / "out" / "x.html"): [1, 2]}).save(path, tmp_path / "out")
    text = path.read_text(encoding="utf-8").replace('"x.html"', f'"{foreign}"')
    path.write_text(text, encoding="utf-8")
    assert Manifest.load(path, tmp_path / "out").files == {}


def test_a_build_writes_nothing_outside_the_project(tmp_path, monkeypatch):
    """Temporary files, locks and dictionaries stay in the project or its output."""
    outside = tmp_path / "ailleurs"
    home = tmp_path / "maison"
    outside.mkdir()
    home.mkdir()
    monkeypatch.setenv("TMPDIR", str(outside))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again, here and in children
    project = tmp_path / "blog"
    shutil.copytree(ROOT / "content", project / "content")
    build_site(
        project,
        content=project / "content",
        CACHE_PATH=str(project / "cache"),
        SEARCH_INDEX="background",
    )
    start_waiting()
    assert list(outside.iterdir()) == []
    assert list(home.iterdir()) == []
