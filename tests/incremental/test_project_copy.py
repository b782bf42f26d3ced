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

from cmcore.waiting import start_all
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
    start_all()
    assert list(outside.iterdir()) == []
    assert list(home.iterdir()) == []


VEILLE = Path("organiser-sa-veille-sans-y-passer-ses-journees") / "index.html"


def test_a_new_output_path_removes_nothing_the_old_build_listed(tmp_path):
    """The previous build's list names files of another folder: none is removed here."""
    project = built_project(tmp_path)
    (project / "content" / "conseils" / "veille.md").unlink()
    mine = project / "ailleurs" / VEILLE
    mine.parent.mkdir(parents=True)
    shutil.copy2(project / "output" / VEILLE, mine)  # the same bytes and times
    result = build(project, "ailleurs")
    assert result.returncode == 0, result.stderr
    assert mine.read_bytes() == (project / "output" / VEILLE).read_bytes()


def test_a_page_changed_by_hand_is_not_removed_with_its_article(tmp_path):
    project = built_project(tmp_path)
    (project / "content" / "conseils" / "veille.md").unlink()
    page = project / "output" / VEILLE
    page.write_text("<p>Ma page à moi.</p>\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert page.read_text(encoding="utf-8") == "<p>Ma page à moi.</p>\n"
    # Another article removed, its page as the build wrote it: the page goes with it.
    other = project / "output" / "repondre-a-un-troll-sans-perdre-son-calme" / "index.html"
    assert other.exists()
    (project / "content" / "conseils" / "trolls.md").unlink()
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert not other.exists()


def test_a_copied_project_runs_its_own_code_after_make(tmp_path):
    """`cp -a blog blog-essai`, `.venv` included: after any `make` target the copy's
    scripts run the copy's Python and plugins, and its tasks build the copy."""
    copy = tmp_path / "blog-essai"
    names = ["Makefile", "requirements.txt", "pelicanconf.py", "publishconf.py", "tasks.py"]
    copy.mkdir()
    for name in names:
        shutil.copy2(ROOT / name, copy / name)
    for folder in ["content", "theme", "plugins", "lib", ".venv"]:
        shutil.copytree(ROOT / folder, copy / folder, symlinks=True)
    original = (ROOT / ".venv" / "bin" / "invoke").read_bytes()
    setup = subprocess.run(
        ["make", "-s", "setup"], cwd=copy, capture_output=True, text=True, encoding="utf-8"
    )
    assert setup.returncode == 0, setup.stderr
    assert "Environnement copié depuis" in setup.stdout
    assert (copy / ".venv" / "bin" / "invoke").read_text().startswith(f"#!{copy}/.venv/bin/")
    assert (ROOT / ".venv" / "bin" / "invoke").read_bytes() == original
    where = subprocess.run(
        [copy / ".venv" / "bin" / "python", "-c", "import sitebuild; print(sitebuild.__file__)"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert where.stdout.strip() == str(copy / "lib" / "sitebuild.py")
    built = subprocess.run(
        [copy / ".venv" / "bin" / "invoke", "build"],
        cwd=copy,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert built.returncode == 0, built.stderr
    assert (copy / "output" / VEILLE).exists()
