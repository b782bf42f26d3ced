"""Deployment targets: declared in ``DEPLOY_TARGETS`` (publishconf.py) or written out.

Written out (``--to``): ``dossier:/chemin``, ``rsync:utilisateur@hôte:/chemin``,
``rsync:utilisateur@hôte:port:/chemin``, ``git:/chemin/ou/url#branche``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

KINDS = ("dossier", "rsync", "git")
DEFAULT_BRANCH = "gh-pages"


class DeployError(Exception):
    """A deploy that cannot go on; the message is French and says what to do."""

    exitcode = 1


@dataclass(frozen=True)
class Target:
    """Where the site goes."""

    name: str
    kind: str  # "dossier", "rsync" or "git"
    destination: str  # folder, [user@]host:/path, or repository path/URL
    port: int | None = None  # rsync over SSH
    branch: str = DEFAULT_BRANCH  # git
    ssh_options: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()  # paths on the target that a deploy never removes nor replaces

    def describe(self) -> str:
        """The target as the summary shows it."""
        if self.kind == "git":
            return f"git {self.destination} (branche {self.branch})"
        if self.kind == "rsync":
            port = f" (port {self.port})" if self.port else ""
            return f"rsync {self.destination}{port}"
        return f"dossier {self.destination}"


_RSYNC = re.compile(r"^(?P<host>[^:/\s]+):(?:(?P<port>\d+):)?(?P<path>.+)$")


def parse_written(text: str, ssh_options: tuple[str, ...] = ()) -> Target:
    """A target written out on the command line."""
    kind, _, rest = text.partition(":")
    if kind not in KINDS or not rest:
        raise DeployError(
            f"cible « {text} » inconnue : donnez le nom d’une cible de DEPLOY_TARGETS "
            "(publishconf.py) ou écrivez dossier:/chemin, rsync:utilisateur@hôte:/chemin "
            "ou git:/chemin/ou/url#branche"
        )
    if kind == "dossier":
        return Target(text, "dossier", rest)
    if kind == "git":
        url, _, branch = rest.rpartition("#") if "#" in rest else (rest, "", DEFAULT_BRANCH)
        if not url or not branch:
            raise DeployError(f"cible « {text} » : écrivez git:/chemin/ou/url#branche")
        return Target(text, "git", url, branch=branch)
    match = _RSYNC.match(rest)
    if not match:
        raise DeployError(
            f"cible « {text} » : écrivez rsync:utilisateur@hôte:/chemin "
            "ou rsync:utilisateur@hôte:port:/chemin"
        )
    port = int(match["port"]) if match["port"] else None
    return Target(
        text, "rsync", f"{match['host']}:{match['path']}", port=port, ssh_options=ssh_options
    )


def from_settings(name: str, declared: dict, ssh_options: tuple[str, ...] = ()) -> Target:
    """A target of ``DEPLOY_TARGETS``; a mistake in it is told in French."""
    where = f"publishconf.py, DEPLOY_TARGETS[« {name} »]"
    if not isinstance(declared, dict):
        raise DeployError(f"{where} : attendu un dictionnaire {{'type': …, 'destination': …}}")
    kind, destination = declared.get("type"), declared.get("destination")
    if kind not in KINDS:
        raise DeployError(f"{where} : « type » doit valoir {', '.join(KINDS)} (reçu : {kind!r})")
    if not isinstance(destination, str) or not destination:
        raise DeployError(f"{where} : « destination » manque (un dossier, hôte:/chemin ou dépôt)")
    unknown = set(declared) - {"type", "destination", "port", "branche", "ssh", "garder"}
    if unknown:
        raise DeployError(
            f"{where} : clé{'s' if len(unknown) > 1 else ''} inconnue"
            f"{'s' if len(unknown) > 1 else ''} {', '.join(sorted(unknown))} "
            "(clés possibles : type, destination, port, branche, ssh, garder)"
        )
    if kind == "rsync" and ":" not in destination:
        raise DeployError(f"{where} : « destination » s’écrit utilisateur@hôte:/chemin")
    port = declared.get("port")
    if port is not None and not isinstance(port, int):
        raise DeployError(f"{where} : « port » doit être un nombre (reçu : {port!r})")
    return Target(
        name,
        kind,
        destination,
        port=port,
        branch=declared.get("branche", DEFAULT_BRANCH),
        ssh_options=tuple(ssh_options) + tuple(declared.get("ssh", ())),
        keep=tuple(declared.get("garder", ())),
    )


def resolve(to: str | None, settings: dict) -> Target:
    """The target named or written out by ``--to``, else ``DEPLOY_DEFAULT``."""
    targets = settings.get("DEPLOY_TARGETS") or {}
    ssh_options = tuple(settings.get("DEPLOY_SSH_OPTIONS", ()))
    name = to or settings.get("DEPLOY_DEFAULT") or (next(iter(targets)) if targets else None)
    if name is None:
        raise DeployError(
            "aucune cible : déclarez-en une dans DEPLOY_TARGETS (publishconf.py) "
            "ou donnez-la avec --to dossier:/chemin"
        )
    if name in targets:
        return from_settings(name, targets[name], ssh_options)
    if ":" in name:
        target = parse_written(name, ssh_options)
        if target.kind == "dossier":
            return Target(name, "dossier", str(Path(target.destination).expanduser()))
        return target
    known = ", ".join(sorted(targets)) or "aucune"
    raise DeployError(f"cible « {name} » inconnue (cibles de publishconf.py : {known})")
