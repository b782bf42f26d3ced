"""The ``dossier`` and ``rsync`` targets: one rsync run, locally or over SSH.

``--checksum``: a publish build writes every file again, so sizes and times say nothing;
the content decides what is sent. Times are not copied (no ``--times``): a file keeps on
the server the time it last changed, which is what ``Last-Modified`` and nginx's ETag
tell readers' browsers. ``--delay-updates`` and ``--delete-delay`` put every new file in
place, then remove the old ones, at the end: readers never see a half-updated site.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from .changes import Changes
from .targets import DeployError, Target

_BYTES_SENT = re.compile(r"^Total bytes sent: ([\d,.]+)", re.MULTILINE)


def command(source: Path, target: Target, dry_run: bool, exclude: tuple[str, ...] = ()) -> list:
    """The rsync command line for ``target``."""
    rsync = shutil.which("rsync")
    if rsync is None:
        raise DeployError("rsync est absent : installez-le (apt-get install rsync)")
    line = [
        rsync,
        "--recursive",
        "--links",
        "--perms",
        "--chmod=D755,F644",  # what a web server needs to read, whatever the local umask
        "--checksum",
        "--delete",
        "--delete-delay",
        "--delay-updates",
        "--mkpath",
        "--itemize-changes",
        "--stats",
    ]
    if dry_run:
        line.append("--dry-run")
    # Excluded paths are neither sent nor deleted (no --delete-excluded).
    for path in target.keep + exclude:
        line.append(f"--exclude={path}")
    if target.kind == "rsync":
        ssh = ["ssh", "-o", "BatchMode=yes"]
        if target.port:
            ssh += ["-p", str(target.port)]
        line += ["-e", shlex.join(ssh + list(target.ssh_options))]
    return [*line, f"{source}/", target.destination.rstrip("/") + "/"]


def parse(stdout: str) -> Changes:
    """Added, changed and removed files from ``--itemize-changes``, bytes from ``--stats``."""
    added, changed, removed = [], [], []
    for line in stdout.splitlines():
        if line.startswith("*deleting "):
            path = line[len("*deleting ") :].strip()
            if not path.endswith("/"):
                removed.append(path)
            continue
        flags, _, path = line.partition(" ")
        if len(flags) != 11 or flags[1] != "f" or flags[0] not in "<>ch.":
            continue
        if flags[2:] == "+++++++++":
            added.append(path)
        elif flags[0] in "<>c":  # content sent; "." is attributes only
            changed.append(path)
    match = _BYTES_SENT.search(stdout)
    sent = int(re.sub(r"[,.]", "", match[1])) if match else 0
    return Changes(tuple(added), tuple(changed), tuple(removed), sent)


def sync(source: Path, target: Target, dry_run: bool, exclude: tuple[str, ...] = ()) -> Changes:
    """Mirror ``source`` onto the target; return what changed there."""
    line = command(source, target, dry_run, exclude)
    # Untranslated, plain numbers: the output is parsed.
    environment = {**os.environ, "LC_ALL": "C"}
    done = subprocess.run(
        line, capture_output=True, encoding="utf-8", errors="replace", env=environment, check=False
    )
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1:] or [f"code {done.returncode}"]
        raise DeployError(
            f"rsync vers {target.describe()} a échoué : {reason[0]} "
            "(vérifiez l’adresse, la clé SSH et les droits sur le dossier distant)"
        )
    return parse(done.stdout)
