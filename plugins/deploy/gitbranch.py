"""The ``git`` target: the site as one branch of a repository (GitHub, GitLab, Codeberg Pages).

A working copy of the branch is kept in ``CACHE_PATH/deploy/``; each deploy mirrors the
built site into it (rsync, as the other targets), makes one commit whose French message
lists what changed, and pushes. Nothing changed: no commit, nothing pushed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from . import rsync
from .changes import Changes
from .report import commit_message
from .targets import DeployError, Target

# GitHub Pages would otherwise run Jekyll, which hides files and folders starting with "_".
NOJEKYLL = ".nojekyll"
_WRITTEN = re.compile(r"Writing objects: .*?, ([\d.]+) (bytes|KiB|MiB|GiB)")
_UNITS = {"bytes": 1, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3}


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    done = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        env=environment,
        check=False,
    )
    if check and done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"code {done.returncode}"])[-1]
        raise DeployError(
            f"git {args[0]} a échoué : {reason} "
            "(vérifiez l’adresse du dépôt, vos droits et votre accès réseau)"
        )
    return done


def working_copy(cache: Path, target: Target) -> Path:
    """The local copy of the target branch, up to date with the repository."""
    if shutil.which("git") is None:
        raise DeployError("git est absent : installez-le (apt-get install git)")
    key = hashlib.sha256(f"{target.destination}#{target.branch}".encode()).hexdigest()[:12]
    folder = cache / "deploy" / f"git-{key}"
    if not (folder / ".git").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        _git(folder, "init", "--quiet")
    _git(folder, "remote", "remove", "origin", check=False)
    _git(folder, "remote", "add", "origin", target.destination)
    fetched = _git(folder, "fetch", "--quiet", "--depth=1", "origin", target.branch, check=False)
    if fetched.returncode == 0:
        _git(folder, "checkout", "--quiet", "--force", "-B", target.branch, "FETCH_HEAD")
    elif "couldn't find remote ref" in fetched.stderr:
        # A new branch: it starts empty, with no history of the author's sources.
        # (symbolic-ref rather than checkout --orphan: it also works when a branch of that
        # name, deleted on the repository since, is still here.)
        branch = f"refs/heads/{target.branch}"
        _git(folder, "symbolic-ref", "HEAD", branch)
        _git(folder, "update-ref", "-d", branch, check=False)
        _git(folder, "read-tree", "--empty")
    else:
        reason = (fetched.stderr.strip().splitlines() or ["?"])[-1]
        raise DeployError(
            f"impossible de lire le dépôt {target.destination} : {reason} "
            "(vérifiez l’adresse et vos droits)"
        )
    _git(folder, "clean", "--quiet", "-fdx")
    return folder


def _identity(folder: Path) -> list[str]:
    """The author's git identity, or a neutral one for machines that have none."""
    if _git(folder, "config", "user.email", check=False).stdout.strip():
        return []
    return ["-c", "user.name=Publication du carnet", "-c", "user.email=publication@localhost"]


def deploy(source: Path, cache: Path, target: Target, dry_run: bool, when: str) -> Changes:
    """Mirror ``source`` onto the branch, commit and push (or say what would change)."""
    folder = working_copy(cache, target)
    local = Target(target.name, "dossier", str(folder), keep=target.keep)
    rsync.sync(source, local, dry_run=False, exclude=("/.git", f"/{NOJEKYLL}"))
    (folder / NOJEKYLL).touch()
    _git(folder, "add", "--all")
    status = _git(folder, "diff", "--cached", "--name-status", "--no-renames").stdout
    added, changed, removed = [], [], []
    for line in status.splitlines():
        flag, _, path = line.partition("\t")
        {"A": added, "M": changed, "D": removed}.get(flag[:1], changed).append(path)
    changes = Changes(tuple(added), tuple(changed), tuple(removed))
    if dry_run or changes.empty:
        return changes  # the next deploy starts again from the repository's branch
    message = commit_message(changes, when)
    _git(folder, *_identity(folder), "commit", "--quiet", "--no-verify", "-m", message)
    pushed = _git(folder, "push", "--progress", "origin", f"HEAD:refs/heads/{target.branch}")
    match = _WRITTEN.search(pushed.stderr)
    sent = int(float(match[1]) * _UNITS[match[2]]) if match else 0
    return Changes(changes.added, changes.changed, changes.removed, sent)
