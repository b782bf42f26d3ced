"""`invoke deploy` to a branch of a git repository (a bare repository in tmp_path)."""

from __future__ import annotations

import subprocess

from tests.deploy.conftest import NEW_ARTICLE_URL, delete_new_article, make_project


def git(repository, *args) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repository), *args],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        check=True,
    ).stdout


def test_one_commit_per_publication_none_when_nothing_changed(tmp_path):
    repository = tmp_path / "site.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(repository)], check=True)
    project = make_project(tmp_path / "projet")
    written = f"git:{repository}#pages"

    first = project.deploy("--to", written, "--gates", "aucun")
    assert first.returncode == 0, first.said
    files = set(git(repository, "ls-tree", "-r", "--name-only", "pages").split())
    built = {
        p.relative_to(project.output).as_posix() for p in project.output.rglob("*") if p.is_file()
    }
    assert files == built | {".nojekyll"}
    assert f"{NEW_ARTICLE_URL}index.html.br" in files

    second = project.deploy("--to", written, "--gates", "aucun")
    assert second.returncode == 0, second.said
    assert "rien à envoyer" in second.said
    assert git(repository, "rev-list", "--count", "pages").strip() == "1"

    delete_new_article(project)
    third = project.deploy("--to", written, "--gates", "aucun")
    assert third.returncode == 0, third.said
    assert git(repository, "rev-list", "--count", "pages").strip() == "2"
    message = git(repository, "log", "-1", "--format=%B", "pages")
    assert message.startswith("Publication du ")
    assert message.splitlines()[0].endswith("1\u00a0retirée")
    assert f"Retirées\u00a0:\n- {NEW_ARTICLE_URL}index.html" in message
    files = set(git(repository, "ls-tree", "-r", "--name-only", "pages").split())
    assert not any(path.startswith(NEW_ARTICLE_URL) for path in files)
