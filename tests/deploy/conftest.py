"""A project to deploy: the sample content in a temporary folder, built by ``invoke deploy``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.deploy_bench import settings_file
from tests.conftest import ROOT, plain

NEW_ARTICLE = """\
Title: Préparer une semaine de publications
Date: 2026-11-02 09:00
Tags: organisation
Author: Koffi Mensah
Summary: Une méthode simple pour préparer la semaine.

Le lundi matin, je prépare les messages de la semaine.
Chaque message a un objectif clair et une date.
"""
NEW_ARTICLE_URL = "preparer-une-semaine-de-publications/"


@dataclass
class Project:
    """Content and settings of a site that tests deploy; the build goes to ``output``."""

    folder: Path
    settings: Path

    @property
    def content(self) -> Path:
        return self.folder / "content"

    @property
    def output(self) -> Path:
        return self.folder / "output"

    def deploy(self, *options: str) -> subprocess.CompletedProcess:
        """``invoke deploy --settings <ours> OPTIONS`` as the author runs it; ``said`` is
        what a terminal shows, errors and output in the order they came."""
        done = subprocess.run(
            [sys.executable, "-m", "invoke", "deploy", "--settings", str(self.settings), *options],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
            timeout=300,
        )
        done.said = plain(done.stdout)
        return done


def make_project(folder: Path, **settings) -> Project:
    """The sample content and a settings file that imports publishconf.py."""
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "content" / "conseils" / "semaine.md").write_text(NEW_ARTICLE, encoding="utf-8")
    path = settings_file(folder, folder / "content", **settings)
    return Project(folder, path)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (``.git`` left out)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(folder).parts
    }


def stamps(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


def delete_new_article(project: Project, redirect_to: str | None = None) -> None:
    """Remove the article the tests added; with ``redirect_to``, its old URL leads there."""
    (project.content / "conseils" / "semaine.md").unlink()
    if redirect_to:
        with open(project.content / "redirections.csv", "a", encoding="utf-8") as table:
            table.write(f"/{NEW_ARTICLE_URL},{redirect_to}\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    return make_project(tmp_path_factory.mktemp("projet"))
